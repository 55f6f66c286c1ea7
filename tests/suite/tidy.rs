//! Tidy: every Rust file of the project opens with a `//!` comment saying why it exists
//! (rule 8 of the style guide), and every expected-output file is exactly what the test
//! that reads it will compare against (no stray editor files among the snapshots).
//!
//! The rule is cheap to follow and easy to forget; a test is the only reminder that does
//! not depend on a reviewer noticing.

use std::fs;
use std::path::{Path, PathBuf};

use super::support::manifest_dir;

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_module_comment() {
    let root = manifest_dir();
    let mut files = vec![root.join("build.rs")];
    for dir in ["src", "tests", "benches"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} Rust files", files.len());
    let missing: Vec<String> = files
        .iter()
        .filter(|path| !fs::read_to_string(path).is_ok_and(|text| text.starts_with("//!")))
        .map(|path| {
            path.strip_prefix(root)
                .unwrap_or(path)
                .display()
                .to_string()
        })
        .collect();
    assert!(
        missing.is_empty(),
        "these files do not open with a `//!` comment saying why they exist:\n{}",
        missing.join("\n")
    );
}

#[test]
fn invalid_cases_hold_only_a_site_and_its_expectations() {
    let allowed = [
        "site.yaml",
        "content",
        "themes",
        "assets",
        "expected.txt",
        "expected.github.txt",
        "expected.json",
    ];
    let dir = manifest_dir().join("tests/invalid");
    for case in fs::read_dir(&dir)
        .expect("cannot list tests/invalid")
        .filter_map(Result::ok)
    {
        for entry in fs::read_dir(case.path())
            .expect("cannot list a case")
            .filter_map(Result::ok)
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(
                allowed.contains(&name.as_str()),
                "unexpected {}/{name}",
                case.file_name().to_string_lossy()
            );
        }
        assert!(
            case.path().join("expected.txt").is_file(),
            "{} has no expected.txt",
            case.path().display()
        );
    }
}

/// Templates are the theme author's code: one element or block per line, and no line a
/// reader has to scroll (issue #10 found one of 618 characters in `contribution.html`).
#[test]
fn default_theme_templates_have_no_line_over_120_characters() {
    const LIMIT: usize = 120;
    let dir = manifest_dir().join("themes/default/templates");
    let mut templates = Vec::new();
    for folder in [dir.clone(), dir.join("partials")] {
        for entry in fs::read_dir(&folder)
            .expect("cannot list the templates")
            .filter_map(Result::ok)
        {
            if entry
                .path()
                .extension()
                .is_some_and(|extension| extension == "html")
            {
                templates.push(entry.path());
            }
        }
    }
    assert!(
        templates.len() > 15,
        "found only {} templates",
        templates.len()
    );
    let mut long = Vec::new();
    for path in &templates {
        let text = fs::read_to_string(path).expect("cannot read a template");
        for (index, line) in text.lines().enumerate() {
            let length = line.chars().count();
            if length > LIMIT {
                let name = path
                    .strip_prefix(&dir)
                    .unwrap_or(path)
                    .display()
                    .to_string();
                long.push(format!("{name}:{}: {length} characters", index + 1));
            }
        }
    }
    assert!(
        long.is_empty(),
        "break these lines (Tera's whitespace control keeps the output as it is):\n{}",
        long.join("\n")
    );
}
