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
//! language-dependent answers was asked for. When none was, [`BodyMemos`] keeps the result
//! for the other languages' pages of the same contribution, which then copy it instead of
//! converting again. The memo of a contribution is kept for the build, by its position,
//! and dropped once every other language's page has taken it, so memory does not grow
//! with the site when an edition's languages are rendered side by side (as `build` orders
//! its entries); whichever language's page comes first converts, and an entry never waits
//! for another (two languages converting at once both convert, to the same HTML).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

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

/// The conversion of each contribution's body that the other languages' pages can reuse,
/// by the contribution's position.
pub(super) struct BodyMemos {
    memos: Vec<Mutex<BodyMemo>>,
}

impl BodyMemos {
    /// Memos for `contributions` bodies, each shown on `languages` pages.
    pub(super) fn new(contributions: usize, languages: usize) -> Self {
        BodyMemos {
            memos: (0..contributions)
                .map(|_| Mutex::new(BodyMemo::new(languages)))
                .collect(),
        }
    }

    /// The HTML of `body`, the contribution's at `position`, as `setting` shows it.
    pub(super) fn render(
        &self,
        position: usize,
        body: &Markdown,
        setting: &markdown::Setting,
    ) -> RenderedMarkdown {
        let Some(memo) = self.memos.get(position) else {
            return markdown::render(body, setting);
        };
        // The lock is held only to look and to keep, never while converting: a rayon
        // thread waiting for it could otherwise be the one holding it.
        if let Some(rendered) = lock(memo).reuse(body, setting) {
            return rendered;
        }
        let (rendered, reusable) = convert(body, setting);
        if reusable {
            lock(memo).keep(body, setting, &rendered);
        }
        rendered
    }
}

fn lock(memo: &Mutex<BodyMemo>) -> std::sync::MutexGuard<'_, BodyMemo> {
    memo.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `body` converted as `setting` shows it, and whether the other languages may reuse it.
fn convert(body: &Markdown, setting: &markdown::Setting) -> (RenderedMarkdown, bool) {
    let recorder = Recorder::new(setting.targets, setting.blocks);
    let recorded = markdown::Setting {
        blocks: &recorder,
        targets: &recorder,
        ..*setting
    };
    let rendered = markdown::render(body, &recorded);
    let reusable = setting.id_prefix.is_empty() && !recorder.language_dependent();
    (rendered, reusable)
}

/// The conversion of one body that the other languages' pages can reuse.
struct BodyMemo {
    /// How many more pages may ask for it: with one language, nothing is kept.
    uses_left: usize,
    /// The text converted, the page and root it was shown at, and its conversion.
    converted: Option<(Arc<String>, String, String, RenderedMarkdown)>,
}

impl BodyMemo {
    /// A memo for a body shown on `pages` pages (one per language).
    fn new(pages: usize) -> Self {
        BodyMemo {
            uses_left: pages.saturating_sub(1),
            converted: None,
        }
    }

    /// The conversion kept for `body` shown as `setting` says, if there is one; the last
    /// page to take it drops it.
    fn reuse(&mut self, body: &Markdown, setting: &markdown::Setting) -> Option<RenderedMarkdown> {
        let (text, page, root, _) = self.converted.as_ref()?;
        let same_place = page == setting.page && root == setting.root;
        if !(same_place && setting.id_prefix.is_empty() && Arc::ptr_eq(text, &body.text)) {
            return None;
        }
        self.uses_left = self.uses_left.saturating_sub(1);
        if self.uses_left == 0 {
            return self.converted.take().map(|(.., rendered)| rendered);
        }
        self.converted
            .as_ref()
            .map(|(.., rendered)| rendered.clone())
    }

    /// Keeps `rendered`, the conversion of `body` as `setting` shows it, for the other
    /// languages' pages, unless none is left to ask or one is kept already.
    fn keep(&mut self, body: &Markdown, setting: &markdown::Setting, rendered: &RenderedMarkdown) {
        if self.uses_left == 0 || self.converted.is_some() {
            return;
        }
        self.converted = Some((
            Arc::clone(&body.text),
            setting.page.to_owned(),
            setting.root.to_owned(),
            rendered.clone(),
        ));
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

    /// The setting of contribution `x`'s page, asking `targets` about its links.
    fn setting(targets: &CountingTargets) -> markdown::Setting<'_> {
        markdown::Setting {
            page: "contributions/x/",
            root: "../../",
            blocks: &markdown::NoBlocks,
            targets,
            id_prefix: "",
        }
    }

    /// Converts `body` for `languages` portals with one memo; returns the HTML of each and
    /// how many questions the portals were asked in all.
    fn convert_in(languages: usize, body: &Markdown) -> (Vec<String>, usize) {
        let targets = CountingTargets::default();
        let memos = BodyMemos::new(1, languages);
        let setting = setting(&targets);
        let html = (0..languages)
            .map(|_| memos.render(0, body, &setting).html)
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
        let memos = BodyMemos::new(1, 3);
        let setting = setting(&targets);
        let first = memos.render(0, &body("First.\n"), &setting).html;
        let second = memos.render(0, &body("First.\n"), &setting).html;
        let other = memos.render(0, &body("Other.\n"), &setting).html;
        assert_eq!(first, second);
        assert!(other.contains("Other."), "{other}");
    }
}
