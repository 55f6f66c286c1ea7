//! One valid version of the site, and its pages rendered on demand.
//!
//! A [`Snapshot`] holds what rendering any page needs (the model, its per-site figures,
//! the compiled theme, the page plan) and a cache of the files already rendered from it.
//! A path that is not in the plan is missing without any rendering. A file of the plan is
//! rendered the first time someone asks for it: its entry of the plan alone (a search
//! index's entry makes every file of its folder), into memory, and
//! kept until the next rebuild replaces the whole snapshot: the cache never has to work
//! out which pages a change touched, because a new snapshot starts empty.
//!
//! The pages are those of a *preview* of the site: its drafts (`draft: true`) are shown
//! among the contributions, each with a banner, so that an author can see one before
//! publishing it. `build` never sees the preview; the validated site, drafts apart, is
//! kept as well, since the next update of the site starts from it.
//!
//! The plan lists every file of the site, so making it costs as much as the site is
//! large. A snapshot after a save of contributions keeps the plan of the one it replaces
//! when the saved files change nothing the plan is made from ([`keeps_plan`]): the text
//! of a contribution, its title, its date are not in the plan; its address, edition,
//! aliases, facets, follow-ups, translations and chart blocks are.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::preview;
use crate::diagnostic::Diagnostic;
use crate::fs::{IoContext as _, IoError};
use crate::model::{Contribution, Markdown, Site};
use crate::render::templates::Theme;
use crate::render::{self, Plan, Prepared, RenderError, Sink};

/// A valid version of the site and the files rendered from it so far.
pub struct Snapshot {
    /// The site as validated, drafts apart: what the next update starts from.
    pub site: Arc<Site>,
    /// The site the pages show: `site` with its drafts among the contributions.
    pub preview: Arc<Site>,
    /// The figures of `preview`.
    pub prepared: Arc<Prepared>,
    pub theme: Arc<Theme>,
    /// Every file of this version of the site.
    pub plan: Arc<Plan>,
    /// Files claimed twice in the plan: the site cannot be served until they are fixed.
    collisions: Arc<Vec<Diagnostic>>,
    /// Output path → the file's bytes, or `None` for a path the site does not have.
    cache: Mutex<BTreeMap<String, Option<Arc<Vec<u8>>>>>,
}

/// Why a file could not be rendered.
#[derive(Debug)]
pub enum Failure {
    /// A template failed, or a Markdown body has an error: the content needs fixing.
    Problems(Vec<Diagnostic>),
    /// A file to copy could not be read.
    Io(IoError),
}

impl Snapshot {
    /// A snapshot of a newly validated `site`: its figures are computed now.
    pub fn new(site: Site, theme: Arc<Theme>) -> Self {
        let site = Arc::new(site);
        let preview = preview::of(&site);
        let prepared = Arc::new(Prepared::new(&preview));
        Snapshot::with_theme(site, preview, prepared, theme)
    }

    /// A snapshot of an unchanged site (its preview and figures) with `theme`.
    pub fn with_theme(
        site: Arc<Site>,
        preview: Arc<Site>,
        prepared: Arc<Prepared>,
        theme: Arc<Theme>,
    ) -> Self {
        let (plan, collisions) = Plan::new(&preview, &prepared, &theme);
        Snapshot {
            site,
            preview,
            prepared,
            theme,
            plan: Arc::new(plan),
            collisions: Arc::new(collisions),
            cache: Mutex::new(BTreeMap::new()),
        }
    }

    /// The snapshot of `site`, which `current`'s site became when the contribution files
    /// `touched` changed: with `current`'s theme, and its plan when the change leaves the
    /// plan as it was.
    pub fn updated(site: Site, current: &Snapshot, touched: &BTreeSet<String>) -> Self {
        let keeps_plan = keeps_plan(&current.site, &site, touched);
        let site = Arc::new(site);
        let preview = preview::updated(&site, &current.site, &current.preview);
        let prepared = Arc::new(Prepared::new(&preview));
        if !keeps_plan {
            return Snapshot::with_theme(site, preview, prepared, Arc::clone(&current.theme));
        }
        Snapshot {
            site,
            preview,
            prepared,
            theme: Arc::clone(&current.theme),
            plan: Arc::clone(&current.plan),
            collisions: Arc::clone(&current.collisions),
            cache: Mutex::new(BTreeMap::new()),
        }
    }

    /// The bytes of the output file at `path` (`contributions/x/index.html`), rendered
    /// now unless already cached; `Ok(None)` when the site has no such file.
    pub fn file(&self, path: &str) -> Result<Option<Arc<Vec<u8>>>, Failure> {
        if !self.plan.contains(path) {
            return Ok(None);
        }
        if let Some(cached) = self.cached(path) {
            return Ok(cached);
        }
        self.render(&BTreeSet::from([path.to_owned()]))?;
        Ok(self.cached(path).flatten())
    }

    /// Renders the files at `paths` that are not cached yet, in one pass, and caches
    /// them; returns the warnings their Markdown produced.
    pub fn render(&self, paths: &BTreeSet<String>) -> Result<Vec<Diagnostic>, Failure> {
        if !self.collisions.is_empty() {
            return Err(Failure::Problems(self.collisions.to_vec()));
        }
        let missing: BTreeSet<String> = paths
            .iter()
            .filter(|path| self.plan.contains(path) && self.cached(path).is_none())
            .cloned()
            .collect();
        if missing.is_empty() {
            return Ok(Vec::new());
        }
        // Each file is made by one entry of the plan; a search index's entry makes all
        // the files of its folder at once, and they are all kept.
        let entries: BTreeMap<&str, &render::Entry> = missing
            .iter()
            .filter_map(|path| self.plan.entry_of(path))
            .collect();
        let entries: Vec<(&str, &render::Entry)> = entries.into_iter().collect();
        let sink = MemorySink::default();
        let build = render::Build {
            site: &self.preview,
            prepared: &self.prepared,
            plan: &self.plan,
            theme: &self.theme,
            sink: &sink,
        };
        let diagnostics = match build.render(&entries) {
            Ok(rendered) => rendered.diagnostics.sorted(),
            Err(RenderError::Template(problem)) => return Err(Failure::Problems(vec![problem])),
            Err(RenderError::Io(error)) => return Err(Failure::Io(error)),
        };
        if diagnostics
            .iter()
            .any(|problem| problem.severity == crate::diagnostic::Severity::Error)
        {
            return Err(Failure::Problems(diagnostics));
        }
        let files = sink.into_files();
        let mut cache = recover(self.cache.lock());
        for (path, bytes) in files {
            cache.insert(path, Some(Arc::new(bytes)));
        }
        for path in missing {
            cache.entry(path).or_insert(None);
        }
        Ok(diagnostics)
    }

    fn cached(&self, path: &str) -> Option<Option<Arc<Vec<u8>>>> {
        recover(self.cache.lock()).get(path).cloned()
    }
}

/// Whether the plan of `old` is the plan of `new`, the site `old` became when the
/// contribution files `touched` (originals and translations) changed. It is when the
/// site has the same number of contributions and each touched file belongs, before and
/// after, to versions of one contribution that agree on everything `Plan::new` reads of
/// a contribution: its slug, edition, aliases and file (its pages and redirects), its
/// objectives, actions, forums, stakeholder type and region (which listings count it,
/// so how many pages they have), its status and `updates:` (whether an edition has a
/// "what changed" page), its translations' languages and files, and the chart blocks of
/// its bodies (chart CSVs). Drafts count as contributions: the preview shows them, so
/// the plan has their pages too. (`tests/suite/serve_update.rs` holds this to a plan
/// made anew.)
pub fn keeps_plan(old: &Site, new: &Site, touched: &BTreeSet<String>) -> bool {
    if old.contributions.len() != new.contributions.len() || old.drafts.len() != new.drafts.len() {
        return false;
    }
    let (old_owners, new_owners) = (owners(old, touched), owners(new, touched));
    touched.iter().all(|file| {
        match (old_owners.get(file.as_str()), new_owners.get(file.as_str())) {
            (Some((old_draft, before)), Some((new_draft, after))) => {
                old_draft == new_draft && same_plan_inputs(before, after)
            }
            _ => false,
        }
    })
}

/// The contribution (or draft, then `true`) each of the files `touched` belongs to.
fn owners<'s, 't>(
    site: &'s Site,
    touched: &'t BTreeSet<String>,
) -> BTreeMap<&'t str, (bool, &'s Contribution)> {
    let is_draft_of = |draft: &Contribution, file: &str| {
        draft.body.file == file || draft.translations.iter().any(|t| t.body.file == file)
    };
    let owner = |file: &str| match site.contributions.by_file(file) {
        Some(contribution) => Some((false, contribution)),
        None => site
            .drafts
            .iter()
            .find(|d| is_draft_of(d, file))
            .map(|d| (true, d)),
    };
    touched
        .iter()
        .filter_map(|file| Some((file.as_str(), owner(file)?)))
        .collect()
}

/// Whether two versions of a contribution agree on what the plan is made from.
fn same_plan_inputs(before: &Contribution, after: &Contribution) -> bool {
    before.slug == after.slug
        && before.edition == after.edition
        && before.aliases == after.aliases
        && before.body.file == after.body.file
        && before.objectives == after.objectives
        && before.actions == after.actions
        && before.forums == after.forums
        && before.stakeholder.kind == after.stakeholder.kind
        && before.region == after.region
        && before.status == after.status
        && before.updates == after.updates
        && same_charts(&before.body, &after.body)
        && before.translations.len() == after.translations.len()
        && before
            .translations
            .iter()
            .zip(&after.translations)
            .all(|(before, after)| {
                before.language == after.language
                    && before.body.file == after.body.file
                    && same_charts(&before.body, &after.body)
            })
}

/// Whether two versions of a body have the same chart blocks, as far as can be told
/// without parsing them: the same text, or no `chart` in either (`Plan::new` parses only
/// the bodies that mention it).
fn same_charts(before: &Markdown, after: &Markdown) -> bool {
    before.text == after.text || !(before.text.contains("chart") || after.text.contains("chart"))
}

/// A sink that keeps files in memory: `serve` writes nothing to disk.
#[derive(Default)]
struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn keep(&self, path: &str, contents: Vec<u8>) {
        recover(self.files.lock()).insert(path.to_owned(), contents);
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &str, contents: &[u8]) -> Result<(), IoError> {
        self.keep(path, contents.to_vec());
        Ok(())
    }

    fn copy(&self, path: &str, source: &Path) -> Result<(), IoError> {
        let mut contents = Vec::new();
        crate::fs::open_no_follow(source)
            .and_then(|mut file| std::io::Read::read_to_end(&mut file, &mut contents))
            .with_path("read", source)?;
        self.keep(path, contents);
        Ok(())
    }
}

/// The guard of a lock, also when a thread panicked while holding it: what serve keeps
/// behind its locks (maps, whole `Arc`s) is whole after every insert or swap, and giving
/// up on it would turn pages already rendered into 404s, or drop a new snapshot or the
/// problems overlay without a word.
pub fn recover<'a, T>(
    locked: Result<MutexGuard<'a, T>, PoisonError<MutexGuard<'a, T>>>,
) -> MutexGuard<'a, T> {
    locked.unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_poisoned_sink_keeps_its_files() {
        let sink = MemorySink::default();
        sink.keep("before.html", b"1".to_vec());
        let poisoned = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let _held = sink.files.lock();
                    panic!("a render thread panics while writing");
                })
                .join()
        });
        assert!(poisoned.is_err() && sink.files.is_poisoned());
        sink.keep("after.html", b"2".to_vec());
        let files = sink.into_files();
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            ["after.html", "before.html"]
        );
    }
}
