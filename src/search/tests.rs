//! Tests of the whole index: file layout, the manifest, shard assignment as `search.js`
//! performs it, and byte-identical output whatever the order of the documents.

// Panicking with a message is how a test reports a failure (as in tests/main.rs).
#![allow(clippy::expect_used)]

use std::collections::BTreeMap;

use super::*;

fn document(url: &str, title: &str, summary: &str, text: &str) -> SearchDocument {
    SearchDocument {
        url: url.to_owned(),
        title: title.to_owned(),
        summary: summary.to_owned(),
        text: text.to_owned(),
        kind: "Contribution".to_owned(),
    }
}

fn sample() -> Vec<SearchDocument> {
    vec![
        document("contributions/zh/", "数字合作", "", "促进数字合作与包容。"),
        document(
            "contributions/ar/",
            "التعاون الرقمي",
            "ملخص قصير",
            "تعزيز الشمول الرقمي في المنطقة العربية.",
        ),
        document(
            "contributions/fr/",
            "L'accès à l'Internet",
            "Réseaux communautaires.",
            "Les élèves des îles.",
        ),
        document(
            "contributions/en/",
            "Digital inclusion",
            "Community networks for rural schools.",
            "Rural schools gain access. Access matters.",
        ),
    ]
}

fn file<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    let (_, bytes) = files
        .iter()
        .find(|(file_name, _)| file_name == name)
        .unwrap_or_else(|| panic!("no file {name}"));
    std::str::from_utf8(bytes).expect("UTF-8")
}

fn json_of(files: &[(String, Vec<u8>)], name: &str) -> serde_json::Value {
    serde_json::from_str(file(files, name)).expect("valid JSON")
}

/// The shard a term belongs to, found as search.js finds it.
fn shard_of(boundaries: &[String], term: &str) -> usize {
    boundaries
        .iter()
        .rposition(|boundary| shards::utf16_order(boundary, term) != std::cmp::Ordering::Greater)
        .expect("the first boundary is empty")
}

fn boundaries(files: &[(String, Vec<u8>)]) -> Vec<String> {
    serde_json::from_value(json_of(files, "index.json")["shards"].clone()).expect("boundaries")
}

/// The `[frequency, postings]` entry of `term`, read through the manifest.
fn lookup(files: &[(String, Vec<u8>)], term: &str) -> Option<serde_json::Value> {
    let shard = shard_of(&boundaries(files), term);
    json_of(files, &format!("s{shard}.json")).get(term).cloned()
}

#[test]
fn a_small_index_is_a_manifest_one_shard_and_one_document_file() {
    let files = build_index("en", &sample());
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["index.json", "s0.json", "d0.json"]);
    let manifest = json_of(&files, "index.json");
    assert_eq!(manifest["format"], 1);
    assert_eq!(manifest["language"], "en");
    assert_eq!(manifest["documents"], 4);
    assert_eq!(manifest["documents_per_file"], DOCUMENTS_PER_FILE);
    assert_eq!(manifest["shards"], serde_json::json!([""]));
    assert_eq!(manifest["version"].as_str().map(str::len), Some(12));
}

#[test]
fn documents_are_numbered_in_address_order() {
    let files = build_index("en", &sample());
    assert_eq!(
        file(&files, "d0.json"),
        r#"[["contributions/ar/","التعاون الرقمي","Contribution","ملخص قصير"],["contributions/en/","Digital inclusion","Contribution","Community networks for rural schools."],["contributions/fr/","L'accès à l'Internet","Contribution","Réseaux communautaires."],["contributions/zh/","数字合作","Contribution","促进数字合作与包容。"]]"#
    );
}

#[test]
fn postings_carry_frequency_and_title_flag() {
    let files = build_index("en", &sample());
    // "rural": document 1 (en), summary once (2) + text once (1) = 3 → weight 6, no title.
    assert_eq!(lookup(&files, "rural"), Some(serde_json::json!([1, "BG"])));
    // "access": document 1, twice in the text → weight 4. French "accès" is another
    // term: document 2, in the title only → weight 1.
    assert_eq!(lookup(&files, "access"), Some(serde_json::json!([1, "BE"])));
    assert_eq!(lookup(&files, "acces"), Some(serde_json::json!([1, "CB"])));
}

#[test]
fn every_language_of_the_sample_is_found() {
    let files = build_index("en", &sample());
    // Arabic without its article, Chinese bigrams, French without accents.
    for term in [
        "رقمي",
        "تعاون",
        "数字",
        "合作",
        "包容",
        "eleves",
        "iles",
        "internet",
    ] {
        assert!(lookup(&files, term).is_some(), "{term} is not in the index");
    }
    assert_eq!(lookup(&files, "الرقمي"), None);
}

#[test]
fn the_same_documents_in_another_order_give_identical_files() {
    let mut reversed = sample();
    reversed.reverse();
    assert_eq!(build_index("en", &sample()), build_index("en", &reversed));
}

#[test]
fn the_version_changes_with_the_content() {
    let mut changed = sample();
    changed[0].text.push_str(" 更多");
    let version = |files: &[(String, Vec<u8>)]| json_of(files, "index.json")["version"].clone();
    assert_ne!(
        version(&build_index("en", &sample())),
        version(&build_index("en", &changed))
    );
}

/// Many documents with distinct words: several shards, each term in exactly the shard
/// its boundaries give, each shard near the target size.
#[test]
fn terms_are_assigned_to_the_shard_their_boundaries_name() {
    let documents: Vec<SearchDocument> = (0..300)
        .map(|n| {
            let words: Vec<String> = (0..20).map(|k| format!("w{n}x{k}")).collect();
            document(
                &format!("contributions/c{n:03}/"),
                &format!("T{n}"),
                "",
                &words.join(" "),
            )
        })
        .collect();
    let files = build_index("en", &documents);
    let boundaries = boundaries(&files);
    assert!(boundaries.len() > 5, "only {} shards", boundaries.len());
    assert_eq!(
        files
            .iter()
            .filter(|(name, _)| name.starts_with('d'))
            .count(),
        300 / DOCUMENTS_PER_FILE
    );
    for number in 0..boundaries.len() {
        let shard = json_of(&files, &format!("s{number}.json"));
        let shard = shard.as_object().expect("an object");
        assert!(!shard.is_empty());
        assert!(file(&files, &format!("s{number}.json")).len() <= shards::SHARD_TARGET_BYTES);
        for term in shard.keys() {
            assert_eq!(shard_of(&boundaries, term), number, "term {term}");
        }
    }
    assert_eq!(
        lookup(&files, "w123x7"),
        Some(serde_json::json!([1, "7DC"]))
    );
}

#[test]
fn an_empty_portal_has_an_index_that_finds_nothing() {
    let files = build_index("fr", &[]);
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["index.json", "s0.json"]);
    assert_eq!(file(&files, "s0.json"), "{}");
}

#[test]
fn long_summaries_are_cut_at_a_word() {
    let long = "word ".repeat(100);
    let shown = shown_summary(&document("x/", "t", &long, ""));
    assert!(shown.ends_with("word…"), "{shown}");
    assert!(shown.chars().count() <= SUMMARY_CHARS + 1);
    assert_eq!(
        shown_summary(&document("x/", "t", "", "Text\nused.")),
        "Text used."
    );
}

/// How often each term occurs in `document` (a summary's words twice) and whether its
/// title has it, counted the simple way.
fn simple_counts(document: &SearchDocument) -> BTreeMap<String, (u32, bool)> {
    let mut counts: BTreeMap<String, (u32, bool)> = BTreeMap::new();
    let fields = [
        (&document.title, 0, true),
        (&document.summary, 2, false),
        (&document.text, 1, false),
    ];
    for (field, weight, in_title) in fields {
        for term in tokenize::terms(field) {
            let entry = counts.entry(term).or_default();
            entry.0 += weight;
            entry.1 |= in_title;
        }
    }
    counts
}

/// The posting lists counted the simple way: one map, every document's counts at once,
/// in one thread.
fn entries_counted_at_once(documents: &[&SearchDocument]) -> Vec<(String, String)> {
    let mut lists: FxHashMap<String, Vec<Posting>> = FxHashMap::default();
    for (number, document) in (0u32..).zip(documents) {
        for (term, (frequency, in_title)) in simple_counts(document) {
            lists
                .entry(term)
                .or_default()
                .push(Posting::new(number, frequency, in_title));
        }
    }
    let mut entries: Vec<(String, String)> = lists
        .into_iter()
        .map(|(term, list)| {
            let frequency = list.len();
            let encoded = postings::encode(&postings::strongest(list));
            (term, format!("[{frequency},\"{encoded}\"]"))
        })
        .collect();
    entries.sort_by(|a, b| shards::utf16_order(&a.0, &b.0));
    entries
}

#[test]
fn documents_counted_in_chunks_and_shards_give_the_postings_of_all_at_once() {
    let words = [
        "access",
        "schools",
        "fibre",
        "radio",
        "islands",
        "youth",
        "data",
        "Élèves",
        "الرقمي",
        "数字合作",
    ];
    let documents: Vec<SearchDocument> = (0..3 * COUNTED_AT_ONCE + 7)
        .map(|n| {
            let text = format!(
                "{} {} common word{}",
                words[n % words.len()],
                words[(n / 3) % words.len()],
                n % 11
            );
            document(&format!("contributions/c{n}/"), words[n % 5], "", &text)
        })
        .collect();
    let documents = sorted(&documents);
    assert_eq!(
        term_entries(&documents),
        entries_counted_at_once(&documents)
    );
}
