//! The words of a Markdown body, without its markup, for the search index.
//!
//! It reads the same CommonMark extensions as `markdown` so that a table or a
//! footnote is text here as on the page. Raw HTML is left out (its tags are not words and
//! the sanitised page may not show it), and so are ```` ```chart ```` blocks, which hold a
//! chart's YAML specification rather than prose. Link and image targets are not text; the
//! link text and the image's alternative text are.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// The plain text of `markdown`: blocks separated by newlines, inline breaks as spaces.
pub fn plain_text(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut text = String::with_capacity(markdown.len());
    let mut in_chart = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                in_chart = info.split_whitespace().next() == Some("chart");
            }
            Event::End(TagEnd::CodeBlock) => {
                in_chart = false;
                end_block(&mut text);
            }
            Event::Text(words) | Event::Code(words) if !in_chart => text.push_str(&words),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(end) if ends_a_block(end) => end_block(&mut text),
            _ => {}
        }
    }
    text.truncate(text.trim_end().len());
    text
}

fn ends_a_block(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::TableRow
            | TagEnd::TableHead
            | TagEnd::FootnoteDefinition
    )
}

/// Ends a block with one newline, so that words of neighbouring blocks never join.
fn end_block(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.truncate(text.trim_end_matches(' ').len());
        text.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_removed_and_blocks_are_lines() {
        let markdown = "# Title\n\nSome *emphasis* and **strong** text\nover two lines.\n\n\
                        - one\n- [link text](https://example.org)\n\n![alt words](x.png) `code`";
        assert_eq!(
            plain_text(markdown),
            "Title\nSome emphasis and strong text over two lines.\none\nlink text\nalt words code"
        );
    }

    #[test]
    fn tables_and_footnotes_are_text() {
        let markdown = "| a | b |\n|---|---|\n| c | d |\n\nSee[^1].\n\n[^1]: The note.";
        assert_eq!(plain_text(markdown), "a\nb\nc\nd\nSee.\nThe note.");
    }

    #[test]
    fn raw_html_and_chart_blocks_are_left_out() {
        let markdown = "Before <b>bold</b> after.\n\n<div>block</div>\n\n\
                        ```chart\ntype: bar\ndata: x\n```\n\n```\nlet x = 1;\n```\n";
        assert_eq!(plain_text(markdown), "Before bold after.\nlet x = 1;");
    }

    #[test]
    fn empty_markdown_is_empty_text() {
        assert_eq!(plain_text(""), "");
    }
}
