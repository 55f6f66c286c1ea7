//! Validation of `site.yaml` and the data files: objectives with their actions, forums,
//! and the datasets behind charts.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, Position};
use crate::load::raw::{self, RawEdition, RawForum, RawObjective, RawSite, S};
use crate::load::{TextFile, YamlSource, LANGUAGES};
use crate::model::{
    Action, ActionId, Actor, Dataset, Edition, EditionStatus, Forum, ForumCategory, ForumId,
    Language, Lifespan, Objective, ObjectiveId, SiteConfig, SiteTexts,
};

use super::checker::Checker;

fn whole_file(file: &TextFile) -> YamlSource<'_> {
    YamlSource {
        file: &file.path,
        text: &file.text,
        yaml: &file.text,
        line_offset: 0,
    }
}

/// `translations:` in site.yaml: the title and description in each other language of the
/// site. A language the site does not have, or its default language, is an error.
fn site_translations(
    check: &mut Checker,
    raw: Option<S<BTreeMap<String, S<raw::RawSiteTexts>>>>,
    default_language: Option<&Language>,
    languages: &[Language],
) -> BTreeMap<Language, SiteTexts> {
    let mut translations = BTreeMap::new();
    for (language, texts) in raw.map(|map| map.value).unwrap_or_default() {
        let position = check.yaml.position_of(&texts);
        if default_language.is_some_and(|default| *default == language.as_str()) {
            check.error(
                position,
                format!("`translations` has `{language}`, the default language"),
                "the default language's texts are `title` and `description` at the top of site.yaml",
            );
            continue;
        }
        if !languages.iter().any(|known| *known == language.as_str()) {
            check.error(
                position,
                format!(
                    "`translations` has `{language}`, which is not one of the site's languages"
                ),
                format!(
                    "add `{language}` to `languages` (now: {}), or remove these texts",
                    languages
                        .iter()
                        .map(Language::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            continue;
        }
        let texts = texts.value;
        let title = texts
            .title
            .and_then(|title| check.optional_text(Some(title), "title"));
        let description = texts
            .description
            .and_then(|text| check.optional_text(Some(text), "description"));
        translations.insert(Language::new(language), SiteTexts { title, description });
    }
    translations
}

/// `site.yaml` → configuration and editions.
pub fn site(
    file: &TextFile,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(SiteConfig, Vec<Edition>)> {
    let mut check = Checker::new(whole_file(file));
    let raw: RawSite = match check.yaml.parse() {
        Ok(raw) => raw,
        Err(problems) => {
            diagnostics.extend(problems);
            return None;
        }
    };
    check.unknown_fields(raw::SITE_FIELDS, "site.yaml");
    let title = check.required_text(raw.title, "title", "\"Digital Cooperation Forum\"");
    let base_url = check
        .required(raw.base_url, "base_url", "\"https://example.org/dcf/\"")
        .and_then(|url| {
            let valid = url.value.starts_with("https://") || url.value.starts_with("http://");
            if !valid {
                let position = check.yaml.position_of(&url);
                check.error(
                    position,
                    "`base_url` must be an absolute http(s) address",
                    "e.g. base_url: \"https://example.org/dcf/\"",
                );
                return None;
            }
            let mut base = url.value.trim().to_owned();
            if !base.ends_with('/') {
                base.push('/');
            }
            Some(base)
        });
    let default_language = check
        .required(raw.default_language, "default_language", "en")
        .and_then(|value| language(&mut check, &value));
    let languages: Vec<Language> = raw
        .languages
        .unwrap_or_default()
        .iter()
        .filter_map(|value| language(&mut check, value))
        .collect();
    if let Some(default) = &default_language {
        if !languages.is_empty() && !languages.contains(default) {
            let position = check.yaml.key_position("default_language");
            check.error(
                position,
                format!("`default_language` `{default}` is not in `languages`"),
                "add it to `languages`",
            );
        }
    }
    let theme_position = raw
        .theme
        .as_ref()
        .map_or_else(|| check.yaml.start(), |theme| check.yaml.position_of(theme));
    let theme = raw
        .theme
        .map_or_else(|| "default".to_owned(), |theme| theme.value);
    if !super::checker::is_valid_slug(&theme) {
        check.error(
            theme_position,
            format!("theme name `{theme}` is not a folder name"),
            "use lowercase letters, digits and hyphens",
        );
    }
    let repository = raw.repository.and_then(|url| check.url(&url, "repository"));
    let translations = site_translations(
        &mut check,
        raw.translations,
        default_language.as_ref(),
        &languages,
    );
    let editions = editions(&mut check, raw.editions);
    diagnostics.append(&mut check.diagnostics);

    let default_language = default_language?;
    let languages = if languages.is_empty() {
        vec![default_language.clone()]
    } else {
        languages
    };
    let config = SiteConfig {
        title: title?,
        base_url: base_url?,
        default_language,
        languages,
        theme,
        description: raw.description.map(|text| text.value),
        repository,
        translations,
    };
    Some((config, editions?))
}

/// The one place a language of the site is made from what site.yaml says.
fn language(check: &mut Checker, value: &S<String>) -> Option<Language> {
    if LANGUAGES.contains(&value.value.as_str()) {
        return Some(Language::new(value.value.as_str()));
    }
    let position = check.yaml.position_of(value);
    check.error(
        position,
        format!("unknown language `{}`", value.value),
        format!("languages are the UN's six: {}", LANGUAGES.join(", ")),
    );
    None
}

fn editions(check: &mut Checker, raw: Option<Vec<S<RawEdition>>>) -> Option<Vec<Edition>> {
    let Some(raw) = raw else {
        let position = check.yaml.start();
        check.error(position, "missing required field `editions`", "list the editions, e.g. `editions: [{year: 2025, from: 2024-07-01, to: 2025-06-30, status: open}]`");
        return None;
    };
    let mut editions: Vec<Edition> = Vec::new();
    let mut ok = true;
    for entry in raw {
        let position = check.yaml.position_of(&entry);
        let RawEdition {
            year,
            from,
            to,
            status,
        } = entry.value;
        let from_date = check.date(&from, "from");
        let to_date = check.date(&to, "to");
        let status_position = check.yaml.position_of(&status);
        let status = check.choice(
            &status,
            "edition status",
            EditionStatus::parse,
            EditionStatus::ids(),
        );
        let year_value = i32::try_from(year.value)
            .ok()
            .filter(|year| (1900..=2200).contains(year));
        if year_value.is_none() {
            let year_position = check.yaml.position_of(&year);
            check.error(
                year_position,
                format!("edition year `{}` is out of range", year.value),
                "write a four-digit year, e.g. 2025",
            );
        }
        match (year_value, from_date, to_date, status) {
            (Some(year), Some(from), Some(to), Some(status)) => {
                if from > to {
                    check.error(
                        position,
                        format!("edition {year} ends before it starts"),
                        "`from` must be on or before `to`",
                    );
                    ok = false;
                } else if let Some(other) = editions
                    .iter()
                    .find(|other| other.year == year || (from <= other.to && other.from <= to))
                {
                    check.error(position, format!("edition {year} overlaps edition {}", other.year), "give each edition its own year and a reporting period that does not overlap another's");
                    ok = false;
                } else {
                    if status == EditionStatus::Open {
                        also_open(check, &editions, year, status_position);
                    }
                    editions.push(Edition {
                        year,
                        from,
                        to,
                        status,
                        published_on: None,
                        errata: Vec::new(),
                    });
                }
            }
            _ => ok = false,
        }
    }
    editions.sort_by_key(|edition| edition.year);
    ok.then_some(editions)
}

/// Warns when edition `year`, open, is not the only open edition: the older one should
/// have been published (`publish` refuses to leave it open beside a newer one).
fn also_open(check: &mut Checker, editions: &[Edition], year: i32, position: Position) {
    let Some(other) = editions
        .iter()
        .find(|other| other.status == EditionStatus::Open)
    else {
        return;
    };
    let (older, newer) = (other.year.min(year), other.year.max(year));
    check.warning(
        position,
        format!("editions {older} and {newer} are both open"),
        format!("one edition collects contributions at a time: once its reporting period is over, publish edition {older} (`rapporteur publish {older}`), which `publish {newer}` will require anyway"),
    );
}

/// `content/data/objectives.yaml` → objectives with their actions.
pub fn objectives(file: &TextFile, diagnostics: &mut Vec<Diagnostic>) -> Vec<Objective> {
    let mut check = Checker::new(whole_file(file));
    let raw: Vec<S<RawObjective>> = match check.yaml.parse() {
        Ok(raw) => raw,
        Err(problems) => {
            diagnostics.extend(problems);
            return Vec::new();
        }
    };
    let mut seen_objectives = BTreeSet::new();
    let mut seen_actions = BTreeSet::new();
    let mut objectives = Vec::new();
    for entry in raw {
        let RawObjective {
            id,
            title,
            description,
            actions,
            added_in,
            removed_in,
        } = entry.value;
        let lifespan = record_lifespan(&mut check, added_in, removed_in);
        if !id.value.bytes().all(|byte| byte.is_ascii_alphanumeric()) {
            let position = check.yaml.position_of(&id);
            check.error(
                position,
                format!(
                    "objective id `{}` cannot be used in a web address",
                    id.value
                ),
                "use letters and digits only, e.g. `A`",
            );
            continue;
        }
        if !unique_id(&mut check, &id, &mut seen_objectives, "objective") {
            continue;
        }
        let actions = actions
            .into_iter()
            .filter_map(|action| {
                let raw::RawAction {
                    id: action_id,
                    actor,
                    text,
                    added_in,
                    removed_in,
                } = action.value;
                let lifespan = record_lifespan(&mut check, added_in, removed_in);
                let prefix = format!("{}.", id.value);
                if !action_id.value.starts_with(&prefix)
                    || action_id.value.len() == prefix.len()
                    || !action_id.value[prefix.len()..]
                        .bytes()
                        .all(|byte| byte.is_ascii_alphanumeric())
                {
                    let position = check.yaml.position_of(&action_id);
                    check.error(
                        position,
                        format!(
                            "action `{}` does not belong to objective `{}`",
                            action_id.value, id.value
                        ),
                        format!(
                            "number the actions of objective {0} as {0}.1, {0}.2, …",
                            id.value
                        ),
                    );
                    return None;
                }
                if !unique_id(&mut check, &action_id, &mut seen_actions, "action") {
                    return None;
                }
                let actor = check.choice(&actor, "actor", Actor::parse, Actor::ids())?;
                Some(Action {
                    id: ActionId::new(action_id.value),
                    actor,
                    text: text.value,
                    text_lang: None,
                    lifespan,
                })
            })
            .collect();
        objectives.push(Objective {
            id: ObjectiveId::new(id.value),
            title: title.value,
            description: description.map(|text| text.value),
            actions,
            title_lang: None,
            description_lang: None,
            lifespan,
        });
    }
    diagnostics.append(&mut check.diagnostics);
    objectives
}

/// `added_in:` and `removed_in:` of a data record; removal must come after the addition.
fn record_lifespan(
    check: &mut Checker,
    added_in: Option<S<i32>>,
    removed_in: Option<S<i32>>,
) -> Lifespan {
    let added = added_in.as_ref().map(|year| year.value);
    if let (Some(added), Some(removed)) = (added, &removed_in) {
        if removed.value <= added {
            let position = check.yaml.position_of(removed);
            check.error(
                position,
                format!(
                    "`removed_in: {}` is not after `added_in: {added}`",
                    removed.value
                ),
                "a record is shown from the edition it is added in up to the one before its removal",
            );
            return Lifespan {
                added_in: Some(added),
                removed_in: None,
            };
        }
    }
    Lifespan {
        added_in: added,
        removed_in: removed_in.map(|year| year.value),
    }
}

/// `content/data/forums.yaml` → forums; their objective ids must exist.
pub fn forums(
    file: &TextFile,
    objective_ids: &BTreeSet<ObjectiveId>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Forum> {
    let mut check = Checker::new(whole_file(file));
    let raw: Vec<S<RawForum>> = match check.yaml.parse() {
        Ok(raw) => raw,
        Err(problems) => {
            diagnostics.extend(problems);
            return Vec::new();
        }
    };
    let mut seen = BTreeSet::new();
    let mut forums = Vec::new();
    for entry in raw {
        let RawForum {
            id,
            name,
            category,
            host,
            since,
            cadence,
            url,
            objectives,
            description,
            added_in,
            removed_in,
        } = entry.value;
        let lifespan = record_lifespan(&mut check, added_in, removed_in);
        if !super::checker::is_valid_slug(&id.value) {
            let position = check.yaml.position_of(&id);
            check.error(
                position,
                format!("forum id `{}` cannot be used in a web address", id.value),
                "use lowercase letters, digits and hyphens, e.g. `wsis-forum`",
            );
            continue;
        }
        if !unique_id(&mut check, &id, &mut seen, "forum") {
            continue;
        }
        let category = check.choice(
            &category,
            "forum category",
            ForumCategory::parse,
            ForumCategory::ids(),
        );
        let url = url.and_then(|url| check.url(&url, "url"));
        let objectives = check.ids(
            objectives,
            objective_ids,
            (
                "objective",
                "objectives are listed in content/data/objectives.yaml",
            ),
            |_| None,
        );
        if let Some(category) = category {
            forums.push(Forum {
                id: ForumId::new(id.value),
                name: name.value,
                category,
                host: host.map(|host| host.value),
                since: since.map(|since| since.value),
                cadence: cadence.map(|cadence| cadence.value),
                url,
                objectives,
                description: description.map(|text| text.value),
                name_lang: None,
                host_lang: None,
                cadence_lang: None,
                description_lang: None,
                lifespan,
            });
        }
    }
    diagnostics.append(&mut check.diagnostics);
    forums
}

fn unique_id(check: &mut Checker, id: &S<String>, seen: &mut BTreeSet<String>, what: &str) -> bool {
    if id.value.trim().is_empty() {
        let position = check.yaml.position_of(id);
        check.error(
            position,
            format!("{what} id is empty"),
            "give every entry an id",
        );
        return false;
    }
    if !seen.insert(id.value.to_lowercase()) {
        let position = check.yaml.position_of(id);
        check.error(
            position,
            format!("duplicate {what} id `{}`", id.value),
            format!("each {what} needs its own id"),
        );
        return false;
    }
    true
}

/// A dataset file → a table of strings; CSV needs a header row, YAML a list of records.
pub fn dataset(file: &TextFile, diagnostics: &mut Vec<Diagnostic>) -> Option<Dataset> {
    let file_name = file.path.rsplit('/').next().unwrap_or_default();
    let name = file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem)
        .to_owned();
    if !super::checker::is_valid_slug(&name) {
        diagnostics.push(
            Diagnostic::error(
                file.path.as_str(),
                format!("dataset name `{name}` cannot be used in a web address"),
            )
            .with_hint("rename the file with lowercase letters, digits and hyphens"),
        );
        return None;
    }
    let table = if file.path.ends_with(".csv") {
        csv_table(file)
    } else {
        yaml_table(file)
    };
    match table {
        Ok((columns, rows)) => Some(Dataset {
            name,
            file: file.path.clone(),
            columns,
            rows,
        }),
        Err(problem) => {
            diagnostics.push(problem);
            None
        }
    }
}

type Table = (Vec<String>, Vec<Vec<String>>);

fn csv_table(file: &TextFile) -> Result<Table, Diagnostic> {
    let mut reader = csv::ReaderBuilder::new().from_reader(file.text.as_bytes());
    let columns: Vec<String> = reader
        .headers()
        .map_err(|error| {
            Diagnostic::error(
                file.path.as_str(),
                format!("cannot read the CSV header: {error}"),
            )
        })?
        .iter()
        .map(|column| column.trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| {
            let line = error.position().map_or(0, csv::Position::line);
            Diagnostic::error(file.path.as_str(), format!("invalid CSV row: {error}"))
                .at(Position::new(line, 1), &file.text)
                .with_hint("every row needs as many fields as the header")
        })?;
        rows.push(record.iter().map(|field| field.trim().to_owned()).collect());
    }
    Ok((columns, rows))
}

fn yaml_table(file: &TextFile) -> Result<Table, Diagnostic> {
    let records: Vec<std::collections::BTreeMap<String, serde_json::Value>> =
        whole_file(file).parse().map_err(|problems| {
            problems
                .into_iter()
                .next()
                .unwrap_or_else(|| Diagnostic::error(file.path.as_str(), "invalid YAML"))
        })?;
    let mut columns: Vec<String> = Vec::new();
    for record in &records {
        for key in record.keys() {
            if !columns.contains(key) {
                columns.push(key.clone());
            }
        }
    }
    let rows = records
        .iter()
        .map(|record| {
            columns
                .iter()
                .map(|column| match record.get(column) {
                    Some(serde_json::Value::String(text)) => text.clone(),
                    Some(serde_json::Value::Null) | None => String::new(),
                    Some(other) => other.to_string(),
                })
                .collect()
        })
        .collect();
    Ok((columns, rows))
}
