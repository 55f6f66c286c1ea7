//! The page plan: every file the portal has, computed from the model before anything
//! renders.
//!
//! Each entry is an output file (`2025/contributions/x/index.html`, `feeds/2025.xml`) with
//! what produces it, typed down to what it shows (a page's portal and [`Subject`]: the
//! contribution, objective, listing page…), and which input claims it, so that one entry
//! is rendered from itself (`render::entries`). The plan answers the questions that used to
//! be side effects of rendering in a fixed order: which pages go in the sitemap, whether a
//! page exists in another edition (for the edition switcher), whether a file of `assets/`
//! would replace or add a generated file, and, for `serve`, whether a requested path exists
//! at all. Two claims on one file are errors naming both, found before rendering.
//!
//! Architecture invariant: the renderer writes exactly the plan's files (tested on the
//! bundled portal and the fixtures), so the plan is the one list of what a build makes.

use std::collections::BTreeMap;

mod bodies;
mod builder;

use super::templates::{Theme, ThemeStatic};
use super::{Prepared, PAGE_SIZE};
use crate::diagnostic::Diagnostic;
use crate::markdown::PageIndex;
use crate::model::{
    ActionId, Edition, ForumId, Language, ObjectiveId, Region, Site, Slug, StakeholderType,
};
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

/// An edition × language portal: its year and its language.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PortalId {
    pub year: i32,
    pub language: Language,
}

/// What a page shows, beside the portal it belongs to. Records are named by their ids or
/// slugs, so that a page is rendered from its entry alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The portal's home.
    Home,
    /// The portal's home shown at its language's root (`/`, `/fr/`).
    FrontDoor,
    /// The page servers show for a missing address, at the site root.
    NotFound,
    /// The front page of the edition's report.
    Report,
    /// The whole report on one printable page.
    Print,
    /// A chapter of the edition's report, by its place in the report.
    Chapter(usize),
    /// A contribution's page, by slug (not by its place in the site's list, which a new
    /// date changes without changing the plan).
    Contribution(Slug),
    /// The redirect from a contribution's old address: its slug and the alias's place
    /// among its aliases.
    Alias {
        slug: Slug,
        alias: usize,
    },
    PolicyNotes,
    /// A policy note's page, by slug.
    PolicyNote(String),
    Objectives,
    /// An objective's page, by id.
    Objective(ObjectiveId),
    Forums,
    /// The index of stakeholder types or of regions.
    Terms(Facet),
    /// Page `number` (from 1) of a listing.
    Listing(Listed, usize),
    /// The progress page and gap map.
    Progress,
    /// "What changed" since the previous edition.
    Changes,
    Search,
}

/// The indexes of terms the portal has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Stakeholders,
    Regions,
}

impl Facet {
    /// The section of the portal the index is (`stakeholders`, `regions`).
    pub fn section(self) -> &'static str {
        match self {
            Facet::Stakeholders => "stakeholders",
            Facet::Regions => "regions",
        }
    }
}

/// Which contributions a listing lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Listed {
    /// All the edition's contributions.
    All,
    /// Those on an objective, by id.
    Objective(ObjectiveId),
    /// Those reporting on an action: the objective's id and the action's.
    Action(ObjectiveId, ActionId),
    /// Those at a forum, by id.
    Forum(ForumId),
    StakeholderType(StakeholderType),
    Region(Region),
}

/// An HTML page of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedPage {
    pub kind: PageKind,
    /// Its path from the site root.
    pub path: SitePath,
    /// The portal whose renderer makes it (for the front doors and the missing page, the
    /// current edition's in their language).
    pub portal: PortalId,
    pub subject: Subject,
}

/// A chart a portal draws itself, whose numbers it publishes as CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortalChart {
    /// One of the portal's figures, by its name in `visuals::FIGURE_NAMES`.
    Figure(&'static str),
    /// The actions of an objective, by the objective's id.
    Actions(ObjectiveId),
    /// "What changed": contributions per objective in this edition and the previous one.
    Changes,
}

/// Which contributions an Atom feed has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedOf {
    Edition(i32),
    /// An objective's, by id.
    Objective(ObjectiveId),
}

/// What produces a file of the plan, with what the file shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Producer {
    /// An HTML page.
    Page(PlannedPage),
    /// A portal's search index: this file and every file under the folder.
    SearchIndex(PortalId),
    /// The numbers of a chart drawn by the portal.
    ChartCsv(PortalId, PortalChart),
    /// The numbers of a chart written in Markdown; its source is the block's YAML.
    BlockChartCsv(PortalId, String),
    Feed(FeedOf),
    /// An edition's contributions as open data: the year and the format (`json`, `csv`).
    OpenData(i32, &'static str),
    Sitemap,
    Robots,
    /// The theme's stylesheet with the charts' classes appended.
    Stylesheet,
    /// The theme's search script, which reads the index this version of the generator writes.
    SearchScript,
    /// A theme's static file, copied or embedded; a site's asset may take its place.
    ThemeStatic,
    /// A dataset of `content/data/datasets/`, by name.
    Dataset(String),
    /// A file of `assets/`, copied as is.
    Asset,
}

impl Producer {
    /// The page this entry is, if it is one.
    pub fn page(&self) -> Option<&PlannedPage> {
        match self {
            Producer::Page(page) => Some(page),
            _ => None,
        }
    }
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
        let mut builder = builder::Builder::default();
        builder.plan.portals = site
            .editions
            .iter()
            .map(|edition| {
                let prefix = Prefix::portal(site, edition.year, &site.config.default_language);
                (edition.year, prefix.as_str().to_owned())
            })
            .collect();
        let charts = bodies::BodyCharts::of(site);
        for edition in &site.editions {
            for language in &site.config.languages {
                builder.portal((site, prepared, &charts), edition, language);
            }
        }
        builder.site_files(site, theme);
        builder.assets(site);
        (builder.plan, builder.problems)
    }

    /// The entry of the output file `file`, or of the folder entry that produces it.
    pub fn get(&self, file: &str) -> Option<&Entry> {
        self.entry_of(file).map(|(_, entry)| entry)
    }

    /// The entry that produces the output file `file`, with the entry's own file (for a
    /// file of a folder entry, such as a search index's shard, the folder's entry).
    pub fn entry_of(&self, file: &str) -> Option<(&str, &Entry)> {
        if let Some((own, entry)) = self.entries.get_key_value(file) {
            return Some((own.as_str(), entry));
        }
        let owner = file
            .match_indices('/')
            .find_map(|(end, _)| self.folders.get(&file[..=end]))?;
        let (own, entry) = self.entries.get_key_value(owner)?;
        Some((own.as_str(), entry))
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
                Producer::Page(page) if page.kind.in_sitemap() => Some(&page.path),
                _ => None,
            })
            .collect();
        pages.sort();
        pages
    }

    /// Whether `file` is a Markdown chart's CSV, and its chart's source.
    pub fn block_chart(&self, file: &str) -> Option<&str> {
        match &self.entries.get(file)?.producer {
            Producer::BlockChartCsv(_, source) => Some(source),
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
            Some(Producer::Page(_))
        )
    }

    fn pages(&self, year: i32) -> Vec<&str> {
        let Some(prefix) = self.portals.get(&year) else {
            return Vec::new();
        };
        self.under(prefix)
            .filter(|(_, entry)| matches!(entry.producer, Producer::Page(_)))
            .filter_map(|(file, _)| {
                file.strip_prefix(prefix.as_str())?
                    .strip_suffix("index.html")
            })
            .collect()
    }
}
