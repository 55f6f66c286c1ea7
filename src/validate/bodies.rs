//! The Markdown problems of the bodies that will not be rendered: drafts, documents whose
//! front matter has errors, and every body of a site with errors. Drafts are checked
//! against the site with its drafts (`Site::with_drafts`), as `serve` shows them.
//!
//! Render finds a body's broken links and images while converting it, but a site with
//! errors is never rendered, and neither are drafts. Their bodies are converted here
//! instead, once, in the default language, against the pages the valid part of the site
//! implies (`markdown::ModelPages`, [`Leniently`]): a document that failed validation still counts as a page, so a
//! link to it is not reported besides its own errors. When site.yaml or a data file has
//! errors, the pages themselves are unknown and links are only made safe (`Unchecked`),
//! as before.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::load::DocumentKind;
use crate::markdown::{
    self, Citation, LinkTargets, ModelPages, NoBlocks, PortalTargets, SitePages,
};
use crate::model::{Contribution, Markdown, Site, Slug};
use crate::urls::PortalPath;

use super::renames::{RecordKind, Renames};
use super::shared_fields::chapter_slug;

/// A body to check, with the page it would be shown on (`contributions/x/`) and its
/// edition when known.
pub struct Body<'a> {
    pub markdown: &'a Markdown,
    pub page: String,
    pub edition: Option<i32>,
}

/// A document whose front matter has errors: its body, and where it would be shown.
pub struct Invalid {
    pub body: Markdown,
    pub kind: DocumentKind,
}

impl Invalid {
    fn page(&self) -> String {
        page_of(&self.kind)
    }
}

/// The page a document of `kind` is shown on, inside its edition's portal.
fn page_of(kind: &DocumentKind) -> String {
    match kind {
        DocumentKind::Contribution { slug } => {
            PortalPath::contribution(&Slug::new(slug.as_str())).to_string()
        }
        DocumentKind::PolicyNote { slug } => PortalPath::policy_note(slug).to_string(),
        DocumentKind::Chapter { name, .. } => PortalPath::chapter(chapter_slug(name)).to_string(),
        DocumentKind::ReportFront { .. } => "report/".to_owned(),
        DocumentKind::Home => String::new(),
    }
}

/// The problems of `bodies` and of the invalid documents' bodies, their links checked
/// against `site` (the valid part of the site) when given, otherwise only made safe. A
/// citation of an id renamed after publication is reported as the rename.
pub fn problems(
    site: Option<&Site>,
    bodies: &[Body],
    invalid: &[Invalid],
    renames: &Renames,
) -> Vec<Diagnostic> {
    if bodies.is_empty() && invalid.is_empty() {
        // Most builds: a valid site without drafts; its pages are not worth listing.
        return Vec::new();
    }
    let Some(site) = site else {
        let all = bodies
            .iter()
            .map(|body| body.markdown)
            .chain(invalid.iter().map(|document| &document.body));
        return all
            .collect::<Vec<_>>()
            .par_iter()
            .flat_map(|body| markdown::to_html(body, "", &NoBlocks).diagnostics)
            .collect();
    };
    let pages = SitePages::new(site);
    let model_pages = ModelPages::new(site, &pages);
    let newest = site.editions.last().map_or(0, |edition| edition.year);
    let invalid_pages: BTreeMap<String, String> = invalid
        .iter()
        .map(|document| (document.body.file.clone(), document.page()))
        .collect();
    let invalid_bodies = invalid.iter().map(|document| Body {
        markdown: &document.body,
        page: document.page(),
        edition: None,
    });
    let all: Vec<Body> = bodies
        .iter()
        .map(|body| Body {
            markdown: body.markdown,
            page: body.page.clone(),
            edition: body.edition,
        })
        .chain(invalid_bodies)
        .collect();
    let language = &site.config.default_language;
    all.par_iter()
        .flat_map(|body| {
            let year = body.edition.unwrap_or(newest);
            let targets = Leniently {
                valid: pages.portal(&model_pages, site, year, language),
                invalid: &invalid_pages,
            };
            let root = "../".repeat(body.page.matches('/').count());
            let setting = markdown::Setting {
                page: &body.page,
                root: &root,
                blocks: &NoBlocks,
                targets: &targets,
                id_prefix: "",
            };
            markdown::render(body.markdown, &setting).diagnostics
        })
        .map(|problem| as_rename(problem, renames))
        .collect()
}

/// `problem`, told as a rename when it is a citation of an id renamed after publication
/// (`no forum `igf` to cite`, as `markdown` words it).
fn as_rename(mut problem: Diagnostic, renames: &Renames) -> Diagnostic {
    let cited = problem
        .message
        .strip_prefix("no ")
        .and_then(|rest| rest.strip_suffix("` to cite"))
        .and_then(|rest| rest.split_once(" `"));
    let kind = match cited {
        Some(("objective", _)) => RecordKind::Objective,
        Some(("action", _)) => RecordKind::Action,
        Some(("forum", _)) => RecordKind::Forum,
        _ => return problem,
    };
    let Some(rename) = cited.and_then(|(_, id)| renames.of(kind, id)) else {
        return problem;
    };
    let (message, hint) = rename.in_user();
    problem.message = message;
    problem.hint = Some(hint);
    problem
}

/// The bodies of every valid document of `site` with their pages.
pub fn of_site(site: &Site) -> Vec<Body<'_>> {
    let mut bodies = Vec::new();
    let pages = std::iter::once((&site.home, String::new(), None)).chain(
        site.reports.iter().flat_map(|report| {
            let chapters = report.chapters.iter().map(move |chapter| {
                (
                    chapter,
                    PortalPath::chapter(&chapter.slug).to_string(),
                    Some(report.year),
                )
            });
            std::iter::once((&report.front, "report/".to_owned(), Some(report.year)))
                .chain(chapters)
        }),
    );
    for (page, path, edition) in pages {
        let translations = page.translations.iter().map(|t| &t.body);
        for markdown in std::iter::once(&page.body).chain(translations) {
            bodies.push(Body {
                markdown,
                page: path.clone(),
                edition,
            });
        }
    }
    bodies.extend(of_contributions(&site.contributions));
    for note in &site.policy_notes {
        let translations = note.translations.iter().map(|t| &t.body);
        for markdown in std::iter::once(&note.body).chain(translations) {
            bodies.push(Body {
                markdown,
                page: PortalPath::policy_note(&note.slug).to_string(),
                edition: Some(note.edition),
            });
        }
    }
    bodies
}

/// The bodies of `contributions` and of their translations, with their pages.
pub fn of_contributions<'a>(
    contributions: impl IntoIterator<Item = &'a Contribution>,
) -> Vec<Body<'a>> {
    contributions
        .into_iter()
        .flat_map(|contribution| {
            let translations = contribution.translations.iter().map(|t| &t.body);
            std::iter::once(&contribution.body)
                .chain(translations)
                .map(|markdown| Body {
                    markdown,
                    page: PortalPath::contribution(&contribution.slug).to_string(),
                    edition: Some(contribution.edition),
                })
        })
        .collect()
}

/// The link targets of the valid part of a site, where the documents that failed
/// validation still exist: a link to one is not an error of its own.
struct Leniently<'a> {
    valid: PortalTargets<'a>,
    /// The pages of the invalid documents, by file.
    invalid: &'a BTreeMap<String, String>,
}

impl Leniently<'_> {
    fn is_invalid_page(&self, path: &str) -> bool {
        self.invalid.values().any(|page| page == path)
    }
}

impl LinkTargets for Leniently<'_> {
    fn has_page(&self, path: &str) -> bool {
        self.valid.has_page(path) || self.is_invalid_page(path)
    }
    fn pages(&self) -> Vec<&str> {
        self.valid.pages()
    }
    fn document_page(&self, file: &str) -> Option<String> {
        self.valid
            .document_page(file)
            .or_else(|| self.invalid.get(file).cloned())
    }
    fn documents(&self) -> Vec<&str> {
        let mut documents = self.valid.documents();
        documents.extend(self.invalid.keys().map(String::as_str));
        documents
    }
    fn content_page(&self, path: &str) -> Option<String> {
        self.valid.content_page(path)
    }
    fn asset(&self, path: &str) -> Option<PathBuf> {
        self.valid.asset(path)
    }
    fn assets(&self) -> Vec<&str> {
        self.valid.assets()
    }
    fn site_root(&self) -> &str {
        self.valid.site_root()
    }
    fn citation(&self, kind: &str, id: &str) -> Option<Citation> {
        self.valid.citation(kind, id).or_else(|| {
            let path = match kind {
                "contribution" => PortalPath::contribution(&Slug::new(id)).to_string(),
                "policy-note" => PortalPath::policy_note(id).to_string(),
                _ => return None,
            };
            self.is_invalid_page(&path).then(|| Citation {
                path,
                text: id.to_owned(),
                title: None,
            })
        })
    }
    fn citation_ids(&self, kind: &str) -> Vec<&str> {
        self.valid.citation_ids(kind)
    }
}
