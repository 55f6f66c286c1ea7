//! One rebuild: from a change of files to a new snapshot (or to problems), timed.
//!
//! The steps are those of `build` up to rendering: load, validate and model the whole
//! site, then compute the per-site figures. The theme is compiled again only when its
//! files or `site.yaml` changed. Then the rebuild renders, eagerly, the pages of the
//! changed contributions (so their Markdown problems surface now, not when someone
//! opens them) and the pages open in browser tabs (so the reload that follows is
//! answered from memory). Any error keeps the previous snapshot in place.

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
use crate::render::views::ContributionSummary;
use crate::validate;

/// Rebuilds the site at its root into new snapshots.
pub struct Builder {
    root: SiteRoot,
    /// The compiled theme and the name it was loaded for, reused while it is unchanged.
    theme: Option<(String, Arc<Theme>)>,
    /// Loaded sources, re-read only where files changed.
    loader: load::cache::Cache,
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
    pub fn new(root: SiteRoot) -> Self {
        Builder {
            root,
            theme: None,
            loader: load::cache::Cache::default(),
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
        load::memo::next_generation();
        let (sources, mut diagnostics, kind) = self.loader.load(&self.root, &change.files);
        stopwatch.lap(match kind {
            load::cache::Kind::Full => "full load",
            load::cache::Kind::Incremental(_) => "load",
        });
        let (site, validation) = validate::validate(sources);
        diagnostics.extend(validation);
        stopwatch.lap("validate");
        let theme = site
            .as_ref()
            .and_then(|site| self.theme(site, change, &mut diagnostics));
        stopwatch.lap("theme");
        let (Some(site), Some(theme), false) = (site, theme, diagnostics.has_errors()) else {
            return reject(state, diagnostics.sorted(), stopwatch);
        };
        let snapshot = Snapshot::new(site, theme);
        stopwatch.lap("prepare");
        self.publish(snapshot, change, state, diagnostics.sorted(), stopwatch)
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
            Arc::clone(&current.prepared),
            theme,
        );
        self.publish(snapshot, change, state, Vec::new(), stopwatch)
    }

    /// Renders the eager pages of `snapshot` and makes it current, unless they have
    /// errors; `problems` are the warnings found so far.
    fn publish(
        &self,
        snapshot: Snapshot,
        change: &Change,
        state: &State,
        mut problems: Vec<Diagnostic>,
        mut stopwatch: Stopwatch,
    ) -> Report {
        let wanted = eager_files(&snapshot.site, change, &state.hub.open_pages());
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

/// The output files to render right away: the changed contributions' pages and the
/// pages open in tabs (given as request paths, `/contributions/x/`).
fn eager_files(site: &Site, change: &Change, open_pages: &BTreeSet<String>) -> BTreeSet<String> {
    let slugs = change.contribution_slugs();
    let changed = site
        .contributions
        .iter()
        .filter(|contribution| slugs.contains(&contribution.slug))
        .map(|contribution| crate::render::page_file(&ContributionSummary::new(contribution).url));
    let open = open_pages.iter().filter_map(|page| output_file(page));
    changed.chain(open).collect()
}
