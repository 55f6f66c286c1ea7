//! `check --changed FILE…`: what a pull request's files cause, for its check in CI.
//!
//! The names come from git, from a person or from a workflow, so every form is accepted:
//! relative to the site root or to the current folder, absolute inside the root, or quoted
//! the way git quotes unusual names (`"r\303\251seau.md"`). A name that is not a file of
//! the site is a warning that fails the check: a list that matches nothing must never pass
//! as "no problems".
//!
//! A change can break files it does not touch (moving an edition's dates in `site.yaml`
//! puts published contributions outside it), so errors anywhere are kept, and each
//! changed file that other files depend on is named as the likely cause.

use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity};

/// The top-level names of a site root that `check` reads.
const SITE_PARTS: &[&str] = &["site.yaml", "content", "assets", "editions", "themes"];

/// The changed files, relative to the site root, and the names that are not site files.
#[derive(Debug, Default)]
pub struct Changed {
    pub files: Vec<String>,
    pub problems: Vec<Diagnostic>,
}

/// Resolves the names given to `--changed` against the site `root` and the folder `cwd`.
pub fn resolve(root: &Path, cwd: &Path, names: &[String]) -> Changed {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut changed = Changed::default();
    for name in names {
        match site_file(&root, cwd, &unquote_git(name)) {
            Ok(file) if !changed.files.contains(&file) => changed.files.push(file),
            Ok(_) => {}
            Err(problem) => changed.problems.push(problem),
        }
    }
    changed
}

/// The path of `name` relative to `root`, if it names a file of the site.
fn site_file(root: &Path, cwd: &Path, name: &str) -> Result<String, Diagnostic> {
    let not_site_file = |why: &str| {
        Diagnostic::warning(name, format!("`--changed {name}`: {why}"))
            .with_hint("name files of the site (site.yaml, content/, assets/, editions/, themes/) relative to the site root, as `git diff --name-only` prints them")
    };
    let given = Path::new(name);
    let candidates: Vec<PathBuf> = if given.is_absolute() {
        vec![given.to_path_buf()]
    } else {
        vec![root.join(given), cwd.join(given)]
    };
    let Some(real) = candidates
        .iter()
        .find_map(|candidate| candidate.canonicalize().ok())
    else {
        return Err(not_site_file("there is no such file"));
    };
    let Ok(relative) = real.strip_prefix(root) else {
        return Err(not_site_file("this file is outside the site root"));
    };
    let parts: Vec<String> = relative
        .components()
        .filter_map(|component| match component {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let is_site_part = parts
        .first()
        .is_some_and(|first| SITE_PARTS.contains(&first.as_str()));
    if !real.is_file() || !is_site_part {
        return Err(not_site_file("this is not a file that `check` reads"));
    }
    Ok(parts.join("/"))
}

/// Undoes git's quoting of a path with unusual characters: `"r\303\251seau.md"` → `réseau.md`.
pub fn unquote_git(name: &str) -> String {
    let Some(inner) = name
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return name.to_owned();
    };
    let mut bytes = Vec::with_capacity(inner.len());
    let mut rest = inner.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        if byte != b'\\' {
            bytes.push(byte);
            continue;
        }
        let octal: Vec<u8> = rest
            .iter()
            .take(3)
            .take_while(|digit| (b'0'..=b'7').contains(*digit))
            .copied()
            .collect();
        if octal.len() == 3 {
            let value = octal
                .iter()
                .fold(0u32, |value, digit| value * 8 + u32::from(digit - b'0'));
            bytes.push(u8::try_from(value).unwrap_or(b'?'));
            rest = &rest[3..];
            continue;
        }
        let Some((&escaped, tail)) = rest.split_first() else {
            bytes.push(b'\\');
            break;
        };
        rest = tail;
        bytes.push(match escaped {
            b'n' => b'\n',
            b't' => b'\t',
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'v' => 11,
            b'r' => b'\r',
            other => other,
        });
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The problems to show for a change: all those of the changed files, the errors of the
/// other files, and for each changed file that others depend on, an error naming them.
pub fn select(diagnostics: Vec<Diagnostic>, changed: &[String]) -> Vec<Diagnostic> {
    let (mut selected, elsewhere): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics
        .into_iter()
        .filter(|diagnostic| {
            changed.contains(&diagnostic.file) || diagnostic.severity == Severity::Error
        })
        .partition(|diagnostic| changed.contains(&diagnostic.file));
    if !elsewhere.is_empty() {
        selected.extend(
            changed
                .iter()
                .filter(|file| is_shared(file))
                .map(|file| culprit(file, &elsewhere)),
        );
    }
    selected.extend(elsewhere);
    selected.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
    });
    selected
}

/// True for a file that other files use: site.yaml, data, manifests, theme, reports.
fn is_shared(file: &str) -> bool {
    file == "site.yaml"
        || file == "content/_index.md"
        || ["content/data/", "content/report/", "editions/", "themes/"]
            .iter()
            .any(|folder| file.starts_with(folder))
}

/// The error placed on a changed shared file when other files have errors.
fn culprit(file: &str, elsewhere: &[Diagnostic]) -> Diagnostic {
    let mut files: Vec<&str> = elsewhere
        .iter()
        .map(|diagnostic| diagnostic.file.as_str())
        .collect();
    files.dedup();
    let shown: Vec<&str> = files.iter().take(5).copied().collect();
    let more = match files.len().saturating_sub(shown.len()) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    Diagnostic::error(
        file,
        format!(
            "other files have {} problem{} with this change: {}{more}",
            elsewhere.len(),
            if elsewhere.len() == 1 { "" } else { "s" },
            shown.join(", ")
        ),
    )
    .with_hint("other files depend on this one: fix them in this change, or undo the part of this change that breaks them")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_quoted_names_are_unquoted() {
        assert_eq!(
            unquote_git("\"content/r\\303\\251seau.md\""),
            "content/réseau.md"
        );
        assert_eq!(unquote_git("\"a\\\"b\\\\c\""), "a\"b\\c");
        assert_eq!(unquote_git("plain name.md"), "plain name.md");
    }

    #[test]
    fn errors_elsewhere_are_kept_and_blamed_on_shared_files() {
        let diagnostics = vec![
            Diagnostic::error("content/contributions/a.md", "outside every edition"),
            Diagnostic::warning("content/contributions/b.md", "a warning"),
        ];
        let selected = select(diagnostics, &["site.yaml".to_owned()]);
        let messages: Vec<(&str, &str)> = selected
            .iter()
            .map(|d| (d.file.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                ("content/contributions/a.md", "outside every edition"),
                (
                    "site.yaml",
                    "other files have 1 problem with this change: content/contributions/a.md"
                ),
            ]
        );
    }
}
