//! The search page and the portal's search index (shared between portals with the same documents).

use sha2::{Digest, Sha256};

use super::*;
use crate::search::{plain_text, IndexParts, SearchDocument};

/// A document of the index before its text is extracted: enough to tell whether another
/// portal already indexed the same documents.
struct SearchSource<'s> {
    url: String,
    text: Localized<'s>,
    summary: Option<&'s String>,
    kind: &'static str,
}

impl SearchSource<'_> {
    fn document(&self) -> SearchDocument {
        SearchDocument {
            url: self.url.clone(),
            title: self.text.title.to_owned(),
            summary: self.summary.cloned().unwrap_or_default(),
            text: plain_text(&self.text.body.text),
            kind: self.kind.to_owned(),
        }
    }
}

impl<'a> Renderer<'a> {
    /// The search page and its index (`search/`): the edition's contributions, policy notes
    /// and report chapters, in the portal's language where translated.
    pub(super) fn search(&self) -> Result<usize> {
        let path = PortalPath::section("search");
        let folder = path.in_portal(&self.portal.prefix);
        if self.scope.wants_under(folder.as_str()) {
            let parts = self.search_index(&self.search_sources());
            for (name, bytes) in parts.files(&self.portal.language) {
                let file = PortalPath::search_file(&name).in_portal(&self.portal.prefix);
                self.write(file.as_str(), &bytes)?;
            }
        }
        let context = page_context("search");
        self.page(PageKind::Search, &path, context)
    }

    /// The index of `sources`, built once for all the portals that have the same ones
    /// (an edition's languages without translations): the text of each document is
    /// extracted only when no portal indexed the same documents before.
    fn search_index(&self, sources: &[SearchSource]) -> std::sync::Arc<IndexParts> {
        let key = sources_key(sources);
        if let Some(parts) = self
            .shared
            .search
            .lock()
            .ok()
            .and_then(|cache| cache.get(&key).cloned())
        {
            return parts;
        }
        let documents: Vec<SearchDocument> =
            sources.par_iter().map(SearchSource::document).collect();
        let parts = std::sync::Arc::new(IndexParts::new(&documents));
        if let Ok(mut cache) = self.shared.search.lock() {
            cache.insert(key, parts.clone());
        }
        parts
    }

    fn search_sources(&self) -> Vec<SearchSource<'a>> {
        let site = self.site;
        let mut sources: Vec<SearchSource> = self
            .positions()
            .iter()
            .filter_map(|position| site.contributions.get(*position))
            .map(|contribution| SearchSource {
                url: PortalPath::contribution(&contribution.slug).into(),
                text: self.localized(contribution.localizable()),
                summary: contribution.summary.as_ref(),
                kind: "contribution",
            })
            .collect();
        for note in self.notes() {
            sources.push(SearchSource {
                url: PortalPath::policy_note(&note.slug).into(),
                text: self.localized(note.localizable(&site.config.default_language)),
                summary: note.summary.as_ref(),
                kind: "policy-note",
            });
        }
        sources.push(SearchSource {
            url: String::new(),
            text: self.localize(&site.home),
            summary: None,
            kind: "home",
        });
        let year = self.portal.edition.year;
        for report in site.reports.iter().filter(|report| report.year == year) {
            for chapter in &report.chapters {
                sources.push(SearchSource {
                    url: PortalPath::chapter(&chapter.slug).into(),
                    text: self.localize(chapter),
                    summary: chapter.summary.as_ref(),
                    kind: "chapter",
                });
            }
        }
        sources
    }
}

/// A key for the documents `sources` describe. Within one version of the site a body's
/// file names its text, so the file stands for the text, which is not read here.
fn sources_key(sources: &[SearchSource]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for source in sources {
        let summary = source.summary.map_or("", String::as_str);
        for field in [
            source.url.as_str(),
            source.text.title,
            summary,
            source.text.body.file.as_str(),
            source.kind,
        ] {
            hasher.update((field.len() as u64).to_le_bytes());
            hasher.update(field.as_bytes());
        }
    }
    hasher.finalize().into()
}
