//! Sanitization: contributions are untrusted, so nothing a contributor writes may become
//! active content in the portal.
//!
//! The `hostile` fixture puts `<script>`, event handlers, `<iframe>`, `javascript:` links
//! in raw HTML, and Tera syntax (`{{ 7*7 }}`, `{% raw %}`) in the title, the stakeholder's
//! name, the indicators, the links and the body. The built pages must show all of it as
//! text: escaped markup, template syntax printed literally (never evaluated to `49`). A
//! chart block with a dataset of hostile labels must come out escaped in the SVG. A small
//! tag scanner then checks every page of the site for scripts, embedded frames,
//! event-handler attributes and script URLs.

use std::path::Path;

use super::support::{build, fixture_dir, read, read_tree, temp_dir};

/// Builds the hostile fixture and returns the temporary directory holding `site/`.
fn hostile_site() -> tempfile::TempDir {
    let temp = temp_dir();
    build(&fixture_dir("hostile"), &temp.path().join("site")).assert_code(0);
    temp
}

fn page(site: &Path, path: &str) -> String {
    read(&site.join("site").join("2025").join(path))
}

#[test]
fn title_and_stakeholder_name_are_escaped() {
    let site = hostile_site();
    let html = page(site.path(), "contributions/hostile/index.html");
    assert!(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% raw %}raw{% endraw %} | Hostile Forum</title>"), "{html}");
    assert!(
        html.contains(
            "<h1>&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% raw %}raw{% endraw %}</h1>"
        ),
        "{html}"
    );
    assert!(html.contains("<dt>Stakeholder</dt><dd>&lt;script&gt;alert(&#39;stakeholder&#39;)&lt;/script&gt; {{ 7*7 }} &amp; Co</dd>"), "{html}");
    assert!(
        html.contains(
            "<th scope=\"row\">&lt;b onmouseover=alert(1)&gt;Bold&lt;/b&gt; {{ 7*7 }}</th>"
        ),
        "indicator name: {html}"
    );
    assert!(
        html.contains("<td>&lt;i&gt;units&lt;/i&gt;</td>"),
        "indicator unit: {html}"
    );
    assert!(
        html.contains(r#"<a href="https://example.org/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" rel="nofollow">&quot;&gt;&lt;script&gt;alert(&#39;link&#39;)&lt;/script&gt;</a>"#),
        "links: {html}"
    );
    // The same values, escaped the same way, in the listings.
    for listing in [
        "index.html",
        "contributions/index.html",
        "objectives/a/contributions/index.html",
        "regions/global/index.html",
        "stakeholders/civil-society/index.html",
    ] {
        let html = page(site.path(), listing);
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}"),
            "{listing}: {html}"
        );
        assert!(
            html.contains(
                "&lt;script&gt;alert(&#39;stakeholder&#39;)&lt;/script&gt; {{ 7*7 }} &amp; Co"
            ),
            "{listing}: {html}"
        );
    }
}

#[test]
fn template_syntax_is_printed_not_evaluated() {
    let site = hostile_site();
    let html = page(site.path(), "contributions/hostile/index.html");
    assert!(html.contains("<p>Plain text with template syntax: {{ 7*7 }} and {% raw %}not raw{% endraw %} and {# comment #}.</p>"), "{html}");
    // Chart coordinates may hold any number; the text outside the charts may not hold 49.
    let text: String = html
        .split("<svg")
        .enumerate()
        .map(|(index, part)| {
            if index == 0 {
                part
            } else {
                part.split_once("</svg>").map_or("", |(_, after)| after)
            }
        })
        .collect();
    assert!(
        !text.contains("49"),
        "`{{{{ 7*7 }}}}` was evaluated:\n{text}"
    );
    assert!(
        html.matches("{{ 7*7 }}").count() >= 4,
        "title, stakeholder, body and indicator each show it: {html}"
    );
}

#[test]
fn raw_html_in_the_body_is_sanitized() {
    let site = hostile_site();
    let html = page(site.path(), "contributions/hostile/index.html");
    let start = html
        .find("<div class=\"prose\">")
        .expect("the page has a body");
    let body = &html[start
        ..html[start..]
            .find("</div>")
            .map_or(html.len(), |end| start + end)];
    // The chart drawn from the block at the end of the body is checked in its own test.
    let body = &body[..body.find("<figure").unwrap_or(body.len())];
    for forbidden in [
        "<script",
        "onerror",
        "onclick",
        "onmouseover",
        "onload",
        "<iframe",
        "javascript:",
        "JaVaScRiPt",
        "<svg",
        "<object",
        "<embed",
        "<form",
        "style=",
    ] {
        assert!(
            !body.contains(forbidden),
            "`{forbidden}` survived in the body:\n{body}"
        );
    }
    // What is safe is kept.
    assert!(
        body.contains("<p>Inline <b>bold</b> and <em>emphasis</em>.</p>"),
        "{body}"
    );
    assert!(
        body.contains(r#"<a rel="noopener noreferrer">raw javascript link</a>"#),
        "{body}"
    );
    assert!(
        body.contains("<code>&lt;script&gt;in code&lt;/script&gt;</code>"),
        "{body}"
    );
    assert!(
        body.contains("<pre><code>&lt;script&gt;in a fenced block&lt;/script&gt;\n</code></pre>"),
        "{body}"
    );
}

#[test]
fn chart_labels_from_the_dataset_and_the_block_are_escaped() {
    let site = hostile_site();
    let html = page(site.path(), "contributions/hostile/index.html");
    for expected in [
        "-title\">&lt;script&gt;alert(&#39;chart&#39;)&lt;/script&gt; {{ 7*7 }}</title>",
        "-desc\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</desc>",
        "<span class=\"chart-source\">Source: &lt;a href=&quot;javascript:alert(1)&quot;&gt;source&lt;/a&gt;</span>",
        "text-anchor=\"end\">&lt;script&gt;alert(&apos;category&apos;)&lt;/script&gt;</text>",
        "text-anchor=\"end\">&quot;&gt;&lt;svg onload=alert(1)&gt;</text>",
        "text-anchor=\"end\">{{ 7*7 }}</text>",
        "&lt;script&gt;alert(&apos;target&apos;)&lt;/script&gt;</text>",
        "<th scope=\"col\">&lt;script&gt;alert(&#39;series&#39;)&lt;/script&gt; (&lt;b&gt;u&lt;/b&gt;)</th>",
    ] {
        assert!(html.contains(expected), "missing `{expected}` in:\n{html}");
    }
}

#[test]
fn markdown_without_raw_html_is_escaped_too() {
    // This body has no raw HTML, so it never reaches the HTML sanitizer: only
    // pulldown-cmark's own escaping protects its attributes.
    let site = hostile_site();
    let html = page(site.path(), "contributions/hostile-markdown/index.html");
    assert!(
        html.contains(r#"title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;""#),
        "{html}"
    );
    assert!(
        html.contains(r#"title="&quot; onerror=&quot;alert(1)""#),
        "{html}"
    );
    assert!(html.contains(r#"<h2 id="c-heading-with-not-a-tag-quotes">Heading with &lt;not a tag &amp; "quotes"</h2>"#), "{html}");
    assert!(
        html.contains(
            "<h1>Quotes &quot; and &#39;apostrophes&#39; &amp; &lt;b&gt;tags&lt;/b&gt;</h1>"
        ),
        "{html}"
    );
}

#[test]
fn no_page_of_the_site_holds_active_content() {
    let site = hostile_site();
    let mut problems = Vec::new();
    for (path, bytes) in read_tree(&site.path().join("site")) {
        if path.ends_with(".html") {
            let html = String::from_utf8(bytes).expect("pages are UTF-8");
            problems.extend(
                active_content(&html)
                    .into_iter()
                    .map(|problem| format!("{path}: {problem}")),
            );
        }
    }
    assert!(
        problems.is_empty(),
        "active content in the built site:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_tag_scanner_finds_what_it_looks_for() {
    assert_eq!(
        active_content("<p class=\"x\">text &lt;script&gt; onclick=x</p>"),
        Vec::<String>::new()
    );
    assert_eq!(active_content("<SCRIPT>x</SCRIPT>").len(), 1);
    assert_eq!(
        active_content("<img src=x onerror=\"alert(1)\">"),
        ["<img> has the event handler `onerror`"]
    );
    assert_eq!(
        active_content("<a href=' JavaScript:alert(1)'>"),
        ["<a> links to ` JavaScript:alert(1)`"]
    );
    assert_eq!(
        active_content("<iframe src=\"https://x\"></iframe>"),
        ["<iframe> is not allowed"]
    );
}

/// Tags that run code or embed other documents; none may appear in a page.
/// Inline `<svg>` is allowed: the generator draws charts with it, and the scanner checks
/// its attributes like any other element's.
const FORBIDDEN_TAGS: &[&str] = &[
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "foreignobject",
    "form",
    "base",
];

/// Problems with the tags of `html`: forbidden elements, `on*` attributes, script URLs.
/// The scripts the theme itself puts on pages: JSON-LD metadata (data, never run) and the
/// search page's own script. Content can produce neither.
fn is_theme_script(attributes: &[(String, String)]) -> bool {
    attributes.iter().any(|(name, value)| {
        (name == "type" && value == "application/ld+json")
            || (name == "src" && value.ends_with("search.js"))
    })
}

fn active_content(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let (tag, after) = scan_tag(rest);
        rest = after;
        let (name, attributes) = tag;
        if name == "script" && is_theme_script(&attributes) {
            continue;
        }
        let is_search_form = attributes
            .iter()
            .any(|(a, v)| a == "id" && v == "search-form");
        if name == "form" && is_search_form {
            continue;
        }
        if FORBIDDEN_TAGS.contains(&name.as_str()) {
            problems.push(format!("<{name}> is not allowed"));
        }
        for (attribute, value) in attributes {
            if attribute.starts_with("on") {
                problems.push(format!("<{name}> has the event handler `{attribute}`"));
            }
            let scheme = value.trim_start().to_ascii_lowercase();
            if ["href", "src", "action", "formaction", "xlink:href"].contains(&attribute.as_str())
                && ["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|bad| scheme.starts_with(bad))
            {
                problems.push(format!("<{name}> links to `{value}`"));
            }
        }
    }
    problems
}

type Tag = (String, Vec<(String, String)>);

/// Reads a start tag's name and attributes from just after its `<`; returns the rest.
fn scan_tag(text: &str) -> (Tag, &str) {
    let mut chars = text.char_indices().peekable();
    let mut name = String::new();
    while let Some((_, c)) = chars.peek().copied() {
        if c.is_whitespace() || c == '>' || c == '/' {
            break;
        }
        name.push(c.to_ascii_lowercase());
        chars.next();
    }
    let mut attributes = Vec::new();
    loop {
        while chars
            .peek()
            .is_some_and(|(_, c)| c.is_whitespace() || *c == '/')
        {
            chars.next();
        }
        match chars.peek().copied() {
            None => return ((name, attributes), ""),
            Some((index, '>')) => return ((name, attributes), &text[index + 1..]),
            Some(_) => {}
        }
        let mut attribute = String::new();
        while let Some((_, c)) = chars.peek().copied() {
            if c.is_whitespace() || c == '=' || c == '>' || c == '/' {
                break;
            }
            attribute.push(c.to_ascii_lowercase());
            chars.next();
        }
        let mut value = String::new();
        if chars.peek().is_some_and(|(_, c)| *c == '=') {
            chars.next();
            match chars.peek().copied() {
                Some((_, quote @ ('"' | '\''))) => {
                    chars.next();
                    for (_, c) in chars.by_ref() {
                        if c == quote {
                            break;
                        }
                        value.push(c);
                    }
                }
                _ => {
                    while let Some((_, c)) = chars.peek().copied() {
                        if c.is_whitespace() || c == '>' {
                            break;
                        }
                        value.push(c);
                        chars.next();
                    }
                }
            }
        }
        attributes.push((attribute, value));
    }
}

#[test]
fn structured_data_cannot_close_its_script_element() {
    let site = hostile_site();
    let html = page(site.path(), "contributions/hostile/index.html");
    let json = html
        .split(r#"<script type="application/ld+json">"#)
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .unwrap_or_else(|| panic!("no JSON-LD in:\n{html}"));
    assert!(
        json.contains(r#""name":"\u003cscript\u003ealert(1)\u003c/script\u003e"#),
        "{json}"
    );
    assert!(!json.contains('<'), "{json}");
    let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    assert_eq!(
        value["name"]
            .as_str()
            .map(|name| name.starts_with("<script>")),
        Some(true)
    );
}
