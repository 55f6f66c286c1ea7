//! Absolute URLs the portal publishes (canonical links of redirect pages, Atom entries,
//! the `url` of open data) point at files the build writes: each is mapped from
//! `base_url` to the output folder and must exist there.

use std::path::{Path, PathBuf};

use super::support::{build, contribution, copy_fixture, read, temp_dir, write};

/// The base URL of the `minimal` fixture.
const BASE_URL: &str = "https://example.org/minimal/";

/// The output file that the absolute `url` names, or `None` when it is not under `BASE_URL`.
fn output_file(output: &Path, url: &str) -> Option<PathBuf> {
    let path = url.strip_prefix(BASE_URL)?;
    if path.is_empty() || path.ends_with('/') {
        Some(output.join(path).join("index.html"))
    } else {
        Some(output.join(path))
    }
}

#[track_caller]
fn assert_resolves(output: &Path, url: &str, found_in: &str) {
    let file = output_file(output, url)
        .unwrap_or_else(|| panic!("{found_in}: `{url}` is not under {BASE_URL}"));
    assert!(
        file.is_file(),
        "{found_in}: `{url}` names {}, which the build did not write",
        file.display()
    );
}

/// Every value of `attribute="…"` (or of an element `<name>…</name>`) in `text`.
fn values<'t>(text: &'t str, open: &str, close: &str) -> Vec<&'t str> {
    text.split(open)
        .skip(1)
        .filter_map(|rest| rest.split(close).next())
        .collect()
}

/// Builds the `minimal` fixture with a 2026 contribution that has an old address.
fn build_with_alias(parent: &Path) -> PathBuf {
    let root = copy_fixture("minimal", parent);
    let text = contribution("Renamed", "A", "Body.").replacen(
        "status: ongoing\n",
        "status: ongoing\naliases: [old-name]\n",
        1,
    );
    write(&root.join("content/contributions/renamed.md"), &text);
    let output = parent.join("out");
    build(&root, &output).assert_code(0);
    output
}

/// An alias's redirect page sends readers, and search engines (its canonical link), to
/// the contribution in its own edition: `/2026/contributions/renamed/`, not
/// `/contributions/renamed/`.
#[test]
fn alias_redirects_and_their_canonical_links_stay_in_the_edition() {
    let temp = temp_dir();
    let output = build_with_alias(temp.path());
    for portal in ["2026", "fr/2026"] {
        let page = output
            .join(portal)
            .join("contributions/old-name/index.html");
        let html = read(&page);
        let canonical = values(&html, "<link rel=\"canonical\" href=\"", "\"");
        assert_eq!(
            canonical,
            [format!("{BASE_URL}{portal}/contributions/renamed/")],
            "{}",
            page.display()
        );
        let refresh = values(&html, "url=", "\"");
        let target = page
            .parent()
            .expect("a page has a folder")
            .join(refresh.first().expect("a refresh target"))
            .join("index.html");
        assert!(target.is_file(), "{} redirects to nothing", page.display());
    }
}

/// Atom entries (`<id>`, `<link>`) name the contributions' pages in their editions.
#[test]
fn feed_entries_link_to_pages_that_exist() {
    let temp = temp_dir();
    let output = build_with_alias(temp.path());
    for feed in ["feeds/2025.xml", "feeds/2026.xml", "feeds/objective-a.xml"] {
        let xml = read(&output.join(feed));
        let ids = values(&xml, "<id>", "</id>");
        let links = values(&xml, "<link href=\"", "\"");
        assert!(ids.len() > 1, "{feed} has no entries");
        assert_eq!(ids.len(), links.len() + 1, "{feed}: one link per entry");
        for url in ids.iter().chain(&links) {
            assert_resolves(&output, url, feed);
        }
    }
}

/// The `url` of every record of the open data names the contribution's page.
#[test]
fn open_data_urls_name_pages_that_exist() {
    let temp = temp_dir();
    let output = build_with_alias(temp.path());
    for year in [2025, 2026] {
        let name = format!("data/contributions-{year}.json");
        let records: serde_json::Value =
            serde_json::from_str(&read(&output.join(&name))).expect("valid JSON");
        let records = records.as_array().expect("an array of records");
        assert!(!records.is_empty(), "{name} is empty");
        for record in records {
            let url = record["url"].as_str().expect("a url");
            assert_resolves(&output, url, &name);
        }
        let name = format!("data/contributions-{year}.csv");
        let mut reader = csv::Reader::from_path(output.join(&name)).expect("readable CSV");
        let column = reader
            .headers()
            .expect("a header")
            .iter()
            .position(|header| header == "url")
            .expect("a url column");
        for row in reader.records() {
            let row = row.expect("a CSV row");
            assert_resolves(&output, &row[column], &name);
        }
    }
}
