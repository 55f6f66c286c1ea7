//! What the model knows of the files behind it: where a static file comes from, and
//! when a content file was submitted. `load` finds them; they live here so that the
//! model, which `render` reads, depends on nothing above it.

use std::path::PathBuf;

/// A file copied as is into the output (from `assets/` or a theme's `static/`).
#[derive(Clone, Debug)]
pub struct StaticFile {
    /// Path relative to the output root, with `/` separators.
    pub output_path: String,
    pub source: PathBuf,
}

/// When a file was first submitted and last revised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    pub first_commit: String,
    pub first_date: String,
    pub last_commit: String,
    pub last_date: String,
}
