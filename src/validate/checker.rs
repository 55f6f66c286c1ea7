//! The small checks every front matter and data file shares: required fields, closed
//! lists with "did you mean", dates, ids that must resolve, URLs that must be safe.
//!
//! A [`Checker`] belongs to one file; it turns each problem into a diagnostic placed at
//! the offending value and lets validation go on, so one run reports them all.

use std::borrow::Borrow;
use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::diagnostic::{did_you_mean, Diagnostic, Position};
use crate::load::raw::S;
use crate::load::YamlSource;
use crate::model::vocabulary::id_for_name;

use super::renames::Rename;
use serde_saphyr::Spanned;

/// Collects the problems of one file.
pub struct Checker<'a> {
    pub yaml: YamlSource<'a>,
    pub diagnostics: Vec<Diagnostic>,
    /// Known fields suggested for a misspelled one: their absence is not reported again.
    suggested: Vec<String>,
}

impl<'a> Checker<'a> {
    pub fn new(yaml: YamlSource<'a>) -> Self {
        Checker {
            yaml,
            diagnostics: Vec::new(),
            suggested: Vec::new(),
        }
    }

    pub fn error(
        &mut self,
        position: Position,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let diagnostic = self.yaml.error(position, message).with_hint(hint);
        self.diagnostics.push(diagnostic);
    }

    pub fn warning(
        &mut self,
        position: Position,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let diagnostic = Diagnostic::warning(self.yaml.file, message)
            .at(position, self.yaml.text)
            .with_hint(hint);
        self.diagnostics.push(diagnostic);
    }

    /// Reports top-level fields not in `known`, suggesting the nearest known one.
    pub fn unknown_fields(&mut self, known: &[&str], what: &str) {
        let keys = self.yaml.top_level_keys();
        self.unknown_keys(keys, known, what);
    }

    /// Reports the fields `keys` (the top-level keys of this file) not in `known`.
    pub fn unknown_keys(&mut self, keys: Vec<Spanned<String>>, known: &[&str], what: &str) {
        for key in keys {
            if known.contains(&key.value.as_str()) {
                continue;
            }
            let hint = match did_you_mean(&key.value, known.iter().copied()) {
                Some(suggestion) => {
                    self.suggested.push(suggestion.to_owned());
                    format!("did you mean `{suggestion}`?")
                }
                None => format!("the fields of {what} are: {}", known.join(", ")),
            };
            let position = self.yaml.position_of(&key);
            self.error(position, format!("unknown field `{}`", key.value), hint);
        }
    }

    /// A required field: reports it missing (at the front matter's start) when absent.
    /// (Not when a misspelling of it was reported: "did you mean" already says it.)
    pub fn required<T>(&mut self, value: Option<S<T>>, field: &str, example: &str) -> Option<S<T>> {
        if value.is_none() && !self.suggested.iter().any(|suggested| suggested == field) {
            let position = self.yaml.start();
            self.error(
                position,
                format!("missing required field `{field}`"),
                format!("add a line such as `{field}: {example}`"),
            );
        }
        value
    }

    /// A required, non-empty text field.
    pub fn required_text(
        &mut self,
        value: Option<S<String>>,
        field: &str,
        example: &str,
    ) -> Option<String> {
        let value = self.required(value, field, example)?;
        self.non_empty(value, field)
    }

    /// An optional text field, which must not be blank when present.
    pub fn optional_text(&mut self, value: Option<S<String>>, field: &str) -> Option<String> {
        self.non_empty(value?, field)
    }

    fn non_empty(&mut self, value: S<String>, field: &str) -> Option<String> {
        let trimmed = value.value.trim();
        if trimmed.is_empty() {
            let position = self.yaml.position_of(&value);
            self.error(
                position,
                format!("`{field}` is empty"),
                "write a value or remove the field",
            );
            return None;
        }
        let curly = |c: char| matches!(c, '“' | '”' | '‘' | '’' | '„' | '«' | '»');
        if trimmed.starts_with(curly) && trimmed.ends_with(curly) {
            let position = self.yaml.position_of(&value);
            self.warning(
                position,
                format!("`{field}` is wrapped in curly quotes, which will be shown as part of it"),
                format!("use straight quotes, `{field}: \"…\"`, or none"),
            );
        }
        Some(trimmed.to_owned())
    }

    /// A value of a closed list, parsed by `parse`; a typo gets a suggestion.
    pub fn choice<E>(
        &mut self,
        value: &S<String>,
        field: &str,
        parse: fn(&str) -> Option<E>,
        ids: impl Iterator<Item = &'static str> + Clone,
    ) -> Option<E> {
        let parsed = parse(&value.value);
        let trimmed = value.value.trim();
        if parsed.is_none() && trimmed != value.value && parse(trimmed).is_some() {
            let position = self.yaml.position_of(value);
            self.error(
                position,
                format!("`{field}` holds an invisible space around `{trimmed}` (a non-breaking space)"),
                "delete the space before or after the value and type an ordinary one; it usually comes from copying text out of a word processor",
            );
            return None;
        }
        if parsed.is_none() {
            let named = id_for_name(&value.value, ids.clone());
            let hint = match named.or_else(|| did_you_mean(&value.value, ids.clone())) {
                Some(suggestion) => format!(
                    "did you mean `{suggestion}`? {field} is one of: {}",
                    ids.collect::<Vec<_>>().join(", ")
                ),
                None => format!("{field} is one of: {}", ids.collect::<Vec<_>>().join(", ")),
            };
            let position = self.yaml.position_of(value);
            self.error(position, format!("unknown {field} `{}`", value.value), hint);
        }
        parsed
    }

    /// A date written `YYYY-MM-DD`.
    pub fn date(&mut self, value: &S<String>, field: &str) -> Option<NaiveDate> {
        let parsed = parse_date(&value.value);
        if parsed.is_none() {
            let position = self.yaml.position_of(value);
            self.error(
                position,
                format!("`{field}` is not a valid date: `{}`", value.value),
                "write the date as YYYY-MM-DD, e.g. 2025-03-14",
            );
        }
        parsed
    }

    /// Ids that must each be in `known`; returns the valid ones, without repeats. An
    /// unknown id that `renamed` knows the new name of is reported as renamed. The ids
    /// returned are copies of those in `known`: this is where a document's ids are made.
    pub fn ids<Id: Ord + Clone + Borrow<str>>(
        &mut self,
        values: Vec<S<String>>,
        known: &BTreeSet<Id>,
        (what, hint): (&str, &str),
        renamed: impl Fn(&str) -> Option<Rename>,
    ) -> Vec<Id> {
        let mut valid: Vec<Id> = Vec::with_capacity(values.len());
        for value in values {
            if let Some(id) = known.get(value.value.as_str()) {
                if valid.contains(id) {
                    let position = self.yaml.position_of(&value);
                    self.warning(
                        position,
                        format!("{what} `{}` is listed twice", value.value),
                        "remove the repeated id",
                    );
                } else {
                    valid.push(id.clone());
                }
                continue;
            }
            let position = self.yaml.position_of(&value);
            if let Some(rename) = renamed(&value.value) {
                let (message, hint) = rename.in_user();
                self.error(position, message, hint);
                continue;
            }
            let full_hint = match did_you_mean(&value.value, known.iter().map(Borrow::borrow)) {
                Some(suggestion) => format!("did you mean `{suggestion}`? {hint}"),
                None => hint.to_owned(),
            };
            self.error(
                position,
                format!("unknown {what} `{}`", value.value),
                full_hint,
            );
        }
        valid
    }

    /// A URL a reader may follow: only `https:`, `http:` and `mailto:` are allowed.
    pub fn url(&mut self, value: &S<String>, field: &str) -> Option<String> {
        let url = value.value.trim();
        if is_safe_absolute_url(url) {
            return Some(url.to_owned());
        }
        let position = self.yaml.position_of(value);
        self.error(
            position,
            format!("`{field}` is not a web address a reader can safely follow: `{url}`"),
            "write a full address starting with https:// (or http://, mailto:)",
        );
        None
    }
}

/// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// True for `https://host…`, `http://host…` and `mailto:…` addresses.
pub fn is_safe_absolute_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let has_host = |rest: &str| !rest.is_empty() && !rest.starts_with('/');
    if let Some(rest) = lower.strip_prefix("https://") {
        return has_host(rest) && !url.chars().any(char::is_whitespace);
    }
    if let Some(rest) = lower.strip_prefix("http://") {
        return has_host(rest) && !url.chars().any(char::is_whitespace);
    }
    lower
        .strip_prefix("mailto:")
        .is_some_and(|rest| rest.contains('@'))
}

/// True for a slug that is safe as one URL segment and one file name.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 120
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && slug
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_and_zero_padded() {
        assert!(parse_date("2025-03-14").is_some());
        assert!(parse_date("2025-02-30").is_none());
        assert!(parse_date("2025-3-14").is_none());
        assert!(parse_date("14/03/2025").is_none());
    }

    #[test]
    fn only_web_and_mail_urls_are_safe() {
        assert!(is_safe_absolute_url("https://example.org/x"));
        assert!(is_safe_absolute_url("mailto:someone@example.org"));
        assert!(!is_safe_absolute_url("javascript:alert(1)"));
        assert!(!is_safe_absolute_url("JaVaScRiPt:alert(1)"));
        assert!(!is_safe_absolute_url("data:text/html,<script>"));
        assert!(!is_safe_absolute_url("https:///etc/passwd"));
    }

    #[test]
    fn ids_are_the_known_ids_themselves_and_unknown_ones_are_problems() {
        let text = "[A, B, A, Z]\n";
        let source = YamlSource {
            file: "content/contributions/x.md",
            text,
            yaml: text,
            line_offset: 0,
        };
        let mut check = Checker::new(source);
        let values: Vec<S<String>> = check
            .yaml
            .parse()
            .unwrap_or_else(|problems| panic!("{problems:?}"));
        let known = BTreeSet::from(["A", "B"].map(crate::model::ObjectiveId::new));
        let ids = check.ids(values, &known, ("objective", "see objectives.yaml"), |_| {
            None
        });
        assert_eq!(ids, ["A", "B"]);
        // Copies of the known ids, sharing their text, not ids made again from the YAML.
        for id in &ids {
            let shared = known.get(id.as_str()).map(|known| known.as_str().as_ptr());
            assert_eq!(shared, Some(id.as_str().as_ptr()));
        }
        let messages: Vec<&str> = check
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            ["objective `A` is listed twice", "unknown objective `Z`"]
        );
    }

    #[test]
    fn slugs_cannot_form_paths() {
        assert!(is_valid_slug("rural-schools-2025"));
        assert!(!is_valid_slug("../etc"));
        assert!(!is_valid_slug("a/b"));
        assert!(!is_valid_slug("Upper"));
        assert!(!is_valid_slug(""));
    }
}
