//! The HTTP side of serve: pages from the current snapshot, the reload script and the
//! event streams, on 127.0.0.1 only.
//!
//! Connections, limits and the `Host` check are [`super::server`]'s; this module answers
//! the requests that pass them. Nothing is cached by the browser (`Cache-Control:
//! no-store`), so a reload always shows the current version.

use std::net::TcpStream;
use std::sync::Arc;

use super::events::{self, Hub, Message, Refusal};
use super::overlay;
use super::server::{text, Reply, Request, Server};
use super::snapshot::Failure;
use super::state::State;
use crate::diagnostic::{self, Format};

/// The path of the event stream.
pub const EVENTS_URL: &str = "/__rapporteur/events";

/// Answers the requests of `server` until it is stopped.
pub fn run(server: &Server, state: Arc<State>) {
    server.run(Arc::new(move |request| respond(request, &state)));
}

/// The output file a request path asks for: `/` → `index.html`, `/x/` → `x/index.html`,
/// `/style.css` → `style.css`; `None` for a path that cannot name one (`..`, bad escapes).
pub fn output_file(request_path: &str) -> Option<String> {
    let decoded = percent_decode(request_path.strip_prefix('/')?)?;
    if decoded
        .split('/')
        .any(|segment| segment == ".." || segment == "." || segment.contains('\\'))
    {
        return None;
    }
    if decoded.is_empty() || decoded.ends_with('/') {
        Some(crate::render::page_file(&decoded))
    } else {
        Some(decoded)
    }
}

fn respond(request: Request, state: &State) {
    let Request {
        method,
        url,
        mut stream,
    } = request;
    let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
    let head_only = method == "HEAD";
    let reply = match (method.as_str(), path) {
        ("GET" | "HEAD", overlay::SCRIPT_URL) => {
            Reply::new(200, overlay::SCRIPT.as_bytes().to_vec())
                .header("Content-Type", "text/javascript; charset=utf-8")
                .header("Cache-Control", "no-store")
        }
        ("GET", EVENTS_URL) => match stream_events(&stream, query, state) {
            Ok(()) => return,
            Err(refusal) => refusal,
        },
        ("GET" | "HEAD", _) => page(path, state),
        _ => text(405, "only GET and HEAD are served"),
    };
    // A browser that went away mid-response is not a problem of serve.
    drop(reply.send(&mut stream, head_only));
}

/// Streams events to the tab showing the page named in `?page=` until it goes away, or
/// gives the reply that says why no stream may start.
fn stream_events(stream: &TcpStream, query: &str, state: &State) -> Result<(), Reply> {
    let page = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("page="))
        .and_then(percent_decode)
        .unwrap_or_else(|| "/".to_owned());
    let subscription = Hub::subscribe(&state.hub, &page).map_err(|refusal| match refusal {
        Refusal::Stopping => text(503, "serve is stopping"),
        Refusal::TooMany => text(
            503,
            &format!(
                "too many open tabs: serve keeps at most {} event streams",
                events::MAX_STREAMS
            ),
        ),
    })?;
    let writer = stream
        .try_clone()
        .map_err(|error| text(500, &format!("cannot start the event stream: {error}")))?;
    let first = state.overlay().map(Message::Problems);
    events::stream(Box::new(writer), subscription, first);
    Ok(())
}

/// The response for the page at `path`, with the reload script (and the overlay while
/// the content has problems) in HTML.
fn page(path: &str, state: &State) -> Reply {
    let Some(file) = output_file(path) else {
        return text(400, "this address cannot name a page of the site");
    };
    let overlay = state.overlay();
    let Some(snapshot) = state.snapshot() else {
        return problem_page(503, overlay.as_deref());
    };
    match snapshot.file(&file) {
        Ok(Some(bytes)) => file_response(200, &file, &bytes, overlay.as_deref()),
        Ok(None) => {
            let folder = format!("{file}/index.html");
            if !path.ends_with('/') && matches!(snapshot.file(&folder), Ok(Some(_))) {
                return Reply::new(301, Vec::new()).header("Location", format!("{path}/"));
            }
            match snapshot.file("404.html") {
                Ok(Some(bytes)) => file_response(404, "404.html", &bytes, overlay.as_deref()),
                _ => text(404, "not found"),
            }
        }
        Err(Failure::Problems(problems)) => {
            eprint!("{}", diagnostic::render(&problems, Format::Human));
            problem_page(500, overlay::overlay(&problems).as_deref())
        }
        Err(Failure::Io(error)) => text(500, &error.to_string()),
    }
}

fn file_response(status: u16, file: &str, bytes: &[u8], overlay: Option<&str>) -> Reply {
    let content_type = content_type(file);
    let body = if content_type.starts_with("text/html") {
        overlay::inject(bytes, overlay)
    } else {
        bytes.to_vec()
    };
    Reply::new(status, body)
        .header("Content-Type", content_type)
        .header("Cache-Control", "no-store")
}

/// A page for when there is no valid version to show: just the problems.
fn problem_page(status: u16, overlay: Option<&str>) -> Reply {
    let html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
                <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                <title>rapporteur serve: the content has problems</title></head>\
                <body><main><h1>The site cannot be shown yet</h1>\
                <p>Fix the problems listed here (and in the terminal); this page \
                reloads when they are fixed.</p></main></body></html>\n";
    file_response(status, "index.html", html.as_bytes(), overlay)
}

/// The media type of an output file, by its extension.
fn content_type(file: &str) -> &'static str {
    let extension = file.rsplit_once('.').map_or("", |(_, extension)| extension);
    match extension.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes (and `+` in queries is left alone); `None` when an escape is
/// malformed or the result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte == b'%' {
            let hex = std::str::from_utf8(bytes.get(index + 1..index + 3)?).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            decoded.push(byte);
            index += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_name_output_files() {
        let cases = [
            ("/", Some("index.html")),
            ("/contributions/x/", Some("contributions/x/index.html")),
            ("/style.css", Some("style.css")),
            ("/404.html", Some("404.html")),
            ("/assets/a%20b.png", Some("assets/a b.png")),
            ("/contributions", Some("contributions")),
            ("/../etc/passwd", None),
            ("/a/%2e%2e/b", None),
            ("/bad%zz", None),
            ("/bad%e9", None),
            ("no-slash", None),
        ];
        for (path, expected) in cases {
            assert_eq!(output_file(path).as_deref(), expected, "{path}");
        }
    }

    #[test]
    fn media_types_follow_the_extension() {
        assert_eq!(content_type("x/index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("feeds/2025.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(content_type("LOGO.SVG"), "image/svg+xml");
        assert_eq!(content_type("data/x"), "application/octet-stream");
    }
}
