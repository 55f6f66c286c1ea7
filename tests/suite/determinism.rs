//! Determinism: the same sources give the same bytes, build after build.
//!
//! Rendering runs in parallel and the model is full of maps; any iteration order that
//! leaks into a page (a `HashMap`, a thread finishing first, the time of day) would make
//! deployments noisy and snapshots flaky. The bundled portal and a fixture are each built
//! twice into separate directories and every file is compared.

use std::path::Path;

use super::support::{assert_same_tree, build, fixture_dir, manifest_dir, read_tree, temp_dir};

fn assert_builds_identically(root: &Path) {
    let temp = temp_dir();
    let first = temp.path().join("first");
    let second = temp.path().join("second");
    build(root, &first).assert_code(0);
    build(root, &second).assert_code(0);
    let first = read_tree(&first);
    assert!(first.len() > 30, "only {} files were built", first.len());
    assert_same_tree(
        &first,
        &read_tree(&second),
        &format!("two builds of {}", root.display()),
    );
}

#[test]
fn bundled_portal_builds_identically_twice() {
    assert_builds_identically(manifest_dir());
}

#[test]
fn fixture_builds_identically_twice() {
    assert_builds_identically(&fixture_dir("minimal"));
}
