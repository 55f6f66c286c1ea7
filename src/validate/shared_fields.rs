//! What every kind of document is checked against and the fields they share: the ids
//! the data files define ([`Known`]), a document's slug, language and edition.
//!
//! Kept apart from `documents` (which dispatches on the kind) and `contribution` (the
//! richest kind) so that both use it and neither imports the other for it.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::diagnostic::did_you_mean;
use crate::load::raw::S;
use crate::load::{Document, DocumentKind, LANGUAGES};
use crate::model::{ActionId, Edition, ForumId, Language, ObjectiveId};

use super::checker::{is_valid_slug, Checker};
use super::renames::Renames;

/// The ids a document may refer to.
pub struct Known<'a> {
    pub objectives: BTreeSet<ObjectiveId>,
    pub actions: BTreeSet<ActionId>,
    pub forums: BTreeSet<ForumId>,
    /// `None` when site.yaml is invalid: documents are still checked, editions are not.
    pub editions: Option<&'a [Edition]>,
    /// The slugs of the site's contribution files, which `updates:` may name.
    pub contributions: ContributionSlugs<'a>,
    pub default_language: Language,
    /// The languages of site.yaml: translations must be in one of them.
    pub languages: Vec<Language>,
    /// Ids renamed after an edition was published, told apart from unknown ones.
    pub renames: Renames,
}

impl Known<'_> {
    /// The site's languages, for messages: `en, fr`.
    pub fn language_list(&self) -> String {
        let languages: Vec<&str> = self.languages.iter().map(Language::as_str).collect();
        languages.join(", ")
    }
}

/// The slugs of a site's contribution files, which `updates:` may name.
pub enum ContributionSlugs<'a> {
    /// Those of the documents being checked.
    Listed(BTreeSet<String>),
    /// Those of a served site's contributions and drafts, and of the files changed
    /// since: looked up in the site rather than copied, since there are thousands.
    Served {
        site: &'a crate::model::Site,
        changed: BTreeSet<String>,
    },
}

impl ContributionSlugs<'_> {
    pub fn contains(&self, slug: &str) -> bool {
        match self {
            ContributionSlugs::Listed(slugs) => slugs.contains(slug),
            ContributionSlugs::Served { site, changed } => {
                changed.contains(slug)
                    || site.contributions.by_slug(slug).is_some()
                    || site.drafts.iter().any(|draft| draft.slug == slug)
            }
        }
    }

    /// Every slug, in order, for "did you mean".
    pub fn all(&self) -> Vec<&str> {
        match self {
            ContributionSlugs::Listed(slugs) => slugs.iter().map(String::as_str).collect(),
            ContributionSlugs::Served { site, changed } => {
                let contributions = site.contributions.iter_by_slug().chain(&site.drafts);
                let mut slugs: Vec<&str> = contributions
                    .map(|contribution| contribution.slug.as_str())
                    .chain(changed.iter().map(String::as_str))
                    .collect();
                slugs.sort_unstable();
                slugs.dedup();
                slugs
            }
        }
    }
}

const OBJECTIVES_HINT: &str = "objectives are listed in content/data/objectives.yaml";
pub(super) const ACTIONS_HINT: &str =
    "actions are listed under each objective in content/data/objectives.yaml";
pub(super) const FORUMS_HINT: &str = "forums are listed in content/data/forums.yaml";

impl<'a> Known<'a> {
    /// The ids that the data files and site.yaml of a valid `site` define: the same that
    /// its documents were checked against, with the slugs of the contribution files
    /// `changed` since.
    pub fn of_site(site: &'a crate::model::Site, changed: BTreeSet<String>) -> Self {
        Known {
            objectives: site
                .objectives
                .iter()
                .map(|objective| objective.id.clone())
                .collect(),
            actions: site
                .objectives
                .iter()
                .flat_map(|objective| objective.actions.iter().map(|action| action.id.clone()))
                .collect(),
            forums: site.forums.iter().map(|forum| forum.id.clone()).collect(),
            editions: Some(&site.editions),
            contributions: ContributionSlugs::Served { site, changed },
            default_language: site.config.default_language.clone(),
            languages: site.config.languages.clone(),
            // A valid site names no id that is gone.
            renames: Renames::default(),
        }
    }

    pub(super) fn objectives_hint(&self) -> String {
        let ids: Vec<&str> = self.objectives.iter().map(ObjectiveId::as_str).collect();
        match (ids.first(), ids.last()) {
            (Some(first), Some(last)) if ids.len() > 2 => {
                format!("objectives are {first}–{last}, see content/data/objectives.yaml")
            }
            _ => OBJECTIVES_HINT.to_owned(),
        }
    }
}

pub(super) fn slug_of(document: &Document, check: &mut Checker) -> Option<String> {
    let slug = match &document.kind {
        DocumentKind::Contribution { slug } | DocumentKind::PolicyNote { slug } => slug.clone(),
        DocumentKind::Chapter { name, .. } => chapter_slug(name).to_owned(),
        DocumentKind::Home | DocumentKind::ReportFront { .. } => return Some(String::new()),
    };
    if is_valid_slug(&slug) {
        return Some(slug);
    }
    let suggestion = slug::slugify(&slug);
    let position = crate::diagnostic::Position::new(1, 1);
    check.error(
        position,
        format!("the file name `{slug}` cannot be used in a web address"),
        format!("rename the file with lowercase letters, digits and hyphens only, e.g. `{suggestion}.md`"),
    );
    None
}

pub(super) fn document_language(
    check: &mut Checker,
    language: Option<S<String>>,
    document: &Document,
    known: &Known,
) -> Option<Language> {
    if let Some(file_language) = &document.translation_of {
        if !known
            .languages
            .iter()
            .any(|known| known == file_language.as_str())
        {
            let position = crate::diagnostic::Position::new(1, 1);
            check.error(
                position,
                format!("this translation is in `{file_language}`, which is not one of the site's languages"),
                format!("add `{file_language}` to `languages` in site.yaml (now: {}), or remove the file", known.language_list()),
            );
        }
    }
    let Some(language) = language else {
        return Some(match &document.translation_of {
            Some(file_language) => Language::new(file_language.as_str()),
            None => known.default_language.clone(),
        });
    };
    if !LANGUAGES.contains(&language.value.as_str()) {
        let position = check.yaml.position_of(&language);
        let hint = match did_you_mean(&language.value, LANGUAGES.iter().copied()) {
            Some(suggestion) => format!(
                "did you mean `{suggestion}`? languages are: {}",
                LANGUAGES.join(", ")
            ),
            None => format!("languages are: {}", LANGUAGES.join(", ")),
        };
        check.error(
            position,
            format!("unknown language `{}`", language.value),
            hint,
        );
        return None;
    }
    if let Some(file_language) = &document.translation_of {
        if file_language != &language.value {
            let position = check.yaml.position_of(&language);
            check.error(
                position,
                format!(
                    "`language: {}` contradicts the file name, which says `{file_language}`",
                    language.value
                ),
                format!("write `language: {file_language}` or rename the file"),
            );
            return None;
        }
    }
    Some(Language::new(language.value))
}

/// The edition a dated document belongs to: the one it names, or the one whose period contains its date.
pub(super) fn edition_of(
    check: &mut Checker,
    named: Option<S<i64>>,
    date: NaiveDate,
    date_field: Option<&S<String>>,
    editions: &[Edition],
) -> Option<i32> {
    let years = || {
        editions
            .iter()
            .map(|edition| edition.year.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(named) = named {
        if let Some(edition) = editions
            .iter()
            .find(|edition| i64::from(edition.year) == named.value)
        {
            return Some(edition.year);
        }
        let position = check.yaml.position_of(&named);
        check.error(
            position,
            format!("there is no edition {}", named.value),
            format!("editions are listed in site.yaml: {}", years()),
        );
        return None;
    }
    if let Some(edition) = editions
        .iter()
        .find(|edition| edition.from <= date && date <= edition.to)
    {
        return Some(edition.year);
    }
    let position =
        date_field.map_or_else(|| check.yaml.start(), |field| check.yaml.position_of(field));
    let contiguous = editions
        .windows(2)
        .all(|pair| pair[0].to.succ_opt() == Some(pair[1].from));
    let span = match (editions.first(), editions.last()) {
        (Some(first), Some(last)) if contiguous => {
            format!("editions cover {} to {}", first.from, last.to)
        }
        (Some(_), Some(_)) => format!(
            "editions cover {}",
            editions
                .iter()
                .map(|edition| format!("{} to {}", edition.from, edition.to))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => "site.yaml defines no edition".to_owned(),
    };
    check.error(
        position,
        format!("no edition's reporting period contains {date}"),
        format!("{span}; correct the date or add `edition: <year>`"),
    );
    None
}

/// A chapter's URL segment: its file name without the ordering number (`01-overview` → `overview`).
pub fn chapter_slug(name: &str) -> &str {
    let without_digits = name.trim_start_matches(|c: char| c.is_ascii_digit());
    match without_digits.strip_prefix('-') {
        Some(rest) if !rest.is_empty() && without_digits.len() < name.len() => rest,
        _ => name,
    }
}
