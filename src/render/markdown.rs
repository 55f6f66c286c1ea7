//! Markdown → safe HTML.
//!
//! Contributions are untrusted, so their Markdown is converted with pulldown-cmark and
//! never seen by the template engine. Three rules make the HTML safe:
//! - a link or image whose address is not `http(s):`, `mailto:`, relative or a fragment
//!   (`javascript:`, `data:`, `vbscript:` …) is neutralised to `#` and reported;
//! - raw HTML is allowed only through ammonia, which keeps a safe subset of tags and
//!   attributes (the sanitizer runs only on documents that contain raw HTML, since
//!   pulldown-cmark's own output is already escaped);
//! - root-relative links (`/report/2025/`) are rewritten relative to the page, so the
//!   site works under any base path and from a local folder.
//!
//! Headings get stable `id`s (slugs of their text, de-duplicated) for in-page links.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostic::{Diagnostic, Position};
use crate::model::Markdown;

/// A heading of a document, for tables of contents.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// The HTML of a document with its headings and the problems found in it.
#[derive(Debug, Default)]
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

/// Marks where a block's HTML goes; put in as text so the sanitizer leaves it alone.
const PLACEHOLDER: char = '\u{E000}';

/// Converts `markdown` to safe HTML; `root` is the relative path from the page to the site root.
pub fn to_html(markdown: &Markdown, root: &str, blocks: &dyn Blocks) -> RenderedMarkdown {
    to_html_with_ids(markdown, root, blocks, "")
}

/// Like [`to_html`], with every heading id starting with `id_prefix`, so that several
/// documents can share one page (the printable report) without duplicate ids.
pub fn to_html_with_ids(
    markdown: &Markdown,
    root: &str,
    blocks: &dyn Blocks,
    id_prefix: &str,
) -> RenderedMarkdown {
    let mut converter = Converter {
        markdown,
        root,
        id_prefix,
        blocks,
        rendered: RenderedMarkdown::default(),
        events: Vec::new(),
        has_raw_html: false,
        heading: None,
        used_ids: BTreeSet::new(),
        block: None,
        block_html: Vec::new(),
    };
    for (event, range) in Parser::new_ext(&markdown.text, options()).into_offset_iter() {
        converter.event(event, range.start);
    }
    converter.finish()
}

/// The state of one conversion.
struct Converter<'a, 'm> {
    markdown: &'m Markdown,
    root: &'a str,
    id_prefix: &'a str,
    blocks: &'a dyn Blocks,
    rendered: RenderedMarkdown,
    events: Vec<Event<'m>>,
    has_raw_html: bool,
    /// The heading being read: its start event, level and text so far.
    heading: Option<(usize, HeadingLevel, String)>,
    used_ids: BTreeSet<String>,
    /// The special block being read: its language, byte offset and content so far.
    block: Option<(String, usize, String)>,
    /// The HTML of the special blocks, in order.
    block_html: Vec<String>,
}

impl<'a, 'm> Converter<'a, 'm> {
    fn event(&mut self, event: Event<'m>, offset: usize) {
        if self.block.is_some() {
            return self.block_event(event);
        }
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.checked(dest_url, offset);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.checked(dest_url, offset);
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref language)))
                if self.blocks.handles(language) =>
            {
                self.block = Some((language.to_string(), offset, String::new()));
                return;
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                self.has_raw_html = true;
                event
            }
            Event::Start(Tag::Heading { level, .. }) => {
                self.heading = Some((self.events.len(), level, String::new()));
                event
            }
            Event::Text(content) => {
                let content = without_placeholder(content);
                self.heading_text(&content);
                Event::Text(content)
            }
            Event::Code(ref content) => {
                self.heading_text(content);
                event
            }
            Event::End(TagEnd::Heading(_)) => {
                self.end_heading();
                event
            }
            other => other,
        };
        self.events.push(event);
    }

    /// A link's or image's address made safe, its problem reported.
    fn checked(&mut self, url: CowStr<'m>, offset: usize) -> CowStr<'m> {
        checked_url(
            url,
            self.root,
            self.markdown,
            offset,
            &mut self.rendered.diagnostics,
        )
    }

    fn heading_text(&mut self, content: &str) {
        if let Some((_, _, heading_text)) = self.heading.as_mut() {
            heading_text.push_str(content);
        }
    }

    fn end_heading(&mut self) {
        let Some((start, level, heading_text)) = self.heading.take() else {
            return;
        };
        let id = format!(
            "{}{}",
            self.id_prefix,
            unique_id(&heading_text, &mut self.used_ids)
        );
        if let Some(Event::Start(Tag::Heading { id: slot, .. })) = self.events.get_mut(start) {
            *slot = Some(CowStr::from(id.clone()));
        }
        self.rendered.headings.push(Heading {
            level: level as u8,
            id,
            text: heading_text,
        });
    }

    /// Collects a special block's content; at its end, renders it or reports its problem.
    fn block_event(&mut self, event: Event<'m>) {
        match event {
            Event::Text(content) => {
                if let Some((_, _, source)) = self.block.as_mut() {
                    source.push_str(&content);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                let Some((language, offset, source)) = self.block.take() else {
                    return;
                };
                let html = match self.blocks.render(&language, &source, self.root) {
                    Ok(html) => html,
                    Err(problem) => {
                        self.block_problem(offset, problem);
                        String::new()
                    }
                };
                self.events.push(Event::Text(CowStr::from(format!(
                    "{PLACEHOLDER}{}{PLACEHOLDER}",
                    self.block_html.len()
                ))));
                self.block_html.push(html);
            }
            _ => {}
        }
    }

    fn block_problem(&mut self, offset: usize, problem: BlockError) {
        let fence = position_of(&self.markdown.text, offset, self.markdown.line_offset);
        let line = if problem.line > 0 {
            fence.line + problem.line
        } else {
            fence.line
        };
        let column = if problem.line > 0 {
            problem.column.max(1)
        } else {
            1
        };
        let file_text = format!(
            "{}{}",
            "\n".repeat(usize::try_from(self.markdown.line_offset).unwrap_or(0)),
            self.markdown.text
        );
        self.rendered.diagnostics.push(
            Diagnostic::error(self.markdown.file.as_str(), problem.message)
                .at(Position::new(line, column), &file_text)
                .with_hint(problem.hint),
        );
    }

    fn finish(mut self) -> RenderedMarkdown {
        let mut html = String::with_capacity(self.markdown.text.len() * 5 / 4);
        pulldown_cmark::html::push_html(&mut html, self.events.into_iter());
        if self.has_raw_html {
            html = sanitizer().clean(&html).to_string();
        }
        for (index, block) in self.block_html.iter().enumerate() {
            html = html.replacen(&format!("{PLACEHOLDER}{index}{PLACEHOLDER}"), block, 1);
        }
        self.rendered.html = html;
        self.rendered
    }
}

/// Text with the block placeholder character replaced, so content cannot forge a block.
fn without_placeholder(content: CowStr<'_>) -> CowStr<'_> {
    if content.contains(PLACEHOLDER) {
        CowStr::from(content.replace(PLACEHOLDER, "\u{FFFD}"))
    } else {
        content
    }
}

/// The sanitizer for documents with raw HTML: ammonia's safe defaults, plus the
/// attributes that pulldown-cmark's own output uses.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .add_generic_attributes(["id"])
            .add_tag_attributes("ol", ["start"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tags(["input"])
            .add_tag_attributes("div", ["class"])
            .add_tag_attributes("sup", ["class"])
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer"));
        builder
    })
}

/// A safe version of a link's address, reporting unsafe ones.
fn checked_url<'a>(
    url: CowStr<'a>,
    root: &str,
    markdown: &Markdown,
    offset: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> CowStr<'a> {
    if let Some(rest) = url.strip_prefix('/') {
        if !rest.starts_with('/') {
            return CowStr::from(format!("{root}{rest}"));
        }
    }
    if is_allowed_url(&url) {
        return url;
    }
    let position = position_of(&markdown.text, offset, markdown.line_offset);
    let file_text = format!(
        "{}{}",
        "\n".repeat(usize::try_from(markdown.line_offset).unwrap_or(0)),
        markdown.text
    );
    diagnostics.push(
        Diagnostic::error(markdown.file.as_str(), format!("unsafe link address `{}`", truncate(&url, 60)))
            .at(position, &file_text)
            .with_hint("links may only use https://, http://, mailto: or a relative address; the link was disabled"),
    );
    CowStr::from("#")
}

fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((index, _)) => format!("{}…", &text[..index]),
        None => text.to_owned(),
    }
}

/// True for addresses a reader can follow safely: web, mail, relative and fragments.
pub fn is_allowed_url(url: &str) -> bool {
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end {
        Some(index) if url[index..].starts_with(':') => {
            let scheme = url[..index].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// The file position of byte `offset` of the Markdown text.
fn position_of(text: &str, offset: usize, line_offset: u64) -> Position {
    let before = &text[..offset.min(text.len())];
    let line = before.bytes().filter(|byte| *byte == b'\n').count() as u64 + 1;
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    let column = before[line_start..].chars().count() as u64 + 1;
    Position::new(line + line_offset, column)
}

/// A heading id from its text, unique within the document.
fn unique_id(text: &str, used: &mut BTreeSet<String>) -> String {
    let base = match slug::slugify(text) {
        empty if empty.is_empty() => "section".to_owned(),
        slug => slug,
    };
    let mut id = base.clone();
    let mut counter = 1;
    while !used.insert(id.clone()) {
        counter += 1;
        id = format!("{base}-{counter}");
    }
    id
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
        assert_eq!(ids, ["results", "results-2"]);
        assert!(rendered.html.contains("<h2 id=\"results-2\">"));
    }
}
