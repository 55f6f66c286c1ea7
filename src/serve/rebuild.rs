//! One rebuild: from a change of files to a new snapshot (or to problems), timed.
//!
//! The steps are those of `build` up to rendering: load, validate and model the site,
//! then compute the per-site figures. When only contribution files changed since the
//! site being served was validated (the common case: someone saves a contribution),
//! the rebuild checks just those files and the rules that span documents
//! (`validate::update`), starting from the served site; any other change validates the
//! whole site again. The theme is compiled again only when its files or `site.yaml`
//! changed. Then the rebuild renders, eagerly, the pages of the changed contributions
//! (so their Markdown problems surface now, not when someone opens them) and the pages
//! open in browser tabs (so the reload that follows is answered from memory). Any error
//! keeps the previous snapshot in place.
//!
//! The files changed since the served site was validated are remembered across rebuilds
//! that fail, so that fixing a problem is again a small update of the served site.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::http::output_file;
use super::snapshot::{self, Snapshot};
use super::state::State;
use super::watch::Change;
use crate::diagnostic::{self, Diagnostic, Diagnostics, Format};
use crate::fs::SiteRoot;
use crate::load;
use crate::model::Site;
use crate::render::templates::{self, Theme};
use crate::urls::{PortalPath, Prefix};
use crate::validate;

/// Rebuilds the site at its root into new snapshots.
pub struct Builder {
    root: SiteRoot,
    /// The compiled theme and the name it was loaded for, reused while it is unchanged.
    theme: Option<(String, Arc<Theme>)>,
    /// Loaded sources, re-read only where files changed.
    loader: load::cache::Cache,
    /// The files changed since the site being served was validated; `None` when that
    /// site cannot be brought up to date file by file (none yet, or a full load since).
    unserved: Option<BTreeSet<String>>,
    /// The warnings of the validation of the site being served, shown again after each
    /// update: those of unchanged files stay true.
    warnings: Vec<Diagnostic>,
    /// `serve --base-url`: replaces `base_url` of `site.yaml` in every snapshot.
    base_url: Option<String>,
}

/// What a rebuild did, for the terminal.
pub struct Report {
    /// Whether the content is valid and the new version is served.
    pub published: bool,
    pub problems: Vec<Diagnostic>,
    pub pages_rendered: usize,
    pub steps: Vec<(&'static str, Duration)>,
    pub elapsed: Duration,
}

impl Report {
    /// One line: what happened and where the time went.
    pub fn line(&self, what: &str) -> String {
        let mut line = if self.published {
            format!(
                "{what}: rebuilt in {} ms, {} page{} rendered",
                self.elapsed.as_millis(),
                self.pages_rendered,
                if self.pages_rendered == 1 { "" } else { "s" }
            )
        } else {
            let errors = self
                .problems
                .iter()
                .filter(|problem| problem.severity == diagnostic::Severity::Error)
                .count();
            format!(
                "{what}: {errors} problem{} to fix ({} ms); still serving the last valid version",
                if errors == 1 { "" } else { "s" },
                self.elapsed.as_millis()
            )
        };
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|(step, time)| format!("{step} {}", time.as_millis()))
            .collect();
        let _ = write!(line, " ({} ms)", steps.join(", "));
        line
    }

    /// The problems as the terminal shows them.
    pub fn problems_text(&self) -> String {
        diagnostic::render(&self.problems, Format::Human)
    }
}

/// Times the steps of a rebuild.
struct Stopwatch {
    started: Instant,
    lap: Instant,
    steps: Vec<(&'static str, Duration)>,
}

impl Stopwatch {
    fn start() -> Self {
        let now = Instant::now();
        Stopwatch {
            started: now,
            lap: now,
            steps: Vec::new(),
        }
    }

    fn lap(&mut self, step: &'static str) {
        let now = Instant::now();
        self.steps.push((step, now - self.lap));
        self.lap = now;
    }
}

impl Builder {
    /// A builder for the site at `root`, its `base_url` replaced by `base_url` if given.
    pub fn new(root: SiteRoot, base_url: Option<String>) -> Self {
        Builder {
            root,
            base_url,
            theme: None,
            loader: load::cache::Cache::default(),
            unserved: None,
            warnings: Vec::new(),
        }
    }

    /// Applies `serve --base-url` to a newly validated site.
    fn override_base_url(&self, site: &mut crate::model::Site) {
        if let Some(base_url) = &self.base_url {
            crate::override_base_url(site, base_url);
        }
    }

    /// Rebuilds after `change` (everything on the first call) and publishes the result
    /// to `state`: a new snapshot, or the problems that keep the old one.
    pub fn rebuild(&mut self, change: &Change, state: &State) -> Report {
        let mut stopwatch = Stopwatch::start();
        if change.only_theme() && state.problems().is_empty() {
            if let Some(current) = state.snapshot() {
                return self.rebuild_theme(&current, change, state, stopwatch);
            }
        }
        if let Some(unserved) = &mut self.unserved {
            unserved.extend(change.files.iter().cloned());
        }
        let kind = self.loader.refresh(&self.root, &change.files);
        if kind == load::cache::Kind::Full {
            self.unserved = None;
        }
        if let Some(current) = state.snapshot() {
            stopwatch = match self.update(&current, change, state, stopwatch) {
                Ok(report) => return report,
                Err(stopwatch) => stopwatch,
            };
        }
        load::memo::next_generation();
        let (sources, mut diagnostics) = self.loader.sources(&self.root);
        stopwatch.lap(match kind {
            load::cache::Kind::Full => "full load",
            load::cache::Kind::Incremental(_) => "load",
        });
        let (site, validation) = validate::validate(sources);
        let validation: Vec<Diagnostic> = validation.into_iter().collect();
        let warnings = warnings(&validation);
        diagnostics.extend(validation);
        stopwatch.lap("validate");
        let theme = site
            .as_ref()
            .and_then(|site| self.theme(site, change, &mut diagnostics));
        stopwatch.lap("theme");
        let (Some(mut site), Some(theme), false) = (site, theme, diagnostics.has_errors()) else {
            return reject(state, diagnostics.sorted(), stopwatch);
        };
        self.override_base_url(&mut site);
        let snapshot = Snapshot::new(site, theme);
        stopwatch.lap("prepare");
        self.publish(
            snapshot,
            change,
            state,
            diagnostics.sorted(),
            warnings,
            stopwatch,
        )
    }

    /// Brings the site of `current` up to date when only contribution files changed
    /// since it was validated; gives the stopwatch back when the change needs a full
    /// rebuild.
    fn update(
        &mut self,
        current: &Snapshot,
        change: &Change,
        state: &State,
        mut stopwatch: Stopwatch,
    ) -> Result<Report, Stopwatch> {
        let Some(unserved) = &self.unserved else {
            return Err(stopwatch);
        };
        if !unserved
            .iter()
            .all(|path| validate::is_contribution_file(path))
        {
            return Err(stopwatch);
        }
        let Some((revision, mut diagnostics)) = self.loader.revision(unserved) else {
            return Err(stopwatch);
        };
        stopwatch.lap("load");
        let (site, validation) = validate::update(&current.site, revision);
        let validation: Vec<Diagnostic> = validation.into_iter().collect();
        let mut warnings: Vec<Diagnostic> = self
            .warnings
            .iter()
            .filter(|warning| !unserved.contains(&warning.file))
            .cloned()
            .collect();
        diagnostics.extend(warnings.iter().cloned());
        warnings.extend(self::warnings(&validation));
        diagnostics.extend(validation);
        stopwatch.lap("update");
        let (Some(mut site), false) = (site, diagnostics.has_errors()) else {
            return Ok(reject(state, diagnostics.sorted(), stopwatch));
        };
        self.override_base_url(&mut site);
        let snapshot = Snapshot::updated(site, current, unserved);
        stopwatch.lap("prepare");
        Ok(self.publish(
            snapshot,
            change,
            state,
            diagnostics.sorted(),
            warnings,
            stopwatch,
        ))
    }

    /// After a change of the theme's files alone, while the content is valid: the
    /// current site and figures with the theme compiled again.
    fn rebuild_theme(
        &mut self,
        current: &Snapshot,
        change: &Change,
        state: &State,
        mut stopwatch: Stopwatch,
    ) -> Report {
        let mut diagnostics = Diagnostics::new();
        let theme = self.theme(&current.site, change, &mut diagnostics);
        stopwatch.lap("theme");
        let Some(theme) = theme else {
            return reject(state, diagnostics.sorted(), stopwatch);
        };
        let snapshot = Snapshot::with_theme(
            Arc::clone(&current.site),
            Arc::clone(&current.preview),
            Arc::clone(&current.prepared),
            theme,
        );
        let warnings = self.warnings.clone();
        self.publish(snapshot, change, state, Vec::new(), warnings, stopwatch)
    }

    /// Renders the eager pages of `snapshot` and makes it current, unless they have
    /// errors; `problems` are the warnings found so far, `warnings` those of the
    /// validation of the snapshot's site.
    fn publish(
        &mut self,
        snapshot: Snapshot,
        change: &Change,
        state: &State,
        mut problems: Vec<Diagnostic>,
        warnings: Vec<Diagnostic>,
        mut stopwatch: Stopwatch,
    ) -> Report {
        let wanted = eager_files(&snapshot.preview, change, &state.hub.open_pages());
        let rendered = snapshot.render(&wanted);
        stopwatch.lap("render");
        match rendered {
            Ok(warnings) => problems.extend(warnings),
            Err(snapshot::Failure::Problems(errors)) => {
                problems.extend(errors);
                return reject(state, problems, stopwatch);
            }
            Err(snapshot::Failure::Io(error)) => {
                problems.push(Diagnostic::error(
                    self.root.relative(&error.path),
                    error.to_string(),
                ));
                return reject(state, problems, stopwatch);
            }
        }
        state.publish(snapshot);
        self.unserved = Some(BTreeSet::new());
        self.warnings = warnings;
        Report {
            published: true,
            problems,
            pages_rendered: wanted.len(),
            steps: stopwatch.steps,
            elapsed: stopwatch.started.elapsed(),
        }
    }

    /// The theme `site` names: the one compiled before, unless the change may have
    /// altered it; its problems go to `diagnostics`.
    fn theme(
        &mut self,
        site: &Site,
        change: &Change,
        diagnostics: &mut Diagnostics,
    ) -> Option<Arc<Theme>> {
        let name = &site.config.theme;
        if let Some((loaded_name, theme)) = &self.theme {
            if loaded_name == name && !change.touches_theme() {
                return Some(Arc::clone(theme));
            }
        }
        match templates::load_theme(&self.root, name) {
            Ok(theme) => {
                let theme = Arc::new(theme);
                self.theme = Some((name.clone(), Arc::clone(&theme)));
                Some(theme)
            }
            Err(problems) => {
                self.theme = None;
                diagnostics.extend(problems);
                None
            }
        }
    }
}

/// Records `problems` in `state` (the old snapshot stays) and reports them.
fn reject(state: &State, problems: Vec<Diagnostic>, stopwatch: Stopwatch) -> Report {
    state.reject(problems.clone());
    Report {
        published: false,
        problems,
        pages_rendered: 0,
        steps: stopwatch.steps,
        elapsed: stopwatch.started.elapsed(),
    }
}

/// The warnings among `diagnostics`.
fn warnings(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .filter(|problem| problem.severity == diagnostic::Severity::Warning)
        .cloned()
        .collect()
}

/// The output files to render right away: the changed contributions' pages in every
/// language and the pages open in tabs (given as request paths, `/2026/contributions/x/`).
fn eager_files(site: &Site, change: &Change, open_pages: &BTreeSet<String>) -> BTreeSet<String> {
    let slugs = change.contribution_slugs();
    let changed = slugs
        .iter()
        .filter_map(|slug| site.contributions.by_slug(slug))
        .flat_map(|contribution| {
            site.config.languages.iter().map(|language| {
                let prefix = Prefix::portal(site, contribution.edition, language);
                PortalPath::contribution(&contribution.slug)
                    .in_portal(&prefix)
                    .file()
            })
        });
    let open = open_pages.iter().filter_map(|page| output_file(page));
    changed.chain(open).collect()
}
