//! Characters no published text may hold: control characters and Unicode noncharacters.
//!
//! They are invisible in an editor, and XML 1.0 forbids most of them, so one of them in a
//! title makes the Atom feeds not well-formed; in a CI log, ESC and BEL drive the terminal.
//! Every file of the content is scanned as written (front matter, body, data); values that
//! YAML escapes produce (`"\e"`, `"\x01"`, `"\u001B"`) are checked after parsing. Each one
//! found is an error at its line and column that names the character.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diagnostic::{character_name, is_forbidden_character, Diagnostic, Position};
use crate::load::YamlSource;

/// At most this many characters are reported per file; the rest are counted.
const MAX_REPORTED_PER_FILE: usize = 20;

const HINT: &str = "delete it: it is invisible (often pasted from another program); retype the text around it if unsure";

/// Whether `text` holds a forbidden character (see `diagnostic::is_forbidden_character`),
/// found in one scan of its bytes, so that most files, accents, Arabic, Chinese and emoji
/// included, are passed without decoding a character. A control character is one byte
/// below 0x20 (but tab, line feed, carriage return) or 0x7F; the C1 controls are 0xC2
/// 0x80–0x9F; the noncharacters are EF B7 90–AF (U+FDD0–U+FDEF), EF BF BE–BF (U+FFFE,
/// U+FFFF) and, in the other planes, F0–F4 then a byte ending in F, BF, BE–BF (U+1FFFE…).
fn may_hold_forbidden_characters(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = (bytes.get(from..))
        .and_then(|rest| rest.iter().position(|byte| MAY_START[usize::from(*byte)]))
    {
        let at = from + found;
        if forbidden_at(bytes, at) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// The bytes that may start a forbidden character, as a table: the scan looks each byte up
/// instead of matching it against ranges (several times faster on long files).
const MAY_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] =
            matches!(byte, 0..=8 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f | 0xc2 | 0xef | 0xf0..=0xf4);
        byte += 1;
    }
    table
};

/// Whether the character starting at byte `at` of `bytes` (valid UTF-8) is forbidden.
fn forbidden_at(bytes: &[u8], at: usize) -> bool {
    let after = |offset: usize| bytes.get(at + offset).copied().unwrap_or(0);
    match after(0) {
        0..=8 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f => true,
        // U+0080–U+009F; the rest of U+00A0–U+00FF (« », °, £) is allowed.
        0xc2 => after(1) <= 0x9f,
        0xef => matches!(
            (after(1), after(2)),
            (0xb7, 0x90..=0xaf) | (0xbf, 0xbe..=0xbf)
        ),
        0xf0..=0xf4 => {
            after(1) & 0x0f == 0x0f && after(2) == 0xbf && matches!(after(3), 0xbe | 0xbf)
        }
        _ => false,
    }
}

/// The forbidden characters written in `text`, the whole text of the file `file`.
pub fn in_text(file: &str, text: &str) -> Vec<Diagnostic> {
    if !may_hold_forbidden_characters(text) {
        return Vec::new();
    }
    let found: Vec<(Position, char)> = text
        .lines()
        .zip(1u64..)
        .flat_map(|(line, number)| {
            line.chars()
                .zip(1u64..)
                .filter(|(character, _)| is_forbidden_character(*character))
                .map(move |(character, column)| (Position::new(number, column), character))
        })
        .collect();
    let mut diagnostics: Vec<Diagnostic> = found
        .iter()
        .take(MAX_REPORTED_PER_FILE)
        .map(|(position, character)| {
            Diagnostic::error(
                file,
                format!(
                    "this line holds the invisible character {}",
                    character_name(*character)
                ),
            )
            .at(*position, text)
            .with_hint(HINT)
        })
        .collect();
    if found.len() > MAX_REPORTED_PER_FILE {
        diagnostics.push(
            Diagnostic::error(
                file,
                format!(
                    "{} more invisible control characters in this file",
                    found.len() - MAX_REPORTED_PER_FILE
                ),
            )
            .with_hint(HINT),
        );
    }
    diagnostics
}

/// The forbidden characters in the text values of `yaml` that escape sequences produce.
pub fn in_yaml_values(yaml: &YamlSource) -> Vec<Diagnostic> {
    if !yaml.yaml.contains('\\') {
        // Without an escape sequence, every character of a value is written in the file.
        return Vec::new();
    }
    let Ok(node) = serde_saphyr::from_str::<Spanned<Node>>(yaml.yaml) else {
        return Vec::new();
    };
    let mut values = Vec::new();
    node.value.collect_text(&node, &mut values);
    values
        .into_iter()
        .filter_map(|(location, value)| {
            let character = value.chars().find(|c| is_forbidden_character(*c))?;
            let message = format!(
                "this value holds the invisible character {}, written as an escape sequence",
                character_name(character)
            );
            Some(
                yaml.error(yaml.position(&location), message)
                    .with_hint("remove the escape sequence (the `\\` and what follows it)"),
            )
        })
        .collect()
}

/// Any YAML node, keeping the text of its scalars with their positions.
enum Node {
    Text(String),
    List(Vec<Spanned<Node>>),
    Other,
}

impl Node {
    fn collect_text(
        &self,
        spanned: &Spanned<Node>,
        values: &mut Vec<(serde_saphyr::Location, String)>,
    ) {
        match self {
            Node::Text(text) => values.push((spanned.referenced, text.clone())),
            Node::List(children) => {
                for child in children {
                    child.value.collect_text(child, values);
                }
            }
            Node::Other => {}
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("any YAML value")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Node, E> {
        Ok(Node::Text(value.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, value: String) -> Result<Node, E> {
        Ok(Node::Text(value))
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut children = Vec::new();
        while let Some(child) = seq.next_element::<Spanned<Node>>()? {
            children.push(child);
        }
        Ok(Node::List(children))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut children = Vec::new();
        while map.next_key::<IgnoredAny>()?.is_some() {
            children.push(map.next_value::<Spanned<Node>>()?);
        }
        Ok(Node::List(children))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(yaml: &str) -> YamlSource<'_> {
        YamlSource {
            file: "content/contributions/x.md",
            text: yaml,
            yaml,
            line_offset: 0,
        }
    }

    #[test]
    fn the_quick_scan_finds_exactly_the_forbidden_characters() {
        let mut text = String::new();
        for character in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            text.clear();
            text.push(character);
            assert_eq!(
                may_hold_forbidden_characters(&text),
                crate::diagnostic::is_forbidden_character(character),
                "{character:?}"
            );
        }
        // …and passes ordinary text of every script the portal is written in.
        assert!(!may_hold_forbidden_characters(
            "Accès « élevé » – ‘quotes’ … التعاون الرقمي 数字合作 Цифровое\t\r\n"
        ));
    }

    #[test]
    fn written_control_characters_are_found_with_their_column() {
        let problems = in_text("a.md", "---\ntitle: \"a\u{1b}b\"\n---\n\u{fffe}\n");
        let places: Vec<_> = problems
            .iter()
            .map(|problem| (problem.line, problem.column, problem.message.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                (
                    Some(2),
                    Some(10),
                    "this line holds the invisible character U+001B (escape)"
                ),
                (
                    Some(4),
                    Some(1),
                    "this line holds the invisible character U+FFFE (a noncharacter)"
                ),
            ]
        );
    }

    #[test]
    fn escaped_control_characters_are_found_in_values() {
        let yaml = "title: \"a\\eb\"\nlinks:\n  - title: \"x\\x01\"\nplain: a\\x01\n";
        let problems = in_yaml_values(&source(yaml));
        let lines: Vec<_> = problems.iter().map(|problem| problem.line).collect();
        assert_eq!(lines, [Some(1), Some(3)]);
        assert!(problems[0].message.contains("U+001B (escape)"));
    }
}
