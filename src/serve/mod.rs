//! `rapporteur serve`: a live preview that rebuilds in memory as files change.
//!
//! Serve builds nothing up front and writes nothing to disk. It keeps the model of the
//! site (loaded, validated, indexed) and its per-site figures in a [`snapshot::Snapshot`],
//! and renders a page the first time a browser asks for it (its entry of the page plan alone),
//! caching the bytes. When a file changes, it loads and validates the site again, starts
//! a new snapshot with an empty cache, eagerly renders only the changed contributions'
//! pages and the pages open in browser tabs, and then tells the tabs to reload. Pages
//! nobody views are never rendered, so a change costs about the same on a site of 10 or
//! 10,000 contributions, apart from loading and validating: every listing, count, chart
//! and map a contribution appears in is right on the next request because it is
//! rendered from the new snapshot, without working out which pages the change touched.
//!
//! Loading re-reads only the files that changed (`load::cache`). When only contributions
//! changed, validation checks just those files against the served site's ids and then
//! applies again the rules that span documents, because a change to one file can make
//! another invalid (a duplicate alias, a translation of a contribution that is gone):
//! see `validate::update`. Any other change validates the whole site.
//!
//! When a change makes the content invalid, the last valid snapshot keeps being served.
//! The problems are printed in the terminal, every HTML page carries an overlay listing
//! them (rendered on the server, readable without JavaScript), and open tabs receive
//! them as a `problems` event. The next valid change replaces the snapshot and reloads
//! the tabs.
//!
//! `--interface` chooses the address to listen on (127.0.0.1 by default; any other prints
//! a warning, since the preview then shows drafts to the network), `--base-url` overrides
//! `base_url` of `site.yaml` in every snapshot as `build --base-url` does (pages are served
//! from `/` whatever its path: links between pages are relative), and `--open` hands the
//! home page's address to the browser ([`browser`]).
//!
//! Threads: the main thread waits for file changes ([`watch`]) and rebuilds; one thread
//! accepts HTTP connections and each gets its own, up to a fixed number, with the `Host`
//! header checked and the request head bounded ([`server`], [`http`]); tabs listen on a
//! server-sent event stream, also up to a fixed number ([`events`]). Ctrl-C stops the event streams, the server and
//! the watcher, and serve returns normally.

mod browser;
mod events;
mod http;
mod overlay;
mod preview;
mod rebuild;
mod server;
pub mod snapshot;
mod state;
mod watch;

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Arc;

use crate::fs::SiteRoot;
use events::Message;
use state::State;
use watch::{Change, Next, Signal, SiteWatcher};

/// Options of `rapporteur serve`.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// The address to listen on: 127.0.0.1 unless the user chose to share the preview.
    pub interface: IpAddr,
    /// Overrides `base_url` of `site.yaml` (canonical URLs, sitemap), as `build --base-url`.
    pub base_url: Option<String>,
    /// Open the home page in a browser once the server listens.
    pub open: bool,
}

/// Serves the site at `options.root` until Ctrl-C; errors are those of the machine
/// (an unusable root or port), never of the content.
pub fn serve(options: &Options) -> Result<(), String> {
    let root = SiteRoot::open(&options.root).map_err(|error| error.to_string())?;
    let server = server::Server::bind(options.interface, options.port)
        .map_err(|error| cannot_listen(options, &error))?;
    let address = server.address();
    if !options.interface.is_loopback() {
        eprintln!(
            "warning: listening on {}: the preview is visible to the network, drafts and \
             problems included; leave out --interface to keep it on this computer",
            options.interface
        );
    }
    let server = Arc::new(server);
    let (signals, receiver) = mpsc::channel();
    let stop = signals.clone();
    ctrlc::set_handler(move || drop(stop.send(Signal::Stop)))
        .map_err(|error| format!("cannot handle Ctrl-C: {error}"))?;
    let mut watcher = SiteWatcher::start(root.path(), signals)?;

    crate::load::memo::enable();
    let state = Arc::new(State::default());
    let mut builder = rebuild::Builder::new(root.clone(), options.base_url.clone());
    report(&builder.rebuild(&Change::default(), &state), "first build");
    let http = {
        let (server, state) = (Arc::clone(&server), Arc::clone(&state));
        std::thread::Builder::new()
            .name("serve-http".to_owned())
            .spawn(move || http::run(&server, state))
            .map_err(|error| format!("cannot start the server thread: {error}"))?
    };
    let home = home_url(address);
    eprintln!(
        "serving {} at {home} (Ctrl-C to stop)",
        root.path().display()
    );
    if options.open {
        browser::open(home);
    }

    while let Next::Rebuild(change) = watch::next_change(&receiver, root.path()) {
        if let Err(message) = watcher.watch_new_folders() {
            eprintln!("warning: {message}");
        }
        report(&builder.rebuild(&change, &state), &change.describe());
    }

    state.hub.broadcast(&Message::Stop);
    server.stop();
    drop(http.join());
    drop(watcher);
    eprintln!("stopped");
    Ok(())
}

/// Why serve cannot listen, with the way out when the port is taken.
fn cannot_listen(options: &Options, error: &io::Error) -> String {
    let port = options.port;
    if error.kind() == io::ErrorKind::AddrInUse {
        let other = port.checked_add(1).unwrap_or(8000);
        return format!(
            "port {port} is in use (another `rapporteur serve`?): stop it, or choose another \
             with --port {other} (or --port 0 for any free port)"
        );
    }
    format!(
        "cannot listen on {}: {error}",
        SocketAddr::new(options.interface, port)
    )
}

/// The home page's address as a browser on this computer reaches it: 0.0.0.0 or `::`
/// is no address to visit, so those give `localhost`.
fn home_url(address: SocketAddr) -> String {
    if address.ip().is_unspecified() {
        format!("http://localhost:{}/", address.port())
    } else {
        format!("http://{address}/")
    }
}

/// Prints the outcome of a rebuild: its problems, then one summary line.
fn report(report: &rebuild::Report, what: &str) {
    eprint!("{}", report.problems_text());
    eprintln!("{}", report.line(what));
}
