//! Every address the portal publishes, made in one place.
//!
//! The portal has two kinds of paths, and mixing them up is how links break: a
//! [`PortalPath`] is a page or file inside one portal (`contributions/x/`), the same in
//! every edition and language; a [`SitePath`] is a file from the site root
//! (`2025/contributions/x/`, `feeds/2025.xml`). A portal path becomes a site path only
//! through a [`Prefix`] (`2025/`, `fr/2025/`), and only a site path becomes an absolute
//! URL (canonical links, feeds, open data, JSON-LD) or an output file. Templates and views
//! get the paths as strings and link relative to `{{ root }}` or `{{ asset_root }}`.

use std::fmt;

use serde::Serialize;

use crate::model::{ForumId, Language, Site, Slug};

/// A page or file inside a portal, relative to the portal's root: `contributions/x/`,
/// `charts/by-region.csv`, or `` for the portal's home page.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct PortalPath(String);

impl PortalPath {
    /// The portal's home page.
    pub fn home() -> Self {
        PortalPath(String::new())
    }

    /// A section page with a fixed name (`objectives/`, `progress/`, `search/`…).
    pub fn section(name: &str) -> Self {
        PortalPath(format!("{name}/"))
    }

    /// A chapter of the edition's report.
    pub fn chapter(slug: &str) -> Self {
        PortalPath(format!("report/{slug}/"))
    }

    /// A contribution's page (or one of its aliases' redirect pages).
    pub fn contribution(slug: &Slug) -> Self {
        PortalPath(format!("contributions/{slug}/"))
    }

    /// A policy note's page.
    pub fn policy_note(slug: &str) -> Self {
        PortalPath(format!("policy-notes/{slug}/"))
    }

    /// An objective's page; its slug is its lowercase id.
    pub fn objective(slug: &str) -> Self {
        PortalPath(format!("objectives/{slug}/"))
    }

    /// The listing of all contributions on an objective.
    pub fn objective_contributions(slug: &str) -> Self {
        PortalPath(format!("objectives/{slug}/contributions/"))
    }

    /// The listing of an action of an objective.
    pub fn action(objective_slug: &str, action_slug: &str) -> Self {
        PortalPath(format!("objectives/{objective_slug}/{action_slug}/"))
    }

    /// A forum's listing.
    pub fn forum(id: &ForumId) -> Self {
        PortalPath(format!("forums/{id}/"))
    }

    /// A stakeholder type's listing.
    pub fn stakeholder_type(id: &str) -> Self {
        PortalPath(format!("stakeholders/{id}/"))
    }

    /// A region's listing.
    pub fn region(id: &str) -> Self {
        PortalPath(format!("regions/{id}/"))
    }

    /// Page `number` (1-based) of the listing at `self`: the first page is the listing itself.
    pub fn page(&self, number: usize) -> Self {
        if number <= 1 {
            self.clone()
        } else {
            PortalPath(format!("{}page/{number}/", self.0))
        }
    }

    /// The CSV of the chart called `name` (`by-region`, `chart-<hash>`).
    pub fn chart_csv(name: &str) -> Self {
        PortalPath(format!("charts/{name}.csv"))
    }

    /// A file of the portal's search index.
    pub fn search_file(name: &str) -> Self {
        PortalPath(format!("search/{name}"))
    }

    /// A path inside a portal as it is written, e.g. by the edition switcher.
    pub fn from_raw(path: &str) -> Self {
        PortalPath(path.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The relative path from this page back to the portal's root: `../../` or `./`.
    pub fn root(&self) -> String {
        root_of(&self.0)
    }

    /// This path in the portal at `prefix`.
    pub fn in_portal(&self, prefix: &Prefix) -> SitePath {
        SitePath(format!("{}{}", prefix.0, self.0))
    }
}

impl fmt::Display for PortalPath {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl From<PortalPath> for String {
    fn from(path: PortalPath) -> Self {
        path.0
    }
}

/// Where a portal, or a language's front door, lives from the site root: `2025/`,
/// `fr/2025/`, `fr/`, or `` (the default language's front door).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Prefix(String);

impl Prefix {
    /// The portal of edition `year` in `language`: `2025/` or `fr/2025/`.
    pub fn portal(site: &Site, year: i32, language: &Language) -> Self {
        Prefix(format!("{}{year}/", Prefix::language(site, language).0))
    }

    /// The site root itself, where the default language's front door and site-wide files live.
    pub fn site_root() -> Self {
        Prefix(String::new())
    }

    /// The front door of `language`: `` for the default language, `fr/` otherwise.
    pub fn language(site: &Site, language: &Language) -> Self {
        if *language == site.config.default_language {
            Prefix(String::new())
        } else {
            Prefix(format!("{language}/"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The prefix itself as a path from the site root (the portal's or front door's home).
    pub fn home(&self) -> SitePath {
        SitePath(self.0.clone())
    }
}

impl fmt::Display for Prefix {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

/// A page or file from the site root: `2025/contributions/x/`, `feeds/2025.xml`, `` (the
/// front door).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct SitePath(String);

impl SitePath {
    /// The Atom feed of an edition's contributions.
    pub fn edition_feed(year: i32) -> Self {
        SitePath(format!("feeds/{year}.xml"))
    }

    /// The Atom feed of an objective's contributions.
    pub fn objective_feed(objective_slug: &str) -> Self {
        SitePath(format!("feeds/objective-{objective_slug}.xml"))
    }

    /// An edition's contributions as open data, `extension` being `json` or `csv`.
    pub fn contributions_data(year: i32, extension: &str) -> Self {
        SitePath(format!("data/contributions-{year}.{extension}"))
    }

    /// A dataset's CSV.
    pub fn dataset(name: &str) -> Self {
        SitePath(format!("data/{name}.csv"))
    }

    /// A file at the site root with a fixed name: `sitemap.xml`, `robots.txt`,
    /// `style.css`, `404.html`.
    pub fn root_file(name: &str) -> Self {
        SitePath(name.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The absolute URL of this path on the site at `base_url` (which ends with `/`).
    pub fn absolute(&self, base_url: &str) -> String {
        format!("{base_url}{}", self.0)
    }

    /// The output file of this path: a page `x/` is written as `x/index.html`.
    pub fn file(&self) -> String {
        page_file(&self.0)
    }

    /// The relative path from this page back to the site root.
    pub fn root(&self) -> String {
        root_of(&self.0)
    }
}

impl fmt::Display for SitePath {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl From<SitePath> for String {
    fn from(path: SitePath) -> Self {
        path.0
    }
}

/// The output file of the page at `path`: `x/` → `x/index.html`; `404.html` and other
/// files stay as they are.
pub fn page_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    }
}

/// The relative path from the page at `path` (e.g. `contributions/x/`) to the folder
/// `path` is relative to.
pub fn root_of(path: &str) -> String {
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

/// The URL of the contribution `slug` of edition `edition`, relative to the root of edition
/// `from`'s portal: editions are sibling folders, so another edition's page is reached
/// through `../<year>/`.
pub fn contribution_from(slug: &Slug, edition: i32, from: i32) -> String {
    let path = PortalPath::contribution(slug);
    if edition == from {
        path.into()
    } else {
        format!("../{edition}/{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_written_as_index_files_and_other_files_as_they_are() {
        assert_eq!(
            page_file("2025/contributions/x/"),
            "2025/contributions/x/index.html"
        );
        assert_eq!(page_file(""), "index.html");
        assert_eq!(page_file("404.html"), "404.html");
        assert_eq!(
            page_file("2025/charts/by-region.csv"),
            "2025/charts/by-region.csv"
        );
    }

    #[test]
    fn roots_climb_one_folder_per_segment() {
        assert_eq!(PortalPath::contribution(&Slug::new("x")).root(), "../../");
        assert_eq!(PortalPath::home().root(), "./");
    }

    #[test]
    fn first_listing_page_is_the_listing() {
        let base = PortalPath::section("contributions");
        assert_eq!(base.page(1).as_str(), "contributions/");
        assert_eq!(base.page(3).as_str(), "contributions/page/3/");
    }

    #[test]
    fn portal_paths_reach_the_site_through_a_prefix() {
        let path =
            PortalPath::contribution(&Slug::new("x")).in_portal(&Prefix("fr/2025/".to_owned()));
        assert_eq!(
            path.absolute("https://e.org/"),
            "https://e.org/fr/2025/contributions/x/"
        );
    }

    #[test]
    fn other_editions_are_sibling_folders() {
        assert_eq!(
            contribution_from(&Slug::new("x"), 2025, 2025),
            "contributions/x/"
        );
        assert_eq!(
            contribution_from(&Slug::new("x"), 2025, 2026),
            "../2025/contributions/x/"
        );
    }
}
