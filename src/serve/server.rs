//! The HTTP/1.1 listener of serve: bounded in every direction a page on the web could push.
//!
//! A preview server on 127.0.0.1 is still reachable from every web page the developer has
//! open: a page can make the browser send requests to it, and a DNS name that first
//! resolves to the attacker and then to 127.0.0.1 (DNS rebinding) lets that page read the
//! answers. So every request must name this server in its `Host` header
//! (`localhost`, `127.0.0.1`, `[::1]` or the address given with `--interface`, on the port
//! serve listens on), or it gets 403;
//! so does a request that the browser marks as sent by another site
//! (`Sec-Fetch-Site: cross-site`), which the `Host` check cannot see.
//! And nothing a client sends may grow without bound: the request head is limited to
//! [`MAX_HEAD_BYTES`] (431 beyond) and must arrive within [`HEAD_TIMEOUT`], a request
//! with a body is refused (413: serve only answers GET and HEAD, so the body limit is
//! zero), and at most [`MAX_CONNECTIONS`] connections are open at once, each on its own
//! thread; the one after is answered 503 by the accepting thread and closed.
//!
//! This replaces `tiny_http`, which reads a header line without limit and starts a thread
//! for every connection it accepts, with no setting for either. The request head is
//! parsed by `httparse`; each connection carries one request (`Connection: close`).

use std::io::{self, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The largest request head (request line and headers) read, in bytes.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// The most headers a request may have.
const MAX_HEADERS: usize = 64;
/// How long a client may take to send its request head, and to read a response.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// The most connections open at once (event streams included).
pub const MAX_CONNECTIONS: usize = 128;

/// A request as serve needs it: method, target and the `Host` check already done.
pub struct Request {
    pub method: String,
    /// The request target: path and query (`/x/?a=b`).
    pub url: String,
    pub stream: TcpStream,
}

/// A complete response: status, headers and body (`Content-Length` and `Connection` are
/// added when it is sent).
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn new(status: u16, body: Vec<u8>) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body,
        }
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }

    /// Sends the reply on `stream` (without the body for a HEAD request).
    pub fn send(&self, stream: &mut TcpStream, head_only: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        stream.write_all(head.as_bytes())?;
        if !head_only {
            stream.write_all(&self.body)?;
        }
        stream.flush()
    }
}

/// A plain-text reply.
pub fn text(status: u16, message: &str) -> Reply {
    Reply::new(status, format!("{message}\n").into_bytes())
        .header("Content-Type", "text/plain; charset=utf-8")
        .header("Cache-Control", "no-store")
}

/// The listening socket, and whether serve is stopping.
pub struct Server {
    listener: TcpListener,
    address: SocketAddr,
    stopping: AtomicBool,
    open: Arc<AtomicUsize>,
}

impl Server {
    /// Listens on `interface`:`port` (0 picks a free port).
    pub fn bind(interface: IpAddr, port: u16) -> io::Result<Server> {
        let listener = TcpListener::bind((interface, port))?;
        let address = listener.local_addr()?;
        Ok(Server {
            listener,
            address,
            stopping: AtomicBool::new(false),
            open: Arc::new(AtomicUsize::new(0)),
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Accepts connections until [`Server::stop`], answering each well-formed request
    /// addressed to this server with `handle`, on a thread of its own.
    pub fn run(&self, handle: Arc<dyn Fn(Request) + Send + Sync>) {
        for stream in self.listener.incoming() {
            if self.stopping.load(Ordering::SeqCst) {
                return;
            }
            let Ok(mut stream) = stream else { continue };
            drop(stream.set_write_timeout(Some(HEAD_TIMEOUT)));
            let Some(slot) = Slot::take(&self.open) else {
                drop(text(503, "serve has too many open connections").send(&mut stream, false));
                continue;
            };
            let handle = Arc::clone(&handle);
            let address = self.address;
            let spawned = std::thread::Builder::new()
                .name("serve-connection".to_owned())
                .spawn(move || {
                    let _slot = slot;
                    if let Some(request) = read_request(stream, address) {
                        handle(request);
                    }
                });
            if let Err(error) = spawned {
                eprintln!("warning: cannot answer a request: {error}");
            }
        }
    }

    /// Makes [`Server::run`] return: sets the flag, then wakes the accepting thread.
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        drop(TcpStream::connect(self.address));
    }
}

/// One of the [`MAX_CONNECTIONS`] places, given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(open: &Arc<AtomicUsize>) -> Option<Slot> {
        let taken = open.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |count| {
            (count < MAX_CONNECTIONS).then_some(count + 1)
        });
        taken.ok().map(|_| Slot(Arc::clone(open)))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Reads and checks the request head on `stream`; answers the client itself (and
/// returns `None`) when the head is too large, malformed, has a body or names another host.
fn read_request(mut stream: TcpStream, address: SocketAddr) -> Option<Request> {
    let head = match read_head(&mut stream) {
        Ok(head) => head,
        Err(Some(reply)) => {
            refuse(stream, &reply);
            return None;
        }
        Err(None) => return None,
    };
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    let refusal = match parsed.parse(&head) {
        Ok(httparse::Status::Complete(_)) => check(&parsed, address),
        Ok(httparse::Status::Partial) | Err(_) => Err(text(400, "malformed request")),
    };
    let (method, url) = match refusal {
        Ok(()) => (parsed.method?.to_owned(), parsed.path?.to_owned()),
        Err(reply) => {
            refuse(stream, &reply);
            return None;
        }
    };
    Some(Request {
        method,
        url,
        stream,
    })
}

/// Sends `reply` and closes the connection gracefully: what the client is still sending
/// is read and dropped (up to a bound), so that the close does not reset the connection
/// before the client has read why it was refused.
fn refuse(mut stream: TcpStream, reply: &Reply) {
    if reply.send(&mut stream, false).is_err() {
        return;
    }
    drop(stream.shutdown(std::net::Shutdown::Write));
    drop(stream.set_read_timeout(Some(Duration::from_secs(1))));
    drop(io::copy(&mut stream.take(DRAIN_BYTES), &mut io::sink()));
}

/// How much of an unwanted request is read before a refused connection is closed.
const DRAIN_BYTES: u64 = 1024 * 1024;

/// Reads up to the blank line that ends the head: `Err(Some(reply))` for a head beyond
/// the limit, `Err(None)` when the client went away or took more than [`HEAD_TIMEOUT`].
fn read_head(stream: &mut TcpStream) -> Result<Vec<u8>, Option<Reply>> {
    let mut head = Vec::with_capacity(1024);
    let mut buffer = [0; 4096];
    // One deadline for the whole head, so a byte every few seconds does not hold a place.
    let deadline = Instant::now() + HEAD_TIMEOUT;
    loop {
        let left = deadline
            .checked_duration_since(Instant::now())
            .filter(|left| !left.is_zero())
            .ok_or(None)?;
        stream.set_read_timeout(Some(left)).map_err(|_| None)?;
        let read = stream.read(&mut buffer).map_err(|_| None)?;
        if read == 0 {
            return Err(None);
        }
        let searched_from = head.len().saturating_sub(3);
        head.extend_from_slice(&buffer[..read]);
        if let Some(end) = find_end_of_head(&head[searched_from..]) {
            head.truncate(searched_from + end);
            return Ok(head);
        }
        if head.len() > MAX_HEAD_BYTES {
            return Err(Some(text(
                431,
                &format!("the request head is larger than {MAX_HEAD_BYTES} bytes"),
            )));
        }
    }
}

/// The index just past `\r\n\r\n` in `bytes`.
fn find_end_of_head(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .map(|start| start + 4)
}

/// Refuses a request with a body, or one not addressed to this server.
fn check(request: &httparse::Request<'_, '_>, address: SocketAddr) -> Result<(), Reply> {
    let header = |wanted: &'static str| {
        request
            .headers
            .iter()
            .filter(move |header| header.name.eq_ignore_ascii_case(wanted))
    };
    let has_body = header("transfer-encoding").next().is_some()
        || header("content-length").any(|header| header.value != b"0");
    if has_body {
        return Err(text(413, "serve accepts no request body"));
    }
    // Browsers say when a page of another site sent a request; such a page has no business
    // with a local preview (it could hold event streams or make serve render).
    if header("sec-fetch-site").any(|header| header.value.eq_ignore_ascii_case(b"cross-site")) {
        return Err(text(
            403,
            "serve answers no requests sent by pages of other sites",
        ));
    }
    let hosts: Vec<&[u8]> = header("host").map(|header| header.value).collect();
    match hosts.as_slice() {
        [host] if is_own_host(host, address) => Ok(()),
        _ => {
            let port = address.port();
            let mut names = format!("localhost:{port}, 127.0.0.1:{port}, [::1]:{port}");
            if !address.ip().is_loopback() && !address.ip().is_unspecified() {
                names.push_str(&format!(" or {address}"));
            }
            Err(text(
                403,
                &format!("serve answers only requests for {names}"),
            ))
        }
    }
}

/// Whether a `Host` header names this server: a loopback name, or the address it listens
/// on (unless that is 0.0.0.0 or `::`, which no browser names), on its port.
pub fn is_own_host(host: &[u8], address: SocketAddr) -> bool {
    let Ok(text) = std::str::from_utf8(host) else {
        return false;
    };
    let listened = address.ip();
    let own = !listened.is_unspecified() && text.trim().parse::<SocketAddr>().ok() == Some(address);
    own || is_local_host(host, address.port())
}

/// Whether a `Host` header names a loopback name on `port` (the port may be left out
/// only when it is 80).
pub fn is_local_host(host: &[u8], port: u16) -> bool {
    let Ok(host) = std::str::from_utf8(host) else {
        return false;
    };
    let host = host.trim().to_ascii_lowercase();
    let (name, given_port) = match host.rsplit_once(':') {
        Some((name, given)) if !given.contains(']') => (name, Some(given)),
        _ => (host.as_str(), None),
    };
    let port_matches = match given_port {
        Some(given) => given == port.to_string(),
        None => port == 80,
    };
    port_matches && matches!(name, "localhost" | "127.0.0.1" | "[::1]")
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Payload Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_on_our_port_are_local() {
        let local = [
            "localhost:8000",
            "127.0.0.1:8000",
            "[::1]:8000",
            "LocalHost:8000",
        ];
        for host in local {
            assert!(is_local_host(host.as_bytes(), 8000), "{host}");
        }
        let foreign = [
            "evil.example:8000",
            "localhost:8001",
            "localhost",
            "127.0.0.1",
            "localhost.evil.example:8000",
            "127.0.0.2:8000",
            "[::1]",
            "",
        ];
        for host in foreign {
            assert!(!is_local_host(host.as_bytes(), 8000), "{host}");
        }
        assert!(is_local_host(b"localhost", 80));
    }

    #[test]
    fn the_listened_address_is_also_ours() {
        let address: SocketAddr = "192.168.1.20:8000"
            .parse()
            .unwrap_or_else(|_| unreachable!());
        for host in ["192.168.1.20:8000", "localhost:8000", "127.0.0.1:8000"] {
            assert!(is_own_host(host.as_bytes(), address), "{host}");
        }
        for host in [
            "192.168.1.21:8000",
            "192.168.1.20:8001",
            "evil.example:8000",
        ] {
            assert!(!is_own_host(host.as_bytes(), address), "{host}");
        }
        let any: SocketAddr = "0.0.0.0:8000".parse().unwrap_or_else(|_| unreachable!());
        assert!(!is_own_host(b"0.0.0.0:8000", any));
        assert!(is_own_host(b"localhost:8000", any));
    }

    #[test]
    fn the_head_ends_at_the_first_blank_line() {
        assert_eq!(find_end_of_head(b"GET / HTTP/1.1\r\n\r\nbody"), Some(18));
        assert_eq!(find_end_of_head(b"GET / HTTP/1.1\r\n"), None);
    }
}
