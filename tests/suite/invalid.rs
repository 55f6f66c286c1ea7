//! Broken sites under `tests/invalid/<case>/`, each with the exact diagnostics it must
//! produce: `expected.txt` holds the whole stderr of `rapporteur check --format human`
//! (diagnostics and closing summary), `expected.github.txt` and `expected.json` the stdout
//! of the other formats where a case has them.
//!
//! Contributors see these messages on every pull request, so their wording, positions and
//! hints are part of the interface. Each case also proves the failure contract: exit
//! status 1, no panic, the same diagnostics from `build` as from `check` (one run shows
//! every problem), and nothing written: no output directory, no temporary directory left
//! behind, the site's own files untouched.

use std::path::Path;

use super::support::{assert_text_file, build, check, invalid_dir, leftovers, read_tree, temp_dir};

/// One `#[test]` per case directory, and the list of cases to check that none is forgotten.
macro_rules! invalid_cases {
    ($($name:ident,)*) => {
        $(
            #[test]
            fn $name() {
                check_invalid(&stringify!($name).replace('_', "-"));
            }
        )*
        pub(super) const CASES: &[&str] = &[$(stringify!($name),)*];
    };
}

invalid_cases! {
    asset_collisions,
    bad_chart_blocks,
    bad_data_translations,
    bad_date,
    bad_slug_file_name,
    body_links_of_invalid_documents,
    broken_links,
    broken_template,
    common_names,
    control_characters,
    date_outside_editions,
    duplicate_data_ids,
    javascript_link_in_body,
    javascript_link_in_links,
    many_problems,
    missing_lines,
    missing_required_fields,
    orphan_translation,
    placeholders,
    sdg_out_of_range,
    site_yaml_errors,
    unclosed_front_matter,
    unknown_field,
    unknown_ids,
    wrong_type,
    yaml_for_people,
    yaml_syntax_error,
}

/// Cases with a hand-written expectation that the current code does not meet; they are
/// checked by the `#[ignore]`d tests of `bugs.rs`, and blessing never overwrites them.
const BUG_CASES: &[&str] = &["body-link-beside-invalid-document"];

/// Runs `check` (every format the case has expectations for) and `build` on the case.
fn check_invalid(case: &str) {
    let root = invalid_dir(case);
    let before = site_files(&root);

    let human = check(&root, "human");
    human.assert_code(1);
    assert_eq!(human.stdout, "", "human diagnostics go to stderr");
    assert_text_file(&root.join("expected.txt"), &human.stderr);
    assert_summary_counts_errors(&human.stderr);

    let github = root.join("expected.github.txt");
    if github.exists() {
        let run = check(&root, "github");
        run.assert_code(1);
        assert_github_annotations(&github, &run.stdout);
    }
    let json = root.join("expected.json");
    if json.exists() {
        let run = check(&root, "json");
        run.assert_code(1);
        assert_text_file(&json, &run.stdout);
        assert_json_matches_human(&run.stdout, &human.stderr);
    }

    assert_build_writes_nothing(&root, &human.stderr);
    assert_eq!(
        site_files(&root),
        before,
        "check or build modified the site at {}",
        root.display()
    );
}

/// The files of a case's site, without its expectations (which blessing rewrites).
fn site_files(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = read_tree(root);
    files.retain(|path, _| !path.starts_with("expected"));
    files
}

/// `build` fails like `check`, printing the same text, and leaves no trace of itself.
fn assert_build_writes_nothing(root: &Path, expected_stderr: &str) {
    let temp = temp_dir();
    let output = temp.path().join("site");
    let run = build(root, &output);
    run.assert_code(1);
    assert_eq!(
        run.stderr, expected_stderr,
        "build and check must report the same problems"
    );
    assert!(
        !output.exists(),
        "a failed build created {}",
        output.display()
    );
    let entries: Vec<_> = std::fs::read_dir(temp.path())
        .expect("cannot list the temporary directory")
        .collect();
    assert!(
        entries.is_empty(),
        "a failed build left {entries:?} beside the output"
    );
    assert!(
        leftovers(root).is_empty() && !root.join("public").exists(),
        "the build wrote into the site root"
    );
}

/// The closing line counts the errors printed above it.
fn assert_summary_counts_errors(stderr: &str) {
    let errors = stderr
        .lines()
        .filter(|line| line.starts_with("error: "))
        .count()
        - 1;
    let noun = if errors == 1 { "problem" } else { "problems" };
    let summary = format!("error: the content has {errors} {noun} to fix; nothing was written\n");
    assert!(
        stderr.ends_with(&summary),
        "expected the summary `{}`:\n{stderr}",
        summary.trim_end()
    );
}

/// Compares GitHub annotations line by line, then checks each line's shape.
fn assert_github_annotations(expected: &Path, actual: &str) {
    assert_text_file(expected, actual);
    let wanted = std::fs::read_to_string(expected).expect("cannot read the expected annotations");
    for (number, (want, got)) in wanted.lines().zip(actual.lines()).enumerate() {
        assert_eq!(want, got, "annotation {} differs", number + 1);
    }
    assert_eq!(
        wanted.lines().count(),
        actual.lines().count(),
        "number of annotations"
    );
    for line in actual.lines() {
        assert!(
            line.starts_with("::error file=content/")
                || line.starts_with("::warning file=content/")
                || line.starts_with("::warning file=site.yaml,"),
            "not an annotation: {line}"
        );
        assert!(
            line.contains(",title=rapporteur::"),
            "annotation without title: {line}"
        );
        assert!(
            !line.contains('\r'),
            "annotations are one line each: {line:?}"
        );
    }
}

/// The JSON format holds the same diagnostics as the human one, in the same order.
fn assert_json_matches_human(json: &str, human: &str) {
    let value: serde_json::Value =
        serde_json::from_str(json).expect("check --format json printed invalid JSON");
    let items = value.as_array().expect("the JSON output is an array");
    let headers: Vec<String> = human
        .lines()
        .filter(|line| line.starts_with("error: ") || line.starts_with("warning: "))
        .filter(|line| !line.starts_with("error: the content has "))
        .map(str::to_owned)
        .collect();
    let from_json: Vec<String> = items
        .iter()
        .map(|item| {
            format!(
                "{}: {}",
                item["severity"].as_str().unwrap_or_default(),
                item["message"].as_str().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        from_json, headers,
        "the JSON and human outputs list different diagnostics"
    );
    for item in items {
        let file = item["file"].as_str().unwrap_or_default();
        assert!(
            !file.is_empty() && !file.starts_with('/') && !file.contains('\\'),
            "file must be relative with `/`: {item}"
        );
    }
}

#[test]
fn every_invalid_case_has_a_test() {
    let mut listed: Vec<String> = CASES
        .iter()
        .map(|case| case.replace('_', "-"))
        .chain(BUG_CASES.iter().map(|case| (*case).to_owned()))
        .collect();
    listed.sort();
    let mut found: Vec<String> =
        std::fs::read_dir(super::support::manifest_dir().join("tests/invalid"))
            .expect("cannot list tests/invalid")
            .filter_map(Result::ok)
            .filter(|entry| entry.path().is_dir())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
    found.sort();
    assert_eq!(
        found, listed,
        "add each directory of tests/invalid to invalid_cases! (or BUG_CASES)"
    );
}

/// `check --changed <files>` (what CI runs on a pull request) reports the problems of those
/// files and every error elsewhere (a change can break files it does not touch), and blames
/// a changed file that others depend on.
#[test]
fn check_changed_reports_the_named_files_and_errors_elsewhere() {
    let root = invalid_dir("many-problems");
    let all = std::fs::read_to_string(root.join("expected.github.txt"))
        .expect("cannot read expected.github.txt");
    let changed = ["content/contributions/open-data.md", "content/notes.md"];
    let run = super::support::rapporteur()
        .arg("check")
        .arg("--root")
        .arg(&root)
        .args(["--format", "github", "--changed"])
        .args(changed)
        .run();
    run.assert_code(1);
    // Errors elsewhere are kept; warnings elsewhere (site.yaml's two open editions) are not.
    let errors: String = all
        .lines()
        .filter(|line| line.starts_with("::error"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(run.stdout, errors, "errors elsewhere are kept");

    let shared = super::support::rapporteur()
        .arg("check")
        .arg("--root")
        .arg(&root)
        .args(["--format", "github", "--changed", "site.yaml"])
        .run();
    shared.assert_code(1);
    let blame = "::error file=site.yaml,title=rapporteur::other files have 17 problems with this change: content/contributions/Mixed_Case.md, content/contributions/archive/old.md, content/contributions/missing.fr.md, content/contributions/never-closed.md, content/contributions/open-data.md and 7 more%0Ahelp: other files depend on this one: fix them in this change, or undo the part of this change that breaks them\n";
    // The blame comes before the warning: both are on site.yaml, the blame at no line.
    let warning = all
        .lines()
        .filter(|line| line.starts_with("::warning file=site.yaml,"))
        .map(|line| format!("{line}\n"))
        .collect::<String>();
    assert_eq!(shared.stdout, format!("{errors}{blame}{warning}"));
}

/// A copy of the `minimal` fixture (unpublished) with `files` added, and `check` run on it.
fn check_with_files(files: &[(&str, &[u8])], format: &str) -> super::support::Output {
    let temp = temp_dir();
    let root = super::support::copy_fixture_unpublished("minimal", temp.path());
    for (path, bytes) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("a file has a folder"))
            .expect("cannot create the folder");
        std::fs::write(&path, bytes).expect("cannot write the file");
    }
    check(&root, format)
}

/// A 5 MB front matter is refused by its size, before the YAML parser reads it (the
/// parser needed about twenty times the scalar's size before its budget tripped).
#[test]
fn oversized_front_matter_is_refused_before_parsing() {
    let title = "a".repeat(5_000_000);
    let text = format!("---\ntitle: \"{title}\"\n---\nBody\n");
    let run = check_with_files(
        &[("content/contributions/huge.md", text.as_bytes())],
        "human",
    );
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "error: this YAML is 4883 KB, more than the 64 KB allowed in a front matter\n --> content/contributions/huge.md:1:1"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("put long text in the body"),
        "{}",
        run.stderr
    );
}
