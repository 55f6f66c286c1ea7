//! What every page of a site needs, computed once per version of the site and kept by
//! `serve` between requests: each edition's index, which contributions follow up which,
//! and the site-wide view.

use std::collections::BTreeMap;

use super::portal;
use super::views::SiteView;
use crate::markdown;
use crate::model::{Language, Site};

/// What every page of a site needs, computed once per version of the site: each
/// edition's index and figures, the site-wide view. `serve` keeps it between requests, so rendering one page does not recompute it.
pub struct Prepared {
    pub(super) editions: BTreeMap<i32, EditionPrepared>,
    pub(super) related: portal::Editions,
    pub(super) site_view: SiteView,
    /// `site_view` as templates read it in each language (the site's title and
    /// description translated where site.yaml has `translations:`), made once for every page.
    pub(super) site_values: BTreeMap<Language, tera::Value>,
    /// What links in Markdown may point to.
    pub(super) link_targets: markdown::SitePages,
    /// The site as each language's portals show it (`Site::localized`), but the default's.
    pub(super) localized: BTreeMap<Language, Site>,
    /// The site as an edition's portal in a language shows it, where the edition leaves out
    /// data records (`Site::as_shown_in`); absent for the others.
    pub(super) shown: BTreeMap<(i32, Language), Site>,
}

/// One edition's contributions by facet.
pub(super) struct EditionPrepared {
    pub(super) index: crate::model::Index,
}

impl Prepared {
    /// Computes what every page needs. `serve` does this after each save. No part reads
    /// every contribution (each edition's index is taken from the site's, follow-ups
    /// from the contributions that name one), so the parts are computed one after the
    /// other: handing them to other threads cost more than they take, on a busy machine.
    pub fn new(site: &Site) -> Self {
        let editions = Prepared::editions(site);
        let related = portal::Editions::new(site);
        let localized = Prepared::localized(site);
        let site_view = SiteView::new(site);
        Prepared {
            editions,
            related,
            site_values: Prepared::site_values(site, &site_view, &localized),
            site_view,
            link_targets: markdown::SitePages::new(site),
            shown: Prepared::shown(site, &localized),
            localized,
        }
    }

    /// The site a portal renders: the language's, with the edition's data records.
    pub(super) fn site_for<'s>(
        &'s self,
        site: &'s Site,
        year: i32,
        language: &Language,
    ) -> &'s Site {
        let key = (year, language.clone());
        self.shown
            .get(&key)
            .unwrap_or_else(|| self.localized.get(language).unwrap_or(site))
    }

    fn shown(site: &Site, localized: &BTreeMap<Language, Site>) -> BTreeMap<(i32, Language), Site> {
        let portals: Vec<(i32, &Language)> = site
            .editions
            .iter()
            .flat_map(|e| site.config.languages.iter().map(move |l| (e.year, l)))
            .collect();
        portals
            .into_iter()
            .filter_map(|(year, language)| {
                let base = localized.get(language).unwrap_or(site);
                Some(((year, language.clone()), base.as_shown_in(year)?))
            })
            .collect()
    }

    /// The site-wide view as a template value per language: only the title and
    /// description differ from the default language's.
    fn site_values(
        site: &Site,
        view: &SiteView,
        localized: &BTreeMap<Language, Site>,
    ) -> BTreeMap<Language, tera::Value> {
        let default = tera::Value::from_serializable(view);
        site.config
            .languages
            .iter()
            .map(|language| {
                let value = match localized.get(language) {
                    Some(other)
                        if other.config.title != site.config.title
                            || other.config.description != site.config.description =>
                    {
                        tera::Value::from_serializable(&SiteView::new(other))
                    }
                    _ => default.clone(),
                };
                (language.clone(), value)
            })
            .collect()
    }

    /// The site-wide view as templates read it in `language`.
    pub(super) fn site_value(&self, language: &str) -> Option<&tera::Value> {
        self.site_values.get(language)
    }

    fn localized(site: &Site) -> BTreeMap<Language, Site> {
        site.config
            .languages
            .iter()
            .filter_map(|language| Some((language.clone(), site.localized(language)?)))
            .collect()
    }

    fn editions(site: &Site) -> BTreeMap<i32, EditionPrepared> {
        site.editions
            .iter()
            .map(|edition| {
                let index = edition_index(&site.index, &site.contributions, edition.year);
                (edition.year, EditionPrepared { index })
            })
            .collect()
    }
}

/// The contributions of edition `year` by facet: `index` (the site's) with the other
/// editions' contributions left out. The same as indexing the edition's contributions
/// (`portal::edition_index`), without reading every contribution again: which positions
/// belong to the edition is `index.by_edition`'s.
fn edition_index(
    index: &crate::model::Index,
    contributions: &crate::model::Contributions,
    year: i32,
) -> crate::model::Index {
    let mut in_edition = vec![false; contributions.len()];
    for &position in crate::model::Index::get(&index.by_edition, &year) {
        if let Some(slot) = in_edition.get_mut(position) {
            *slot = true;
        }
    }
    index.map_positions(|position| {
        let kept = in_edition.get(position).copied().unwrap_or(false);
        kept.then_some(position)
    })
}
