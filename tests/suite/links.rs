//! Links and images in Markdown bodies (issue 13): every form a writer uses resolves to the
//! right address in every portal, and the broken ones are reported (see the
//! `tests/invalid/broken-links` case for the exact diagnostics).

use super::support::{build, copy_dir, invalid_dir, read, temp_dir, write};

/// The `broken-links` case with its broken contribution replaced by a valid one, built.
fn built_site() -> tempfile::TempDir {
    let temp = temp_dir();
    let root = temp.path().join("root");
    copy_dir(&invalid_dir("broken-links"), &root);
    let contribution = root.join("content/contributions/rural-schools.md");
    let text = read(&contribution);
    let front_matter_end = text.rfind("---\n").expect("front matter") + 4;
    write(
        &contribution,
        &format!(
            "{}See [the results](#results) and <span id=\"errata\">a span</span>, [linked](#errata).\n\n## Results\n\n## Main\n",
            &text[..front_matter_end]
        ),
    );
    build(&root, &temp.path().join("site")).assert_code(0);
    temp
}

#[test]
fn links_to_documents_pages_and_assets_are_rewritten_for_every_portal() {
    let temp = built_site();
    let site = temp.path().join("site");
    let sahel = read(&site.join("2025/contributions/sahel-community-network/index.html"));
    for href in [
        r#"href="../../contributions/rural-schools/#c-results""#,
        r#"href="../../../2026/contributions/open-data-portal/""#,
        r#"href="../../../images/map.png""#,
        r#"href="../../objectives/a/""#,
        r#"href="../../contributions/""#,
    ] {
        assert!(sahel.contains(href), "{href}: {sahel}");
    }
    let french = read(&site.join("fr/2025/contributions/sahel-community-network/index.html"));
    assert!(
        french.contains(r#"href="../../../../images/map.png""#),
        "{french}"
    );
    assert!(
        french.contains(r#"href="../../../2026/contributions/open-data-portal/""#),
        "{french}"
    );
    let open_data = read(&site.join("2026/contributions/open-data-portal/index.html"));
    assert!(
        open_data.contains(r#"href="../../../2025/contributions/sahel-community-network/""#),
        "{open_data}"
    );
    assert!(
        open_data.contains(r#"<img src="../../../images/map.png" alt="Map" />"#),
        "{open_data}"
    );
    assert!(site.join("images/map.png").is_file());
}

#[test]
fn ids_from_the_text_cannot_take_the_page_s_own() {
    let temp = built_site();
    let html = read(
        &temp
            .path()
            .join("site/2025/contributions/rural-schools/index.html"),
    );
    assert_eq!(
        html.matches(r#"id="main""#).count(),
        1,
        "only the template's: {html}"
    );
    assert!(html.contains(r#"<h2 id="c-main">Main</h2>"#), "{html}");
    assert!(
        html.contains(r#"<span id="c-errata">a span</span>"#),
        "{html}"
    );
    assert!(
        html.contains(r##"<a href="#c-results" rel="noopener noreferrer">the results</a>"##),
        "{html}"
    );
    assert!(
        html.contains(r##"<a href="#c-errata" rel="noopener noreferrer">linked</a>"##),
        "{html}"
    );
}

#[test]
fn the_bundled_report_cites_its_evidence() {
    let report = super::support::manifest_dir().join("content/report");
    let mut citations = 0;
    for entry in std::fs::read_dir(report.join("2025")).expect("the 2025 report") {
        let text = read(&entry.expect("an entry").path());
        for kind in ["[action ", "[forum ", "[contribution "] {
            citations += text.matches(kind).count();
        }
    }
    assert!(citations >= 20, "{citations} citations");
}

#[test]
fn the_theme_leaves_content_ids_to_the_content() {
    // Ids starting with `c-` are the content's (headings, footnotes, raw HTML): a template
    // that used one could be taken by a contributor's heading.
    let templates = super::support::manifest_dir().join("themes/default/templates");
    let mut folders = vec![templates];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("a theme folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let text = read(&path);
                assert!(!text.contains("id=\"c-"), "{}", path.display());
            }
        }
    }
}
