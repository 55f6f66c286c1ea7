//! `rapporteur new policy-note <slug>`: content/policy-notes/<slug>.md with the front
//! matter a policy note needs (title, date, objectives, forums), from flags or asked at a
//! terminal with the same questions and choices as `new contribution`.

use std::path::{Path, PathBuf};

use super::choices::{SiteChoices, Terminal};
use super::{
    check_slug_and_root, check_text, edition_for, flow_list, parse_date, quoted, refuse_existing,
    site_editions, write_new, Answers, EditionChoice,
};

/// The fields of a new policy note as given on the command line (all optional there):
/// the flags of `new policy-note`.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct NoteFields {
    /// The note's title (required).
    #[arg(long)]
    pub title: Option<String>,
    /// The date of the note, YYYY-MM-DD [default: today].
    #[arg(long)]
    pub date: Option<String>,
    /// Ids from content/data/objectives.yaml, separated by commas.
    #[arg(long, value_delimiter = ',')]
    pub objectives: Vec<String>,
    /// Ids from content/data/forums.yaml, separated by commas.
    #[arg(long, value_delimiter = ',')]
    pub forums: Vec<String>,
    /// One or two sentences shown in lists of notes.
    #[arg(long)]
    pub summary: Option<String>,
    /// Who wrote the note, if not the Secretariat.
    #[arg(long)]
    pub author: Option<String>,
}

use crate::validate::placeholders::NOTE_BODY as PLACEHOLDER_NOTE_BODY;

/// Writes `content/policy-notes/<slug>.md` under `root` from `fields`, asking for the
/// missing ones when `answers` is a terminal; refuses to overwrite.
pub fn policy_note(
    root: &Path,
    slug: &str,
    mut fields: NoteFields,
    answers: Answers<'_>,
) -> Result<PathBuf, String> {
    check_slug_and_root(root, slug, "a policy note's address")?;
    let path = refuse_existing(root.join("content/policy-notes").join(format!("{slug}.md")))?;
    let site = SiteChoices::read(root);
    if let Answers::Terminal { input, prompts } = answers {
        let mut terminal = Terminal { input, prompts };
        ask_missing(&site, &mut fields, &mut terminal)?;
    }
    let (date, objectives) = checked(&site, &fields)?;
    refuse_published(root, date)?;
    let text = front_matter(&fields, &objectives, date, edition_for(root, date));
    write_new(&path, &text)
}

/// A note dated in a published edition's period would change that frozen edition, which
/// `check` refuses; say so before writing it.
fn refuse_published(root: &Path, date: chrono::NaiveDate) -> Result<(), String> {
    let day = date.to_string();
    let published = site_editions(root).into_iter().find(|edition| {
        edition.status == "published"
            && edition.from.as_str() <= day.as_str()
            && day.as_str() <= edition.to.as_str()
    });
    match published {
        Some(edition) => Err(format!(
            "{day} falls in edition {year}, which is published and frozen: date the note in an open edition's period (--date), or record a change to edition {year} with `rapporteur erratum {year} --description \"<what changed and why>\"`",
            year = edition.year
        )),
        None => Ok(()),
    }
}

/// Asks for the title, objectives and forums the flags left out.
fn ask_missing(
    site: &SiteChoices,
    fields: &mut NoteFields,
    terminal: &mut Terminal<'_>,
) -> Result<(), String> {
    if fields.title.is_none() {
        fields.title = Some(terminal.text("Title (the question the note answers):")?);
    }
    if fields.objectives.is_empty() && !site.objectives.is_empty() {
        fields.objectives = terminal.many("Objectives of the Compact", &site.objectives, true)?;
    }
    if fields.forums.is_empty() && !site.forums.is_empty() {
        fields.forums = terminal.many("Forums (optional)", &site.forums, true)?;
    }
    Ok(())
}

/// Checks every field at once; fails listing every problem in one message. Returns the
/// date (today by default) and the objective ids as the site writes them.
fn checked(
    site: &SiteChoices,
    fields: &NoteFields,
) -> Result<(chrono::NaiveDate, Vec<String>), String> {
    let mut problems = Vec::new();
    match &fields.title {
        None => problems.push("missing --title: standard input is not a terminal, so it cannot be asked for; pass it as a flag (see `rapporteur new policy-note --help`)".to_owned()),
        Some(title) => problems.extend(check_text("--title", title).err()),
    }
    for (flag, value) in [("--summary", &fields.summary), ("--author", &fields.author)] {
        if let Some(value) = value {
            problems.extend(check_text(flag, value).err());
        }
    }
    let objectives = site.resolve_objectives(&fields.objectives);
    if !objectives.is_empty() {
        problems.extend(site.check_objectives(&objectives).err());
    }
    problems.extend(site.check_forums(&fields.forums).err());
    let date = match fields.date.as_deref().map(parse_date) {
        None => Some(chrono::Local::now().date_naive()),
        Some(Ok(date)) => Some(date),
        Some(Err(problem)) => {
            problems.push(problem);
            None
        }
    };
    match date {
        Some(date) if problems.is_empty() => Ok((date, objectives)),
        _ => Err(problems.join("\n")),
    }
}

fn front_matter(
    fields: &NoteFields,
    objectives: &[String],
    date: chrono::NaiveDate,
    edition: EditionChoice,
) -> String {
    let mut yaml = String::from("---\n");
    let mut line = |key: &str, value: String| yaml.push_str(&format!("{key}: {value}\n"));
    line("title", quoted(fields.title.as_deref().unwrap_or_default()));
    line("date", date.to_string());
    if let EditionChoice::Named(year) = edition {
        line("edition", year.to_string());
    }
    if !objectives.is_empty() {
        line("objectives", flow_list(objectives));
    }
    if !fields.forums.is_empty() {
        line("forums", flow_list(&fields.forums));
    }
    if let Some(summary) = &fields.summary {
        line("summary", quoted(summary));
    }
    if let Some(author) = &fields.author {
        line("author", quoted(author));
    }
    yaml.push_str("---\n");
    yaml.push_str(PLACEHOLDER_NOTE_BODY);
    yaml
}
