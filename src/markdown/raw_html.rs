//! Raw HTML in Markdown: the sanitizer, and a word for everything it removes.
//!
//! ammonia keeps a safe subset of tags and attributes and drops the rest without a word,
//! so a contributor whose `<iframe>` or `<a href="javascript:…">` vanished would never learn
//! why. Each raw-HTML fragment is therefore read with html5ever's tokenizer (the same HTML
//! rules ammonia parses with) and compared with the sanitizer's own allow-lists: whatever it
//! will remove becomes a warning with the line, the reason and what to write instead.
//! Images from other hosts are errors: they would make every reader's browser call a third
//! party (the portal makes no third-party requests).
//!
//! Ids written in raw HTML are prefixed with [`CONTENT_PREFIX`] by the sanitizer, as the
//! heading ids are, so they cannot collide with the page's own ids.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::ids::CONTENT_PREFIX;

/// The sanitizer for documents with raw HTML: ammonia's safe defaults, plus the
/// attributes that pulldown-cmark's own output uses.
pub fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .add_generic_attributes(["id"])
            .add_tag_attributes("ol", ["start"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tags(["input"])
            // Images are written in Markdown, whose addresses are checked and rewritten.
            .rm_tags(["img"])
            .add_tag_attributes("div", ["class"])
            .add_tag_attributes("sup", ["class"])
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .id_prefix(Some(CONTENT_PREFIX))
            .link_rel(Some("noopener noreferrer"));
        builder
    })
}

/// What the sanitizer keeps, read once from it.
struct Policy {
    tags: HashSet<&'static str>,
    removed_with_content: HashSet<&'static str>,
    tag_attributes: HashMap<&'static str, HashSet<&'static str>>,
    generic_attributes: HashSet<&'static str>,
    schemes: HashSet<&'static str>,
}

fn policy() -> &'static Policy {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    POLICY.get_or_init(|| {
        let builder = sanitizer();
        Policy {
            tags: builder.clone_tags(),
            removed_with_content: builder.clone_clean_content_tags(),
            tag_attributes: builder.clone_tag_attributes(),
            generic_attributes: builder.clone_generic_attributes(),
            schemes: builder.clone_url_schemes(),
        }
    })
}

/// A problem in a raw-HTML fragment.
#[derive(Debug, PartialEq)]
pub struct Finding {
    /// Byte offset of the tag inside the fragment.
    pub offset: usize,
    /// True for errors (images from other hosts); warnings otherwise.
    pub is_error: bool,
    pub message: String,
    pub hint: String,
}

/// What reading a fragment found.
#[derive(Debug, Default, PartialEq)]
pub struct Inspection {
    pub findings: Vec<Finding>,
    /// The ids the fragment gives elements (before prefixing), for in-page links.
    pub ids: Vec<String>,
}

/// Reads the raw-HTML `fragment` and says what the sanitizer will remove from it.
pub fn inspect(fragment: &str) -> Inspection {
    let sink = Collector::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(fragment.into());
    // `feed` stops early only when the sink answers `TokenSinkResult::Script` (a tree
    // builder about to run a script); `Collector` never does, so the answer is always
    // "done" and the whole fragment has been read.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let tags = tokenizer.sink.tags.take();
    let mut inspection = Inspection::default();
    let mut search_from = 0;
    for tag in tags {
        let offset = tag_offset(fragment, &tag.name, &mut search_from);
        inspect_tag(&tag, offset, &mut inspection);
    }
    inspection
}

/// Collects the start tags of a fragment.
#[derive(Default)]
struct Collector {
    tags: RefCell<Vec<Tag>>,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, _line_number: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != TagKind::StartTag {
            return TokenSinkResult::Continue;
        }
        // The content of these elements is text, not tags, as in a browser.
        let raw = match &*tag.name {
            "script" => Some(RawKind::ScriptData),
            "style" | "iframe" | "noembed" | "noframes" | "xmp" | "noscript" => {
                Some(RawKind::Rawtext)
            }
            "textarea" | "title" => Some(RawKind::Rcdata),
            _ => None,
        };
        self.tags.borrow_mut().push(tag);
        match raw {
            Some(kind) => TokenSinkResult::RawData(kind),
            None => TokenSinkResult::Continue,
        }
    }
}

/// The byte offset of the next tag `<name` of `fragment` at or after `search_from`: tags
/// come in order, so the search goes on from the previous tag.
fn tag_offset(fragment: &str, name: &str, search_from: &mut usize) -> usize {
    let start = (*search_from).min(fragment.len());
    let found = fragment.get(start..).and_then(|rest| {
        rest.match_indices('<')
            .map(|(index, _)| start + index)
            .find(|index| {
                fragment
                    .as_bytes()
                    .get(index + 1..index + 1 + name.len())
                    .is_some_and(|bytes| bytes.eq_ignore_ascii_case(name.as_bytes()))
            })
    });
    let offset = found.unwrap_or(start);
    *search_from = offset + 1;
    offset
}

fn inspect_tag(tag: &Tag, offset: usize, inspection: &mut Inspection) {
    let policy = policy();
    let name: &str = &tag.name;
    if name == "img" {
        return inspect_image(tag, offset, inspection);
    }
    if !policy.tags.contains(name) {
        let (message, hint) = removed_element(name, policy.removed_with_content.contains(name));
        inspection.findings.push(Finding {
            offset,
            is_error: false,
            message,
            hint,
        });
        return;
    }
    for attribute in &tag.attrs {
        let attribute_name: &str = &attribute.name.local;
        let value: &str = &attribute.value;
        if attribute_name == "id" {
            inspection.ids.push(value.to_owned());
        }
        let allowed = policy.generic_attributes.contains(attribute_name)
            || policy
                .tag_attributes
                .get(name)
                .is_some_and(|allowed| allowed.contains(attribute_name));
        if !allowed {
            let (message, hint) = removed_attribute(name, attribute_name);
            inspection.findings.push(Finding {
                offset,
                is_error: false,
                message,
                hint,
            });
        } else if matches!(attribute_name, "href" | "src" | "cite") {
            inspect_url(name, value, offset, inspection);
        }
    }
}

/// A raw `<img>`: removed, and an error if it would have called another host.
fn inspect_image(tag: &Tag, offset: usize, inspection: &mut Inspection) {
    let source = tag
        .attrs
        .iter()
        .find(|attribute| &*attribute.name.local == "src")
        .map(|attribute| attribute.value.trim().to_owned())
        .unwrap_or_default();
    let remote =
        source.starts_with("//") || matches!(scheme(&source).as_deref(), Some("http" | "https"));
    inspection.findings.push(if remote {
        Finding {
            offset,
            is_error: true,
            message: format!("image from another host `{}`", super::truncate(&source, 60)),
            hint: super::links::REMOTE_IMAGE_HINT.to_owned(),
        }
    } else {
        Finding {
            offset,
            is_error: false,
            message: "raw HTML `<img>` was removed".to_owned(),
            hint: "write images in Markdown, from `assets/images/`: `![description](/assets/images/<file>)`".to_owned(),
        }
    });
}

fn scheme(value: &str) -> Option<String> {
    value
        .find([':', '/', '?', '#'])
        .filter(|index| value[*index..].starts_with(':'))
        .map(|index| value[..index].to_ascii_lowercase())
}

/// An address in an allowed attribute: only the schemes the sanitizer keeps.
fn inspect_url(tag: &str, value: &str, offset: usize, found: &mut Inspection) {
    let value = value.trim();
    if scheme(value)
        .as_deref()
        .is_some_and(|scheme| !policy().schemes.contains(scheme))
    {
        found.findings.push(Finding {
            offset,
            is_error: false,
            message: format!(
                "the address `{}` of `<{tag}>` was removed",
                super::truncate(value, 60)
            ),
            hint: "links may only use https://, http://, mailto: or a relative address".to_owned(),
        });
    }
}

fn removed_element(name: &str, with_content: bool) -> (String, String) {
    let what = if with_content {
        format!("raw HTML `<{name}>` and its content were removed")
    } else {
        format!("raw HTML `<{name}>` was removed (its text is kept)")
    };
    let hint = match name {
        "script" | "noscript" => "pages run no scripts from contributions; describe what it showed in text, or link to it",
        "style" | "link" | "font" | "center" => "the portal's theme styles every page; write plain Markdown (`**bold**`, `_italic_`, lists, tables)",
        "iframe" | "embed" | "object" | "video" | "audio" | "frame" | "frameset" | "applet" | "canvas" | "svg" | "math" => "embedded content is not allowed; link to it instead: `[what it shows](https://…)`",
        "form" | "input" | "button" | "select" | "option" | "textarea" | "label" | "fieldset" => "forms cannot be embedded; link to the form instead: `[Answer the survey](https://…)`",
        "meta" | "base" | "html" | "head" | "body" | "title" => "a contribution is part of a page: write only its text, in Markdown",
        _ => "write it in Markdown (emphasis, lists, tables, links), or leave the tag out",
    };
    (what, hint.to_owned())
}

fn removed_attribute(tag: &str, attribute: &str) -> (String, String) {
    let what = format!("the attribute `{attribute}` of raw HTML `<{tag}>` was removed");
    let hint = if attribute.starts_with("on") {
        "event handlers never run on the portal; remove the attribute".to_owned()
    } else if matches!(attribute, "style" | "class" | "align" | "color" | "bgcolor") {
        "the portal's theme styles every page; remove the attribute".to_owned()
    } else {
        let mut kept: Vec<&str> = policy()
            .tag_attributes
            .get(tag)
            .into_iter()
            .flatten()
            .copied()
            .collect();
        kept.sort_unstable();
        if kept.is_empty() {
            format!("`<{tag}>` keeps no attributes but `id` and `title`; remove it")
        } else {
            format!(
                "`<{tag}>` keeps only {} (and `id`, `title`); remove it",
                backticked(&kept)
            )
        }
    };
    (what, hint)
}

fn backticked(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(fragment: &str) -> Vec<String> {
        inspect(fragment)
            .findings
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn removed_elements_and_attributes_are_named() {
        assert_eq!(
            messages("<iframe src=\"https://x.org\"><b>in frame</b></iframe>"),
            ["raw HTML `<iframe>` was removed (its text is kept)"]
        );
        assert_eq!(
            messages("<script>document.write('<b onclick=x>')</script>"),
            ["raw HTML `<script>` and its content were removed"]
        );
        assert_eq!(
            messages("<a href=\"javascript:alert(1)\" onclick=\"x()\">a</a>"),
            [
                "the address `javascript:alert(1)` of `<a>` was removed",
                "the attribute `onclick` of raw HTML `<a>` was removed"
            ]
        );
        assert!(messages("<b>bold</b> <a href=\"https://example.org\">ok</a>").is_empty());
    }

    #[test]
    fn raw_images_are_removed_and_those_from_other_hosts_are_errors() {
        let found =
            inspect("<img src=https://tracker.example/pixel.gif>\n<IMG src=\"/assets/a.png\">");
        assert!(found.findings[0].is_error);
        assert_eq!(found.findings[0].offset, 0);
        assert!(!found.findings[1].is_error);
        assert_eq!(found.findings[1].message, "raw HTML `<img>` was removed");
        assert_eq!(
            found.findings[1].offset,
            "<img src=https://tracker.example/pixel.gif>\n".len()
        );
    }
}
