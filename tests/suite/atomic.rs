//! Atomic output: a build that fails, at any stage, leaves the previous output exactly as
//! it was, and no build leaves temporary directories (`.rapporteur-build-*`,
//! `.rapporteur-old-*`) beside the output.
//!
//! A portal is served straight from its output directory, so a half-written site after a
//! bad pull request would be an outage. Content can fail in validation (before the
//! temporary directory exists) or during rendering (after pages have been written into
//! it); a theme can fail while rendering too. Each path is tested.

use std::path::Path;

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
