//! What the HTTP threads share with the rebuild loop: the current good snapshot, the
//! current problems, and the open event streams.
//!
//! The rebuild loop is the only writer. It swaps whole values (`Arc`s) under short
//! locks, so a request holds the snapshot it started with for as long as it renders,
//! and never sees half of a rebuild.

use std::sync::{Arc, Mutex};

use super::events::{Hub, Message};
use super::overlay;
use super::snapshot::{recover, Snapshot};
use crate::diagnostic::Diagnostic;

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
        // Freeing a large site takes a while: only after the tabs have been told.
        drop(previous);
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
