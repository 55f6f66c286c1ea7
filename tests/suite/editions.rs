//! Editions over time: provenance read from a real git repository made in the test, aliases
//! that keep old addresses working, and the "what changed" page between two editions.
//!
//! A contribution page says when it was submitted (its `date`) and last revised (from git),
//! so revisions are tested against real `git`, with commit dates fixed so the expected dates are known.

use std::path::Path;
use std::process::Command;

use super::support::{
    build, check, contribution, copy_fixture, copy_fixture_unpublished, read, temp_dir, write,
};

/// Runs git in `root` with fixed identity and dates; panics on failure.
fn git(root: &Path, date: &str, arguments: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(arguments)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {arguments:?} failed");
}

#[test]
fn provenance_comes_from_one_pass_over_git_history() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    git(
        &root,
        "2025-01-10T12:00:00Z",
        &["init", "--quiet", "--initial-branch=main"],
    );
    git(&root, "2025-01-10T12:00:00Z", &["add", "."]);
    git(
        &root,
        "2025-01-10T12:00:00Z",
        &["commit", "--quiet", "-m", "First submission"],
    );
    let path = root.join("content/contributions/open-data-portal.md");
    let text = read(&path);
    write(&path, &format!("{text}\nA sentence added in review.\n"));
    // The manifest would (rightly) refuse a change to a published edition's file, unless
    // the file belongs to the open edition; find out which, and record an erratum if needed.
    let record = check(&root, "human");
    if record.code != 0 {
        let erratum = super::support::rapporteur()
            .arg("erratum")
            .arg("2025")
            .arg("--description")
            .arg("Review")
            .arg("--root")
            .arg(&root)
            .run();
        erratum.assert_code(0);
    }
    git(
        &root,
        "2025-02-20T12:00:00Z",
        &["commit", "--quiet", "-am", "Revision"],
    );

    let output = temp.path().join("public");
    build(&root, &output).assert_code(0);
    let page = read(&output.join("2026/contributions/open-data-portal/index.html"));
    // Submitted is the front matter's date; git tells when the file was last revised.
    // Readers are not shown commit hashes.
    assert!(
        page.contains("<dt>Submitted</dt><dd><time datetime=\"2025-09-01\">"),
        "{page}"
    );
    assert!(
        page.contains(
            "<dt>Last revised</dt><dd><time datetime=\"2025-02-20\">20 February 2025</time></dd>"
        ),
        "{page}"
    );
    assert!(!page.contains("commit"), "{page}");
    let untouched = read(&output.join("2025/contributions/rural-schools/index.html"));
    assert!(
        untouched.contains("<dt>Submitted</dt><dd><time datetime=\"2025-03-14\">"),
        "{untouched}"
    );
    assert!(!untouched.contains("Last revised"), "{untouched}");
    assert!(!untouched.contains("commit"), "{untouched}");
}

#[test]
fn without_git_the_front_matter_date_is_shown() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let output = temp.path().join("public");
    build(&root, &output).assert_code(0);
    let page = read(&output.join("2025/contributions/rural-schools/index.html"));
    assert!(
        page.contains("<dt>Submitted</dt><dd><time datetime=\"2025-03-14\">"),
        "{page}"
    );
    assert!(!page.contains("Last revised"), "{page}");
}

#[test]
fn aliases_keep_old_addresses_and_collisions_fail() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let renamed = contribution("Renamed work", "A", "Body.")
        .replace("status: ongoing", "status: ongoing\naliases: [old-name]");
    write(
        &root.join("content/contributions/renamed-work.md"),
        &renamed,
    );
    let output = temp.path().join("public");
    build(&root, &output).assert_code(0);
    let redirect = read(&output.join("2026/contributions/old-name/index.html"));
    assert!(
        redirect.contains("url=../../contributions/renamed-work/"),
        "{redirect}"
    );
    assert!(!read(&output.join("sitemap.xml")).contains("old-name"));

    let clash = contribution("Clash", "A", "Body.").replace(
        "status: ongoing",
        "status: ongoing\naliases: [renamed-work]",
    );
    write(&root.join("content/contributions/clash.md"), &clash);
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("the alias `renamed-work` claims the address contributions/renamed-work/"),
        "{}",
        run.stderr
    );
}

#[test]
fn what_changed_lists_progress_on_earlier_work() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let follow_up = contribution("Rural schools, second year", "A", "More schools.")
        .replace(
            "status: ongoing",
            "status: completed\nupdates: rural-schools",
        )
        .replace("Test Organization", "Rural Networks Alliance");
    write(
        &root.join("content/contributions/rural-schools-second-year.md"),
        &follow_up,
    );
    let output = temp.path().join("public");
    build(&root, &output).assert_code(0);
    let page = read(&output.join("2026/changes/index.html"));
    assert!(page.contains("Rural schools, second year"), "{page}");
    assert!(page.contains("→ <strong>Completed</strong>"), "{page}");
    assert!(
        page.contains("<svg"),
        "the objective chart is missing:\n{page}"
    );

    let dangling = contribution("Dangling", "A", "Body.")
        .replace("status: ongoing", "status: ongoing\nupdates: no-such-work");
    write(&root.join("content/contributions/dangling.md"), &dangling);
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("`updates: no-such-work` names no contribution"),
        "{}",
        run.stderr
    );
}

#[test]
fn each_edition_is_a_portal_and_switchers_find_the_same_page() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let follow_up = contribution("Rural schools, second year", "A", "More schools.")
        .replace(
            "status: ongoing",
            "status: completed\nupdates: rural-schools",
        )
        .replace("Test Organization", "Rural Networks Alliance");
    write(
        &root.join("content/contributions/rural-schools-second-year.md"),
        &follow_up,
    );
    let output = temp.path().join("public");
    build(&root, &output).assert_code(0);

    // The front door is the newest published edition's home, linking into its portal.
    let front = read(&output.join("index.html"));
    assert!(
        front.contains(r#"<a href="./2025/contributions/">"#),
        "{front}"
    );
    assert!(front.contains(r#"<link rel="canonical" href="https://example.org/minimal/2025/">"#));

    // A follow-up and the contribution it updates link to each other across editions,
    // and the edition switcher goes from one to the other.
    let later = read(&output.join("2026/contributions/rural-schools-second-year/index.html"));
    assert!(
        later.contains(r#"Follows up on <a href="../../../2025/contributions/rural-schools/">"#),
        "{later}"
    );
    assert!(
        later.contains(r#"<li><a href="../../../2025/contributions/rural-schools/">2025</a></li>"#),
        "{later}"
    );
    let earlier = read(&output.join("2025/contributions/rural-schools/index.html"));
    assert!(earlier.contains(r#"Followed up in edition 2026: <a href="../../../2026/contributions/rural-schools-second-year/">"#), "{earlier}");
    // A page another edition does not have leads to the nearest section page there.
    let other = read(&output.join("2026/contributions/open-data-portal/index.html"));
    assert!(
        other.contains(r#"<li><a href="../../../2025/contributions/">2025</a></li>"#),
        "{other}"
    );
    // The open edition is marked as a draft on every page.
    assert!(other.contains(r#"<p class="notice draft">"#));
    assert!(!earlier.contains(r#"<p class="notice draft">"#));

    // Every language has every page; untranslated text is shown with a note and its language.
    let french = read(&output.join("fr/2026/contributions/open-data-portal/index.html"));
    assert!(french.contains(r#"<html lang="fr" dir="ltr">"#), "{french}");
    assert!(
        french.contains(r#"<div class="prose" lang="en">"#),
        "{french}"
    );
    assert!(french.contains(r#"<link rel="alternate" hreflang="en" href="https://example.org/minimal/2026/contributions/open-data-portal/">"#));
    let translated = read(&output.join("fr/2025/contributions/rural-schools/index.html"));
    assert!(
        !translated.contains(r#"<div class="prose" lang="en">"#),
        "{translated}"
    );
}

#[test]
fn a_withdrawal_is_reported_forward_on_what_changed() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let withdrawal = contribution("Rural schools: stopped", "A", "Funding ended.")
        .replace(
            "status: ongoing",
            "status: withdrawn\nupdates: rural-schools",
        )
        .replace("Test Organization", "Rural Networks Alliance");
    write(
        &root.join("content/contributions/rural-schools-stopped.md"),
        &withdrawal,
    );
    let output = temp.path().join("public");
    build(&root, &output).assert_code(0);
    let page = read(&output.join("2026/changes/index.html"));
    let withdrawn = page
        .split("<h2>Withdrawn</h2>")
        .nth(1)
        .and_then(|rest| rest.split("<h2>").next())
        .unwrap_or_else(|| panic!("no Withdrawn section:\n{page}"));
    assert!(
        withdrawn.contains(r#"<a href="../../2025/contributions/rural-schools/">"#)
            && withdrawn.contains("withdrawn in 2026"),
        "{withdrawn}"
    );
    let progress = page
        .split("<h2>Progress reported on earlier work</h2>")
        .nth(1)
        .unwrap_or("");
    let progress = progress.split("<h2>").next().unwrap_or("");
    assert!(!progress.contains("Rural schools: stopped"), "{progress}");
    // The 2025 page stays as published apart from the link to its follow-up.
    let earlier = read(&output.join("2025/contributions/rural-schools/index.html"));
    assert!(earlier.contains("Followed up in edition 2026"), "{earlier}");
}

#[test]
fn a_follow_up_by_another_stakeholder_is_refused() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let follow_up = contribution("Rural schools, taken over", "A", "Ours now.").replace(
        "status: ongoing",
        "status: completed\nupdates: rural-schools",
    );
    write(
        &root.join("content/contributions/rural-schools-taken-over.md"),
        &follow_up,
    );
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr.contains("error: `updates: rural-schools` names a contribution by \"Rural Networks Alliance\", but this one is by \"Test Organization\""),
        "{}",
        run.stderr
    );
}

/// In a shallow clone (CI's `fetch-depth: 1`) the one commit would date every file to the
/// day of the clone: provenance is left out and the front matter's date is shown.
#[test]
fn a_shallow_clone_shows_no_git_dates() {
    let temp = temp_dir();
    let origin = copy_fixture("minimal", temp.path());
    git(
        &origin,
        "2025-01-10T12:00:00Z",
        &["init", "--quiet", "--initial-branch=main"],
    );
    git(&origin, "2025-01-10T12:00:00Z", &["add", "."]);
    git(
        &origin,
        "2025-01-10T12:00:00Z",
        &["commit", "--quiet", "-m", "First"],
    );
    let readme = origin.join("README.md");
    write(&readme, "later\n");
    git(&origin, "2026-12-01T12:00:00Z", &["add", "README.md"]);
    git(
        &origin,
        "2026-12-01T12:00:00Z",
        &["commit", "--quiet", "-m", "Second"],
    );
    let clone = temp.path().join("clone");
    let url = format!("file://{}", origin.display());
    let status = Command::new("git")
        .args(["clone", "--quiet", "--depth", "1", &url])
        .arg(&clone)
        .status()
        .expect("git runs");
    assert!(status.success());

    let output = temp.path().join("public");
    build(&clone, &output).assert_code(0);
    let page = read(&output.join("2025/contributions/rural-schools/index.html"));
    assert!(!page.contains("(commit <code>"), "{page}");
    assert!(!page.contains("2026-12-01"), "{page}");
}

#[test]
fn check_warns_when_two_editions_are_open() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let run = check(&root, "human");
    run.assert_code(0);
    let expected = "warning: editions 2025 and 2026 are both open\n  --> site.yaml:16:13\n";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("publish edition 2025 (`rapporteur publish 2025`)"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);

    let published = copy_fixture("minimal", &temp.path().join("published"));
    let run = check(&published, "human");
    run.assert_code(0);
    assert!(!run.stderr.contains("both open"), "{}", run.stderr);
}
