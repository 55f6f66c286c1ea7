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

/// Every URL in every output of the bundled portal and the fixtures resolves to a file of
/// the same output: absolute URLs under `base_url` anywhere (canonical and `hreflang`
/// alternates, JSON-LD, feeds, sitemap, robots.txt, open data), and relative `href`,
/// `src` and redirect targets in HTML, with `base_url` mapped to the output folder.
#[test]
fn every_url_of_every_output_resolves() {
    let sites = [
        (
            super::support::manifest_dir().to_path_buf(),
            "https://example.org/dcf/",
        ),
        (super::support::fixture_dir("minimal"), BASE_URL),
        (
            super::support::fixture_dir("hostile"),
            "https://example.org/hostile/",
        ),
    ];
    let mut broken = Vec::new();
    for (root, base_url) in sites {
        let temp = temp_dir();
        let output = temp.path().join("out");
        build(&root, &output).assert_code(0);
        for (file, bytes) in super::support::read_tree(&output) {
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            let mut targets: Vec<PathBuf> = absolute_urls(&text, base_url)
                .into_iter()
                .map(|url| output.join(url))
                .collect();
            if file.ends_with(".html") {
                let folder = output.join(&file);
                let folder = folder.parent().expect("a file has a folder");
                for link in relative_links(&text) {
                    targets.push(folder.join(link));
                }
            }
            for target in targets {
                let relative = target.strip_prefix(&output).unwrap_or(&target);
                if !resolves(&output, &target) {
                    broken.push(format!(
                        "{}: {file}: {}",
                        root.display(),
                        relative.display()
                    ));
                }
            }
        }
    }
    broken.sort();
    broken.dedup();
    assert!(
        broken.is_empty(),
        "URLs that resolve to nothing:\n{}",
        broken.join("\n")
    );
}

/// The paths (after `base_url`) of the absolute URLs under `base_url` in `text`.
fn absolute_urls<'t>(text: &'t str, base_url: &str) -> Vec<&'t str> {
    text.split(base_url)
        .skip(1)
        .map(|rest| {
            let end = rest
                .find(|c: char| c.is_whitespace() || "\"'<>,)\\".contains(c))
                .unwrap_or(rest.len());
            strip_fragment(&rest[..end])
        })
        .collect()
}

/// Relative `href`, `src` and `http-equiv="refresh"` targets of an HTML page.
fn relative_links(html: &str) -> Vec<&str> {
    let mut links = values(html, " href=\"", "\"");
    links.extend(values(html, " src=\"", "\""));
    links.extend(values(html, "; url=", "\""));
    links
        .into_iter()
        .map(strip_fragment)
        .filter(|link| !link.is_empty() && !link.contains(':') && !link.starts_with('/'))
        .collect()
}

fn strip_fragment(url: &str) -> &str {
    url.split(['#', '?']).next().unwrap_or_default()
}

/// Whether `target` (a path in the output, possibly with `..`) names a file of the output,
/// a folder standing for its `index.html`.
fn resolves(output: &Path, target: &Path) -> bool {
    let mut file = PathBuf::new();
    for component in target.components() {
        match component {
            std::path::Component::ParentDir => {
                file.pop();
            }
            std::path::Component::CurDir => {}
            other => file.push(other),
        }
    }
    if !file.starts_with(output) {
        return false;
    }
    file.is_file() || file.join("index.html").is_file()
}
