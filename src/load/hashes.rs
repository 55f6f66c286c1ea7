//! SHA-256 of every input a published edition's manifest can name (see `crate::manifest`):
//! the files of `content/` (already in memory), and the site's assets and theme overrides,
//! which are read here only when a manifest exists.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use super::{list_files, Sources, TextFile};
use crate::diagnostic::{Diagnostic, Diagnostics};
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
/// cannot be read is an error in `diagnostics`: left out silently, it would look removed
/// from the editions that froze it, or be missing from a new manifest.
pub fn site_file_hashes(
    root: &SiteRoot,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, String> {
    // Links and hidden files met while listing are reported where `load` and the theme
    // list these folders for the build; reporting them here too would say it twice.
    let mut reported_elsewhere = Diagnostics::new();
    let mut paths = list_files(root, "assets", &mut reported_elsewhere);
    paths.extend(list_files(root, "themes", &mut reported_elsewhere));
    hash_files(root, &paths, diagnostics)
}

/// The hash of each file of `paths` by path relative to the root, embedded theme copies
/// left out; a file that cannot be read is an error in `diagnostics`.
fn hash_files(
    root: &SiteRoot,
    paths: &[PathBuf],
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let read: Vec<Result<Option<(String, String)>, Diagnostic>> = paths
        .par_iter()
        .map(|path| {
            let relative = root.relative(path);
            match root.read(path) {
                Ok(bytes) if is_embedded_copy(&relative, &bytes) => Ok(None),
                Ok(bytes) => Ok(Some((relative, hash(&bytes)))),
                Err(error) => Err(unreadable(&relative, &error)),
            }
        })
        .collect();
    let mut hashes = BTreeMap::new();
    for result in read {
        match result {
            Ok(Some((relative, digest))) => {
                hashes.insert(relative, digest);
            }
            Ok(None) => {}
            Err(problem) => diagnostics.push(problem),
        }
    }
    hashes
}

fn unreadable(relative: &str, error: &crate::fs::ReadError) -> Diagnostic {
    Diagnostic::error(
        relative,
        format!(
            "this file cannot be read to compare it with the published editions' manifests: {}",
            error.describe()
        ),
    )
    .with_hint("make the file readable, or remove it if it does not belong to the site")
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

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_read_is_an_error_not_left_out() {
        let temp = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir_all(temp.path().join("assets")).expect("assets/");
        std::fs::write(temp.path().join("assets/kept.txt"), "kept").expect("a file");
        let root = SiteRoot::open(temp.path()).expect("a site root");
        // Listed, then gone before it is read (or unreadable): the same failure.
        let paths = [root.join("assets/kept.txt"), root.join("assets/gone.png")];
        let mut diagnostics = Diagnostics::new();
        let hashes = hash_files(&root, &paths, &mut diagnostics);
        assert_eq!(hashes.keys().collect::<Vec<_>>(), ["assets/kept.txt"]);
        let problems = diagnostics.sorted();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].file, "assets/gone.png");
        assert!(
            problems[0].message.contains("cannot be read"),
            "{:?}",
            problems[0]
        );
    }
}
