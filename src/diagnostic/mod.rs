//! Diagnostics: what is wrong with a site's content, where, and how to fix it.
//!
//! Every stage collects problems into a [`Diagnostics`] list instead of stopping at the
//! first one, so that a contributor sees everything a pull request must fix in one run.
//! A diagnostic names the file relative to the site root (always with `/`, whatever the
//! platform), a 1-based line and column where there is one, a message saying what is
//! wrong and a hint saying how to fix it. The same list is printed for people (with the
//! offending source line), as JSON for tools, or as GitHub Actions annotations.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use serde::Serialize;

/// How bad a problem is: errors fail the build, warnings are printed and let it go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a source file: 1-based line and column (columns count characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: u64,
    pub column: u64,
}

impl Position {
    pub fn new(line: u64, column: u64) -> Self {
        Position { line, column }
    }
}

/// One problem found in the content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The text of the offending line, kept to show it under the message.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Places the diagnostic at `position`, keeping the line of `source` it points to.
    pub fn at(mut self, position: Position, source: &str) -> Self {
        if position.line > 0 {
            self.line = Some(position.line);
            self.column = Some(position.column.max(1));
            self.source_line = usize::try_from(position.line - 1)
                .ok()
                .and_then(|index| source.lines().nth(index))
                .map(str::to_owned);
        }
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A copy whose texts show control characters visibly: `<U+001B>` in the message,
    /// hint and file, one control picture per character in the source line (so that
    /// columns still point at the right character).
    pub fn printable(&self) -> Diagnostic {
        Diagnostic {
            file: escape_controls(&self.file),
            message: escape_controls(&self.message),
            hint: self.hint.as_deref().map(escape_controls),
            source_line: self.source_line.as_deref().map(picture_controls),
            ..self.clone()
        }
    }

    /// The problem with a file that is not UTF-8 text, at the first byte that is not,
    /// with the line shown as well as it can be; `None` when `bytes` is UTF-8.
    pub fn not_utf8(file: &str, bytes: &[u8]) -> Option<Diagnostic> {
        let valid_up_to = std::str::from_utf8(bytes).err()?.valid_up_to();
        let line_start = bytes[..valid_up_to]
            .iter()
            .rposition(|byte| *byte == b'\n')
            .map_or(0, |index| index + 1);
        let line_end = bytes[valid_up_to..]
            .iter()
            .position(|byte| *byte == b'\n')
            .map_or(bytes.len(), |index| valid_up_to + index);
        let line_number = bytes[..line_start]
            .iter()
            .filter(|byte| **byte == b'\n')
            .count()
            + 1;
        let column = String::from_utf8_lossy(&bytes[line_start..valid_up_to])
            .chars()
            .count()
            + 1;
        let byte = bytes[valid_up_to];
        let source_line = String::from_utf8_lossy(&bytes[line_start..line_end]).into_owned();
        let hint = match byte {
            0xA0..=0xFF => format!("save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8); the byte 0x{byte:02X} is `{}` in Latin-1, the usual cause", char::from(byte)),
            0x80..=0x9F => format!("save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8); the byte 0x{byte:02X} is punctuation such as `’` or `–` in Windows-1252, the usual cause"),
            _ => "save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)".to_owned(),
        };
        Some(
            Diagnostic::error(
                file,
                format!(
                    "this file is not UTF-8 text: the byte 0x{byte:02X} here is not valid UTF-8"
                ),
            )
            .at(
                Position::new(line_number as u64, column as u64),
                &source_line_at(line_number, &source_line),
            )
            .with_hint(hint),
        )
    }

    fn sort_key(&self) -> (&str, u64, u64, Severity, &str) {
        (
            &self.file,
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
            &self.message,
        )
    }
}

/// The problems of one run, kept in a stable order (file, line, column).
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Diagnostics::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|diagnostic| diagnostic.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The diagnostics in their stable order.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.items.dedup();
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The output formats of `rapporteur check --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: the message, the place, the source line and a hint.
    Human,
    /// A JSON array of objects with severity, file, line, column, message and hint.
    Json,
    /// GitHub Actions workflow commands, which annotate the pull request's files.
    Github,
    /// A summary in Markdown, problems grouped by file (for a CI job's summary page).
    Markdown,
}

/// Renders `diagnostics` in `format`; the result ends with a newline unless empty.
/// Control characters from the content are shown escaped in every format, so a value
/// cannot drive the reader's terminal or forge lines in a CI log.
pub fn render(diagnostics: &[Diagnostic], format: Format) -> String {
    let printable: Vec<Diagnostic> = diagnostics.iter().map(Diagnostic::printable).collect();
    let diagnostics = printable.as_slice();
    match format {
        Format::Human => diagnostics.iter().map(render_human).collect(),
        Format::Json => {
            // serde_json fails only on a map with non-string keys or a `Serialize` that
            // errors; a diagnostic has neither, so the default is never taken.
            let mut json = serde_json::to_string_pretty(diagnostics).unwrap_or_default();
            json.push('\n');
            json
        }
        Format::Github => diagnostics.iter().map(render_github).collect(),
        Format::Markdown => render_markdown(diagnostics),
    }
}

/// The problems as Markdown in plain words, grouped by file, for a job summary page.
fn render_markdown(diagnostics: &[Diagnostic]) -> String {
    if diagnostics.is_empty() {
        return String::new();
    }
    let errors = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .count();
    let mut text = format!(
        "## rapporteur: {errors} problem{} to fix, {} warning{}\n",
        if errors == 1 { "" } else { "s" },
        diagnostics.len() - errors,
        if diagnostics.len() - errors == 1 {
            ""
        } else {
            "s"
        },
    );
    let mut current_file = None;
    for diagnostic in diagnostics {
        if current_file != Some(&diagnostic.file) {
            current_file = Some(&diagnostic.file);
            let _ = write!(text, "\n### {}\n\n", escape_markdown(&diagnostic.file));
        }
        let place = match (diagnostic.line, diagnostic.column) {
            (Some(line), Some(column)) => format!("Line {line}, column {column}"),
            _ => "The whole file".to_owned(),
        };
        let kind = match diagnostic.severity {
            Severity::Error => "to fix",
            Severity::Warning => "warning",
        };
        let _ = write!(
            text,
            "- **{place}** ({kind}): {}",
            escape_markdown(&diagnostic.message)
        );
        if let Some(hint) = &diagnostic.hint {
            let _ = write!(text, ". How to fix it: {}", escape_markdown(hint));
        }
        text.push('\n');
    }
    text
}

/// Text safe in a Markdown page that GitHub renders: no HTML (the one markup escaper), no
/// line breaks.
fn escape_markdown(text: &str) -> String {
    crate::escape::markup(text).replace(['\n', '\r'], " ")
}

/// One diagnostic as rustc-style text, with the offending line when there is one.
pub fn render_human(diagnostic: &Diagnostic) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(&diagnostic.message);
    let location = match (diagnostic.line, diagnostic.column) {
        (Some(line), Some(column)) => format!("{}:{line}:{column}", diagnostic.file),
        _ => diagnostic.file.clone(),
    };
    let group = match (&diagnostic.source_line, diagnostic.line, diagnostic.column) {
        (Some(source_line), Some(line), Some(column)) => {
            let span = char_span(source_line, column);
            title.element(
                Snippet::source(source_line.as_str())
                    .line_start(usize::try_from(line).unwrap_or(1))
                    .path(diagnostic.file.as_str())
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        _ => title.element(annotate_snippets::Origin::path(location.as_str())),
    };
    let group = match &diagnostic.hint {
        Some(hint) => group.element(Level::HELP.message(hint.as_str())),
        None => group,
    };
    let mut text = Renderer::plain().render(&[group]);
    text.push_str("\n\n");
    text
}

/// The byte range of the token starting at character `column` (1-based) of `line`: a
/// quoted YAML string to its closing quote, a mapping's plain value to the end of the line
/// or its comment (`region: Latin America` underlines both words), a Markdown link or image
/// to its closing parenthesis, anything else to the next space or YAML delimiter.
fn char_span(line: &str, column: u64) -> std::ops::Range<usize> {
    let skip = usize::try_from(column.saturating_sub(1)).unwrap_or(0);
    let start = line
        .char_indices()
        .nth(skip)
        .map_or(line.len(), |(index, _)| index);
    let rest = &line[start..];
    let first_len = rest.chars().next().map_or(0, char::len_utf8);
    let token_len = quoted_len(rest)
        .or_else(|| markdown_link_len(rest))
        .or_else(|| plain_value_len(&line[..start], rest))
        .unwrap_or_else(|| {
            rest.char_indices()
                .find(|(_, c)| matches!(c, ',' | ']' | '}' | '#') || c.is_whitespace())
                .map_or(rest.len(), |(index, _)| index)
        });
    start..start + token_len.max(first_len)
}

/// The length of the quoted string `rest` starts with, closing quote included.
fn quoted_len(rest: &str) -> Option<usize> {
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let close = rest[1..].find(quote)?;
    Some(close + 2)
}

/// The length of the Markdown link or image `rest` starts with (`[text](address)`,
/// `![text](address)`), when its text holds no bracket and the line closes it.
fn markdown_link_len(rest: &str) -> Option<usize> {
    let text = rest.strip_prefix('!').unwrap_or(rest).strip_prefix('[')?;
    let text_end = text.find(']')?;
    if text[..text_end].contains('[') {
        return None;
    }
    let address = text[text_end..].strip_prefix("](")?;
    // An address may hold balanced parentheses, as CommonMark allows.
    let mut depth = 0usize;
    let address_end = address.char_indices().find_map(|(index, c)| {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(index),
            ')' => depth -= 1,
            _ => {}
        }
        None
    })?;
    Some(rest.len() - address.len() + address_end + 1)
}

/// The length of the plain (unquoted, not a list) value `rest` starts with, when `before`
/// is a mapping's key (`region: `, `  - name: `): up to a comment, trailing spaces cut.
fn plain_value_len(before: &str, rest: &str) -> Option<usize> {
    let key = before.trim_end().strip_suffix(':')?;
    let key = key.trim_start().trim_start_matches("- ");
    let is_key = !key.is_empty() && !key.contains(char::is_whitespace);
    if !is_key || rest.starts_with(['[', '{', '#']) {
        return None;
    }
    let value = rest.find(" #").map_or(rest, |comment| &rest[..comment]);
    Some(value.trim_end().len())
}

/// One diagnostic as a GitHub Actions `::error` or `::warning` workflow command.
pub fn render_github(diagnostic: &Diagnostic) -> String {
    let command = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = format!("file={}", escape_property(&diagnostic.file));
    if let Some(line) = diagnostic.line {
        let _ = write!(properties, ",line={line}");
    }
    if let Some(column) = diagnostic.column {
        let _ = write!(properties, ",col={column}");
    }
    properties.push_str(",title=rapporteur");
    let mut message = diagnostic.message.clone();
    if let Some(hint) = &diagnostic.hint {
        message.push_str("\nhelp: ");
        message.push_str(hint);
    }
    format!("::{command} {properties}::{}\n", escape_data(&message))
}

/// Escapes a workflow command's message, as the GitHub Actions toolkit does.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value, as the GitHub Actions toolkit does.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A text whose line `line_number` is `line`, for [`Diagnostic::at`].
fn source_line_at(line_number: usize, line: &str) -> String {
    let mut text = "\n".repeat(line_number.saturating_sub(1));
    text.push_str(line);
    text
}

/// True for a character no published text may hold: C0 controls other than tab, line
/// feed and carriage return, DEL, C1 controls, and Unicode noncharacters (U+FFFE…).
pub fn is_forbidden_character(character: char) -> bool {
    let code = u32::from(character);
    matches!(character, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

/// A character's code point and, for the usual suspects, its name: `U+001B (escape)`.
pub fn character_name(character: char) -> String {
    let name = match character {
        '\u{0}' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{9}' => "tab",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\u{d}' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{a0}' => "non-breaking space",
        c if u32::from(c) & 0xFFFE == 0xFFFE || ('\u{fdd0}'..='\u{fdef}').contains(&c) => {
            "a noncharacter"
        }
        c if c.is_control() => "a control character",
        _ => return format!("U+{:04X}", u32::from(character)),
    };
    format!("U+{:04X} ({name})", u32::from(character))
}

/// `text` with each control character (carriage return included, line feed and tab
/// kept) written as `<U+001B>`.
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_owned();
    }
    text.chars()
        .map(|character| {
            if needs_escape(character) {
                format!("<U+{:04X}>", u32::from(character))
            } else {
                character.to_string()
            }
        })
        .collect()
}

fn needs_escape(character: char) -> bool {
    character == '\r' || is_forbidden_character(character)
}

/// `line` with each control character replaced by one visible character: its control
/// picture (`␛` for ESC) for C0 and DEL, `�` for the others.
fn picture_controls(line: &str) -> String {
    line.chars()
        .map(|character| match u32::from(character) {
            code @ 0..=0x1f if character != '\t' => {
                char::from_u32(0x2400 + code).unwrap_or('\u{fffd}')
            }
            0x7f => '\u{2421}',
            _ if needs_escape(character) => '\u{fffd}',
            _ => character,
        })
        .collect()
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            (
                edit_distance(&word_lower, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|(distance, candidate)| {
            let length = candidate.chars().count();
            *distance < length && *distance <= (length / 3).max(1)
        })
        .min()
        .map(|(_, candidate)| candidate)
}

/// Optimal string alignment distance (Levenshtein plus swaps of neighbours), in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in table.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in table[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[i - 1][j] + 1)
                .min(table[i][j - 1] + 1)
                .min(table[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[i - 2][j - 2] + 1);
            }
            table[i][j] = best;
        }
    }
    table[a.len()][b.len()]
}

#[cfg(test)]
mod tests;
