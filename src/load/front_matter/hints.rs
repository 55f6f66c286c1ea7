//! Plain-language causes of YAML syntax errors, found by reading the lines themselves.
//!
//! The parser's messages ("tabs disallowed within this context", "simple key expected
//! ':'", "mapping values are not allowed in this context") name its state, not the
//! contributor's mistake. When a front matter does not parse, its lines are searched for
//! the usual culprits (a tab, a non-breaking space, curly quotes, a missing space after a
//! colon); each one found becomes its own problem at its own column, so a file with three
//! mistakes shows three, and the parser's message is kept only when none is found.

/// One mistake found on a line: where (1-based, in the YAML text), what, how to fix it,
/// and the line as it should be shown (a tab made visible).
#[derive(Debug, PartialEq, Eq)]
pub struct Hint {
    pub line: u64,
    pub column: u64,
    pub message: String,
    pub help: String,
    pub shown: String,
}

const CURLY_QUOTES: &[char] = &['“', '”', '‘', '’', '„', '«', '»'];

/// The likely causes of a syntax error in `yaml`, in line order.
pub fn find(yaml: &str) -> Vec<Hint> {
    let mut hints = Vec::new();
    let mut previous: Option<&str> = None;
    let lines: Vec<&str> = yaml.lines().collect();
    for ((index, line), number) in lines.iter().copied().enumerate().zip(1u64..) {
        if let Some(hint) = indentation(previous, line, number) {
            hints.push(hint);
        }
        let next = lines[index + 1..]
            .iter()
            .copied()
            .find(|next| !next.trim().is_empty());
        if let Some(hint) = unclosed_list(line, next, number) {
            hints.push(hint);
        }
        if !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            previous = Some(line);
        }
        let before_quotes = line.split(['"', '\'']).next().unwrap_or_default();
        if let Some(column) = tab_in_indentation(line) {
            hints.push(Hint {
                line: number,
                column,
                message: "a tab character (shown as ␉) indents this line".to_owned(),
                help: "YAML indents with spaces only: replace the tab with spaces (two per level)"
                    .to_owned(),
                shown: line.replace('\t', "␉"),
            });
        }
        if let Some(column) = column_of(before_quotes, |c| c == '\u{a0}') {
            hints.push(Hint {
                line: number,
                column,
                message: "a non-breaking space here looks like a space, but YAML does not read it as one".to_owned(),
                help: "delete it and type an ordinary space (it usually comes from copying text out of a word processor)".to_owned(),
                shown: line.to_owned(),
            });
        }
        if let Some((key, column)) = value_start(line) {
            let value = &line[column_byte(line, column)..];
            if value.starts_with(CURLY_QUOTES) {
                hints.push(Hint {
                    line: number,
                    column,
                    message: format!("the value of `{key}` starts with a curly quote, which YAML does not read as a quote"),
                    help: format!("use straight quotes: `{key}: \"…\"` (curly quotes inside straight ones are kept as written)"),
                    shown: line.to_owned(),
                });
            }
        }
        if let Some((key, column)) = missing_space_after_colon(line) {
            hints.push(Hint {
                line: number,
                column,
                message: format!("a space is missing after `{key}:`"),
                help: format!("write `{key}: value`, with a space after the colon"),
                shown: line.to_owned(),
            });
        }
    }
    hints
}

/// A key indented deeper than the line above, which holds a value and so opens nothing.
fn indentation(previous: Option<&str>, line: &str, number: u64) -> Option<Hint> {
    let previous = previous?;
    let indent = |text: &str| text.len() - text.trim_start_matches(' ').len();
    // Where a line's key starts: after its indentation and any list dashes (`- id:`).
    let key_column = |text: &str| {
        let mut rest = text.trim_start_matches(' ');
        while let Some(after) = rest.strip_prefix("- ") {
            rest = after.trim_start_matches(' ');
        }
        text.len() - rest.len()
    };
    let (key, rest) = key_and_rest(line)?;
    if !rest.starts_with(':')
        || tab_in_indentation(line).is_some()
        || tab_in_indentation(previous).is_some()
    {
        return None;
    }
    let opens_block = previous.trim_end().ends_with(':') || previous.trim_start() == "-";
    if indent(line) <= key_column(previous) || opens_block || line.trim_start().starts_with("- ") {
        return None;
    }
    let (above, _) = key_and_rest(previous)?;
    Some(Hint {
        line: number,
        column: indent(line) as u64 + 1,
        message: format!("`{key}` is indented more than `{above}` on the line above"),
        help: format!("start `{key}` in the same column as `{above}` (sub-fields line up, two spaces under the field that holds them)"),
        shown: line.to_owned(),
    })
}

/// A flow list opened with `[` and not closed on its line, followed by the next field
/// (a list may go on over several lines, closed on a later one).
fn unclosed_list(line: &str, next: Option<&str>, number: u64) -> Option<Hint> {
    let (key, _) = key_and_rest(line)?;
    let next_is_a_field = next
        .and_then(key_and_rest)
        .is_none_or(|(_, rest)| rest.starts_with(':'));
    if !next_is_a_field {
        return None;
    }
    let (_, column) = value_start(line)?;
    let value = &line[column_byte(line, column)..];
    let value = value.split(" #").next().unwrap_or_default().trim_end();
    if !value.starts_with('[') || value.ends_with(']') {
        return None;
    }
    Some(Hint {
        line: number,
        column,
        message: format!("the list of `{key}` opened with `[` is not closed on this line"),
        help: format!("end it with `]`, e.g. `{key}: [A, B]`"),
        shown: line.to_owned(),
    })
}

/// The column of the first tab among the line's leading whitespace.
fn tab_in_indentation(line: &str) -> Option<u64> {
    let indentation: &str = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
    column_of(indentation, |c| c == '\t')
}

/// The 1-based character column of the first character of `text` matching `wanted`.
fn column_of(text: &str, wanted: impl Fn(char) -> bool) -> Option<u64> {
    text.chars()
        .zip(1u64..)
        .find(|(character, _)| wanted(*character))
        .map(|(_, column)| column)
}

/// The byte offset of character column `column` (1-based) in `line`.
fn column_byte(line: &str, column: u64) -> usize {
    let skip = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
    line.char_indices()
        .nth(skip)
        .map_or(line.len(), |(index, _)| index)
}

/// For a `key: value` line (also `- key: value`), the key and the column where its value
/// starts.
fn value_start(line: &str) -> Option<(&str, u64)> {
    let (key, rest) = key_and_rest(line)?;
    let value = rest.strip_prefix(':')?;
    let trimmed = value.trim_start_matches([' ', '\u{a0}']);
    if trimmed.is_empty() || trimmed.len() == value.len() {
        return None;
    }
    let column = line[..line.len() - trimmed.len()].chars().count() as u64 + 1;
    Some((key, column))
}

/// For `key:value` (no space, and not a web address), the key and the colon's column.
fn missing_space_after_colon(line: &str) -> Option<(&str, u64)> {
    let (key, rest) = key_and_rest(line)?;
    let after = rest.strip_prefix(':')?;
    let next = after.chars().next()?;
    if next.is_whitespace() || after.starts_with("//") {
        return None;
    }
    let column = line[..line.len() - rest.len()].chars().count() as u64 + 1;
    Some((key, column))
}

/// A line's key (letters, digits, `_`, `-`, after indentation and an optional `- `) and
/// the rest of the line from the character after the key.
fn key_and_rest(line: &str) -> Option<(&str, &str)> {
    let content = line.trim_start_matches([' ', '\t']);
    let content = content
        .strip_prefix("- ")
        .map_or(content, |rest| rest.trim_start());
    let key_length = content
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(content.len());
    if key_length == 0 || content.starts_with('#') {
        return None;
    }
    Some(content.split_at(key_length))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(yaml: &str) -> Vec<(u64, u64, String)> {
        find(yaml)
            .into_iter()
            .map(|hint| (hint.line, hint.column, hint.message))
            .collect()
    }

    #[test]
    fn each_usual_mistake_is_found_at_its_column() {
        let yaml = "title: “Schools: online”\nstakeholder:\n\tname: x\nregion:\u{a0}africa\ndate:2025-03-14\nurl: https://example.org\n";
        let hints = found(yaml);
        assert_eq!(
            hints,
            [
                (1, 8, "the value of `title` starts with a curly quote, which YAML does not read as a quote".to_owned()),
                (3, 1, "a tab character (shown as ␉) indents this line".to_owned()),
                (4, 8, "a non-breaking space here looks like a space, but YAML does not read it as one".to_owned()),
                (5, 5, "a space is missing after `date:`".to_owned()),
            ]
        );
    }

    #[test]
    fn a_key_under_a_list_item_is_not_taken_for_a_mis_indented_one() {
        assert_eq!(
            found("- id: A\n  titel: x\n- id: B\n   title: y\n").len(),
            1
        );
        assert_eq!(found("- id: A\n  titel: x\n"), []);
    }

    #[test]
    fn a_mis_indented_key_and_an_unclosed_list_are_found() {
        let yaml = "stakeholder:\n  name: x\n   type: y\nobjectives: [A, B\n";
        assert_eq!(
            found(yaml),
            [
                (
                    3,
                    4,
                    "`type` is indented more than `name` on the line above".to_owned()
                ),
                (
                    4,
                    13,
                    "the list of `objectives` opened with `[` is not closed on this line"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn valid_lines_give_nothing() {
        assert!(find("title: \"A: b\"\nlinks:\n  - url: \"https://x.org\"\n# note:x\n").is_empty());
        assert!(find("objectives: [A,\n  B]\ntitle: A long\n  title, continued\n").is_empty());
    }
}
