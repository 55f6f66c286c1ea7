//! Escaping for text and attribute values in SVG and HTML.
//!
//! Titles, names and labels come from contributors' content, so every string that goes
//! into markup passes through here. Characters that XML 1.0 forbids (most C0 controls)
//! are dropped, because one of them would make the whole SVG unparseable.

/// Appends `text` to `out` with `& < > " '` escaped and forbidden characters dropped.
pub fn escape_into(out: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(character),
            c if c < ' ' || c == '\u{7f}' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// `text`, escaped for markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// An id safe in `id="…"`, `url(#…)` and CSS selectors: `[A-Za-z0-9_-]`, starting with a
/// letter (`chart` when `raw` has no usable character).
pub fn ident(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '_' | '-' => c,
            _ => '-',
        })
        .collect();
    let cleaned = cleaned.trim_matches('-');
    match cleaned.chars().next() {
        None => "chart".to_owned(),
        Some(first) if first.is_ascii_alphabetic() => cleaned.to_owned(),
        Some(_) => format!("chart-{cleaned}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_controls() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>\u{1}"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn idents_are_safe() {
        assert_eq!(ident("fig-1"), "fig-1");
        assert_eq!(ident("1 \"x\""), "chart-1--x");
        assert_eq!(ident("<>"), "chart");
    }
}
