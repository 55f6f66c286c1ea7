//! Portals: the site is one complete portal per edition and language.
//!
//! An edition is cited for years, so each one lives under its own stable prefix (`2025/`),
//! and each language under its own prefix before it (`fr/2025/`; the default language has
//! none). Inside a portal every page has the same path (`contributions/x/`), so templates
//! and Markdown link relative to the portal's root and never need to know which edition
//! or language they are in. The site root (`/`, `/fr/`) is the front door: the newest
//! published edition's home page.
//!
//! This module knows how that space is navigated: a page's counterpart in another
//! edition (for the edition switcher: the same page if the page plan has it there, a
//! related contribution, or else the nearest section page), and the switchers' and
//! `hreflang` alternates' views. Prefixes and paths are made in `urls`.

use std::collections::HashMap;

use serde::Serialize;

use super::plan::Plan;
use crate::markdown::PageIndex;
use crate::model::{Contribution, Contributions, Edition, Language, Site, Slug};
use crate::urls::{PortalPath, Prefix, SitePath};

/// Which contributions live in which edition, and which follow up on which, to find a
/// contribution's counterpart in another edition. The contributions themselves are
/// looked up by slug in the site's list (shared, not copied), so that `serve` makes
/// this again after a save without going over every contribution's strings.
pub struct Editions {
    contributions: Contributions,
    /// The contributions that update each one (`updates:`), by the updated slug.
    followed_by: HashMap<Slug, Vec<Slug>>,
    /// Years that have a previous edition (a "what changed" page).
    compared: Vec<i32>,
}

impl Editions {
    pub fn new(site: &Site) -> Self {
        let mut followed_by: HashMap<Slug, Vec<Slug>> = HashMap::new();
        for contribution in site.contributions.linked() {
            if let Some(updated) = &contribution.updates {
                followed_by
                    .entry(updated.clone())
                    .or_default()
                    .push(contribution.slug.clone());
            }
        }
        let first = site.editions.iter().map(|edition| edition.year).min();
        Editions {
            contributions: site.contributions.clone(),
            followed_by,
            compared: site
                .editions
                .iter()
                .map(|edition| edition.year)
                .filter(|year| Some(*year) != first)
                .collect(),
        }
    }

    /// The position in the site's list of the contribution `slug`.
    pub fn position(&self, slug: &str) -> Option<usize> {
        self.contributions.position(slug)
    }

    /// The contribution that `contribution` follows up (`updates:`), and those that follow it up.
    pub fn related<'s>(
        &self,
        site: &'s Site,
        contribution: &Contribution,
    ) -> (Option<&'s Contribution>, Vec<&'s Contribution>) {
        let by_slug = |slug: &str| site.contributions.by_slug(slug);
        let follows = contribution
            .updates
            .as_ref()
            .and_then(|slug| by_slug(slug.as_str()));
        let followed_by = self
            .followed_by
            .get(&contribution.slug)
            .into_iter()
            .flatten()
            .filter_map(|slug| by_slug(slug.as_str()))
            .collect();
        (follows, followed_by)
    }

    /// The path, in edition `year`'s portal, of the page nearest to `path` (a path inside a
    /// portal): the same page if that edition has it, a contribution's follow-up or the
    /// contribution it follows, or else the nearest section page above it.
    pub fn counterpart(&self, plan: &Plan, year: i32, path: &str) -> String {
        if let Some(slug) = contribution_slug(path) {
            if let Some(related) = self.related_contribution(slug, year) {
                return PortalPath::contribution(related).into();
            }
        }
        let mut candidate = path.to_owned();
        while !exists(plan, year, &candidate) {
            candidate = parent(&candidate);
        }
        candidate
    }

    /// `slug` itself if it is in edition `year`, else a contribution of `year` that it
    /// follows up or that follows it up.
    fn related_contribution(&self, slug: &str, year: i32) -> Option<&Slug> {
        let in_year = |candidate: &str| {
            self.contributions
                .by_slug(candidate)
                .is_some_and(|contribution| contribution.edition == year)
        };
        if in_year(slug) {
            return self.contributions.by_slug(slug).map(|itself| &itself.slug);
        }
        let followers = self.followed_by.get(slug).into_iter().flatten();
        if let Some(follower) = followers.into_iter().find(|s| in_year(s.as_str())) {
            return Some(follower);
        }
        self.contributions
            .by_slug(slug)
            .and_then(|contribution| contribution.updates.as_ref())
            .filter(|updated| in_year(updated.as_str()))
    }

    /// Whether edition `year` has a previous one to compare with (a "what changed" page).
    pub fn has_changes(&self, year: i32) -> bool {
        self.compared.contains(&year)
    }
}

/// Whether the portal of edition `year` has the page at `path`, as the plan says. A page
/// of a paginated listing (`…/page/2/`) has other contributions in another edition, so it
/// is never its counterpart.
fn exists(plan: &Plan, year: i32, path: &str) -> bool {
    path.is_empty() || (!path.contains("/page/") && PageIndex::has_page(plan, year, path))
}

/// The slug of a contribution page's path, `contributions/<slug>/`.
fn contribution_slug(path: &str) -> Option<&str> {
    let slug = path.strip_prefix("contributions/")?.strip_suffix('/')?;
    (!slug.is_empty() && !slug.contains('/') && slug != "page").then_some(slug)
}

/// `a/b/` → `a/`; `a/` → ``.
fn parent(path: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(position) => trimmed[..=position].to_owned(),
        None => String::new(),
    }
}

/// One entry of a switcher (edition or language).
#[derive(Serialize, Clone)]
pub struct SwitchLink {
    /// The edition's year or the language's code.
    pub id: String,
    /// What readers see: the year, or the language's own name.
    pub label: String,
    /// Relative link from the current page.
    pub href: String,
    /// Absolute URL (for `hreflang` alternates).
    pub url: String,
    pub current: bool,
    /// The edition's status, e.g. `open` (for the draft marker).
    pub status: String,
}

/// The edition switcher of the page at `path` in edition `edition`'s portal, with links
/// relative to `asset_root` (the site root seen from the page).
pub fn edition_links(
    site: &Site,
    (editions, plan): (&Editions, &Plan),
    current: &Edition,
    language: &Language,
    path: &str,
    asset_root: &str,
) -> Vec<SwitchLink> {
    let mut years: Vec<&Edition> = site.editions.iter().collect();
    years.sort_by_key(|edition| std::cmp::Reverse(edition.year));
    years
        .into_iter()
        .map(|edition| {
            let counterpart = editions.counterpart(plan, edition.year, path);
            let target = PortalPath::from_raw(&counterpart).in_portal(&Prefix::portal(
                site,
                edition.year,
                language,
            ));
            SwitchLink {
                id: edition.year.to_string(),
                label: edition.year.to_string(),
                href: format!("{asset_root}{target}"),
                url: target.absolute(&site.config.base_url),
                current: edition.year == current.year,
                status: edition.status.id().to_owned(),
            }
        })
        .collect()
}

/// The language switcher (and `hreflang` alternates) of the page at `path` in the portal
/// of edition `year`: every language has every page, translated or with a fallback note.
/// `front_door` pages link to the other languages' front doors; `autonym` names a language
/// in itself.
pub fn language_links(
    site: &Site,
    (year, language): (i32, &Language),
    path: &str,
    asset_root: &str,
    front_door: bool,
    autonym: impl Fn(&str) -> String,
) -> Vec<SwitchLink> {
    site.config
        .languages
        .iter()
        .map(|other| {
            let target: SitePath = if front_door {
                Prefix::language(site, other).home()
            } else {
                PortalPath::from_raw(path).in_portal(&Prefix::portal(site, year, other))
            };
            SwitchLink {
                id: other.to_string(),
                label: autonym(other.as_str()),
                href: format!("{asset_root}{target}"),
                url: target.absolute(&site.config.base_url),
                current: other == language,
                status: String::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_climb_one_section_at_a_time() {
        assert_eq!(parent("objectives/a/a-1/"), "objectives/a/");
        assert_eq!(parent("objectives/"), "");
        assert_eq!(parent(""), "");
    }

    #[test]
    fn contribution_paths_are_recognised_but_not_pagination() {
        assert_eq!(contribution_slug("contributions/x/"), Some("x"));
        assert_eq!(contribution_slug("contributions/page/2/"), None);
        assert_eq!(contribution_slug("contributions/"), None);
    }
}
