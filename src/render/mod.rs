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
pub mod templates;
pub mod views;
pub mod visuals;

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fs::IoError;
use crate::model::{Contribution, ForumCategory, Page, Region, Site, StakeholderType};
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

/// Renders every page of `site` into `sink`.
pub fn render(site: &Site, theme: &Theme, sink: &dyn Sink) -> Result<Rendered> {
    render_with(site, &Prepared::new(site), theme, sink, &Scope::All)
}

/// What every page of a site needs, computed once per version of the site: the portal's
/// own figures, the contribution summaries listings show, the site-wide view. `serve`
/// keeps it between requests, so rendering one page does not recompute it.
pub struct Prepared {
    figures: visuals::Figures,
    summaries: Vec<ContributionSummary>,
    site_view: SiteView,
}

impl Prepared {
    pub fn new(site: &Site) -> Self {
        Prepared {
            figures: visuals::Figures::new(site),
            summaries: site
                .contributions
                .iter()
                .map(ContributionSummary::new)
                .collect(),
            site_view: SiteView::new(site),
        }
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
    /// Whether the file at `file` (an output path) is to be produced.
    pub fn wants(&self, file: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(files) => files.contains(file),
        }
    }
}

/// The output file of the page at `path`: `x/` → `x/index.html`; `404.html` stays.
pub fn page_file(path: &str) -> String {
    if path.ends_with(".html") {
        path.to_owned()
    } else {
        format!("{path}index.html")
    }
}

/// Renders the files of `site` that `scope` wants into `sink`, with `prepared` computed
/// from the same `site`.
pub fn render_with(
    site: &Site,
    prepared: &Prepared,
    theme: &Theme,
    sink: &dyn Sink,
    scope: &Scope,
) -> Result<Rendered> {
    let renderer = Renderer {
        site,
        blocks: visuals::ChartBlocks::new(&site.datasets),
        figures: &prepared.figures,
        written: std::sync::Mutex::new(Vec::new()),
        generated: std::sync::Mutex::new(std::collections::BTreeSet::new()),
        theme,
        sink,
        summaries: &prepared.summaries,
        site_view: &prepared.site_view,
        scope,
    };
    let mut diagnostics = Vec::new();
    let mut pages = 0;
    let (home, mut problems) = renderer.home()?;
    pages += home;
    diagnostics.append(&mut problems);
    let (report_pages, mut problems) = renderer.reports()?;
    pages += report_pages;
    diagnostics.append(&mut problems);
    let (contribution_pages, mut problems) = renderer.contributions()?;
    pages += contribution_pages;
    diagnostics.append(&mut problems);
    let (note_pages, mut problems) = renderer.policy_notes()?;
    pages += note_pages;
    diagnostics.append(&mut problems);
    pages += renderer.objectives()?;
    pages += renderer.forums()?;
    pages += renderer.facets()?;
    pages += renderer.progress()?;
    pages += renderer.changes()?;
    pages += renderer.not_found()?;
    renderer.statics()?;
    renderer.open_data()?;
    diagnostics.extend(renderer.assets()?);
    let mut all = Diagnostics::new();
    all.extend(diagnostics);
    Ok(Rendered {
        pages,
        diagnostics: all,
    })
}

struct Renderer<'a> {
    site: &'a Site,
    /// Draws the charts of Markdown bodies.
    blocks: visuals::ChartBlocks<'a>,
    /// The portal's own charts and maps, computed once.
    figures: &'a visuals::Figures,
    /// The paths of the pages written, for the sitemap.
    written: std::sync::Mutex<Vec<String>>,
    /// Every file the build generates (pages and data), so assets cannot replace them.
    generated: std::sync::Mutex<std::collections::BTreeSet<String>>,
    theme: &'a Theme,
    sink: &'a dyn Sink,
    summaries: &'a [ContributionSummary],
    site_view: &'a SiteView,
    scope: &'a Scope,
}

/// The relative path from the page at `path` (e.g. `contributions/x/`) to the site root.
fn root_of(path: &str) -> String {
    let depth = path
        .split('/')
        .filter(|segment| !segment.is_empty())
        .count();
    if depth == 0 {
        "./".to_owned()
    } else {
        "../".repeat(depth)
    }
}

/// The context every page starts from.
fn page_context(path: &str, section: &str) -> Context {
    let mut context = Context::new();
    context.insert("root", &root_of(path));
    context.insert("asset_root", &root_of(path));
    context.insert("path", path);
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
    translations: Vec<String>,
}

impl<'a> Renderer<'a> {
    /// Renders `template` with `context` and writes it as `<path>index.html`.
    fn page(&self, template: &str, path: &str, mut context: Context) -> Result<usize> {
        if template != "redirect.html" && template != "404.html" {
            self.record(path);
        }
        let file = page_file(path);
        if !self.scope.wants(&file) {
            return Ok(1);
        }
        context.insert("site", self.site_view);
        // i18n: the interface language (the default one unless a translation set it).
        if !context.contains_key("lang") {
            context.insert("lang", &self.site.config.default_language);
        }
        let lang = context
            .get("lang")
            .and_then(|lang| lang.as_str())
            .unwrap_or("en");
        context.insert("dir", i18n::direction(lang));
        let mut html = self
            .theme
            .tera
            .render(template, &context)
            .map_err(|error| {
                RenderError::Template(
                    Diagnostic::error(
                        format!("themes/{}/templates/{template}", self.site.config.theme),
                        format!(
                            "the template failed while rendering `/{path}`: {}",
                            templates::one_line(&error)
                        ),
                    )
                    .with_hint("fix the template; the content itself is valid"),
                )
            })?;
        if html.contains(visuals::ROOT) {
            // Figures computed once hold a placeholder for the page's relative root.
            html = html.replace(visuals::ROOT, &root_of(path));
        }
        self.emit(&file, html.as_bytes())?;
        Ok(1)
    }

    /// Records the page at `path` for the sitemap.
    fn record(&self, path: &str) {
        if let Ok(mut written) = self.written.lock() {
            written.push(path.to_owned());
        }
    }

    /// Whether any of the pages at `paths` is in scope (to skip work for pages not wanted).
    fn wants_any<'p>(&self, mut paths: impl Iterator<Item = &'p str>) -> bool {
        matches!(self.scope, Scope::All) || paths.any(|path| self.scope.wants(&page_file(path)))
    }

    fn prose(&self, page: &Page, path: &str) -> (ProseView, Vec<Diagnostic>) {
        let rendered = markdown::to_html(&page.body, &root_of(path), &self.blocks);
        let view = ProseView {
            title: page.title.clone(),
            summary: page.summary.clone(),
            url: path.to_owned(),
            body_html: rendered.html,
            headings: rendered.headings,
            translations: page
                .translations
                .iter()
                .map(|translation| translation.language.clone())
                .collect(),
        };
        (view, rendered.diagnostics)
    }

    /// Renders the translations of a prose page at `<lang>/<path>`, with `template` and
    /// the original page's `context` (links to other pages stay in the default language).
    fn translations(
        &self,
        template: &str,
        page: &Page,
        path: &str,
        context: &Context,
    ) -> Result<(usize, Vec<Diagnostic>)> {
        let mut pages = 0;
        let mut diagnostics = Vec::new();
        for translation in &page.translations {
            let translated_path = format!("{}/{path}", translation.language);
            let root = root_of(&translated_path);
            let rendered = markdown::to_html(&translation.body, &root, &self.blocks);
            diagnostics.extend(rendered.diagnostics);
            let view = ProseView {
                title: translation.title.clone(),
                summary: page.summary.clone(),
                url: translated_path.clone(),
                body_html: rendered.html,
                headings: rendered.headings,
                translations: Vec::new(),
            };
            let mut translated = context.clone();
            translated.insert("root", &root);
            translated.insert("asset_root", &root);
            translated.insert("path", &translated_path);
            translated.insert("page", &view);
            translated.insert("language", &translation.language);
            translated.insert("lang", &translation.language);
            translated.insert("original_url", path);
            pages += self.page(template, &translated_path, translated)?;
        }
        Ok((pages, diagnostics))
    }

    fn summaries(&self, positions: &[usize]) -> Vec<&ContributionSummary> {
        positions
            .iter()
            .filter_map(|position| self.summaries.get(*position))
            .collect()
    }

    fn home(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let site = self.site;
        let (home, diagnostics) = self.prose(&site.home, "");
        let mut context = page_context("", "home");
        context.insert("page", &home);
        let latest: Vec<usize> = (0..site.contributions.len().min(8)).collect();
        context.insert("latest", &self.summaries(&latest));
        context.insert("total", &site.contributions.len());
        let figures = &self.figures;
        let charts_html = [
            visuals::figure(&figures.by_objective, "by-objective", visuals::ROOT),
            visuals::figure(
                &figures.by_stakeholder_type,
                "by-stakeholder-type",
                visuals::ROOT,
            ),
            visuals::figure(&figures.by_region, "by-region", visuals::ROOT),
        ]
        .concat();
        context.insert("charts_html", &charts_html);
        let notes: Vec<PolicyNoteView> = site
            .policy_notes
            .iter()
            .take(3)
            .map(|note| PolicyNoteView::new(site, note))
            .collect();
        context.insert("policy_notes", &notes);
        let pages = self.page("home.html", "", context.clone())?;
        let (translated, mut problems) =
            self.translations("home.html", &site.home, "", &context)?;
        let mut diagnostics = diagnostics;
        diagnostics.append(&mut problems);
        Ok((pages + translated, diagnostics))
    }

    fn objective_counts(&self) -> Vec<Count> {
        let terms = self
            .site
            .objectives
            .iter()
            .map(|objective| {
                (
                    objective_term(objective),
                    crate::model::Index::get(&self.site.index.by_objective, &objective.id).len(),
                )
            })
            .collect();
        counts(terms)
    }

    fn reports(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let mut pages = 0;
        let mut diagnostics = Vec::new();
        for report in &self.site.reports {
            let base = format!("report/{}/", report.year);
            let chapters: Vec<(ProseView, Vec<Diagnostic>)> = report
                .chapters
                .iter()
                .map(|chapter| self.prose(chapter, &format!("{base}{}/", chapter.slug)))
                .collect();
            let toc: Vec<Term> = report
                .chapters
                .iter()
                .map(|chapter| Term {
                    id: chapter.slug.clone(),
                    label: chapter.title.clone(),
                    url: format!("{base}{}/", chapter.slug),
                })
                .collect();
            let summaries: Vec<Option<String>> = report
                .chapters
                .iter()
                .map(|chapter| chapter.summary.clone())
                .collect();
            let (front, mut problems) = self.prose(&report.front, &base);
            diagnostics.append(&mut problems);
            let edition = self
                .site
                .edition(report.year)
                .map(|edition| EditionView::new(self.site, edition));
            let mut context = page_context(&base, "report");
            context.insert("page", &front);
            context.insert("toc", &toc);
            context.insert("toc_summaries", &summaries);
            context.insert("edition", &edition);
            pages += self.page("report.html", &base, context.clone())?;
            let (translated, mut problems) =
                self.translations("report.html", &report.front, &base, &context)?;
            pages += translated;
            diagnostics.append(&mut problems);
            for (index, (chapter, mut problems)) in chapters.into_iter().enumerate() {
                diagnostics.append(&mut problems);
                let path = chapter.url.clone();
                let mut context = page_context(&path, "report");
                context.insert("page", &chapter);
                context.insert("toc", &toc);
                context.insert("report_url", &base);
                context.insert("report_title", &report.front.title);
                context.insert(
                    "previous",
                    &index.checked_sub(1).and_then(|previous| toc.get(previous)),
                );
                context.insert("next", &toc.get(index + 1));
                context.insert("edition", &edition);
                pages += self.page("chapter.html", &path, context.clone())?;
                if let Some(source) = report.chapters.get(index) {
                    let (translated, mut problems) =
                        self.translations("chapter.html", source, &path, &context)?;
                    pages += translated;
                    diagnostics.append(&mut problems);
                }
            }
        }
        Ok((pages, diagnostics))
    }

    fn contributions(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let results: Vec<Result<(usize, Vec<Diagnostic>)>> = self
            .site
            .contributions
            .par_iter()
            .map(|contribution| self.contribution(contribution))
            .collect();
        let mut pages = 0;
        let mut diagnostics = Vec::new();
        for result in results {
            let (count, mut problems) = result?;
            pages += count;
            diagnostics.append(&mut problems);
        }
        let all: Vec<usize> = (0..self.site.contributions.len()).collect();
        let mut extra = Context::new();
        extra.insert("title", "Contributions");
        extra.insert(
            "intro",
            &format!(
                "{} contributions from stakeholders, newest first.",
                all.len()
            ),
        );
        pages += self.listing("contributions/", "contributions", &all, extra)?;
        Ok((pages, diagnostics))
    }

    fn contribution(&self, contribution: &Contribution) -> Result<(usize, Vec<Diagnostic>)> {
        let path = format!("contributions/{}/", contribution.slug);
        let translated: Vec<String> = contribution
            .translations
            .iter()
            .map(|translation| format!("{}/{path}", translation.language))
            .collect();
        let aliases = contribution
            .aliases
            .iter()
            .map(|alias| format!("contributions/{alias}/"));
        if !self.wants_any(
            std::iter::once(path.as_str())
                .chain(translated.iter().map(String::as_str))
                .chain(
                    aliases
                        .clone()
                        .collect::<Vec<_>>()
                        .iter()
                        .map(String::as_str),
                ),
        ) {
            self.record(&path);
            translated.iter().for_each(|page| self.record(page));
            return Ok((
                1 + translated.len() + contribution.aliases.len(),
                Vec::new(),
            ));
        }
        let rendered = markdown::to_html(&contribution.body, &root_of(&path), &self.blocks);
        let view = ContributionView::new(self.site, contribution);
        let mut context = page_context(&path, "contributions");
        context.insert("contribution", &view);
        context.insert("body_html", &rendered.html);
        context.insert("title", &contribution.title);
        context.insert("language", &contribution.language);
        context.insert("original_url", &Option::<String>::None);
        let mut pages = self.page("contribution.html", &path, context)?;
        for alias in &contribution.aliases {
            let alias_path = format!("contributions/{alias}/");
            let mut context = page_context(&alias_path, "contributions");
            context.insert("title", &contribution.title);
            context.insert("target", &path);
            pages += self.page("redirect.html", &alias_path, context)?;
        }
        let mut diagnostics = rendered.diagnostics;
        for translation in &contribution.translations {
            let translated_path = format!(
                "{}/contributions/{}/",
                translation.language, contribution.slug
            );
            let rendered =
                markdown::to_html(&translation.body, &root_of(&translated_path), &self.blocks);
            let mut context = page_context(&translated_path, "contributions");
            context.insert("contribution", &view);
            context.insert("body_html", &rendered.html);
            context.insert("title", &translation.title);
            context.insert("language", &translation.language);
            context.insert("lang", &translation.language);
            context.insert("original_url", &path);
            pages += self.page("contribution.html", &translated_path, context)?;
            diagnostics.extend(rendered.diagnostics);
        }
        Ok((pages, diagnostics))
    }

    /// Renders the paginated listing of `positions` at `base`, with `extra` in every page's context.
    fn listing(
        &self,
        base: &str,
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
                let path = page_url(base, number);
                if !self.wants_any(std::iter::once(path.as_str())) {
                    self.record(&path);
                    return Ok(1);
                }
                let mut context = page_context(&path, section);
                context.extend(extra.clone());
                context.insert("items", &self.summaries(chunk));
                context.insert("count", &positions.len());
                context.insert("first_number", &(index * PAGE_SIZE + 1));
                context.insert("pagination", &Pagination::new(base, number, total));
                self.page("listing.html", &path, context)
            })
            .collect();
        pages.into_iter().sum()
    }

    fn policy_notes(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let site = self.site;
        let views: Vec<PolicyNoteView> = site
            .policy_notes
            .iter()
            .map(|note| PolicyNoteView::new(site, note))
            .collect();
        let mut context = page_context("policy-notes/", "policy-notes");
        context.insert("notes", &views);
        let mut pages = self.page("policy_notes.html", "policy-notes/", context)?;
        let mut diagnostics = Vec::new();
        for (note, view) in site.policy_notes.iter().zip(&views) {
            let rendered = markdown::to_html(&note.body, &root_of(&view.url), &self.blocks);
            diagnostics.extend(rendered.diagnostics);
            let mut context = page_context(&view.url, "policy-notes");
            context.insert("note", view);
            context.insert("body_html", &rendered.html);
            context.insert("headings", &rendered.headings);
            pages += self.page("policy_note.html", &view.url, context)?;
            for translation in &note.translations {
                let path = format!("{}/{}", translation.language, view.url);
                let rendered = markdown::to_html(&translation.body, &root_of(&path), &self.blocks);
                diagnostics.extend(rendered.diagnostics);
                let mut context = page_context(&path, "policy-notes");
                let mut translated = PolicyNoteView::new(site, note);
                translated.title = translation.title.clone();
                context.insert("note", &translated);
                context.insert("body_html", &rendered.html);
                context.insert("headings", &rendered.headings);
                context.insert("language", &translation.language);
                context.insert("lang", &translation.language);
                context.insert("original_url", &view.url);
                pages += self.page("policy_note.html", &path, context)?;
            }
        }
        Ok((pages, diagnostics))
    }

    fn objectives(&self) -> Result<usize> {
        let site = self.site;
        let mut context = page_context("objectives/", "objectives");
        context.insert("objectives", &self.objective_counts());
        context.insert(
            "chart_html",
            &visuals::figure(&self.figures.by_objective, "by-objective", "../"),
        );
        context.insert("matrix_html", &self.figures.matrix);
        let mut pages = self.page("objectives.html", "objectives/", context)?;
        for objective in &site.objectives {
            let base = format!("objectives/{}/", objective.slug());
            let positions = crate::model::Index::get(&site.index.by_objective, &objective.id);
            let actions: Vec<ActionSection> = objective
                .actions
                .iter()
                .map(|action| {
                    let reporting = crate::model::Index::get(&site.index.by_action, &action.id);
                    ActionSection {
                        id: action.id.clone(),
                        actor: action.actor.label(),
                        actor_id: action.actor.id(),
                        text: action.text.clone(),
                        url: format!("{base}{}/", action.slug()),
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
            let notes: Vec<PolicyNoteView> = site
                .policy_notes
                .iter()
                .filter(|note| note.objectives.contains(&objective.id))
                .map(|note| PolicyNoteView::new(site, note))
                .collect();
            let mut context = page_context(&base, "objectives");
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
            context.insert("all_url", &format!("{base}contributions/"));
            let chart_html = visuals::actions_chart(site, &objective.id).map(|chart| {
                let name = format!("actions-{}", objective.slug());
                let html = visuals::figure(&chart, &name, "../../");
                (html, format!("charts/{name}.csv"), chart.csv)
            });
            if let Some((html, csv_path, csv)) = chart_html {
                context.insert("chart_html", &html);
                self.emit(&csv_path, csv.as_bytes())?;
            }
            pages += self.page("objective.html", &base, context)?;

            let mut extra = Context::new();
            extra.insert(
                "title",
                &format!("Objective {}: {}", objective.id, objective.title),
            );
            extra.insert(
                "intro",
                &format!("Contributions reporting on objective {}.", objective.id),
            );
            extra.insert("parent", &objective_term(objective));
            pages += self.listing(
                &format!("{base}contributions/"),
                "objectives",
                positions,
                extra,
            )?;
            for action in &actions {
                let positions = crate::model::Index::get(&site.index.by_action, &action.id);
                let mut extra = Context::new();
                extra.insert("title", &format!("Action {}", action.id));
                extra.insert("intro", &action.text);
                extra.insert("parent", &objective_term(objective));
                pages += self.listing(&action.url, "objectives", positions, extra)?;
            }
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
                        count: crate::model::Index::get(&site.index.by_forum, &forum.id).len(),
                        percent: 0,
                    })
                    .collect(),
            })
            .filter(|group| !group.forums.is_empty())
            .collect();
        let mut context = page_context("forums/", "forums");
        context.insert("groups", &groups);
        context.insert("map_html", &self.figures.forum_map);
        context.insert("matrix_html", &self.figures.matrix);
        let mut pages = self.page("forums.html", "forums/", context)?;
        for forum in &site.forums {
            let base = format!("forums/{}/", forum.id);
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
                policy_notes: site
                    .policy_notes
                    .iter()
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
                crate::model::Index::get(&site.index.by_forum, &forum.id),
                extra,
            )?;
        }
        Ok(pages)
    }

    /// Listings by stakeholder type and by region, with their index pages.
    fn facets(&self) -> Result<usize> {
        let site = self.site;
        let mut pages = 0;
        let facets = [
            (
                "stakeholders/",
                "Contributions by stakeholder type",
                "Who contributes: the stakeholder groups the Compact calls on.",
                stakeholder_type_counts(site),
            ),
            (
                "regions/",
                "Contributions by region",
                "Where the work reported takes place.",
                region_counts(site),
            ),
        ];
        for (base, title, intro, counts) in facets {
            let mut context = page_context(base, base.trim_end_matches('/'));
            context.insert("title", title);
            context.insert("intro", intro);
            context.insert("terms", &counts);
            pages += self.page("terms.html", base, context)?;
        }
        for kind in StakeholderType::ALL {
            let mut extra = Context::new();
            extra.insert("title", kind.label());
            extra.insert(
                "intro",
                &format!(
                    "Contributions from stakeholders of the type “{}”.",
                    kind.label()
                ),
            );
            pages += self.listing(
                &format!("stakeholders/{}/", kind.id()),
                "stakeholders",
                crate::model::Index::get(&site.index.by_stakeholder_type, kind),
                extra,
            )?;
        }
        for region in Region::ALL {
            let mut extra = Context::new();
            extra.insert("title", region.label());
            extra.insert(
                "intro",
                &format!(
                    "Contributions whose work takes place in the region “{}”.",
                    region.label()
                ),
            );
            pages += self.listing(
                &format!("regions/{}/", region.id()),
                "regions",
                crate::model::Index::get(&site.index.by_region, region),
                extra,
            )?;
        }
        Ok(pages)
    }

    fn not_found(&self) -> Result<usize> {
        let base_path = self
            .site
            .config
            .base_url
            .splitn(4, '/')
            .nth(3)
            .map_or_else(|| "/".to_owned(), |path| format!("/{path}"));
        let mut context = Context::new();
        context.insert("root", &base_path);
        context.insert("asset_root", &base_path);
        context.insert("path", "404.html");
        context.insert("section", "");
        self.page("404.html", "404.html", context)
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
            let path = format!("feeds/{}.xml", edition.year);
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
            self.emit(&path, feed.as_bytes())?;
        }
        for objective in &site.objectives {
            let path = format!("feeds/objective-{}.xml", objective.slug());
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
            self.emit(&path, feed.as_bytes())?;
        }
        Ok(())
    }

    /// Writes a generated file (not a page), remembering its path.
    fn emit(&self, path: &str, contents: &[u8]) -> std::result::Result<(), IoError> {
        self.note_generated(path);
        self.write(path, contents)
    }

    /// Remembers that the build generates `path`, so that no asset may replace it.
    fn note_generated(&self, path: &str) {
        if let Ok(mut generated) = self.generated.lock() {
            generated.insert(path.to_owned());
        }
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

    /// Copies the site's assets last: they may replace the theme's static files, but a file
    /// the build generates (a page, the sitemap, open data) is never silently replaced.
    fn assets(&self) -> Result<Vec<Diagnostic>> {
        let generated = self
            .generated
            .lock()
            .map(|generated| generated.clone())
            .unwrap_or_default();
        let mut problems = Vec::new();
        for asset in &self.site.assets {
            if generated.contains(&asset.output_path) {
                problems.push(
                    Diagnostic::error(
                        format!("assets/{}", asset.output_path),
                        format!(
                            "this file would replace `{}`, which the build generates",
                            asset.output_path
                        ),
                    )
                    .with_hint("rename or remove the file; the generated one cannot be overridden"),
                );
                continue;
            }
            self.copy(&asset.output_path, &asset.source)?;
        }
        Ok(problems)
    }

    /// The theme's stylesheet with the charts' classes appended: one CSS file for the site.
    fn write_stylesheet(&self, mut css: Vec<u8>) -> Result<()> {
        css.extend_from_slice(b"\n/* Charts, maps and tables (generated by rapporteur). */\n");
        css.extend_from_slice(crate::charts::stylesheet().as_bytes());
        self.write("style.css", &css)?;
        Ok(())
    }

    /// Copies the theme's static files, the site's assets and the datasets.
    fn statics(&self) -> Result<()> {
        for file in &self.theme.statics {
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
            let mut writer = csv::Writer::from_writer(Vec::new());
            let _ = writer.write_record(&dataset.columns);
            for row in &dataset.rows {
                let _ = writer.write_record(row);
            }
            let bytes = writer.into_inner().unwrap_or_default();
            self.write(&format!("data/{}.csv", dataset.name), &bytes)?;
        }
        Ok(())
    }
}

impl Renderer<'_> {
    /// "What changed" for each edition that has a previous one: `changes/<year>/`.
    fn changes(&self) -> Result<usize> {
        let mut pages = 0;
        for edition in &self.site.editions {
            let path = format!("changes/{}/", edition.year);
            let csv_path = format!("charts/changes-{}.csv", edition.year);
            let has_previous = self.site.editions.iter().any(|e| e.year < edition.year);
            if has_previous
                && !self.wants_any(std::iter::once(path.as_str()))
                && !self.scope.wants(&csv_path)
            {
                self.record(&path);
                pages += 1;
                continue;
            }
            let Some(changes) = changes::compare(self.site, edition.year, &root_of(&path)) else {
                continue;
            };
            self.write(&csv_path, changes.chart_csv.as_bytes())?;
            let mut context = page_context(&path, "progress");
            context.insert("changes", &changes);
            context.insert("edition", &EditionView::new(self.site, edition));
            pages += self.page("changes.html", &path, context)?;
        }
        Ok(pages)
    }

    /// The progress and gap maps: `progress/` for the current edition, `progress/<year>/` for each.
    fn progress(&self) -> Result<usize> {
        let mut pages = 0;
        let current = self.site.current_edition().map(|edition| edition.year);
        let mut paths: Vec<(String, i32)> = self
            .site
            .editions
            .iter()
            .map(|edition| (format!("progress/{}/", edition.year), edition.year))
            .collect();
        if let Some(year) = current {
            paths.insert(0, ("progress/".to_owned(), year));
        }
        for (path, year) in paths {
            let root = root_of(&path);
            let mut context = page_context(&path, "progress");
            context.insert("year", &year);
            context.insert(
                "edition",
                &self
                    .site
                    .edition(year)
                    .map(|edition| EditionView::new(self.site, edition)),
            );
            context.insert("gap_map_html", &self.figures.gap_maps.get(&year));
            let charts_html = [
                visuals::figure(&self.figures.by_status, "by-status", &root),
                visuals::figure(&self.figures.by_edition, "by-edition", &root),
            ]
            .concat();
            context.insert("charts_html", &charts_html);
            pages += self.page("progress.html", &path, context)?;
        }
        Ok(pages)
    }

    /// Per-edition JSON and CSV of the contributions, the sitemap and robots.txt.
    fn open_data(&self) -> Result<()> {
        for edition in &self.site.editions {
            let json_path = format!("data/contributions-{}.json", edition.year);
            let csv_path = format!("data/contributions-{}.csv", edition.year);
            self.note_generated(&json_path);
            self.note_generated(&csv_path);
            if self.scope.wants(&json_path) {
                let json = open_data::contributions_json(self.site, edition.year);
                self.write(&json_path, json.as_bytes())?;
            }
            if self.scope.wants(&csv_path) {
                let csv = open_data::contributions_csv(self.site, edition.year);
                self.write(&csv_path, &csv)?;
            }
        }
        self.feeds()?;
        for (path, csv) in self.figures.csv_files() {
            self.emit(&path, csv.as_bytes())?;
        }
        for (path, csv) in self.blocks.csv_files() {
            self.emit(&path, csv.as_bytes())?;
        }
        let mut paths = self
            .written
            .lock()
            .map(|written| written.clone())
            .unwrap_or_default();
        paths.retain(|path| !path.ends_with("404.html"));
        paths.sort();
        let base_url = &self.site.config.base_url;
        self.emit(
            "sitemap.xml",
            open_data::sitemap(base_url, &paths).as_bytes(),
        )?;
        self.write("robots.txt", open_data::robots(base_url).as_bytes())?;
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

fn stakeholder_type_counts(site: &Site) -> Vec<Count> {
    counts(
        StakeholderType::ALL
            .iter()
            .map(|kind| {
                (
                    stakeholder_type_term(*kind),
                    crate::model::Index::get(&site.index.by_stakeholder_type, kind).len(),
                )
            })
            .collect(),
    )
}

fn region_counts(site: &Site) -> Vec<Count> {
    counts(
        Region::ALL
            .iter()
            .map(|region| {
                (
                    region_term(*region),
                    crate::model::Index::get(&site.index.by_region, region).len(),
                )
            })
            .collect(),
    )
}
