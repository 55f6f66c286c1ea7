//! Search, end to end without a browser: the index `rapporteur::search` builds is written
//! to a temporary folder and the real `search.js` runs on it in node (a fake page and a
//! fetch that reads the folder, see `search_harness.js`).
//!
//! These tests catch what unit tests cannot: the browser's tokenizer drifting from the
//! Rust one (a query would then miss), the script reading the files wrongly, and a query
//! downloading more of the index than it needs. They need `node`; set
//! `RAPPORTEUR_SKIP_NODE=1` to skip them on a machine without it.

use std::fs;
use std::process::Command;

use rapporteur::search::{build_index, tokenize, SearchDocument};
use serde_json::{json, Value};

use super::support::{manifest_dir, temp_dir};

const HARNESS: &str = include_str!("search_harness.js");

fn document(url: &str, title: &str, summary: &str, text: &str) -> SearchDocument {
    SearchDocument {
        url: url.to_owned(),
        title: title.to_owned(),
        summary: summary.to_owned(),
        text: text.to_owned(),
        kind: "Contribution".to_owned(),
    }
}

fn multilingual() -> Vec<SearchDocument> {
    vec![
        document(
            "contributions/inclusion/",
            "Digital inclusion in rural schools",
            "Community networks connect schools.",
            "Digital skills for teachers and digital devices for pupils.",
        ),
        document(
            "contributions/skills/",
            "Teacher training",
            "Skills for the digital age.",
            "Inclusion of girls in computing courses.",
        ),
        document(
            "fr/contributions/cooperation/",
            "La coopération numérique",
            "Des réseaux pour les élèves des îles.",
            "L'accès à l'Internet progresse.",
        ),
        document(
            "ar/contributions/taawun/",
            "التعاون الرقمي في المنطقة العربية",
            "",
            "تعزيز الشمول الرقمي للشباب.",
        ),
        document(
            "zh/contributions/hezuo/",
            "数字合作",
            "",
            "促进数字合作与包容。",
        ),
    ]
}

/// Writes the index of `documents` to a temporary folder and runs `request` in node.
fn run_harness(documents: &[SearchDocument], lang: &str, request: &Value) -> Option<Value> {
    if std::env::var_os("RAPPORTEUR_SKIP_NODE").is_some() {
        eprintln!("RAPPORTEUR_SKIP_NODE is set: search.js is not tested");
        return None;
    }
    let dir = temp_dir();
    let index = dir.path().join("search");
    fs::create_dir(&index).expect("create the index folder");
    for (name, bytes) in build_index(lang, documents) {
        fs::write(index.join(name), bytes).expect("write an index file");
    }
    let harness = dir.path().join("harness.js");
    fs::write(&harness, HARNESS).expect("write the harness");
    let script = manifest_dir().join("themes/default/static/search.js");
    let output = Command::new("node")
        .arg(&harness)
        .arg(&script)
        .arg(format!("{}/", index.display()))
        .arg(lang)
        .arg(request.to_string())
        .output()
        .expect("node must be installed (or set RAPPORTEUR_SKIP_NODE=1)");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "node failed:\n{stderr}");
    assert!(stderr.is_empty(), "search.js wrote to stderr:\n{stderr}");
    Some(serde_json::from_slice(&output.stdout).expect("the harness prints JSON"))
}

/// Runs one query; returns (status, result links, files fetched).
fn query(answer: &Value, number: usize) -> (String, Vec<String>, Vec<String>) {
    let query = &answer["queries"][number];
    let strings = |value: &Value| -> Vec<String> {
        value
            .as_array()
            .expect("an array")
            .iter()
            .map(|item| item.as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let links = query["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|result| result[0].as_str().unwrap_or_default().to_owned())
        .collect();
    (
        query["status"].as_str().unwrap_or_default().to_owned(),
        links,
        strings(&query["fetched"]),
    )
}

#[test]
fn search_js_makes_the_same_terms_as_the_index() {
    let texts = [
        "Digital Cooperation: AI-governance, 2025!",
        "L'accès à l'Internet des élèves, Îles, Œuvre et ﬁbre",
        "Цифровое СОТРУДНИЧЕСТВО · ΟΔΟΣ όλοι",
        "أمن إدارة آمنة مستوى التّعاون والتعاون بالإنترنت للتنمية ال ٱلكتاب ٢٠٢٥ ۱۴ مـــن",
        "数字合作 人 AI治理2025年 デジタル 𠀀𠀁 한국어 정보",
        "İstanbul ＤＡＴＡ x² 🙂 ✓ — … ",
        &"long".repeat(30),
    ];
    let Some(answer) = run_harness(&[], "en", &json!({ "tokenize": texts })) else {
        return;
    };
    for (number, text) in texts.iter().enumerate() {
        let expected: Vec<String> = tokenize::terms(text);
        let actual: Vec<String> =
            serde_json::from_value(answer["tokenize"][number].clone()).expect("terms");
        assert_eq!(actual, expected, "terms of {text:?}");
    }
}

#[test]
fn queries_in_english_french_arabic_and_chinese_find_their_pages() {
    let queries = [
        "digital inclusion",
        "inclu",
        "cooperation",
        "eleves",
        "الرقمي",
        "التعاون الرقمي",
        "数字合作",
        "nothing-like-this",
    ];
    let Some(answer) = run_harness(&multilingual(), "en", &json!({ "queries": queries })) else {
        return;
    };
    let expect = |number: usize, status: &str, links: &[&str]| {
        let (actual_status, actual_links, _) = query(&answer, number);
        assert_eq!(
            (actual_status.as_str(), actual_links),
            (
                status,
                links
                    .iter()
                    .map(|link| link.to_string())
                    .collect::<Vec<_>>()
            ),
            "query {:?}",
            queries[number]
        );
    };
    // The title hit comes first, then the page with both words in its text.
    expect(
        0,
        "2 results",
        &["../contributions/inclusion/", "../contributions/skills/"],
    );
    expect(
        1,
        "2 results",
        &["../contributions/inclusion/", "../contributions/skills/"],
    );
    expect(2, "1 result", &["../fr/contributions/cooperation/"]);
    expect(3, "1 result", &["../fr/contributions/cooperation/"]);
    expect(4, "1 result", &["../ar/contributions/taawun/"]);
    expect(5, "1 result", &["../ar/contributions/taawun/"]);
    expect(6, "1 result", &["../zh/contributions/hezuo/"]);
    expect(7, "No results", &[]);
    let first = &answer["queries"][0]["results"][0][1];
    assert_eq!(first, "Contribution · Community networks connect schools.");
}

#[test]
fn plural_forms_follow_the_page_language() {
    let Some(answer) = run_harness(&multilingual(), "ar", &json!({ "queries": ["digital"] }))
    else {
        return;
    };
    // Arabic's plural rules say "two" for 2: the page gives no such form, so "other" is used.
    assert_eq!(query(&answer, 0).0, "2 results");
}

/// A corpus large enough to have many shards: a query fetches the manifest, the one
/// shard holding its term and the document files of the results shown, nothing else.
#[test]
fn a_query_downloads_only_its_shard_and_the_documents_shown() {
    let words_of = |n: usize| -> Vec<String> {
        (0..30)
            .map(|k| format!("word{}", (n * 7 + k) % 3000))
            .collect()
    };
    let documents: Vec<SearchDocument> = (0..2000)
        .map(|n| {
            document(
                &format!("contributions/c{n:04}/"),
                &format!("Contribution {n}"),
                "",
                &words_of(n).join(" "),
            )
        })
        .collect();
    let holding = |terms: &[&str]| {
        (0..2000)
            .filter(|&n| {
                terms
                    .iter()
                    .all(|term| words_of(n).iter().any(|word| word == term))
            })
            .count()
    };
    let queries = ["word1234", "word1234 word1240", "zzz"];
    let Some(answer) = run_harness(&documents, "en", &json!({ "queries": queries })) else {
        return;
    };
    let (status, links, fetched) = query(&answer, 0);
    let found = holding(&["word1234"]);
    assert!(
        found > 10,
        "the corpus should give more than a page, not {found}"
    );
    assert_eq!((status, links.len()), (format!("{found} results"), 10));
    assert_eq!(fetched[0], "index.json");
    let shards = fetched.iter().filter(|name| name.starts_with('s')).count();
    let document_files = fetched.iter().filter(|name| name.starts_with('d')).count();
    assert_eq!(
        (shards, 1 + shards + document_files),
        (1, fetched.len()),
        "{fetched:?}"
    );
    assert!((1..=10).contains(&document_files), "{fetched:?}");

    // The second query reuses the cached manifest and shard.
    let (status, _, fetched) = query(&answer, 1);
    assert_eq!(
        status,
        format!("{} results", holding(&["word1234", "word1240"]))
    );
    assert!(
        !fetched.contains(&"index.json".to_owned()),
        "fetched {fetched:?}"
    );
    let (status, links, _) = query(&answer, 2);
    assert_eq!((status.as_str(), links.len()), ("No results", 0));
}

#[test]
fn more_results_are_offered_beyond_the_first_page() {
    let documents: Vec<SearchDocument> = (0..25)
        .map(|n| {
            document(
                &format!("c{n:02}/"),
                &format!("Forum {n}"),
                "",
                "common words",
            )
        })
        .collect();
    let Some(answer) = run_harness(&documents, "en", &json!({ "queries": ["forum"] })) else {
        return;
    };
    let (status, links, _) = query(&answer, 0);
    assert_eq!((status.as_str(), links.len()), ("25 results", 10));
    assert_eq!(links[0], "../c00/");
    assert!(answer["queries"][0]["more"].as_bool().unwrap_or(false));
}
