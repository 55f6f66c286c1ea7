//! `rapporteur serve` against what a web page (or a careless client) can send it: the
//! real binary on 127.0.0.1, spoken to over raw TCP.
//!
//! Any page open in the developer's browser can make requests to 127.0.0.1, and with DNS
//! rebinding read the answers; so serve answers only requests whose `Host` names it.
//! And nothing a client sends may make serve grow without bound: not a huge header, not
//! a request body, not thousands of connections or event streams.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use super::serve::Serve;
use super::support::{copy_fixture_unpublished, temp_dir};

/// Sends `request` (raw bytes) and returns the whole response as text.
fn exchange(address: &str, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(address).expect("cannot connect to serve");
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .expect("cannot set a timeout");
    // The server may stop reading once it has seen enough; that is the point.
    drop(stream.write_all(request));
    let mut response = Vec::new();
    drop(stream.read_to_end(&mut response));
    String::from_utf8_lossy(&response).into_owned()
}

pub(super) fn status(response: &str) -> &str {
    response.split(' ').nth(1).unwrap_or("")
}

pub(super) fn get_with_host(address: &str, host: &str) -> String {
    exchange(
        address,
        format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

fn start() -> (tempfile::TempDir, Serve) {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let serve = Serve::start(&root);
    (temp, serve)
}

#[test]
fn serve_answers_only_requests_addressed_to_localhost() {
    let (_temp, serve) = start();
    let port = serve.address.rsplit(':').next().expect("a port").to_owned();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(
            status(&get_with_host(&serve.address, &host)),
            "200",
            "{host}"
        );
    }
    for host in [
        format!("rebound.example:{port}"),
        format!("localhost.rebound.example:{port}"),
        "localhost:1".to_owned(),
        "localhost".to_owned(),
    ] {
        let response = get_with_host(&serve.address, &host);
        assert_eq!(status(&response), "403", "{host}: {response}");
        assert!(!response.contains("<html"), "{response}");
    }
    let no_host = exchange(
        &serve.address,
        b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status(&no_host), "403", "{no_host}");
    let events = exchange(
        &serve.address,
        format!("GET /__rapporteur/events?page=/ HTTP/1.1\r\nHost: rebound.example:{port}\r\n\r\n")
            .as_bytes(),
    );
    assert_eq!(status(&events), "403", "{events}");
    // A page of another site, through the browser: the Host is right, the site is not.
    let from_elsewhere = exchange(
        &serve.address,
        format!("GET /__rapporteur/events?page=/ HTTP/1.1\r\nHost: localhost:{port}\r\nSec-Fetch-Site: cross-site\r\nOrigin: https://rebound.example\r\n\r\n")
            .as_bytes(),
    );
    assert_eq!(status(&from_elsewhere), "403", "{from_elsewhere}");
    let same_origin = exchange(
        &serve.address,
        format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nSec-Fetch-Site: same-origin\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    );
    assert_eq!(status(&same_origin), "200");
}

#[test]
fn serve_refuses_a_huge_header_and_a_request_body() {
    let (_temp, serve) = start();
    let host = serve.address.clone();
    let mut huge = format!("GET / HTTP/1.1\r\nHost: {host}\r\nX-Filler: ").into_bytes();
    huge.extend(std::iter::repeat_n(b'a', 200 * 1024));
    huge.extend_from_slice(b"\r\n\r\n");
    let response = exchange(&serve.address, &huge);
    assert_eq!(status(&response), "431", "{response}");

    let endless_line = vec![b'G'; 100 * 1024];
    assert_eq!(status(&exchange(&serve.address, &endless_line)), "431");

    let with_body = format!(
        "GET / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"
    );
    let response = exchange(&serve.address, with_body.as_bytes());
    assert_eq!(status(&response), "413", "{response}");
    let chunked = format!(
        "POST / HTTP/1.1\r\nHost: {host}\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
    );
    assert_eq!(status(&exchange(&serve.address, chunked.as_bytes())), "413");
    // Serve still answers.
    assert_eq!(serve.get("/").status, 200);
}

/// The number of threads of process `pid`, from `/proc`.
fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("no /proc");
    status
        .lines()
        .find_map(|line| line.strip_prefix("Threads:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("no thread count")
}

#[test]
fn thousands_of_event_streams_do_not_make_thousands_of_threads() {
    let (_temp, serve) = start();
    let host = serve.address.clone();
    let request = format!("GET /__rapporteur/events?page=/ HTTP/1.1\r\nHost: {host}\r\n\r\n");
    let mut streams = Vec::new();
    let mut most_threads = 0;
    for _ in 0..600 {
        let Ok(mut stream) = TcpStream::connect(&serve.address) else {
            break;
        };
        drop(stream.write_all(request.as_bytes()));
        streams.push(stream);
    }
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline {
        most_threads = most_threads.max(threads(serve.child.id()));
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        most_threads < 250,
        "{most_threads} threads for {} connections",
        streams.len()
    );
    // Past the limits, a tab is told why; pages are still served once streams close.
    let mut refused = 0;
    for stream in &mut streams {
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .expect("cannot set a timeout");
        let mut start = [0; 12];
        if stream.read_exact(&mut start).is_ok() && &start[9..12] == b"503" {
            refused += 1;
        }
    }
    assert!(
        refused > 300,
        "only {refused} of {} were refused",
        streams.len()
    );
    drop(streams);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if serve.get("/").status == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "serve does not answer after the streams closed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_request_head_sent_byte_by_byte_is_cut_off() {
    let (_temp, serve) = start();
    let mut stream = TcpStream::connect(&serve.address).expect("cannot connect to serve");
    let started = Instant::now();
    stream
        .write_all(b"GET / HTTP/1.1\r\nX-Slow: ")
        .expect("cannot send");
    let mut reader = stream.try_clone().expect("cannot clone the stream");
    let closed = std::thread::spawn(move || {
        let mut rest = Vec::new();
        drop(reader.read_to_end(&mut rest));
        started.elapsed()
    });
    // A byte a second, well within any per-read timeout, for longer than the head may take.
    while !closed.is_finished() && started.elapsed() < Duration::from_secs(25) {
        if stream.write_all(b"a").is_err() {
            break;
        }
        std::thread::sleep(Duration::from_secs(1));
    }
    let after = closed.join().expect("the reader panicked");
    assert!(
        after < Duration::from_secs(15),
        "the connection stayed open for {after:?}"
    );
}
