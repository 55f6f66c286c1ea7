//! Validation of a contribution's front matter and body, field by field.
//!
//! Beyond the shapes of the content model, a contribution is checked for what a
//! contributor leaves behind: the placeholders of `new contribution`, an empty body,
//! `updates:` naming a file that does not exist (with the nearest slug), numbers written
//! with thousands separators. `draft: true` is read here and decides, in `documents`,
//! whether the contribution is built.

use chrono::NaiveDate;

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::load::raw::{self, RawContribution, S};
use crate::load::Document;
use crate::model::{
    ActionId, Contribution, ForumId, Indicator, Language, Link, Markdown, ObjectiveId, Region,
    Slug, Stakeholder, StakeholderType, Status,
};

use super::checker::{is_valid_slug, Checker};
use super::renames::RecordKind;
use super::shared_fields::{
    document_language, edition_of, slug_of, ContributionSlugs, Known, ACTIONS_HINT, FORUMS_HINT,
};

/// The checked fields of a contribution, before its body is attached.
pub(super) struct ContributionFields {
    slug: Slug,
    pub(super) title: String,
    stakeholder: Stakeholder,
    region: Region,
    objectives: Vec<ObjectiveId>,
    actions: Vec<ActionId>,
    forums: Vec<ForumId>,
    sdgs: Vec<u8>,
    date: NaiveDate,
    status: Status,
    language: Language,
    edition: i32,
    indicators: Vec<Indicator>,
    links: Vec<Link>,
    illustrative: bool,
    summary: Option<String>,
    aliases: Vec<Slug>,
    updates: Option<Slug>,
    pub(super) draft: bool,
}

impl ContributionFields {
    pub(super) fn into_contribution(self, body: Markdown) -> Contribution {
        let ContributionFields {
            slug,
            title,
            stakeholder,
            region,
            objectives,
            actions,
            forums,
            sdgs,
            date,
            status,
            language,
            edition,
            indicators,
            links,
            illustrative,
            summary,
            aliases,
            updates,
            draft,
        } = self;
        Contribution {
            slug,
            title,
            stakeholder,
            region,
            objectives,
            actions,
            forums,
            sdgs,
            date,
            status,
            language,
            edition,
            indicators,
            links,
            illustrative,
            summary,
            aliases,
            updates,
            draft,
            provenance: None,
            body,
            translations: Vec::new(),
        }
    }
}

pub(super) fn contribution_fields(
    document: &Document,
    known: &Known,
) -> (Option<ContributionFields>, Vec<Diagnostic>) {
    let mut check = Checker::new(document.yaml());
    let (raw, keys): (RawContribution, _) = match check.yaml.parse_with_keys() {
        Ok(parsed) => parsed,
        Err(problems) => return (None, problems),
    };
    check.unknown_keys(keys, raw::CONTRIBUTION_FIELDS, "a contribution");
    let draft = raw.draft.as_ref().is_some_and(|draft| draft.value);
    placeholders(&mut check, &raw, document, draft);
    let slug = slug_of(document, &mut check);
    let title = check.required_text(
        raw.title,
        "title",
        "\"Connecting rural schools in the Sahel\"",
    );
    let stakeholder = check
        .required(
            raw.stakeholder,
            "stakeholder",
            "{name: \"…\", type: civil-society}",
        )
        .and_then(|stakeholder| stakeholder_fields(&mut check, stakeholder));
    let region = check
        .required(raw.region, "region", "africa")
        .and_then(|region| check.choice(&region, "region", Region::parse, Region::ids()));
    let objectives = check
        .required(raw.objectives.map(spanless), "objectives", "[A, B]")
        .map(|list| list.value);
    let objectives = match objectives {
        Some(list) if list.is_empty() => {
            let position = check.yaml.key_position("objectives");
            check.error(
                position,
                "`objectives` is empty",
                "name at least one objective, e.g. `objectives: [A]`",
            );
            None
        }
        Some(list) => Some(check.ids(
            list,
            &known.objectives,
            ("objective", &known.objectives_hint()),
            |id| known.renames.of(RecordKind::Objective, id),
        )),
        None => None,
    };
    let actions = check.ids(
        raw.actions.unwrap_or_default(),
        &known.actions,
        ("action", ACTIONS_HINT),
        |id| known.renames.of(RecordKind::Action, id),
    );
    if let Some(objectives) = &objectives {
        actions_match_objectives(&mut check, &actions, objectives);
    }
    let forums = check.ids(
        raw.forums.unwrap_or_default(),
        &known.forums,
        ("forum", FORUMS_HINT),
        |id| known.renames.of(RecordKind::Forum, id),
    );
    let sdgs = sdgs(&mut check, raw.sdgs.unwrap_or_default());
    let date_field = check.required(raw.date, "date", "2025-03-14");
    let date = date_field
        .as_ref()
        .and_then(|date| check.date(date, "date"));
    let status = check
        .required(raw.status, "status", "ongoing")
        .and_then(|status| check.choice(&status, "status", Status::parse, Status::ids()));
    let language = document_language(&mut check, raw.language, document, known);
    let edition = date.zip(known.editions).and_then(|(date, editions)| {
        edition_of(&mut check, raw.edition, date, date_field.as_ref(), editions)
    });
    let indicators = indicators(&mut check, raw.indicators.unwrap_or_default());
    let links = raw
        .links
        .unwrap_or_default()
        .into_iter()
        .filter_map(|link| {
            let url = check.url(&link.value.url, "url")?;
            Some(Link {
                title: link.value.title.value,
                url,
            })
        })
        .collect();
    let summary = check.optional_text(raw.summary, "summary");
    let aliases = aliases(&mut check, raw.aliases.unwrap_or_default());
    let updates = raw
        .updates
        .and_then(|target| updated_slug(&mut check, &target, &known.contributions));
    let fields = (|| {
        Some(ContributionFields {
            slug: Slug::new(slug?),
            title: title?,
            stakeholder: stakeholder?,
            region: region?,
            objectives: objectives?,
            actions,
            forums,
            sdgs,
            date: date?,
            status: status?,
            language: language?,
            edition: edition?,
            indicators,
            links,
            illustrative: raw.illustrative.unwrap_or(false),
            summary,
            aliases,
            updates,
            draft,
        })
    })();
    let has_errors = check
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    (fields.filter(|_| !has_errors), check.diagnostics)
}

/// The skeleton's placeholder texts, and a body with no text: errors (warnings in a
/// draft, which is not published), so an unedited `new contribution` cannot be merged.
fn placeholders(check: &mut Checker, raw: &RawContribution, document: &Document, draft: bool) {
    let report = |check: &mut Checker, position, message: &str, hint: &str| {
        if draft {
            check.warning(position, message, hint);
        } else {
            check.error(position, message, hint);
        }
    };
    if let Some(title) = raw
        .title
        .as_ref()
        .filter(|title| title.value.trim() == super::placeholders::TITLE)
    {
        let position = check.yaml.position_of(title);
        report(check, position, "the title is still the placeholder of the new file", "write a short title that says what was done and where, e.g. \"Connecting rural schools in the Sahel\"");
    }
    let name = raw
        .stakeholder
        .as_ref()
        .and_then(|stakeholder| stakeholder.value.name.as_ref());
    if let Some(name) = name.filter(|name| name.value.trim() == super::placeholders::STAKEHOLDER) {
        let position = check.yaml.position_of(name);
        report(
            check,
            position,
            "the stakeholder's name is still the placeholder of the new file",
            "write the name of the organization that did the work",
        );
    }
    let body = document.body();
    let first_line = document.split.body_line_offset + 1;
    if body.trim() == super::placeholders::CONTRIBUTION_BODY.trim() {
        let position = crate::diagnostic::Position::new(first_line, 1);
        report(check, position, "the text is still the placeholder of the new file", "describe the work in your own words: what was done, for whom, with whom, what changed and what remains");
    } else if body.trim().is_empty() {
        let position = crate::diagnostic::Position::new(first_line - 1, 1);
        report(check, position, "the contribution has no text below its header", "write a few paragraphs below the second `---`: what was done, for whom, with whom, what changed and what remains");
    }
}

/// The slug that `updates:` names, if it is one of the site's contributions; otherwise
/// an error at the value, with the nearest slug.
fn updated_slug(
    check: &mut Checker,
    target: &S<String>,
    known: &ContributionSlugs,
) -> Option<Slug> {
    let slug = target
        .value
        .trim()
        .trim_end_matches(".md")
        .trim_matches('/')
        .to_owned();
    if is_valid_slug(&slug) && known.contains(slug.as_str()) {
        return Some(Slug::new(slug));
    }
    let position = check.yaml.position_of(target);
    let hint = match did_you_mean(&slug, known.all()) {
        Some(suggestion) => format!("did you mean `{suggestion}`? `updates` names the earlier contribution by its file name without `.md`"),
        None => "`updates` names the earlier contribution by its file name without `.md`, as in content/contributions/".to_owned(),
    };
    let message = if is_valid_slug(&slug) {
        format!("`updates: {slug}` names no contribution")
    } else {
        format!(
            "`updates` must name a contribution's slug, not `{}`",
            target.value
        )
    };
    check.error(position, message, hint);
    None
}

/// Makes `Option<Vec<S<T>>>` fit [`Checker::required`], which wants a spanned value.
fn spanless<T>(list: Vec<S<T>>) -> S<Vec<S<T>>> {
    S {
        value: list,
        referenced: serde_saphyr::Location::UNKNOWN,
        defined: serde_saphyr::Location::UNKNOWN,
    }
}

fn stakeholder_fields(
    check: &mut Checker,
    stakeholder: S<raw::RawStakeholder>,
) -> Option<Stakeholder> {
    let position = check.yaml.position_of(&stakeholder);
    let raw::RawStakeholder {
        name,
        kind,
        country,
    } = stakeholder.value;
    if name.is_none() {
        check.error(
            position,
            "the stakeholder has no `name`",
            "add `name: \"…\"` under `stakeholder:`",
        );
    }
    if kind.is_none() {
        check.error(
            position,
            "the stakeholder has no `type`",
            format!(
                "add `type: …` under `stakeholder:`, one of: {}",
                StakeholderType::ids().collect::<Vec<_>>().join(", ")
            ),
        );
    }
    let name = name.and_then(|name| check.optional_text(Some(name), "stakeholder name"));
    let kind = kind.and_then(|kind| {
        check.choice(
            &kind,
            "stakeholder type",
            StakeholderType::parse,
            StakeholderType::ids(),
        )
    });
    let country = country.and_then(|country| {
        let code = country.value.trim();
        if code.len() == 2 && code.bytes().all(|byte| byte.is_ascii_uppercase()) {
            return Some(code.to_owned());
        }
        let position = check.yaml.position_of(&country);
        check.error(
            position,
            format!("`country` must be an ISO 3166-1 alpha-2 code, not `{code}`"),
            "write two capital letters, e.g. \"SN\" for Senegal",
        );
        None
    });
    Some(Stakeholder {
        name: name?,
        kind: kind?,
        country,
    })
}

/// Warns when an action's objective is not among the contribution's objectives.
fn actions_match_objectives(check: &mut Checker, actions: &[ActionId], objectives: &[ObjectiveId]) {
    for action in actions {
        let objective = action.as_str().split('.').next().unwrap_or_default();
        if !objectives.iter().any(|id| id == objective) {
            let position = check.yaml.key_position("actions");
            check.warning(position, format!("action `{action}` belongs to objective `{objective}`, which is not in `objectives`"), format!("add `{objective}` to `objectives`"));
        }
    }
}

/// Former slugs: each must itself be a valid slug.
fn aliases(check: &mut Checker, values: Vec<S<String>>) -> Vec<Slug> {
    values
        .into_iter()
        .filter_map(|alias| {
            let slug = alias
                .value
                .trim()
                .trim_matches('/')
                .trim_start_matches("contributions/")
                .to_owned();
            if is_valid_slug(&slug) {
                return Some(Slug::new(slug));
            }
            let position = check.yaml.position_of(&alias);
            check.error(
                position,
                format!("alias `{}` is not a contribution slug", alias.value),
                "write the former slug only, e.g. `aliases: [old-name]`",
            );
            None
        })
        .collect()
}

fn sdgs(check: &mut Checker, values: Vec<S<i64>>) -> Vec<u8> {
    let mut sdgs: Vec<u8> = Vec::new();
    for value in values {
        match u8::try_from(value.value) {
            Ok(goal @ 1..=17) if !sdgs.contains(&goal) => sdgs.push(goal),
            Ok(goal @ 1..=17) => {
                let position = check.yaml.position_of(&value);
                check.warning(
                    position,
                    format!("SDG {goal} is listed twice"),
                    "remove the repeated number",
                );
            }
            _ => {
                let position = check.yaml.position_of(&value);
                check.error(
                    position,
                    format!("SDG {} does not exist", value.value),
                    "the Sustainable Development Goals are numbered 1 to 17",
                );
            }
        }
    }
    sdgs.sort_unstable();
    sdgs
}

/// An indicator's value as a number; a thousands separator or text is an error.
fn indicator_value(check: &mut Checker, value: &S<raw::Number>) -> Option<f64> {
    let position = check.yaml.position_of(value);
    let text = match &value.value {
        raw::Number::Value(number) if number.is_finite() => return Some(*number),
        raw::Number::Value(_) => String::new(),
        raw::Number::Text(text) => text.clone(),
    };
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if digits != text && digits.parse::<f64>().is_ok_and(f64::is_finite) {
        check.error(
            position,
            format!("the indicator's `value` `{text}` is written with a thousands separator"),
            format!("write `value: {digits}`: numbers take no commas or spaces (and a dot for decimals)"),
        );
    } else {
        check.error(
            position,
            format!("the indicator's `value` is not a number: `{text}`"),
            "write a plain number such as 4200 or 12.5, without quotes or units (put the unit in `unit:`)",
        );
    }
    None
}

fn indicators(check: &mut Checker, values: Vec<S<raw::RawIndicator>>) -> Vec<Indicator> {
    values
        .into_iter()
        .filter_map(|indicator| {
            let raw::RawIndicator {
                name,
                value,
                unit,
                year,
            } = indicator.value;
            let number = indicator_value(check, &value)?;
            if let Some(year) = &year {
                if !(1900..=2200).contains(&year.value) {
                    let position = check.yaml.position_of(year);
                    check.error(
                        position,
                        format!("indicator year `{}` is out of range", year.value),
                        "write a four-digit year, e.g. 2024",
                    );
                    return None;
                }
            }
            let name = check.optional_text(Some(name), "indicator name")?;
            Some(Indicator {
                name,
                value: number,
                unit: unit.map(|unit| unit.value),
                year: year.map(|year| year.value),
            })
        })
        .collect()
}
