//! The page plan: every file the portal has, computed from the model before anything
//! renders.
//!
//! Each entry is an output file (`2025/contributions/x/index.html`, `feeds/2025.xml`) with
//! what produces it and which input claims it. The plan answers the questions that used to
//! be side effects of rendering in a fixed order: which pages go in the sitemap, whether a
//! page exists in another edition (for the edition switcher), whether a file of `assets/`
//! would replace or add a generated file, and, for `serve`, whether a requested path exists
//! at all. Two claims on one file are errors naming both, found before rendering.
//!
//! Architecture invariant: the renderer writes exactly the plan's files (tested on the
//! bundled portal and the fixtures), so the plan is the one list of what a build makes.

use std::collections::BTreeMap;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::templates::{Theme, ThemeStatic};
use super::{Prepared, PAGE_SIZE};
use crate::diagnostic::Diagnostic;
use crate::markdown::PageIndex;
use crate::model::{Edition, Region, Site, StakeholderType};
use crate::urls::{PortalPath, Prefix, SitePath};

/// What kind of page an HTML file is, and so which template renders it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Home,
    Report,
    Chapter,
    Print,
    Listing,
    Contribution,
    Redirect,
    PolicyNotes,
    PolicyNote,
    Objectives,
    Objective,
    Forums,
    Terms,
    Progress,
    Changes,
    Search,
    NotFound,
}

impl PageKind {
    /// The theme's template for this kind of page.
    pub fn template(self) -> &'static str {
        match self {
            PageKind::Home => "home.html",
            PageKind::Report => "report.html",
            PageKind::Chapter => "chapter.html",
            PageKind::Print => "print.html",
            PageKind::Listing => "listing.html",
            PageKind::Contribution => "contribution.html",
            PageKind::Redirect => "redirect.html",
            PageKind::PolicyNotes => "policy_notes.html",
            PageKind::PolicyNote => "policy_note.html",
            PageKind::Objectives => "objectives.html",
            PageKind::Objective => "objective.html",
            PageKind::Forums => "forums.html",
            PageKind::Terms => "terms.html",
            PageKind::Progress => "progress.html",
            PageKind::Changes => "changes.html",
            PageKind::Search => "search.html",
            PageKind::NotFound => "404.html",
        }
    }

    /// Whether search engines are told about pages of this kind: not redirects, not the
    /// page shown for a missing address.
    pub fn in_sitemap(self) -> bool {
        !matches!(self, PageKind::Redirect | PageKind::NotFound)
    }
}

/// What produces a file of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Producer {
    /// An HTML page at the site path.
    Page(PageKind, SitePath),
    /// A portal's search index: this file and every file under the folder.
    SearchIndex,
    /// The numbers of a chart drawn by the portal.
    ChartCsv,
    /// The numbers of a chart written in Markdown; its source is the block's YAML.
    BlockChartCsv(String),
    Feed,
    OpenData,
    Sitemap,
    Robots,
    /// The theme's stylesheet with the charts' classes appended.
    Stylesheet,
    /// The theme's search script, which reads the index this version of the generator writes.
    SearchScript,
    /// A theme's static file, copied or embedded; a site's asset may take its place.
    ThemeStatic,
    Dataset,
    /// A file of `assets/`, copied as is.
    Asset,
}

/// One file of the plan.
#[derive(Clone, Debug)]
pub struct Entry {
    pub producer: Producer,
    /// The input that claims the file, for collision messages: `content/contributions/x.md`,
    /// `assets/robots.txt`, or what the generator makes it for (`the sitemap`).
    pub claimed_by: String,
}

/// Every output file of a site.
#[derive(Default)]
pub struct Plan {
    entries: BTreeMap<String, Entry>,
    /// Folders whose files one entry produces (a search index's shards), by folder.
    folders: BTreeMap<String, String>,
    /// The prefix of each edition's portal in the default language (`2025/`): where
    /// [`PageIndex`] looks for the pages links may point to (every language has the same).
    portals: BTreeMap<i32, String>,
}

impl Plan {
    /// The plan of `site` with `theme`, and the collisions found while making it.
    pub fn new(site: &Site, prepared: &Prepared, theme: &Theme) -> (Plan, Vec<Diagnostic>) {
        let mut builder = Builder::default();
        builder.plan.portals = site
            .editions
            .iter()
            .map(|edition| {
                let prefix = Prefix::portal(site, edition.year, &site.config.default_language);
                (edition.year, prefix.as_str().to_owned())
            })
            .collect();
        for edition in &site.editions {
            for language in &site.config.languages {
                builder.portal(site, prepared, edition, language);
            }
        }
        builder.site_files(site, theme);
        builder.assets(site);
        (builder.plan, builder.problems)
    }

    /// The entry of the output file `file`, or of the folder entry that produces it.
    pub fn get(&self, file: &str) -> Option<&Entry> {
        if let Some(entry) = self.entries.get(file) {
            return Some(entry);
        }
        let owner = file
            .match_indices('/')
            .find_map(|(end, _)| self.folders.get(&file[..=end]))?;
        self.entries.get(owner)
    }

    /// Whether the plan has the output file `file`.
    pub fn contains(&self, file: &str) -> bool {
        self.get(file).is_some()
    }

    /// Every file of the plan, in order.
    pub fn files(&self) -> impl Iterator<Item = (&String, &Entry)> {
        self.entries.iter()
    }

    /// The files whose path starts with `prefix` (e.g. a portal's `2025/`), in order.
    pub fn under<'p>(&'p self, prefix: &'p str) -> impl Iterator<Item = (&'p String, &'p Entry)> {
        self.entries
            .range(prefix.to_owned()..)
            .take_while(move |(file, _)| file.starts_with(prefix))
    }

    /// The pages search engines are told about, as paths from the site root, sorted.
    pub fn sitemap_pages(&self) -> Vec<&SitePath> {
        let mut pages: Vec<&SitePath> = self
            .entries
            .values()
            .filter_map(|entry| match &entry.producer {
                Producer::Page(kind, path) if kind.in_sitemap() => Some(path),
                _ => None,
            })
            .collect();
        pages.sort();
        pages
    }

    /// Whether `file` is a Markdown chart's CSV, and its chart's source.
    pub fn block_chart(&self, file: &str) -> Option<&str> {
        match &self.entries.get(file)?.producer {
            Producer::BlockChartCsv(source) => Some(source),
            _ => None,
        }
    }
}

/// Markdown links are checked against the plan: a link is accepted exactly when the build
/// writes its page (a listing's later pages included, and no page past the last).
impl PageIndex for Plan {
    fn has_page(&self, year: i32, path: &str) -> bool {
        let Some(prefix) = self.portals.get(&year) else {
            return false;
        };
        let file = format!("{prefix}{path}index.html");
        matches!(
            self.entries.get(&file).map(|entry| &entry.producer),
            Some(Producer::Page(..))
        )
    }

    fn pages(&self, year: i32) -> Vec<&str> {
        let Some(prefix) = self.portals.get(&year) else {
            return Vec::new();
        };
        self.under(prefix)
            .filter(|(_, entry)| matches!(entry.producer, Producer::Page(..)))
            .filter_map(|(file, _)| {
                file.strip_prefix(prefix.as_str())?
                    .strip_suffix("index.html")
            })
            .collect()
    }
}

/// Makes a plan, recording collisions.
#[derive(Default)]
struct Builder {
    plan: Plan,
    problems: Vec<Diagnostic>,
}

impl Builder {
    /// Adds `file`; a file claimed twice is an error naming both claims.
    fn add(&mut self, file: String, producer: Producer, claimed_by: impl Into<String>) {
        let claimed_by = claimed_by.into();
        if let Some(first) = self.plan.entries.get(&file) {
            let problem = collision(&file, &first.claimed_by, &claimed_by);
            self.problems.push(problem);
            return;
        }
        let entry = Entry {
            producer,
            claimed_by,
        };
        self.plan.entries.insert(file, entry);
    }

    fn page(&mut self, prefix: &Prefix, kind: PageKind, path: &PortalPath, claimed_by: &str) {
        let site_path = path.in_portal(prefix);
        let file = site_path.file();
        self.add(file, Producer::Page(kind, site_path), claimed_by);
    }

    /// The pages of a paginated listing of `count` contributions at `base`.
    fn listing(&mut self, prefix: &Prefix, base: &PortalPath, count: usize, claimed_by: &str) {
        let pages = count.div_ceil(PAGE_SIZE).max(1);
        for number in 1..=pages {
            self.page(prefix, PageKind::Listing, &base.page(number), claimed_by);
        }
    }

    /// Every file of the portal of `edition` in `language`.
    fn portal(&mut self, site: &Site, prepared: &Prepared, edition: &Edition, language: &str) {
        let Some(index) = prepared.editions.get(&edition.year).map(|e| &e.index) else {
            return;
        };
        let prefix = Prefix::portal(site, edition.year, language);
        let generator = "the generator's pages";
        self.page(
            &prefix,
            PageKind::Home,
            &PortalPath::home(),
            "content/_index.md",
        );
        self.report(site, &prefix, edition.year);
        let positions = crate::model::Index::get(&index.by_edition, &edition.year);
        let contributions = PortalPath::section("contributions");
        self.listing(&prefix, &contributions, positions.len(), generator);
        for contribution in positions
            .iter()
            .filter_map(|position| site.contributions.get(*position))
        {
            let file = &contribution.body.file;
            let page = PortalPath::contribution(&contribution.slug);
            self.page(&prefix, PageKind::Contribution, &page, file);
            for alias in &contribution.aliases {
                let claim = format!("{file} (its alias `{alias}`)");
                let path = PortalPath::contribution(alias);
                self.page(&prefix, PageKind::Redirect, &path, &claim);
            }
        }
        let notes = PortalPath::section("policy-notes");
        self.page(&prefix, PageKind::PolicyNotes, &notes, generator);
        for note in site
            .policy_notes
            .iter()
            .filter(|n| n.edition == edition.year)
        {
            let path = PortalPath::policy_note(&note.slug);
            self.page(&prefix, PageKind::PolicyNote, &path, &note.body.file);
        }
        self.objectives(site, edition.year, &prefix, index);
        self.forums(site, edition.year, &prefix, index);
        self.facets(&prefix, index);
        let progress = PortalPath::section("progress");
        self.page(&prefix, PageKind::Progress, &progress, generator);
        if prepared.related.has_changes(edition.year) {
            let changes = PortalPath::section("changes");
            self.page(&prefix, PageKind::Changes, &changes, generator);
            let csv = PortalPath::chart_csv(&format!("changes-{}", edition.year));
            self.add(csv.in_portal(&prefix).file(), Producer::ChartCsv, generator);
        }
        let search = PortalPath::section("search");
        self.page(&prefix, PageKind::Search, &search, generator);
        let folder = search.in_portal(&prefix);
        let index_file = PortalPath::search_file("index.json").in_portal(&prefix);
        self.add(index_file.file(), Producer::SearchIndex, generator);
        self.plan
            .folders
            .insert(folder.to_string(), index_file.file());
        for name in super::visuals::FIGURE_NAMES {
            let csv = PortalPath::chart_csv(name).in_portal(&prefix);
            self.add(csv.file(), Producer::ChartCsv, generator);
        }
        self.block_charts(site, &prefix, edition.year, language);
    }

    /// The edition's report: its front page, the printable whole and one page per chapter.
    fn report(&mut self, site: &Site, prefix: &Prefix, year: i32) {
        let Some(report) = site.reports.iter().find(|report| report.year == year) else {
            return;
        };
        let front = &report.front.body.file;
        self.page(
            prefix,
            PageKind::Report,
            &PortalPath::section("report"),
            front,
        );
        self.page(
            prefix,
            PageKind::Print,
            &PortalPath::section("print"),
            front,
        );
        for chapter in &report.chapters {
            let path = PortalPath::chapter(&chapter.slug);
            self.page(prefix, PageKind::Chapter, &path, &chapter.body.file);
        }
    }

    fn objectives(&mut self, site: &Site, year: i32, prefix: &Prefix, index: &crate::model::Index) {
        let data = "content/data/objectives.yaml";
        let objectives = PortalPath::section("objectives");
        self.page(prefix, PageKind::Objectives, &objectives, data);
        for objective in site.objectives.iter().filter(|o| o.shown_in(year)) {
            let slug = objective.slug();
            self.page(
                prefix,
                PageKind::Objective,
                &PortalPath::objective(&slug),
                data,
            );
            let all = PortalPath::objective_contributions(&slug);
            let count = crate::model::Index::get(&index.by_objective, &objective.id).len();
            self.listing(prefix, &all, count, data);
            for action in objective
                .actions
                .iter()
                .filter(|a| a.lifespan.includes(year))
            {
                let path = PortalPath::action(&slug, &action.slug());
                let count = crate::model::Index::get(&index.by_action, &action.id).len();
                self.listing(prefix, &path, count, data);
            }
            if !objective.actions.is_empty() {
                let csv = PortalPath::chart_csv(&format!("actions-{slug}")).in_portal(prefix);
                self.add(csv.file(), Producer::ChartCsv, data);
            }
        }
    }

    fn forums(&mut self, site: &Site, year: i32, prefix: &Prefix, index: &crate::model::Index) {
        let data = "content/data/forums.yaml";
        self.page(
            prefix,
            PageKind::Forums,
            &PortalPath::section("forums"),
            data,
        );
        for forum in site.forums.iter().filter(|forum| forum.shown_in(year)) {
            let count = crate::model::Index::get(&index.by_forum, &forum.id).len();
            self.listing(prefix, &PortalPath::forum(&forum.id), count, data);
        }
    }

    /// Listings by stakeholder type and by region, with their index pages.
    fn facets(&mut self, prefix: &Prefix, index: &crate::model::Index) {
        let generator = "the generator's pages";
        for section in ["stakeholders", "regions"] {
            let path = PortalPath::section(section);
            self.page(prefix, PageKind::Terms, &path, generator);
        }
        for kind in StakeholderType::ALL {
            let count = crate::model::Index::get(&index.by_stakeholder_type, kind).len();
            let path = PortalPath::stakeholder_type(kind.id());
            self.listing(prefix, &path, count, generator);
        }
        for region in Region::ALL {
            let count = crate::model::Index::get(&index.by_region, region).len();
            self.listing(prefix, &PortalPath::region(region.id()), count, generator);
        }
    }

    /// The CSV of every chart written in Markdown on the portal's pages (its home, report,
    /// contributions and policy notes, in the portal's language).
    fn block_charts(&mut self, site: &Site, prefix: &Prefix, year: i32, language: &str) {
        for (file, body) in portal_bodies(site, year, language) {
            for source in chart_sources(body) {
                let name = super::visuals::block_chart_name(&source);
                let csv = PortalPath::chart_csv(&name).in_portal(prefix).file();
                // One chart may appear on several pages: its CSV is the same file.
                if !self.plan.entries.contains_key(&csv) {
                    self.add(csv, Producer::BlockChartCsv(source), file);
                }
            }
        }
    }

    /// The files at the site root: front doors, the missing-page page, theme statics,
    /// datasets, open data, feeds, sitemap and robots.txt.
    fn site_files(&mut self, site: &Site, theme: &Theme) {
        let generator = "the generator's pages";
        if site.current_edition().is_some() {
            for language in &site.config.languages {
                let door = Prefix::language(site, language);
                let page = Producer::Page(PageKind::Home, door.home());
                self.add(door.home().file(), page, "content/_index.md");
            }
            let not_found = SitePath::root_file("404.html");
            let page = Producer::Page(PageKind::NotFound, not_found.clone());
            self.add(not_found.file(), page, generator);
        }
        for file in &theme.statics {
            let (path, producer) = match file {
                ThemeStatic::Embedded { output_path, .. } => (output_path, Producer::ThemeStatic),
                ThemeStatic::Site(file) => (&file.output_path, Producer::ThemeStatic),
            };
            let producer = match path.as_str() {
                "style.css" => Producer::Stylesheet,
                "search.js" => Producer::SearchScript,
                _ => producer,
            };
            let claim = format!("the theme `{}`", site.config.theme);
            self.add(path.clone(), producer, claim);
        }
        for dataset in &site.datasets {
            let claim = format!("content/data/datasets/{}.csv", dataset.name);
            self.add(
                SitePath::dataset(&dataset.name).file(),
                Producer::Dataset,
                claim,
            );
        }
        for edition in &site.editions {
            for extension in ["json", "csv"] {
                let path = SitePath::contributions_data(edition.year, extension);
                self.add(path.file(), Producer::OpenData, "the generator's open data");
            }
            let feed = SitePath::edition_feed(edition.year);
            self.add(feed.file(), Producer::Feed, "the generator's feeds");
        }
        for objective in &site.objectives {
            let feed = SitePath::objective_feed(&objective.slug());
            self.add(feed.file(), Producer::Feed, "the generator's feeds");
        }
        self.add(
            "sitemap.xml".to_owned(),
            Producer::Sitemap,
            "the generator's sitemap",
        );
        self.add(
            "robots.txt".to_owned(),
            Producer::Robots,
            "the generator's robots.txt",
        );
    }

    /// The site's own files. They may replace a theme's static file (an image, a font, the
    /// stylesheet, to which the charts' classes are still appended), but never a file the
    /// generator makes, and never add a file inside a portal or a
    /// language's folder, which belong to the generator.
    fn assets(&mut self, site: &Site) {
        let portal_folders: Vec<String> = site
            .editions
            .iter()
            .map(|edition| format!("{}/", edition.year))
            .chain(
                site.config
                    .languages
                    .iter()
                    .filter(|language| **language != site.config.default_language)
                    .map(|language| format!("{language}/")),
            )
            .collect();
        for asset in &site.assets {
            let file = &asset.output_path;
            let claim = format!("assets/{file}");
            if let Some(folder) = portal_folders.iter().find(|f| file.starts_with(f.as_str())) {
                self.problems.push(asset_in_portal(&claim, folder));
                continue;
            }
            let entry = self.plan.entries.get(file).map(|entry| &entry.producer);
            if entry == Some(&Producer::Stylesheet) {
                // The site's own stylesheet: written in the theme's place, with the charts'
                // classes appended (`Renderer::statics`), like a site theme's style.css.
                continue;
            }
            let replaceable = entry == Some(&Producer::ThemeStatic);
            if replaceable {
                self.plan.entries.remove(file);
            }
            self.add(file.clone(), Producer::Asset, claim);
        }
    }
}

/// Two claims on one output file.
fn collision(file: &str, first: &str, second: &str) -> Diagnostic {
    let (input, other) = if second.starts_with("assets/") || second.starts_with("content/") {
        (second, first)
    } else {
        (first, second)
    };
    let input_file = input.split(" (").next().unwrap_or(input);
    Diagnostic::error(
        input_file.to_owned(),
        format!("`/{file}` is claimed twice: by {input} and by {other}"),
    )
    .with_hint("rename or remove one of them; every address of the portal has one source")
}

fn asset_in_portal(claim: &str, folder: &str) -> Diagnostic {
    Diagnostic::error(
        claim.to_owned(),
        format!("this file would add to `/{folder}`, a folder the generator makes"),
    )
    .with_hint("put the file outside the edition and language folders, e.g. in assets/files/")
}

/// The bodies shown on the pages of the portal of `year` in `language`, with their files.
fn portal_bodies<'s>(
    site: &'s Site,
    year: i32,
    language: &'s str,
) -> Vec<(&'s str, &'s crate::model::Markdown)> {
    let localized = |text: crate::model::Localizable<'s>| {
        let body = text
            .translations
            .iter()
            .find(|translation| translation.language == language && text.language != language)
            .map_or(text.body, |translation| &translation.body);
        (body.file.as_str(), body)
    };
    let default = site.config.default_language.as_str();
    let page = |page: &'s crate::model::Page| {
        localized(crate::model::Localizable {
            title: &page.title,
            body: &page.body,
            language: default,
            translations: &page.translations,
        })
    };
    let mut bodies = vec![page(&site.home)];
    for report in site.reports.iter().filter(|report| report.year == year) {
        bodies.push(page(&report.front));
        bodies.extend(report.chapters.iter().map(page));
    }
    let contributions = crate::model::Index::get(&site.index.by_edition, &year)
        .iter()
        .filter_map(|position| site.contributions.get(*position));
    bodies.extend(contributions.map(|c| localized(c.localizable())));
    let notes = site.policy_notes.iter().filter(|note| note.edition == year);
    bodies.extend(notes.map(|note| localized(note.localizable(default))));
    bodies
}

/// The sources of the ```` ```chart ```` blocks of `body`, as the Markdown converter
/// hands them to the chart renderer. Bodies without such a fence are not parsed.
fn chart_sources(body: &crate::model::Markdown) -> Vec<String> {
    if !body.text.contains("chart") {
        return Vec::new();
    }
    let mut sources = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(&body.text, crate::markdown::options()) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(language)))
                if &*language == "chart" =>
            {
                current = Some(String::new());
            }
            Event::Text(text) => {
                if let Some(source) = current.as_mut() {
                    source.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => sources.extend(current.take()),
            _ => {}
        }
    }
    sources
}
