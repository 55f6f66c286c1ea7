//! The command line: help texts, exit statuses (0 success, 1 invalid content, 2 usage or
//! environment failure), `rapporteur new contribution`, and `publish` / `erratum`.
//!
//! `new contribution` is what a first-time contributor runs, so the skeleton it writes
//! must pass `check` as written, and a slug that cannot be a URL must be refused with a
//! message that says what to type instead. A published edition is frozen: a change to
//! one of its inputs fails `check` until `erratum` records it, and the erratum is listed.

use super::support::{build, check, copy_fixture, rapporteur, read, read_tree, temp_dir};

#[test]
fn help_of_every_subcommand_succeeds() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--help"],
            &[
                "Usage: rapporteur",
                "build",
                "check",
                "publish",
                "erratum",
                "new",
            ],
        ),
        (&["help"], &["Usage: rapporteur"]),
        (
            &["build", "--help"],
            &[
                "Usage: rapporteur build",
                "--root",
                "--output",
                "--base-url",
            ],
        ),
        (
            &["check", "--help"],
            &[
                "Usage: rapporteur check",
                "--root",
                "--format",
                "human",
                "json",
                "github",
            ],
        ),
        (
            &["publish", "--help"],
            &["Usage: rapporteur publish", "<YEAR>", "--root"],
        ),
        (
            &["erratum", "--help"],
            &["Usage: rapporteur erratum", "--description", "<YEAR>"],
        ),
        (
            &["new", "--help"],
            &["Usage: rapporteur new", "contribution"],
        ),
        (
            &["new", "contribution", "--help"],
            &["Usage: rapporteur new contribution", "<SLUG>", "--root"],
        ),
    ];
    for (args, expected) in cases {
        let run = rapporteur().args(args.iter()).run();
        run.assert_code(0);
        for text in *expected {
            assert!(
                run.stdout.contains(text),
                "`rapporteur {}` does not mention `{text}`:\n{}",
                args.join(" "),
                run.stdout
            );
        }
    }
}

#[test]
fn version_is_printed() {
    let run = rapporteur().arg("--version").run();
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        format!("rapporteur {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        &["frobnicate"][..],
        &["check", "--format", "xml"],
        &["new", "contribution"],
        &["build", "--no-such-flag"],
        &[],
    ] {
        let run = rapporteur().args(args.iter()).run();
        run.assert_code(2);
        assert!(
            run.stderr.contains("Usage:")
                || run.stderr.contains("For more information, try '--help'."),
            "`rapporteur {}`:\n{}",
            args.join(" "),
            run.stderr
        );
    }
}

#[test]
fn missing_root_exits_with_status_2() {
    let temp = temp_dir();
    let missing = temp.path().join("nowhere");
    for subcommand in ["check", "build"] {
        let run = rapporteur()
            .arg(subcommand)
            .arg("--root")
            .arg(&missing)
            .run();
        run.assert_code(2);
        assert!(
            run.stderr.starts_with("error: cannot open the site root `"),
            "{}",
            run.stderr
        );
    }
    assert!(!missing.exists());
}

#[test]
fn root_without_site_yaml_is_invalid_content() {
    let temp = temp_dir();
    let run = check(temp.path(), "human");
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("error: the site root has no `site.yaml`"),
        "{}",
        run.stderr
    );
}

#[test]
fn new_contribution_writes_a_skeleton_that_passes_check() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let run = rapporteur()
        .args(["new", "contribution", "my-slug", "--skeleton", "--root"])
        .arg(&root)
        .run();
    run.assert_code(0);
    let path = root.join("content/contributions/my-slug.md");
    assert!(
        run.stderr
            .starts_with(&format!("created {}", path.display())),
        "{}",
        run.stderr
    );
    let skeleton = read(&path);
    assert!(
        skeleton.starts_with("---\n") && skeleton.contains("objectives: [A]"),
        "{skeleton}"
    );

    let checked = check(&root, "human");
    checked.assert_code(0);
    assert!(
        checked.stderr.starts_with("checked ") && checked.stderr.contains("(3 contributions"),
        "{}",
        checked.stderr
    );
    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);
    assert!(output
        .join("2026/contributions/my-slug/index.html")
        .is_file());
}

#[test]
fn new_contribution_uses_the_current_directory_as_root() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    rapporteur()
        .current_dir(&root)
        .args(["new", "contribution", "here", "--skeleton"])
        .run()
        .assert_code(0);
    assert!(root.join("content/contributions/here.md").is_file());
}

#[test]
fn new_contribution_refuses_a_bad_slug() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let before = read_tree(&root);
    for (slug, suggestion) in [
        ("Bad Slug", "bad-slug"),
        ("../escape", "escape"),
        ("trailing-", "trailing"),
        ("UPPER", "upper"),
    ] {
        let run = rapporteur()
            .args(["new", "contribution", slug, "--root"])
            .arg(&root)
            .run();
        run.assert_code(2);
        let message = format!("error: `{slug}` cannot be a contribution's address: use lowercase letters, digits and hyphens, e.g. `{suggestion}`\n");
        assert_eq!(run.stderr, message);
    }
    assert_eq!(read_tree(&root), before, "a refused slug changed the site");
}

#[test]
fn new_contribution_never_overwrites() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let existing = root.join("content/contributions/rural-schools.md");
    let before = read(&existing);
    let run = rapporteur()
        .args(["new", "contribution", "rural-schools", "--root"])
        .arg(&root)
        .run();
    run.assert_code(2);
    assert!(
        run.stderr.contains("already exists; choose another slug"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&existing), before);
}

#[test]
fn new_contribution_needs_a_site_root() {
    let temp = temp_dir();
    let run = rapporteur()
        .args(["new", "contribution", "orphan", "--root"])
        .arg(temp.path())
        .run();
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("is not a site root: it has no site.yaml (pass --root)"),
        "{}",
        run.stderr
    );
    assert!(
        !temp.path().join("content").exists(),
        "nothing is created outside a site"
    );
}

#[test]
fn published_edition_is_frozen_until_an_erratum_records_the_change() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let changed = root.join("content/contributions/rural-schools.md");
    let text = read(&changed);
    super::support::write(&changed, &format!("{text}\nA late correction.\n"));

    let run = check(&root, "human");
    run.assert_code(1);
    assert!(run.stderr.starts_with("error: this file changed after edition 2025 was published\n--> content/contributions/rural-schools.md\n"), "{}", run.stderr);

    let recorded = rapporteur()
        .args([
            "erratum",
            "2025",
            "--description",
            "Corrected <b>the</b> count & {{ 7*7 }}",
            "--root",
        ])
        .arg(&root)
        .run();
    recorded.assert_code(0);
    assert!(
        recorded
            .stderr
            .contains("content/contributions/rural-schools.md"),
        "{}",
        recorded.stderr
    );
    check(&root, "human").assert_code(0);

    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);
    let report = read(&output.join("2025/report/index.html"));
    assert!(report.contains("<h2 id=\"errata\">Errata</h2>"), "{report}");
    assert!(
        report.contains("Corrected &lt;b&gt;the&lt;/b&gt; count &amp; {{ 7*7 }}</li>"),
        "{report}"
    );
}

#[test]
fn publish_freezes_an_open_edition() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    // Edition 2026 has no report, its period runs until 2026-06-30 and the site is not
    // in git: `--force` publishes all the same (the refusals are tested in editions.rs).
    let run = rapporteur()
        .args(["publish", "2026", "--force", "--root"])
        .arg(&root)
        .run();
    run.assert_code(0);
    assert!(root.join("editions/2026.yaml").is_file());
    let site = read(&root.join("site.yaml"));
    assert!(
        !site.contains("status: open"),
        "edition 2026 is still open:\n{site}"
    );
    check(&root, "human").assert_code(0);
    let added = root.join("content/contributions/late.md");
    super::support::write(
        &added,
        &super::support::contribution("Too late", "A", "After publication."),
    );
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/contributions/late.md"),
        "{}",
        run.stderr
    );
}

#[test]
fn publish_refuses_an_unknown_edition() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let before = read_tree(&root);
    let run = rapporteur()
        .args(["publish", "2031", "--root"])
        .arg(&root)
        .run();
    assert_ne!(
        run.code, 0,
        "publishing a missing edition succeeded:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("2031"), "{}", run.stderr);
    assert_eq!(read_tree(&root), before);
}
