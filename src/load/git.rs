//! Provenance from git: when each content file was first submitted and last revised.
//!
//! Contributions arrive as pull requests, so the repository's history is their record.
//! One `git log` over `content/` reads it all in a single pass (newest commit first): the
//! first time a file is seen is its last revision, the last time is its first submission.
//! Without git, outside a repository, when the site root is not the repository's top
//! folder, or in a shallow clone (CI's `fetch-depth: 1`, whose one commit would date every
//! file to the day of the clone), there is no provenance and pages fall back to the front
//! matter's dates.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// When a file was first submitted and last revised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    pub first_commit: String,
    pub first_date: String,
    pub last_commit: String,
    pub last_date: String,
}

/// Provenance of every file under `content/`, by path relative to the site root.
pub fn history(root: &Path) -> BTreeMap<String, Provenance> {
    let Some(prefix) = git(root, &["rev-parse", "--show-prefix"]) else {
        return BTreeMap::new();
    };
    let prefix = prefix.trim().to_owned();
    if !prefix.is_empty() {
        // The site is a folder inside a larger repository (such as a test fixture):
        // its history is the repository's, not the site's own.
        return BTreeMap::new();
    }
    if git(root, &["rev-parse", "--is-shallow-repository"])
        .is_some_and(|shallow| shallow.trim() == "true")
    {
        return BTreeMap::new();
    }
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
    parse_log(&log, &prefix)
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
}
