//! What a document's links may point to: the pages of its portal, the other documents
//! (by their file), and the site's assets.
//!
//! The Markdown converter asks through the narrow [`LinkTargets`] trait only. Which pages
//! a portal has is answered by a [`PageIndex`]: `render`'s page plan, the one list of what
//! a build writes (paginated listings included), so a link is accepted exactly when the
//! build writes its page. [`SitePages`] adds the documents, assets and citations from the
//! model.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::model::{Contributions, Language, Site, Translation};
use crate::urls::PortalPath;

/// The pages, documents and assets a document's links may point to.
pub trait LinkTargets: Sync {
    /// False when nothing is known (an invalid site): links are then not checked.
    fn checks(&self) -> bool {
        true
    }
    /// Whether the portal has a page at `path` (`contributions/x/`; the home page is ``).
    fn has_page(&self, path: &str) -> bool;
    /// Every page path of the portal, for "did you mean".
    fn pages(&self) -> Vec<&str>;
    /// The page of the document at `file` (`content/contributions/x.md`), as a path from
    /// the portal's root (`contributions/x/`, or `../2025/contributions/x/` in another edition).
    fn document_page(&self, file: &str) -> Option<String>;
    /// Every document file, for "did you mean".
    fn documents(&self) -> Vec<&str>;
    /// The page named by its content path, as Zola and Hugo users write it
    /// (`report/2025/`, `report/2025/overview/`), as a path from the portal's root.
    fn content_page(&self, path: &str) -> Option<String>;
    /// The file behind the asset at `path` (`assets/images/map.png`), if the site has it.
    fn asset(&self, path: &str) -> Option<PathBuf>;
    /// Every asset path (`assets/…`), for "did you mean".
    fn assets(&self) -> Vec<&str>;
    /// The site's root seen from the portal's root (`../`, `../../`).
    fn site_root(&self) -> &str;
    /// What a citation of `kind` (`action`, `objective`, `forum`, `contribution`,
    /// `policy-note`) with `id` links to, in the portal's language.
    fn citation(&self, kind: &str, id: &str) -> Option<Citation>;
    /// Every id of `kind`, for "did you mean".
    fn citation_ids(&self, kind: &str) -> Vec<&str>;
}

/// The pages of each edition's portal: `render`'s page plan implements it.
pub trait PageIndex: Sync {
    /// Whether the portal of edition `year` has a page at `path` (`contributions/x/`).
    fn has_page(&self, year: i32, path: &str) -> bool;
    /// Every page path of the portal of edition `year`, for "did you mean".
    fn pages(&self, year: i32) -> Vec<&str>;
}

/// The link a citation becomes.
#[derive(Debug, PartialEq)]
pub struct Citation {
    /// The cited page, from the portal's root.
    pub path: String,
    /// The link's text: the title in the portal's language where there is one.
    pub text: String,
    /// A longer description, shown on hover (an action's text).
    pub title: Option<String>,
}

/// Nothing is known: links are made safe but not checked (used before the site is valid).
pub struct Unchecked;

impl LinkTargets for Unchecked {
    fn checks(&self) -> bool {
        false
    }
    fn has_page(&self, _: &str) -> bool {
        true
    }
    fn pages(&self) -> Vec<&str> {
        Vec::new()
    }
    fn document_page(&self, _: &str) -> Option<String> {
        None
    }
    fn documents(&self) -> Vec<&str> {
        Vec::new()
    }
    fn content_page(&self, _: &str) -> Option<String> {
        None
    }
    fn asset(&self, _: &str) -> Option<PathBuf> {
        None
    }
    fn assets(&self) -> Vec<&str> {
        Vec::new()
    }
    fn site_root(&self) -> &str {
        ""
    }
    fn citation(&self, _: &str, _: &str) -> Option<Citation> {
        None
    }
    fn citation_ids(&self, _: &str) -> Vec<&str> {
        Vec::new()
    }
}

/// Something a document can cite, as the model has it.
struct Citable {
    /// The edition whose portal has its page (none: every portal has it).
    edition: Option<i32>,
    path: String,
    text: String,
    /// The text in other languages, by language.
    translations: BTreeMap<Language, String>,
    title: Option<String>,
}

impl Citable {
    fn shared(path: String, text: String, title: Option<String>) -> Self {
        Citable {
            edition: None,
            path,
            text,
            translations: BTreeMap::new(),
            title,
        }
    }

    /// A document of one edition (a contribution, a policy note), cited by its title in
    /// the portal's language where it has a translation.
    fn of_document(edition: i32, path: String, title: &str, translations: &[Translation]) -> Self {
        Citable {
            edition: Some(edition),
            path,
            text: title.to_owned(),
            translations: translations
                .iter()
                .map(|translation| (translation.language.clone(), translation.title.clone()))
                .collect(),
            title: None,
        }
    }
}

/// The pages of every edition's portal, the documents and the assets of a site.
///
/// The contributions are not copied into maps of their own: they are found in the
/// site's [`Contributions`] (shared, not copied), by slug. `serve` makes link targets
/// again after every save, and ten thousand contributions would make that the largest
/// part of a save.
pub struct SitePages {
    /// Each document file but the contributions': its edition (none for the home page,
    /// shown in every edition) and its path inside the portal.
    documents: BTreeMap<String, (Option<i32>, String)>,
    /// The contributions, whose files and titles are looked up by slug.
    contributions: Contributions,
    /// Assets by their path in the site root (`assets/…`).
    assets: BTreeMap<String, PathBuf>,
    /// What documents can cite, by kind and id.
    citable: BTreeMap<&'static str, BTreeMap<String, Citable>>,
    /// Report pages by their content path (`report/2025/`): their edition and page path.
    content_pages: BTreeMap<String, (i32, String)>,
}

impl SitePages {
    pub fn new(site: &Site) -> Self {
        let documents = document_pages(site);
        let assets = site
            .assets
            .iter()
            .map(|asset| {
                (
                    format!("assets/{}", asset.output_path),
                    asset.source.clone(),
                )
            })
            .collect();
        SitePages {
            documents,
            contributions: site.contributions.clone(),
            assets,
            citable: citable(site),
            content_pages: content_pages(site),
        }
    }

    /// The link targets of the portal of edition `year` in `language`, whose pages are
    /// those of `pages` (`site` gives the portal's prefix, hence the way up to the site root).
    pub fn portal<'a>(
        &'a self,
        pages: &'a dyn PageIndex,
        site: &Site,
        year: i32,
        language: &'a Language,
    ) -> PortalTargets<'a> {
        let depth = crate::urls::Prefix::portal(site, year, language)
            .as_str()
            .split('/')
            .filter(|segment| !segment.is_empty())
            .count();
        PortalTargets {
            site: self,
            pages,
            year,
            language,
            site_root: "../".repeat(depth),
        }
    }
}

impl SitePages {
    /// Each document's page: its edition (none for the home page, shown in every
    /// edition) and its path inside the portal.
    pub(super) fn document_pages(&self) -> impl Iterator<Item = (Option<i32>, String)> + '_ {
        let others = self
            .documents
            .values()
            .map(|(edition, path)| (*edition, path.clone()));
        let contributions = self.contributions.iter().map(|contribution| {
            let path = PortalPath::contribution(&contribution.slug).to_string();
            (Some(contribution.edition), path)
        });
        others.chain(contributions)
    }

    /// Every document file, in order.
    fn document_files(&self) -> Vec<&str> {
        let contributions = self.contributions.iter().flat_map(|contribution| {
            std::iter::once(&contribution.body)
                .chain(contribution.translations.iter().map(|t| &t.body))
                .map(|body| body.file.as_str())
        });
        let mut files: Vec<&str> = self
            .documents
            .keys()
            .map(String::as_str)
            .chain(contributions)
            .collect();
        files.sort_unstable();
        files
    }
}

/// The report pages by the paths of their files under `content/` (`report/2025/`,
/// `report/2025/overview/` and `report/2025/01-overview/`).
fn content_pages(site: &Site) -> BTreeMap<String, (i32, String)> {
    let mut pages = BTreeMap::new();
    for report in &site.reports {
        let year = report.year;
        pages.insert(format!("report/{year}/"), (year, "report/".to_owned()));
        for chapter in &report.chapters {
            let path = PortalPath::chapter(&chapter.slug).to_string();
            let stem = chapter
                .body
                .file
                .rsplit('/')
                .next()
                .and_then(|name| name.strip_suffix(".md"))
                .unwrap_or(&chapter.slug);
            pages.insert(format!("report/{year}/{stem}/"), (year, path.clone()));
            pages.insert(format!("report/{year}/{}/", chapter.slug), (year, path));
        }
    }
    pages
}

/// Each document file but the contributions': its edition (none for the home page,
/// shown in every edition) and its page inside the portal.
fn document_pages(site: &Site) -> BTreeMap<String, (Option<i32>, String)> {
    let mut documents = BTreeMap::new();
    let mut add = |file: &str, edition: Option<i32>, path: String| {
        documents.insert(file.to_owned(), (edition, path));
    };
    add(&site.home.body.file, None, String::new());
    for translation in &site.home.translations {
        add(&translation.body.file, None, String::new());
    }
    for note in &site.policy_notes {
        let path = PortalPath::policy_note(&note.slug).to_string();
        add(&note.body.file, Some(note.edition), path.clone());
        for translation in &note.translations {
            add(&translation.body.file, Some(note.edition), path.clone());
        }
    }
    for report in &site.reports {
        let chapters = report
            .chapters
            .iter()
            .map(|chapter| (chapter, PortalPath::chapter(&chapter.slug).to_string()));
        for (page, path) in std::iter::once((&report.front, "report/".to_owned())).chain(chapters) {
            add(&page.body.file, Some(report.year), path.clone());
            for translation in &page.translations {
                add(&translation.body.file, Some(report.year), path.clone());
            }
        }
    }
    documents
}

/// What documents can cite but contributions: actions, objectives, forums and policy notes.
fn citable(site: &Site) -> BTreeMap<&'static str, BTreeMap<String, Citable>> {
    let mut citable: BTreeMap<&'static str, BTreeMap<String, Citable>> = BTreeMap::new();
    for objective in &site.objectives {
        let path = PortalPath::objective(&objective.slug()).to_string();
        for action in &objective.actions {
            let action_path = PortalPath::action(&objective.slug(), &action.slug()).to_string();
            let cited = Citable::shared(
                action_path,
                action.id.to_string(),
                Some(action.text.clone()),
            );
            citable
                .entry("action")
                .or_default()
                .insert(action.id.to_string(), cited);
        }
        let cited = Citable::shared(path, objective.title.clone(), None);
        citable
            .entry("objective")
            .or_default()
            .insert(objective.id.to_string(), cited);
    }
    for forum in &site.forums {
        let cited = Citable::shared(
            PortalPath::forum(&forum.id).to_string(),
            forum.name.clone(),
            None,
        );
        citable
            .entry("forum")
            .or_default()
            .insert(forum.id.to_string(), cited);
    }
    for note in &site.policy_notes {
        let cited = Citable::of_document(
            note.edition,
            PortalPath::policy_note(&note.slug).to_string(),
            &note.title,
            &note.translations,
        );
        citable
            .entry("policy-note")
            .or_default()
            .insert(note.slug.clone(), cited);
    }
    citable
}

/// The link targets of one portal (one edition in one language).
pub struct PortalTargets<'a> {
    site: &'a SitePages,
    pages: &'a dyn PageIndex,
    year: i32,
    language: &'a Language,
    site_root: String,
}

impl PortalTargets<'_> {
    /// The link a citation of the contribution `slug` becomes: its title in the
    /// portal's language where it has a translation.
    fn contribution_citation(&self, slug: &str) -> Option<Citation> {
        let contribution = self.site.contributions.by_slug(slug)?;
        let path = PortalPath::contribution(&contribution.slug).to_string();
        let translated = contribution
            .translations
            .iter()
            .rev()
            .find(|translation| translation.language == *self.language);
        Some(Citation {
            path: self.seen_from_here(Some(contribution.edition), &path),
            text: translated.map_or(&contribution.title, |t| &t.title).clone(),
            title: None,
        })
    }

    /// `path` (inside edition `edition`'s portal) from this portal's root.
    fn seen_from_here(&self, edition: Option<i32>, path: &str) -> String {
        match edition {
            Some(year) if year != self.year => format!("../{year}/{path}"),
            _ => path.to_owned(),
        }
    }
}

impl LinkTargets for PortalTargets<'_> {
    fn has_page(&self, path: &str) -> bool {
        self.pages.has_page(self.year, path)
    }

    fn pages(&self) -> Vec<&str> {
        self.pages.pages(self.year)
    }

    fn document_page(&self, file: &str) -> Option<String> {
        if let Some(contribution) = self.site.contributions.by_file(file) {
            let path = PortalPath::contribution(&contribution.slug).to_string();
            return Some(self.seen_from_here(Some(contribution.edition), &path));
        }
        let (edition, path) = self.site.documents.get(file)?;
        Some(self.seen_from_here(*edition, path))
    }

    fn documents(&self) -> Vec<&str> {
        self.site.document_files()
    }

    fn content_page(&self, path: &str) -> Option<String> {
        let (year, page) = self.site.content_pages.get(path)?;
        Some(self.seen_from_here(Some(*year), page))
    }

    fn asset(&self, path: &str) -> Option<PathBuf> {
        self.site.assets.get(path).cloned()
    }

    fn assets(&self) -> Vec<&str> {
        self.site.assets.keys().map(String::as_str).collect()
    }

    fn site_root(&self) -> &str {
        &self.site_root
    }

    fn citation(&self, kind: &str, id: &str) -> Option<Citation> {
        if kind == "contribution" {
            return self.contribution_citation(id);
        }
        let cited = self.site.citable.get(kind)?.get(id)?;
        Some(Citation {
            path: self.seen_from_here(cited.edition, &cited.path),
            text: cited
                .translations
                .get(self.language)
                .unwrap_or(&cited.text)
                .clone(),
            title: cited.title.clone(),
        })
    }

    fn citation_ids(&self, kind: &str) -> Vec<&str> {
        if kind == "contribution" {
            let contributions = self.site.contributions.iter_by_slug();
            return contributions.map(|c| c.slug.as_str()).collect();
        }
        self.site
            .citable
            .get(kind)
            .into_iter()
            .flat_map(|ids| ids.keys().map(String::as_str))
            .collect()
    }
}
