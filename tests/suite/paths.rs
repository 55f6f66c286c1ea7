//! Path safety: what a build reads and what it may delete.
//!
//! Contributions arrive as pull requests, so a symbolic link in `content/` or `assets/`
//! could try to publish a file from outside the site (a key, `/etc/passwd`); such links
//! must be reported by name and never read. And because a build replaces its output
//! directory, a mistaken `--output` (the site root, its parent, another site, a folder of
//! documents) must be refused with exit status 2 before anything is deleted: these tests
//! put sentinel files in harm's way and check that every byte survives.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;

use super::support::{
    build, check, contribution, copy_fixture, leftovers, rapporteur, read, read_tree, temp_dir,
    write, Output,
};

const SECRET: &str = "SECRET-7f3a: this text lives outside the site root";

/// Asserts that the build refused its output with status 2 for `reason`, and that nothing
/// under `watched` changed (no file deleted, none written, no temporary directory left).
#[track_caller]
fn assert_refused(
    run: &Output,
    reason: &str,
    watched: &Path,
    before: &std::collections::BTreeMap<String, Vec<u8>>,
) {
    run.assert_code(2);
    assert!(
        run.stderr
            .starts_with("error: refusing to write the site to `"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(reason),
        "expected the reason `{reason}`:\n{}",
        run.stderr
    );
    assert_eq!(
        &read_tree(watched),
        before,
        "a refused build changed files under {}",
        watched.display()
    );
    assert!(leftovers(watched).is_empty());
}

const IS_ROOT: &str = "it is the site root or contains it";
const HOLDS_SOURCES: &str = "it holds a site's sources (content/ or site.yaml)";

#[test]
fn symlinked_contribution_leading_outside_the_root_is_reported_and_not_read() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let outside = temp.path().join("outside.md");
    write(&outside, &contribution(SECRET, "A", SECRET));
    symlink(&outside, root.join("content/contributions/leak.md")).expect("cannot create a symlink");

    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr.contains(&format!(
            "error: {SYMLINK}\n--> content/contributions/leak.md\n"
        )),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("SECRET"),
        "the target was read:\n{}",
        run.stderr
    );

    let output = temp.path().join("out");
    build(&root, &output).assert_code(1);
    assert!(!output.exists());
}

#[test]
fn symlinked_directory_and_asset_leading_outside_are_reported() {
    let temp = temp_dir();
    let root = super::support::copy_fixture_unpublished("minimal", temp.path());
    let outside = temp.path().join("outside");
    write(
        &outside.join("note.md"),
        &format!("---\ntitle: \"{SECRET}\"\ndate: 2025-01-01\n---\n{SECRET}\n"),
    );
    write(&outside.join("passwd"), SECRET);
    std::fs::remove_dir_all(root.join("content/policy-notes")).expect("cannot remove policy-notes");
    symlink(&outside, root.join("content/policy-notes")).expect("cannot create a symlink");
    symlink(outside.join("passwd"), root.join("assets/passwd")).expect("cannot create a symlink");

    let run = check(&root, "json");
    run.assert_code(1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("invalid JSON");
    let files: Vec<&str> = value
        .as_array()
        .into_iter()
        .flatten()
        .filter(|item| item["severity"] == "error")
        .filter_map(|item| item["file"].as_str())
        .collect();
    assert_eq!(
        files,
        ["assets/passwd", "content/policy-notes"],
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("SECRET"),
        "a target was read:\n{}",
        run.stdout
    );

    let output = temp.path().join("out");
    build(&root, &output).assert_code(1);
    assert!(!output.exists());
}

#[test]
fn symlinked_site_yaml_leading_outside_is_reported() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let outside = temp.path().join("site.yaml");
    std::fs::rename(root.join("site.yaml"), &outside).expect("cannot move site.yaml");
    symlink(&outside, root.join("site.yaml")).expect("cannot create a symlink");
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr
            .contains(&format!("error: {SYMLINK}\n--> site.yaml\n")),
        "{}",
        run.stderr
    );
}

#[test]
fn symlink_staying_inside_the_root_is_refused_too() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    write(
        &root.join("content/contributions/original.md"),
        &contribution("Shared through a link", "A", "Linked body."),
    );
    symlink("original.md", root.join("content/contributions/alias.md"))
        .expect("cannot create a symlink");
    let run = check(&root, "human");
    run.assert_code(1);
    assert!(
        run.stderr.contains(&format!(
            "error: {SYMLINK}\n--> content/contributions/alias.md\n"
        )),
        "{}",
        run.stderr
    );
}

const SYMLINK: &str =
    "this is a symbolic link; links are never followed, so it is not read or published";

/// A site root with secrets where CI keeps them: `.env` and `.git/config`.
fn site_with_secrets(parent: &Path) -> std::path::PathBuf {
    let root = copy_fixture("minimal", parent);
    write(&root.join(".env"), &format!("TOKEN={SECRET}\n"));
    write(
        &root.join(".git/config"),
        &format!("[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n"),
    );
    root
}

#[test]
fn symlinks_to_hidden_files_inside_the_root_are_reported_and_never_quoted() {
    let temp = temp_dir();
    let root = site_with_secrets(temp.path());
    symlink("../.git/config", root.join("assets/gitconfig.txt")).expect("symlink");
    symlink("../.env", root.join("assets/env.txt")).expect("symlink");
    symlink("../../.env", root.join("content/contributions/leak.md")).expect("symlink");

    for format in ["human", "json", "github"] {
        let run = check(&root, format);
        run.assert_code(1);
        let printed = format!("{}{}", run.stdout, run.stderr);
        assert!(
            !printed.contains("SECRET"),
            "a secret was printed:\n{printed}"
        );
        for file in [
            "assets/env.txt",
            "assets/gitconfig.txt",
            "content/contributions/leak.md",
        ] {
            assert!(printed.contains(file), "{file} is not named:\n{printed}");
        }
    }
    let run = check(&root, "human");
    assert!(
        run.stderr.contains(&format!(
            "error: {SYMLINK}\n--> content/contributions/leak.md\n"
        )),
        "{}",
        run.stderr
    );
    let output = temp.path().join("out");
    build(&root, &output).assert_code(1);
    assert!(!output.exists());
}

#[test]
fn hidden_files_and_folders_are_never_published() {
    let temp = temp_dir();
    let root = site_with_secrets(temp.path());
    write(&root.join("assets/.env"), SECRET);
    write(&root.join("assets/.private/token.txt"), SECRET);
    write(&root.join("content/contributions/.draft/x.md"), SECRET);
    let output = temp.path().join("out");
    let run = build(&root, &output);
    run.assert_code(0);
    for hidden in [
        "assets/.env",
        "assets/.private",
        "content/contributions/.draft",
    ] {
        assert!(
            run.stderr.contains(&format!("warning: hidden files and folders (names starting with `.`) are never read or published\n--> {hidden}\n")),
            "{hidden} is not reported:\n{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("SECRET"), "{}", run.stderr);
    let published = read_tree(&output);
    assert!(
        published
            .values()
            .all(|bytes| !String::from_utf8_lossy(bytes).contains("SECRET")),
        "a hidden file was published: {:?}",
        published
            .keys()
            .filter(|name| name.contains("token") || name.contains("env"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn output_equal_to_the_root_is_refused() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let before = read_tree(&root);
    assert_refused(&build(&root, &root), IS_ROOT, &root, &before);
    // The same directory spelled differently: relative, through `..`, through a symlink.
    let relative = rapporteur()
        .current_dir(&root)
        .args(["build", "--root", ".", "--output", "."])
        .run();
    assert_refused(&relative, IS_ROOT, &root, &before);
    let dotted = root.join("content").join("..");
    assert_refused(&build(&root, &dotted), IS_ROOT, &root, &before);
    let link = temp.path().join("link-to-site");
    symlink(&root, &link).expect("cannot create a symlink");
    assert_refused(&build(&root, &link), IS_ROOT, &root, &before);
}

#[test]
fn output_containing_the_root_is_refused() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    write(&temp.path().join("sentinel.txt"), "keep me");
    let before = read_tree(temp.path());
    assert_refused(&build(&root, temp.path()), IS_ROOT, temp.path(), &before);
    let relative = rapporteur()
        .current_dir(&root)
        .args(["build", "--root", ".", "--output", ".."])
        .run();
    assert_refused(&relative, IS_ROOT, temp.path(), &before);
    assert_eq!(read(&temp.path().join("sentinel.txt")), "keep me");
}

#[test]
fn output_holding_another_sites_sources_is_refused() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    for (name, sentinel) in [
        ("with-content", "content/keep.md"),
        ("with-site-yaml", "site.yaml"),
    ] {
        let output = temp.path().join(name);
        write(&output.join(sentinel), "keep me");
        // The marker does not make another site's sources fair game.
        write(&output.join(".rapporteur-output"), "marker");
        let before = read_tree(&output);
        assert_refused(&build(&root, &output), HOLDS_SOURCES, &output, &before);
        assert_eq!(read(&output.join(sentinel)), "keep me");
    }
}

#[test]
fn non_empty_output_without_marker_is_refused() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let output = temp.path().join("documents");
    write(&output.join("thesis.txt"), "years of work");
    write(&output.join("drafts/chapter-1.txt"), "more work");
    let before = read_tree(&output);
    assert_refused(
        &build(&root, &output),
        "non-empty directory that rapporteur did not make",
        &output,
        &before,
    );
}

#[test]
fn output_that_is_a_file_or_has_no_parent_is_refused() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let file = temp.path().join("file.html");
    write(&file, "keep me");
    let before = read_tree(temp.path());
    assert_refused(
        &build(&root, &file),
        "it exists and is not a directory",
        temp.path(),
        &before,
    );
    assert_eq!(read(&file), "keep me");
    let orphan = temp.path().join("missing/parent/out");
    assert_refused(
        &build(&root, &orphan),
        "its parent directory does not exist",
        temp.path(),
        &before,
    );
}

#[test]
fn empty_output_directory_is_accepted() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let output = temp.path().join("empty");
    std::fs::create_dir(&output).expect("cannot create a directory");
    build(&root, &output).assert_code(0);
    assert!(output.join("index.html").is_file() && output.join(".rapporteur-output").is_file());
}

#[test]
fn output_made_by_rapporteur_is_replaced_whole() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);
    write(&output.join("stale/page.html"), "from an older build");
    build(&root, &output).assert_code(0);
    assert!(
        !output.join("stale").exists(),
        "the previous output was not replaced"
    );
    assert!(output.join("index.html").is_file());
    assert!(
        leftovers(temp.path()).is_empty(),
        "{:?}",
        leftovers(temp.path())
    );
}

const SYMLINKED_OUTPUT: &str = "it is a symbolic link";

#[test]
fn committed_public_symlink_is_refused_and_its_target_kept() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    // An earlier output of rapporteur (with its marker) outside the root.
    let elsewhere = temp.path().join("elsewhere");
    build(&root, &elsewhere).assert_code(0);
    symlink("../elsewhere", root.join("public")).expect("cannot create a symlink");
    let before = read_tree(temp.path());
    let default_output = rapporteur().current_dir(&root).arg("build").run();
    assert_refused(&default_output, SYMLINKED_OUTPUT, temp.path(), &before);
    assert_refused(
        &build(&root, &root.join("public")),
        SYMLINKED_OUTPUT,
        temp.path(),
        &before,
    );
    assert!(leftovers(&root).is_empty());
}

#[test]
fn dangling_public_symlink_is_refused_and_leaves_nothing() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    symlink("../nowhere", root.join("public")).expect("cannot create a symlink");
    let before = read_tree(temp.path());
    let run = rapporteur().current_dir(&root).arg("build").run();
    assert_refused(&run, SYMLINKED_OUTPUT, temp.path(), &before);
    assert!(leftovers(&root).is_empty(), "{:?}", leftovers(&root));
    assert!(!temp.path().join("nowhere").exists());
}

#[test]
fn output_reached_through_a_symlinked_folder_inside_the_root_is_refused() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    std::fs::create_dir(temp.path().join("elsewhere")).expect("cannot create a directory");
    symlink("../elsewhere", root.join("build")).expect("cannot create a symlink");
    let before = read_tree(temp.path());
    let run = build(&root, &root.join("build/site"));
    assert_refused(
        &run,
        "a folder on the way to it, inside the site root, is a symbolic link",
        temp.path(),
        &before,
    );
    // The same, with the root itself reached through a link.
    let linked_root = temp.path().join("linked-root");
    symlink(&root, &linked_root).expect("cannot create a symlink");
    let before = read_tree(temp.path());
    let run = build(&linked_root, &linked_root.join("build/site"));
    assert_refused(
        &run,
        "a folder on the way to it, inside the site root, is a symbolic link",
        temp.path(),
        &before,
    );
}
