//! Rendering diagnostics for people, GitHub and machines; where the underline goes.

use super::*;

#[test]
fn github_annotations_escape_properties_and_newlines() {
    let diagnostic = Diagnostic::error("content/a,b.md", "bad: 50%")
        .at(Position::new(3, 4), "x\ny\nzzzz\n")
        .with_hint("fix it");
    assert_eq!(
        render_github(&diagnostic),
        "::error file=content/a%2Cb.md,line=3,col=4,title=rapporteur::bad: 50%25%0Ahelp: fix it\n"
    );
}

/// The text `char_span` underlines.
fn underlined(line: &str, column: u64) -> &str {
    &line[char_span(line, column)]
}

#[test]
fn the_underline_covers_the_whole_value_in_question() {
    // (line, column, what is underlined)
    let cases = [
        ("region: Latin America", 9, "Latin America"),
        ("region: Latin America  # see list", 9, "Latin America"),
        ("  - name: Apps localised", 11, "Apps localised"),
        ("title: \"A title, quoted\" # x", 8, "\"A title, quoted\""),
        ("objectives: [A, Z, B]", 17, "Z"),
        ("objectives: [A, Z, B]", 13, "[A"),
        ("See [the data](../x/) here.", 5, "[the data](../x/)"),
        ("An ![image](a.png).", 4, "![image](a.png)"),
        ("A [link [nested]](x) here", 3, "[link"),
        (
            "A [click](javascript:alert(1)) link",
            3,
            "[click](javascript:alert(1))",
        ),
        ("An [unclosed link](x here", 4, "[unclosed"),
        ("Voir [l’étude](ü(é)) ici", 6, "[l’étude](ü(é))"),
        ("date: 2025-13-01", 7, "2025-13-01"),
        ("type: NGO", 7, "NGO"),
        ("short", 9, ""),
    ];
    for (line, column, expected) in cases {
        assert_eq!(underlined(line, column), expected, "{line} at {column}");
    }
    for line in ["[", "![", "[]", "[](", "[a](b(c)", "[a]x(b)", "[é](", "!"] {
        assert!(!underlined(line, 1).is_empty(), "{line}");
    }
}

#[test]
fn control_characters_are_escaped_in_every_format() {
    let diagnostic = Diagnostic::error("content/x\u{7}.md", "unknown region `a\u{1b}[31mb`")
        .at(Position::new(1, 9), "region: a\u{1b}[31mb\n")
        .with_hint("bell\u{7}");
    let github = render(std::slice::from_ref(&diagnostic), Format::Github);
    assert_eq!(github, "::error file=content/x<U+0007>.md,line=1,col=9,title=rapporteur::unknown region `a<U+001B>[31mb`%0Ahelp: bell<U+0007>\n");
    let json = render(std::slice::from_ref(&diagnostic), Format::Json);
    assert!(json.contains("a<U+001B>[31mb"), "{json}");
    let human = render(&[diagnostic], Format::Human);
    assert!(!human.chars().any(is_forbidden_character), "{human:?}");
    assert!(human.contains("region: a\u{241b}[31mb"), "{human}");
}

#[test]
fn a_latin1_byte_is_placed_at_its_line_and_column() {
    let diagnostic = Diagnostic::not_utf8("a.md", b"---\ntitle: R\xe9seau\n---\n")
        .unwrap_or_else(|| panic!("not UTF-8"));
    assert_eq!((diagnostic.line, diagnostic.column), (Some(2), Some(9)));
    assert_eq!(
        diagnostic.source_line.as_deref(),
        Some("title: R\u{fffd}seau")
    );
    assert!(diagnostic
        .hint
        .unwrap_or_default()
        .contains("`é` in Latin-1"));
    assert!(Diagnostic::not_utf8("a.md", "é".as_bytes()).is_none());
}

#[test]
fn markdown_groups_problems_by_file_in_plain_words() {
    let diagnostics = [
        Diagnostic::error("content/a.md", "unknown region `<b>`")
            .at(Position::new(2, 9), "x\nregion: <b>\n")
            .with_hint("region is one of: africa"),
        Diagnostic::warning("content/a.md", "SDG 4 is listed twice"),
        Diagnostic::error("site.yaml", "missing required field `title`"),
    ];
    assert_eq!(
        render(&diagnostics, Format::Markdown),
        "## rapporteur: 2 problems to fix, 1 warning\n\n### content/a.md\n\n- **Line 2, column 9** (to fix): unknown region `&lt;b&gt;`. How to fix it: region is one of: africa\n- **The whole file** (warning): SDG 4 is listed twice\n\n### site.yaml\n\n- **The whole file** (to fix): missing required field `title`\n"
    );
}

#[test]
fn suggestions_catch_typos_only() {
    assert_eq!(
        did_you_mean("civil-sociaty", ["academia", "civil-society"]),
        Some("civil-society")
    );
    assert_eq!(did_you_mean("zzz", ["academia", "civil-society"]), None);
    assert_eq!(did_you_mean("I", ["A", "B"]), None);
    assert_eq!(did_you_mean("a", ["A", "B"]), Some("A"));
    assert_eq!(did_you_mean("titel", ["title", "date"]), Some("title"));
}

#[test]
fn human_output_shows_line_and_hint() {
    let diagnostic = Diagnostic::error("content/x.md", "unknown objective `I`")
        .at(Position::new(2, 17), "---\nobjectives: [A, I]\n")
        .with_hint("objectives are A–H");
    let text = render_human(&diagnostic);
    assert!(text.contains("content/x.md:2:17"), "{text}");
    assert!(text.contains("objectives: [A, I]"), "{text}");
    assert!(text.contains("help: objectives are A–H"), "{text}");
}
