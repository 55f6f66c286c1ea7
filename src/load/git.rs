//! Provenance from git: when each content file was first submitted and last revised.
//!
//! Contributions arrive as pull requests, so the repository's history is their record.
//! One `git log` over `content/` reads it all in a single pass (newest commit first): the
//! first time a file is seen is its last revision, the last time is its first submission.
//! Without git, outside a repository, or when the site root is not the repository's top
//! folder, there is no provenance and pages fall back to the front matter's dates.
//!
//! In a shallow clone (`actions/checkout` makes one by default) the oldest commit present
//! is the clone's cut, not the file's submission: every file would look "submitted" on
//! the day of the last commit. So a shallow history is not used at all, and a warning
//! says how to get the whole one.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::diagnostic::Diagnostic;
use crate::model::Provenance;

/// Provenance of every file under `content/`, by path relative to the site root, and a
/// warning when the history cannot be trusted (a shallow clone).
pub fn history(root: &Path) -> (BTreeMap<String, Provenance>, Option<Diagnostic>) {
    let Some(prefix) = git(root, &["rev-parse", "--show-prefix"]) else {
        return (BTreeMap::new(), None);
    };
    if !prefix.trim().is_empty() {
        // The site is a folder inside a larger repository (such as a test fixture):
        // its history is the repository's, not the site's own. Checked first, so that a
        // shallow clone of this repository does not make its fixtures warn.
        return (BTreeMap::new(), None);
    }
    let shallow = git(root, &["rev-parse", "--is-shallow-repository"])
        .is_some_and(|answer| answer.trim() == "true");
    if shallow {
        let warning = Diagnostic::warning(
            "content",
            "the repository is a shallow clone, so git cannot tell when files were submitted; pages show the front matter's dates instead",
        )
        .with_hint("fetch the whole history (`git fetch --unshallow`, or `fetch-depth: 0` with actions/checkout)");
        return (BTreeMap::new(), Some(warning));
    }
    (full_history(root), None)
}

/// Provenance from a complete history.
fn full_history(root: &Path) -> BTreeMap<String, Provenance> {
    let Some(log) = git(
        root,
        &[
            "log",
            "--format=%x00%H %cs",
            "--name-only",
            "--no-renames",
            "--",
            "content/",
        ],
    ) else {
        return BTreeMap::new();
    };
    parse_log(&log, "")
}

/// The manifests (`editions/<year>.yaml`) that git's history holds but the working tree
/// does not: a published edition whose manifest was deleted, even with its `status` set
/// back to `open`, which nothing else could notice. Empty without git or when the site is
/// a folder of a larger repository.
pub fn lost_manifests(root: &Path, present: &[String]) -> Vec<String> {
    let top = git(root, &["rev-parse", "--show-prefix"]).is_some_and(|p| p.trim().is_empty());
    if !top {
        return Vec::new();
    }
    let Some(log) = git(
        root,
        &["log", "--format=", "--name-only", "--", "editions/"],
    ) else {
        return Vec::new();
    };
    let mut lost: Vec<String> = log
        .lines()
        .map(str::trim)
        .filter(|file| file.starts_with("editions/") && file.ends_with(".yaml"))
        .filter(|file| !present.iter().any(|p| p == file) && !root.join(file).exists())
        .map(str::to_owned)
        .collect();
    lost.sort();
    lost.dedup();
    lost
}

/// Runs git in `root`; `None` when git is missing or fails (e.g. not a repository).
fn git(root: &Path, arguments: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(arguments)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Reads `git log --format=%x00%H %cs --name-only` output, newest commit first.
fn parse_log(log: &str, prefix: &str) -> BTreeMap<String, Provenance> {
    let mut history: BTreeMap<String, Provenance> = BTreeMap::new();
    for commit in log.split('\0').filter(|commit| !commit.trim().is_empty()) {
        let mut lines = commit.lines();
        let Some((hash, date)) = lines.next().and_then(|header| header.split_once(' ')) else {
            continue;
        };
        for file in lines.map(str::trim).filter(|line| !line.is_empty()) {
            let Some(relative) = file.strip_prefix(prefix) else {
                continue;
            };
            history
                .entry(relative.to_owned())
                .and_modify(|provenance| {
                    provenance.first_commit = hash.to_owned();
                    provenance.first_date = date.to_owned();
                })
                .or_insert_with(|| Provenance {
                    first_commit: hash.to_owned(),
                    first_date: date.to_owned(),
                    last_commit: hash.to_owned(),
                    last_date: date.to_owned(),
                });
        }
    }
    history
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_commit_is_last_revision_and_oldest_first_submission() {
        let log = "\0ccc 2025-03-01\n\nsite/content/contributions/a.md\n\0bbb 2025-02-01\n\nsite/content/contributions/b.md\n\0aaa 2025-01-01\n\nsite/content/contributions/a.md\nother/x.md\n";
        let history = parse_log(log, "site/");
        let a = &history["content/contributions/a.md"];
        assert_eq!(
            (a.first_commit.as_str(), a.first_date.as_str()),
            ("aaa", "2025-01-01")
        );
        assert_eq!(
            (a.last_commit.as_str(), a.last_date.as_str()),
            ("ccc", "2025-03-01")
        );
        assert_eq!(history["content/contributions/b.md"].first_commit, "bbb");
        assert_eq!(history.len(), 2);
    }

    /// Runs git in `dir` with a fixed identity, failing the test if it fails.
    fn run_git(dir: &Path, arguments: &[&str]) {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .arg("-C")
            .arg(dir)
            .args(arguments)
            .output()
            .map(|output| output.status.success());
        assert!(matches!(status, Ok(true)), "git {arguments:?} failed");
    }

    #[test]
    fn a_shallow_clone_gives_no_provenance_and_a_warning() {
        if git(Path::new("."), &["--version"]).is_none() {
            return;
        }
        let Ok(temp) = tempfile::tempdir() else {
            return;
        };
        let origin = temp.path().join("origin");
        assert!(std::fs::create_dir_all(origin.join("content")).is_ok());
        run_git(&origin, &["init", "-q"]);
        for text in ["first", "second"] {
            assert!(std::fs::write(origin.join("content/a.md"), text).is_ok());
            run_git(&origin, &["add", "."]);
            run_git(&origin, &["commit", "-q", "-m", text]);
        }
        let (full, warning) = history(&origin);
        assert!(warning.is_none());
        assert!(full.contains_key("content/a.md"));

        let url = format!("file://{}", origin.display());
        run_git(
            temp.path(),
            &["clone", "-q", "--depth", "1", &url, "shallow"],
        );
        let (shallow, warning) = history(&temp.path().join("shallow"));
        assert!(shallow.is_empty(), "{shallow:?}");
        assert!(warning.is_some_and(|warning| warning.message.contains("shallow clone")));
    }
}
