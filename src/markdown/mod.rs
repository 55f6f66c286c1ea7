//! Markdown → safe HTML, with every link checked.
//!
//! Contributions are untrusted, so their Markdown is converted with pulldown-cmark and
//! never seen by the template engine. The rules (each in its own module):
//! - `links`: an address with a scheme must be `http(s):` or `mailto:` (`javascript:`,
//!   `data:` … are neutralised and reported); images never come from other hosts; links
//!   to pages, documents (`other.md`), assets and anchors must resolve, with "did you mean";
//!   root-relative links (`/objectives/a/`) start at the edition's root and are rewritten
//!   relative to the page, so the site works under any base path and from a local folder;
//! - `raw_html`: raw HTML goes through ammonia, which keeps a safe subset of tags and
//!   attributes (only for documents that contain raw HTML, since pulldown-cmark's own
//!   output is already escaped), and everything it removes is reported as a warning;
//! - `ids`: headings get stable ids (slugs of their text, de-duplicated in linear time);
//!   every id from the contributor's text starts with `c-`, so none collides with the
//!   page's own;
//! - `convert`: fenced blocks that [`Blocks`] handles (charts) are replaced by their HTML
//!   at the event level.

use pulldown_cmark::{Options, Parser};

use crate::diagnostic::Diagnostic;
use crate::model::Markdown;

mod convert;
mod ids;
mod links;
mod locate;
mod model_pages;
mod outline;
mod raw_html;
mod targets;

pub use ids::CONTENT_PREFIX;
pub use links::{IMAGE_MAX_BYTES, IMAGE_TYPES};
pub use model_pages::ModelPages;
pub use targets::{Citation, LinkTargets, PageIndex, PortalTargets, SitePages, Unchecked};

/// A heading of a document, for tables of contents.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// The HTML of a document with its headings and the problems found in it.
#[derive(Clone, Debug, Default)]
pub struct RenderedMarkdown {
    pub html: String,
    pub headings: Vec<Heading>,
    pub diagnostics: Vec<Diagnostic>,
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// A problem inside a fenced block, placed relative to the block's first content line.
#[derive(Debug)]
pub struct BlockError {
    pub message: String,
    pub hint: String,
    /// 1-based line and column inside the block's content, when known.
    pub line: u64,
    pub column: u64,
}

/// Renders special fenced blocks (```` ```chart ````) into HTML.
pub trait Blocks: Sync {
    /// True when fenced blocks of `language` are rendered by [`Blocks::render`].
    fn handles(&self, language: &str) -> bool;
    /// The HTML of a block of a handled `language`.
    fn render(&self, language: &str, source: &str, root: &str) -> Result<String, BlockError>;
}

/// No special blocks: every fenced block is shown as code.
pub struct NoBlocks;

impl Blocks for NoBlocks {
    fn handles(&self, _: &str) -> bool {
        false
    }
    fn render(&self, _: &str, _: &str, _: &str) -> Result<String, BlockError> {
        Ok(String::new())
    }
}

/// Marks where a block's HTML goes when the document is sanitized: put in as text, which
/// the sanitizer leaves alone. The document's own text never holds it (see [`render`]).
const PLACEHOLDER: char = '\u{E000}';

/// The private-use characters the render stage marks places with (`visuals::ROOT` uses U+E001).
const PLACEHOLDERS: [char; 2] = [PLACEHOLDER, '\u{E001}'];

/// Where a document is shown and what it may link to.
pub struct Setting<'a> {
    /// The document's own page inside its portal (`contributions/x/`), which relative
    /// links start from.
    pub page: &'a str,
    /// The relative path from the page showing it to the portal's root (`../../`).
    pub root: &'a str,
    /// Draws special fenced blocks.
    pub blocks: &'a dyn Blocks,
    /// The pages, documents and assets links may point to.
    pub targets: &'a dyn LinkTargets,
    /// Put before every id, so that several documents can share one page (the printable
    /// report) without duplicate ids.
    pub id_prefix: &'a str,
}

/// Converts `markdown` to safe HTML, checking its links against nothing: for documents of
/// a site that is not valid yet. `root` is the relative path from the page to the portal root.
pub fn to_html(markdown: &Markdown, root: &str, blocks: &dyn Blocks) -> RenderedMarkdown {
    let setting = Setting {
        page: "",
        root,
        blocks,
        targets: &Unchecked,
        id_prefix: "",
    };
    render(markdown, &setting)
}

/// Converts `markdown` to safe HTML as shown in `setting`, with every problem found.
pub fn render(markdown: &Markdown, setting: &Setting) -> RenderedMarkdown {
    // The placeholders (this module's, and the page root's of `visuals::ROOT`) are replaced
    // in the text before parsing (U+FFFD has the same length in UTF-8, so every offset stays
    // true): a contributor cannot write one anywhere, in inline code, a link title or raw
    // HTML, and so cannot forge a block or a root.
    let text = if markdown.text.contains(PLACEHOLDERS) {
        std::borrow::Cow::Owned(markdown.text.replace(PLACEHOLDERS, "\u{FFFD}"))
    } else {
        std::borrow::Cow::Borrowed(markdown.text.as_str())
    };
    let mut converter = convert::Converter::new(markdown, setting);
    let parser = Parser::new_with_broken_link_callback(&text, options(), Some(citation));
    for (event, range) in parser.into_offset_iter() {
        converter.event(event, range.start);
    }
    converter.finish(text.len())
}

/// Marks a citation's address; it starts with the placeholder, so no text can forge it.
const CITATION: &str = "\u{E000}cite:";

/// What can be cited, as a writer names it: `[action A.3]`, `[forum igf]` …
pub const CITABLE: [&str; 5] = [
    "action",
    "objective",
    "forum",
    "contribution",
    "policy-note",
];

/// A citation, `[action A.3]`: a reference link with no definition, which GitHub shows as
/// written. It becomes a link to a [`CITATION`] address, resolved by the converter.
fn citation<'a>(
    link: pulldown_cmark::BrokenLink<'_>,
) -> Option<(pulldown_cmark::CowStr<'a>, pulldown_cmark::CowStr<'a>)> {
    let (kind, id) = link.reference.trim().split_once(' ')?;
    let id = id.trim();
    (CITABLE.contains(&kind) && !id.is_empty() && !id.contains(char::is_whitespace))
        .then(|| (format!("{CITATION}{kind} {id}").into(), "".into()))
}

fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((index, _)) => format!("{}…", &text[..index]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> RenderedMarkdown {
        let markdown = Markdown {
            file: "content/contributions/x.md".to_owned(),
            text: std::sync::Arc::new(text.to_owned()),
            line_offset: 10,
        };
        to_html(&markdown, "../../", &NoBlocks)
    }

    #[test]
    fn headings_form_one_outline_under_the_page_title() {
        let rendered = render("### Process\n\n##### Detail\n\n# Results\n\n### More\n");
        let levels: Vec<u8> = rendered.headings.iter().map(|h| h.level).collect();
        assert_eq!(levels, [2, 3, 2, 3]);
        for expected in [
            "<h2 id=\"c-process\">Process</h2>",
            "<h3 id=\"c-detail\">Detail</h3>",
            "<h2 id=\"c-results\">Results</h2>",
        ] {
            assert!(rendered.html.contains(expected), "{}", rendered.html);
        }
    }

    #[test]
    fn javascript_links_are_disabled_and_reported() {
        let rendered =
            render("Hello\n\n[click](javascript:alert(1)) and [ok](https://example.org)\n");
        assert!(!rendered.html.contains("javascript"), "{}", rendered.html);
        assert!(rendered.html.contains("href=\"https://example.org\""));
        assert_eq!(rendered.diagnostics.len(), 1);
        assert_eq!(rendered.diagnostics[0].line, Some(13));
        assert_eq!(rendered.diagnostics[0].column, Some(1));
    }

    #[test]
    fn raw_html_is_sanitized() {
        let rendered = render("<script>alert(1)</script>\n\n<b onclick=\"x()\">bold</b> <img src=x onerror=alert(1)>\n");
        assert!(!rendered.html.contains("<script"), "{}", rendered.html);
        assert!(!rendered.html.contains("onclick"), "{}", rendered.html);
        assert!(!rendered.html.contains("onerror"), "{}", rendered.html);
        assert!(rendered.html.contains("<b>bold</b>"), "{}", rendered.html);
    }

    #[test]
    fn root_relative_links_become_relative_to_the_page() {
        let rendered = render("[report](/report/2025/)\n");
        assert!(
            rendered.html.contains("href=\"../../report/2025/\""),
            "{}",
            rendered.html
        );
    }

    #[test]
    fn headings_get_unique_ids() {
        let rendered = render("## Results\n\n## Results\n");
        let ids: Vec<&str> = rendered
            .headings
            .iter()
            .map(|heading| heading.id.as_str())
            .collect();
        assert_eq!(ids, ["c-results", "c-results-2"]);
        assert!(rendered.html.contains("<h2 id=\"c-results-2\">"));
    }

    /// Draws every ```` ```chart ```` block as a fixed figure.
    struct FixedCharts;

    impl Blocks for FixedCharts {
        fn handles(&self, language: &str) -> bool {
            language == "chart"
        }
        fn render(&self, _: &str, _: &str, _: &str) -> Result<String, BlockError> {
            // As large as a real chart, so that a scan of the page per block would show.
            Ok(format!(
                "<figure>CHART</figure><!--{}-->",
                "-".repeat(4_000)
            ))
        }
    }

    fn render_with_charts(text: &str) -> RenderedMarkdown {
        let markdown = Markdown {
            file: "content/contributions/x.md".to_owned(),
            text: std::sync::Arc::new(text.to_owned()),
            line_offset: 10,
        };
        to_html(&markdown, "../../", &FixedCharts)
    }

    #[test]
    fn a_written_placeholder_cannot_forge_a_chart() {
        for raw in ["", "<b>raw</b>\n\n"] {
            let text = format!(
                "`\u{E000}0\u{E000}` and [a](https://example.org \"\u{E000}0\u{E000}\")\n\n{raw}```chart\nx: 1\n```\n"
            );
            let html = render_with_charts(&text).html;
            assert_eq!(html.matches("<figure>CHART</figure>").count(), 1, "{html}");
            assert!(!html.contains("<code><figure>"), "{html}");
            assert!(!html.contains("title=\"<figure>"), "{html}");
            assert!(!html.contains('\u{E000}'), "{html}");
        }
    }

    #[test]
    fn a_written_page_root_placeholder_is_only_text() {
        let html = render_with_charts("A \u{E001}ROOT\u{E001} and `\u{E001}ROOT\u{E001}`.\n").html;
        assert!(!html.contains('\u{E001}'), "{html}");
        assert_eq!(html.matches('\u{FFFD}').count(), 4, "{html}");
    }

    #[test]
    fn three_thousand_chart_blocks_render_in_linear_time() {
        let started = std::time::Instant::now();
        let text = format!("<b>raw</b>\n\n{}", "```chart\nx: 1\n```\n\n".repeat(3_000));
        let html = render_with_charts(&text).html;
        assert_eq!(html.matches("<figure>CHART</figure>").count(), 3_000);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "took {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn twenty_thousand_identical_headings_render_in_linear_time() {
        let started = std::time::Instant::now();
        let rendered = render(&"## Same\n\n".repeat(20_000));
        assert_eq!(rendered.headings.len(), 20_000);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "took {:?}",
            started.elapsed()
        );
    }
}
