//! `rapporteur init [DIR]`: a new portal that checks and builds with no warning.
//!
//! It writes `site.yaml` (the forum's name, base URL, repository, languages and first
//! edition), a home page, the Compact's objectives and the forums of its architecture
//! (the bundled data files, which every portal following the Compact starts from), the
//! contributor's guide, the pull-request template and the workflow that checks every pull
//! request (with the scripts of rapporteur's own workflow: the released binary is
//! downloaded, and a pull request is checked for the files it changes). Missing answers
//! are asked for in a terminal, and taken from flags otherwise.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::Datelike;

/// Where `rapporteur` is installed from by the workflow of a new portal.
pub const GENERATOR_GIT: &str = "https://github.com/example/rapporteur";

/// The answers `init` needs; `None` is asked for (in a terminal) or defaulted.
#[derive(Debug, Clone, Default)]
pub struct Answers {
    pub title: Option<String>,
    pub base_url: Option<String>,
    pub repository: Option<String>,
    pub languages: Option<Vec<String>>,
    pub edition: Option<i32>,
}

/// The files of a new portal, by path relative to its root.
struct NewSite {
    files: Vec<(&'static str, String)>,
}

const LANGUAGES: [&str; 6] = ["ar", "en", "es", "fr", "ru", "zh"];

/// Writes a new portal into `dir`, which must not hold a site yet.
pub fn init(
    dir: &Path,
    answers: Answers,
    today: chrono::NaiveDate,
) -> Result<Vec<PathBuf>, String> {
    if dir.join("site.yaml").exists() || dir.join("content").exists() {
        return Err(format!(
            "{} already holds a site (site.yaml or content/); choose an empty folder",
            dir.display()
        ));
    }
    let answers = complete(answers, today)?;
    let site = new_site(&answers)?;
    let mut written = Vec::new();
    for (relative, text) in &site.files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
        }
        std::fs::write(&path, text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// Complete answers: asked for in a terminal, defaulted or refused otherwise.
#[derive(Debug)]
struct Complete {
    title: String,
    base_url: String,
    repository: String,
    languages: Vec<String>,
    edition: i32,
}

fn complete(answers: Answers, today: chrono::NaiveDate) -> Result<Complete, String> {
    let interactive = std::io::stdin().is_terminal();
    let default_edition = if today.month() >= 7 {
        today.year() + 1
    } else {
        today.year()
    };
    let mut missing = Vec::new();
    let mut answer = |given: Option<String>,
                      flag: &str,
                      question: &str,
                      default: Option<&str>|
     -> Result<String, String> {
        match (given, interactive) {
            (Some(value), _) => Ok(value),
            (None, true) => ask(question, default),
            (None, false) => match default {
                Some(default) => Ok(default.to_owned()),
                None => {
                    missing.push(flag.to_owned());
                    Ok(String::new())
                }
            },
        }
    };
    let title = answer(
        answers.title,
        "--title",
        "The forum's name, as the portal shows it",
        None,
    )?;
    let base_url = answer(
        answers.base_url,
        "--base-url",
        "The portal's public address",
        None,
    )?;
    let repository = answer(
        answers.repository,
        "--repository",
        "The repository contributors open pull requests on (https://…)",
        None,
    )?;
    let languages = answer(
        answers.languages.map(|l| l.join(",")),
        "--languages",
        "Languages, the default first (ar, en, es, fr, ru, zh)",
        Some("en"),
    )?;
    let edition = answer(
        answers.edition.map(|y| y.to_string()),
        "--edition",
        "The first edition's year (its reporting period ends on 30 June)",
        Some(&default_edition.to_string()),
    )?;
    if !missing.is_empty() {
        return Err(format!(
            "without a terminal to ask in, give {}",
            missing.join(", ")
        ));
    }
    Ok(Complete {
        title: checked_text("--title", &title)?,
        base_url: checked_url("--base-url", &base_url)?,
        repository: checked_url("--repository", &repository)?,
        languages: checked_languages(&languages)?,
        edition: edition
            .trim()
            .parse()
            .ok()
            .filter(|year| (2000..=2100).contains(year))
            .ok_or_else(|| {
                format!("--edition: `{edition}` is not a year such as {default_edition}")
            })?,
    })
}

/// Asks `question` on the terminal; an empty answer takes `default`.
fn ask(question: &str, default: Option<&str>) -> Result<String, String> {
    loop {
        match default {
            Some(default) => eprint!("{question} [{default}]: "),
            None => eprint!("{question}: "),
        }
        // A prompt that cannot be flushed still leaves the question answerable; the
        // read below reports a terminal that is really gone.
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        let read = std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|error| error.to_string())?;
        if read == 0 {
            return Err("no answer (end of input)".to_owned());
        }
        match (line.trim(), default) {
            ("", Some(default)) => return Ok(default.to_owned()),
            ("", None) => eprintln!("  an answer is needed"),
            (answer, _) => return Ok(answer.to_owned()),
        }
    }
}

fn checked_text(flag: &str, text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() || text.chars().any(char::is_control) || text.contains('"') {
        return Err(format!(
            "{flag}: give a name on one line, without double quotes"
        ));
    }
    Ok(text.to_owned())
}

fn checked_url(flag: &str, url: &str) -> Result<String, String> {
    let url = url.trim();
    if !crate::validate::is_safe_absolute_url(url) || url.contains(['"', ' ']) {
        return Err(format!(
            "{flag}: `{url}` is not an address such as https://example.org/forum/"
        ));
    }
    Ok(url.to_owned())
}

fn checked_languages(text: &str) -> Result<Vec<String>, String> {
    let languages: Vec<String> = text
        .split([',', ' '])
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(str::to_lowercase)
        .collect();
    match languages
        .iter()
        .find(|code| !LANGUAGES.contains(&code.as_str()))
    {
        Some(code) => Err(format!(
            "--languages: `{code}` is not one of {}",
            LANGUAGES.join(", ")
        )),
        None if languages.is_empty() => Err("--languages: name at least one, e.g. en".to_owned()),
        None => Ok(languages),
    }
}

fn new_site(answers: &Complete) -> Result<NewSite, String> {
    let base_url = if answers.base_url.ends_with('/') {
        answers.base_url.clone()
    } else {
        format!("{}/", answers.base_url)
    };
    let year = answers.edition;
    let site_yaml = format!(
        "title: \"{title}\"\nbase_url: \"{base_url}\"\nrepository: \"{repository}\"\ndefault_language: {default}\nlanguages: [{languages}]\ntheme: default\neditions:\n  - year: {year}\n    from: {from}-07-01\n    to: {year}-06-30\n    status: open\n",
        title = answers.title,
        repository = answers.repository,
        default = answers.languages[0],
        languages = answers.languages.join(", "),
        from = year - 1,
    );
    let home = format!(
        "---\ntitle: \"{}\"\n---\nThis portal gathers what stakeholders report on the Global Digital Compact's objectives, and the annual report that draws on it.\n\nTo report your work, see the contributor's guide in the portal's repository.\n",
        answers.title
    );
    let contributing = include_str!("../../CONTRIBUTING.md")
        .replace("the Digital Cooperation Forum portal", &answers.title);
    let workflow = include_str!("portal.yml").replace("__GENERATOR__", GENERATOR_GIT);
    Ok(NewSite {
        files: vec![
            ("site.yaml", site_yaml),
            ("content/_index.md", home),
            (
                "content/data/objectives.yaml",
                include_str!("../../content/data/objectives.yaml").to_owned(),
            ),
            (
                "content/data/forums.yaml",
                include_str!("../../content/data/forums.yaml").to_owned(),
            ),
            ("CONTRIBUTING.md", contributing),
            (
                ".github/pull_request_template.md",
                include_str!("../../.github/pull_request_template.md").to_owned(),
            ),
            (".github/workflows/portal.yml", workflow),
            (
                ".github/scripts/install-rapporteur.sh",
                include_str!("../../.github/scripts/install-rapporteur.sh").to_owned(),
            ),
            (
                ".github/scripts/check-pull-request.sh",
                include_str!("../../.github/scripts/check-pull-request.sh").to_owned(),
            ),
            (".gitignore", "public/\n".to_owned()),
        ],
    })
}
