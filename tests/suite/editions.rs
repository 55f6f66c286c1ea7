//! Editions over time: provenance read from a real git repository made in the test, aliases
//! that keep old addresses working, and the "what changed" page between two editions.
//!
//! Provenance is what makes a contribution citable ("first submitted on …, commit …"), so
//! it is tested against real `git`, with commit dates fixed so the expected dates are known.

use std::path::Path;
use std::process::Command;

use super::support::{build, check, contribution, copy_fixture, read, temp_dir, write};

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
    let page = read(&output.join("contributions/open-data-portal/index.html"));
    assert!(
        page.contains("<time datetime=\"2025-01-10\">10 January 2025</time> (commit <code>"),
        "{page}"
    );
    assert!(
        page.contains("last revised <time datetime=\"2025-02-20\">20 February 2025</time>"),
        "{page}"
    );
    let untouched = read(&output.join("contributions/rural-schools/index.html"));
    assert!(
        untouched.contains("<time datetime=\"2025-01-10\">10 January 2025</time> (commit <code>"),
        "{untouched}"
    );
    assert!(!untouched.contains("last revised"), "{untouched}");
}

#[test]
fn without_git_the_front_matter_date_is_shown() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let output = temp.path().join("public");
    build(&root, &output).assert_code(0);
    let page = read(&output.join("contributions/rural-schools/index.html"));
    assert!(!page.contains("(commit <code>"), "{page}");
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
    let redirect = read(&output.join("contributions/old-name/index.html"));
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
    let follow_up = contribution("Rural schools, second year", "A", "More schools.").replace(
        "status: ongoing",
        "status: completed\nupdates: rural-schools",
    );
    write(
        &root.join("content/contributions/rural-schools-second-year.md"),
        &follow_up,
    );
    let output = temp.path().join("public");
    build(&root, &output).assert_code(0);
    let page = read(&output.join("changes/2026/index.html"));
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
