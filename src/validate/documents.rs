//! Validation of the Markdown documents: contributions, policy notes, the home page,
//! report front pages and chapters, and their translations.
//!
//! Each document is checked on its own (in parallel) against the ids that the data files
//! define; what it cannot resolve becomes a diagnostic at the offending value.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::load::raw::{self, RawContribution, RawPage, RawPolicyNote, S};
use crate::load::{Document, DocumentKind, LANGUAGES};
use crate::model::{
    Contribution, Edition, Indicator, Link, Markdown, Page, PolicyNote, Region, Stakeholder,
    StakeholderType, Status, Translation,
};

use super::checker::{is_valid_slug, Checker};

/// The ids a document may refer to.
pub struct Known<'a> {
    pub objectives: BTreeSet<String>,
    pub actions: BTreeSet<String>,
    pub forums: BTreeSet<String>,
    /// `None` when site.yaml is invalid: documents are still checked, editions are not.
    pub editions: Option<&'a [Edition]>,
    /// The slugs of the site's contribution files, which `updates:` may name.
    pub contributions: BTreeSet<String>,
    pub default_language: String,
    /// The languages of site.yaml: translations must be in one of them.
    pub languages: Vec<String>,
}

const OBJECTIVES_HINT: &str = "objectives are listed in content/data/objectives.yaml";
const ACTIONS_HINT: &str =
    "actions are listed under each objective in content/data/objectives.yaml";
const FORUMS_HINT: &str = "forums are listed in content/data/forums.yaml";

impl<'a> Known<'a> {
    /// The ids that the data files and site.yaml of a valid `site` define: the same that
    /// its documents were checked against.
    pub fn of_site(site: &'a crate::model::Site) -> Self {
        Known {
            objectives: site
                .objectives
                .iter()
                .map(|objective| objective.id.clone())
                .collect(),
            actions: site
                .objectives
                .iter()
                .flat_map(|objective| objective.actions.iter().map(|action| action.id.clone()))
                .collect(),
            forums: site.forums.iter().map(|forum| forum.id.clone()).collect(),
            editions: Some(&site.editions),
            contributions: site
                .contributions
                .iter()
                .chain(&site.drafts)
                .map(|contribution| contribution.slug.clone())
                .collect(),
            default_language: site.config.default_language.clone(),
            languages: site.config.languages.clone(),
        }
    }

    fn objectives_hint(&self) -> String {
        let ids: Vec<&str> = self.objectives.iter().map(String::as_str).collect();
        match (ids.first(), ids.last()) {
            (Some(first), Some(last)) if ids.len() > 2 => {
                format!("objectives are {first}–{last}, see content/data/objectives.yaml")
            }
            _ => OBJECTIVES_HINT.to_owned(),
        }
    }
}

/// The slugs of the contribution files among `documents` (translations aside).
pub fn contribution_slugs(documents: &[Document]) -> BTreeSet<String> {
    documents
        .iter()
        .filter(|document| document.translation_of.is_none())
        .filter_map(|document| match &document.kind {
            DocumentKind::Contribution { slug } => Some(slug.clone()),
            _ => None,
        })
        .collect()
}

/// A validated document, ready to be placed in the model.
pub enum Validated {
    Contribution(Box<Contribution>),
    /// A contribution marked `draft: true`: checked, kept out of the build.
    Draft(Box<Contribution>),
    PolicyNote(Box<PolicyNote>),
    Page(Page),
    /// A translation, to attach to the document it translates.
    Translation {
        original: String,
        translation: Translation,
    },
}

/// Checks one document; returns what it yields and its problems.
pub fn document(document: Document, known: &Known) -> (Option<Validated>, Vec<Diagnostic>) {
    let mut characters = super::characters::in_text(&document.file.path, &document.file.text);
    characters.extend(super::characters::in_yaml_values(&document.yaml()));
    let (validated, mut diagnostics, body) = document_fields(document, known);
    let validated = validated.filter(|_| characters.is_empty());
    // The YAML parser stops at some of these characters; its message would say it again.
    if !characters.is_empty() {
        diagnostics.retain(|problem| !problem.message.contains("YAML: unexpected character"));
    }
    diagnostics.append(&mut characters);
    if let Some(body) = body {
        // An invalid document is not rendered, so its body's problems are found here.
        diagnostics.extend(
            crate::render::markdown::to_html(&body, "", &crate::render::markdown::NoBlocks)
                .diagnostics,
        );
    }
    (validated, diagnostics)
}

/// Checks one document; when it is invalid, also returns its body for the Markdown checks.
fn document_fields(
    document: Document,
    known: &Known,
) -> (Option<Validated>, Vec<Diagnostic>, Option<Markdown>) {
    let (validated, diagnostics) = document_parts(document, known);
    match validated {
        Ok(validated) => (Some(validated), diagnostics, None),
        Err(body) => (None, diagnostics, Some(body)),
    }
}

fn document_parts(
    document: Document,
    known: &Known,
) -> (Result<Validated, Markdown>, Vec<Diagnostic>) {
    let original = original_key(&document);
    let (fields, diagnostics) = match document.kind {
        DocumentKind::Contribution { .. } => {
            let (fields, diagnostics) = contribution_fields(&document, known);
            (
                fields.map(|fields| Fields::Contribution(Box::new(fields))),
                diagnostics,
            )
        }
        DocumentKind::PolicyNote { .. } => {
            let (fields, diagnostics) = policy_note_fields(&document, known);
            (fields.map(Fields::PolicyNote), diagnostics)
        }
        _ => {
            let (fields, diagnostics) = page_fields(&document, known);
            (fields.map(Fields::Page), diagnostics)
        }
    };
    let Some(fields) = fields else {
        return (Err(markdown(document)), diagnostics);
    };
    let validated = match (&document.translation_of, fields) {
        (Some(language), fields) => {
            let language = language.clone();
            Validated::Translation {
                original,
                translation: Translation {
                    language,
                    title: fields.title(),
                    body: markdown(document),
                },
            }
        }
        (None, Fields::Contribution(fields)) => {
            let draft = fields.draft;
            let contribution = Box::new(fields.into_contribution(markdown(document)));
            if draft {
                Validated::Draft(contribution)
            } else {
                Validated::Contribution(contribution)
            }
        }
        (None, Fields::PolicyNote(fields)) => {
            Validated::PolicyNote(Box::new(fields.into_note(markdown(document))))
        }
        (None, Fields::Page(fields)) => Validated::Page(fields.into_page(markdown(document))),
    };
    (Ok(validated), diagnostics)
}

/// The checked front matter of any kind of document.
enum Fields {
    Contribution(Box<ContributionFields>),
    PolicyNote(PolicyNoteFields),
    Page(PageFields),
}

impl Fields {
    fn title(self) -> String {
        match self {
            Fields::Contribution(fields) => fields.title,
            Fields::PolicyNote(fields) => fields.title,
            Fields::Page(fields) => fields.title,
        }
    }
}

/// The key under which a translation finds its original: the original's file path.
pub fn original_key(document: &Document) -> String {
    match &document.translation_of {
        Some(language) => document
            .file
            .path
            .replacen(&format!(".{language}.md"), ".md", 1),
        None => document.file.path.clone(),
    }
}

/// Keeps only the body of the document's text, without copying it.
fn markdown(document: Document) -> Markdown {
    let Document { file, split, .. } = document;
    let mut text = file.text;
    text.truncate(split.body.end);
    text.drain(..split.body.start);
    Markdown {
        file: file.path,
        text: std::sync::Arc::new(text),
        line_offset: split.body_line_offset,
    }
}

fn slug_of(document: &Document, check: &mut Checker) -> Option<String> {
    let slug = match &document.kind {
        DocumentKind::Contribution { slug } | DocumentKind::PolicyNote { slug } => slug.clone(),
        DocumentKind::Chapter { name, .. } => chapter_slug(name).to_owned(),
        DocumentKind::Home | DocumentKind::ReportFront { .. } => return Some(String::new()),
    };
    if is_valid_slug(&slug) {
        return Some(slug);
    }
    let suggestion = slug::slugify(&slug);
    let position = crate::diagnostic::Position::new(1, 1);
    check.error(
        position,
        format!("the file name `{slug}` cannot be used in a web address"),
        format!("rename the file with lowercase letters, digits and hyphens only, e.g. `{suggestion}.md`"),
    );
    None
}

/// A chapter's URL segment: its file name without the ordering number (`01-overview` → `overview`).
pub fn chapter_slug(name: &str) -> &str {
    let without_digits = name.trim_start_matches(|c: char| c.is_ascii_digit());
    match without_digits.strip_prefix('-') {
        Some(rest) if !rest.is_empty() && without_digits.len() < name.len() => rest,
        _ => name,
    }
}

/// The checked fields of a contribution, before its body is attached.
struct ContributionFields {
    slug: String,
    title: String,
    stakeholder: Stakeholder,
    region: Region,
    objectives: Vec<String>,
    actions: Vec<String>,
    forums: Vec<String>,
    sdgs: Vec<u8>,
    date: NaiveDate,
    status: Status,
    language: String,
    edition: i32,
    indicators: Vec<Indicator>,
    links: Vec<Link>,
    illustrative: bool,
    summary: Option<String>,
    aliases: Vec<String>,
    updates: Option<String>,
    draft: bool,
}

impl ContributionFields {
    fn into_contribution(self, body: Markdown) -> Contribution {
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
            draft: _,
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
            provenance: None,
            body,
            translations: Vec::new(),
        }
    }
}

fn contribution_fields(
    document: &Document,
    known: &Known,
) -> (Option<ContributionFields>, Vec<Diagnostic>) {
    let mut check = Checker::new(document.yaml());
    let raw: RawContribution = match check.yaml.parse() {
        Ok(raw) => raw,
        Err(problems) => return (None, problems),
    };
    check.unknown_fields(raw::CONTRIBUTION_FIELDS, "a contribution");
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
            "objective",
            &known.objectives_hint(),
        )),
        None => None,
    };
    let actions = check.ids(
        raw.actions.unwrap_or_default(),
        &known.actions,
        "action",
        ACTIONS_HINT,
    );
    if let Some(objectives) = &objectives {
        actions_match_objectives(&mut check, &actions, objectives);
    }
    let forums = check.ids(
        raw.forums.unwrap_or_default(),
        &known.forums,
        "forum",
        FORUMS_HINT,
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
            slug: slug?,
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
        .filter(|title| title.value.trim() == crate::new::PLACEHOLDER_TITLE)
    {
        let position = check.yaml.position_of(title);
        report(check, position, "the title is still the placeholder of the new file", "write a short title that says what was done and where, e.g. \"Connecting rural schools in the Sahel\"");
    }
    let name = raw
        .stakeholder
        .as_ref()
        .and_then(|stakeholder| stakeholder.value.name.as_ref());
    if let Some(name) = name.filter(|name| name.value.trim() == crate::new::PLACEHOLDER_STAKEHOLDER)
    {
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
    if body.trim() == crate::new::PLACEHOLDER_BODY.trim() {
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
    known: &BTreeSet<String>,
) -> Option<String> {
    let slug = target
        .value
        .trim()
        .trim_end_matches(".md")
        .trim_matches('/')
        .to_owned();
    if is_valid_slug(&slug) && known.contains(&slug) {
        return Some(slug);
    }
    let position = check.yaml.position_of(target);
    let hint = match did_you_mean(&slug, known.iter().map(String::as_str)) {
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
fn actions_match_objectives(check: &mut Checker, actions: &[String], objectives: &[String]) {
    for action in actions {
        let objective = action.split('.').next().unwrap_or_default();
        if !objectives.iter().any(|id| id == objective) {
            let position = check.yaml.key_position("actions");
            check.warning(position, format!("action `{action}` belongs to objective `{objective}`, which is not in `objectives`"), format!("add `{objective}` to `objectives`"));
        }
    }
}

/// Former slugs: each must itself be a valid slug.
fn aliases(check: &mut Checker, values: Vec<S<String>>) -> Vec<String> {
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
                return Some(slug);
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

fn document_language(
    check: &mut Checker,
    language: Option<S<String>>,
    document: &Document,
    known: &Known,
) -> Option<String> {
    if let Some(file_language) = &document.translation_of {
        if !known.languages.contains(file_language) {
            let position = crate::diagnostic::Position::new(1, 1);
            check.error(
                position,
                format!("this translation is in `{file_language}`, which is not one of the site's languages"),
                format!("add `{file_language}` to `languages` in site.yaml (now: {}), or remove the file", known.languages.join(", ")),
            );
        }
    }
    let Some(language) = language else {
        return Some(
            document
                .translation_of
                .clone()
                .unwrap_or_else(|| known.default_language.clone()),
        );
    };
    if !LANGUAGES.contains(&language.value.as_str()) {
        let position = check.yaml.position_of(&language);
        let hint = match did_you_mean(&language.value, LANGUAGES.iter().copied()) {
            Some(suggestion) => format!(
                "did you mean `{suggestion}`? languages are: {}",
                LANGUAGES.join(", ")
            ),
            None => format!("languages are: {}", LANGUAGES.join(", ")),
        };
        check.error(
            position,
            format!("unknown language `{}`", language.value),
            hint,
        );
        return None;
    }
    if let Some(file_language) = &document.translation_of {
        if file_language != &language.value {
            let position = check.yaml.position_of(&language);
            check.error(
                position,
                format!(
                    "`language: {}` contradicts the file name, which says `{file_language}`",
                    language.value
                ),
                format!("write `language: {file_language}` or rename the file"),
            );
            return None;
        }
    }
    Some(language.value)
}

/// The edition a dated document belongs to: the one it names, or the one whose period contains its date.
fn edition_of(
    check: &mut Checker,
    named: Option<S<i64>>,
    date: NaiveDate,
    date_field: Option<&S<String>>,
    editions: &[Edition],
) -> Option<i32> {
    let years = || {
        editions
            .iter()
            .map(|edition| edition.year.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(named) = named {
        if let Some(edition) = editions
            .iter()
            .find(|edition| i64::from(edition.year) == named.value)
        {
            return Some(edition.year);
        }
        let position = check.yaml.position_of(&named);
        check.error(
            position,
            format!("there is no edition {}", named.value),
            format!("editions are listed in site.yaml: {}", years()),
        );
        return None;
    }
    if let Some(edition) = editions
        .iter()
        .find(|edition| edition.from <= date && date <= edition.to)
    {
        return Some(edition.year);
    }
    let position =
        date_field.map_or_else(|| check.yaml.start(), |field| check.yaml.position_of(field));
    let span = match (editions.first(), editions.last()) {
        (Some(first), Some(last)) => format!("editions cover {} to {}", first.from, last.to),
        _ => "site.yaml defines no edition".to_owned(),
    };
    check.error(
        position,
        format!("no edition's reporting period contains {date}"),
        format!("{span}; correct the date or add `edition: <year>`"),
    );
    None
}

struct PolicyNoteFields {
    slug: String,
    title: String,
    date: NaiveDate,
    objectives: Vec<String>,
    forums: Vec<String>,
    summary: Option<String>,
    author: Option<String>,
    edition: i32,
}

impl PolicyNoteFields {
    fn into_note(self, body: Markdown) -> PolicyNote {
        let PolicyNoteFields {
            slug,
            title,
            date,
            objectives,
            forums,
            summary,
            author,
            edition,
        } = self;
        PolicyNote {
            slug,
            title,
            date,
            objectives,
            forums,
            summary,
            author,
            edition,
            body,
            translations: Vec::new(),
        }
    }
}

fn policy_note_fields(
    document: &Document,
    known: &Known,
) -> (Option<PolicyNoteFields>, Vec<Diagnostic>) {
    let mut check = Checker::new(document.yaml());
    let raw: RawPolicyNote = match check.yaml.parse() {
        Ok(raw) => raw,
        Err(problems) => return (None, problems),
    };
    check.unknown_fields(raw::POLICY_NOTE_FIELDS, "a policy note");
    let slug = slug_of(document, &mut check);
    let title = check.required_text(raw.title, "title", "\"Affordable connectivity\"");
    let date_field = check.required(raw.date, "date", "2025-03-14");
    let date = date_field
        .as_ref()
        .and_then(|date| check.date(date, "date"));
    let objectives = check.ids(
        raw.objectives.unwrap_or_default(),
        &known.objectives,
        "objective",
        &known.objectives_hint(),
    );
    let forums = check.ids(
        raw.forums.unwrap_or_default(),
        &known.forums,
        "forum",
        FORUMS_HINT,
    );
    let summary = check.optional_text(raw.summary, "summary");
    let author = check.optional_text(raw.author, "author");
    let _ = document_language(&mut check, raw.language, document, known);
    let edition = date.zip(known.editions).and_then(|(date, editions)| {
        edition_of(&mut check, raw.edition, date, date_field.as_ref(), editions)
    });
    let fields = (|| {
        Some(PolicyNoteFields {
            slug: slug?,
            title: title?,
            date: date?,
            objectives,
            forums,
            summary,
            author,
            edition: edition?,
        })
    })();
    let has_errors = check
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    (fields.filter(|_| !has_errors), check.diagnostics)
}

struct PageFields {
    slug: String,
    title: String,
    summary: Option<String>,
    weight: i64,
}

impl PageFields {
    fn into_page(self, body: Markdown) -> Page {
        Page {
            slug: self.slug,
            title: self.title,
            summary: self.summary,
            weight: self.weight,
            body,
            translations: Vec::new(),
        }
    }
}

fn page_fields(document: &Document, known: &Known) -> (Option<PageFields>, Vec<Diagnostic>) {
    let mut check = Checker::new(document.yaml());
    let raw: RawPage = if document.split.yaml.is_empty() {
        RawPage::default()
    } else {
        match check.yaml.parse() {
            Ok(raw) => raw,
            Err(problems) => return (None, problems),
        }
    };
    check.unknown_fields(raw::PAGE_FIELDS, "a page");
    let slug = slug_of(document, &mut check);
    let default_title = match &document.kind {
        DocumentKind::ReportFront { year } => Some(format!("Annual report {year}")),
        DocumentKind::Home => Some(String::new()),
        _ => None,
    };
    let title = match (raw.title, default_title) {
        (Some(title), _) => check.optional_text(Some(title), "title"),
        (None, Some(default)) => Some(default),
        (None, None) => check.required_text(None, "title", "\"Overview\""),
    };
    if let (DocumentKind::ReportFront { year }, Some(edition)) = (&document.kind, &raw.edition) {
        if year != &edition.value.to_string() {
            let position = check.yaml.position_of(edition);
            check.error(
                position,
                format!(
                    "`edition: {}` contradicts the folder, which is report/{year}/",
                    edition.value
                ),
                "make the two agree",
            );
        }
    }
    let _ = known;
    let summary = check.optional_text(raw.summary, "summary");
    let weight = raw.weight.map_or(0, |weight| weight.value);
    let fields = (|| {
        Some(PageFields {
            slug: slug?,
            title: title?,
            summary,
            weight,
        })
    })();
    let has_errors = check
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    (fields.filter(|_| !has_errors), check.diagnostics)
}

#[cfg(test)]
mod tests {
    use super::chapter_slug;

    #[test]
    fn chapter_slugs_drop_the_ordering_number() {
        assert_eq!(chapter_slug("01-overview"), "overview");
        assert_eq!(chapter_slug("overview"), "overview");
        assert_eq!(chapter_slug("2025"), "2025");
    }
}
