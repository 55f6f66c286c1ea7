//! `rapporteur new chapter <year> <slug>`: content/report/<year>/NN-<slug>.md, numbered
//! after the report's last chapter, and the report's front page when it has none yet.
//!
//! Only an edition of site.yaml has a report, and a published edition is frozen: its
//! report changes only through an erratum, so a new chapter there is refused.

use std::path::{Path, PathBuf};

use super::choices::Terminal;
use super::Answers;
use super::{check_slug_and_root, check_text, quoted, refuse_existing, site_editions, write_new};

use crate::validate::placeholders::CHAPTER_BODY as PLACEHOLDER_CHAPTER_BODY;

/// Writes the next chapter of `year`'s report under `root`, titled `title` (asked for at
/// a terminal when missing), and the report's `_index.md` if it is missing. Returns the
/// files written.
pub fn chapter(
    root: &Path,
    year: &str,
    slug: &str,
    title: Option<String>,
    answers: Answers<'_>,
) -> Result<Vec<PathBuf>, String> {
    check_slug_and_root(root, slug, "a chapter's address")?;
    check_edition(root, year)?;
    let folder = root.join("content/report").join(year);
    let number = next_number(&folder, slug)?;
    let path = refuse_existing(folder.join(format!("{number:02}-{slug}.md")))?;
    let title = match (title, answers) {
        (Some(title), _) => title,
        (None, Answers::Terminal { input, prompts }) => {
            Terminal { input, prompts }.text("Title of the chapter:")?
        }
        (None, Answers::FlagsOnly) => {
            return Err("missing --title: standard input is not a terminal, so it cannot be asked for; pass it as a flag (see `rapporteur new chapter --help`)".to_owned());
        }
    };
    check_text("--title", &title)?;
    let mut written = Vec::new();
    let front = folder.join("_index.md");
    if !front.exists() {
        let text = format!("---\ntitle: \"Annual report {year}\"\nedition: {year}\n---\n");
        written.push(write_new(&front, &text)?);
    }
    let text = format!(
        "---\ntitle: {}\nweight: {number}\n---\n{PLACEHOLDER_CHAPTER_BODY}",
        quoted(&title)
    );
    written.push(write_new(&path, &text)?);
    Ok(written)
}

/// `year` must be an edition of site.yaml that is not published.
fn check_edition(root: &Path, year: &str) -> Result<(), String> {
    let editions = site_editions(root);
    let Some(edition) = editions
        .iter()
        .find(|edition| edition.year.to_string() == year)
    else {
        let years: Vec<String> = editions.iter().map(|e| e.year.to_string()).collect();
        return Err(format!(
            "`{year}` is not an edition of site.yaml (it has: {}); add the edition there first",
            if years.is_empty() {
                "none".to_owned()
            } else {
                years.join(", ")
            }
        ));
    };
    if edition.status == "published" {
        return Err(format!(
            "edition {year} is published and its report is frozen: record a change to it with `rapporteur erratum {year} --description \"<what changed and why>\"` instead"
        ));
    }
    Ok(())
}

/// The number after the highest `NN-` of the chapters in `folder` (1 when there are
/// none); a chapter with the same slug under another number is refused.
fn next_number(folder: &Path, slug: &str) -> Result<u32, String> {
    let names: Vec<String> = match std::fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut highest = 0;
    for name in &names {
        let Some(stem) = name.strip_suffix(".md") else {
            continue;
        };
        let Some((number, rest)) = stem.split_once('-') else {
            continue;
        };
        let Ok(number) = number.parse::<u32>() else {
            continue;
        };
        if rest == slug {
            return Err(format!(
                "`{}` already exists; choose another slug",
                folder.join(name).display()
            ));
        }
        highest = highest.max(number);
    }
    Ok(highest + 1)
}
