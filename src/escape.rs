//! The one escaper for text put into markup: HTML pages written outside Tera (charts, maps,
//! tables, serve's problems overlay), SVG, Atom feeds and the sitemap, and the HTML that a
//! Markdown job summary may contain.
//!
//! Titles, names and labels come from contributors' content, so every string that goes into
//! markup passes through here. `validate` refuses control characters in content already;
//! this is the last line: characters that XML 1.0 forbids (C0 controls other than tab, line
//! feed and carriage return, DEL, U+FFFE and U+FFFF) are dropped, because one of them makes a
//! whole feed or SVG unparseable. The five characters with a meaning in markup are escaped
//! everywhere, in text and in attribute values alike, so a caller cannot pick the wrong
//! variant. (Templates are escaped by Tera's own autoescape, and JSON-LD by
//! `render::structured`, which escapes for a `<script>` element instead.)

/// Appends `text` to `out` with `& < > " '` escaped and the characters XML forbids dropped.
pub fn markup_into(out: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(character),
            forbidden if is_forbidden_in_xml(forbidden) => {}
            other => out.push(other),
        }
    }
}

/// `text`, escaped for markup (see `markup_into`).
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    markup_into(&mut out, text);
    out
}

/// Whether XML 1.0 forbids `character` anywhere in a document (tab, line feed and carriage
/// return aside, which the caller keeps).
fn is_forbidden_in_xml(character: char) -> bool {
    character < ' ' || character == '\u{7f}' || character == '\u{fffe}' || character == '\u{ffff}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_markup_characters_are_escaped() {
        assert_eq!(
            markup("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(
            markup("a\u{1}b\u{b}c\u{1b}d\u{7f}e\u{fffe}f\u{ffff}g"),
            "abcdefg"
        );
    }

    #[test]
    fn tabs_and_line_breaks_are_kept() {
        assert_eq!(markup("a\tb\nc\r\nd"), "a\tb\nc\r\nd");
    }

    #[test]
    fn other_text_is_unchanged() {
        let text = "Connectivité numérique, هدف 2% — 数字 😀 \u{a0}";
        assert_eq!(markup(text), text);
    }

    #[test]
    fn appending_keeps_what_is_there() {
        let mut out = String::from("<p>");
        markup_into(&mut out, "A & B");
        assert_eq!(out, "<p>A &amp; B");
    }

    #[test]
    fn an_entity_is_escaped_again() {
        assert_eq!(markup("&amp;"), "&amp;amp;");
    }
}
