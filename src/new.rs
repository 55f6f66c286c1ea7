//! `rapporteur new contribution <slug>`: a new contribution file that passes `check` (and,
//! in `policy_note` and `chapter`, `new policy-note` and `new chapter`, which reuse its
//! terminal questions and file checks).
//!
//! Every field the content model requires can be given as a flag. What is missing is
//! asked for when standard input is a terminal, with the choices the site offers (its
//! objectives and actions from objectives.yaml, its forums, the closed lists of the
//! content model), and each answer is checked before the next question. Without a
//! terminal (a script, CI) nothing can be asked, so the command fails and names every
//! missing flag. `--skeleton` writes a commented file with placeholder values instead,
//! for people who prefer to fill in a template.
//!
//! The date defaults to today; when no edition's reporting period contains the date, the
//! file names the newest open edition explicitly, so it is valid as written.

mod chapter;
mod choices;
mod policy_note;

pub use chapter::chapter;
pub use policy_note::{policy_note, NoteFields};

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use crate::model::{Region, StakeholderType, Status};
use crate::validate::{is_valid_slug, placeholders};
use choices::{ask_missing, closed, SiteChoices, Terminal};

/// The fields of a new contribution as given on the command line (all optional there):
/// the flags of `new contribution`. Required ones that are missing are asked for in a
/// terminal, and are an error otherwise.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct Fields {
    /// A short title that says what was done and where (required).
    #[arg(long)]
    pub title: Option<String>,
    /// The name of the organization that did the work (required).
    #[arg(long)]
    pub stakeholder: Option<String>,
    /// member-state, un-entity, intergovernmental, private-sector, civil-society, academia,
    /// technical-community or youth (required).
    #[arg(long)]
    pub stakeholder_type: Option<String>,
    /// africa, americas, arab-states, asia-pacific, cis, europe or global (required).
    #[arg(long)]
    pub region: Option<String>,
    /// Ids from content/data/objectives.yaml, separated by commas (at least one).
    #[arg(long, value_delimiter = ',')]
    pub objectives: Vec<String>,
    /// planned, ongoing or completed (required).
    #[arg(long)]
    pub status: Option<String>,
    /// Ids of actions of those objectives, separated by commas.
    #[arg(long, value_delimiter = ',')]
    pub actions: Vec<String>,
    /// Ids from content/data/forums.yaml, separated by commas.
    #[arg(long, value_delimiter = ',')]
    pub forums: Vec<String>,
    /// Sustainable Development Goals, 1 to 17, separated by commas.
    #[arg(long, value_delimiter = ',')]
    pub sdgs: Vec<u8>,
    /// The stakeholder's country: an ISO 3166-1 alpha-2 code such as SN.
    #[arg(long)]
    pub country: Option<String>,
    /// The language the contribution is written in, if not the site's default.
    #[arg(long)]
    pub language: Option<String>,
    /// The date submitted, YYYY-MM-DD [default: today].
    #[arg(long)]
    pub date: Option<String>,
}

/// Where missing fields come from: nowhere (flags only), or a person at a terminal.
pub enum Answers<'a> {
    FlagsOnly,
    Terminal {
        input: &'a mut dyn BufRead,
        prompts: &'a mut dyn Write,
    },
}

/// Writes `content/contributions/<slug>.md` under `root` from `fields`, asking for the
/// missing ones when `answers` is a terminal; refuses to overwrite.
pub fn contribution(
    root: &Path,
    slug: &str,
    fields: Fields,
    answers: Answers<'_>,
) -> Result<PathBuf, String> {
    let path = new_file_path(root, slug)?;
    let site = SiteChoices::read(root);
    let today = chrono::Local::now().date_naive();
    let complete = match answers {
        Answers::FlagsOnly => complete_from_flags(&site, fields)?,
        Answers::Terminal { input, prompts } => {
            let mut terminal = Terminal { input, prompts };
            ask_missing(&site, fields, &mut terminal)?
        }
    };
    let date = match &complete.date {
        Some(date) => parse_date(date)?,
        None => today,
    };
    let text = front_matter(&complete, date, edition_for(root, date));
    write_new(&path, &text)
}

/// Writes the commented skeleton with placeholder values (`--skeleton`).
pub fn skeleton(root: &Path, slug: &str) -> Result<PathBuf, String> {
    let path = new_file_path(root, slug)?;
    let today = chrono::Local::now().date_naive();
    let edition_line = match edition_for(root, today) {
        EditionChoice::ByDate => String::new(),
        EditionChoice::Named(year) => format!(
            "edition: {year}                   # the edition this contribution reports to\n"
        ),
    };
    let objective = SiteChoices::read(root)
        .objectives
        .into_iter()
        .next()
        .map_or_else(|| "A".to_owned(), |choice| choice.id);
    let text = SKELETON
        .replace("{date}", &today.to_string())
        .replace("{edition}", &edition_line)
        .replace("{objective}", &objective);
    write_new(&path, &text)
}

/// `content/contributions/<slug>.md`, after checking the slug, the root and that the
/// file does not exist yet.
fn new_file_path(root: &Path, slug: &str) -> Result<PathBuf, String> {
    check_slug_and_root(root, slug, "a contribution's address")?;
    let path = root
        .join("content")
        .join("contributions")
        .join(format!("{slug}.md"));
    refuse_existing(path)
}

/// Refuses a slug that cannot be an address (`what` says whose) and a folder that is not
/// a site root.
fn check_slug_and_root(root: &Path, slug: &str, what: &str) -> Result<(), String> {
    if !is_valid_slug(slug) {
        return Err(format!(
            "`{slug}` cannot be {what}: use lowercase letters, digits and hyphens, e.g. `{}`",
            slug::slugify(slug)
        ));
    }
    if !root.join("site.yaml").is_file() {
        return Err(format!(
            "`{}` is not a site root: it has no site.yaml (pass --root)",
            root.display()
        ));
    }
    Ok(())
}

/// `path`, unless a file is already there.
fn refuse_existing(path: PathBuf) -> Result<PathBuf, String> {
    if path.exists() {
        return Err(format!(
            "`{}` already exists; choose another slug",
            path.display()
        ));
    }
    Ok(path)
}

fn write_new(path: &Path, text: &str) -> Result<PathBuf, String> {
    if let Some(directory) = path.parent() {
        std::fs::create_dir_all(directory)
            .map_err(|error| format!("cannot create `{}`: {error}", directory.display()))?;
    }
    std::fs::write(path, text)
        .map_err(|error| format!("cannot write `{}`: {error}", path.display()))?;
    Ok(path.to_path_buf())
}

/// The fields once every required one is known and every value checked.
#[derive(Debug)]
struct Complete {
    title: String,
    stakeholder: String,
    stakeholder_type: StakeholderType,
    region: Region,
    objectives: Vec<String>,
    status: Status,
    actions: Vec<String>,
    forums: Vec<String>,
    sdgs: Vec<u8>,
    country: Option<String>,
    language: Option<String>,
    date: Option<String>,
}

/// Checks `fields` without asking; fails listing, in one message, every missing flag and
/// every bad value.
fn complete_from_flags(site: &SiteChoices, fields: Fields) -> Result<Complete, String> {
    let missing: Vec<&str> = [
        ("--title", fields.title.is_none()),
        ("--stakeholder", fields.stakeholder.is_none()),
        ("--stakeholder-type", fields.stakeholder_type.is_none()),
        ("--region", fields.region.is_none()),
        ("--objectives", fields.objectives.is_empty()),
        ("--status", fields.status.is_none()),
    ]
    .into_iter()
    .filter_map(|(flag, is_missing)| is_missing.then_some(flag))
    .collect();
    let mut problems = Vec::new();
    if !missing.is_empty() {
        problems.push(format!(
            "missing {}: standard input is not a terminal, so they cannot be asked for; pass them as flags (see `rapporteur new contribution --help`), or use --skeleton for a file with placeholders",
            missing.join(", ")
        ));
    }
    let mut keep = |result: Result<(), String>| {
        if let Err(problem) = result {
            problems.push(problem);
        }
    };
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    if let Some(title) = &fields.title {
        keep(check_text("--title", title));
    }
    if let Some(stakeholder) = &fields.stakeholder {
        keep(check_text("--stakeholder", stakeholder));
    }
    let stakeholder_type = fields
        .stakeholder_type
        .as_deref()
        .map(|value| closed::<StakeholderType>(value, "--stakeholder-type"));
    let region = fields
        .region
        .as_deref()
        .map(|value| closed::<Region>(value, "--region"));
    let status = fields
        .status
        .as_deref()
        .map(|value| closed::<Status>(value, "--status"));
    keep(problem_of(&stakeholder_type));
    keep(problem_of(&region));
    keep(problem_of(&status));
    let objectives = site.resolve_objectives(&fields.objectives);
    if !fields.objectives.is_empty() {
        keep(site.check_objectives(&objectives));
    }
    keep(site.check_actions(&fields.actions, &objectives));
    keep(site.check_forums(&fields.forums));
    for problem in optional_problems(&fields, site) {
        keep(Err(problem));
    }
    match (stakeholder_type, region, status) {
        (Some(Ok(stakeholder_type)), Some(Ok(region)), Some(Ok(status))) if problems.is_empty() => {
            Ok(Complete {
                title: text(&fields.title),
                stakeholder: text(&fields.stakeholder),
                stakeholder_type,
                region,
                objectives,
                status,
                actions: fields.actions,
                forums: fields.forums,
                sdgs: fields.sdgs,
                country: fields.country,
                language: fields.language,
                date: fields.date,
            })
        }
        _ => Err(problems.join("\n")),
    }
}

/// The problem of a value that was given, if it is wrong.
fn problem_of<T>(value: &Option<Result<T, String>>) -> Result<(), String> {
    match value {
        Some(Err(problem)) => Err(problem.clone()),
        _ => Ok(()),
    }
}

/// The problems of the optional flags that have no question: SDGs, country, language, date.
fn optional_problems(fields: &Fields, site: &SiteChoices) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(sdg) = fields.sdgs.iter().find(|sdg| !(1..=17).contains(*sdg)) {
        problems.push(format!(
            "--sdgs: `{sdg}` is not a Sustainable Development Goal (1 to 17)"
        ));
    }
    if let Some(country) = &fields.country {
        if country.len() != 2 || !country.bytes().all(|byte| byte.is_ascii_uppercase()) {
            problems.push(format!(
                "--country: `{country}` is not an ISO 3166-1 alpha-2 code such as `SN`"
            ));
        }
    }
    if let Some(language) = &fields.language {
        if !site.languages.is_empty() && !site.languages.contains(language) {
            problems.push(format!(
                "--language: `{language}` is not one of the site's languages: {}",
                site.languages.join(", ")
            ));
        }
    }
    if let Some(Err(problem)) = fields.date.as_deref().map(parse_date) {
        problems.push(problem);
    }
    problems
}

fn check_text(flag: &str, value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        Err(format!("{flag} cannot be empty"))
    } else {
        Ok(())
    }
}

fn parse_date(date: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| format!("--date: `{date}` is not a date written YYYY-MM-DD"))
}

/// The file: front matter from `fields`, and a body to replace.
fn front_matter(fields: &Complete, date: chrono::NaiveDate, edition: EditionChoice) -> String {
    let mut yaml = String::from("---\n");
    let mut line = |key: &str, value: String| yaml.push_str(&format!("{key}: {value}\n"));
    line("title", quoted(&fields.title));
    line("stakeholder:\n  name", quoted(&fields.stakeholder));
    line("  type", fields.stakeholder_type.id().to_owned());
    if let Some(country) = &fields.country {
        line("  country", country.clone());
    }
    line("region", fields.region.id().to_owned());
    line("objectives", flow_list(&fields.objectives));
    if !fields.actions.is_empty() {
        line("actions", flow_list(&fields.actions));
    }
    if !fields.forums.is_empty() {
        line("forums", flow_list(&fields.forums));
    }
    if !fields.sdgs.is_empty() {
        let sdgs: Vec<String> = fields.sdgs.iter().map(u8::to_string).collect();
        line("sdgs", format!("[{}]", sdgs.join(", ")));
    }
    line("date", date.to_string());
    if let EditionChoice::Named(year) = edition {
        line("edition", year.to_string());
    }
    line("status", fields.status.id().to_owned());
    if let Some(language) = &fields.language {
        line("language", language.clone());
    }
    yaml.push_str("---\n");
    yaml.push_str(BODY);
    yaml
}

/// `text` as a YAML double-quoted scalar (JSON's string syntax is valid YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text.trim()).unwrap_or_else(|_| "\"\"".to_owned())
}

/// `[a, b]`: ids are plain scalars (letters, digits, dots, hyphens).
fn flow_list(ids: &[String]) -> String {
    format!("[{}]", ids.join(", "))
}

const BODY: &str = placeholders::CONTRIBUTION_BODY;

enum EditionChoice {
    ByDate,
    Named(i32),
}

/// Whether `date` falls in an edition, or which open edition to name.
fn edition_for(root: &Path, date: chrono::NaiveDate) -> EditionChoice {
    let editions = site_editions(root);
    let day = date.to_string();
    let contains = |entry: &EditionEntry| {
        entry.from.as_str() <= day.as_str() && day.as_str() <= entry.to.as_str()
    };
    if editions.iter().any(contains) {
        return EditionChoice::ByDate;
    }
    editions
        .iter()
        .filter(|entry| entry.status == "open")
        .map(|entry| entry.year)
        .max()
        .map_or(EditionChoice::ByDate, EditionChoice::Named)
}

/// One edition of site.yaml, as `new` needs it.
#[derive(serde::Deserialize)]
struct EditionEntry {
    year: i32,
    from: String,
    to: String,
    status: String,
}

/// The editions of site.yaml, read leniently: a broken site.yaml gives none, and `check`
/// reports it where it belongs.
fn site_editions(root: &Path) -> Vec<EditionEntry> {
    #[derive(serde::Deserialize)]
    struct Editions {
        #[serde(default)]
        editions: Vec<EditionEntry>,
    }
    let text = std::fs::read_to_string(root.join("site.yaml")).unwrap_or_default();
    serde_saphyr::from_str::<Editions>(&text)
        .map(|site| site.editions)
        .unwrap_or_default()
}

const SKELETON: &str = r#"---
# A contribution to the Digital Cooperation Forum's report.
# Replace every value below, then run `rapporteur check` to see whether it is valid.
title: "A short title that says what was done and where"
stakeholder:
  name: "Your organization"
  type: civil-society           # member-state | un-entity | intergovernmental | private-sector
                                # | civil-society | academia | technical-community | youth
  # country: SN                 # optional: ISO 3166-1 alpha-2 code of the stakeholder's country
region: global                  # africa | americas | arab-states | asia-pacific | cis | europe | global
objectives: [{objective}]                # Compact objectives (see content/data/objectives.yaml), at least one
# actions: [{objective}.1]             # optional: actions of those objectives
# forums: [igf]                 # optional: ids from content/data/forums.yaml
# sdgs: [4, 9]                  # optional: Sustainable Development Goals, 1 to 17
date: {date}               # date submitted, YYYY-MM-DD
{edition}status: planned                 # planned | ongoing | completed
# language: en                  # optional: ar | en | es | fr | ru | zh
# indicators:                   # optional: results you can count
#   - name: "Schools connected"
#     value: 4200
#     unit: schools
#     year: 2024
# links:                        # optional: https:// addresses only
#   - title: "Project page"
#     url: "https://example.org/project"
---
Describe the work in a few paragraphs: what was done, for whom, with whom, what changed,
and what remains to be done. You can use Markdown: **bold**, lists, tables and links.
"#;

#[cfg(test)]
mod tests {
    use super::choices::{pick, Choice};
    use super::*;

    #[test]
    fn the_skeleton_holds_the_placeholders_that_check_refuses() {
        assert!(SKELETON.contains(&format!("title: \"{}\"", placeholders::TITLE)));
        assert!(SKELETON.contains(&format!("name: \"{}\"", placeholders::STAKEHOLDER)));
        assert!(SKELETON.ends_with(&format!("---\n{}", placeholders::CONTRIBUTION_BODY)));
    }

    fn choices() -> Vec<Choice> {
        ["A", "B"]
            .iter()
            .map(|id| Choice {
                id: (*id).to_owned(),
                label: String::new(),
            })
            .collect()
    }

    #[test]
    fn a_choice_is_picked_by_number_id_or_label_in_any_case() {
        assert_eq!(pick("2", &choices()).as_deref(), Some("B"));
        assert_eq!(pick("A", &choices()).as_deref(), Some("A"));
        assert_eq!(pick("0", &choices()), None);
        assert_eq!(pick("3", &choices()), None);
        assert_eq!(pick("a", &choices()).as_deref(), Some("A"));
        assert_eq!(pick("z", &choices()), None);
    }

    #[test]
    fn titles_are_quoted_for_yaml() {
        assert_eq!(
            quoted("  A \"quoted\": title \n"),
            "\"A \\\"quoted\\\": title\""
        );
    }

    #[test]
    fn a_typo_in_a_closed_list_gets_a_suggestion() {
        let error = closed::<Region>("afrika", "--region")
            .err()
            .unwrap_or_default();
        assert_eq!(
            error,
            "--region: `afrika` is not one of africa, americas, arab-states, asia-pacific, cis, europe, global (did you mean `africa`?)"
        );
    }

    #[test]
    fn the_terminal_asks_again_after_a_wrong_answer() {
        let mut input: &[u8] = b"9\nB\n";
        let mut prompts = Vec::new();
        let mut terminal = Terminal {
            input: &mut input,
            prompts: &mut prompts,
        };
        assert_eq!(terminal.one("Objective", &choices()), Ok("B".to_owned()));
        let shown = String::from_utf8_lossy(&prompts).into_owned();
        assert!(
            shown.contains("`9` is not one of the choices above"),
            "{shown}"
        );
    }
}
