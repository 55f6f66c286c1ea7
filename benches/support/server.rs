//! A running `rapporteur serve` as the serve benchmark drives it: the process, its
//! terminal lines, plain HTTP GETs and a tab's event stream, with std's TcpStream (serve
//! speaks HTTP/1.1, one request per connection is all the benchmark needs).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use super::corpus::Error;

/// How long serve may take to print an expected line before the bench gives up.
const PATIENCE: Duration = Duration::from_secs(120);

/// A running `rapporteur serve`.
pub struct Serve {
    child: Child,
    lines: Receiver<String>,
    pub address: String,
}

impl Serve {
    pub fn start(site: &Path) -> Result<Serve, Error> {
        let binary = std::env::var_os("RAPPORTEUR_BENCH_BINARY").map_or_else(
            || PathBuf::from(env!("CARGO_BIN_EXE_rapporteur")),
            PathBuf::from,
        );
        let mut child = Command::new(binary)
            .args(["serve", "--port", "0", "--root"])
            .arg(site)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let mut serve = Serve {
            child,
            lines,
            address: String::new(),
        };
        let line = serve.wait_for_line(|line| line.starts_with("serving "))?;
        serve.address = line
            .split_whitespace()
            .find_map(|word| word.strip_prefix("http://"))
            .map(|address| address.trim_end_matches('/').to_owned())
            .ok_or("no address in the serving line")?;
        Ok(serve)
    }

    pub fn wait_for_line(&self, wanted: impl Fn(&str) -> bool) -> Result<String, Error> {
        let deadline = Instant::now() + PATIENCE;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let line = self.lines.recv_timeout(left)?;
            if wanted(&line) {
                return Ok(line);
            }
        }
        Err("serve did not print the expected line in time".into())
    }

    /// Sends SIGINT; returns whether serve exited with status 0.
    pub fn stop(&mut self) -> Result<bool, Error> {
        let pid = nix::unistd::Pid::from_raw(i32::try_from(self.child.id())?);
        nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT)?;
        Ok(self.child.wait()?.code() == Some(0))
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            drop(self.child.kill());
            drop(self.child.wait());
        }
    }
}

/// The body of `GET path` (HTTP/1.1, one request per connection).
pub fn get(address: &str, path: &str) -> Result<String, Error> {
    let mut stream = TcpStream::connect(address)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )?;
    let mut text = String::new();
    stream.read_to_string(&mut text)?;
    Ok(text)
}

/// A tab's event stream; yields the name of each event and when it arrived.
pub fn open_events(address: &str, page: &str) -> Result<Receiver<(String, Instant)>, Error> {
    let mut stream = TcpStream::connect(address)?;
    write!(
        stream,
        "GET /__rapporteur/events?page={page} HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )?;
    let (sender, events) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ") {
                if sender.send((name.to_owned(), Instant::now())).is_err() {
                    break;
                }
            }
        }
    });
    Ok(events)
}
