//! The choices `new contribution` offers and how answers pick among them.
//!
//! The site's objectives, actions and forums, and the content model's closed lists, are
//! offered numbered at a terminal; an answer may be a number, an id or a label in any
//! case, or a common name ("NGO"), and a near miss gets "did you mean". Flags are matched
//! the same way, so what a person types works in both places.

use std::io::{BufRead, Write};
use std::path::Path;

use crate::model::{Region, StakeholderType, Status};

use super::{complete_from_flags, Complete, Fields};

/// A value of one of the content model's closed lists.
pub(super) trait Closed: Sized + Copy + 'static {
    fn parse_id(id: &str) -> Option<Self>;
    fn all() -> &'static [Self];
    fn id_of(self) -> &'static str;
    fn label_of(self) -> &'static str;
}

macro_rules! closed_list {
    ($($name:ident),+) => {$(
        impl Closed for $name {
            fn parse_id(id: &str) -> Option<Self> { $name::parse(id) }
            fn all() -> &'static [Self] { $name::ALL }
            fn id_of(self) -> &'static str { self.id() }
            fn label_of(self) -> &'static str { self.label() }
        }
    )+};
}
closed_list!(StakeholderType, Region, Status);

/// Parses `value` as one of `T`'s ids (or its label, or a common name for it), or says
/// which ones there are.
pub(super) fn closed<T: Closed>(value: &str, flag: &str) -> Result<T, String> {
    let choices = closed_choices::<T>();
    match match_choice(value, &choices) {
        Ok(id) => T::parse_id(&id).ok_or_else(|| format!("{flag}: `{value}` is not valid")),
        Err(suggestion) => {
            let ids: Vec<&str> = T::all().iter().map(|value| value.id_of()).collect();
            let suggestion =
                suggestion.map_or_else(String::new, |close| format!(" (did you mean `{close}`?)"));
            Err(format!(
                "{flag}: `{value}` is not one of {}{suggestion}",
                ids.join(", ")
            ))
        }
    }
}

/// The id of `choices` that `answer` names: a 1-based number, an id or a label (in any
/// case), or a common name; otherwise the nearest id, if one is close.
pub(super) fn match_choice(answer: &str, choices: &[Choice]) -> Result<String, Option<String>> {
    let answer = answer.trim();
    let lower = answer.to_lowercase();
    let by_number = answer
        .parse::<usize>()
        .ok()
        .and_then(|number| number.checked_sub(1))
        .and_then(|index| choices.get(index));
    let synonym = crate::model::vocabulary::COMMON_NAMES
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, id)| *id);
    let found = by_number
        .or_else(|| choices.iter().find(|choice| choice.id == answer))
        .or_else(|| {
            choices.iter().find(|choice| {
                choice.id.to_lowercase() == lower || choice.label.to_lowercase() == lower
            })
        })
        .or_else(|| {
            choices
                .iter()
                .find(|choice| Some(choice.id.as_str()) == synonym)
        });
    match found {
        Some(choice) => Ok(choice.id.clone()),
        None => Err(crate::diagnostic::did_you_mean(
            answer,
            choices.iter().map(|choice| choice.id.as_str()),
        )
        .map(str::to_owned)),
    }
}

/// One choice offered at a prompt: an id and what it means.
#[derive(Clone, Debug)]
pub(super) struct Choice {
    pub(super) id: String,
    pub(super) label: String,
}

/// What the site offers: its objectives and their actions, forums and languages.
#[derive(Debug, Default)]
pub(super) struct SiteChoices {
    pub(super) objectives: Vec<Choice>,
    /// Each action with the id of its objective.
    pub(super) actions: Vec<(String, Choice)>,
    pub(super) forums: Vec<Choice>,
    pub(super) languages: Vec<String>,
}

impl SiteChoices {
    /// Reads the lists leniently: a broken data file offers no choices, and `check`
    /// reports it where it belongs.
    pub(super) fn read(root: &Path) -> Self {
        #[derive(serde::Deserialize)]
        struct Objective {
            id: String,
            #[serde(default)]
            title: String,
            #[serde(default)]
            actions: Vec<Action>,
        }
        #[derive(serde::Deserialize)]
        struct Action {
            id: String,
            #[serde(default)]
            text: String,
        }
        #[derive(serde::Deserialize)]
        struct Forum {
            id: String,
            #[serde(default)]
            name: String,
        }
        #[derive(serde::Deserialize)]
        struct Languages {
            #[serde(default)]
            languages: Vec<String>,
        }
        let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap_or_default();
        let objectives: Vec<Objective> = loose_list(&read("content/data/objectives.yaml"));
        let forums: Vec<Forum> = loose_list(&read("content/data/forums.yaml"));
        let languages = serde_saphyr::from_str::<Languages>(&read("site.yaml"))
            .map(|site| site.languages)
            .unwrap_or_default();
        SiteChoices {
            actions: objectives
                .iter()
                .flat_map(|objective| {
                    objective.actions.iter().map(|action| {
                        let choice = Choice {
                            id: action.id.clone(),
                            label: action.text.clone(),
                        };
                        (objective.id.clone(), choice)
                    })
                })
                .collect(),
            objectives: objectives
                .into_iter()
                .map(|objective| Choice {
                    id: objective.id,
                    label: objective.title,
                })
                .collect(),
            forums: forums
                .into_iter()
                .map(|forum| Choice {
                    id: forum.id,
                    label: forum.name,
                })
                .collect(),
            languages,
        }
    }

    /// The objective ids as the site writes them (`a` → `A`); unknown ones unchanged.
    pub(super) fn resolve_objectives(&self, ids: &[String]) -> Vec<String> {
        ids.iter()
            .map(|id| match_choice(id, &self.objectives).unwrap_or_else(|_| id.clone()))
            .collect()
    }

    pub(super) fn check_objectives(&self, ids: &[String]) -> Result<(), String> {
        if ids.is_empty() {
            return Err("--objectives: name at least one objective".to_owned());
        }
        check_ids("--objectives", ids, &self.objectives)
    }

    /// Actions must exist and belong to one of the chosen objectives.
    pub(super) fn check_actions(
        &self,
        ids: &[String],
        objectives: &[String],
    ) -> Result<(), String> {
        check_ids("--actions", ids, &self.actions_of(objectives))
    }

    pub(super) fn check_forums(&self, ids: &[String]) -> Result<(), String> {
        check_ids("--forums", ids, &self.forums)
    }

    pub(super) fn actions_of(&self, objectives: &[String]) -> Vec<Choice> {
        self.actions
            .iter()
            .filter(|(objective, _)| objectives.contains(objective))
            .map(|(_, action)| action.clone())
            .collect()
    }
}

/// A YAML list of entries, or none when the file is missing or broken.
fn loose_list<T: serde::de::DeserializeOwned>(text: &str) -> Vec<T> {
    serde_saphyr::from_str(text).unwrap_or_default()
}

/// Every id of `ids` must be one of `choices`.
pub(super) fn check_ids(flag: &str, ids: &[String], choices: &[Choice]) -> Result<(), String> {
    let unknown: Vec<&str> = ids
        .iter()
        .filter(|id| !choices.iter().any(|choice| &choice.id == *id))
        .map(String::as_str)
        .collect();
    if unknown.is_empty() {
        return Ok(());
    }
    let known: Vec<&str> = choices.iter().map(|choice| choice.id.as_str()).collect();
    Err(format!(
        "{flag}: unknown {}; the site has: {}",
        unknown
            .iter()
            .map(|id| format!("`{id}`"))
            .collect::<Vec<_>>()
            .join(", "),
        if known.is_empty() {
            "none".to_owned()
        } else {
            known.join(", ")
        }
    ))
}

/// The person at the terminal: questions go to `prompts`, answers come from `input`.
pub(super) struct Terminal<'a> {
    pub(super) input: &'a mut dyn BufRead,
    pub(super) prompts: &'a mut dyn Write,
}

impl Terminal<'_> {
    /// Prints `question` and reads one line, trimmed; an ended input is an error.
    fn line(&mut self, question: &str) -> Result<String, String> {
        write!(self.prompts, "{question} ").map_err(|error| error.to_string())?;
        self.prompts.flush().map_err(|error| error.to_string())?;
        let mut answer = String::new();
        let read = self
            .input
            .read_line(&mut answer)
            .map_err(|error| format!("cannot read the answer: {error}"))?;
        if read == 0 {
            return Err("no answer (the input ended); nothing was written".to_owned());
        }
        Ok(answer.trim().to_owned())
    }

    fn say(&mut self, text: &str) {
        drop(writeln!(self.prompts, "{text}"));
    }

    /// Asks until the answer is not empty.
    pub(super) fn text(&mut self, question: &str) -> Result<String, String> {
        loop {
            let answer = self.line(question)?;
            if !answer.is_empty() {
                return Ok(answer);
            }
            self.say("  an answer is needed");
        }
    }

    /// Lists `choices` numbered and asks for one, by number or id.
    pub(super) fn one(&mut self, question: &str, choices: &[Choice]) -> Result<String, String> {
        self.list(choices);
        loop {
            let answer = self.line(&format!("{question} (number or id):"))?;
            match pick(&answer, choices) {
                Some(id) => return Ok(id),
                None => self.say(&not_a_choice(&answer, choices)),
            }
        }
    }

    /// Lists `choices` numbered and asks for several, separated by commas or spaces;
    /// an empty answer is accepted only when `optional`.
    pub(super) fn many(
        &mut self,
        question: &str,
        choices: &[Choice],
        optional: bool,
    ) -> Result<Vec<String>, String> {
        self.list(choices);
        let hint = if optional {
            "numbers or ids separated by commas, Enter for none"
        } else {
            "numbers or ids separated by commas"
        };
        loop {
            let answer = self.line(&format!("{question} ({hint}):"))?;
            let parts: Vec<&str> = answer
                .split([',', ' '])
                .filter(|part| !part.is_empty())
                .collect();
            if parts.is_empty() && optional {
                return Ok(Vec::new());
            }
            let picked: Vec<Option<String>> =
                parts.iter().map(|part| pick(part, choices)).collect();
            match picked.iter().position(Option::is_none) {
                None if !picked.is_empty() => {
                    let mut ids: Vec<String> = picked.into_iter().flatten().collect();
                    ids.dedup();
                    return Ok(ids);
                }
                None => self.say("  choose at least one"),
                Some(bad) => self.say(&not_a_choice(
                    parts.get(bad).copied().unwrap_or_default(),
                    choices,
                )),
            }
        }
    }

    fn list(&mut self, choices: &[Choice]) {
        for (number, choice) in choices.iter().enumerate() {
            self.say(&format!(
                "  {:>2}. {:<20} {}",
                number + 1,
                choice.id,
                choice.label
            ));
        }
    }
}

/// The id `answer` picks among `choices` (see [`match_choice`]).
pub(super) fn pick(answer: &str, choices: &[Choice]) -> Option<String> {
    match_choice(answer, choices).ok()
}

/// What to say after an answer that picks nothing: the nearest choice, if one is close.
fn not_a_choice(answer: &str, choices: &[Choice]) -> String {
    match match_choice(answer, choices) {
        Err(Some(suggestion)) => {
            format!("  `{answer}` is not one of the choices above; did you mean `{suggestion}`?")
        }
        _ => format!("  `{answer}` is not one of the choices above"),
    }
}

pub(super) fn closed_choices<T: Closed>() -> Vec<Choice> {
    T::all()
        .iter()
        .map(|value| Choice {
            id: value.id_of().to_owned(),
            label: value.label_of().to_owned(),
        })
        .collect()
}

/// Asks for every required field the flags left out (and for actions and forums when
/// none were given), then checks everything as [`complete_from_flags`] does.
pub(super) fn ask_missing(
    site: &SiteChoices,
    mut fields: Fields,
    terminal: &mut Terminal<'_>,
) -> Result<Complete, String> {
    if fields.title.is_none() {
        fields.title = Some(terminal.text("Title (what was done, and where):")?);
    }
    if fields.stakeholder.is_none() {
        fields.stakeholder = Some(terminal.text("Stakeholder (your organization's name):")?);
    }
    if fields.stakeholder_type.is_none() {
        let choices = closed_choices::<StakeholderType>();
        fields.stakeholder_type = Some(terminal.one("Type of stakeholder", &choices)?);
    }
    if fields.region.is_none() {
        fields.region = Some(terminal.one("Region", &closed_choices::<Region>())?);
    }
    if fields.objectives.is_empty() {
        fields.objectives = terminal.many("Objectives of the Compact", &site.objectives, false)?;
    }
    if fields.actions.is_empty() {
        let actions = site.actions_of(&fields.objectives);
        if !actions.is_empty() {
            fields.actions = terminal.many("Actions (optional)", &actions, true)?;
        }
    }
    if fields.forums.is_empty() && !site.forums.is_empty() {
        fields.forums = terminal.many("Forums (optional)", &site.forums, true)?;
    }
    if fields.status.is_none() {
        fields.status = Some(terminal.one("Status", &closed_choices::<Status>())?);
    }
    complete_from_flags(site, fields)
}
