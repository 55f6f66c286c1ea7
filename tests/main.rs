//! rapporteur's integration tests: one binary that runs the real `rapporteur` executable
//! on small sites and on the bundled portal, and compares what it writes and prints.
//!
//! The suite is data-driven, in the style of mdBook's and cobalt's: valid sites live in
//! `tests/fixtures/<case>/` next to the exact output they must produce (`expected/`), and
//! broken sites live in `tests/invalid/<case>/` next to the exact diagnostics they must
//! produce (`expected.txt`, and for some `expected.github.txt` or `expected.json`). Set
//! `RAPPORTEUR_BLESS=1` to rewrite those files from the actual output after an intended
//! change, then review the diff before committing it.
//!
//! All the modules live in `tests/suite/` so that Cargo builds a single test binary.

// Panicking with a message is how a test reports a failure, so `expect` is the right tool
// here; the crate-wide lint exists to keep it out of `src/`.
#![allow(clippy::expect_used)]

mod suite {
    pub mod support;

    mod atomic;
    mod bugs;
    mod chart_descriptions;
    mod cli;
    mod csv;
    mod data_translations;
    mod determinism;
    mod drafts;
    mod editions;
    mod escaping;
    mod fixtures;
    mod frozen;
    mod fuzz_corpus;
    mod i18n;
    mod invalid;
    mod layers;
    mod lifecycle;
    mod links;
    mod new;
    mod paths;
    mod plan;
    mod portal;
    mod reading;
    mod sanitize;
    mod search;
    mod serve;
    mod serve_flags;
    mod serve_limits;
    mod serve_update;
    mod status;
    mod theme;
    mod tidy;
    mod urls;
    mod workflows;
}
