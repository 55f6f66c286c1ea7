//! What templates see: small serializable views of the model.
//!
//! Architecture invariant: templates see only these views, never the model, and every
//! string here is plain text that the template engine escapes, except fields named
//! `*_html`, which hold HTML produced by `markdown` (already safe). Links are relative to
//! the page (`root` + path), so the site works under any base path.

use serde::Serialize;

use crate::model::{
    self, ActionId, Contribution, Edition, Forum, Language, Objective, ObjectiveId, PolicyNote,
    Site,
};

use crate::urls::{self, PortalPath};

/// Site-wide values, put once in the template engine's global context.
#[derive(Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: Option<String>,
    pub base_url: String,
    pub language: Language,
    pub repository: Option<String>,
    pub editions: Vec<EditionView>,
    pub current_edition: Option<i32>,
    /// True when the site's assets hold `favicon.svg`, linked from every page.
    pub favicon: bool,
}

#[derive(Clone, Serialize)]
pub struct EditionView {
    pub year: i32,
    /// The reporting period, as `YYYY-MM-DD` (templates write them with `| date`).
    pub from: String,
    pub to: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub has_report: bool,
    pub contributions: usize,
    pub published_on: Option<String>,
    pub errata: Vec<ErratumView>,
}

/// A correction to a published edition.
#[derive(Clone, Serialize)]
pub struct ErratumView {
    pub date: String,
    pub description: String,
}

impl SiteView {
    pub fn new(site: &Site) -> Self {
        SiteView {
            title: site.config.title.clone(),
            description: site.config.description.clone(),
            base_url: site.config.base_url.clone(),
            language: site.config.default_language.clone(),
            repository: site.config.repository.clone(),
            editions: site
                .editions
                .iter()
                .map(|edition| EditionView::new(site, edition))
                .collect(),
            current_edition: site.current_edition().map(|edition| edition.year),
            favicon: site
                .assets
                .iter()
                .any(|asset| asset.output_path == "favicon.svg"),
        }
    }
}

impl EditionView {
    pub fn new(site: &Site, edition: &Edition) -> Self {
        EditionView {
            year: edition.year,
            from: edition.from.to_string(),
            to: edition.to.to_string(),
            status: edition.status.id(),
            status_label: edition.status.label(),
            has_report: site
                .reports
                .iter()
                .any(|report| report.year == edition.year),
            contributions: site.index.by_edition.get(&edition.year).map_or(0, Vec::len),
            published_on: edition.published_on.clone(),
            errata: edition
                .errata
                .iter()
                .map(|erratum| ErratumView {
                    date: erratum.date.clone(),
                    description: erratum.description.clone(),
                })
                .collect(),
        }
    }
}

/// A reader-facing date, e.g. "14 March 2025".
pub fn format_date(date: chrono::NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// A number with thousands separators and at most two decimals, e.g. "4,200" or "12.5".
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let digits = format!("{}", value.abs() as u64);
        let mut grouped = String::new();
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        if value < 0.0 {
            grouped.insert(0, '-');
        }
        grouped
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// A labelled id, e.g. a stakeholder type or region with its URL.
#[derive(Clone, Serialize)]
pub struct Term {
    pub id: String,
    pub label: String,
    pub url: String,
    /// The language of `label` when it is not the portal's (an untranslated data text).
    pub lang: Option<Language>,
}

/// A contribution as it appears in listings.
#[derive(Clone, Serialize)]
pub struct ContributionSummary {
    pub title: String,
    pub url: String,
    pub stakeholder: String,
    pub stakeholder_type: &'static str,
    pub stakeholder_type_id: &'static str,
    pub region: &'static str,
    pub region_id: &'static str,
    pub date: String,
    pub date_iso: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub edition: i32,
    pub objectives: Vec<ObjectiveId>,
    pub illustrative: bool,
    /// A draft, shown only by `serve`'s preview (with a banner).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// The language the contribution is written in: its title, stakeholder name,
    /// indicators and links are shown in it (with a `lang` on other portals).
    pub language: Language,
}

impl ContributionSummary {
    pub fn new(contribution: &Contribution) -> Self {
        ContributionSummary {
            title: contribution.title.clone(),
            url: PortalPath::contribution(&contribution.slug).into(),
            stakeholder: contribution.stakeholder.name.clone(),
            stakeholder_type: contribution.stakeholder.kind.label(),
            stakeholder_type_id: contribution.stakeholder.kind.id(),
            region: contribution.region.label(),
            region_id: contribution.region.id(),
            date: format_date(contribution.date),
            date_iso: contribution.date.to_string(),
            status: contribution.status.id(),
            status_label: contribution.status.label(),
            edition: contribution.edition,
            objectives: contribution.objectives.clone(),
            illustrative: contribution.illustrative,
            draft: contribution.draft,
            language: contribution.language.clone(),
        }
    }
}

/// Everything shown on a contribution's own page.
#[derive(Serialize)]
pub struct ContributionView {
    pub summary: ContributionSummary,
    pub country: Option<String>,
    pub stakeholder_type: Term,
    pub region: Term,
    pub objectives: Vec<Term>,
    pub actions: Vec<ActionRef>,
    pub forums: Vec<Term>,
    pub sdgs: Vec<u8>,
    pub indicators: Vec<IndicatorView>,
    pub links: Vec<LinkView>,
    pub source: String,
    /// When the file last changed after it was first added (from git), as `YYYY-MM-DD`;
    /// readers see it as "last revised". The submission date is the front matter's `date`.
    pub revised: Option<String>,
    /// The earlier contribution this one reports progress on (`updates:`).
    pub follows: Option<RelatedView>,
    /// Later contributions that report progress on this one.
    pub followed_by: Vec<RelatedView>,
}

/// A link to a related contribution, possibly in another edition.
#[derive(Serialize)]
pub struct RelatedView {
    pub title: String,
    pub url: String,
    pub edition: i32,
    /// The language of `title` (the other contribution's).
    pub language: Language,
}

impl RelatedView {
    /// `other` as linked from a page of edition `from`'s portal.
    pub fn new(other: &Contribution, from: i32) -> Self {
        RelatedView {
            title: other.title.clone(),
            url: urls::contribution_from(&other.slug, other.edition, from),
            edition: other.edition,
            language: other.language.clone(),
        }
    }
}

#[derive(Serialize)]
pub struct ActionRef {
    pub id: String,
    pub text: String,
    pub url: String,
    /// The language of `text` when it is not the portal's (no translation).
    pub lang: Option<Language>,
}

#[derive(Serialize)]
pub struct IndicatorView {
    pub name: String,
    /// Written in the page's language by the template (`| number`).
    pub value: f64,
    pub unit: Option<String>,
    pub year: Option<i64>,
}

#[derive(Serialize)]
pub struct LinkView {
    pub title: String,
    pub url: String,
}

impl ContributionView {
    /// The view of `contribution`, with `follows` and `followed_by` its related contributions.
    pub fn new(
        site: &Site,
        contribution: &Contribution,
        follows: Option<&Contribution>,
        followed_by: &[&Contribution],
    ) -> Self {
        ContributionView {
            follows: follows.map(|other| RelatedView::new(other, contribution.edition)),
            followed_by: followed_by
                .iter()
                .map(|other| RelatedView::new(other, contribution.edition))
                .collect(),
            summary: ContributionSummary::new(contribution),
            country: contribution.stakeholder.country.clone(),
            stakeholder_type: stakeholder_type_term(contribution.stakeholder.kind),
            region: region_term(contribution.region),
            objectives: contribution
                .objectives
                .iter()
                .filter_map(|id| site.objective(id))
                .map(objective_term)
                .collect(),
            actions: contribution
                .actions
                .iter()
                .filter_map(|id| action_ref(site, id))
                .collect(),
            forums: contribution
                .forums
                .iter()
                .filter_map(|id| site.forum(id))
                .map(forum_term)
                .collect(),
            sdgs: contribution.sdgs.clone(),
            indicators: contribution
                .indicators
                .iter()
                .map(|indicator| IndicatorView {
                    name: indicator.name.clone(),
                    value: indicator.value,
                    unit: indicator.unit.clone(),
                    year: indicator.year,
                })
                .collect(),
            links: contribution
                .links
                .iter()
                .map(|link| LinkView {
                    title: link.title.clone(),
                    url: link.url.clone(),
                })
                .collect(),
            source: contribution.body.file.clone(),
            revised: contribution.provenance.as_ref().and_then(|provenance| {
                (provenance.last_commit != provenance.first_commit)
                    .then(|| provenance.last_date.clone())
            }),
        }
    }
}

pub fn action_ref(site: &Site, id: &ActionId) -> Option<ActionRef> {
    site.objectives.iter().find_map(|objective| {
        let action = objective.actions.iter().find(|action| action.id == *id)?;
        Some(ActionRef {
            id: action.id.to_string(),
            text: action.text.clone(),
            url: PortalPath::action(&objective.slug(), &action.slug()).into(),
            lang: action.text_lang.clone(),
        })
    })
}

pub fn objective_term(objective: &Objective) -> Term {
    Term {
        id: objective.id.to_string(),
        label: objective.title.clone(),
        url: PortalPath::objective(&objective.slug()).into(),
        lang: objective.title_lang.clone(),
    }
}

pub fn forum_term(forum: &Forum) -> Term {
    Term {
        id: forum.id.to_string(),
        label: forum.name.clone(),
        url: PortalPath::forum(&forum.id).into(),
        lang: forum.name_lang.clone(),
    }
}

pub fn stakeholder_type_term(kind: model::StakeholderType) -> Term {
    Term {
        id: kind.id().to_owned(),
        label: kind.label().to_owned(),
        url: PortalPath::stakeholder_type(kind.id()).into(),
        lang: None,
    }
}

pub fn region_term(region: model::Region) -> Term {
    Term {
        id: region.id().to_owned(),
        label: region.label().to_owned(),
        url: PortalPath::region(region.id()).into(),
        lang: None,
    }
}

/// An entry of an index page: a term with its number of contributions.
#[derive(Serialize)]
pub struct Count {
    pub term: Term,
    pub count: usize,
    /// Share of the largest count, in percent, for bar widths.
    pub percent: usize,
}

pub fn counts(terms: Vec<(Term, usize)>) -> Vec<Count> {
    let max = terms
        .iter()
        .map(|(_, count)| *count)
        .max()
        .unwrap_or(0)
        .max(1);
    terms
        .into_iter()
        .map(|(term, count)| Count {
            term,
            count,
            percent: count * 100 / max,
        })
        .collect()
}

/// A policy note in listings and on its page.
#[derive(Serialize)]
pub struct PolicyNoteView {
    pub title: String,
    pub url: String,
    pub date: String,
    pub date_iso: String,
    pub summary: Option<String>,
    pub author: Option<String>,
    pub edition: i32,
    pub objectives: Vec<Term>,
    pub forums: Vec<Term>,
    /// The language of `title`, and of `summary` (always the original's, the default
    /// language), for a `lang` where they differ from the portal's.
    pub language: Language,
    pub summary_language: Language,
}

impl PolicyNoteView {
    pub fn new(site: &Site, note: &PolicyNote) -> Self {
        PolicyNoteView {
            title: note.title.clone(),
            url: PortalPath::policy_note(&note.slug).into(),
            date: format_date(note.date),
            date_iso: note.date.to_string(),
            summary: note.summary.clone(),
            author: note.author.clone(),
            edition: note.edition,
            objectives: note
                .objectives
                .iter()
                .filter_map(|id| site.objective(id))
                .map(objective_term)
                .collect(),
            forums: note
                .forums
                .iter()
                .filter_map(|id| site.forum(id))
                .map(forum_term)
                .collect(),
            language: site.config.default_language.clone(),
            summary_language: site.config.default_language.clone(),
        }
    }
}

/// Navigation between the pages of a paginated listing.
#[derive(Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

impl Pagination {
    pub fn new(base: &PortalPath, current: usize, total: usize) -> Self {
        let page_url = |number: usize| String::from(base.page(number));
        let window =
            |number: usize| number == 1 || number == total || number.abs_diff(current) <= 2;
        Pagination {
            current,
            total,
            previous: (current > 1).then(|| page_url(current - 1)),
            next: (current < total).then(|| page_url(current + 1)),
            pages: (1..=total)
                .filter(|number| window(*number))
                .map(|number| PageLink {
                    number,
                    url: page_url(number),
                    current: number == current,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_trimmed() {
        assert_eq!(format_number(4200.0), "4,200");
        assert_eq!(format_number(1234567.0), "1,234,567");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(-3.0), "-3");
    }

    #[test]
    fn pagination_links_neighbours() {
        let pagination = Pagination::new(&PortalPath::section("contributions"), 3, 10);
        assert_eq!(
            pagination.previous.as_deref(),
            Some("contributions/page/2/")
        );
        assert_eq!(pagination.next.as_deref(), Some("contributions/page/4/"));
        let numbers: Vec<usize> = pagination.pages.iter().map(|page| page.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 10]);
        assert_eq!(pagination.pages[0].url, "contributions/");
    }
}
