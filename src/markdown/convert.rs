//! One conversion: pulldown-cmark's events, rewritten as they pass, then written as HTML.
//!
//! The converter changes events, never the HTML text: links and images get their checked
//! addresses, headings and footnotes their prefixed ids, special blocks their HTML. Only
//! a document with raw HTML goes through the sanitizer, and then its blocks wait behind an
//! unforgeable placeholder that is replaced in one pass.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::ids::{HeadingIds, CONTENT_PREFIX};
use super::links::{self, Outcome, Place};
use super::locate::Locator;
use super::raw_html;
use super::{BlockError, Heading, RenderedMarkdown, Setting, CITATION, PLACEHOLDER};
use crate::diagnostic::{did_you_mean, Diagnostic};

/// The state of one conversion.
pub struct Converter<'a> {
    setting: &'a Setting<'a>,
    place: Place<'a>,
    locator: Locator<'a>,
    rendered: RenderedMarkdown,
    events: Vec<Event<'a>>,
    has_raw_html: bool,
    /// The heading being read: its start event, level and text so far.
    heading: Option<(usize, HeadingLevel, String)>,
    heading_ids: HeadingIds,
    /// Ids given in raw HTML (before the sanitizer prefixes them).
    raw_ids: Vec<String>,
    /// Links to anchors of the document: the link's event, its offset and the anchor.
    anchors: Vec<(usize, usize, String)>,
    /// The HTML block being read: its offset and text so far.
    html_block: Option<(usize, String)>,
    /// The special block being read: its language, byte offset and content so far.
    block: Option<(String, usize, String)>,
    /// Each special block: the index of its event and its HTML.
    block_html: Vec<(usize, String)>,
    /// Inside a resolved citation: the link's text, written in place of the citation's.
    citing: Option<String>,
    /// Inside a citation that is not a link: its end is dropped (its text stays).
    uncited: bool,
}

impl<'a> Converter<'a> {
    pub fn new(markdown: &'a crate::model::Markdown, setting: &'a Setting<'a>) -> Self {
        Converter {
            setting,
            place: Place {
                file: &markdown.file,
                page: setting.page,
                root: setting.root,
            },
            locator: Locator::new(markdown),
            rendered: RenderedMarkdown::default(),
            events: Vec::new(),
            has_raw_html: false,
            heading: None,
            heading_ids: HeadingIds::default(),
            raw_ids: Vec::new(),
            anchors: Vec::new(),
            html_block: None,
            block: None,
            block_html: Vec::new(),
            citing: None,
            uncited: false,
        }
    }

    pub fn event(&mut self, event: Event<'a>, offset: usize) {
        if self.block.is_some() {
            return self.block_event(event);
        }
        if self.citing.is_some() || self.uncited {
            return self.citation_event(event);
        }
        let event = match event {
            Event::Start(Tag::Link { ref dest_url, .. }) if dest_url.starts_with(CITATION) => {
                match self.cite(&dest_url[CITATION.len()..], offset) {
                    Some(link) => link,
                    None => return,
                }
            }
            // `<someone@example.org>`: written as `mailto:` by pulldown-cmark.
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            }) => event,
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.checked(&dest_url, false, offset);
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
                let dest_url = self.checked(&dest_url, true, offset);
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref language)))
                if self.setting.blocks.handles(language) =>
            {
                self.block = Some((language.to_string(), offset, String::new()));
                return;
            }
            Event::FootnoteReference(label) => Event::FootnoteReference(self.footnote_id(&label)),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                Event::Start(Tag::FootnoteDefinition(self.footnote_id(&label)))
            }
            Event::Start(Tag::HtmlBlock) => {
                self.html_block = Some((offset, String::new()));
                event
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((start, html)) = self.html_block.take() {
                    self.raw_html(&html, start);
                }
                event
            }
            Event::Html(ref html) => {
                match self.html_block.as_mut() {
                    Some((_, block)) => block.push_str(html),
                    None => self.raw_html(html, offset),
                }
                event
            }
            Event::InlineHtml(ref html) => {
                self.raw_html(html, offset);
                event
            }
            Event::Start(Tag::Heading { level, .. }) => {
                self.heading = Some((self.events.len(), level, String::new()));
                event
            }
            Event::Text(ref content) | Event::Code(ref content) => {
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

    /// The address a link or image gets; its problem reported, an anchor kept for later.
    fn checked(&mut self, url: &str, is_image: bool, offset: usize) -> CowStr<'a> {
        match links::resolve(url, is_image, &self.place, self.setting.targets) {
            Outcome::Address(address) => CowStr::from(address),
            Outcome::Anchor(anchor) => {
                self.anchors.push((self.events.len(), offset, anchor));
                CowStr::from(url.to_owned())
            }
            Outcome::Problem {
                replacement,
                message,
                hint,
            } => {
                let problem = Diagnostic::error(self.locator.file(), message).with_hint(hint);
                self.rendered
                    .diagnostics
                    .push(self.locator.place(problem, offset));
                CowStr::from(replacement)
            }
        }
    }

    /// The link a citation (`action A.3`) becomes, or None (the citation stays text) when
    /// nothing is known or the id is unknown (reported).
    fn cite(&mut self, reference: &str, offset: usize) -> Option<Event<'a>> {
        let (kind, id) = reference.split_once(' ')?;
        let targets = self.setting.targets;
        if !targets.checks() {
            self.uncited = true;
            return None;
        }
        let Some(citation) = targets.citation(kind, id) else {
            self.uncited = true;
            self.unknown_citation(kind, id, offset);
            return None;
        };
        self.citing = Some(citation.text);
        Some(Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: CowStr::from(format!("{}{}", self.setting.root, citation.path)),
            title: CowStr::from(citation.title.unwrap_or_default()),
            id: CowStr::from(""),
        }))
    }

    /// Inside a citation: its own text is replaced by the cited title, or kept if unresolved.
    fn citation_event(&mut self, event: Event<'a>) {
        match event {
            Event::End(TagEnd::Link) if self.uncited => self.uncited = false,
            Event::End(TagEnd::Link) => {
                let text = self.citing.take().unwrap_or_default();
                self.heading_text(&text);
                self.events.push(Event::Text(CowStr::from(text)));
                self.events.push(event);
            }
            Event::Text(ref content) if self.uncited => {
                self.heading_text(content);
                self.events.push(event);
            }
            _ if self.uncited => self.events.push(event),
            _ => {}
        }
    }

    fn unknown_citation(&mut self, kind: &str, id: &str, offset: usize) {
        let ids = self.setting.targets.citation_ids(kind);
        let source = match kind {
            "action" | "objective" => "content/data/objectives.yaml",
            "forum" => "content/data/forums.yaml",
            "contribution" => "content/contributions/ (the file name without .md)",
            _ => "content/policy-notes/ (the file name without .md)",
        };
        let hint = match did_you_mean(id, ids.iter().copied()) {
            Some(found) => format!("did you mean `[{kind} {found}]`?"),
            None => format!("cite a {kind} by its id, as in {source}"),
        };
        let diagnostic = Diagnostic::error(
            self.locator.file(),
            format!("no {kind} `{}` to cite", super::truncate(id, 60)),
        )
        .with_hint(hint);
        self.rendered
            .diagnostics
            .push(self.locator.place(diagnostic, offset));
    }

    /// A footnote's label as an id of the contributor's text (`c-fn-1`).
    fn footnote_id(&self, label: &str) -> CowStr<'a> {
        CowStr::from(format!(
            "{CONTENT_PREFIX}{}fn-{label}",
            self.setting.id_prefix
        ))
    }

    /// Reads a raw-HTML fragment found at `offset`: what the sanitizer will remove is reported.
    fn raw_html(&mut self, fragment: &str, offset: usize) {
        self.has_raw_html = true;
        let inspection = raw_html::inspect(fragment);
        for finding in inspection.findings {
            let diagnostic = if finding.is_error {
                Diagnostic::error(self.locator.file(), finding.message)
            } else {
                Diagnostic::warning(self.locator.file(), finding.message)
            };
            let diagnostic = self
                .locator
                .place(diagnostic.with_hint(finding.hint), offset + finding.offset);
            self.rendered.diagnostics.push(diagnostic);
        }
        self.raw_ids.extend(inspection.ids);
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
            "{CONTENT_PREFIX}{}{}",
            self.setting.id_prefix,
            self.heading_ids.unique(&heading_text)
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
    fn block_event(&mut self, event: Event<'a>) {
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
                let html = match self
                    .setting
                    .blocks
                    .render(&language, &source, self.setting.root)
                {
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
                self.block_html.push((self.events.len() - 1, html));
            }
            _ => {}
        }
    }

    fn block_problem(&mut self, offset: usize, problem: BlockError) {
        let diagnostic =
            Diagnostic::error(self.locator.file(), problem.message).with_hint(problem.hint);
        let diagnostic = if problem.line > 0 {
            self.locator
                .place_below(diagnostic, offset, problem.line, problem.column.max(1))
        } else {
            self.locator.place(diagnostic, offset)
        };
        self.rendered.diagnostics.push(diagnostic);
    }

    /// Links to anchors of the document get the anchor's prefixed id, or are reported.
    fn resolve_anchors(&mut self) {
        let prefix = format!("{CONTENT_PREFIX}{}", self.setting.id_prefix);
        for (index, offset, anchor) in std::mem::take(&mut self.anchors) {
            let id = if self.heading_ids.contains(&anchor) || anchor.starts_with("fn-") {
                format!("#{prefix}{anchor}")
            } else if self.raw_ids.contains(&anchor) {
                format!("#{CONTENT_PREFIX}{anchor}")
            } else if anchor.is_empty()
                || anchor.starts_with(CONTENT_PREFIX)
                || !self.setting.targets.checks()
            {
                continue;
            } else {
                self.unknown_anchor(&anchor, offset);
                continue;
            };
            if let Some(Event::Start(Tag::Link { dest_url, .. })) = self.events.get_mut(index) {
                *dest_url = CowStr::from(id);
            }
        }
    }

    fn unknown_anchor(&mut self, anchor: &str, offset: usize) {
        let ids = self.heading_ids.sorted();
        let hint = match did_you_mean(anchor, ids.iter().copied()) {
            Some(found) => format!("did you mean `#{found}`?"),
            None => "an anchor names a heading of this document by its text: `## Our results` is `#our-results`".to_owned(),
        };
        let diagnostic = Diagnostic::error(
            self.locator.file(),
            format!(
                "no heading `#{}` in this document",
                super::truncate(anchor, 60)
            ),
        )
        .with_hint(hint);
        self.rendered
            .diagnostics
            .push(self.locator.place(diagnostic, offset));
    }

    /// The document's HTML. Without raw HTML, each block's placeholder event becomes the
    /// block's HTML; with raw HTML, the sanitizer runs first and the placeholders are then
    /// replaced in one pass.
    pub fn finish(mut self, length: usize) -> RenderedMarkdown {
        self.resolve_anchors();
        super::outline::outline(&mut self.events, &mut self.rendered.headings);
        let mut html = String::with_capacity(length * 5 / 4);
        if self.has_raw_html {
            pulldown_cmark::html::push_html(&mut html, self.events.into_iter());
            let clean = raw_html::sanitizer().clean(&html).to_string();
            html = with_blocks(&clean, &self.block_html);
        } else {
            for (index, block) in std::mem::take(&mut self.block_html) {
                if let Some(event) = self.events.get_mut(index) {
                    *event = Event::Html(CowStr::from(block));
                }
            }
            pulldown_cmark::html::push_html(&mut html, self.events.into_iter());
        }
        self.rendered.html = html;
        self.rendered
    }
}

/// `html` with each placeholder `\u{E000}<n>\u{E000}` replaced by block `n`'s HTML, in one pass.
fn with_blocks(html: &str, blocks: &[(usize, String)]) -> String {
    let mut result = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(PLACEHOLDER) {
        result.push_str(&rest[..start]);
        let after = &rest[start + PLACEHOLDER.len_utf8()..];
        let block = after.find(PLACEHOLDER).and_then(|end| {
            let index: usize = after[..end].parse().ok()?;
            Some((end, &blocks.get(index)?.1))
        });
        match block {
            Some((end, block_html)) => {
                result.push_str(block_html);
                rest = &after[end + PLACEHOLDER.len_utf8()..];
            }
            None => rest = after,
        }
    }
    result.push_str(rest);
    result
}
