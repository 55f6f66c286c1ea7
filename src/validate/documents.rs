//! Validation of the Markdown documents: contributions, policy notes, the home page,
//! report front pages and chapters, and their translations.
//!
//! Each document is checked on its own (in parallel) against the ids that the data files
//! define; what it cannot resolve becomes a diagnostic at the offending value.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::load::raw::{self, RawPage, RawPolicyNote, S};
use crate::load::{Document, DocumentKind, LANGUAGES};
use crate::model::{Contribution, Edition, Markdown, Page, PolicyNote, Translation};

use super::checker::{is_valid_slug, Checker};
use super::contribution::contribution_fields;

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
pub(super) const ACTIONS_HINT: &str =
    "actions are listed under each objective in content/data/objectives.yaml";
pub(super) const FORUMS_HINT: &str = "forums are listed in content/data/forums.yaml";

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

    pub(super) fn objectives_hint(&self) -> String {
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
    Contribution(Box<super::contribution::ContributionFields>),
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

pub(super) fn slug_of(document: &Document, check: &mut Checker) -> Option<String> {
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

pub(super) fn document_language(
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
pub(super) fn edition_of(
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
    let contiguous = editions
        .windows(2)
        .all(|pair| pair[0].to.succ_opt() == Some(pair[1].from));
    let span = match (editions.first(), editions.last()) {
        (Some(first), Some(last)) if contiguous => {
            format!("editions cover {} to {}", first.from, last.to)
        }
        (Some(_), Some(_)) => format!(
            "editions cover {}",
            editions
                .iter()
                .map(|edition| format!("{} to {}", edition.from, edition.to))
                .collect::<Vec<_>>()
                .join(", ")
        ),
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
    placeholder_body(
        &mut check,
        document,
        crate::new::PLACEHOLDER_NOTE_BODY,
        "write the note: the issue, what the contributions show, and the options they point to",
    );
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
    if let DocumentKind::Chapter { .. } = document.kind {
        placeholder_body(
            &mut check,
            document,
            crate::new::PLACEHOLDER_CHAPTER_BODY,
            "write the chapter in your own words",
        );
    }
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

/// An error at the first line of a body that is still the placeholder `new` wrote, so an
/// unedited file cannot be published.
fn placeholder_body(check: &mut Checker, document: &Document, placeholder: &str, hint: &str) {
    if document.body().trim() == placeholder.trim() {
        let position = crate::diagnostic::Position::new(document.split.body_line_offset + 1, 1);
        check.error(
            position,
            "the text is still the placeholder of the new file",
            hint,
        );
    }
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
