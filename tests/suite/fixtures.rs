//! Valid sites built end to end and compared file by file, byte for byte, with their
//! expected output (`tests/fixtures/<case>/expected/`).
//!
//! A snapshot of the whole output catches every unintended change to a page, a link or a
//! file name, which assertions on a few strings would miss. `minimal` exercises every kind
//! of page (home, report and chapters, contributions and a translation, a policy note,
//! objectives, actions, forums, facets, 404, assets and datasets); `hostile` holds markup and
//! template syntax that must come out escaped (see also `sanitize.rs`). After an intended
//! change, refresh with `RAPPORTEUR_BLESS=1 cargo test` and read the diff.

use super::support::{build, check, check_site, copy_fixture, fixture_dir, read, temp_dir};

#[test]
fn minimal_site_matches_expected_output() {
    check_site("minimal");
}

#[test]
fn hostile_site_matches_expected_output() {
    check_site("hostile");
}

#[test]
fn every_fixture_has_a_snapshot_test() {
    let tested = ["hostile", "minimal"];
    let mut found: Vec<String> =
        std::fs::read_dir(super::support::manifest_dir().join("tests/fixtures"))
            .expect("cannot list tests/fixtures")
            .filter_map(Result::ok)
            .filter(|entry| entry.path().is_dir())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
    found.sort();
    assert_eq!(
        found, tested,
        "add a test calling check_site() for each fixture"
    );
}

#[test]
fn check_accepts_the_valid_fixtures_in_every_format() {
    // The hostile fixture is valid too, with a warning for each piece of raw HTML the
    // sanitizer removes (the exact warnings are in `tests/fixtures/hostile/warnings.txt`).
    check(&fixture_dir("hostile"), "human").assert_code(0);
    let root = fixture_dir("minimal");
    let human = check(&root, "human");
    human.assert_code(0);
    assert!(
        human.stderr.starts_with("checked ") && !human.stderr.contains("warning"),
        "{}",
        human.stderr
    );
    assert_eq!(
        check(&root, "json").assert_code(0).stdout,
        "[]\n",
        "JSON of no diagnostics"
    );
    assert_eq!(
        check(&root, "github").assert_code(0).stdout,
        "",
        "no annotations"
    );
}

#[test]
fn check_and_build_count_the_same_pages() {
    let root = fixture_dir("minimal");
    let temp = temp_dir();
    let output = temp.path().join("site");
    let checked = check(&root, "human");
    let built = build(&root, &output);
    let counts = |text: &str| {
        text.split(" in ")
            .next()
            .and_then(|prefix| prefix.split_once(' '))
            .map(|(_, rest)| rest.to_owned())
    };
    assert_eq!(
        counts(&checked.stderr),
        counts(&built.stderr),
        "check: {}\nbuild: {}",
        checked.stderr,
        built.stderr
    );
    let pages = super::support::read_tree(&output)
        .keys()
        .filter(|path| path.ends_with(".html"))
        .count();
    assert_eq!(
        counts(&built.stderr),
        Some(format!("{pages} pages (2 contributions, 2 editions)")),
        "{}",
        built.stderr
    );
}

#[test]
fn base_url_option_overrides_site_yaml() {
    let temp = temp_dir();
    let output = temp.path().join("site");
    super::support::rapporteur()
        .arg("build")
        .arg("--root")
        .arg(fixture_dir("minimal"))
        .arg("--output")
        .arg(&output)
        .args(["--base-url", "https://mirror.example/reports"])
        .run()
        .assert_code(0);
    let page = read(&output.join("2025/contributions/rural-schools/index.html"));
    assert!(page.contains(r#"<link rel="canonical" href="https://mirror.example/reports/2025/contributions/rural-schools/">"#), "{page}");
    assert!(!page.contains("https://example.org/minimal/"), "{page}");
    let not_found = read(&output.join("404.html"));
    assert!(
        not_found.contains(r#"<link rel="stylesheet" href="/reports/style.css">"#),
        "{not_found}"
    );
}

#[test]
fn a_site_without_optional_parts_builds() {
    // No home page, no report, no policy note, no assets, no datasets, one language.
    let temp = temp_dir();
    let root = super::support::copy_fixture_unpublished("minimal", temp.path());
    for path in [
        "content/_index.md",
        "content/report",
        "content/policy-notes",
        "content/data/datasets",
        "assets",
        "content/contributions/rural-schools.fr.md",
    ] {
        let path = root.join(path);
        if path.is_dir() {
            std::fs::remove_dir_all(&path).expect("cannot remove a directory");
        } else {
            std::fs::remove_file(&path).expect("cannot remove a file");
        }
    }
    // With no report, the contribution's links to it would be broken.
    let contribution = root.join("content/contributions/rural-schools.md");
    let text = read(&contribution).replace(
        "See the [report](/report/2025/) and the [overview](/report/2025/overview/).",
        "",
    );
    super::support::write(&contribution, &text);
    let site_yaml = read(&root.join("site.yaml")).replace("languages: [en, fr]", "languages: [en]");
    super::support::write(&root.join("site.yaml"), &site_yaml);
    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);
    let home = read(&output.join("index.html"));
    assert!(
        home.contains("<h1>Minimal Forum</h1>"),
        "the home page falls back to the site title:\n{home}"
    );
    assert!(
        !home.contains("report/"),
        "no report, so no link to one:\n{home}"
    );
    assert!(read(&output.join("2025/policy-notes/index.html"))
        .contains("No policy note has been published yet."));
    for absent in [
        "fr",
        "2025/report",
        "2025/print",
        "data/prices.csv",
        "2025/policy-notes/connectivity-gaps",
        "humans.txt",
    ] {
        assert!(!output.join(absent).exists(), "{absent} was built");
    }
}

#[test]
fn listings_are_paginated_by_fifty() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    for number in 1..=51 {
        let path = root.join(format!("content/contributions/generated-{number:02}.md"));
        super::support::write(
            &path,
            &super::support::contribution(
                &format!("Generated contribution {number:02}"),
                "B",
                "Generated.",
            ),
        );
    }
    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);
    let first = read(&output.join("2026/contributions/index.html"));
    let second = read(&output.join("2026/contributions/page/2/index.html"));
    let items = |page: &str| page.matches(r#"<a class="item-title""#).count();
    assert_eq!(
        (items(&first), items(&second)),
        (50, 2),
        "52 contributions in edition 2026: 50 on page 1, 2 on page 2"
    );
    assert!(
        second.contains(r#"<ol class="items" start="51">"#),
        "{second}"
    );
    assert!(
        first.contains(r#"<a rel="next" href="../contributions/page/2/">Next</a>"#),
        "{first}"
    );
    assert!(
        second.contains(r#"<a rel="prev" href="../../../contributions/">Previous</a>"#),
        "{second}"
    );
    assert!(!output.join("2026/contributions/page/3").exists());
    // Objective B has 52 contributions (the 51 generated ones and open-data-portal).
    assert!(output
        .join("2026/objectives/b/contributions/page/2/index.html")
        .is_file());
}
