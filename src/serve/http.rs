//! The HTTP side of serve: pages from the current snapshot, the reload script and the
//! event streams, on 127.0.0.1 only.
//!
//! Each request gets its own thread: page requests are short, event streams last as long
//! as their tab, and a local preview has a handful of each. Nothing is cached by the
//! browser (`Cache-Control: no-store`), so a reload always shows the current version.

use std::io::Cursor;
use std::sync::Arc;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::events::{self, Hub, Message};
use super::overlay;
use super::snapshot::Failure;
use super::state::State;
use crate::diagnostic::{self, Format};

/// The path of the event stream.
pub const EVENTS_URL: &str = "/__rapporteur/events";

/// Answers the requests of `server` until it is unblocked.
pub fn run(server: Arc<tiny_http::Server>, state: Arc<State>) {
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        let spawned = std::thread::Builder::new()
            .name("serve-request".to_owned())
            .spawn(move || respond(request, &state));
        if let Err(error) = spawned {
            eprintln!("warning: cannot answer a request: {error}");
        }
    }
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
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
    if !matches!(request.method(), Method::Get | Method::Head) {
        drop(request.respond(text(405, "only GET and HEAD are served")));
        return;
    }
    let result = match path {
        overlay::SCRIPT_URL => request.respond(with_headers(
            Response::from_string(overlay::SCRIPT),
            &[
                ("Content-Type", "text/javascript; charset=utf-8"),
                ("Cache-Control", "no-store"),
            ],
        )),
        EVENTS_URL => {
            stream_events(request, query, state);
            Ok(())
        }
        _ => {
            let response = page(path, state);
            request.respond(response)
        }
    };
    // A browser that went away mid-response is not a problem of serve.
    drop(result);
}

/// Starts the event stream of the tab showing the page named in `?page=`.
fn stream_events(request: Request, query: &str, state: &State) {
    let page = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("page="))
        .and_then(percent_decode)
        .unwrap_or_else(|| "/".to_owned());
    let Some(subscription) = Hub::subscribe(&state.hub, &page) else {
        drop(request.respond(text(503, "serve is stopping")));
        return;
    };
    let first = state.overlay().map(Message::Problems);
    events::stream(request.into_writer(), subscription, first);
}

type Reply = Response<Cursor<Vec<u8>>>;

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
                return with_headers(
                    Response::from_data(Vec::new()).with_status_code(StatusCode(301)),
                    &[("Location", &format!("{path}/"))],
                );
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
    with_headers(
        Response::from_data(body).with_status_code(StatusCode(status)),
        &[
            ("Content-Type", content_type),
            ("Cache-Control", "no-store"),
        ],
    )
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

fn text(status: u16, message: &str) -> Reply {
    with_headers(
        Response::from_data(format!("{message}\n").into_bytes())
            .with_status_code(StatusCode(status)),
        &[
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Cache-Control", "no-store"),
        ],
    )
}

/// `response` with `headers`; a header that cannot be sent (a value with a line break
/// or beyond ASCII) is left out, which none of serve's own can be.
fn with_headers<R: std::io::Read>(
    mut response: Response<R>,
    headers: &[(&str, &str)],
) -> Response<R> {
    for (name, value) in headers {
        if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    response
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
