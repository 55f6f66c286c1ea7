//! Stage 3, model: the typed report that `validate` builds and `render` reads.
//!
//! Architecture invariant: the model does no I/O and cannot fail. Every value here has
//! been checked: ids resolve, dates parse, enums are closed. Lists that reach the output
//! are kept in a fixed order (contributions newest first, then by slug) so that builds
//! are deterministic.

pub mod contributions;
pub mod files;
pub mod ids;
pub mod index;
pub mod translations;
pub mod vocabulary;

use chrono::NaiveDate;

pub use contributions::Contributions;
pub use ids::{ActionId, ForumId, Language, ObjectiveId, Slug};
pub use index::Index;
pub use translations::{DataTranslations, Field};
pub use vocabulary::{Actor, EditionStatus, ForumCategory, Region, StakeholderType, Status};

pub use files::{Provenance, StaticFile};

/// A whole site, ready to render.
#[derive(Clone, Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub editions: Vec<Edition>,
    pub objectives: Vec<Objective>,
    pub forums: Vec<Forum>,
    /// In display order. Shared, so that the copies of the site each language's portals
    /// read ([`Site::localized`]) and each edition's data records ([`Site::as_shown_in`])
    /// do not copy every contribution, nor does `serve`'s next version of the site.
    pub contributions: Contributions,
    /// Contributions marked `draft: true`: checked like the others, never rendered.
    pub drafts: Vec<Contribution>,
    pub policy_notes: Vec<PolicyNote>,
    pub home: Page,
    pub reports: Vec<Report>,
    pub datasets: Vec<Dataset>,
    /// The texts of `objectives` and `forums` in other languages (see [`Site::localized`]).
    pub translations: DataTranslations,
    /// The shared data files (objectives, forums, datasets and their translations),
    /// relative to the root.
    pub data_files: Vec<String>,
    pub assets: Vec<StaticFile>,
    pub index: Index,
}

/// The settings of `site.yaml`.
#[derive(Clone, Debug)]
pub struct SiteConfig {
    pub title: String,
    /// Always ends with `/`.
    pub base_url: String,
    pub default_language: Language,
    pub languages: Vec<Language>,
    pub theme: String,
    pub description: Option<String>,
    pub repository: Option<String>,
    /// The title and description in the site's other languages (`translations:`), by
    /// language; `Site::localized` puts them in place for that language's portals.
    pub translations: std::collections::BTreeMap<Language, SiteTexts>,
}

/// The site's own texts in one language; what is missing stays in the default language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteTexts {
    pub title: Option<String>,
    pub description: Option<String>,
}

/// One annual edition of the report and its reporting period.
#[derive(Clone, Debug)]
pub struct Edition {
    pub year: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub status: EditionStatus,
    /// The date of publication, from the edition's manifest.
    pub published_on: Option<String>,
    /// Corrections made after publication, oldest first.
    pub errata: Vec<ErratumNote>,
}

/// A correction to a published edition, as readers see it.
#[derive(Clone, Debug)]
pub struct ErratumNote {
    pub date: String,
    pub description: String,
    pub files: Vec<String>,
}

/// A Compact objective (A–H) and its actions.
#[derive(Clone, Debug)]
pub struct Objective {
    pub id: ObjectiveId,
    pub title: String,
    pub description: Option<String>,
    pub actions: Vec<Action>,
    /// The language of `title` when it is not the portal's (its translation is missing).
    pub title_lang: Option<Language>,
    /// The language of `description` when it is not the portal's.
    pub description_lang: Option<Language>,
    pub lifespan: Lifespan,
}

impl Objective {
    /// The URL segment of the objective: its id in lower case (`a` for A).
    pub fn slug(&self) -> String {
        self.id.as_str().to_lowercase()
    }
}

/// An action of an objective, such as `A.1`.
#[derive(Clone, Debug)]
pub struct Action {
    pub id: ActionId,
    pub actor: Actor,
    pub text: String,
    /// The language of `text` when it is not the portal's (its translation is missing).
    pub text_lang: Option<Language>,
    pub lifespan: Lifespan,
}

impl Action {
    /// The URL segment of the action (`a-1` for A.1).
    pub fn slug(&self) -> String {
        self.id.as_str().to_lowercase().replace('.', "-")
    }
}

/// A forum or body of the digital-cooperation architecture.
#[derive(Clone, Debug)]
pub struct Forum {
    pub id: ForumId,
    pub name: String,
    pub category: ForumCategory,
    pub host: Option<String>,
    pub since: Option<i64>,
    pub cadence: Option<String>,
    pub url: Option<String>,
    pub objectives: Vec<ObjectiveId>,
    pub description: Option<String>,
    /// The language of `name` when it is not the portal's (its translation is missing).
    pub name_lang: Option<Language>,
    /// The languages of `host`, `cadence` and `description` when not the portal's.
    pub host_lang: Option<Language>,
    pub cadence_lang: Option<Language>,
    pub description_lang: Option<Language>,
    pub lifespan: Lifespan,
}

impl Objective {
    /// Whether edition `year` shows this objective.
    pub fn shown_in(&self, year: i32) -> bool {
        self.lifespan.includes(year)
    }
}

impl Forum {
    /// Whether edition `year` shows this forum.
    pub fn shown_in(&self, year: i32) -> bool {
        self.lifespan.includes(year)
    }
}

/// The editions a data record appears in: data grows across editions without touching
/// the published ones (`added_in: 2026`), and a record a published edition shows is
/// retired for later editions rather than deleted (`removed_in: 2027`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lifespan {
    pub added_in: Option<i32>,
    pub removed_in: Option<i32>,
}

impl Site {
    /// The site as edition `year` shows it: only the objectives, actions and forums whose
    /// lifespan includes it (`added_in:`/`removed_in:`). `None` when that is all of them,
    /// so that sites which do not use lifespans pay nothing.
    pub fn as_shown_in(&self, year: i32) -> Option<Site> {
        let all_shown = self.forums.iter().all(|forum| forum.shown_in(year))
            && self.objectives.iter().all(|objective| {
                objective.shown_in(year)
                    && objective.actions.iter().all(|a| a.lifespan.includes(year))
            });
        if all_shown {
            return None;
        }
        let mut site = self.clone();
        site.forums.retain(|forum| forum.shown_in(year));
        site.objectives.retain(|objective| objective.shown_in(year));
        for objective in &mut site.objectives {
            objective
                .actions
                .retain(|action| action.lifespan.includes(year));
        }
        Some(site)
    }

    /// The site with its drafts among its contributions, as `serve` previews it and as
    /// `check` reads a draft's links (a draft may cite another draft). `None` when there
    /// is no draft.
    pub fn with_drafts(&self) -> Option<Site> {
        if self.drafts.is_empty() {
            return None;
        }
        let mut preview = self.clone();
        let drafts = std::mem::take(&mut preview.drafts);
        let drafts = drafts.into_iter().map(std::sync::Arc::new).collect();
        preview.contributions = preview.contributions.with_changes(&[], drafts);
        preview.index = Index::build(&preview.contributions);
        Some(preview)
    }
}

impl Lifespan {
    pub fn includes(self, year: i32) -> bool {
        self.added_in.is_none_or(|added| added <= year)
            && self.removed_in.is_none_or(|removed| year < removed)
    }
}

/// Markdown text and where it came from, for diagnostics about its content.
#[derive(Debug, Clone)]
pub struct Markdown {
    pub file: String,
    /// Shared, so that a copy of the model (which `serve` makes when a few contributions
    /// change) does not copy every body.
    pub text: std::sync::Arc<String>,
    /// Lines of the file before the Markdown's first line.
    pub line_offset: u64,
}

/// A translation of a document into another language.
#[derive(Clone, Debug)]
pub struct Translation {
    pub language: Language,
    pub title: String,
    pub body: Markdown,
}

/// A stakeholder's contribution.
#[derive(Clone, Debug)]
pub struct Contribution {
    pub slug: Slug,
    pub title: String,
    pub stakeholder: Stakeholder,
    pub region: Region,
    pub objectives: Vec<ObjectiveId>,
    pub actions: Vec<ActionId>,
    pub forums: Vec<ForumId>,
    pub sdgs: Vec<u8>,
    pub date: NaiveDate,
    pub status: Status,
    pub language: Language,
    pub edition: i32,
    pub indicators: Vec<Indicator>,
    pub links: Vec<Link>,
    pub illustrative: bool,
    pub summary: Option<String>,
    /// Former slugs, kept as redirects so old links keep working.
    pub aliases: Vec<Slug>,
    /// The slug of an earlier edition's contribution whose work this one reports progress on.
    pub updates: Option<Slug>,
    /// `draft: true`: such a contribution is in `Site::drafts`, never in
    /// `Site::contributions`, except in `serve`'s preview, whose pages show a banner.
    pub draft: bool,
    /// First submission and last revision, from git when the site is a repository.
    pub provenance: Option<Provenance>,
    pub body: Markdown,
    pub translations: Vec<Translation>,
}

#[derive(Clone, Debug)]
pub struct Stakeholder {
    pub name: String,
    pub kind: StakeholderType,
    pub country: Option<String>,
}

/// A quantitative result reported by a contribution.
#[derive(Clone, Debug)]
pub struct Indicator {
    pub name: String,
    pub value: f64,
    pub unit: Option<String>,
    pub year: Option<i64>,
}

/// A link whose URL has been checked to be `http`, `https` or `mailto`.
#[derive(Clone, Debug)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// A policy note of the Secretariat or of a stakeholder.
#[derive(Clone, Debug)]
pub struct PolicyNote {
    pub slug: String,
    pub title: String,
    pub date: NaiveDate,
    pub objectives: Vec<ObjectiveId>,
    pub forums: Vec<ForumId>,
    pub summary: Option<String>,
    pub author: Option<String>,
    pub edition: i32,
    pub body: Markdown,
    pub translations: Vec<Translation>,
}

/// A text and its translations, to pick the version in a reader's language.
pub struct Localizable<'a> {
    pub title: &'a str,
    pub body: &'a Markdown,
    /// The language `body` is written in.
    pub language: &'a Language,
    pub translations: &'a [Translation],
}

impl Contribution {
    pub fn localizable(&self) -> Localizable<'_> {
        Localizable {
            title: &self.title,
            body: &self.body,
            language: &self.language,
            translations: &self.translations,
        }
    }
}

impl PolicyNote {
    /// Policy notes are written in the site's default language, `default_language`.
    pub fn localizable<'a>(&'a self, default_language: &'a Language) -> Localizable<'a> {
        Localizable {
            title: &self.title,
            body: &self.body,
            language: default_language,
            translations: &self.translations,
        }
    }
}

/// A page of prose: the home page, a report's front page or a chapter.
#[derive(Clone, Debug)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub weight: i64,
    pub body: Markdown,
    pub translations: Vec<Translation>,
}

/// The annual report of one edition: a front page and ordered chapters.
#[derive(Clone, Debug)]
pub struct Report {
    pub year: i32,
    pub front: Page,
    pub chapters: Vec<Page>,
}

/// A table of figures from `content/data/datasets/`.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub name: String,
    pub file: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Site {
    pub fn objective(&self, id: &ObjectiveId) -> Option<&Objective> {
        self.objectives.iter().find(|objective| objective.id == *id)
    }

    pub fn forum(&self, id: &ForumId) -> Option<&Forum> {
        self.forums.iter().find(|forum| forum.id == *id)
    }

    pub fn edition(&self, year: i32) -> Option<&Edition> {
        self.editions.iter().find(|edition| edition.year == year)
    }

    /// The newest published edition, or the newest edition if none is published.
    pub fn current_edition(&self) -> Option<&Edition> {
        self.editions
            .iter()
            .filter(|edition| edition.status == EditionStatus::Published)
            .max_by_key(|edition| edition.year)
            .or_else(|| self.editions.iter().max_by_key(|edition| edition.year))
    }
}

#[cfg(test)]
impl Contribution {
    /// A contribution for unit tests: `slug`, by "Someone" (civil society), global,
    /// ongoing, in English, of 2025-03-01 and edition 2025, citing nothing, with an empty
    /// body. Tests set what they compare on with `..Contribution::example(slug)`.
    pub(crate) fn example(slug: &str) -> Contribution {
        Contribution {
            slug: Slug::new(slug),
            title: slug.to_owned(),
            stakeholder: Stakeholder {
                name: "Someone".to_owned(),
                kind: StakeholderType::CivilSociety,
                country: None,
            },
            region: Region::Global,
            objectives: Vec::new(),
            actions: Vec::new(),
            forums: Vec::new(),
            sdgs: Vec::new(),
            date: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap_or_default(),
            status: Status::Ongoing,
            language: Language::new("en"),
            edition: 2025,
            indicators: Vec::new(),
            links: Vec::new(),
            illustrative: false,
            summary: None,
            aliases: Vec::new(),
            updates: None,
            draft: false,
            provenance: None,
            body: Markdown {
                file: format!("content/contributions/{slug}.md"),
                text: std::sync::Arc::default(),
                line_offset: 0,
            },
            translations: Vec::new(),
        }
    }
}
