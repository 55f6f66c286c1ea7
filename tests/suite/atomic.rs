//! Atomic output: a build that fails, at any stage, leaves the previous output exactly as
//! it was, and no build leaves temporary directories (`.rapporteur-build-*`,
//! `.rapporteur-old-*`) beside the output.
//!
//! A portal is served straight from its output directory, so a half-written site after a
//! bad pull request would be an outage. Content can fail in validation (before the
//! temporary directory exists) or during rendering (after pages have been written into
//! it); a theme can fail while rendering too. Each path is tested.

use std::path::Path;
use std::time::{Duration, Instant};

use super::support::{
    build, contribution, copy_fixture_unpublished, leftovers, read_tree, temp_dir, write,
};

/// Builds the `minimal` fixture, breaks it with `break_site`, rebuilds, and checks that the
/// second build failed (status 1) and that the first output is byte-identical.
/// Every edition is open, so that a theme override (which a published edition would
/// refuse) reaches the renderer.
fn assert_failed_rebuild_keeps_output(break_site: impl FnOnce(&Path), message: &str) {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);
    let before = read_tree(&output);
    assert!(
        before.len() > 30,
        "the first build wrote only {} files",
        before.len()
    );

    break_site(&root);
    let run = build(&root, &output);
    run.assert_code(1);
    assert!(
        run.stderr.contains(message),
        "expected `{message}` in:\n{}",
        run.stderr
    );
    assert_eq!(
        read_tree(&output),
        before,
        "a failed build changed the previous output"
    );
    assert_eq!(
        leftovers(temp.path()),
        Vec::<String>::new(),
        "a failed build left temporary directories"
    );
    assert_eq!(leftovers(&root), Vec::<String>::new());
}

#[test]
fn invalid_front_matter_keeps_the_previous_output() {
    assert_failed_rebuild_keeps_output(
        |root| {
            write(
                &root.join("content/contributions/broken.md"),
                &contribution("Broken", "Z", "Unknown objective."),
            )
        },
        "unknown objective `Z`",
    );
}

#[test]
fn unsafe_link_found_while_rendering_keeps_the_previous_output() {
    // The front matter is valid, so validation passes and pages are written into the
    // temporary directory before the body's link is found unsafe.
    assert_failed_rebuild_keeps_output(
        |root| {
            write(
                &root.join("content/contributions/late.md"),
                &contribution("Late failure", "A", "A [link](javascript:alert(1))."),
            )
        },
        "unsafe link address `javascript:alert(1)`",
    );
}

#[test]
fn template_failing_while_rendering_keeps_the_previous_output() {
    assert_failed_rebuild_keeps_output(
        |root| {
            write(
                &root.join("themes/default/templates/policy_note.html"),
                "{% extends \"base.html\" %}{% block content %}{{ note.no_such_field.at_all }}{% endblock content %}\n",
            )
        },
        "the template failed while rendering `/2025/policy-notes/connectivity-gaps/`",
    );
}

#[test]
fn successful_rebuild_replaces_the_output_and_cleans_up() {
    let temp = temp_dir();
    let root = super::support::copy_fixture("minimal", temp.path());
    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);
    write(
        &root.join("content/contributions/added.md"),
        &contribution("Added later", "A", "New."),
    );
    build(&root, &output).assert_code(0);
    assert!(output.join("2026/contributions/added/index.html").is_file());
    assert!(output.join(".rapporteur-output").is_file());
    assert_eq!(leftovers(temp.path()), Vec::<String>::new());
}

#[test]
fn default_output_is_public_under_the_root_and_can_be_rebuilt() {
    let temp = temp_dir();
    let root = super::support::copy_fixture("minimal", temp.path());
    for _ in 0..2 {
        super::support::rapporteur()
            .current_dir(&root)
            .arg("build")
            .run()
            .assert_code(0);
        assert!(root.join("public/index.html").is_file());
        assert_eq!(leftovers(&root), Vec::<String>::new());
    }
    // The previous output is not read back as content.
    super::support::check(&root, "human").assert_code(0);
}

/// The `minimal` fixture with every edition open and `count` more contributions, so that
/// a build takes long enough to be interrupted or overlapped.
fn generated_site(parent: &Path, count: usize) -> std::path::PathBuf {
    let root = super::support::copy_fixture_unpublished("minimal", parent);
    for index in 0..count {
        let body = format!("Paragraph {index} about connectivity.\n\n## Results\n\nMore text.");
        write(
            &root.join(format!("content/contributions/generated-{index:04}.md")),
            &contribution(&format!("Generated contribution {index}"), "A", &body),
        );
    }
    root
}

/// A `rapporteur build` started in the background.
fn spawn_build(root: &Path, output: &Path) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(output)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("cannot start rapporteur build")
}

/// Waits until no temporary directory is left in `dir`: a large previous output is
/// deleted by a detached process after the build returns.
#[track_caller]
fn assert_no_leftovers_soon(dir: &Path) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !leftovers(dir).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(leftovers(dir), Vec::<String>::new());
}

#[test]
fn builds_killed_at_any_moment_keep_the_previous_output_and_the_next_build_cleans_up() {
    let temp = temp_dir();
    let root = generated_site(temp.path(), 150);
    let output = temp.path().join("out");
    let started = Instant::now();
    build(&root, &output).assert_code(0);
    let duration = started.elapsed();
    let before = read_tree(&output);
    // Killed while loading, rendering, writing, and around the swap.
    for percent in [10, 30, 50, 70, 85, 95, 100] {
        let mut child = spawn_build(&root, &output);
        std::thread::sleep(duration * percent / 100);
        drop(child.kill());
        drop(child.wait());
        assert!(
            read_tree(&output) == before,
            "a build killed at {percent}% of its run changed the previous output"
        );
    }
    build(&root, &output).assert_code(0);
    assert_no_leftovers_soon(temp.path());
    assert!(read_tree(&output) == before, "the last build differs");
}

#[test]
fn concurrent_builds_to_one_output_take_turns() {
    let temp = temp_dir();
    let root = generated_site(temp.path(), 150);
    let reference = temp.path().join("reference");
    build(&root, &reference).assert_code(0);
    let expected = read_tree(&reference);
    let output = temp.path().join("out");
    {
        let children: Vec<_> = (0..2).map(|_| spawn_build(&root, &output)).collect();
        for child in children {
            let result = child.wait_with_output().expect("cannot wait for a build");
            assert!(
                result.status.success(),
                "a concurrent build failed:\n{}",
                String::from_utf8_lossy(&result.stderr)
            );
        }
        assert!(read_tree(&output) == expected, "the output is not whole");
    }
    assert_no_leftovers_soon(temp.path());
}

#[cfg(unix)]
#[test]
fn a_build_waits_while_another_holds_the_lock_of_its_output() {
    use nix::fcntl::{Flock, FlockArg};
    let temp = temp_dir();
    let root = super::support::copy_fixture("minimal", temp.path());
    let output = temp.path().join("out");
    // What a running build holds: the lock of the folder its output is in.
    let folder = std::fs::File::open(temp.path()).expect("cannot open the folder");
    let held = Flock::lock(folder, FlockArg::LockExclusiveNonblock).expect("cannot lock");
    let mut child = spawn_build(&root, &output);
    std::thread::sleep(Duration::from_secs(3));
    assert!(
        child.try_wait().expect("cannot poll the build").is_none(),
        "the build did not wait for the lock"
    );
    assert!(!output.exists(), "the build wrote while the lock was held");
    drop(held);
    let result = child.wait_with_output().expect("cannot wait for the build");
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(
        stderr.contains("note: another build is writing beside `"),
        "{stderr}"
    );
    assert!(output.join("index.html").is_file());
    assert_eq!(leftovers(temp.path()), Vec::<String>::new());
}
