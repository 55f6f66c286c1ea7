//! The search page and the portal's search index (shared between portals with the same documents).

use super::*;

impl<'a> Renderer<'a> {
    /// The search page and its index (`search/`): the edition's contributions, policy notes
    /// and report chapters, in the portal's language where translated.
    pub(super) fn search(&self) -> Result<usize> {
        let path = PortalPath::section("search");
        let folder = path.in_portal(&self.portal.prefix);
        if self.scope.wants_under(folder.as_str()) {
            let parts = self.search_index(&self.search_documents());
            for (name, bytes) in parts.files(&self.portal.language) {
                let file = PortalPath::search_file(&name).in_portal(&self.portal.prefix);
                self.write(file.as_str(), &bytes)?;
            }
        }
        let context = page_context("search");
        self.page(PageKind::Search, &path, context)
    }

    /// The index of `documents`, built once for all the portals that have the same ones
    /// (an edition's languages without translations).
    pub(super) fn search_index(
        &self,
        documents: &[crate::search::SearchDocument],
    ) -> std::sync::Arc<crate::search::IndexParts> {
        let key = crate::search::documents_key(documents);
        if let Some(parts) = self
            .shared
            .search
            .lock()
            .ok()
            .and_then(|cache| cache.get(&key).cloned())
        {
            return parts;
        }
        let parts = std::sync::Arc::new(crate::search::IndexParts::new(documents));
        if let Ok(mut cache) = self.shared.search.lock() {
            cache.insert(key, parts.clone());
        }
        parts
    }

    pub(super) fn search_documents(&self) -> Vec<crate::search::SearchDocument> {
        use crate::search::{plain_text, SearchDocument};
        let site = self.site;
        let document =
            |url: String, text: Localized, summary: Option<&String>, kind: &str| SearchDocument {
                url,
                title: text.title.to_owned(),
                summary: summary.cloned().unwrap_or_default(),
                text: plain_text(&text.body.text),
                kind: kind.to_owned(),
            };
        let contributions = self
            .positions()
            .par_iter()
            .filter_map(|position| site.contributions.get(*position))
            .map(|contribution| {
                document(
                    PortalPath::contribution(&contribution.slug).into(),
                    self.localized(contribution.localizable()),
                    contribution.summary.as_ref(),
                    "contribution",
                )
            });
        let mut documents: Vec<SearchDocument> = contributions.collect();
        for note in self.notes() {
            let text = self.localized(note.localizable(&site.config.default_language));
            let url = PortalPath::policy_note(&note.slug).into();
            documents.push(document(url, text, note.summary.as_ref(), "policy-note"));
        }
        documents.push(document(
            String::new(),
            self.localize(&site.home),
            None,
            "home",
        ));
        let year = self.portal.edition.year;
        for report in site.reports.iter().filter(|report| report.year == year) {
            for chapter in &report.chapters {
                let url = PortalPath::chapter(&chapter.slug).into();
                let text = self.localize(chapter);
                documents.push(document(url, text, chapter.summary.as_ref(), "chapter"));
            }
        }
        documents
    }
}
