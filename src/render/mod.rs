//! Stage 4, render: the model → HTML pages, through the theme's Tera templates.
//!
//! Every page is a template rendered with a view (see `views`) and handed to a [`Sink`]:
//! the output directory for `build`, or nothing for `check`, which renders everything
//! to find every problem but writes nothing. Contribution pages and listing pages are
//! rendered in parallel; each page is written as soon as it is rendered, so memory does
//! not grow with the size of the site.

pub mod changes;
pub mod i18n;
pub mod markdown;
pub mod open_data;
pub mod plan;
pub mod portal;
pub mod structured;
pub mod templates;
pub mod urls;
pub mod views;
pub mod visuals;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fs::IoError;
use crate::model::{Contribution, Edition, ForumCategory, Page, Region, Site, StakeholderType};
pub use plan::{PageKind, Plan, Producer};
use templates::{Theme, ThemeStatic};
use urls::{PortalPath, Prefix, SitePath};
use views::*;

/// Contributions per page of a listing.
pub const PAGE_SIZE: usize = 50;
/// Contributions shown per action on an objective's page before "see all".
const PER_ACTION: usize = 10;

/// Where rendered pages go.
pub trait Sink: Sync {
    fn write(&self, path: &str, contents: &[u8]) -> std::result::Result<(), IoError>;
    fn copy(&self, path: &str, source: &Path) -> std::result::Result<(), IoError>;
}

/// A sink that discards everything, for `check`.
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> std::result::Result<(), IoError> {
        Ok(())
    }
    fn copy(&self, _: &str, _: &Path) -> std::result::Result<(), IoError> {
        Ok(())
    }
}

impl Sink for crate::write::Staging {
    fn write(&self, path: &str, contents: &[u8]) -> std::result::Result<(), IoError> {
        crate::write::Staging::write(self, path, contents)
    }
    fn copy(&self, path: &str, source: &Path) -> std::result::Result<(), IoError> {
        crate::write::Staging::copy(self, path, source)
    }
}

/// Why rendering stopped: a template failed, or the output could not be written.
#[derive(Debug)]
pub enum RenderError {
    Template(Diagnostic),
    Io(IoError),
}

impl From<IoError> for RenderError {
    fn from(error: IoError) -> Self {
        RenderError::Io(error)
    }
}

/// What a render produced.
pub struct Rendered {
    pub pages: usize,
    pub diagnostics: Diagnostics,
}

type Result<T> = std::result::Result<T, RenderError>;

/// Renders every page of `site` into `sink`, unless its plan has collisions, which are
/// then the render's diagnostics (nothing is written).
pub fn render(site: &Site, theme: &Theme, sink: &dyn Sink) -> Result<Rendered> {
    let prepared = Prepared::new(site);
    let (plan, collisions) = Plan::new(site, &prepared, theme);
    if !collisions.is_empty() {
        let mut diagnostics = Diagnostics::new();
        diagnostics.extend(collisions);
        return Ok(Rendered {
            pages: 0,
            diagnostics,
        });
    }
    render_with(site, &prepared, &plan, theme, sink, &Scope::All)
}

/// What every page of a site needs, computed once per version of the site: each
/// edition's index and figures, the contribution summaries listings show, the site-wide
/// view. `serve` keeps it between requests, so rendering one page does not recompute it.
pub struct Prepared {
    editions: BTreeMap<i32, EditionPrepared>,
    related: portal::Editions,
    summaries: Vec<ContributionSummary>,
    site_view: SiteView,
}

/// One edition's contributions by facet.
struct EditionPrepared {
    index: crate::model::Index,
}

impl Prepared {
    /// Computes what every page needs. `serve` does this after each save, so the parts
    /// are computed in parallel, and each edition's index is taken from the site's.
    pub fn new(site: &Site) -> Self {
        let ((editions, related), (summaries, site_view)) = rayon::join(
            || rayon::join(|| Prepared::editions(site), || portal::Editions::new(site)),
            || {
                rayon::join(
                    || {
                        site.contributions
                            .par_iter()
                            .map(ContributionSummary::new)
                            .collect()
                    },
                    || SiteView::new(site),
                )
            },
        );
        Prepared {
            editions,
            related,
            summaries,
            site_view,
        }
    }

    fn editions(site: &Site) -> BTreeMap<i32, EditionPrepared> {
        site.editions
            .par_iter()
            .map(|edition| {
                let index = edition_index(&site.index, &site.contributions, edition.year);
                (edition.year, EditionPrepared { index })
            })
            .collect()
    }
}

/// The contributions of edition `year` by facet: `index` (the site's) with the other
/// editions' contributions left out. The same as indexing the edition's contributions
/// (`portal::edition_index`), without reading every contribution again.
fn edition_index(
    index: &crate::model::Index,
    contributions: &[Contribution],
    year: i32,
) -> crate::model::Index {
    fn only<K: Ord + Clone>(
        map: &BTreeMap<K, Vec<usize>>,
        keep: &impl Fn(usize) -> bool,
    ) -> BTreeMap<K, Vec<usize>> {
        map.iter()
            .filter_map(|(key, positions)| {
                let kept: Vec<usize> = positions.iter().copied().filter(|p| keep(*p)).collect();
                (!kept.is_empty()).then(|| (key.clone(), kept))
            })
            .collect()
    }
    let keep = |position: usize| {
        contributions
            .get(position)
            .is_some_and(|contribution| contribution.edition == year)
    };
    crate::model::Index {
        by_objective: only(&index.by_objective, &keep),
        by_action: only(&index.by_action, &keep),
        by_forum: only(&index.by_forum, &keep),
        by_stakeholder_type: only(&index.by_stakeholder_type, &keep),
        by_region: only(&index.by_region, &keep),
        by_status: only(&index.by_status, &keep),
        by_edition: only(&index.by_edition, &keep),
    }
}

/// Which output files a render produces: all of them (`build`, `check`), or only some
/// (`serve` renders the pages a browser asks for). Files are named as in the output
/// directory: `contributions/x/index.html`, `style.css`.
pub enum Scope {
    All,
    Only(std::collections::BTreeSet<String>),
}

impl Scope {
    /// Whether any data file (not a page) under `folder` (e.g. `2025/search/`) is wanted.
    pub fn wants_under(&self, folder: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(files) => files
                .range(folder.to_owned()..)
                .take_while(|file| file.starts_with(folder))
                .any(|file| !file.ends_with(".html")),
        }
    }

    /// Whether the file at `file` (an output path) is to be produced.
    pub fn wants(&self, file: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(files) => files.contains(file),
        }
    }
}

pub use urls::page_file;

/// Renders the files of `site` that `scope` wants into `sink`, with `prepared` and
/// `plan` computed from the same `site` (and `plan` free of collisions).
pub fn render_with(
    site: &Site,
    prepared: &Prepared,
    plan: &Plan,
    theme: &Theme,
    sink: &dyn Sink,
    scope: &Scope,
) -> Result<Rendered> {
    let shared = Shared {
        search: Mutex::new(BTreeMap::new()),
    };
    let inputs = Inputs {
        site,
        prepared,
        plan,
        theme,
        sink,
        scope,
        shared: &shared,
    };
    let mut diagnostics = Diagnostics::new();
    let mut pages = 0;
    for edition in &site.editions {
        for language in &site.config.languages {
            if let Some(renderer) = inputs.renderer(edition, language) {
                let (count, problems) = renderer.portal_pages()?;
                pages += count;
                diagnostics.extend(problems);
            }
        }
    }
    if let Some(front) = site.current_edition() {
        for language in &site.config.languages {
            if let Some(renderer) = inputs.renderer(front, language) {
                pages += renderer.front_door()?;
            }
        }
        if let Some(renderer) = inputs.renderer(front, &site.config.default_language) {
            pages += renderer.not_found()?;
            renderer.statics()?;
            renderer.open_data()?;
            renderer.assets()?;
        }
    }
    Ok(Rendered { pages, diagnostics })
}

/// Everything a portal's renderer is made from.
struct Inputs<'a> {
    site: &'a Site,
    prepared: &'a Prepared,
    plan: &'a Plan,
    theme: &'a Theme,
    sink: &'a dyn Sink,
    scope: &'a Scope,
    shared: &'a Shared,
}

impl<'a> Inputs<'a> {
    /// The renderer of the portal of `edition` in `language`.
    fn renderer(&self, edition: &'a Edition, language: &'a str) -> Option<Renderer<'a>> {
        let site = self.site;
        let prepared_edition = self.prepared.editions.get(&edition.year)?;
        let words = visuals::Words::new(
            &self.theme.messages,
            language,
            &site.config.default_language,
        );
        Some(Renderer {
            site,
            blocks: visuals::ChartBlocks::new(&site.datasets, words.chart.clone()),
            words,
            figures: std::sync::OnceLock::new(),
            shared: self.shared,
            plan: self.plan,
            theme: self.theme,
            sink: self.sink,
            summaries: &self.prepared.summaries,
            site_view: &self.prepared.site_view,
            related: &self.prepared.related,
            scope: self.scope,
            portal: Portal {
                edition,
                language: language.to_owned(),
                prefix: Prefix::portal(site, edition.year, language),
                index: &prepared_edition.index,
            },
        })
    }
}

/// What the renderers of all portals share: a cache, not a list of what was written
/// (the plan knows that before rendering).
struct Shared {
    /// Search indexes by their documents' key, shared between portals.
    search: Mutex<BTreeMap<[u8; 32], std::sync::Arc<crate::search::IndexParts>>>,
}

/// The portal being rendered: one edition in one language.
struct Portal<'a> {
    edition: &'a Edition,
    language: String,
    /// Where the portal lives in the output: `2025/`, `fr/2025/`.
    prefix: Prefix,
    /// The edition's contributions by facet.
    index: &'a crate::model::Index,
}

struct Renderer<'a> {
    site: &'a Site,
    /// Draws the charts of Markdown bodies.
    blocks: visuals::ChartBlocks<'a>,
    /// The words of figures in the portal's language.
    words: visuals::Words<'a>,
    /// The edition's own charts and maps, drawn when a page first needs them.
    figures: std::sync::OnceLock<visuals::Figures>,
    shared: &'a Shared,
    plan: &'a Plan,
    theme: &'a Theme,
    sink: &'a dyn Sink,
    summaries: &'a [ContributionSummary],
    site_view: &'a SiteView,
    related: &'a portal::Editions,
    scope: &'a Scope,
    portal: Portal<'a>,
}

/// The context every page starts from: its section of the navigation. The roots, path,
/// language and switchers are added by `Renderer::page_at`, which knows the portal.
fn page_context(section: &str) -> Context {
    let mut context = Context::new();
    context.insert("section", section);
    context
}

/// A rendered prose page for templates.
#[derive(Serialize)]
struct ProseView {
    title: String,
    summary: Option<String>,
    url: String,
    body_html: String,
    headings: Vec<markdown::Heading>,
    /// The language the text is written in (may differ from the page's interface language).
    language: String,
}

/// The text of a page or contribution in the portal's language, or its original with a note.
struct Localized<'p> {
    title: &'p str,
    body: &'p crate::model::Markdown,
    /// The language of `body`.
    language: &'p str,
}

impl<'a> Renderer<'a> {
    /// Renders the page of `kind` at `path` of the current portal with `context`.
    fn page(&self, kind: PageKind, path: &PortalPath, context: Context) -> Result<usize> {
        self.page_at(kind, path, &self.portal.prefix, context)
    }

    /// Renders `template` with `context` as the page at `path` (inside the portal) written
    /// under `out_prefix`: the portal's own prefix, or a front door's (`""`, `fr/`).
    fn page_at(
        &self,
        kind: PageKind,
        path: &PortalPath,
        out_prefix: &Prefix,
        mut context: Context,
    ) -> Result<usize> {
        let site_path = path.in_portal(out_prefix);
        let full_path = site_path.as_str();
        let file = site_path.file();
        if !self.scope.wants(&file) {
            return Ok(1);
        }
        let not_found = kind == PageKind::NotFound;
        let template = kind.template();
        let asset_root = if not_found {
            self.base_path()
        } else {
            site_path.root()
        };
        let root = if *out_prefix == self.portal.prefix {
            path.root()
        } else {
            format!("{asset_root}{}", self.portal.prefix)
        };
        // The missing page's switchers lead to each edition's and language's home.
        let switch_path = if not_found { "" } else { path.as_str() };
        self.insert_portal(&mut context, switch_path, &root, &asset_root, out_prefix);
        if not_found {
            context.insert("path", "404.html");
        }
        context.insert("site", self.site_view);
        let mut html = self
            .theme
            .tera
            .render(template, &context)
            .map_err(|error| {
                RenderError::Template(
                    Diagnostic::error(
                        format!("themes/{}/templates/{template}", self.site.config.theme),
                        format!(
                            "the template failed while rendering `/{full_path}`: {}",
                            templates::one_line(&error)
                        ),
                    )
                    .with_hint("fix the template; the content itself is valid"),
                )
            })?;
        if html.contains(visuals::ROOT) {
            // Figures computed once hold a placeholder for the page's relative root.
            html = html.replace(visuals::ROOT, &root);
        }
        self.write(&file, html.as_bytes())?;
        Ok(1)
    }

    /// What every page knows about its portal: roots, language and direction, the
    /// edition, and the switchers to the same page in other editions and languages.
    fn insert_portal(
        &self,
        context: &mut Context,
        path: &str,
        root: &str,
        asset_root: &str,
        out_prefix: &Prefix,
    ) {
        let portal = &self.portal;
        let front_door = *out_prefix != portal.prefix;
        context.insert("root", root);
        context.insert("asset_root", asset_root);
        let site_path = PortalPath::from_raw(path).in_portal(&portal.prefix);
        context.insert("path", &site_path);
        context.insert("lang", &portal.language);
        context.insert("dir", i18n::direction(&portal.language));
        context.insert("edition", &EditionView::new(self.site, portal.edition));
        context.insert(
            "editions_switcher",
            &portal::edition_links(
                self.site,
                (self.related, self.plan),
                portal.edition,
                &portal.language,
                path,
                asset_root,
            ),
        );
        context.insert(
            "languages_switcher",
            &portal::language_links(
                self.site,
                (portal.edition.year, &portal.language),
                path,
                asset_root,
                front_door,
                |language| self.theme.messages.autonym(language),
            ),
        );
    }

    /// The portal's language version of a text, or its original.
    fn localized<'p>(&self, text: crate::model::Localizable<'p>) -> Localized<'p> {
        let language = &self.portal.language;
        let translation = text
            .translations
            .iter()
            .find(|translation| &translation.language == language);
        match translation {
            Some(translation) if text.language != language => Localized {
                title: &translation.title,
                body: &translation.body,
                language: &translation.language,
            },
            _ => Localized {
                title: text.title,
                body: text.body,
                language: text.language,
            },
        }
    }

    /// The portal's language version of a prose page, or its original.
    fn localize<'p>(&self, page: &'p Page) -> Localized<'p>
    where
        'a: 'p,
    {
        self.localized(crate::model::Localizable {
            title: &page.title,
            body: &page.body,
            language: &self.site.config.default_language,
            translations: &page.translations,
        })
    }

    /// True when none of the pages at `paths` (inside the portal) is in scope: the caller
    /// then skips the work of rendering them.
    fn unwanted(&self, paths: &[&PortalPath]) -> bool {
        !self.wants_any(paths.iter().copied())
    }

    /// Whether any of the pages at `paths` (inside the portal) is in scope.
    fn wants_any<'p>(&self, mut paths: impl Iterator<Item = &'p PortalPath>) -> bool {
        matches!(self.scope, Scope::All)
            || paths.any(|path| {
                self.scope
                    .wants(&path.in_portal(&self.portal.prefix).file())
            })
    }

    /// The prose page `page` at `path` of this portal, in the portal's language if it has
    /// been translated.
    fn prose(&self, page: &Page, path: &PortalPath) -> (ProseView, Vec<Diagnostic>) {
        let text = self.localize(page);
        let rendered = markdown::to_html(text.body, &path.root(), &self.blocks);
        let view = ProseView {
            title: text.title.to_owned(),
            summary: page.summary.clone(),
            url: path.to_string(),
            body_html: rendered.html,
            headings: rendered.headings,
            language: text.language.to_owned(),
        };
        (view, rendered.diagnostics)
    }

    fn summaries(&self, positions: &[usize]) -> Vec<&ContributionSummary> {
        positions
            .iter()
            .filter_map(|position| self.summaries.get(*position))
            .collect()
    }

    /// Every page of the portal.
    fn portal_pages(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let mut diagnostics = Vec::new();
        let (mut pages, mut problems) = self.home()?;
        diagnostics.append(&mut problems);
        for (count, mut problems) in [self.reports()?, self.contributions()?, self.policy_notes()?]
        {
            pages += count;
            diagnostics.append(&mut problems);
        }
        pages += self.objectives()?;
        pages += self.forums()?;
        pages += self.facets()?;
        pages += self.progress()?;
        pages += self.changes()?;
        pages += self.search()?;
        self.portal_charts()?;
        Ok((pages, diagnostics))
    }

    /// The edition's contributions, newest first (positions into the site's list).
    fn positions(&self) -> &[usize] {
        crate::model::Index::get(&self.portal.index.by_edition, &self.portal.edition.year)
    }

    fn home(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let home = PortalPath::home();
        if self.unwanted(&[&home]) {
            return Ok((1, Vec::new()));
        }
        let (context, diagnostics) = self.home_context();
        let pages = self.page(PageKind::Home, &home, context)?;
        Ok((pages, diagnostics))
    }

    /// The site's front door in the portal's language: the edition's home page at the
    /// language's root (`/`, `/fr/`), linking into the edition's portal.
    fn front_door(&self) -> Result<usize> {
        let out = Prefix::language(self.site, &self.portal.language);
        if !self.scope.wants(&out.home().file()) {
            return Ok(1);
        }
        let (context, _) = self.home_context();
        self.page_at(PageKind::Home, &PortalPath::home(), &out, context)
    }

    fn home_context(&self) -> (Context, Vec<Diagnostic>) {
        let site = self.site;
        let (home, diagnostics) = self.prose(&site.home, &PortalPath::home());
        let mut context = page_context("home");
        context.insert("content_language", &home.language);
        context.insert("structured_data_html", &structured::website(site));
        context.insert("page", &home);
        let positions = self.positions();
        context.insert(
            "latest",
            &self.summaries(&positions[..positions.len().min(8)]),
        );
        // The glance sentence counts every edition, then lists each one.
        context.insert("total", &site.contributions.len());
        let figures = self.figures();
        let charts_html = [
            self.figure(&figures.by_objective, "by-objective", visuals::ROOT),
            self.figure(
                &figures.by_stakeholder_type,
                "by-stakeholder-type",
                visuals::ROOT,
            ),
            self.figure(&figures.by_region, "by-region", visuals::ROOT),
        ]
        .concat();
        context.insert("charts_html", &charts_html);
        let notes: Vec<PolicyNoteView> = self
            .notes()
            .take(3)
            .map(|note| PolicyNoteView::new(site, note))
            .collect();
        context.insert("policy_notes", &notes);
        (context, diagnostics)
    }

    /// The edition's policy notes.
    fn notes(&self) -> impl Iterator<Item = &'a crate::model::PolicyNote> + '_ {
        let year = self.portal.edition.year;
        self.site
            .policy_notes
            .iter()
            .filter(move |note| note.edition == year)
    }

    fn objective_counts(&self) -> Vec<Count> {
        let terms = self
            .site
            .objectives
            .iter()
            .map(|objective| {
                (
                    objective_term(objective),
                    crate::model::Index::get(&self.portal.index.by_objective, &objective.id).len(),
                )
            })
            .collect();
        counts(terms)
    }

    /// The edition's report: its front page at `report/`, one page per chapter at
    /// `report/<chapter>/`, and the whole report on one printable page at `print/`.
    fn reports(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let year = self.portal.edition.year;
        let Some(report) = self.site.reports.iter().find(|report| report.year == year) else {
            return Ok((0, Vec::new()));
        };
        let base = PortalPath::section("report");
        let paths: Vec<PortalPath> = [base.clone(), PortalPath::section("print")]
            .into_iter()
            .chain(report.chapters.iter().map(|c| PortalPath::chapter(&c.slug)))
            .collect();
        if self.unwanted(&paths.iter().collect::<Vec<_>>()) {
            return Ok((paths.len(), Vec::new()));
        }
        let mut diagnostics = Vec::new();
        let chapters: Vec<(ProseView, Vec<Diagnostic>)> = report
            .chapters
            .iter()
            .map(|chapter| self.prose(chapter, &PortalPath::chapter(&chapter.slug)))
            .collect();
        let toc: Vec<Term> = chapters
            .iter()
            .zip(&report.chapters)
            .map(|((view, _), chapter)| Term {
                id: chapter.slug.clone(),
                label: view.title.clone(),
                url: view.url.clone(),
            })
            .collect();
        let summaries: Vec<Option<String>> = report
            .chapters
            .iter()
            .map(|chapter| chapter.summary.clone())
            .collect();
        let (front, mut problems) = self.prose(&report.front, &base);
        diagnostics.append(&mut problems);
        let mut context = page_context("report");
        context.insert("content_language", &front.language);
        let chapter_urls: Vec<(String, String)> = toc
            .iter()
            .map(|chapter| {
                let url = self.absolute(&PortalPath::from_raw(&chapter.url));
                (chapter.label.clone(), url)
            })
            .collect();
        context.insert(
            "structured_data_html",
            &structured::report(
                self.site,
                self.portal.edition,
                &front.title,
                &self.absolute(&base),
                &front.language,
                &chapter_urls,
            ),
        );
        context.insert("page", &front);
        context.insert("toc", &toc);
        context.insert("toc_summaries", &summaries);
        let mut pages = self.page(PageKind::Report, &base, context)?;
        pages += self.print(&front, &report.chapters)?;
        for (index, (chapter, mut problems)) in chapters.into_iter().enumerate() {
            diagnostics.append(&mut problems);
            let path = PortalPath::from_raw(&chapter.url);
            let mut context = page_context("report");
            context.insert("content_language", &chapter.language);
            context.insert("page", &chapter);
            context.insert("toc", &toc);
            context.insert("report_url", &base);
            context.insert("report_title", &front.title);
            context.insert(
                "previous",
                &index.checked_sub(1).and_then(|previous| toc.get(previous)),
            );
            context.insert("next", &toc.get(index + 1));
            pages += self.page(PageKind::Chapter, &path, context)?;
        }
        Ok((pages, diagnostics))
    }

    /// The whole report on one page, chapters in order, for printing or saving as PDF.
    /// Heading ids are prefixed by the chapter's slug so that they stay unique, and links
    /// are relative to `print/`.
    fn print(&self, front: &ProseView, chapters: &[Page]) -> Result<usize> {
        let path = PortalPath::section("print");
        if self.unwanted(&[&path]) {
            return Ok(1);
        }
        let views: Vec<ProseView> = chapters
            .iter()
            .map(|chapter| {
                let text = self.localize(chapter);
                let rendered = markdown::to_html_with_ids(
                    text.body,
                    &path.root(),
                    &self.blocks,
                    &format!("{}-", chapter.slug),
                );
                ProseView {
                    title: text.title.to_owned(),
                    summary: chapter.summary.clone(),
                    url: chapter.slug.clone(),
                    body_html: rendered.html,
                    headings: rendered.headings,
                    language: text.language.to_owned(),
                }
            })
            .collect();
        let mut context = page_context("report");
        context.insert("content_language", &front.language);
        context.insert("page", front);
        context.insert("chapters", &views);
        self.page(PageKind::Print, &path, context)
    }

    fn contributions(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let all = self.positions();
        let results: Vec<Result<(usize, Vec<Diagnostic>)>> = all
            .par_iter()
            .filter_map(|position| self.site.contributions.get(*position))
            .map(|contribution| self.contribution(contribution))
            .collect();
        let mut pages = 0;
        let mut diagnostics = Vec::new();
        for result in results {
            let (count, mut problems) = result?;
            pages += count;
            diagnostics.append(&mut problems);
        }
        let mut extra = Context::new();
        extra.insert("title", &self.text("contributions-title", &[]));
        extra.insert(
            "intro",
            &self.text("contributions-intro", &[("count", all.len().into())]),
        );
        let base = PortalPath::section("contributions");
        pages += self.listing(&base, "contributions", all, extra)?;
        Ok((pages, diagnostics))
    }

    fn contribution(&self, contribution: &Contribution) -> Result<(usize, Vec<Diagnostic>)> {
        let path = PortalPath::contribution(&contribution.slug);
        let aliases: Vec<PortalPath> = contribution
            .aliases
            .iter()
            .map(|alias| PortalPath::contribution(alias))
            .collect();
        // Redirects are not in the sitemap: only the page itself is recorded when skipped.
        if !self.wants_any(aliases.iter()) && self.unwanted(&[&path]) {
            return Ok((1 + aliases.len(), Vec::new()));
        }
        let text = self.localized(contribution.localizable());
        let rendered = markdown::to_html(text.body, &path.root(), &self.blocks);
        let (follows, followed_by) = self.related.related(self.site, contribution);
        let view = ContributionView::new(self.site, contribution, follows, &followed_by);
        let mut context = page_context("contributions");
        context.insert("contribution", &view);
        context.insert("body_html", &rendered.html);
        context.insert("title", text.title);
        context.insert("content_language", text.language);
        context.insert(
            "structured_data_html",
            &structured::contribution(self.site, contribution, &self.absolute(&path)),
        );
        let mut pages = self.page(PageKind::Contribution, &path, context)?;
        for alias_path in &aliases {
            let mut context = page_context("contributions");
            context.insert("title", &contribution.title);
            context.insert("target", &path);
            context.insert("canonical", &self.absolute(&path));
            pages += self.page(PageKind::Redirect, alias_path, context)?;
        }
        Ok((pages, rendered.diagnostics))
    }

    /// Renders the paginated listing of `positions` at `base`, with `extra` in every page's context.
    fn listing(
        &self,
        base: &PortalPath,
        section: &str,
        positions: &[usize],
        extra: Context,
    ) -> Result<usize> {
        let chunks: Vec<&[usize]> = if positions.is_empty() {
            vec![&[][..]]
        } else {
            positions.chunks(PAGE_SIZE).collect()
        };
        let total = chunks.len();
        let pages: Vec<Result<usize>> = chunks
            .par_iter()
            .enumerate()
            .map(|(index, chunk)| {
                let number = index + 1;
                let path = base.page(number);
                if self.unwanted(&[&path]) {
                    return Ok(1);
                }
                let mut context = page_context(section);
                context.extend(extra.clone());
                context.insert("items", &self.summaries(chunk));
                context.insert("count", &positions.len());
                context.insert("first_number", &(index * PAGE_SIZE + 1));
                context.insert("pagination", &Pagination::new(base, number, total));
                self.page(PageKind::Listing, &path, context)
            })
            .collect();
        pages.into_iter().sum()
    }

    fn policy_notes(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let site = self.site;
        let notes: Vec<&crate::model::PolicyNote> = self.notes().collect();
        let views: Vec<PolicyNoteView> = notes
            .iter()
            .map(|note| {
                let mut view = PolicyNoteView::new(site, note);
                view.title = self
                    .localized(note.localizable(&site.config.default_language))
                    .title
                    .to_owned();
                view
            })
            .collect();
        let mut context = page_context("policy-notes");
        context.insert("notes", &views);
        let mut pages = self.page(
            PageKind::PolicyNotes,
            &PortalPath::section("policy-notes"),
            context,
        )?;
        let mut diagnostics = Vec::new();
        for (note, view) in notes.iter().zip(&views) {
            let path = PortalPath::policy_note(&note.slug);
            if self.unwanted(&[&path]) {
                pages += 1;
                continue;
            }
            let text = self.localized(note.localizable(&site.config.default_language));
            let rendered = markdown::to_html(text.body, &path.root(), &self.blocks);
            diagnostics.extend(rendered.diagnostics);
            let mut context = page_context("policy-notes");
            context.insert("note", view);
            context.insert("body_html", &rendered.html);
            context.insert("headings", &rendered.headings);
            context.insert("content_language", text.language);
            context.insert(
                "structured_data_html",
                &structured::policy_note(site, note, &self.absolute(&path)),
            );
            pages += self.page(PageKind::PolicyNote, &path, context)?;
        }
        Ok((pages, diagnostics))
    }

    fn objectives(&self) -> Result<usize> {
        let site = self.site;
        let index_page = PortalPath::section("objectives");
        let mut pages = 1;
        if !self.unwanted(&[&index_page]) {
            let mut context = page_context("objectives");
            context.insert("objectives", &self.objective_counts());
            context.insert(
                "chart_html",
                &self.figure(&self.figures().by_objective, "by-objective", "../"),
            );
            context.insert("matrix_html", &self.figures().matrix);
            self.page(PageKind::Objectives, &index_page, context)?;
        }
        for objective in &site.objectives {
            let base = PortalPath::objective(&objective.slug());
            let positions =
                crate::model::Index::get(&self.portal.index.by_objective, &objective.id);
            let chart_name = format!("actions-{}", objective.slug());
            let csv_file = PortalPath::chart_csv(&chart_name)
                .in_portal(&self.portal.prefix)
                .file();
            let all = PortalPath::objective_contributions(&objective.slug());
            if self.unwanted(&[&base]) && !self.scope.wants(&csv_file) {
                pages += 1 + self.objective_listings(objective, positions, &all)?;
                continue;
            }
            let actions: Vec<ActionSection> = objective
                .actions
                .iter()
                .map(|action| {
                    let reporting =
                        crate::model::Index::get(&self.portal.index.by_action, &action.id);
                    ActionSection {
                        id: action.id.clone(),
                        actor: action.actor.label(),
                        actor_id: action.actor.id(),
                        text: action.text.clone(),
                        url: PortalPath::action(&objective.slug(), &action.slug()).into(),
                        count: reporting.len(),
                        contributions: self
                            .summaries(&reporting[..reporting.len().min(PER_ACTION)])
                            .into_iter()
                            .cloned()
                            .collect(),
                    }
                })
                .collect();
            let forums: Vec<Term> = site
                .forums
                .iter()
                .filter(|forum| forum.objectives.contains(&objective.id))
                .map(forum_term)
                .collect();
            let notes: Vec<PolicyNoteView> = self
                .notes()
                .filter(|note| note.objectives.contains(&objective.id))
                .map(|note| PolicyNoteView::new(site, note))
                .collect();
            let mut context = page_context("objectives");
            context.insert("objective", &objective_term(objective));
            context.insert("description", &objective.description);
            context.insert("actions", &actions);
            context.insert("forums", &forums);
            context.insert("policy_notes", &notes);
            context.insert("count", &positions.len());
            context.insert(
                "latest",
                &self.summaries(&positions[..positions.len().min(PER_ACTION)]),
            );
            context.insert("all_url", &all);
            let chart_html =
                visuals::actions_chart(site, self.portal.index, &objective.id, &self.words).map(
                    |chart| {
                        let html = self.figure(&chart, &chart_name, "../../");
                        (html, chart.csv)
                    },
                );
            if let Some((html, csv)) = chart_html {
                context.insert("chart_html", &html);
                self.write(&csv_file, csv.as_bytes())?;
            }
            pages += self.page(PageKind::Objective, &base, context)?;
            pages += self.objective_listings(objective, positions, &all)?;
        }
        Ok(pages)
    }

    /// The listings of an objective: all its contributions (at `all`), and by action.
    fn objective_listings(
        &self,
        objective: &crate::model::Objective,
        positions: &[usize],
        all: &PortalPath,
    ) -> Result<usize> {
        let mut extra = Context::new();
        let id = || (objective.id.clone()).into();
        extra.insert(
            "title",
            &self.text(
                "objective-contributions-title",
                &[("id", id()), ("title", objective.title.clone().into())],
            ),
        );
        extra.insert(
            "intro",
            &self.text("objective-contributions-intro", &[("id", id())]),
        );
        extra.insert("parent", &objective_term(objective));
        let mut pages = self.listing(all, "objectives", positions, extra)?;
        for action in &objective.actions {
            let positions = crate::model::Index::get(&self.portal.index.by_action, &action.id);
            let mut extra = Context::new();
            extra.insert(
                "title",
                &self.text("action-title", &[("id", action.id.clone().into())]),
            );
            extra.insert("intro", &action.text);
            extra.insert("parent", &objective_term(objective));
            let path = PortalPath::action(&objective.slug(), &action.slug());
            pages += self.listing(&path, "objectives", positions, extra)?;
        }
        Ok(pages)
    }

    fn forums(&self) -> Result<usize> {
        let site = self.site;
        let groups: Vec<ForumGroup> = ForumCategory::ALL
            .iter()
            .map(|category| ForumGroup {
                id: category.id(),
                label: category.label(),
                forums: site
                    .forums
                    .iter()
                    .filter(|forum| forum.category == *category)
                    .map(|forum| Count {
                        term: forum_term(forum),
                        count: crate::model::Index::get(&self.portal.index.by_forum, &forum.id)
                            .len(),
                        percent: 0,
                    })
                    .collect(),
            })
            .filter(|group| !group.forums.is_empty())
            .collect();
        let index_page = PortalPath::section("forums");
        let mut pages = 1;
        if !self.unwanted(&[&index_page]) {
            let mut context = page_context("forums");
            context.insert("groups", &groups);
            context.insert("map_html", &self.figures().forum_map);
            context.insert("matrix_html", &self.figures().matrix);
            self.page(PageKind::Forums, &index_page, context)?;
        }
        for forum in &site.forums {
            let base = PortalPath::forum(&forum.id);
            let detail = ForumView {
                name: forum.name.clone(),
                category: forum.category.label(),
                category_id: forum.category.id(),
                host: forum.host.clone(),
                since: forum.since,
                cadence: forum.cadence.clone(),
                url: forum.url.clone(),
                description: forum.description.clone(),
                objectives: forum
                    .objectives
                    .iter()
                    .filter_map(|id| site.objective(id))
                    .map(objective_term)
                    .collect(),
                policy_notes: self
                    .notes()
                    .filter(|note| note.forums.contains(&forum.id))
                    .map(|note| PolicyNoteView::new(site, note))
                    .collect(),
            };
            let mut extra = Context::new();
            extra.insert("title", &forum.name);
            extra.insert("forum", &detail);
            pages += self.listing(
                &base,
                "forums",
                crate::model::Index::get(&self.portal.index.by_forum, &forum.id),
                extra,
            )?;
        }
        Ok(pages)
    }

    /// Listings by stakeholder type and by region, with their index pages.
    fn facets(&self) -> Result<usize> {
        let mut pages = 0;
        let facets = [
            (
                "stakeholders",
                self.text("stakeholders-title", &[]),
                self.text("stakeholders-intro", &[]),
                stakeholder_type_counts(self.portal.index),
            ),
            (
                "regions",
                self.text("regions-title", &[]),
                self.text("regions-intro", &[]),
                region_counts(self.portal.index),
            ),
        ];
        for (section, title, intro, counts) in facets {
            let mut context = page_context(section);
            context.insert("title", &title);
            context.insert("intro", &intro);
            context.insert("terms", &counts);
            pages += self.page(PageKind::Terms, &PortalPath::section(section), context)?;
        }
        for kind in StakeholderType::ALL {
            let mut extra = Context::new();
            let label = self.label("stakeholder-type", kind.id());
            extra.insert(
                "intro",
                &self.text("stakeholder-type-intro", &[("type", label.clone().into())]),
            );
            extra.insert("title", &label);
            pages += self.listing(
                &PortalPath::stakeholder_type(kind.id()),
                "stakeholders",
                crate::model::Index::get(&self.portal.index.by_stakeholder_type, kind),
                extra,
            )?;
        }
        for region in Region::ALL {
            let mut extra = Context::new();
            let label = self.label("region", region.id());
            extra.insert(
                "intro",
                &self.text("region-intro", &[("region", label.clone().into())]),
            );
            extra.insert("title", &label);
            pages += self.listing(
                &PortalPath::region(region.id()),
                "regions",
                crate::model::Index::get(&self.portal.index.by_region, region),
                extra,
            )?;
        }
        Ok(pages)
    }

    /// The page servers show for a missing address: at the site root, with links from the
    /// base URL's path because it is served at any depth.
    fn not_found(&self) -> Result<usize> {
        let mut context = Context::new();
        context.insert("section", "");
        let path = PortalPath::from_raw("404.html");
        self.page_at(PageKind::NotFound, &path, &Prefix::site_root(), context)
    }

    /// `chart` as a figure for a page at `root`, framed in the portal's language.
    fn figure(&self, chart: &crate::charts::Chart, name: &str, root: &str) -> String {
        visuals::figure(chart, name, root, &self.words.chart)
    }

    /// The edition's charts and maps in the portal's language, drawn on first use.
    fn figures(&self) -> &visuals::Figures {
        self.figures.get_or_init(|| {
            let year = self.portal.edition.year;
            visuals::Figures::new(self.site, self.portal.index, year, &self.words)
        })
    }

    /// The interface message `key` in the portal's language.
    fn text(&self, key: &str, args: &[(&str, i18n::Arg)]) -> String {
        self.theme.messages.text(&self.portal.language, key, args)
    }

    /// The label of `id` in a closed list (`region`, `stakeholder-type`…), in the portal's language.
    fn label(&self, prefix: &str, id: &str) -> String {
        self.theme.messages.label(&self.portal.language, prefix, id)
    }

    /// The absolute URL of the page at `path` in this portal.
    fn absolute(&self, path: &PortalPath) -> String {
        path.in_portal(&self.portal.prefix)
            .absolute(&self.site.config.base_url)
    }

    /// The path part of `base_url`, e.g. `/dcf/`.
    fn base_path(&self) -> String {
        self.site
            .config
            .base_url
            .splitn(4, '/')
            .nth(3)
            .map_or_else(|| "/".to_owned(), |path| format!("/{path}"))
    }

    /// Atom feeds of the newest contributions: one per edition, one per objective.
    fn feeds(&self) -> Result<()> {
        let site = self.site;
        let of = |positions: &[usize]| -> Vec<&crate::model::Contribution> {
            positions
                .iter()
                .filter_map(|position| site.contributions.get(*position))
                .collect()
        };
        for edition in &site.editions {
            let path = SitePath::edition_feed(edition.year);
            if !self.scope.wants(path.as_str()) {
                continue;
            }
            let title = format!(
                "{}: contributions to edition {}",
                site.config.title, edition.year
            );
            let feed = open_data::atom(
                site,
                &title,
                &path,
                &of(crate::model::Index::get(
                    &site.index.by_edition,
                    &edition.year,
                )),
            );
            self.write(path.as_str(), feed.as_bytes())?;
        }
        for objective in &site.objectives {
            let path = SitePath::objective_feed(&objective.slug());
            if !self.scope.wants(path.as_str()) {
                continue;
            }
            let title = format!(
                "{}: contributions on objective {}. {}",
                site.config.title, objective.id, objective.title
            );
            let feed = open_data::atom(
                site,
                &title,
                &path,
                &of(crate::model::Index::get(
                    &site.index.by_objective,
                    &objective.id,
                )),
            );
            self.write(path.as_str(), feed.as_bytes())?;
        }
        Ok(())
    }

    /// Writes a file the scope wants (and nothing else).
    fn write(&self, path: &str, contents: &[u8]) -> std::result::Result<(), IoError> {
        if self.scope.wants(path) {
            self.sink.write(path, contents)?;
        }
        Ok(())
    }

    /// Copies a file the scope wants.
    fn copy(&self, path: &str, source: &Path) -> std::result::Result<(), IoError> {
        if self.scope.wants(path) {
            self.sink.copy(path, source)?;
        }
        Ok(())
    }

    /// Copies the site's assets that the plan gives them (it has already refused those
    /// that would replace a generated file).
    fn assets(&self) -> Result<()> {
        for asset in &self.site.assets {
            if self.planned(&asset.output_path, |producer| *producer == Producer::Asset) {
                self.copy(&asset.output_path, &asset.source)?;
            }
        }
        Ok(())
    }

    /// Whether the plan's entry for `file` is produced as `expected` says.
    fn planned(&self, file: &str, expected: impl Fn(&Producer) -> bool) -> bool {
        self.plan
            .get(file)
            .is_some_and(|entry| expected(&entry.producer))
    }

    /// The theme's stylesheet with the charts' classes appended: one CSS file for the site.
    fn write_stylesheet(&self, mut css: Vec<u8>) -> Result<()> {
        css.extend_from_slice(b"\n/* Charts, maps and tables (generated by rapporteur). */\n");
        css.extend_from_slice(crate::charts::stylesheet().as_bytes());
        self.write(SitePath::root_file("style.css").as_str(), &css)?;
        Ok(())
    }

    /// Copies the theme's static files, the site's assets and the datasets.
    fn statics(&self) -> Result<()> {
        for file in &self.theme.statics {
            let path = match file {
                ThemeStatic::Embedded { output_path, .. } => output_path,
                ThemeStatic::Site(file) => &file.output_path,
            };
            // An asset of the site may have taken the place of a theme's file.
            if self.planned(path, |producer| *producer == Producer::Asset) {
                continue;
            }
            match file {
                ThemeStatic::Embedded { output_path, bytes } if output_path == "style.css" => {
                    self.write_stylesheet(bytes.to_vec())?;
                }
                ThemeStatic::Embedded { output_path, bytes } => self.write(output_path, bytes)?,
                ThemeStatic::Site(file) if file.output_path == "style.css" => {
                    let bytes = std::fs::read(&file.source).map_err(|source| IoError {
                        path: file.source.clone(),
                        action: "read",
                        source,
                    })?;
                    self.write_stylesheet(bytes)?;
                }
                ThemeStatic::Site(file) => self.copy(&file.output_path, &file.source)?,
            }
        }
        for dataset in &self.site.datasets {
            let csv =
                crate::csv_file::to_csv(std::iter::once(&dataset.columns).chain(&dataset.rows));
            self.write(SitePath::dataset(&dataset.name).as_str(), csv.as_bytes())?;
        }
        Ok(())
    }
}

impl Renderer<'_> {
    /// "What changed" since the previous edition, if there is one: `changes/`.
    fn changes(&self) -> Result<usize> {
        let edition = self.portal.edition;
        let path = PortalPath::section("changes");
        let csv_path = PortalPath::chart_csv(&format!("changes-{}", edition.year))
            .in_portal(&self.portal.prefix)
            .file();
        if self.related.has_changes(edition.year)
            && !self.scope.wants(&csv_path)
            && self.unwanted(&[&path])
        {
            return Ok(1);
        }
        let Some(changes) = changes::compare(self.site, edition.year, &path.root()) else {
            return Ok(0);
        };
        self.write(&csv_path, changes.chart_csv.as_bytes())?;
        let mut context = page_context("progress");
        context.insert("changes", &changes);
        self.page(PageKind::Changes, &path, context)
    }

    /// The edition's progress page and gap map: `progress/`.
    fn progress(&self) -> Result<usize> {
        let path = PortalPath::section("progress");
        if self.unwanted(&[&path]) {
            return Ok(1);
        }
        let root = path.root();
        let figures = self.figures();
        let mut context = page_context("progress");
        context.insert("year", &self.portal.edition.year);
        context.insert("gap_map_html", &figures.gap_map);
        let charts_html = [
            self.figure(&figures.by_status, "by-status", &root),
            self.figure(&figures.by_edition, "by-edition", &root),
        ]
        .concat();
        context.insert("charts_html", &charts_html);
        self.page(PageKind::Progress, &path, context)
    }

    /// The search page and its index (`search/`): the edition's contributions, policy notes
    /// and report chapters, in the portal's language where translated.
    fn search(&self) -> Result<usize> {
        let path = PortalPath::section("search");
        let folder = path.in_portal(&self.portal.prefix);
        if self.scope.wants_under(folder.as_str()) {
            let parts = self.search_index(&self.search_documents());
            for (name, bytes) in parts.files(&self.portal.language) {
                let file = PortalPath::search_file(&name).in_portal(&self.portal.prefix);
                self.write(file.as_str(), &bytes)?;
            }
        }
        let context = page_context("search");
        self.page(PageKind::Search, &path, context)
    }

    /// The index of `documents`, built once for all the portals that have the same ones
    /// (an edition's languages without translations).
    fn search_index(
        &self,
        documents: &[crate::search::SearchDocument],
    ) -> std::sync::Arc<crate::search::IndexParts> {
        let key = crate::search::documents_key(documents);
        if let Some(parts) = self
            .shared
            .search
            .lock()
            .ok()
            .and_then(|cache| cache.get(&key).cloned())
        {
            return parts;
        }
        let parts = std::sync::Arc::new(crate::search::IndexParts::new(documents));
        if let Ok(mut cache) = self.shared.search.lock() {
            cache.insert(key, parts.clone());
        }
        parts
    }

    fn search_documents(&self) -> Vec<crate::search::SearchDocument> {
        use crate::search::{plain_text, SearchDocument};
        let site = self.site;
        let document =
            |url: String, text: Localized, summary: Option<&String>, kind: &str| SearchDocument {
                url,
                title: text.title.to_owned(),
                summary: summary.cloned().unwrap_or_default(),
                text: plain_text(&text.body.text),
                kind: kind.to_owned(),
            };
        let contributions = self
            .positions()
            .par_iter()
            .filter_map(|position| site.contributions.get(*position))
            .map(|contribution| {
                document(
                    PortalPath::contribution(&contribution.slug).into(),
                    self.localized(contribution.localizable()),
                    contribution.summary.as_ref(),
                    "contribution",
                )
            });
        let mut documents: Vec<SearchDocument> = contributions.collect();
        for note in self.notes() {
            let text = self.localized(note.localizable(&site.config.default_language));
            let url = PortalPath::policy_note(&note.slug).into();
            documents.push(document(url, text, note.summary.as_ref(), "policy-note"));
        }
        documents.push(document(
            String::new(),
            self.localize(&site.home),
            None,
            "home",
        ));
        let year = self.portal.edition.year;
        for report in site.reports.iter().filter(|report| report.year == year) {
            for chapter in &report.chapters {
                let url = PortalPath::chapter(&chapter.slug).into();
                let text = self.localize(chapter);
                documents.push(document(url, text, chapter.summary.as_ref(), "chapter"));
            }
        }
        documents
    }

    /// The CSV files of the portal's figures and of its Markdown charts.
    fn portal_charts(&self) -> Result<()> {
        let prefix = &self.portal.prefix;
        let wanted = |name: &str| {
            let file = PortalPath::chart_csv(name).in_portal(prefix).file();
            self.scope.wants(&file)
        };
        if visuals::FIGURE_NAMES.iter().any(|name| wanted(name)) {
            for (path, csv) in self.figures().csv_files() {
                self.write(path.in_portal(prefix).as_str(), csv.as_bytes())?;
            }
        }
        // Charts written in Markdown come from the plan, so that one is written (or served)
        // without rendering the page it is on.
        for (file, entry) in self.plan.under(prefix.as_str()) {
            let Producer::BlockChartCsv(source) = &entry.producer else {
                continue;
            };
            if !self.scope.wants(file) {
                continue;
            }
            if let Some(csv) = visuals::block_chart_csv(source, &self.site.datasets) {
                self.write(file, csv.as_bytes())?;
            }
        }
        Ok(())
    }

    /// Per-edition JSON and CSV of the contributions, the sitemap and robots.txt.
    fn open_data(&self) -> Result<()> {
        for edition in &self.site.editions {
            let json_path = SitePath::contributions_data(edition.year, "json");
            let csv_path = SitePath::contributions_data(edition.year, "csv");
            if self.scope.wants(json_path.as_str()) {
                let json = open_data::contributions_json(self.site, edition.year);
                self.write(json_path.as_str(), json.as_bytes())?;
            }
            if self.scope.wants(csv_path.as_str()) {
                let csv = open_data::contributions_csv(self.site, edition.year);
                self.write(csv_path.as_str(), csv.as_bytes())?;
            }
        }
        self.feeds()?;
        let sitemap = SitePath::root_file("sitemap.xml");
        let robots = SitePath::root_file("robots.txt");
        let base_url = &self.site.config.base_url;
        self.write(robots.as_str(), open_data::robots(base_url).as_bytes())?;
        if !self.scope.wants(sitemap.as_str()) {
            return Ok(());
        }
        let paths = self.plan.sitemap_pages();
        self.write(
            sitemap.as_str(),
            open_data::sitemap(base_url, &paths).as_bytes(),
        )?;
        Ok(())
    }
}

#[derive(Serialize)]
struct ActionSection {
    id: String,
    actor: &'static str,
    actor_id: &'static str,
    text: String,
    url: String,
    count: usize,
    contributions: Vec<ContributionSummary>,
}

#[derive(Serialize)]
struct ForumGroup {
    id: &'static str,
    label: &'static str,
    forums: Vec<Count>,
}

#[derive(Serialize)]
struct ForumView {
    name: String,
    category: &'static str,
    category_id: &'static str,
    host: Option<String>,
    since: Option<i64>,
    cadence: Option<String>,
    url: Option<String>,
    description: Option<String>,
    objectives: Vec<Term>,
    policy_notes: Vec<PolicyNoteView>,
}

fn stakeholder_type_counts(index: &crate::model::Index) -> Vec<Count> {
    counts(
        StakeholderType::ALL
            .iter()
            .map(|kind| {
                (
                    stakeholder_type_term(*kind),
                    crate::model::Index::get(&index.by_stakeholder_type, kind).len(),
                )
            })
            .collect(),
    )
}

fn region_counts(index: &crate::model::Index) -> Vec<Count> {
    counts(
        Region::ALL
            .iter()
            .map(|region| {
                (
                    region_term(*region),
                    crate::model::Index::get(&index.by_region, region).len(),
                )
            })
            .collect(),
    )
}
