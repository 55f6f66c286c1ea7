//! Loading again after a change, re-reading only the files that changed.
//!
//! `serve` loads the site after every save. Reading ten thousand files again to learn
//! that one changed would cost more than the rest of a rebuild, so the cache keeps every
//! file of `content/` as it was read and placed (the same [`ContentFile`] values `load`
//! makes, with the same functions), in the order `load` lists them, and re-reads only the
//! paths the watcher reported. What lies outside `content/` (site.yaml, the list of
//! assets, the manifests) is small and is read again every time, as `load` does.
//! A change the cache cannot apply file by file (a folder created, removed or renamed,
//! a symbolic link) falls back to a full load. The git history is read on full loads
//! only: saving a file does not change it.
//!
//! When only contributions changed, `serve` does not need the sources of the whole
//! site: [`Cache::revision`] gives the changed files alone, for `validate::update`.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

use super::{ContentFile, Document, Sources, TextFile};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fs::SiteRoot;
use crate::model::Provenance;

/// The contribution files that changed since a site was validated, and what a full load
/// would also pass to validation.
pub struct Revision<'a> {
    /// New or changed files of `content/contributions/`, originals and translations, as
    /// they are now.
    pub changed: Vec<Document>,
    /// Files of `content/contributions/` that are gone.
    pub removed: Vec<String>,
    /// When each content file was first submitted and last revised.
    pub provenance: &'a BTreeMap<String, Provenance>,
    /// The manifests of published editions (`editions/<year>.yaml`).
    pub manifests: &'a [TextFile],
    /// SHA-256 of every content file, as now; empty when there is no manifest.
    pub hashes: &'a BTreeMap<String, String>,
}

/// The files of the last load.
#[derive(Default)]
pub struct Cache {
    /// `None` until the first load.
    loaded: Option<Loaded>,
}

struct Loaded {
    /// The files of `content/` by path components, so that the map's order is the
    /// order in which `load` walks the tree (a folder's files before its next sibling).
    content: BTreeMap<Vec<String>, ContentFile>,
    /// Problems met while listing `content/` (unreadable folders, links, hidden files)
    /// and reading its history (a shallow clone).
    listing_problems: Vec<Diagnostic>,
    provenance: BTreeMap<String, Provenance>,
    /// SHA-256 of each content file, kept once published editions need them.
    hashes: Option<BTreeMap<String, String>>,
    /// The manifests of published editions, as read by the last [`Loaded::sources`].
    manifests: Vec<TextFile>,
}

/// The hashes of a site without published editions: none are needed.
static NO_HASHES: BTreeMap<String, String> = BTreeMap::new();

/// How a load was done, for the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Every file was read.
    Full,
    /// Only this many changed files of `content/` were read again.
    Incremental(usize),
}

impl Cache {
    /// The sources of `root` after `changed` (paths relative to the root) changed, and
    /// how they were loaded.
    pub fn load(
        &mut self,
        root: &SiteRoot,
        changed: &BTreeSet<String>,
    ) -> (Sources, Diagnostics, Kind) {
        let kind = self.refresh(root, changed);
        let (sources, diagnostics) = self.sources(root);
        (sources, diagnostics, kind)
    }

    /// Reads again the files of `changed` (paths relative to the root), or every file
    /// when they cannot be applied one by one; says which it did.
    pub fn refresh(&mut self, root: &SiteRoot, changed: &BTreeSet<String>) -> Kind {
        let content_changes: Vec<&String> = changed
            .iter()
            .filter(|path| path.starts_with("content/"))
            .collect();
        match &mut self.loaded {
            Some(loaded) if applies_file_by_file(root, loaded, &content_changes) => {
                loaded.update(root, &content_changes);
                Kind::Incremental(content_changes.len())
            }
            _ => {
                self.loaded = Some(Loaded::read(root));
                Kind::Full
            }
        }
    }

    /// The sources as `load` would return them now.
    pub fn sources(&mut self, root: &SiteRoot) -> (Sources, Diagnostics) {
        match &mut self.loaded {
            Some(loaded) => loaded.sources(root),
            None => (Sources::default(), Diagnostics::new()),
        }
    }

    /// The files at `paths` (files of `content/contributions/`) as they are now, for
    /// `validate::update`, with the problems of loading them and of listing `content/`;
    /// `None` when one of the paths holds files (a folder), or nothing was loaded yet.
    pub fn revision(&self, paths: &BTreeSet<String>) -> Option<(Revision<'_>, Diagnostics)> {
        let loaded = self.loaded.as_ref()?;
        let mut revision = Revision {
            changed: Vec::new(),
            removed: Vec::new(),
            provenance: &loaded.provenance,
            manifests: &loaded.manifests,
            hashes: loaded.hashes.as_ref().unwrap_or(&NO_HASHES),
        };
        let mut diagnostics = Diagnostics::new();
        diagnostics.extend(loaded.listing_problems.iter().cloned());
        for path in paths {
            let key = components(path);
            if loaded.holds_files_below(&key) {
                return None;
            }
            match loaded.content.get(&key) {
                Some(ContentFile::Document(document)) => revision.changed.push(document.clone()),
                Some(ContentFile::Problem(problem)) => diagnostics.push(problem.clone()),
                Some(_) => return None,
                None => revision.removed.push(path.clone()),
            }
        }
        Some((revision, diagnostics))
    }
}

/// Whether every changed path is a file (or a file that is gone) with nothing special
/// about it, so that re-reading those files gives what a full load would.
fn applies_file_by_file(root: &SiteRoot, loaded: &Loaded, changes: &[&String]) -> bool {
    changes.iter().all(|relative| {
        let path = root.join(relative);
        let parts = components(relative);
        let Ok(metadata) = std::fs::symlink_metadata(&path) else {
            // Gone: fine if it was a file, or never seen; not if it was a folder.
            return !loaded.holds_files_below(&parts);
        };
        metadata.is_file() && !parts.iter().any(|part| part.starts_with('.'))
    })
}

fn components(relative: &str) -> Vec<String> {
    relative.split('/').map(str::to_owned).collect()
}

impl Loaded {
    /// Whether files were loaded from inside the folder `parts`.
    fn holds_files_below(&self, parts: &[String]) -> bool {
        self.content
            .range(parts.to_vec()..)
            .next()
            .is_some_and(|(key, _)| key.len() > parts.len() && key.starts_with(parts))
    }

    /// Reads every file of `content/`, as `load` does.
    fn read(root: &SiteRoot) -> Self {
        let mut listing = Diagnostics::new();
        let paths = super::list_files(root, "content", &mut listing);
        let (provenance, shallow) = super::git::history(root.path());
        listing.extend(shallow);
        let content = paths
            .into_par_iter()
            .map(|path| {
                let file = super::read_content_file(root, &path);
                (components(&root.relative(&path)), file)
            })
            .collect();
        Loaded {
            content,
            listing_problems: listing.into_iter().collect(),
            provenance,
            hashes: None,
            manifests: Vec::new(),
        }
    }

    /// Reads the changed files again, and forgets those that are gone.
    fn update(&mut self, root: &SiteRoot, changes: &[&String]) {
        for relative in changes {
            let key = components(relative);
            let path = root.join(relative);
            if path.is_file() {
                let file = super::read_content_file(root, &path);
                if let Some(hashes) = &mut self.hashes {
                    match text_of(&file) {
                        Some(text) => hashes
                            .insert((*relative).clone(), crate::manifest::hash(text.as_bytes())),
                        None => hashes.remove(relative.as_str()),
                    };
                }
                self.content.insert(key, file);
            } else {
                self.content.remove(&key);
                if let Some(hashes) = &mut self.hashes {
                    hashes.remove(relative.as_str());
                }
            }
        }
    }

    /// The sources as `load` would return them: copies of the kept files, and what lies
    /// outside `content/` read again.
    fn sources(&mut self, root: &SiteRoot) -> (Sources, Diagnostics) {
        let mut sources = Sources::default();
        let mut diagnostics = Diagnostics::new();
        diagnostics.extend(self.listing_problems.iter().cloned());
        for file in self.content.values() {
            super::add_content_file(&mut sources, file.clone(), &mut diagnostics);
        }
        super::load_rest(root, &mut sources, &mut diagnostics);
        self.manifests.clone_from(&sources.manifests);
        sources.provenance = self.provenance.clone();
        if !sources.manifests.is_empty() {
            let hashes = self
                .hashes
                .get_or_insert_with(|| super::hashes::content_hashes(&sources));
            // Assets and theme files are read again: a change to them takes this path.
            hashes.retain(|file, _| !file.starts_with("assets/") && !file.starts_with("themes/"));
            hashes.extend(super::hashes::site_file_hashes(root, &mut diagnostics));
            sources.hashes = hashes.clone();
        }
        (sources, diagnostics)
    }
}

/// The text a file contributes to an edition's manifest (documents and data files).
fn text_of(file: &ContentFile) -> Option<&str> {
    match file {
        ContentFile::Document(document) => Some(&document.file.text),
        ContentFile::Objectives(file)
        | ContentFile::Forums(file)
        | ContentFile::Dataset(file)
        | ContentFile::DataTranslation(file) => Some(&file.text),
        ContentFile::Problem(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn write(root: &Path, relative: &str, text: &str) {
        let path = root.join(relative);
        if let Some(parent) = path.parent() {
            assert!(std::fs::create_dir_all(parent).is_ok());
        }
        assert!(std::fs::write(path, text).is_ok());
    }

    fn contribution(title: &str) -> String {
        format!("---\ntitle: \"{title}\"\n---\nBody.\n")
    }

    /// What a load returned, in a form that can be compared.
    fn summary(
        sources: &Sources,
        diagnostics: Diagnostics,
    ) -> (Vec<(String, String)>, Vec<String>) {
        let documents = sources
            .documents
            .iter()
            .map(|document| (document.file.path.clone(), document.file.text.clone()))
            .collect();
        let problems = diagnostics
            .sorted()
            .into_iter()
            .map(|problem| format!("{}: {}", problem.file, problem.message))
            .collect();
        (documents, problems)
    }

    #[test]
    fn an_incremental_load_equals_a_full_load() {
        let Ok(temp) = tempfile::tempdir() else {
            return;
        };
        let root_path = temp.path();
        write(root_path, "site.yaml", "title: x\n");
        write(root_path, "content/contributions/a.md", &contribution("A"));
        write(root_path, "content/contributions/b.md", &contribution("B"));
        write(root_path, "content/report-notes.md", "misplaced\n");
        let Ok(root) = SiteRoot::open(root_path) else {
            return;
        };
        let mut cache = Cache::default();
        let (_, _, kind) = cache.load(&root, &BTreeSet::new());
        assert_eq!(kind, Kind::Full);

        write(
            root_path,
            "content/contributions/a.md",
            &contribution("A, revised"),
        );
        write(root_path, "content/contributions/c.md", &contribution("C"));
        assert!(std::fs::remove_file(root_path.join("content/contributions/b.md")).is_ok());
        let changed: BTreeSet<String> = ["a.md", "b.md", "c.md", "gone-before-seen.md"]
            .iter()
            .map(|name| format!("content/contributions/{name}"))
            .collect();
        let (sources, diagnostics, kind) = cache.load(&root, &changed);
        assert_eq!(kind, Kind::Incremental(4));
        let (full_sources, full_diagnostics) = super::super::load(&root);
        let incremental = summary(&sources, diagnostics);
        assert_eq!(incremental, summary(&full_sources, full_diagnostics));
        assert_eq!(
            incremental
                .0
                .iter()
                .map(|(path, _)| path.as_str())
                .collect::<Vec<_>>(),
            ["content/contributions/a.md", "content/contributions/c.md"]
        );
    }

    #[test]
    fn a_removed_folder_means_a_full_load() {
        let Ok(temp) = tempfile::tempdir() else {
            return;
        };
        let root_path = temp.path();
        write(root_path, "site.yaml", "title: x\n");
        write(root_path, "content/policy-notes/n.md", &contribution("N"));
        let Ok(root) = SiteRoot::open(root_path) else {
            return;
        };
        let mut cache = Cache::default();
        cache.load(&root, &BTreeSet::new());
        assert!(std::fs::remove_dir_all(root_path.join("content/policy-notes")).is_ok());
        let changed = BTreeSet::from(["content/policy-notes".to_owned()]);
        let (sources, _, kind) = cache.load(&root, &changed);
        assert_eq!(kind, Kind::Full);
        assert!(sources.documents.is_empty());
    }
}
