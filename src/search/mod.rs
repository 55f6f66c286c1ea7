//! The search index of one portal (one edition in one language), built with the site so
//! that search needs no server, and split so that a reader downloads only what a query
//! needs.
//!
//! Pure: documents in, files out (names relative to the search page's folder), no I/O.
//! The files, all JSON:
//!
//! - `index.json`, the manifest: a version (a hash of the other files, for caches), the
//!   language, the number of documents, documents per file, and each term shard's lower
//!   boundary (see [`shards`]);
//! - `s<N>.json`, term shards: `{"term": [document frequency, "postings"]}`, postings as
//!   described in [`postings`];
//! - `d<N>.json`, document files: `[[url, title, kind, summary], …]` for documents
//!   `N × DOCUMENTS_PER_FILE` onwards, fetched only for the results shown.
//!
//! Terms come from [`tokenize`], whose rules `themes/default/static/search.js` mirrors.
//! Why not a library: Pagefind's Rust API pulls in tokio and 180 crates and makes a reader
//! download about 75 KB of JavaScript and WebAssembly before the first result, and
//! elasticlunr-rs writes one index for the whole site (megabytes at 10,000 contributions)
//! and needs jieba for Chinese. This index is a few hundred lines on pulldown-cmark and
//! unicode-normalization, and a reader's first query on a 10,000-contribution portal costs
//! 10 to 16 KB gzipped, the details of the ten results shown included (benches/search.rs).

mod plain_text;
pub mod postings;
pub mod shards;
pub mod tokenize;

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde_json::json;
use sha2::{Digest, Sha256};

pub use plain_text::plain_text;
use postings::Posting;

/// How many documents one `d<N>.json` file describes.
pub const DOCUMENTS_PER_FILE: usize = 4;

/// Summaries shown in results are cut to about this many characters.
const SUMMARY_CHARS: usize = 160;

/// The format of the files, so that an old cached `search.js` can tell.
const FORMAT: u32 = 1;

/// One page that search can find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDocument {
    /// The page's address relative to the portal root, e.g. `contributions/x/`.
    pub url: String,
    pub title: String,
    /// One or two sentences shown under the title in results.
    pub summary: String,
    /// The page's plain text (see [`plain_text`]).
    pub text: String,
    /// What the page is, as an id (`contribution`, `policy-note`): the search page shows it
    /// in its language, so portals whose documents are the same share one index.
    pub kind: String,
}

/// A page search can find, whose plain text is extracted only when the index reads it: a
/// few hundred documents at a time, so that a portal's texts are never all in memory
/// (at 50,000 contributions, holding them was ~170 MB of a build's peak).
pub trait Searchable: Sync {
    /// The page's address relative to the portal root, unique in the portal.
    fn url(&self) -> &str;
    fn title(&self) -> &str;
    fn summary(&self) -> &str;
    /// What the page is, as an id (see [`SearchDocument::kind`]).
    fn kind(&self) -> &str;
    /// The page's plain text (see [`plain_text`]); asked once per index built.
    fn text(&self) -> Cow<'_, str>;
}

impl Searchable for SearchDocument {
    fn url(&self) -> &str {
        &self.url
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn summary(&self) -> &str {
        &self.summary
    }
    fn kind(&self) -> &str {
        &self.kind
    }
    fn text(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.text)
    }
}

/// The index files of `documents`: `(file name, bytes)`, manifest first, then shards and
/// document files in numeric order. The same documents in any order give the same bytes.
pub fn build_index(language: &str, documents: &[SearchDocument]) -> Vec<(String, Vec<u8>)> {
    IndexParts::new(documents).files(language)
}

/// Everything of an index but its manifest's language: the expensive part, which portals
/// whose documents are the same (a language without translations) can share.
pub struct IndexParts {
    files: Vec<(String, Vec<u8>)>,
    /// A hash of `files`, made once: every portal sharing the index names it in its manifest.
    version: String,
    boundaries: Vec<String>,
    documents: usize,
}

impl IndexParts {
    pub fn new<D: Searchable>(documents: &[D]) -> Self {
        let documents = sorted(documents);
        let (entries, shown_summaries) = term_entries(&documents);
        let shards = shards::partition(&entries);
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let mut boundaries = Vec::with_capacity(shards.len());
        // Each shard's text is moved into its file, not copied: at 25,000 documents an
        // index is tens of megabytes.
        for (number, shard) in shards.into_iter().enumerate() {
            files.push((format!("s{number}.json"), shard.json.into_bytes()));
            boundaries.push(shard.boundary);
        }
        let rows = documents.iter().zip(&shown_summaries);
        let rows: Vec<(&&D, &String)> = rows.collect();
        for (number, chunk) in rows.chunks(DOCUMENTS_PER_FILE).enumerate() {
            files.push((format!("d{number}.json"), document_file(chunk)));
        }
        IndexParts {
            version: version(&files),
            files,
            boundaries,
            documents: documents.len(),
        }
    }

    /// The index files, with the manifest of a portal in `language`.
    pub fn files(&self, language: &str) -> Vec<(String, Vec<u8>)> {
        self.borrowed_files(language)
            .map(|(name, bytes)| (name.to_owned(), bytes.into_owned()))
            .collect()
    }

    /// [`IndexParts::files`] without copying the files portals share: the manifest of a
    /// portal in `language` (made here), then the shards and document files (borrowed).
    pub fn borrowed_files<'p>(
        &'p self,
        language: &str,
    ) -> impl Iterator<Item = (&'p str, std::borrow::Cow<'p, [u8]>)> {
        let manifest = json!({
            "format": FORMAT,
            "version": self.version,
            "language": language,
            "documents": self.documents,
            "documents_per_file": DOCUMENTS_PER_FILE,
            "shards": self.boundaries,
        });
        let manifest = ("index.json", manifest.to_string().into_bytes().into());
        let shared = self
            .files
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice().into()));
        std::iter::once(manifest).chain(shared)
    }
}

/// Documents in address order: their position is their number in posting lists. (Two
/// documents at one address, which a portal never has, are ordered by the rest, their
/// text last, so that any order of the same documents gives the same index.)
fn sorted<D: Searchable>(documents: &[D]) -> Vec<&D> {
    let mut sorted: Vec<&D> = documents.iter().collect();
    sorted.sort_by(|a, b| {
        (a.url(), a.title(), a.summary(), a.kind())
            .cmp(&(b.url(), b.title(), b.summary(), b.kind()))
            .then_with(|| a.text().cmp(&b.text()))
    });
    sorted
}

/// A document's title, summary and text after [`tokenize::fold`]: its terms borrow from it.
struct Folded {
    title: String,
    summary: String,
    text: String,
}

impl Folded {
    /// The folded texts of `document`, and the summary its search result shows.
    fn new<D: Searchable>(document: &D) -> (Folded, String) {
        let text = document.text();
        let folded = Folded {
            title: tokenize::fold(document.title()),
            summary: tokenize::fold(document.summary()),
            text: tokenize::fold(&text),
        };
        (folded, shown_summary(document.summary(), &text))
    }
}

/// One term of a document: how often it occurs and whether its title has it.
struct TermCount<'f> {
    term: Cow<'f, str>,
    frequency: u32,
    in_title: bool,
}

/// The terms of one document, grouped by the merge shard they go to (see [`term_entries`]).
struct DocumentTerms<'f> {
    terms: Vec<TermCount<'f>>,
    /// `terms[starts[shard]..starts[shard + 1]]` go to `shard`.
    starts: [u32; MERGE_SHARDS + 1],
}

impl<'f> DocumentTerms<'f> {
    fn count(folded: &'f Folded) -> DocumentTerms<'f> {
        // Sized for the distinct words of a page of this length, so that the map seldom
        // grows (each growth hashes every term again).
        let expected_terms = (folded.text.len() / 16).clamp(16, 8192);
        let mut counts: FxHashMap<Cow<'f, str>, (u32, bool)> =
            FxHashMap::with_capacity_and_hasher(expected_terms, Default::default());
        let mut count = |term: Cow<'f, str>, occurrence_weight: u32, in_title: bool| {
            let entry = counts.entry(term).or_default();
            entry.0 += occurrence_weight;
            entry.1 |= in_title;
        };
        tokenize::for_each_folded_term(&folded.title, |term| count(term, 0, true));
        // A word of the summary counts twice: the summary says what the page is about.
        tokenize::for_each_folded_term(&folded.summary, |term| count(term, 2, false));
        tokenize::for_each_folded_term(&folded.text, |term| count(term, 1, false));
        let mut terms: Vec<(usize, TermCount)> = counts
            .into_iter()
            .map(|(term, (frequency, in_title))| {
                let shard = merge_shard(&term);
                let count = TermCount {
                    term,
                    frequency,
                    in_title,
                };
                (shard, count)
            })
            .collect();
        terms.sort_unstable_by_key(|(shard, _)| *shard);
        let mut starts = [0u32; MERGE_SHARDS + 1];
        for (shard, _) in &terms {
            starts[shard + 1] += 1;
        }
        for shard in 0..MERGE_SHARDS {
            starts[shard + 1] += starts[shard];
        }
        let terms = terms.into_iter().map(|(_, count)| count).collect();
        DocumentTerms { terms, starts }
    }

    /// The document's terms that go to `shard`.
    fn of_shard(&self, shard: usize) -> &[TermCount<'f>] {
        let range = self.starts[shard] as usize..self.starts[shard + 1] as usize;
        self.terms.get(range).unwrap_or_default()
    }
}

/// Posting lists are gathered in this many maps, one thread each, a term always in the
/// same one: gathering them in one map was a long step on one core.
const MERGE_SHARDS: usize = 64;

fn merge_shard(term: &str) -> usize {
    use std::hash::BuildHasher;
    (rustc_hash::FxBuildHasher.hash_one(term) % MERGE_SHARDS as u64) as usize
}

/// How many documents have their terms counted at once (in parallel) before the counts
/// join the posting lists. The counts of every document of a portal held together were
/// most of a large build's memory: 700 MB for 25,000 documents.
const COUNTED_AT_ONCE: usize = 512;

/// Every term with its shard entry `[document frequency,"postings"]`, in UTF-16 order, and
/// the summary each document's result shows.
fn term_entries<D: Searchable>(documents: &[&D]) -> (Vec<(String, String)>, Vec<String>) {
    // Hash maps here (order is restored by the sort below): this loop sees every term of
    // every document, millions of them for a large portal.
    let mut lists: Vec<FxHashMap<String, Vec<Posting>>> =
        (0..MERGE_SHARDS).map(|_| FxHashMap::default()).collect();
    let mut shown_summaries = Vec::with_capacity(documents.len());
    for (chunk_number, chunk) in documents.chunks(COUNTED_AT_ONCE).enumerate() {
        let (folded, mut shown): (Vec<Folded>, Vec<String>) =
            chunk.par_iter().map(|d| Folded::new(*d)).unzip();
        shown_summaries.append(&mut shown);
        let counted: Vec<DocumentTerms> = folded.par_iter().map(DocumentTerms::count).collect();
        let first = chunk_number * COUNTED_AT_ONCE;
        lists.par_iter_mut().enumerate().for_each(|(shard, lists)| {
            for (position, document) in (first..).zip(&counted) {
                let number = u32::try_from(position).unwrap_or(u32::MAX);
                for count in document.of_shard(shard) {
                    let posting = Posting::new(number, count.frequency, count.in_title);
                    match lists.get_mut(&*count.term) {
                        Some(list) => list.push(posting),
                        None => {
                            lists.insert(count.term.to_string(), vec![posting]);
                        }
                    }
                }
            }
        });
    }
    let mut entries: Vec<(String, String)> = lists
        .into_par_iter()
        .flat_map_iter(|lists| lists.into_iter())
        .map(|(term, list)| {
            let frequency = list.len();
            let encoded = postings::encode(&postings::strongest(list));
            (term, format!("[{frequency},\"{encoded}\"]"))
        })
        .collect();
    entries.par_sort_unstable_by(|a, b| shards::utf16_order(&a.0, &b.0));
    (entries, shown_summaries)
}

/// `[[url, title, kind, summary], …]` for one `d<N>.json`: each document with the summary
/// its result shows.
fn document_file<D: Searchable>(documents: &[(&&D, &String)]) -> Vec<u8> {
    let rows: Vec<serde_json::Value> = documents
        .iter()
        .map(|(document, shown)| json!([document.url(), document.title(), document.kind(), shown]))
        .collect();
    serde_json::Value::Array(rows).to_string().into_bytes()
}

/// The summary, or the start of the text when there is none, cut at a word.
fn shown_summary(summary: &str, text: &str) -> String {
    let source = if summary.trim().is_empty() {
        text
    } else {
        summary
    };
    let mut shown = String::new();
    let mut shown_chars = 0;
    for word in source.split_whitespace() {
        let word_chars = word.chars().count();
        if shown_chars + word_chars >= SUMMARY_CHARS {
            if shown.is_empty() {
                shown.extend(word.chars().take(SUMMARY_CHARS));
            }
            shown.truncate(shown.trim_end_matches(|c: char| !c.is_alphanumeric()).len());
            shown.push('…');
            return shown;
        }
        if !shown.is_empty() {
            shown.push(' ');
            shown_chars += 1;
        }
        shown.push_str(word);
        shown_chars += word_chars;
    }
    shown
}

/// A short hash of all the files: it changes whenever any of them does.
fn version(files: &[(String, Vec<u8>)]) -> String {
    let mut hasher = Sha256::new();
    for (name, bytes) in files {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(bytes);
    }
    hasher.finalize()[..6]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests;
