//! Known bugs of `src/`: each test here states what the generator should do, fails today,
//! and is `#[ignore]`d with the reason, so the suite stays green while the bug is visible
//! in every `cargo test` summary. Run them with `cargo test -- --ignored`; when one starts
//! passing, remove its `#[ignore]` (and re-bless any snapshot the fix changes).

use super::invalid::CASES;
use super::support::{
    build, check, contribution, copy_fixture_unpublished, invalid_dir, read, temp_dir, write,
};

/// A problem that only rendering finds (an unsafe link in a valid document's body) is
/// reported even when another document fails validation, because the contract is to show
/// every problem in one run. The expected text was written by hand from the two problems
/// each reported alone.
#[test]
fn body_link_beside_invalid_document() {
    let root = invalid_dir("body-link-beside-invalid-document");
    let expected =
        std::fs::read_to_string(root.join("expected.txt")).expect("cannot read expected.txt");
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr == expected,
        "{}\n--- actual ---\n{}",
        super::support::first_difference(&expected, &run.stderr),
        run.stderr
    );
}

/// `titel` is the most common kind of typo (two letters swapped); the hint must name `title`.
#[test]
fn unknown_field_with_swapped_letters_gets_a_suggestion() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let text = contribution("Swapped", "A", "Body.").replace("title:", "titel:");
    write(&root.join("content/contributions/swapped.md"), &text);
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr.contains("unknown field `titel`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `title`?"),
        "{}",
        run.stderr
    );
}

/// Style rule: every message says what is wrong *and how to fix it*.
#[test]
fn every_diagnostic_has_a_hint() {
    let mut missing = Vec::new();
    for case in CASES {
        let root = invalid_dir(&case.replace('_', "-"));
        let run = check(&root, "json");
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("invalid JSON");
        for item in value.as_array().into_iter().flatten() {
            if item
                .get("hint")
                .and_then(serde_json::Value::as_str)
                .is_none_or(str::is_empty)
            {
                missing.push(format!("{case}: {}: {}", item["file"], item["message"]));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "diagnostics without a hint:\n{}",
        missing.join("\n")
    );
}

/// The theme-name error points at the `theme:` line, like every other site.yaml problem.
#[test]
fn theme_name_error_points_at_the_theme_line() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let site = std::fs::read_to_string(root.join("site.yaml")).expect("cannot read site.yaml");
    write(
        &root.join("site.yaml"),
        &site.replace("theme: default", "theme: \"My Theme\""),
    );
    let line = site
        .lines()
        .position(|line| line.starts_with("theme:"))
        .expect("the fixture names its theme")
        + 1;
    let run = check(&root, "json");
    run.assert_code(1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("invalid JSON");
    let theme = value
        .as_array()
        .into_iter()
        .flatten()
        .find(|item| {
            item["message"]
                .as_str()
                .is_some_and(|message| message.contains("theme name"))
        })
        .expect("a diagnostic about the theme name");
    assert_eq!(
        (theme["line"].as_u64(), theme["column"].as_u64()),
        (Some(line as u64), Some(8)),
        "{theme}"
    );
}

/// An output inside `assets/` is copied into the next build's output (which then grows
/// with every build), and one inside `content/` makes every later build fail: both are
/// among "the site's sources" and must be refused like the root itself.
#[test]
fn output_inside_the_sources_is_refused() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    for inside in ["assets/site", "content/site", "themes/default/static/site"] {
        let output = root.join(inside);
        let run = build(&root, &output);
        assert_eq!(
            run.code, 2,
            "--output {inside} was accepted:\n{}",
            run.stderr
        );
        assert!(!output.exists(), "--output {inside} was written");
    }
}

/// Two objectives whose ids differ only in case (`A`, `a`) share the page `objectives/a/`,
/// so one silently replaces the other; they must be reported as duplicates.
#[test]
fn objectives_differing_only_in_case_are_duplicates() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let objectives = read(&root.join("content/data/objectives.yaml"));
    write(
        &root.join("content/data/objectives.yaml"),
        &format!("{objectives}- id: a\n  title: \"Lowercase twin\"\n"),
    );
    let run = check(&root, "human");
    assert_eq!(
        run.code, 1,
        "objectives `A` and `a` were both accepted:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/data/objectives.yaml"),
        "{}",
        run.stderr
    );
}

/// Forum ids must be usable in a URL; objective ids become URL segments the same way
/// (`objectives/<id>/`) but are not checked, so `C D/../E` yields a folder with a space
/// and a link that resolves to a page that does not exist.
#[test]
fn objective_ids_must_be_usable_in_a_url() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let objectives = read(&root.join("content/data/objectives.yaml"));
    write(
        &root.join("content/data/objectives.yaml"),
        &format!("{objectives}- id: \"C D/../E\"\n  title: \"Spaces and slashes\"\n"),
    );
    let run = check(&root, "human");
    assert_eq!(
        run.code, 1,
        "the objective id `C D/../E` was accepted:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("C D/../E"), "{}", run.stderr);
}

/// `prices.csv` and `prices.yaml` are both published as `data/prices.csv`: the second
/// silently replaces the first.
#[test]
fn datasets_with_the_same_name_are_reported() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    write(
        &root.join("content/data/datasets/prices.yaml"),
        "- group: World\n  \"2021\": 9.9\n",
    );
    let run = check(&root, "human");
    assert_eq!(
        run.code, 1,
        "two datasets named `prices` were accepted:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/data/datasets/prices"),
        "{}",
        run.stderr
    );
}

/// A translation of a policy note or of a chapter is loaded and validated, then dropped:
/// no page, no diagnostic. The load stage promises "never a silent skip".
#[test]
fn translations_of_policy_notes_and_chapters_are_published_or_reported() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    for (original, translation) in [
        (
            "content/policy-notes/connectivity-gaps.md",
            "content/policy-notes/connectivity-gaps.fr.md",
        ),
        (
            "content/report/2025/01-overview.md",
            "content/report/2025/01-overview.fr.md",
        ),
    ] {
        let text =
            read(&root.join(original)).replace("\n---\n", "\n---\nTRADUCTION FRANÇAISE.\n\n");
        write(&root.join(translation), &text);
    }
    let output = temp.path().join("out");
    let run = build(&root, &output);
    if run.code == 0 {
        let published: Vec<String> = super::support::read_tree(&output)
            .into_iter()
            .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains("TRADUCTION FRANÇAISE."))
            .map(|(path, _)| path)
            .collect();
        assert_eq!(published.len(), 3, "the two translations built without a diagnostic, but only these pages show them (the chapter also on the printable report): {published:?}");
    } else {
        run.assert_code(1);
        assert!(
            run.stderr.contains("connectivity-gaps.fr.md")
                && run.stderr.contains("01-overview.fr.md"),
            "{}",
            run.stderr
        );
    }
}

/// site.yaml lists the site's languages (`[en, fr]`); a translation in another official
/// language (`.es.md`) is published anyway. Zola, which the content model defers to where
/// it is silent, rejects a translation in a language the configuration does not list.
#[test]
fn translation_in_a_language_the_site_does_not_list_is_reported() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    write(
        &root.join("content/contributions/open-data-portal.es.md"),
        &read(&root.join("content/contributions/open-data-portal.md")),
    );
    let run = check(&root, "human");
    assert_eq!(
        run.code, 1,
        "a Spanish translation was accepted by a site in [en, fr]:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("open-data-portal.es.md"),
        "{}",
        run.stderr
    );
}

/// Validation is documented to "never stop at the first problem", yet any error in
/// site.yaml ends it before a single document is checked.
#[test]
fn document_problems_are_reported_alongside_site_yaml_problems() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let site = read(&root.join("site.yaml"));
    write(
        &root.join("site.yaml"),
        &site.replace("status: open\n", "status: opened\n"),
    );
    write(
        &root.join("content/contributions/broken.md"),
        &contribution("Broken", "Z", "Unknown objective."),
    );
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr.contains("unknown edition status `opened`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("unknown objective `Z`"),
        "{}",
        run.stderr
    );
}

/// A site's own `assets/robots.txt` is replaced by the generated one (open data, sitemap and
/// robots are written after the assets), without a word. Either the site's file should win,
/// as static files usually do in Zola and Hugo, or the collision should be reported.
#[test]
fn site_asset_is_not_silently_replaced_by_a_generated_file() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let robots = "User-agent: *\nDisallow: /drafts/\n";
    write(&root.join("assets/robots.txt"), robots);
    let output = temp.path().join("out");
    let run = build(&root, &output);
    if run.code == 0 {
        assert_eq!(
            read(&output.join("robots.txt")),
            robots,
            "the site's robots.txt was replaced"
        );
    } else {
        run.assert_code(1);
        assert!(run.stderr.contains("assets/robots.txt"), "{}", run.stderr);
    }
}

/// The text alternative of a chart (its `<desc>`, what a screen reader announces) must not
/// name the same categories as both the largest and the smallest: when every value is
/// equal it should say so. The minimal site's edition chart has 1 contribution in each.
#[test]
fn chart_description_of_equal_values_says_they_are_equal() {
    let temp = temp_dir();
    let output = temp.path().join("out");
    build(&super::support::fixture_dir("minimal"), &output).assert_code(0);
    let mut contradictions = Vec::new();
    for (path, bytes) in super::support::read_tree(&output) {
        let html = String::from_utf8_lossy(&bytes);
        for desc in html
            .split("<desc")
            .skip(1)
            .filter_map(|part| part.split_once("</desc>").map(|(desc, _)| desc))
        {
            let largest = desc
                .split_once("largest value is ")
                .and_then(|(_, rest)| rest.split_once(" and the smallest is "))
                .map(|(largest, _)| largest);
            let smallest = desc
                .split_once(" and the smallest is ")
                .and_then(|(_, rest)| rest.split_once(")."))
                .map(|(smallest, _)| format!("{smallest})"));
            if let (Some(largest), Some(smallest)) = (largest, smallest) {
                if largest == smallest {
                    contradictions.push(format!("{path}: {desc}"));
                }
            }
        }
    }
    contradictions.dedup();
    assert!(
        contradictions.is_empty(),
        "charts described as their own extremes:\n{}",
        contradictions.join("\n")
    );
}
