//! `rapporteur serve`: a live preview that rebuilds in memory as files change.
//!
//! Serve builds nothing up front and writes nothing to disk. It keeps the model of the
//! site (loaded, validated, indexed) and its per-site figures in a [`snapshot::Snapshot`],
//! and renders a page the first time a browser asks for it (`render::Scope::Only`),
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
//! Threads: the main thread waits for file changes ([`watch`]) and rebuilds; one thread
//! accepts HTTP connections and each gets its own, up to a fixed number, with the `Host`
//! header checked and the request head bounded ([`server`], [`http`]); tabs listen on a
//! server-sent event stream, also up to a fixed number ([`events`]). Ctrl-C stops the event streams, the server and
//! the watcher, and serve returns normally.

mod events;
mod http;
mod overlay;
mod rebuild;
mod server;
pub mod snapshot;
mod state;
mod watch;

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
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
}

/// Serves the site at `options.root` until Ctrl-C; errors are those of the machine
/// (an unusable root or port), never of the content.
pub fn serve(options: &Options) -> Result<(), String> {
    let root = SiteRoot::open(&options.root).map_err(|error| error.to_string())?;
    let server = server::Server::bind(options.port)
        .map_err(|error| format!("cannot listen on 127.0.0.1:{}: {error}", options.port))?;
    let address = server.address();
    let server = Arc::new(server);
    let (signals, receiver) = mpsc::channel();
    let stop = signals.clone();
    ctrlc::set_handler(move || drop(stop.send(Signal::Stop)))
        .map_err(|error| format!("cannot handle Ctrl-C: {error}"))?;
    let mut watcher = SiteWatcher::start(root.path(), signals)?;

    crate::load::memo::enable();
    let state = Arc::new(State::default());
    let mut builder = rebuild::Builder::new(root.clone());
    report(&builder.rebuild(&Change::default(), &state), "first build");
    let http = {
        let (server, state) = (Arc::clone(&server), Arc::clone(&state));
        std::thread::Builder::new()
            .name("serve-http".to_owned())
            .spawn(move || http::run(&server, state))
            .map_err(|error| format!("cannot start the server thread: {error}"))?
    };
    eprintln!(
        "serving {} at http://{address}/ (Ctrl-C to stop)",
        root.path().display()
    );

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

/// Prints the outcome of a rebuild: its problems, then one summary line.
fn report(report: &rebuild::Report, what: &str) {
    eprint!("{}", report.problems_text());
    eprintln!("{}", report.line(what));
}
