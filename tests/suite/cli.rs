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

/// The skeleton is valid YAML whose placeholders are errors until replaced: an unedited
/// file cannot be merged, and once filled in it checks and builds; with `draft: true` it
/// is checked but left out of the build.
#[test]
fn new_contribution_skeleton_must_be_filled_in() {
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
    checked.assert_code(1);
    for message in [
        "error: the title is still the placeholder of the new file",
        "error: the stakeholder's name is still the placeholder of the new file",
        "error: the text is still the placeholder of the new file",
        "error: the content has 3 problems to fix",
    ] {
        assert!(
            checked.stderr.contains(message),
            "{message}: {}",
            checked.stderr
        );
    }

    let as_draft = skeleton.replacen("status: planned", "draft: true\nstatus: planned", 1);
    super::support::write(&path, &as_draft);
    let checked = check(&root, "human");
    checked.assert_code(0);
    assert!(
        checked.stderr.contains("(2 contributions") && checked.stderr.contains(", 3 warnings"),
        "a draft is checked, with warnings, and not counted: {}",
        checked.stderr
    );
    let output = temp.path().join("draft-out");
    build(&root, &output).assert_code(0);
    assert!(
        !output.join("2026/contributions/my-slug").exists(),
        "a draft is not built"
    );

    let filled = skeleton
        .replace("A short title that says what was done and where", "Libraries online")
        .replace("Your organization", "Library Network")
        .replace(
            "Describe the work in a few paragraphs: what was done, for whom, with whom, what changed,\nand what remains to be done. You can use Markdown: **bold**, lists, tables and links.\n",
            "Forty libraries were connected.\n",
        );
    super::support::write(&path, &filled);
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

/// `check --changed FILE…` with the minimal site: its `Output` and the root.
fn check_changed(root: &std::path::Path, names: &[&str]) -> super::support::Output {
    rapporteur()
        .args(["check", "--format", "github", "--root"])
        .arg(root)
        .arg("--changed")
        .args(names)
        .run()
}

/// Moving an edition's boundary in site.yaml breaks contributions it does not touch:
/// `check --changed site.yaml` fails and names site.yaml as the cause.
#[test]
fn check_changed_fails_when_the_change_breaks_other_files() {
    let temp = temp_dir();
    let root = super::support::copy_fixture_unpublished("minimal", temp.path());
    let site = read(&root.join("site.yaml"));
    super::support::write(
        &root.join("site.yaml"),
        &site.replace("to: 2025-06-30", "to: 2025-03-01"),
    );
    let run = check_changed(&root, &["site.yaml"]);
    run.assert_code(1);
    assert!(
        run.stdout
            .contains("::error file=content/contributions/rural-schools.md,line=12,col=7,")
            && run
                .stdout
                .contains("no edition's reporting period contains 2025-03-14%0Ahelp: editions cover 2024-07-01 to 2025-03-01, 2025-07-01 to 2026-06-30;"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("::error file=site.yaml,title=rapporteur::other files have 3 problems with this change: content/contributions/rural-schools.fr.md, content/contributions/rural-schools.md, content/policy-notes/connectivity-gaps.md%0A"),
        "{}",
        run.stdout
    );
}

/// A name that is not a file of the site fails the check instead of matching nothing;
/// absolute paths inside the root and git's quoted names are understood.
#[test]
fn check_changed_refuses_names_that_are_not_site_files() {
    let temp = temp_dir();
    let root = super::support::copy_fixture_unpublished("minimal", temp.path());
    for name in [
        "/etc/passwd",
        "content/contributions/no-such-file.md",
        "README.md",
        "../outside.md",
    ] {
        let run = check_changed(&root, &[name]);
        run.assert_code(1);
        assert!(
            run.stdout.starts_with(&format!(
                "::warning file={},title=rapporteur::`--changed {name}`: ",
                name.replace(':', "%3A")
            )),
            "{name}: {}",
            run.stdout
        );
        assert!(
            run.stderr
                .contains("error: 1 of the names given to --changed is not a file of the site"),
            "{}",
            run.stderr
        );
    }

    let absolute = root.join("content/contributions/rural-schools.md");
    let run = check_changed(&root, &[absolute.to_str().expect("a UTF-8 temporary path")]);
    run.assert_code(0);

    super::support::write(
        &root.join("content/contributions/réseau.md"),
        &read(&root.join("content/contributions/open-data-portal.md")),
    );
    let run = check_changed(&root, &["\"content/contributions/r\\303\\251seau.md\""]);
    run.assert_code(1);
    assert!(
        run.stdout.starts_with("::error file=content/contributions/réseau.md,line=1,col=1,title=rapporteur::the file name `réseau` cannot be used in a web address"),
        "{}",
        run.stdout
    );
}

/// Like git, every command finds the site root from a subfolder.
#[test]
fn commands_find_the_site_root_from_a_subfolder() {
    let temp = temp_dir();
    let root = super::support::copy_fixture_unpublished("minimal", temp.path());
    let run = rapporteur()
        .current_dir(root.join("content/contributions"))
        .arg("check")
        .run();
    run.assert_code(0);
    assert!(
        run.stderr.lines().any(|line| line.starts_with("checked ")),
        "{}",
        run.stderr
    );
    let run = rapporteur()
        .current_dir(root.join("content/contributions"))
        .args(["check", "--changed", "rural-schools.md"])
        .run();
    run.assert_code(0);
    rapporteur()
        .current_dir(root.join("content/data"))
        .args(["new", "contribution", "from-below", "--skeleton"])
        .run()
        .assert_code(0);
    assert!(root.join("content/contributions/from-below.md").is_file());
}

/// Runs `git` in `dir`, failing the test on error.
fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let output = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .output()
        .expect("cannot run git");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// The pull-request workflow's own script, on a real repository whose pull request adds a
/// file named with a space and one with accents: both reach `check --changed` and get
/// their annotations (git's quoting and word splitting made them match nothing before),
/// and the job summary lists them by file.
#[test]
fn pull_request_script_annotates_names_with_spaces_and_accents() {
    let temp = temp_dir();
    let root = super::support::copy_fixture_unpublished("minimal", temp.path());
    super::support::write(&root.join("README.md"), "Not a file of the site.\n");
    git(&root, &["init", "-q"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "base"]);
    let base = git(&root, &["rev-parse", "HEAD"]);
    let contribution = read(&root.join("content/contributions/open-data-portal.md"));
    for name in ["community network.md", "réseau çà.md"] {
        super::support::write(
            &root.join("content/contributions").join(name),
            &contribution,
        );
    }
    super::support::write(&root.join("README.md"), "Changed, and not checked.\n");
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "pull request"]);

    let script = super::support::manifest_dir().join(".github/scripts/check-pull-request.sh");
    let summary_file = temp.path().join("summary.md");
    let output = std::process::Command::new("bash")
        .arg(&script)
        .arg(&base)
        .current_dir(&root)
        .env("RAPPORTEUR", env!("CARGO_BIN_EXE_rapporteur"))
        .env("GITHUB_STEP_SUMMARY", &summary_file)
        .output()
        .expect("cannot run the workflow's script");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    for (file, slug) in [
        ("community network.md", "community-network"),
        ("réseau çà.md", "reseau-ca"),
    ] {
        let annotation = format!("::error file=content/contributions/{file},line=1,col=1,title=rapporteur::the file name `{}` cannot be used in a web address%0Ahelp: rename the file with lowercase letters, digits and hyphens only, e.g. `{slug}.md`\n", file.trim_end_matches(".md"));
        assert!(
            stdout.contains(&annotation),
            "{annotation}\nnot in:\n{stdout}\n{stderr}"
        );
    }
    assert!(!stdout.contains("README"), "{stdout}");
    let summary = read(&summary_file);
    for heading in [
        "## rapporteur: 2 problems to fix, 0 warnings\n",
        "\n### content/contributions/community network.md\n\n- **Line 1, column 1** (to fix): the file name `community network` cannot be used in a web address. How to fix it: rename the file",
        "\n### content/contributions/réseau çà.md\n",
    ] {
        assert!(summary.contains(heading), "{heading:?} not in the job summary:\n{summary}");
    }
}
