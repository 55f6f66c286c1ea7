//! Validation of the Markdown documents: contributions, policy notes, the home page,
//! report front pages and chapters, and their translations.
//!
//! Each document is checked on its own (in parallel) against the ids that the data files
//! define; what it cannot resolve becomes a diagnostic at the offending value.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::load::raw::{self, RawPage, RawPolicyNote};
use crate::load::{Document, DocumentKind};
use crate::model::{
    Contribution, ForumId, Language, Markdown, ObjectiveId, Page, PolicyNote, Translation,
};

use super::bodies::Invalid;
use super::checker::Checker;
use super::contribution::contribution_fields;
use super::renames::RecordKind;
use super::shared_fields::{document_language, edition_of, slug_of, Known, FORUMS_HINT};

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

/// Checks one document; returns what it yields and its problems, its body's among them
/// when it is invalid (checked against nothing: see [`checked`]).
pub fn document(document: Document, known: &Known) -> (Option<Validated>, Vec<Diagnostic>) {
    let (validated, mut diagnostics, invalid) = checked(document, known);
    if let Some(invalid) = invalid {
        let renames = &known.renames;
        diagnostics.extend(super::bodies::problems(None, &[], &[invalid], renames));
    }
    (validated, diagnostics)
}

/// Checks one document; returns what it yields, its problems, and when its front matter
/// has errors its body, whose problems the caller finds with the other bodies' links.
pub fn checked(
    document: Document,
    known: &Known,
) -> (Option<Validated>, Vec<Diagnostic>, Option<Invalid>) {
    let kind = document.kind.clone();
    let mut characters = super::characters::in_text(&document.file.path, &document.file.text);
    characters.extend(super::characters::in_yaml_values(&document.yaml()));
    let (validated, mut diagnostics, body) = document_fields(document, known);
    let validated = validated.filter(|_| characters.is_empty());
    // The YAML parser stops at some of these characters; its message would say it again.
    if !characters.is_empty() {
        diagnostics.retain(|problem| !problem.message.contains("YAML: unexpected character"));
    }
    diagnostics.append(&mut characters);
    // An invalid document is not rendered: its body is checked with the others'.
    let invalid = body.map(|body| Invalid { body, kind });
    (validated, diagnostics, invalid)
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
            let language = Language::new(language.as_str());
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

struct PolicyNoteFields {
    slug: String,
    title: String,
    date: NaiveDate,
    objectives: Vec<ObjectiveId>,
    forums: Vec<ForumId>,
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
        ("objective", &known.objectives_hint()),
        |id| known.renames.of(RecordKind::Objective, id),
    );
    let forums = check.ids(
        raw.forums.unwrap_or_default(),
        &known.forums,
        ("forum", FORUMS_HINT),
        |id| known.renames.of(RecordKind::Forum, id),
    );
    let summary = check.optional_text(raw.summary, "summary");
    let author = check.optional_text(raw.author, "author");
    placeholder_body(
        &mut check,
        document,
        super::placeholders::NOTE_BODY,
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
            super::placeholders::CHAPTER_BODY,
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
    use super::super::shared_fields::chapter_slug;

    #[test]
    fn chapter_slugs_drop_the_ordering_number() {
        assert_eq!(chapter_slug("01-overview"), "overview");
        assert_eq!(chapter_slug("overview"), "overview");
        assert_eq!(chapter_slug("2025"), "2025");
    }
}
