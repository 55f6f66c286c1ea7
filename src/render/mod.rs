//! Stage 4, render: the model → HTML pages, through the theme's Tera templates.
//!
//! Every page is a template rendered with a view (see `views`) and handed to a [`Sink`]:
//! the output directory for `build`, or nothing for `check`, which renders everything
//! to find every problem but writes nothing. Contribution pages and listing pages are
//! rendered in parallel; each page is written as soon as it is rendered, so memory does
//! not grow with the size of the site.

mod bodies;
pub mod changes;
mod contributions;
mod facets;
mod feeds;
mod forums;
mod frame;
mod home;
pub mod i18n;
mod objectives;
pub mod open_data;
pub mod plan;
pub mod portal;
mod prepared;
mod report;
mod search_page;
mod statics;
pub mod structured;
pub mod templates;
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
use crate::markdown;
use crate::model::{Contribution, Edition, ForumCategory, Page, Region, Site, StakeholderType};
use crate::urls::{PortalPath, Prefix, SitePath};
pub use plan::{PageKind, Plan, Producer};
pub use prepared::Prepared;
use templates::{Theme, ThemeStatic};
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

pub use crate::urls::page_file;

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
        let renderers: Vec<Renderer> = site
            .config
            .languages
            .iter()
            .filter_map(|language| inputs.renderer(edition, language))
            .collect();
        let (count, problems) = contributions::pages_in_every_language(&renderers)?;
        pages += count;
        diagnostics.extend(problems);
        for renderer in &renderers {
            let (count, problems) = renderer.portal_pages()?;
            pages += count;
            diagnostics.extend(problems);
        }
        // Another edition's portals have other documents: its indexes are not needed again.
        if let Ok(mut search) = shared.search.lock() {
            search.clear();
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
        let site = self.prepared.site_for(self.site, edition.year, language);
        let prepared_edition = self.prepared.editions.get(&edition.year)?;
        let words = visuals::Words::new(&self.theme.messages, language);
        Some(Renderer {
            site,
            blocks: visuals::ChartBlocks::new(&site.datasets, words.clone()),
            links: self
                .prepared
                .link_targets
                .portal(self.plan, site, edition.year, language),
            words,
            figures: std::sync::OnceLock::new(),
            shared: self.shared,
            plan: self.plan,
            theme: self.theme,
            sink: self.sink,
            summaries: &self.prepared.summaries,
            site_view: &self.prepared.site_view,
            site_value: self.prepared.site_value(language)?,
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
    /// What links in Markdown bodies may point to.
    links: markdown::PortalTargets<'a>,
    /// The words of figures in the portal's language.
    words: visuals::Words<'a>,
    /// The edition's own charts and maps, drawn when a page first needs them.
    figures: std::sync::OnceLock<visuals::Figures>,
    shared: &'a Shared,
    plan: &'a Plan,
    theme: &'a Theme,
    sink: &'a dyn Sink,
    /// Each contribution's summary, as templates read it.
    summaries: &'a [std::sync::OnceLock<tera::Value>],
    site_view: &'a SiteView,
    /// `site_view` as templates read it.
    site_value: &'a tera::Value,
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

/// A template failure while rendering the page at `path`.
fn template_error(theme: &str, template: &str, path: &str, error: &tera::Error) -> RenderError {
    RenderError::Template(
        Diagnostic::error(
            format!("themes/{theme}/templates/{template}"),
            format!(
                "the template failed while rendering `/{path}`: {}",
                templates::one_line(error)
            ),
        )
        .with_hint("fix the template; the content itself is valid"),
    )
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
        let frame = self.frame(switch_path, &root, &asset_root, out_prefix);
        context.extend(Context::from_serialize(&frame).map_err(|error| {
            template_error(&self.site.config.theme, template, full_path, &error)
        })?);
        if not_found {
            context.insert("path", "404.html");
        }
        context.insert_value("site", self.site_value.clone());
        if let Some(messages) = self.theme.messages.template_map(&self.portal.language) {
            context.insert_value("messages", messages.clone());
        }
        let written = self
            .theme
            .render(template, &context, |html| {
                if html.contains(visuals::ROOT) {
                    // Figures computed once hold a placeholder for the page's relative root.
                    self.write(&file, html.replace(visuals::ROOT, &root).as_bytes())
                } else {
                    self.write(&file, html.as_bytes())
                }
            })
            .map_err(|error| {
                template_error(&self.site.config.theme, template, full_path, &error)
            })?;
        written?;
        Ok(1)
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
        let rendered = self.markdown(text.body, path.as_str(), &path.root(), "");
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

    /// The HTML of `body`, the document of the page at `page` of this portal, shown on a
    /// page whose way to the portal's root is `root`, its ids starting with `id_prefix`.
    fn markdown(
        &self,
        body: &crate::model::Markdown,
        page: &str,
        root: &str,
        id_prefix: &str,
    ) -> markdown::RenderedMarkdown {
        let setting = markdown::Setting {
            page,
            root,
            blocks: &self.blocks,
            targets: &self.links,
            id_prefix,
        };
        markdown::render(body, &setting)
    }

    /// The summaries of the contributions at `positions`, as templates read them.
    fn summaries(&self, positions: &[usize]) -> Vec<tera::Value> {
        positions
            .iter()
            .filter_map(|&position| {
                let contribution = self.site.contributions.get(position)?;
                let summary = self.summaries.get(position)?.get_or_init(|| {
                    tera::Value::from_serializable(&ContributionSummary::new(contribution))
                });
                Some(summary.clone())
            })
            .collect()
    }

    /// Every page of the portal but its contributions' own (see
    /// `contributions::pages_in_every_language`).
    fn portal_pages(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let mut diagnostics = Vec::new();
        let (mut pages, mut problems) = self.home()?;
        diagnostics.append(&mut problems);
        for (count, mut problems) in [self.reports()?, self.policy_notes()?] {
            pages += count;
            diagnostics.append(&mut problems);
        }
        pages += self.contributions()?;
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

    /// The edition's policy notes.
    fn notes(&self) -> impl Iterator<Item = &'a crate::model::PolicyNote> + '_ {
        let year = self.portal.edition.year;
        self.site
            .policy_notes
            .iter()
            .filter(move |note| note.edition == year)
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
}
