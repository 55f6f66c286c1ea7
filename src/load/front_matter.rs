//! Splitting a Markdown file into YAML front matter and body, and parsing YAML with
//! positions that point into the whole file.
//!
//! serde-saphyr reports lines relative to the YAML text it was given; front matter starts
//! on the file's second line, so every position is shifted by the front matter's offset
//! before it reaches a diagnostic.

mod hints;

use serde::de::value::MapAccessDeserializer;
use serde::de::{
    DeserializeOwned, DeserializeSeed, IgnoredAny, IntoDeserializer, MapAccess, Visitor,
};
use serde::{Deserialize, Deserializer};
use serde_saphyr::{Location, Spanned};

use crate::diagnostic::{Diagnostic, Position};

/// A Markdown file cut into its parts, as byte ranges of the file's text.
#[derive(Clone, Debug)]
pub struct Split {
    /// The YAML between the `---` lines (empty when the file has no front matter).
    pub yaml: std::ops::Range<usize>,
    /// Lines before the YAML's first line (1 when the file opens with `---`).
    pub yaml_line_offset: u64,
    pub body: std::ops::Range<usize>,
    /// Lines before the body's first line.
    pub body_line_offset: u64,
}

/// Cuts `text` into front matter and body; `Err` says why the front matter is unclosed.
pub fn split(text: &str) -> Result<Split, String> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let after_open = match rest
        .strip_prefix("---\n")
        .or_else(|| rest.strip_prefix("---\r\n"))
    {
        Some(after_open) => after_open,
        None => {
            return Ok(Split {
                yaml: start..start,
                yaml_line_offset: 0,
                body: start..text.len(),
                body_line_offset: 0,
            })
        }
    };
    let yaml_start = text.len() - after_open.len();
    let mut offset = yaml_start;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "---" {
            let body_start = offset + line.len();
            return Ok(Split {
                yaml: yaml_start..offset,
                yaml_line_offset: 1,
                body: body_start..text.len(),
                body_line_offset: count_lines(&text[..body_start]),
            });
        }
        offset += line.len();
    }
    Err("the front matter opened by `---` on line 1 is never closed".to_owned())
}

fn count_lines(text: &str) -> u64 {
    text.bytes().filter(|byte| *byte == b'\n').count() as u64
}

/// YAML text together with what is needed to place its problems in the file.
#[derive(Clone, Copy)]
pub struct YamlSource<'a> {
    /// The file, relative to the site root.
    pub file: &'a str,
    /// The whole file's text, to quote the offending line.
    pub text: &'a str,
    pub yaml: &'a str,
    pub line_offset: u64,
}

impl YamlSource<'_> {
    /// The position in the whole file of a location inside the YAML.
    pub fn position(&self, location: &Location) -> Position {
        Position::new(location.line() + self.line_offset, location.column())
    }

    /// The position of a spanned value.
    pub fn position_of<T>(&self, spanned: &Spanned<T>) -> Position {
        self.position(&spanned.referenced)
    }

    /// The position of the front matter's first line, for problems about missing fields.
    pub fn start(&self) -> Position {
        Position::new(self.line_offset.max(1), 1)
    }

    /// The position of the top-level field `key`, or of the front matter's first line.
    pub fn key_position(&self, key: &str) -> Position {
        self.top_level_keys()
            .iter()
            .find(|found| found.value == key)
            .map_or_else(|| self.start(), |found| self.position_of(found))
    }

    /// An error diagnostic at `position` in this file.
    pub fn error(&self, position: Position, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.file, message).at(position, self.text)
    }

    /// Parses the YAML into `T`; a type error becomes one diagnostic, a syntax error one
    /// per likely cause found on the lines (tabs, curly quotes…), or the parser's message.
    /// (When `serve` has turned the parse memo on, unchanged YAML is not parsed again.)
    pub fn parse<T: DeserializeOwned + Clone + Send + Sync + 'static>(
        &self,
    ) -> Result<T, Vec<Diagnostic>> {
        self.within_size_limit().map_err(|problem| vec![problem])?;
        super::memo::memoized(self.yaml, || {
            serde_saphyr::from_str_with_options(self.yaml, options())
        })
        .map_err(|error| {
            let causes = self.likely_causes();
            if causes.is_empty() {
                vec![self.yaml_error(&error)]
            } else {
                causes
            }
        })
    }

    /// Parses the YAML into `T` as [`YamlSource::parse`] does, with the keys of the
    /// top-level mapping and their positions, noted in the same pass (a second parse for
    /// the keys alone was a tenth of a 10,000-contribution build).
    pub fn parse_with_keys<T: DeserializeOwned + Clone + Send + Sync + 'static>(
        &self,
    ) -> Result<(T, Vec<Spanned<String>>), Vec<Diagnostic>> {
        self.within_size_limit().map_err(|problem| vec![problem])?;
        let parsed = super::memo::memoized(self.yaml, || {
            serde_saphyr::from_str_with_options::<WithKeys<T>>(self.yaml, options())
        });
        match parsed {
            Ok(WithKeys { value, keys }) => Ok((value, keys)),
            // What is not a mapping, or does not fit `T`, is reported by the usual
            // parse, so that its message is the same whichever way it was asked.
            Err(_) => Ok((self.parse()?, self.top_level_keys())),
        }
    }

    /// The usual mistakes found on the YAML's lines, each at its place.
    fn likely_causes(&self) -> Vec<Diagnostic> {
        hints::find(self.yaml)
            .into_iter()
            .map(|hint| {
                let mut diagnostic = self
                    .error(
                        Position::new(hint.line + self.line_offset, hint.column),
                        hint.message,
                    )
                    .with_hint(hint.help);
                diagnostic.source_line = Some(hint.shown);
                diagnostic
            })
            .collect()
    }

    /// The keys of the top-level mapping with their positions, to report unknown fields.
    pub fn top_level_keys(&self) -> Vec<Spanned<String>> {
        if self.within_size_limit().is_err() {
            return Vec::new();
        }
        super::memo::memoized(self.yaml, || mapping_keys(self.yaml).map(Keys))
            .map(|keys| keys.0)
            .unwrap_or_default()
    }

    /// True for the front matter of a Markdown file, false for a whole YAML data file.
    fn is_front_matter(&self) -> bool {
        self.line_offset > 0
    }

    /// Refuses YAML larger than its kind may be, before the parser sees it: the parser's
    /// memory grows about twentyfold with a long scalar, and its budget trips only after
    /// the scalar has been read whole.
    fn within_size_limit(&self) -> Result<(), Diagnostic> {
        let (limit, hint) = if self.is_front_matter() {
            (MAX_FRONT_MATTER_BYTES, "the header between the `---` lines holds short fields; put long text in the body, below the second `---`")
        } else {
            (
                MAX_DATA_FILE_BYTES,
                "split the data into smaller files, or put large tables in a CSV dataset",
            )
        };
        if self.yaml.len() <= limit {
            return Ok(());
        }
        let message = format!(
            "this YAML is {} KB, more than the {} KB allowed{}",
            self.yaml.len().div_ceil(1024),
            limit / 1024,
            if self.is_front_matter() {
                " in a front matter"
            } else {
                " in a data file"
            }
        );
        Err(self.error(self.start(), message).with_hint(hint))
    }

    fn yaml_error(&self, error: &serde_saphyr::Error) -> Diagnostic {
        let raw = error.without_snippet().to_string();
        let message = raw
            .rsplit_once(" at line ")
            .map_or(raw.as_str(), |(message, _)| message);
        let (message, hint) = explain_yaml_error(message);
        let position = error
            .location()
            .map_or_else(|| self.start(), |location| self.position(&location));
        let diagnostic = self.error(position, message);
        match hint {
            Some(hint) => diagnostic.with_hint(hint),
            None => diagnostic,
        }
    }
}

/// The most YAML a Markdown file's front matter may hold (a contribution's is about 1 KB).
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// The most YAML a data file (`site.yaml`, objectives, forums, a YAML dataset) may hold.
pub const MAX_DATA_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The keys of the YAML mapping `yaml`, with their positions; values are skipped.
/// YAML longer than [`MAX_DATA_FILE_BYTES`] yields no keys (callers report its size).
pub fn mapping_keys(yaml: &str) -> Result<Vec<Spanned<String>>, serde_saphyr::Error> {
    if yaml.len() > MAX_DATA_FILE_BYTES {
        return Ok(Vec::new());
    }
    serde_saphyr::from_str_with_options::<Keys>(yaml, options()).map(|keys| keys.0)
}

/// Limits that keep a hostile front matter from exhausting memory or time.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_nodes: 100_000,
            max_total_scalar_bytes: 4 * 1024 * 1024,
        },
    }
}

/// Rewrites serde-saphyr's messages in a contributor's terms, with a hint where useful.
fn explain_yaml_error(message: &str) -> (String, Option<&'static str>) {
    if message.contains("cannot deserialize null into string") {
        return (
            "this field is empty".to_owned(),
            Some("write a value after the colon, or remove the line"),
        );
    }
    if message.starts_with("duplicate mapping key") {
        let key = message
            .trim_start_matches("duplicate mapping key: ")
            .split(',')
            .next()
            .unwrap_or_default();
        return (
            format!("the field `{key}` appears twice"),
            Some("keep only one of the two lines"),
        );
    }
    if message.contains("expected sequence") {
        return (
            format!("{message}: this field takes a list"),
            Some("write a list, e.g. `[A, B]`, or one `- item` per line"),
        );
    }
    if message.contains("invalid u") || message.contains("invalid i") {
        return (
            format!("{message}: this field takes a whole number"),
            Some("write the number without quotes or units"),
        );
    }
    if message.starts_with("unknown field") {
        return (
            message.to_owned(),
            Some("use one of the fields listed, spelt as shown"),
        );
    }
    if message.contains("floating point") {
        return (
            format!("{message}: this field takes a number"),
            Some("write a plain number such as 4200 or 12.5, without quotes, units or thousands separators"),
        );
    }
    if message.contains("expected mapping") {
        return (
            format!("{message}: this field takes named sub-fields"),
            Some("indent the sub-fields under the field, e.g. `stakeholder:` then `  name: \"…\"` and `  type: …` on the next lines"),
        );
    }
    if message.contains("expected string") {
        return (
            format!("{message}: this field takes text"),
            Some("write the text after the colon, in quotes if it contains `:`, `#`, `[` or `{`"),
        );
    }
    (
        format!("invalid YAML: {message}"),
        Some("check the lines around it: one `field: value` per line, sub-fields indented by two spaces, lists as `[A, B]` or `- item` lines, and text with `:` or `#` in quotes"),
    )
}

/// The keys of a mapping, with their positions; values are skipped.
#[derive(Clone)]
struct Keys(Vec<Spanned<String>>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_map(KeysVisitor)
    }
}

/// A mapping deserialized into `T`, with its keys and their positions recorded on the way.
#[derive(Clone)]
struct WithKeys<T> {
    value: T,
    keys: Vec<Spanned<String>>,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for WithKeys<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WithKeysVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for WithKeysVisitor<T> {
            type Value = WithKeys<T>;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<WithKeys<T>, A::Error> {
                let mut keys = Vec::new();
                let recorder = KeyRecorder {
                    map,
                    keys: &mut keys,
                };
                let value = T::deserialize(MapAccessDeserializer::new(recorder))?;
                Ok(WithKeys { value, keys })
            }
        }
        deserializer.deserialize_map(WithKeysVisitor(std::marker::PhantomData))
    }
}

/// A mapping's entries passed on unchanged, each key read with its position first.
struct KeyRecorder<'k, A> {
    map: A,
    keys: &'k mut Vec<Spanned<String>>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for KeyRecorder<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(key) = self.map.next_key::<Spanned<String>>()? else {
            return Ok(None);
        };
        let value = seed.deserialize(key.value.as_str().into_deserializer())?;
        self.keys.push(key);
        Ok(Some(value))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let text = "---\ntitle: x\n---\nBody\n";
        let split = split(text).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(&text[split.yaml.clone()], "title: x\n");
        assert_eq!(&text[split.body.clone()], "Body\n");
        assert_eq!(split.yaml_line_offset, 1);
        assert_eq!(split.body_line_offset, 3);
    }

    #[test]
    fn file_without_front_matter_is_all_body() {
        let split = split("# Hello\n").unwrap_or_else(|error| panic!("{error}"));
        assert!(split.yaml.is_empty());
        assert_eq!(split.body, 0..8);
    }

    fn source(yaml: &str) -> YamlSource<'_> {
        YamlSource {
            file: "content/contributions/x.md",
            text: yaml,
            yaml,
            line_offset: 1,
        }
    }

    #[derive(Clone, Debug, PartialEq, Deserialize)]
    struct Fields {
        title: String,
        tags: Option<Vec<String>>,
    }

    #[test]
    fn one_parse_gives_the_value_and_the_keys_two_parses_give() {
        let yaml = "title: x\nextra: [1, {a: 2}]\ntags: [a, b]\n";
        let source = source(yaml);
        let (value, keys) = source
            .parse_with_keys::<Fields>()
            .unwrap_or_else(|problems| panic!("{problems:?}"));
        let parsed: Fields = source
            .parse()
            .unwrap_or_else(|problems| panic!("{problems:?}"));
        assert_eq!(value, parsed);
        let positions = |keys: &[Spanned<String>]| -> Vec<(String, Position)> {
            keys.iter()
                .map(|key| (key.value.clone(), source.position_of(key)))
                .collect()
        };
        assert_eq!(positions(&keys), positions(&source.top_level_keys()));
        assert_eq!(keys.len(), 3);
    }

    #[test]
    fn what_is_not_a_mapping_is_reported_as_by_the_usual_parse() {
        for yaml in ["- a\n- b\n", "just text\n", "title: [unclosed\n"] {
            let source = source(yaml);
            let with_keys = source.parse_with_keys::<Fields>().err();
            let usual = source.parse::<Fields>().err();
            assert!(usual.is_some(), "{yaml}");
            assert_eq!(with_keys, usual, "{yaml}");
        }
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(split("---\ntitle: x\nBody\n").is_err());
    }
}
