//! Translations of the data files: `content/data/objectives.<lang>.yaml` and
//! `content/data/forums.<lang>.yaml`.
//!
//! A translation lists entries of the original by id, with the texts readers see in that
//! language; everything else (actors, categories, links, which objectives a forum serves)
//! stays in the original alone, so it cannot drift. A translation may be partial: a text
//! it leaves out is shown in the original language, marked as such (see
//! `model::translations`). What it cannot do is name what the original does not have: an
//! unknown objective, action or forum, an action under the wrong objective, or a text the
//! original lacks is an error at its line, with the nearest id as a suggestion.

use std::collections::BTreeSet;

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::load::raw::{RawForumTranslation, RawObjectiveTranslation, S};
use crate::load::{TextFile, YamlSource};
use crate::model::{DataTranslations, Field, Forum, Language, Objective, SiteConfig};

use super::checker::Checker;
use super::renames::{RecordKind, Renames};

/// What the translations are checked against: the validated originals and the languages.
pub struct Originals<'a> {
    pub objectives: &'a [Objective],
    pub forums: &'a [Forum],
    /// Ids renamed after publication: a translation still naming the old one is told so.
    pub renames: &'a Renames,
    /// `None` when `site.yaml` is invalid: the languages are then not checked.
    pub config: Option<&'a SiteConfig>,
}

/// Checks every translation file; returns the texts of the valid entries.
pub fn translations(
    files: &[TextFile],
    originals: &Originals,
    diagnostics: &mut Vec<Diagnostic>,
) -> DataTranslations {
    let mut translations = DataTranslations::default();
    for file in files {
        let Some((kind, language)) = kind_and_language(&file.path) else {
            continue;
        };
        let mut check = Checker::new(YamlSource {
            file: &file.path,
            text: &file.text,
            yaml: &file.text,
            line_offset: 0,
        });
        let shown = language_is_shown(&mut check, originals.config, kind, language);
        let mut texts = Texts {
            check,
            translations: &mut translations,
            language: shown.then(|| Language::new(language)),
            renames: originals.renames,
        };
        match kind {
            "objectives" => texts.objectives(originals.objectives),
            _ => texts.forums(originals.forums),
        }
        diagnostics.append(&mut texts.check.diagnostics);
    }
    translations
}

/// `("objectives", "fr")` for `content/data/objectives.fr.yaml`.
fn kind_and_language(path: &str) -> Option<(&str, &str)> {
    let name = path.rsplit('/').next()?.strip_suffix(".yaml")?;
    name.split_once('.')
}

/// Whether the texts of a translation into `language` are shown; warns when they are not.
fn language_is_shown(
    check: &mut Checker,
    config: Option<&SiteConfig>,
    kind: &str,
    language: &str,
) -> bool {
    let Some(config) = config else {
        return false;
    };
    let start = check.yaml.start();
    if language == config.default_language {
        check.warning(
            start,
            format!("this file translates {kind}.yaml into `{language}`, the site's default language, in which {kind}.yaml is written"),
            format!("edit content/data/{kind}.yaml itself, or rename this file for another language"),
        );
        return false;
    }
    if !config.languages.iter().any(|shown| shown == language) {
        check.warning(
            start,
            format!(
                "`{language}` is not one of the site's languages, so these texts are not shown"
            ),
            format!("add `{language}` to `languages` in site.yaml, or remove this file"),
        );
        return false;
    }
    true
}

/// Checks one translation file and records its texts.
struct Texts<'a> {
    check: Checker<'a>,
    translations: &'a mut DataTranslations,
    /// The language to record texts in; `None` when they are checked but not shown.
    language: Option<Language>,
    renames: &'a Renames,
}

impl Texts<'_> {
    fn objectives(&mut self, originals: &[Objective]) {
        let Some(entries) = self.parse::<RawObjectiveTranslation>() else {
            return;
        };
        let ids: Vec<&str> = originals
            .iter()
            .map(|objective| objective.id.as_str())
            .collect();
        let mut seen = BTreeSet::new();
        for entry in entries {
            let RawObjectiveTranslation {
                id,
                title,
                description,
                actions,
            } = entry.value;
            if !self.known_id(&id, &ids, &mut seen, RecordKind::Objective) {
                continue;
            }
            let Some(original) = originals.iter().find(|objective| objective.id == id.value) else {
                continue;
            };
            self.text(Field::ObjectiveTitle, &id.value, title, true, "title");
            let has_description = original.description.is_some();
            self.text(
                Field::ObjectiveDescription,
                &id.value,
                description,
                has_description,
                "description",
            );
            let mut seen_actions = BTreeSet::new();
            for action in actions {
                let action = action.value;
                if self.action_belongs(&action.id, original, originals, &mut seen_actions) {
                    self.text(
                        Field::ActionText,
                        &action.id.value,
                        Some(action.text),
                        true,
                        "text",
                    );
                }
            }
        }
    }

    fn forums(&mut self, originals: &[Forum]) {
        let Some(entries) = self.parse::<RawForumTranslation>() else {
            return;
        };
        let ids: Vec<&str> = originals.iter().map(|forum| forum.id.as_str()).collect();
        let mut seen = BTreeSet::new();
        for entry in entries {
            let RawForumTranslation {
                id,
                name,
                host,
                cadence,
                description,
            } = entry.value;
            if !self.known_id(&id, &ids, &mut seen, RecordKind::Forum) {
                continue;
            }
            let Some(original) = originals.iter().find(|forum| forum.id == id.value) else {
                continue;
            };
            let id = id.value.as_str();
            self.text(Field::ForumName, id, name, true, "name");
            self.text(Field::ForumHost, id, host, original.host.is_some(), "host");
            self.text(
                Field::ForumCadence,
                id,
                cadence,
                original.cadence.is_some(),
                "cadence",
            );
            let has_description = original.description.is_some();
            self.text(
                Field::ForumDescription,
                id,
                description,
                has_description,
                "description",
            );
        }
    }

    /// The file's list of entries, or `None` (reported) when it is not one.
    fn parse<T>(&mut self) -> Option<Vec<S<T>>>
    where
        T: serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
    {
        match self.check.yaml.parse() {
            Ok(entries) => Some(entries),
            Err(problem) => {
                self.check.diagnostics.extend(problem);
                None
            }
        }
    }

    /// Whether `id` names an entry of the original, once; reports it otherwise.
    fn known_id(
        &mut self,
        id: &S<String>,
        ids: &[&str],
        seen: &mut BTreeSet<String>,
        kind: RecordKind,
    ) -> bool {
        let position = self.check.yaml.position_of(id);
        let what = kind.name();
        let original = kind.file().trim_start_matches("content/data/");
        if !ids.contains(&id.value.as_str()) {
            if let Some(rename) = self.renames.of(kind, &id.value) {
                let (message, hint) = rename.in_user();
                self.check.error(position, message, hint);
                return false;
            }
            let hint = match did_you_mean(&id.value, ids.iter().copied()) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => format!(
                    "translate only the {what}s of content/data/{original}: {}",
                    list(ids)
                ),
            };
            let message = format!(
                "unknown {what} `{}`: content/data/{original} has no such id",
                id.value
            );
            self.check.error(position, message, hint);
            return false;
        }
        if !seen.insert(id.value.clone()) {
            let message = format!("{what} `{}` is translated twice in this file", id.value);
            self.check.error(position, message, "keep one entry for it");
            return false;
        }
        true
    }

    /// Whether `id` is an action of `objective` not translated yet; reports it otherwise.
    fn action_belongs(
        &mut self,
        id: &S<String>,
        objective: &Objective,
        all: &[Objective],
        seen: &mut BTreeSet<String>,
    ) -> bool {
        let position = self.check.yaml.position_of(id);
        let own: Vec<&str> = objective
            .actions
            .iter()
            .map(|action| action.id.as_str())
            .collect();
        if own.contains(&id.value.as_str()) {
            if seen.insert(id.value.clone()) {
                return true;
            }
            let message = format!("action `{}` is translated twice in this file", id.value);
            self.check.error(position, message, "keep one entry for it");
            return false;
        }
        let owner = all
            .iter()
            .find(|other| other.actions.iter().any(|action| action.id == id.value));
        if let (None, Some(rename)) = (owner, self.renames.of(RecordKind::Action, &id.value)) {
            let (message, hint) = rename.in_user();
            self.check.error(position, message, hint);
            return false;
        }
        let hint = match (owner, did_you_mean(&id.value, own.iter().copied())) {
            (Some(owner), _) => format!(
                "move it under objective `{}`, where objectives.yaml lists it",
                owner.id
            ),
            (None, Some(suggestion)) => format!("did you mean `{suggestion}`?"),
            (None, None) => format!(
                "the actions of objective {} are: {}",
                objective.id,
                list(&own)
            ),
        };
        let message = format!(
            "unknown action `{}` for objective `{}`",
            id.value, objective.id
        );
        self.check.error(position, message, hint);
        false
    }

    /// Records `text` as the translation of `field` of `id`, if the original has that text
    /// (`in_original`).
    fn text(
        &mut self,
        field: Field,
        id: &str,
        text: Option<S<String>>,
        in_original: bool,
        name: &str,
    ) {
        let Some(text) = text else {
            return;
        };
        let position = self.check.yaml.position_of(&text);
        if !in_original {
            let message = format!("`{id}` has no `{name}` in the original to translate");
            let hint = "remove this line, or add the text to the original file first";
            self.check.error(position, message, hint);
            return;
        }
        let Some(text) = self.check.optional_text(Some(text), name) else {
            return;
        };
        if let Some(language) = &self.language {
            self.translations.insert(language, field, id, text);
        }
    }
}

fn list(ids: &[&str]) -> String {
    ids.join(", ")
}
