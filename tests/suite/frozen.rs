//! A published edition is frozen for everything its pages show (issues #12 and #13): its
//! documents, the home page, the site's title and description, its data records, the
//! site's assets and theme overrides. Data grows for later editions (`added_in:`) without
//! touching it, and `publish` refuses an edition that is not ready.

use std::path::Path;
use std::process::Command;

use super::support::{
    check, copy_fixture, copy_fixture_unpublished, rapporteur, read, read_tree, temp_dir, write,
};

const FORUMS: &str = "content/data/forums.yaml";

fn append(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    let before = read(&path);
    write(&path, &format!("{before}{text}"));
}

const NEW_FORUM: &str = "- id: new-dialogue\n  name: \"New Dialogue\"\n  category: other\n";

#[test]
fn a_forum_added_for_the_next_edition_leaves_the_published_one_untouched() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    append(&root, FORUMS, &format!("{NEW_FORUM}  added_in: 2026\n"));
    check(&root, "human").assert_code(0);
}

#[test]
fn a_forum_added_without_added_in_is_named_on_its_line() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    append(&root, FORUMS, NEW_FORUM);
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(run.stderr.contains("error: forum `new-dialogue` was added to edition 2025 after it was published\n  --> content/data/forums.yaml:13:3"), "{}", run.stderr);
    assert!(
        run.stderr.contains("give it `added_in: 2026`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_changed_or_removed_record_is_named_with_its_id() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let forums = read(&root.join(FORUMS));
    write(
        &root.join(FORUMS),
        &forums.replace("\"Internet Governance Forum\"", "\"IGF\""),
    );
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(run.stderr.contains("error: forum `igf` changed after edition 2025 was published\n --> content/data/forums.yaml:1:3"), "{}", run.stderr);

    let root = copy_fixture("minimal", &temp.path().join("removed"));
    let kept = forums.split("- id: wsis-forum").next().expect("two forums");
    write(&root.join(FORUMS), kept);
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("forum `wsis-forum` was removed from edition 2025 after publication"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("`removed_in: 2026`"), "{}", run.stderr);
}

#[test]
fn removed_in_must_come_after_added_in() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    append(
        &root,
        FORUMS,
        &format!("{NEW_FORUM}  added_in: 2026\n  removed_in: 2025\n"),
    );
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr.contains("error: `removed_in: 2025` is not after `added_in: 2026`\n  --> content/data/forums.yaml:17:15"),
        "{}",
        run.stderr
    );
}

/// A named change to a site, and the diagnostic it must cause.
type Change = (&'static str, fn(&Path), &'static str);

/// Each change alters what the published edition's pages show, so each is an error
/// naming the file it happened in (and the line, for a site text in site.yaml).
#[test]
fn home_site_texts_theme_and_assets_of_a_published_edition_are_frozen() {
    let changes: [Change; 6] = [
        (
            "home",
            |root| append(root, "content/_index.md", "\nA new sentence.\n"),
            "error: this file changed after edition 2025 was published\n--> content/_index.md",
        ),
        (
            "title",
            |root| {
                let site = read(&root.join("site.yaml"));
                write(&root.join("site.yaml"), &site.replace("\"Minimal Forum\"", "\"Other\""));
            },
            "error: the site's `title` changed after edition 2025 was published\n --> site.yaml:1:8\n  |\n1 | title: \"Other\"\n  |        ^^^^^^^",
        ),
        (
            "translated title",
            |root| append(root, "site.yaml", "translations:\n  fr:\n    description: \"Un site\"\n    title: \"Forum\"\n"),
            "error: the site's `title.fr` was added to edition 2025 after it was published\n  --> site.yaml:20:12",
        ),
        (
            "theme",
            |root| {
                write(
                    &root.join("themes/default/templates/partials/footer.html"),
                    "<script>alert(1)</script>\n",
                )
            },
            "error: this file was added to edition 2025 after it was published\n--> themes/default/templates/partials/footer.html",
        ),
        (
            "asset",
            |root| write(&root.join("assets/search.js"), "alert(1)\n"),
            "error: this file was added to edition 2025 after it was published\n--> assets/search.js",
        ),
        (
            "manifest",
            |root| std::fs::remove_file(root.join("editions/2025.yaml")).expect("manifest"),
            "error: edition 2025 is marked published but has no manifest",
        ),
    ];
    let temp = temp_dir();
    for (name, change, expected) in changes {
        let root = copy_fixture("minimal", &temp.path().join(name));
        check(&root, "human").assert_code(0);
        change(&root);
        let run = check(&root, "human");
        run.assert_code(1);
        assert!(
            run.stderr.contains(expected),
            "{name}: expected `{expected}` in\n{}",
            run.stderr
        );
    }
}

/// The same theme file as the embedded default theme's is not an override: a site may
/// keep a copy of the theme it started from (as this repository does).
#[test]
fn a_copy_of_the_default_theme_is_not_an_override() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let embedded = super::support::manifest_dir().join("themes/default/templates/base.html");
    write(
        &root.join("themes/default/templates/base.html"),
        &read(&embedded),
    );
    check(&root, "human").assert_code(0);
}

fn git(root: &Path, arguments: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(arguments)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {arguments:?} failed");
}

#[test]
fn publish_refuses_an_edition_that_is_not_ready_and_a_dry_run_writes_nothing() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let site = read(&root.join("site.yaml"));
    write(
        &root.join("site.yaml"),
        &site.replace("to: 2026-06-30", "to: 2099-06-30"),
    );
    git(&root, &["init", "--quiet"]);
    git(&root, &["add", "."]);
    git(&root, &["commit", "--quiet", "-m", "site"]);
    write(
        &root.join("content/contributions/fresh.md"),
        &super::support::contribution("Fresh", "A", "Body."),
    );
    let before = read_tree(&root);

    let dry = rapporteur()
        .args(["publish", "2026", "--dry-run", "--root"])
        .arg(&root)
        .run();
    dry.assert_code(0);
    assert!(
        dry.stdout.contains("  content/contributions/fresh.md\n"),
        "{}",
        dry.stdout
    );
    assert_eq!(read_tree(&root), before, "a dry run changed the site");

    let run = rapporteur()
        .args(["publish", "2026", "--root"])
        .arg(&root)
        .run();
    run.assert_code(1);
    for expected in [
        "error: edition 2026 has no report: write content/report/2026/_index.md",
        "error: the reporting period of edition 2026 runs until 2099-06-30",
        "error: edition 2025 is still open: publishing 2026 would leave an older edition open beside it",
        "error: content/contributions/fresh.md is not tracked by git: commit it first",
        "edition 2026 was not published: fix the above, or pass --force to publish anyway",
    ] {
        assert!(run.stderr.contains(expected), "expected `{expected}` in\n{}", run.stderr);
    }
    assert_eq!(
        read_tree(&root),
        before,
        "a refused publish changed the site"
    );

    rapporteur()
        .args(["publish", "2026", "--force", "--root"])
        .arg(&root)
        .run()
        .assert_code(0);
    assert!(root.join("editions/2026.yaml").is_file());
}

#[test]
fn a_contribution_names_only_records_its_edition_shows() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    append(&root, FORUMS, &format!("{NEW_FORUM}  added_in: 2027\n"));
    let mut text = super::support::contribution("Early bird", "A", "Body.");
    text = text.replace("objectives: [A]", "objectives: [A]\nforums: [new-dialogue]");
    write(&root.join("content/contributions/early-bird.md"), &text);
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr.contains("error: forum `new-dialogue` is added in edition 2027, so edition 2026 cannot name it\n--> content/contributions/early-bird.md"),
        "{}",
        run.stderr
    );
}

/// An erratum is listed on the edition's report and announced on its home page.
#[test]
fn errata_are_announced_on_the_edition_s_home() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    append(
        &root,
        "content/contributions/rural-schools.md",
        "\nA corrected figure.\n",
    );
    rapporteur()
        .args([
            "erratum",
            "2025",
            "--description",
            "A figure corrected",
            "--root",
        ])
        .arg(&root)
        .run()
        .assert_code(0);
    let output = temp.path().join("public");
    super::support::build(&root, &output).assert_code(0);
    let home = read(&output.join("2025/index.html"));
    assert!(
        home.contains("<a href=\"./report/#errata\">This edition was corrected once after its publication: see the errata.</a>"),
        "{home}"
    );
    let report = read(&output.join("2025/report/index.html"));
    assert!(report.contains("A figure corrected"), "{report}");
}

/// Deleting a published edition's manifest and reopening the edition is the one change
/// that leaves no trace in the working tree: git's history still has the manifest.
#[test]
fn a_deleted_manifest_with_the_edition_reopened_is_found_in_git_history() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    git(&root, &["init", "--quiet"]);
    git(&root, &["add", "."]);
    git(&root, &["commit", "--quiet", "-m", "published"]);
    std::fs::remove_file(root.join("editions/2025.yaml")).expect("manifest");
    let site = read(&root.join("site.yaml"));
    write(
        &root.join("site.yaml"),
        &site.replace("status: published", "status: open"),
    );
    git(&root, &["commit", "--quiet", "-am", "reopen 2025"]);
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr.contains("error: this edition manifest is in the repository's history but has been deleted, so its published edition would no longer be checked\n--> editions/2025.yaml"),
        "{}",
        run.stderr
    );
}

/// The hint every file naming a renamed published id gets.
fn keep_hint(old: &str, new: &str, file: &str, then: &str) -> String {
    format!("edition 2025 was published with `{old}`, which it must keep showing: undo the rename in {file}, or keep `{old}` with `removed_in: 2026` beside a new record `{new}` with `added_in: 2026`; {then} (files of edition 2026 on may name `{new}`)")
}

#[test]
fn a_renamed_forum_is_reported_once_per_file_with_both_ids() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let forums = read(&root.join(FORUMS));
    write(
        &root.join(FORUMS),
        &forums.replace("- id: igf\n", "- id: igf-2026\n"),
    );
    let run = check(&root, "human");
    run.assert_code(1);
    let in_user = keep_hint(
        "igf",
        "igf-2026",
        FORUMS,
        "then this line is right as it is",
    );
    let in_data = keep_hint(
        "igf",
        "igf-2026",
        FORUMS,
        "the files naming `igf` then need no change",
    );
    let expected = format!(
        "error: forum `igf` was renamed to `igf-2026` in content/data/forums.yaml
  --> content/contributions/rural-schools.fr.md:10:10
   |
10 | forums: [igf, wsis-forum]
   |          ^^^
   |
   = help: {in_user}

error: forum `igf` was renamed to `igf-2026` in content/data/forums.yaml
  --> content/contributions/rural-schools.md:10:10
   |
10 | forums: [igf, wsis-forum]
   |          ^^^
   |
   = help: {in_user}

error: forum `igf` was renamed to `igf-2026` after edition 2025 was published
 --> content/data/forums.yaml:1:3
  |
1 | - id: igf-2026
  |   ^^^
  |
  = help: {in_data}

error: forum `igf` was renamed to `igf-2026` in content/data/forums.yaml
 --> content/policy-notes/connectivity-gaps.md:6:10
  |
6 | forums: [igf]
  |          ^^^
  |
  = help: {in_user}

error: the content has 4 problems to fix; nothing was written
"
    );
    assert_eq!(run.stderr, expected);
}

#[test]
fn a_renamed_action_is_reported_with_both_ids() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let path = root.join("content/data/objectives.yaml");
    write(&path, &read(&path).replace("- id: A.1\n", "- id: A.1a\n"));
    let run = check(&root, "human");
    run.assert_code(1);
    let file = "content/data/objectives.yaml";
    let hint = keep_hint("A.1", "A.1a", file, "then this line is right as it is");
    for user in ["rural-schools.md:9:11", "rural-schools.fr.md:9:11"] {
        let expected = format!("error: action `A.1` was renamed to `A.1a` in {file}\n --> content/contributions/{user}");
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    }
    assert_eq!(run.stderr.matches(&hint).count(), 2, "{}", run.stderr);
    assert!(!run.stderr.contains("unknown action"), "{}", run.stderr);
    let in_data = format!("error: action `A.1` was renamed to `A.1a` after edition 2025 was published\n --> {file}:5:7");
    assert!(run.stderr.contains(&in_data), "{in_data}\n{}", run.stderr);
    assert!(!run.stderr.contains("changed after"), "{}", run.stderr);
    assert!(run.stderr.contains("3 problems"), "{}", run.stderr);
}

const FORUMS_FR: &str = "content/data/forums.fr.yaml";

#[test]
fn data_translations_are_frozen_record_by_record() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    write(
        &root.join(FORUMS_FR),
        "- id: igf\n  name: \"Forum sur la gouvernance d’Internet\"\n",
    );
    rapporteur()
        .args(["publish", "2025", "--force", "--root"])
        .arg(&root)
        .run()
        .assert_code(0);
    let manifest = read(&root.join("editions/2025.yaml"));
    assert!(
        manifest.contains("  content/data/forums.fr.yaml#igf: "),
        "{manifest}"
    );

    // A forum for 2026 and its translation leave edition 2025 untouched.
    append(&root, FORUMS, &format!("{NEW_FORUM}  added_in: 2026\n"));
    append(
        &root,
        FORUMS_FR,
        "- id: new-dialogue\n  name: \"Nouveau dialogue\"\n",
    );
    check(&root, "human").assert_code(0);

    // Changing the translation of a forum edition 2025 shows is an error on its line.
    let translations = read(&root.join(FORUMS_FR));
    write(
        &root.join(FORUMS_FR),
        &translations.replace("Forum sur la gouvernance d’Internet", "FGI"),
    );
    let run = check(&root, "human");
    run.assert_code(1);
    let expected = "error: the `fr` translation of forum `igf` changed after edition 2025 was published\n --> content/data/forums.fr.yaml:1:3";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
    assert!(!run.stderr.contains("added_in"), "{}", run.stderr);
    assert_eq!(run.stderr.matches("error:").count(), 2, "{}", run.stderr);
}

#[test]
fn a_renamed_forum_is_reported_once_in_its_translations() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    write(
        &root.join(FORUMS_FR),
        "- id: igf\n  name: \"Forum sur la gouvernance d’Internet\"\n",
    );
    rapporteur()
        .args(["publish", "2025", "--force", "--root"])
        .arg(&root)
        .run()
        .assert_code(0);
    let forums = read(&root.join(FORUMS));
    write(
        &root.join(FORUMS),
        &forums.replace("- id: igf\n", "- id: igf-2026\n"),
    );
    let run = check(&root, "human");
    run.assert_code(1);
    let expected = "error: forum `igf` was renamed to `igf-2026` in content/data/forums.yaml\n --> content/data/forums.fr.yaml:1:7";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("forums.fr.yaml").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("the content has 5 problems"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_renamed_forum_cited_in_a_body_is_reported_once_per_file() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let forums = read(&root.join(FORUMS));
    write(
        &root.join(FORUMS),
        &forums.replace("- id: igf\n", "- id: igf-2026\n"),
    );
    for file in [
        "content/report/2025/01-overview.md",
        "content/contributions/rural-schools.md",
    ] {
        append(&root, file, "\nAs the [forum igf] heard.\n");
    }
    let run = check(&root, "human");
    run.assert_code(1);
    let renamed = "error: forum `igf` was renamed to `igf-2026` in content/data/forums.yaml\n";
    for file in [
        "content/report/2025/01-overview.md",
        "content/contributions/rural-schools.md",
    ] {
        let place = format!("{renamed}  --> {file}:");
        assert_eq!(
            run.stderr.matches(&place).count(),
            1,
            "{place}\n{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("to cite"), "{}", run.stderr);
}

#[test]
fn a_renamed_action_with_a_translation_is_reported_once_per_file() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let objectives_fr = "content/data/objectives.fr.yaml";
    write(
        &root.join(objectives_fr),
        "- id: A\n  title: \"Connectivité\"\n  actions:\n    - id: A.1\n      text: \"Financer la couverture.\"\n",
    );
    rapporteur()
        .args(["publish", "2025", "--force", "--root"])
        .arg(&root)
        .run()
        .assert_code(0);
    let path = root.join("content/data/objectives.yaml");
    write(&path, &read(&path).replace("- id: A.1\n", "- id: A.1a\n"));
    let run = check(&root, "human");
    run.assert_code(1);
    let renamed = "error: action `A.1` was renamed to `A.1a` in content/data/objectives.yaml\n --> content/data/objectives.fr.yaml:4:11";
    assert!(run.stderr.contains(renamed), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("objectives.fr.yaml").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("the content has 4 problems"),
        "{}",
        run.stderr
    );
}
