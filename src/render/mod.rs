//! Stage 4, render: the model → HTML pages, through the theme's Tera templates.
//!
//! The page plan (`plan`) lists every output file with what it shows; each of its entries
//! is rendered alone (`entries`), by one function in its page family's file, as a
//! template with that family's typed view, and handed to a [`Sink`]: the output directory
//! for `build`, memory for `serve`, or nothing for `check`, which renders everything to
//! find every problem but writes nothing. Entries are rendered in parallel; each file is
//! written as soon as it is rendered, so memory does not grow with the size of the site.

mod bodies;
pub mod changes;
mod contributions;
mod entries;
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

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fs::IoError;
use crate::markdown;
use crate::model::{
    ActionId, Contribution, Edition, ForumCategory, ForumId, Language, ObjectiveId, Page, Region,
    Site, Slug, StakeholderType,
};
use crate::urls::{PortalPath, Prefix, SitePath};
pub use plan::{Entry, PageKind, Plan, Producer};
pub use prepared::Prepared;
use templates::{Theme, ThemeStatic};
use views::*;

/// Contributions per page of a listing.
pub const PAGE_SIZE: usize = 50;
/// Contributions shown per action on an objective's page before "see all".
const PER_ACTION: usize = 10;
/// The template of one contribution in a list, rendered once per contribution and portal.
const ITEM_TEMPLATE: &str = "partials/item.html";

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

/// What rendering one entry of the plan gives besides its file: the problems of the
/// Markdown it converted.
type Made = Result<Vec<Diagnostic>>;

/// A listing's address, section, contributions and what its pages show above them.
type ListingOf<'p> = (PortalPath, &'static str, &'p [usize], ListingHeading<'p>);

/// What a listing's pages show above the contributions (`listing.html`): a title and an
/// introduction, with their languages when not the portal's, and the objective or forum
/// the listing belongs to.
#[derive(Serialize, Default)]
struct ListingHeading<'p> {
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    title_lang: Option<&'p Language>,
    intro: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    intro_lang: Option<&'p Language>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<Term>,
    #[serde(skip_serializing_if = "Option::is_none")]
    forum: Option<forums::ForumView>,
}

/// Renders every file of `site`'s plan into `sink`, unless the plan has collisions, which
/// are then the render's diagnostics (nothing is written).
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
    let build = entries::Build {
        site,
        prepared: &prepared,
        plan: &plan,
        theme,
        sink,
    };
    build.render(&entries::in_build_order(&plan))
}

pub use crate::urls::page_file;
pub use entries::Build;

/// The portal being rendered: one edition in one language.
struct Portal<'a> {
    edition: &'a Edition,
    language: Language,
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
    /// The chart of each objective's actions, by objective id, for its page and its CSV.
    actions_charts: std::sync::OnceLock<BTreeMap<ObjectiveId, crate::charts::Chart>>,
    /// "What changed" since the previous edition, for its page and its chart's CSV.
    changes: std::sync::OnceLock<Option<changes::ChangesView>>,
    /// What the entries of one build share.
    caches: &'a entries::Caches,
    plan: &'a Plan,
    theme: &'a Theme,
    sink: &'a dyn Sink,
    /// Each contribution's list item in this portal, its `item.html` rendered, by position
    /// (see `items`); the list is made when a page first lists contributions.
    items: std::sync::OnceLock<Box<[std::sync::OnceLock<tera::Value>]>>,
    /// The context every list item starts from (see `portal_context`).
    item_context: std::sync::OnceLock<Context>,
    /// The portal's edition as templates read it (`edition`), made once for its pages.
    edition_value: tera::Value,
    site_view: &'a SiteView,
    /// `site_view` as templates read it.
    site_value: &'a tera::Value,
    related: &'a portal::Editions,
    portal: Portal<'a>,
}

/// A template failure while rendering the page at `path`.
fn template_error(theme: &str, template: &str, path: &str, error: &tera::Error) -> RenderError {
    failed_template(theme, template, &format!("`/{path}`"), error)
}

/// A template failure while rendering `what`.
fn failed_template(theme: &str, template: &str, what: &str, error: &tera::Error) -> RenderError {
    RenderError::Template(
        Diagnostic::error(
            format!("themes/{theme}/templates/{template}"),
            format!(
                "the template failed while rendering {what}: {}",
                templates::one_line(error)
            ),
        )
        .with_hint("fix the template; the content itself is valid"),
    )
}

/// An entry of the plan names a record (`record`) its portal's site does not have: a bug
/// of the generator, since the plan is made from the same site, reported rather than skipped.
fn unknown_record(record: &dyn std::fmt::Debug) -> RenderError {
    RenderError::Template(
        Diagnostic::error(
            "site.yaml".to_owned(),
            format!("rapporteur planned a page for {record:?}, which it cannot find to render"),
        )
        .with_hint("this is a bug of rapporteur: please report it with your site"),
    )
}

/// schema.org metadata (`structured`) that could not be written: a bug of the generator,
/// whose values are all serializable, reported rather than left out of the page.
fn structured_data_error(error: serde_json::Error) -> RenderError {
    serialization_bug("a page's schema.org metadata", &error)
}

/// A value rapporteur made that serde_json could not write (only a bug can cause one).
fn serialization_bug(what: &str, error: &serde_json::Error) -> RenderError {
    RenderError::Template(
        Diagnostic::error(
            "site.yaml".to_owned(),
            format!("rapporteur could not write {what}: {error}"),
        )
        .with_hint("this is a bug of rapporteur: please report it with your site"),
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
    language: Language,
}

/// The text of a page or contribution in the portal's language, or its original with a note.
struct Localized<'p> {
    title: &'p str,
    body: &'p crate::model::Markdown,
    /// The language of `body`.
    language: &'p Language,
}

impl<'a> Renderer<'a> {
    /// Renders the page of `kind` at `path` of the current portal with `view`, its
    /// template's own variables (the frame is added by `page_at`).
    fn page(&self, kind: PageKind, path: &PortalPath, view: &impl Serialize) -> Result<usize> {
        let context = self.context(kind, path, view)?;
        self.page_at(kind, path, &self.portal.prefix, context)
    }

    /// `view` as the context of the template of `kind` for the page at `path`.
    fn context(&self, kind: PageKind, path: &PortalPath, view: &impl Serialize) -> Result<Context> {
        Context::from_serialize(view).map_err(|error| {
            let theme = &self.site.config.theme;
            template_error(theme, kind.template(), path.as_str(), &error)
        })
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
        if let Some(messages) = self
            .theme
            .messages
            .template_map(self.portal.language.as_str())
        {
            context.insert_value("messages", messages.clone());
        }
        let written = self
            .theme
            .render_bytes(template, &context, |html| {
                // List items and figures, made once per portal, hold a placeholder for the
                // page's relative root.
                match templates::replace_all(html, visuals::ROOT.as_bytes(), root.as_bytes()) {
                    Some(replaced) => self.write(&file, &replaced),
                    None => self.write(&file, html),
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
            .find(|translation| translation.language == *language);
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
            language: text.language.clone(),
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

    /// The contributions at `positions` as templates list them: each one's summary with
    /// `html`, its `partials/item.html`. An item is made once for the portal, however many
    /// lists show it (listings show each contribution on several pages). Its links start
    /// with [`visuals::ROOT`], which `page_at` resolves for each page that lists it.
    fn items(&self, positions: &[usize]) -> Result<Vec<tera::Value>> {
        let made = self.items.get_or_init(|| {
            let count = self.site.contributions.len();
            (0..count).map(|_| std::sync::OnceLock::new()).collect()
        });
        let mut items = Vec::with_capacity(positions.len());
        for &position in positions {
            let (Some(contribution), Some(item)) =
                (self.site.contributions.get(position), made.get(position))
            else {
                continue;
            };
            let item = match item.get() {
                Some(item) => item.clone(),
                // Two threads asking at once both make it, alike; one is kept.
                None => {
                    let made = self.item(contribution)?;
                    item.get_or_init(|| made).clone()
                }
            };
            items.push(item);
        }
        Ok(items)
    }

    /// The list item of `contribution` in this portal: its summary, and as `html` the
    /// summary rendered by `partials/item.html`.
    fn item(&self, contribution: &Contribution) -> Result<tera::Value> {
        let summary = tera::Value::from_serializable(&ContributionSummary::new(contribution));
        let html = self.item_html(contribution, &summary)?;
        let mut fields = summary.as_map().cloned().unwrap_or_default();
        fields.insert("html".into(), html);
        Ok(tera::Value::from(fields))
    }

    /// `partials/item.html` for `contribution`, whose template value is `summary`, in this
    /// portal (see `items`).
    fn item_html(&self, contribution: &Contribution, summary: &tera::Value) -> Result<tera::Value> {
        let mut context = self
            .item_context
            .get_or_init(|| self.portal_context())
            .clone();
        context.insert_value("item", summary.clone());
        let html = self
            .theme
            .tera
            .render(ITEM_TEMPLATE, &context)
            .map_err(|error| {
                let page =
                    PortalPath::contribution(&contribution.slug).in_portal(&self.portal.prefix);
                let what = format!("the list item of `/{}`", page.as_str());
                failed_template(&self.site.config.theme, ITEM_TEMPLATE, &what, &error)
            })?;
        Ok(tera::Value::safe_string(&html))
    }

    /// What a template rendered once for the whole portal sees (`item.html`): the
    /// language, direction, edition, site and messages, and the root placeholder.
    fn portal_context(&self) -> Context {
        let language = self.portal.language.as_str();
        let mut context = Context::new();
        context.insert("root", visuals::ROOT);
        context.insert("lang", language);
        context.insert("dir", i18n::direction(language));
        context.insert_value("edition", self.edition_value.clone());
        context.insert_value("site", self.site_value.clone());
        if let Some(messages) = self.theme.messages.template_map(language) {
            context.insert_value("messages", messages.clone());
        }
        context
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
        self.theme
            .messages
            .text(self.portal.language.as_str(), key, args)
    }

    /// The label of `id` in a closed list (`region`, `stakeholder-type`…), in the portal's language.
    fn label(&self, prefix: &str, id: &str) -> String {
        self.theme
            .messages
            .label(self.portal.language.as_str(), prefix, id)
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

    /// Writes the file at `path` (from the site root).
    fn write(&self, path: &str, contents: &[u8]) -> std::result::Result<(), IoError> {
        self.sink.write(path, contents)
    }
}
