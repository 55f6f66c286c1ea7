//! The build-time check that every message a template names exists in every language
//! of the site, so that a missing translation is a diagnostic naming the template and
//! the key, before any page is rendered, rather than English on a French page.
//!
//! Templates are scanned for `t(key="…")` and `messages["…"]` with a literal key. A key
//! built in the template (`messages["status-" ~ item.status]`) names a closed list, whose
//! labels the default theme's files all hold (a test checks them) and a site's files
//! cannot remove; if one were missing anyway, rendering would fail. A key read from the
//! `messages` map must also be a message without arguments (the map holds only those).

use super::Messages;
use crate::diagnostic::Diagnostic;
use crate::model::Language;

/// The literal message keys of a theme's templates, with where each is used.
#[derive(Default)]
pub struct TemplateKeys {
    uses: Vec<KeyUse>,
}

/// One `t(key="…")` or `messages["…"]` with a literal key.
struct KeyUse {
    /// The template's file, as diagnostics name it.
    file: String,
    key: String,
    /// Read from the `messages` map, which holds the messages without arguments only.
    from_map: bool,
    line: u64,
    column: u64,
    source_line: String,
}

impl TemplateKeys {
    /// Records the literal keys of the template in `file`, whose text is `source`.
    pub fn scan(&mut self, file: &str, source: &str) {
        for (offset, key, from_map) in literal_keys(source) {
            let position = super::position(source, offset);
            self.uses.push(KeyUse {
                file: file.to_owned(),
                key,
                from_map,
                line: position.line,
                column: position.column,
                source_line: source
                    .lines()
                    .nth(position.line.saturating_sub(1) as usize)
                    .unwrap_or_default()
                    .to_owned(),
            });
        }
    }

    /// A diagnostic for each key used by a template that a language of `languages` lacks.
    pub fn missing_in(&self, messages: &Messages, languages: &[Language]) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for used in &self.uses {
            for language in languages.iter().map(Language::as_str) {
                let key = &used.key;
                let problem = if !messages.has(language, key) {
                    Diagnostic::error(
                        &used.file,
                        format!(
                            "this template uses the message `{key}`, which the `{language}` interface strings do not define"
                        ),
                    )
                    .with_hint(format!(
                        "add `{key} = …` to locales/{language}.ftl of the theme, or correct the key"
                    ))
                } else if used.from_map && !messages.is_plain(language, key) {
                    Diagnostic::error(
                        &used.file,
                        format!(
                            "the message `{key}` of the `{language}` interface strings takes arguments, so it is not in `messages`"
                        ),
                    )
                    .with_hint(format!(
                        "write `t(key=\"{key}\", …)` with its arguments, as in locales/{language}.ftl"
                    ))
                } else {
                    continue;
                };
                let mut problem = problem;
                problem.line = Some(used.line);
                problem.column = Some(used.column);
                problem.source_line = Some(used.source_line.clone());
                problems.push(problem);
            }
        }
        problems
    }

    /// Every literal key found, for tests.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.uses.iter().map(|used| used.key.as_str())
    }
}

/// The literal keys of `t(key="…")` calls and `messages["…"]` lookups in `source`, with
/// the byte offset of each key and whether it is a lookup, in the order of `source`.
/// Those inside a comment (`{# … #}`, which may show how to write one) are not uses.
fn literal_keys(source: &str) -> Vec<(usize, String, bool)> {
    let comments = comments(source);
    let in_comment = |offset: usize| comments.iter().any(|range| range.contains(&offset));
    let mut keys: Vec<(usize, String, bool)> = function_keys(source)
        .into_iter()
        .map(|(offset, key)| (offset, key, false))
        .chain(
            map_keys(source)
                .into_iter()
                .map(|(offset, key)| (offset, key, true)),
        )
        .filter(|(offset, _, _)| !in_comment(*offset))
        .collect();
    keys.sort();
    keys
}

/// The byte ranges of the comments of `source`, `{#` to `#}` (to its end if unclosed).
fn comments(source: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut from = 0;
    while let Some(open) = source.get(from..).and_then(|rest| rest.find("{#")) {
        let start = from + open;
        let end = (source.get(start..).and_then(|rest| rest.find("#}")))
            .map_or(source.len(), |close| start + close + 2);
        ranges.push(start..end);
        from = end;
    }
    ranges
}

/// The literal keys of `messages["…"]` in `source`, unless followed by `~`.
fn map_keys(source: &str) -> Vec<(usize, String)> {
    let mut keys = Vec::new();
    let mut search_from = 0;
    while let Some(found) = source
        .get(search_from..)
        .and_then(|rest| rest.find("messages["))
    {
        let lookup = search_from + found;
        search_from = lookup + "messages[".len();
        if follows_a_name(source, lookup) {
            continue;
        }
        if let Some((offset, key)) = quoted_literal(source, search_from) {
            keys.push((offset, key));
        }
    }
    keys
}

/// Whether the text at `at` continues a longer name (`other_messages[`, `a.t(`).
fn follows_a_name(source: &str, at: usize) -> bool {
    source[..at]
        .chars()
        .next_back()
        .is_some_and(|before| before.is_alphanumeric() || before == '_' || before == '.')
}

/// The literal keys of `t(key="…")` calls in `source`, with the byte offset of each key.
fn function_keys(source: &str) -> Vec<(usize, String)> {
    let mut keys = Vec::new();
    let mut search_from = 0;
    while let Some(found) = source.get(search_from..).and_then(|rest| rest.find("t(")) {
        let call = search_from + found;
        search_from = call + 2;
        if follows_a_name(source, call) {
            continue;
        }
        if let Some((offset, key)) = key_argument(source, call + 2) {
            keys.push((offset, key));
        }
    }
    keys
}

/// The literal value of `key=` starting at `start` (just after `t(`), unless it is
/// followed by `~` (a key built from pieces).
fn key_argument(source: &str, start: usize) -> Option<(usize, String)> {
    let rest = source.get(start..)?;
    let after_name = rest.trim_start().strip_prefix("key")?;
    let after_equals = after_name.trim_start().strip_prefix('=')?;
    quoted_literal(source, source.len() - after_equals.len())
}

/// The quoted literal starting at `start` (after spaces), with its offset, unless it is
/// followed by `~` (a key built from pieces).
fn quoted_literal(source: &str, start: usize) -> Option<(usize, String)> {
    let rest = source.get(start..)?.trim_start();
    let quote = rest.chars().next().filter(|c| "\"'`".contains(*c))?;
    let literal = &rest[quote.len_utf8()..];
    let end = literal.find(quote)?;
    let after_literal = literal[end + quote.len_utf8()..].trim_start();
    if after_literal.starts_with('~') {
        return None;
    }
    let offset = source.len() - literal.len();
    Some((offset, literal[..end].to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_keys_are_found_with_their_offsets() {
        let source = "<p>{{ t(key=\"nav-forums\") }} {{ t( key = 'count', count=n) }}</p>";
        let keys = literal_keys(source);
        assert_eq!(
            keys,
            [
                (13, "nav-forums".to_owned(), false),
                (42, "count".to_owned(), false)
            ]
        );
        assert_eq!(&source[13..23], "nav-forums");
        assert_eq!(&source[42..47], "count");
    }

    #[test]
    fn keys_read_from_the_messages_map_are_found_in_order() {
        let source =
            "{{ messages[\"nav-menu\"] }} {{ t(key=\"count\", count=n) }} {{ messages[ 'x' ] }}";
        assert_eq!(
            literal_keys(source),
            [
                (13, "nav-menu".to_owned(), true),
                (37, "count".to_owned(), false),
                (71, "x".to_owned(), true)
            ]
        );
        assert_eq!(&source[13..21], "nav-menu");
        assert_eq!(&source[37..42], "count");
        assert_eq!(&source[71..72], "x");
    }

    #[test]
    fn keys_shown_in_a_comment_are_not_uses() {
        let source = "{#- Write `messages[\"nav-menu\"]` or `t(key=\"listing-count\", count=n)`. -#}\n{{ messages[\"skip\"] }}";
        let keys: Vec<String> = literal_keys(source)
            .into_iter()
            .map(|(_, key, _)| key)
            .collect();
        assert_eq!(keys, ["skip"]);
    }

    #[test]
    fn built_keys_and_other_functions_are_skipped() {
        let source =
            "{{ t(key=\"status-\" ~ item.status) }} {{ get(key=\"x\") }} {{ a.t(key=\"y\") }} \
             {{ messages[\"region-\" ~ id] }} {{ my_messages[\"z\"] }}";
        assert_eq!(literal_keys(source), []);
    }
}
