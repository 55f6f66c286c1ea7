//! `rapporteur serve`, driven for real: the binary on a free port of 127.0.0.1, plain
//! HTTP over TCP, a server-sent event stream, files edited on disk, and SIGINT.
//!
//! The test plays a contributor with a browser tab open: it fetches a page, keeps the
//! tab's event stream open, edits the contribution, and expects a `reload` event and the
//! new text (on the page and in the home page's list); it breaks the front matter and
//! expects a `problems` event, the overlay on every page and the last valid text still
//! served; it fixes the file and expects a reload without the overlay; then Ctrl-C must
//! end serve with status 0 and close the stream. Page addresses are discovered from the
//! sitemap, never written here, so the test does not depend on the URL scheme. Another
//! changes the title of a contribution on page 2 of four listings and expects each to
//! show it in the reload that follows. (Updates without a server: `serve_update.rs`.)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use super::support::{contribution, copy_fixture_unpublished, read, temp_dir, write};

/// How long any one expected thing may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(10);

/// The contribution the test edits.
pub(super) const SLUG: &str = "open-data-portal";
pub(super) const TITLE: &str = "An open data portal for cities";

/// A running `rapporteur serve`, killed if the test fails before stopping it.
pub(super) struct Serve {
    pub(super) child: Child,
    /// Lines of its stderr, as they come.
    lines: Receiver<String>,
    /// Every line read so far, for failure messages.
    seen: Vec<String>,
    pub(super) address: String,
}

impl Serve {
    pub(super) fn start(root: &Path) -> Serve {
        Serve::start_with(root, |_| {})
    }

    /// Starts serve with more arguments or environment, given by `configure`.
    pub(super) fn start_with(root: &Path, configure: impl FnOnce(&mut Command)) -> Serve {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rapporteur"));
        command.args(["serve", "--port", "0", "--root"]).arg(root);
        configure(&mut command);
        let mut child = command
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start rapporteur serve");
        let stderr = child.stderr.take().expect("stderr is piped");
        let mut serve = Serve {
            child,
            lines: forward_lines(stderr),
            seen: Vec::new(),
            address: String::new(),
        };
        let line = serve.wait_for_line(|line| line.starts_with("serving "));
        let url = line
            .split_whitespace()
            .find(|word| word.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("no loopback URL in {line:?}"));
        serve.address = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned();
        serve
    }

    /// Waits for a line of stderr that `wanted` accepts, and returns it.
    #[track_caller]
    pub(super) fn wait_for_line(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    assert!(!line.contains("panicked"), "serve panicked: {line}");
                    self.seen.push(line.clone());
                    if wanted(&line) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!(
            "serve did not print the expected line; it printed:\n{}",
            self.seen.join("\n")
        );
    }

    pub(super) fn get(&self, path: &str) -> Response {
        get(&self.address, path)
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

fn forward_lines(stderr: ChildStderr) -> Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

/// An HTTP response: status and body.
pub(super) struct Response {
    pub(super) status: u16,
    pub(super) headers: String,
    pub(super) body: String,
}

/// `GET path` on `address` with HTTP/1.1 and `Connection: close`.
pub(super) fn get(address: &str, path: &str) -> Response {
    let mut stream = TcpStream::connect(address).expect("cannot connect to serve");
    stream
        .set_read_timeout(Some(PATIENCE))
        .expect("cannot set a timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("cannot send the request");
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .expect("cannot read the response");
    let text = String::from_utf8(raw).expect("the response is not UTF-8");
    let (headers, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no end of headers in {text:?}"));
    let status = headers
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status in {headers:?}"));
    Response {
        status,
        headers: headers.to_owned(),
        body: body.to_owned(),
    }
}

/// One server-sent event, or the end of the stream (`name` "end").
#[derive(Debug)]
struct Event {
    name: String,
    data: String,
}

/// Opens the event stream of a tab showing `page` and returns its events as they come.
fn open_events(address: &str, page: &str) -> Receiver<Event> {
    let mut stream = TcpStream::connect(address).expect("cannot connect to serve");
    write!(
        stream,
        "GET /__rapporteur/events?page={page} HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )
    .expect("cannot send the request");
    let mut reader = BufReader::new(stream);
    let mut status = String::new();
    reader
        .read_line(&mut status)
        .expect("cannot read the status line");
    assert_eq!(status, "HTTP/1.1 200 OK\r\n");
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut name = String::new();
        let mut data = String::new();
        for line in reader.lines() {
            let Ok(line) = line else { break };
            if let Some(value) = line.strip_prefix("event: ") {
                name = value.to_owned();
            } else if let Some(value) = line.strip_prefix("data: ") {
                data = value.to_owned();
            } else if line.is_empty() && !name.is_empty() {
                let event = Event {
                    name: std::mem::take(&mut name),
                    data: std::mem::take(&mut data),
                };
                if sender.send(event).is_err() {
                    return;
                }
            }
        }
        drop(sender.send(Event {
            name: "end".to_owned(),
            data: String::new(),
        }));
    });
    receiver
}

/// Waits for the event named `name`, skipping others.
#[track_caller]
fn wait_for_event(events: &Receiver<Event>, name: &str) -> Event {
    let deadline = Instant::now() + PATIENCE;
    let mut skipped = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match events.recv_timeout(left) {
            Ok(event) if event.name == name => return event,
            Ok(event) => skipped.push(event),
            Err(_) => break,
        }
    }
    panic!("no `{name}` event within {PATIENCE:?}; got {skipped:?}");
}

/// The path (on the server) of the page whose sitemap entry ends with `/<slug>/` and is
/// not a translation, and the home page's path.
fn discover_pages(serve: &Serve, root: &Path) -> (String, String) {
    let site = read(&root.join("site.yaml"));
    let base_url = site
        .lines()
        .find_map(|line| line.strip_prefix("base_url:"))
        .map(|value| value.trim().trim_matches('"').to_owned())
        .expect("site.yaml has a base_url");
    let sitemap = serve.get("/sitemap.xml");
    assert_eq!(sitemap.status, 200, "{}", sitemap.body);
    let paths: Vec<String> = sitemap
        .body
        .split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</loc>"))
        .map(|(url, _)| {
            let path = url
                .strip_prefix(&base_url)
                .unwrap_or_else(|| panic!("{url} does not start with {base_url}"));
            format!("/{path}")
        })
        .collect();
    assert!(paths.contains(&"/".to_owned()), "no home page in {paths:?}");
    let page = paths
        .iter()
        .filter(|path| path.ends_with(&format!("/{SLUG}/")))
        .find(|path| !path.starts_with("/fr/"))
        .unwrap_or_else(|| panic!("no page for {SLUG} in {paths:?}"))
        .clone();
    (page, "/".to_owned())
}

/// Replaces the contribution's file the way editors do: a new file renamed into place.
fn save(temp: &Path, file: &Path, text: &str) {
    let staging = temp.join("staging.md");
    std::fs::write(&staging, text).expect("cannot write the new version");
    std::fs::rename(&staging, file).expect("cannot move the new version into place");
}

const OVERLAY: &str = "<div id=\"rapporteur-overlay\" role=\"alert\"";
const SCRIPT: &str = "<script src=\"/__rapporteur/reload.js\" defer></script></body>";

#[test]
fn serve_rebuilds_on_change_shows_problems_and_stops_on_sigint() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let file: PathBuf = root.join(format!("content/contributions/{SLUG}.md"));
    let original = read(&file);
    let mut serve = Serve::start(&root);
    let (page, home) = discover_pages(&serve, &root);

    let first = serve.get(&page);
    assert_eq!(first.status, 200);
    assert!(
        first
            .headers
            .contains("Content-Type: text/html; charset=utf-8"),
        "{}",
        first.headers
    );
    assert!(
        first.body.contains(TITLE) && first.body.contains(SCRIPT),
        "{}",
        first.body
    );
    assert!(!first.body.contains(OVERLAY));
    let script = serve.get("/__rapporteur/reload.js");
    assert!(script.body.contains("new EventSource"), "{}", script.body);

    let events = open_events(&serve.address, &page);
    let revised = original.replace(TITLE, "A revised portal for cities");
    save(temp.path(), &file, &revised);
    wait_for_event(&events, "reload");
    let line = serve.wait_for_line(|line| {
        line.starts_with(&format!("content/contributions/{SLUG}.md: rebuilt in "))
    });
    assert!(
        line.contains("page rendered") || line.contains("pages rendered"),
        "{line}"
    );
    // Only a contribution changed: its file alone was read and validated again (the
    // update path times `update`, a full validation `validate`); the milliseconds vary.
    assert!(
        line.contains("(load ") && line.contains(", update ") && !line.contains("validate"),
        "{line}"
    );
    let after = serve.get(&page);
    assert!(
        after.body.contains("A revised portal for cities"),
        "{}",
        after.body
    );
    assert!(!after.body.contains(TITLE));
    let listing = serve.get(&home);
    assert!(
        listing.body.contains("A revised portal for cities"),
        "{}",
        listing.body
    );

    let broken = revised.replace("region: europe", "region: atlantis");
    save(temp.path(), &file, &broken);
    let problems = wait_for_event(&events, "problems");
    assert!(
        problems
            .data
            .starts_with("{\"html\":\"<div id=\\\"rapporteur-overlay\\\" role=\\\"alert\\\""),
        "{}",
        problems.data
    );
    assert!(
        problems.data.contains("unknown region `atlantis`"),
        "{}",
        problems.data
    );
    serve.wait_for_line(|line| line == "error: unknown region `atlantis`");
    let stale = serve.get(&page);
    assert_eq!(stale.status, 200);
    assert!(
        stale.body.contains("A revised portal for cities"),
        "the last valid page is not served:\n{}",
        stale.body
    );
    assert!(stale.body.contains(OVERLAY), "{}", stale.body);
    assert!(
        stale.body.contains("The content has 1 problem to fix"),
        "{}",
        stale.body
    );
    assert!(stale.body.contains("error: unknown region `atlantis`\n --&gt; content/contributions/open-data-portal.md:6:9"), "{}", stale.body);
    assert!(
        serve.get(&home).body.contains(OVERLAY),
        "the overlay is on every page"
    );

    let fixed = revised.replace("A revised portal for cities", "A fixed portal for cities");
    save(temp.path(), &file, &fixed);
    wait_for_event(&events, "reload");
    let healed = serve.get(&page);
    assert!(
        healed.body.contains("A fixed portal for cities"),
        "{}",
        healed.body
    );
    assert!(!healed.body.contains(OVERLAY), "{}", healed.body);

    let pid = nix::unistd::Pid::from_raw(i32::try_from(serve.child.id()).expect("a pid fits i32"));
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).expect("cannot send SIGINT");
    wait_for_event(&events, "end");
    serve.wait_for_line(|line| line == "stopped");
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = serve.child.try_wait().expect("cannot wait for serve") {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop after SIGINT");
        thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0), "serve did not exit cleanly");
}

#[test]
fn serve_refuses_a_missing_root() {
    let temp = temp_dir();
    let missing = temp.path().join("nowhere");
    let run = super::support::rapporteur()
        .args(["serve", "--port", "0", "--root"])
        .arg(&missing)
        .run();
    run.assert_code(2);
    assert!(
        run.stderr.starts_with("error: cannot open the site root `"),
        "{}",
        run.stderr
    );
}

/// How many contributions the pagination test adds: more than a listing page holds (50).
const BULK: usize = 60;

/// A contribution of the pagination test: all of objective B, the same date, so that
/// their order (newest first, then by slug) is theirs alone.
fn bulk_contribution(number: usize, title: &str) -> String {
    contribution(title, "B", &format!("Bulk contribution {number}."))
        .replace("date: 2025-09-15", "date: 2025-10-01")
}

fn bulk_title(number: usize) -> String {
    format!("Bulk {number:02} as first written")
}

#[test]
fn a_title_change_shows_on_paginated_listings_in_the_same_reload() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let folder = root.join("content/contributions");
    for number in 0..BULK {
        write(
            &folder.join(format!("bulk-{number:02}.md")),
            &bulk_contribution(number, &bulk_title(number)),
        );
    }
    // Position 55 of the newest-first order: on page 2 of every listing that shows it.
    let edited = 55;
    let old_title = bulk_title(edited);
    let mut serve = Serve::start(&root);
    let sitemap = serve.get("/sitemap.xml").body;
    let second_pages: Vec<String> = sitemap
        .split("<loc>https://example.org/minimal/")
        .skip(1)
        .filter_map(|rest| rest.split_once("</loc>"))
        .map(|(path, _)| format!("/{path}"))
        .filter(|path| path.ends_with("/page/2/"))
        .collect();
    // Asked for before the change, so the old snapshot has them cached.
    let showing: Vec<&String> = second_pages
        .iter()
        .filter(|path| serve.get(path).body.contains(&old_title))
        .collect();
    let kinds = |prefix: &str| {
        showing
            .iter()
            .filter(|path| path.starts_with(prefix))
            .map(|path| path.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds("/2026/"),
        [
            "/2026/contributions/page/2/",
            "/2026/objectives/b/contributions/page/2/",
            "/2026/regions/europe/page/2/",
            "/2026/stakeholders/academia/page/2/"
        ],
        "the pages 2 that list it: {showing:?} of {second_pages:?}"
    );
    assert_eq!(kinds("/fr/2026/").len(), 4, "{showing:?}");

    let page = format!("/2026/contributions/bulk-{edited}/");
    let events = open_events(&serve.address, &page);
    let new_title = "Bulk 55, renamed";
    save(
        temp.path(),
        &folder.join(format!("bulk-{edited}.md")),
        &bulk_contribution(edited, new_title),
    );
    wait_for_event(&events, "reload");
    for path in showing
        .iter()
        .map(|path| path.as_str())
        .chain([page.as_str()])
    {
        let body = serve.get(path).body;
        assert!(
            body.contains(new_title) && !body.contains(&old_title),
            "{path} is stale after the reload:\n{body}"
        );
    }
    serve.wait_for_line(|line| line.contains("rebuilt in"));
}

/// The banner on a draft's page in the preview, as the English message file words it.
const DRAFT_BANNER: &str = "Draft — not published; remove `draft: true` to publish.";
/// A draft's badge in the preview's listings.
const DRAFT_BADGE: &str = "<span class=\"badge draft\">Draft</span>";

#[test]
fn serve_shows_a_draft_with_its_banner_and_build_leaves_it_out() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let draft = contribution("A draft still being written", "A", "Work in progress.").replacen(
        "status: ongoing",
        "status: ongoing\ndraft: true",
        1,
    );
    write(&root.join("content/contributions/my-draft.md"), &draft);
    let serve = Serve::start(&root);

    let page = serve.get("/2026/contributions/my-draft/");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("A draft still being written"),
        "{}",
        page.body
    );
    assert!(page.body.contains(DRAFT_BANNER), "{}", page.body);
    let french = serve.get("/fr/2026/contributions/my-draft/");
    assert_eq!(french.status, 200, "{}", french.body);
    assert!(
        french.body.contains("Brouillon — non publié"),
        "{}",
        french.body
    );
    let published = serve.get(&format!("/2026/contributions/{SLUG}/"));
    assert_eq!(published.status, 200, "{}", published.body);
    assert!(!published.body.contains(DRAFT_BANNER), "{}", published.body);
    // Listings mark it too, and only it.
    let listing = serve.get("/2026/contributions/");
    assert_eq!(
        listing.body.matches(DRAFT_BADGE).count(),
        1,
        "{}",
        listing.body
    );
    drop(serve);

    let output = temp.path().join("public");
    let built = super::support::build(&root, &output);
    built.assert_code(0);
    assert!(output.join("2026/contributions").join(SLUG).exists());
    assert!(!output.join("2026/contributions/my-draft").exists());
    let tree = super::support::read_tree(&output);
    assert!(
        !tree
            .values()
            .any(|bytes| String::from_utf8_lossy(bytes).contains("A draft still being written")),
        "a draft's title is in the build"
    );
}
