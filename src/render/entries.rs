//! Rendering the plan entry by entry.
//!
//! The plan names every output file with what it shows (`plan::Producer`): a page of a
//! portal with its subject, a portal's search index, a chart's CSV, a feed, a theme file.
//! [`Renderers::render_entry`] renders exactly one entry by dispatching on it to a small
//! function in the file of its page family (`contributions.rs`, `objectives.rs`, …).
//! `build` renders every entry in parallel; `serve` looks the requested file up in the
//! plan and renders that entry alone. No entry depends on another having been rendered
//! before it: what several entries share (a portal's figures, "what changed", a body
//! converted once for every language, a search index shared by an edition's languages)
//! is computed by whichever entry needs it first and kept in [`Caches`] for the build.

use std::collections::BTreeMap;

use super::bodies::BodyMemos;
use super::feeds::SiteFiles;
use super::plan::{Entry, PortalId, Subject};
use super::search_page::SearchIndexes;
use super::*;

/// One render of files of a site's plan: the site, what was prepared from it, its plan
/// (free of collisions), the theme, and where the files go.
pub struct Build<'a> {
    pub site: &'a Site,
    pub prepared: &'a Prepared,
    pub plan: &'a Plan,
    pub theme: &'a Theme,
    pub sink: &'a dyn Sink,
}

impl Build<'_> {
    /// Renders the plan's `entries` (each with its file) in parallel. The first failure
    /// in the order of `entries` is returned, whichever thread met it first.
    pub fn render(&self, entries: &[(&str, &Entry)]) -> Result<Rendered> {
        let caches = Caches::new(self.site);
        let renderers = Renderers::new(self, &caches);
        let results: Vec<Made> = entries
            .par_iter()
            .map(|(file, entry)| renderers.render_entry(file, entry))
            .collect();
        let mut diagnostics = Diagnostics::new();
        for result in results {
            diagnostics.extend(result?);
        }
        let pages = entries
            .iter()
            .filter(|(_, entry)| entry.producer.page().is_some())
            .count();
        Ok(Rendered { pages, diagnostics })
    }
}

/// Every entry of `plan`, in the order a build renders them: search indexes first (their
/// merge is mostly serial and overlaps with the pages), then the files of each portal
/// by their path inside it, an edition's languages side by side (so that a body
/// converted for one language is reused by the next while it is still kept), then the
/// files at the site root. The order changes how fast, never what, a build writes.
pub fn in_build_order(plan: &Plan) -> Vec<(&str, &Entry)> {
    let mut entries: Vec<(&str, &Entry)> = plan
        .files()
        .map(|(file, entry)| (file.as_str(), entry))
        .collect();
    entries.sort_by_cached_key(|(file, entry)| build_order(file, entry));
    entries
}

/// Where an entry comes in [`in_build_order`].
fn build_order(file: &str, entry: &Entry) -> (u8, i32, String, String) {
    let portal = match &entry.producer {
        Producer::SearchIndex(portal) => return (0, portal.year, String::new(), file.into()),
        Producer::Page(page) if matches!(page.subject, Subject::FrontDoor | Subject::NotFound) => {
            None
        }
        Producer::Page(page) => Some(&page.portal),
        Producer::ChartCsv(portal, _) | Producer::BlockChartCsv(portal, _) => Some(portal),
        _ => None,
    };
    match portal {
        Some(portal) => {
            let prefix_end = format!("{}/", portal.year);
            let inside = file
                .split_once(&prefix_end)
                .map_or(file, |(_, inside)| inside);
            (
                1,
                portal.year,
                inside.to_owned(),
                portal.language.to_string(),
            )
        }
        None => (2, 0, file.to_owned(), String::new()),
    }
}

/// What the entries of one build share, each part made by the first entry that needs it.
pub(super) struct Caches {
    /// Contribution bodies converted once for all languages.
    pub(super) bodies: BodyMemos,
    /// Search indexes shared by the portals with the same documents.
    pub(super) search: SearchIndexes,
}

impl Caches {
    fn new(site: &Site) -> Self {
        Caches {
            bodies: BodyMemos::new(site.contributions.len(), site.config.languages.len()),
            search: SearchIndexes::new(site.config.languages.len()),
        }
    }
}

/// The renderer of every portal of a build.
struct Renderers<'a> {
    /// By year, then language.
    portals: BTreeMap<i32, BTreeMap<&'a str, Renderer<'a>>>,
    /// What makes the files at the site root.
    site_files: SiteFiles<'a>,
}

impl<'a> Renderers<'a> {
    fn new(build: &'a Build<'a>, caches: &'a Caches) -> Self {
        let site = build.site;
        let mut portals: BTreeMap<i32, BTreeMap<&str, Renderer>> = BTreeMap::new();
        for edition in &site.editions {
            for language in &site.config.languages {
                if let Some(renderer) = renderer(build, caches, edition, language) {
                    let languages = portals.entry(edition.year).or_default();
                    languages.insert(language.as_str(), renderer);
                }
            }
        }
        // The site as the current edition shows it in the default language.
        let current = site.current_edition().map(|edition| {
            let language = &site.config.default_language;
            build.prepared.site_for(site, edition.year, language)
        });
        let site_files = SiteFiles {
            site: current.unwrap_or(site),
            plan: build.plan,
            theme: build.theme,
            sink: build.sink,
        };
        Renderers {
            portals,
            site_files,
        }
    }

    /// Renders the entry of the plan for `file` into the sink.
    fn render_entry(&self, file: &str, entry: &Entry) -> Made {
        match &entry.producer {
            Producer::Page(page) => self.portal(&page.portal)?.page_of(&page.subject),
            Producer::SearchIndex(portal) => self.portal(portal)?.search_index(),
            Producer::ChartCsv(portal, chart) => self.portal(portal)?.chart_csv(file, chart),
            Producer::BlockChartCsv(portal, source) => {
                self.portal(portal)?.block_chart_csv(file, source)
            }
            Producer::Feed(feed) => self.site_files.feed(file, feed),
            Producer::OpenData(year, format) => self.site_files.open_data(file, *year, format),
            Producer::Sitemap => self.site_files.sitemap(file),
            Producer::Robots => self.site_files.robots(file),
            Producer::Stylesheet => self.site_files.stylesheet(file),
            Producer::SearchScript | Producer::ThemeStatic => self.site_files.theme_static(file),
            Producer::Dataset(name) => self.site_files.dataset(file, name),
            Producer::Asset => self.site_files.asset(file),
        }
    }

    /// The renderer of `portal`.
    fn portal(&self, portal: &PortalId) -> Result<&Renderer<'a>> {
        self.renderer(portal.year, portal.language.as_str())
    }

    fn renderer(&self, year: i32, language: &str) -> Result<&Renderer<'a>> {
        let languages = self.portals.get(&year);
        let renderer = languages.and_then(|languages| languages.get(language));
        renderer.ok_or_else(|| no_portal(year, language))
    }
}

/// The plan names a portal the site does not have: a bug of the generator, not of the
/// content, reported rather than skipped.
fn no_portal(year: i32, language: &str) -> RenderError {
    RenderError::Template(
        Diagnostic::error(
            "site.yaml".to_owned(),
            format!("rapporteur has no portal for edition {year} in `{language}` to render"),
        )
        .with_hint("this is a bug of rapporteur: please report it with your site.yaml"),
    )
}

/// The renderer of the portal of `edition` in `language`.
fn renderer<'a>(
    build: &'a Build<'a>,
    caches: &'a Caches,
    edition: &'a Edition,
    language: &'a Language,
) -> Option<Renderer<'a>> {
    let prepared = build.prepared;
    let site = prepared.site_for(build.site, edition.year, language);
    let prepared_edition = prepared.editions.get(&edition.year)?;
    let words = visuals::Words::new(&build.theme.messages, language.as_str());
    Some(Renderer {
        site,
        blocks: visuals::ChartBlocks::new(&site.datasets, words.clone()),
        links: prepared
            .link_targets
            .portal(build.plan, site, edition.year, language),
        words,
        figures: std::sync::OnceLock::new(),
        actions_charts: std::sync::OnceLock::new(),
        changes: std::sync::OnceLock::new(),
        caches,
        plan: build.plan,
        theme: build.theme,
        sink: build.sink,
        items: std::sync::OnceLock::new(),
        item_context: std::sync::OnceLock::new(),
        edition_value: tera::Value::from_serializable(&EditionView::new(site, edition)),
        site_view: &prepared.site_view,
        site_value: prepared.site_value(language.as_str())?,
        related: &prepared.related,
        portal: Portal {
            edition,
            language: language.clone(),
            prefix: Prefix::portal(site, edition.year, language),
            index: &prepared_edition.index,
        },
    })
}

impl Renderer<'_> {
    /// Renders the page of this portal that shows `subject`.
    fn page_of(&self, subject: &Subject) -> Made {
        match subject {
            Subject::Home => self.home(),
            Subject::FrontDoor => self.front_door(),
            Subject::NotFound => self.not_found(),
            Subject::Report => self.report(),
            Subject::Print => self.print(),
            Subject::Chapter(number) => self.chapter(*number),
            Subject::Contribution(slug) => self.contribution(slug),
            Subject::Alias { slug, alias } => self.redirect(slug, *alias),
            Subject::PolicyNotes => self.policy_notes(),
            Subject::PolicyNote(slug) => self.policy_note(slug),
            Subject::Objectives => self.objectives(),
            Subject::Objective(id) => self.objective(id),
            Subject::Forums => self.forums(),
            Subject::Terms(facet) => self.terms(*facet),
            Subject::Listing(listed, number) => self.listing_page(listed, *number),
            Subject::Progress => self.progress(),
            Subject::Changes => self.changes_page(),
            Subject::Search => self.search_page(),
        }
    }
}
