//! What a reader of the bundled portal meets on the report and contribution pages: one
//! heading outline per page with no skipped level (the Nu HTML Checker's rule), the
//! report's chapters listed once and its status said once, and dates that say what they
//! are without commit hashes.

use std::path::Path;

use super::support::{build, manifest_dir, read, temp_dir};

/// The heading levels of `html`, in order.
fn heading_levels(html: &str) -> Vec<u8> {
    html.match_indices("<h")
        .filter_map(|(at, _)| {
            let level = html[at + 2..].bytes().next()?;
            let after = html[at + 3..].bytes().next()?;
            (level.is_ascii_digit() && (after == b'>' || after == b' ')).then(|| level - b'0')
        })
        .collect()
}

fn contribution_pages(output: &Path) -> Vec<String> {
    let mut pages = Vec::new();
    for portal in ["2025", "2026", "fr/2025", "ar/2026"] {
        let folder = output.join(portal).join("contributions");
        for entry in std::fs::read_dir(&folder)
            .expect("contributions folder")
            .flatten()
        {
            let page = entry.path().join("index.html");
            if entry.file_name() == "page" || !page.is_file() {
                continue;
            }
            let html = read(&page);
            // Old addresses (`aliases:`) are redirect pages, with no content of their own.
            if html.contains("<h1") {
                pages.push(html);
            }
        }
    }
    pages
}

#[test]
fn bundled_report_and_contribution_pages_read_cleanly() {
    let temp = temp_dir();
    let output = temp.path().join("site");
    build(manifest_dir(), &output).assert_code(0);

    let pages = contribution_pages(&output);
    assert!(pages.len() > 40, "{}", pages.len());
    for page in &pages {
        let levels = heading_levels(page);
        assert_eq!(levels.first(), Some(&1), "{page}");
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "heading level skipped in {levels:?}: {page}"
            );
        }
        assert!(
            !page.contains("<code>") || !page.contains("commit"),
            "{page}"
        );
        assert!(page.contains("<dt>") && !page.contains("(commit"), "{page}");
    }

    let report = read(&output.join("2025/report/index.html"));
    assert_eq!(
        report.matches(">Connectivity and affordability<").count(),
        1,
        "{report}"
    );
    let meta = |page: &str| {
        let start = page
            .find("<p class=\"meta\">")
            .expect("the report's meta line");
        let end = start + page[start..].find("</p>").expect("its end");
        page[start..end].to_owned()
    };
    // "Published <date>" says the status; it is not repeated after the reporting period.
    assert_eq!(meta(&report).matches("Published").count(), 1, "{report}");
    let report = read(&output.join("fr/2025/report/index.html"));
    assert!(!meta(&report).contains("Publiée"), "{report}");
}
