//! A progress indicator for builds, shown only when stderr is a terminal.
//!
//! Large builds take seconds; a spinner with the number of files written tells the
//! Secretariat that work is going on. It wraps the output [`Sink`], so rendering knows
//! nothing about it, and it stays silent in CI logs, pipes and tests (no terminal).

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::fs::IoError;
use crate::render::Sink;

/// A sink that counts the files written on a spinner.
pub struct Progress<'a> {
    inner: &'a dyn Sink,
    bar: ProgressBar,
}

impl<'a> Progress<'a> {
    /// Wraps `inner`; the spinner appears only on a terminal, after a short delay.
    pub fn new(inner: &'a dyn Sink) -> Self {
        let bar = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} writing the site: {pos} files ({elapsed})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress { inner, bar }
    }

    /// Removes the spinner, leaving the terminal for the summary line.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Sink for Progress<'_> {
    fn write(&self, path: &str, contents: &[u8]) -> Result<(), IoError> {
        self.bar.inc(1);
        self.inner.write(path, contents)
    }

    fn copy(&self, path: &str, source: &Path) -> Result<(), IoError> {
        self.bar.inc(1);
        self.inner.copy(path, source)
    }
}
