//! What the HTTP threads share with the rebuild loop: the current good snapshot, the
//! current problems, and the open event streams.
//!
//! The rebuild loop is the only writer. It swaps whole values (`Arc`s) under short
//! locks, so a request holds the snapshot it started with for as long as it renders,
//! and never sees half of a rebuild.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::events::{Hub, Message};
use super::overlay;
use super::snapshot::{recover, Snapshot};
use crate::diagnostic::Diagnostic;

/// How long a replaced snapshot is kept before it is freed.
const FREE_AFTER: Duration = Duration::from_millis(500);

#[derive(Default)]
pub struct State {
    /// The last valid version of the site; `None` until the content is valid once.
    snapshot: Mutex<Option<Arc<Snapshot>>>,
    /// The problems of the last rebuild that failed; empty while the content is valid.
    problems: Mutex<Arc<Vec<Diagnostic>>>,
    /// The open tabs.
    pub hub: Arc<Hub>,
}

impl State {
    /// The current good snapshot.
    pub fn snapshot(&self) -> Option<Arc<Snapshot>> {
        recover(self.snapshot.lock()).clone()
    }

    /// The current problems (empty while the content is valid).
    pub fn problems(&self) -> Arc<Vec<Diagnostic>> {
        Arc::clone(&recover(self.problems.lock()))
    }

    /// The overlay every HTML page carries while the content has problems.
    pub fn overlay(&self) -> Option<String> {
        overlay::overlay(&self.problems())
    }

    /// Makes `snapshot` current, clears the problems and reloads the open tabs.
    pub fn publish(&self, snapshot: Snapshot) {
        let previous = recover(self.snapshot.lock()).replace(Arc::new(snapshot));
        *recover(self.problems.lock()) = Arc::new(Vec::new());
        self.hub.broadcast(&Message::Reload);
        free_later(previous);
    }

    /// Keeps the current snapshot, records `problems` and shows them in the open tabs.
    pub fn reject(&self, problems: Vec<Diagnostic>) {
        let overlay = overlay::overlay(&problems);
        *recover(self.problems.lock()) = Arc::new(problems);
        if let Some(overlay) = overlay {
            self.hub.broadcast(&Message::Problems(overlay));
        }
    }
}

/// Frees a replaced snapshot on a thread of its own, [`FREE_AFTER`] later. Freeing the
/// site of 10,000 contributions takes about as long as a rebuild; done right after the
/// reload, it would compete for the processor with the pages the reloading tabs ask for,
/// and done on the rebuild loop it would delay the next rebuild. Requests still holding
/// it keep it alive as before. If no thread can start, it is freed here.
fn free_later(snapshot: Option<Arc<Snapshot>>) {
    let Some(snapshot) = snapshot else { return };
    let spawned = std::thread::Builder::new()
        .name("serve-free".to_owned())
        .spawn(move || {
            std::thread::sleep(FREE_AFTER);
            drop(snapshot);
        });
    drop(spawned);
}
