//! SHA-256 of every input a published edition's manifest can name (see `crate::manifest`):
//! the files of `content/` (already in memory), and the site's assets and theme overrides,
//! which are read here only when a manifest exists.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::{list_files, Sources, TextFile};
use crate::diagnostic::Diagnostics;
use crate::fs::SiteRoot;
use crate::manifest::hash;

/// The hash of every content file, by path relative to the root.
pub fn content_hashes(sources: &Sources) -> BTreeMap<String, String> {
    let documents = sources.documents.iter().map(|document| &document.file);
    let data = sources
        .objectives
        .iter()
        .chain(&sources.forums)
        .chain(&sources.datasets)
        .chain(&sources.data_translations);
    let files: Vec<&TextFile> = documents.chain(data).collect();
    files
        .par_iter()
        .map(|file| (file.path.clone(), hash(file.text.as_bytes())))
        .collect()
}

/// The hash of every file under `assets/` and of every theme file of the site root that
/// is not a copy of the embedded default theme's (a site's own templates and styles are
/// part of what its published editions show; the generator's own are not). A file that
/// cannot be read is left out here; `load` reports it where it reads it.
pub fn site_file_hashes(root: &SiteRoot) -> BTreeMap<String, String> {
    let mut ignored = Diagnostics::new();
    let mut paths = list_files(root, "assets", &mut ignored);
    paths.extend(list_files(root, "themes", &mut ignored));
    paths
        .par_iter()
        .filter_map(|path| {
            let bytes = root.read(path).ok()?;
            let relative = root.relative(path);
            if is_embedded_copy(&relative, &bytes) {
                return None;
            }
            Some((relative, hash(&bytes)))
        })
        .collect()
}

/// Whether `themes/<name>/<file>` holds exactly the embedded default theme's `<file>`.
fn is_embedded_copy(relative: &str, bytes: &[u8]) -> bool {
    let Some(rest) = relative.strip_prefix("themes/") else {
        return false;
    };
    rest.split_once('/')
        .and_then(|(_, file)| crate::embedded_theme::file(file))
        .is_some_and(|embedded| embedded == bytes)
}
