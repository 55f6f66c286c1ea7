//! The pages of each edition's portal as the model implies them, for the bodies that are
//! never rendered.
//!
//! A rendered body's links are checked against `render`'s page plan, the one list of
//! what a build writes. A draft, a document whose front matter has errors, or any body of
//! a site with errors is not rendered, so no plan is made for it; its links are checked
//! here, against the pages the model implies (the URL list of `ARCHITECTURE.md`), and a
//! listing's later pages (`contributions/page/3/`) are accepted without counting: the
//! plan checks them exactly once the document is rendered. A test keeps this list equal
//! to the plan's pages (`tests/suite/plan.rs`).

use std::collections::{BTreeMap, BTreeSet};

use super::{PageIndex, SitePages};
use crate::model::{Region, Site, StakeholderType};
use crate::urls::PortalPath;

/// The pages of every edition's portal, from the model.
pub struct ModelPages {
    pages: BTreeMap<i32, BTreeSet<String>>,
}

impl ModelPages {
    /// The pages of `site`'s portals; `targets` (made from the same site) gives the
    /// documents' pages, so they are listed once.
    pub fn new(site: &Site, targets: &SitePages) -> Self {
        let pages = site
            .editions
            .iter()
            .map(|edition| (edition.year, edition_pages(site, edition.year, targets)))
            .collect();
        ModelPages { pages }
    }
}

impl PageIndex for ModelPages {
    fn has_page(&self, year: i32, path: &str) -> bool {
        let Some(pages) = self.pages.get(&year) else {
            return false;
        };
        if pages.contains(path) {
            return true;
        }
        let trimmed = path.trim_end_matches('/');
        match trimmed.rsplit_once("/page/") {
            Some((listing, number)) => {
                number.parse::<u32>().is_ok_and(|number| number >= 2)
                    && pages.contains(&format!("{listing}/"))
            }
            None => false,
        }
    }

    fn pages(&self, year: i32) -> Vec<&str> {
        self.pages
            .get(&year)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }
}

/// The pages of edition `year`'s portal (see the URL list in `ARCHITECTURE.md`).
fn edition_pages(site: &Site, year: i32, targets: &SitePages) -> BTreeSet<String> {
    let mut pages: BTreeSet<String> = [
        "",
        "contributions/",
        "objectives/",
        "forums/",
        "policy-notes/",
        "stakeholders/",
        "regions/",
        "progress/",
        "search/",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    if site.editions.iter().any(|edition| edition.year < year) {
        pages.insert("changes/".to_owned());
    }
    if site.reports.iter().any(|report| report.year == year) {
        pages.insert("print/".to_owned());
    }
    pages.extend(
        targets
            .document_pages()
            .filter(|(edition, _)| *edition == Some(year))
            .map(|(_, path)| path),
    );
    for contribution in site.contributions.iter().filter(|c| c.edition == year) {
        for alias in &contribution.aliases {
            pages.insert(PortalPath::contribution(alias).to_string());
        }
    }
    for objective in &site.objectives {
        let slug = objective.slug();
        pages.insert(PortalPath::objective(&slug).to_string());
        pages.insert(PortalPath::objective_contributions(&slug).to_string());
        for action in &objective.actions {
            pages.insert(PortalPath::action(&slug, &action.slug()).to_string());
        }
    }
    for forum in &site.forums {
        pages.insert(PortalPath::forum(&forum.id).to_string());
    }
    for kind in StakeholderType::ALL {
        pages.insert(PortalPath::stakeholder_type(kind.id()).to_string());
    }
    for region in Region::ALL {
        pages.insert(PortalPath::region(region.id()).to_string());
    }
    pages
}
