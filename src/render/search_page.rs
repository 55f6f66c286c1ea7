//! The search page and the portal's search index (shared between portals with the same documents).

use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

use super::*;
use crate::search::{plain_text, IndexParts};

/// A document of the index before its text is extracted: enough to tell whether another
/// portal already indexed the same documents.
struct SearchSource<'s> {
    url: String,
    text: Localized<'s>,
    summary: Option<&'s String>,
    kind: &'static str,
}

/// The index asks for a document's plain text only when it counts its terms, a few hundred
/// documents at a time.
impl crate::search::Searchable for SearchSource<'_> {
    fn url(&self) -> &str {
        &self.url
    }
    fn title(&self) -> &str {
        self.text.title
    }
    fn summary(&self) -> &str {
        self.summary.map_or("", String::as_str)
    }
    fn kind(&self) -> &str {
        self.kind
    }
    fn text(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(plain_text(&self.text.body.text))
    }
}

/// The search indexes of one build, by edition and by their documents' key: the portals
/// of an edition whose documents are the same (its languages without translations) share
/// one. An edition's indexes are dropped once each of its portals has written its own.
pub(super) struct SearchIndexes {
    languages: usize,
    editions: Mutex<BTreeMap<i32, EditionIndexes>>,
}

/// The indexes of one edition made so far, and how many of its portals have written theirs.
#[derive(Default)]
struct EditionIndexes {
    written: usize,
    indexes: BTreeMap<[u8; 32], Slot>,
}

/// An index being made by one entry, or made.
enum Slot {
    Making,
    Made(Arc<IndexParts>),
}

impl SearchIndexes {
    /// The indexes of a site with `languages` portals per edition.
    pub(super) fn new(languages: usize) -> Self {
        SearchIndexes {
            languages,
            editions: Mutex::new(BTreeMap::new()),
        }
    }

    fn editions(&self) -> std::sync::MutexGuard<'_, BTreeMap<i32, EditionIndexes>> {
        self.editions
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The index of edition `year` whose documents have `key`, made with `make` unless
    /// another portal made it already. An entry never waits for another: when one is
    /// making the same index at that moment, this one makes it too (the same bytes).
    fn get_or_make(
        &self,
        year: i32,
        key: [u8; 32],
        make: impl FnOnce() -> IndexParts,
    ) -> Arc<IndexParts> {
        {
            let mut editions = self.editions();
            let slots = &mut editions.entry(year).or_default().indexes;
            match slots.get(&key) {
                Some(Slot::Made(parts)) => return Arc::clone(parts),
                Some(Slot::Making) => {}
                None => {
                    slots.insert(key, Slot::Making);
                }
            }
        }
        let parts = Arc::new(make());
        let mut editions = self.editions();
        let slots = &mut editions.entry(year).or_default().indexes;
        slots.insert(key, Slot::Made(Arc::clone(&parts)));
        parts
    }

    /// Notes that a portal of edition `year` wrote its index: after the last, the
    /// edition's indexes are dropped.
    fn written(&self, year: i32) {
        let mut editions = self.editions();
        let done = editions.get_mut(&year).is_some_and(|edition| {
            edition.written += 1;
            edition.written >= self.languages
        });
        if done {
            editions.remove(&year);
        }
    }
}

impl<'a> Renderer<'a> {
    /// The search page (`search/`).
    pub(super) fn search_page(&self) -> Made {
        let view = SearchPage { section: "search" };
        self.page(PageKind::Search, &PortalPath::section("search"), &view)?;
        Ok(Vec::new())
    }

    /// The portal's search index (`search/index.json` and the files beside it): the
    /// edition's contributions, policy notes and report chapters, in the portal's
    /// language where translated.
    pub(super) fn search_index(&self) -> Made {
        let sources = self.search_sources();
        let year = self.portal.edition.year;
        let parts = self
            .caches
            .search
            .get_or_make(year, sources_key(&sources), || IndexParts::new(&sources));
        for (name, bytes) in parts.borrowed_files(self.portal.language.as_str()) {
            let file = PortalPath::search_file(name).in_portal(&self.portal.prefix);
            self.write(file.as_str(), &bytes)?;
        }
        self.caches.search.written(year);
        Ok(Vec::new())
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

/// `search.html`: the search page (its index is fetched by the script).
#[derive(Serialize)]
struct SearchPage {
    section: &'static str,
}
