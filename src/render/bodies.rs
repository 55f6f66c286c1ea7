//! Each body converted once per build, whatever the number of languages.
//!
//! A contribution's page has the same path in every language portal of its edition, so
//! its Markdown gives the same HTML in all of them unless the conversion asks the portal
//! for something that differs between languages: a citation (the cited title is in the
//! portal's language), a chart block (its words are), or the way up to the site root
//! (`../` from `2025/`, `../../` from `fr/2025/`), which asset links start from. Every
//! other answer a portal gives the converter (which pages and documents exist, the
//! "did you mean" lists) is the same for all languages of an edition.
//!
//! [`Recorder`] stands between the converter and the portal and notes whether any of the
//! language-dependent answers was asked for. When none was, [`BodyMemo`] keeps the result
//! for the other languages' pages of the same contribution, which then copy it instead of
//! converting again. The contribution pages of an edition are rendered for all its
//! languages together (`contributions::pages_in_every_language`), so a memo lives only
//! while one contribution's pages are made and memory does not grow with the site.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::markdown::{self, BlockError, Blocks, Citation, LinkTargets, RenderedMarkdown};
use crate::model::Markdown;

/// The portal's link targets and blocks, with a note of whether the conversion asked for
/// anything that depends on the portal's language.
pub(super) struct Recorder<'r> {
    targets: &'r dyn LinkTargets,
    blocks: &'r dyn Blocks,
    language_dependent: AtomicBool,
}

impl<'r> Recorder<'r> {
    pub(super) fn new(targets: &'r dyn LinkTargets, blocks: &'r dyn Blocks) -> Self {
        Recorder {
            targets,
            blocks,
            language_dependent: AtomicBool::new(false),
        }
    }

    /// True when the HTML may differ between the languages of the edition.
    pub(super) fn language_dependent(&self) -> bool {
        self.language_dependent.load(Ordering::Relaxed)
    }

    fn depends_on_language(&self) {
        self.language_dependent.store(true, Ordering::Relaxed);
    }
}

impl LinkTargets for Recorder<'_> {
    fn checks(&self) -> bool {
        self.targets.checks()
    }
    fn has_page(&self, path: &str) -> bool {
        self.targets.has_page(path)
    }
    fn pages(&self) -> Vec<&str> {
        self.targets.pages()
    }
    fn document_page(&self, file: &str) -> Option<String> {
        self.targets.document_page(file)
    }
    fn documents(&self) -> Vec<&str> {
        self.targets.documents()
    }
    fn content_page(&self, path: &str) -> Option<String> {
        self.targets.content_page(path)
    }
    fn asset(&self, path: &str) -> Option<std::path::PathBuf> {
        self.targets.asset(path)
    }
    fn assets(&self) -> Vec<&str> {
        self.targets.assets()
    }
    fn site_root(&self) -> &str {
        self.depends_on_language();
        self.targets.site_root()
    }
    fn citation(&self, kind: &str, id: &str) -> Option<Citation> {
        self.depends_on_language();
        self.targets.citation(kind, id)
    }
    fn citation_ids(&self, kind: &str) -> Vec<&str> {
        self.targets.citation_ids(kind)
    }
}

impl Blocks for Recorder<'_> {
    fn handles(&self, language: &str) -> bool {
        let handled = self.blocks.handles(language);
        if handled {
            self.depends_on_language();
        }
        handled
    }
    fn render(&self, language: &str, source: &str, root: &str) -> Result<String, BlockError> {
        self.depends_on_language();
        self.blocks.render(language, source, root)
    }
}

/// The conversion of one body that the other languages' pages can reuse.
pub(super) struct BodyMemo {
    /// Whether another page will ask: with one language, nothing is kept.
    keep: bool,
    /// The text converted, the page and root it was shown at, and its conversion.
    converted: Option<(Arc<String>, String, String, RenderedMarkdown)>,
}

impl BodyMemo {
    /// A memo for a body shown on `pages` pages (one per language).
    pub(super) fn new(pages: usize) -> Self {
        BodyMemo {
            keep: pages > 1,
            converted: None,
        }
    }

    /// The HTML of `body` as `setting` shows it, reused when an earlier language's page
    /// converted the same text and nothing in it depended on the language.
    pub(super) fn render(
        &mut self,
        body: &Markdown,
        setting: &markdown::Setting,
    ) -> RenderedMarkdown {
        if let Some((text, page, root, rendered)) = &self.converted {
            let same_place = page == setting.page && root == setting.root;
            if same_place && setting.id_prefix.is_empty() && Arc::ptr_eq(text, &body.text) {
                return rendered.clone();
            }
        }
        let recorder = Recorder::new(setting.targets, setting.blocks);
        let recorded = markdown::Setting {
            blocks: &recorder,
            targets: &recorder,
            ..*setting
        };
        let rendered = markdown::render(body, &recorded);
        if self.keep && setting.id_prefix.is_empty() && !recorder.language_dependent() {
            self.converted = Some((
                Arc::clone(&body.text),
                setting.page.to_owned(),
                setting.root.to_owned(),
                rendered.clone(),
            ));
        }
        rendered
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// A portal where every page exists, counting how often the converter asks.
    #[derive(Default)]
    struct CountingTargets {
        questions: AtomicUsize,
    }

    impl CountingTargets {
        fn asked(&self) -> usize {
            self.questions.load(Ordering::Relaxed)
        }
        fn ask(&self) {
            self.questions.fetch_add(1, Ordering::Relaxed);
        }
    }

    impl LinkTargets for CountingTargets {
        fn has_page(&self, _: &str) -> bool {
            self.ask();
            true
        }
        fn pages(&self) -> Vec<&str> {
            Vec::new()
        }
        fn document_page(&self, _: &str) -> Option<String> {
            None
        }
        fn documents(&self) -> Vec<&str> {
            Vec::new()
        }
        fn content_page(&self, _: &str) -> Option<String> {
            None
        }
        fn asset(&self, _: &str) -> Option<std::path::PathBuf> {
            None
        }
        fn assets(&self) -> Vec<&str> {
            Vec::new()
        }
        fn site_root(&self) -> &str {
            "../"
        }
        fn citation(&self, _: &str, id: &str) -> Option<Citation> {
            self.ask();
            Some(Citation {
                path: format!("forums/{id}/"),
                text: id.to_uppercase(),
                title: None,
            })
        }
        fn citation_ids(&self, _: &str) -> Vec<&str> {
            Vec::new()
        }
    }

    fn body(text: &str) -> Markdown {
        Markdown {
            file: "content/contributions/x.md".to_owned(),
            text: Arc::new(text.to_owned()),
            line_offset: 10,
        }
    }

    /// Converts `body` for `languages` portals with one memo; returns the HTML of each and
    /// how many questions the portals were asked in all.
    fn convert_in(languages: usize, body: &Markdown) -> (Vec<String>, usize) {
        let targets = CountingTargets::default();
        let mut memo = BodyMemo::new(languages);
        let setting = markdown::Setting {
            page: "contributions/x/",
            root: "../../",
            blocks: &markdown::NoBlocks,
            targets: &targets,
            id_prefix: "",
        };
        let html = (0..languages)
            .map(|_| memo.render(body, &setting).html)
            .collect();
        (html, targets.asked())
    }

    #[test]
    fn a_body_without_citations_is_converted_once_for_all_languages() {
        let body = body("See [objective A](/objectives/a/) and [B](/objectives/b/).\n");
        let (html, asked) = convert_in(3, &body);
        assert_eq!(asked, 2, "one conversion checks two links");
        assert!(html.iter().all(|page| page == &html[0]), "{html:?}");
        assert!(
            html[0].contains("href=\"../../objectives/a/\""),
            "{}",
            html[0]
        );
    }

    #[test]
    fn a_body_with_a_citation_is_converted_in_each_language() {
        let body = body("Convened at the [forum igf].\n");
        let (html, asked) = convert_in(3, &body);
        assert_eq!(asked, 3, "each language resolves the citation");
        assert!(html[2].contains(">IGF</a>"), "{}", html[2]);
    }

    #[test]
    fn a_different_text_is_converted_again() {
        let targets = CountingTargets::default();
        let mut memo = BodyMemo::new(2);
        let setting = markdown::Setting {
            page: "contributions/x/",
            root: "../../",
            blocks: &markdown::NoBlocks,
            targets: &targets,
            id_prefix: "",
        };
        let first = memo.render(&body("First.\n"), &setting).html;
        let second = memo.render(&body("First.\n"), &setting).html;
        let other = memo.render(&body("Other.\n"), &setting).html;
        assert_eq!(first, second);
        assert!(other.contains("Other."), "{other}");
    }
}
