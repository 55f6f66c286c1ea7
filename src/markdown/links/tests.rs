//! Link resolution against a small, fixed portal.

// A failed setup (a temporary file) is a failed test.
#![allow(clippy::expect_used)]

use std::path::PathBuf;

use super::*;

/// A portal with two contributions (one in another edition), a chapter and one asset.
struct Portal;

impl LinkTargets for Portal {
    fn has_page(&self, path: &str) -> bool {
        [
            "",
            "contributions/",
            "contributions/sahel-community-network/",
            "objectives/a/",
        ]
        .contains(&path)
    }
    fn pages(&self) -> Vec<&str> {
        vec![
            "",
            "contributions/",
            "contributions/sahel-community-network/",
            "objectives/a/",
        ]
    }
    fn document_page(&self, file: &str) -> Option<String> {
        match file {
            "content/contributions/sahel-community-network.md" => {
                Some("contributions/sahel-community-network/".to_owned())
            }
            "content/contributions/older.md" => Some("../2025/contributions/older/".to_owned()),
            _ => None,
        }
    }
    fn content_page(&self, path: &str) -> Option<String> {
        (path == "report/2025/").then(|| "../2025/report/".to_owned())
    }
    fn documents(&self) -> Vec<&str> {
        vec![
            "content/contributions/older.md",
            "content/contributions/sahel-community-network.md",
        ]
    }
    fn asset(&self, path: &str) -> Option<PathBuf> {
        (path == "assets/images/map.png" || path == "assets/images/logo.svg")
            .then(|| PathBuf::from("/nonexistent"))
    }
    fn assets(&self) -> Vec<&str> {
        vec!["assets/images/logo.svg", "assets/images/map.png"]
    }
    fn site_root(&self) -> &str {
        "../"
    }
    fn citation(&self, kind: &str, id: &str) -> Option<crate::markdown::Citation> {
        let (path, text, title) = match (kind, id) {
            ("action", "A.3") => ("objectives/a/a-3/", "A.3", Some("Connect every school")),
            ("forum", "igf") => ("forums/igf/", "Internet Governance Forum", None),
            ("contribution", "older") => ("../2025/contributions/older/", "Réseaux anciens", None),
            _ => return None,
        };
        Some(crate::markdown::Citation {
            path: path.to_owned(),
            text: text.to_owned(),
            title: title.map(str::to_owned),
        })
    }
    fn citation_ids(&self, kind: &str) -> Vec<&str> {
        match kind {
            "action" => vec!["A.3"],
            "forum" => vec!["igf"],
            _ => vec!["older"],
        }
    }
}

fn resolved(url: &str, is_image: bool) -> Outcome {
    let place = Place {
        file: "content/contributions/rural-schools.md",
        page: "contributions/rural-schools/",
        root: "../../",
    };
    resolve(url, is_image, &place, &Portal)
}

fn address(url: &str, is_image: bool) -> String {
    match resolved(url, is_image) {
        Outcome::Address(address) => address,
        other => panic!("{url}: {other:?}"),
    }
}

fn problem_of(url: &str, is_image: bool) -> (String, String) {
    match resolved(url, is_image) {
        Outcome::Problem { message, hint, .. } => (message, hint),
        other => panic!("{url}: {other:?}"),
    }
}

#[test]
fn documents_are_linked_by_file_and_rewritten_to_their_page() {
    assert_eq!(
        address("sahel-community-network.md#results", false),
        "../../contributions/sahel-community-network/#c-results"
    );
    assert_eq!(
        address("/content/contributions/older.md", false),
        "../../../2025/contributions/older/"
    );
    let (message, hint) = problem_of("sahel-community-networks.md", false);
    assert_eq!(
        message,
        "no document `content/contributions/sahel-community-networks.md` to link to"
    );
    assert_eq!(hint, "did you mean `sahel-community-network.md`?");
}

#[test]
fn pages_must_exist_in_every_form_a_writer_uses() {
    assert_eq!(
        address("../sahel-community-network/", false),
        "../../contributions/sahel-community-network/"
    );
    assert_eq!(address("/objectives/a/", false), "../../objectives/a/");
    assert_eq!(address("/objectives/a", false), "../../objectives/a");
    let (message, hint) = problem_of("../sahel-community-networks/", false);
    assert_eq!(
        message,
        "no page `/contributions/sahel-community-networks/` in this edition"
    );
    assert!(
        hint.starts_with("did you mean `/contributions/sahel-community-network/`?"),
        "{hint}"
    );
    let (message, hint) = problem_of("/2026/contributions/sahel-community-network/", false);
    assert_eq!(
        message,
        "no page `/2026/contributions/sahel-community-network/` in this edition"
    );
    assert!(hint.starts_with("addresses start at the edition's root, without year or language: write `/contributions/sahel-community-network/`"), "{hint}");
}

#[test]
fn a_relative_address_read_from_the_wrong_place_gets_the_page_it_meant() {
    // Written as if from the edition's root, read from the contribution's own address.
    let (message, hint) = problem_of("../objectives/a/", false);
    assert_eq!(
        message,
        "no page `/contributions/objectives/a/` in this edition"
    );
    assert_eq!(
        hint,
        "did you mean `/objectives/a/`? A relative address starts from this page's own address, \
         `/contributions/rural-schools/`; write `/objectives/a/` to start from the edition's root"
    );
    // From the root, an address is taken as written: no such guess.
    let (_, hint) = problem_of("/contributions/objectives/a/", false);
    assert!(!hint.contains("relative address"), "{hint}");
}

#[test]
fn a_report_is_found_by_its_content_path() {
    assert_eq!(address("/report/2025/", false), "../../../2025/report/");
    assert_eq!(address("/report/2025", false), "../../../2025/report/");
}

#[test]
fn a_web_address_without_its_scheme_is_reported() {
    let (message, hint) = problem_of("www.example.org", false);
    assert_eq!(
        message,
        "`www.example.org` has no scheme, so it is read as a page of the portal"
    );
    assert_eq!(
        hint,
        "a web address starts with https://: write `https://www.example.org`"
    );
}

#[test]
fn images_come_from_assets_only() {
    assert_eq!(
        address("/assets/images/map.png", true),
        "../../../images/map.png"
    );
    assert_eq!(
        address("../../assets/images/map.png", true),
        "../../../images/map.png"
    );
    let (message, _) = problem_of("images/map.png", true);
    assert_eq!(message, "the image `images/map.png` is not in `assets/`");
    let (message, hint) = problem_of("/assets/images/map.jpg", true);
    assert_eq!(
        message,
        "no file `assets/images/mpa.jpg` in the site".replace("mpa", "map")
    );
    assert_eq!(hint, "did you mean `/assets/images/map.png`?");
    let (message, _) = problem_of("/assets/images/logo.svg", true);
    assert_eq!(
        message,
        "`assets/images/logo.svg` is not an image type pages can show"
    );
    let (message, hint) = problem_of("https://tracker.example/pixel.gif", true);
    assert_eq!(
        message,
        "image from another host `https://tracker.example/pixel.gif`"
    );
    assert_eq!(hint, REMOTE_IMAGE_HINT);
    assert!(matches!(
        resolved("//tracker.example/p.gif", true),
        Outcome::Problem { .. }
    ));
}

#[test]
fn anchors_wait_for_the_whole_document_and_unsafe_schemes_are_disabled() {
    assert_eq!(
        resolved("#results", false),
        Outcome::Anchor("results".to_owned())
    );
    match resolved("javascript:alert(1)", false) {
        Outcome::Problem { replacement, .. } => assert_eq!(replacement, "#"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        address("mailto:x@example.org", false),
        "mailto:x@example.org"
    );
}

#[test]
fn images_are_limited_in_size() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let large = folder.path().join("large.png");
    std::fs::write(&large, vec![0u8; 400 * 1024]).expect("write");
    match image_problem("assets/images/large.png", &large) {
        Some(Outcome::Problem { message, .. }) => assert_eq!(
            message,
            "the image `assets/images/large.png` is 400 KB; images may be at most 300 KB"
        ),
        other => panic!("{other:?}"),
    }
    let small = folder.path().join("small.webp");
    std::fs::write(&small, [0u8; 10]).expect("write");
    assert_eq!(image_problem("assets/images/small.webp", &small), None);
}

fn render(text: &str) -> crate::markdown::RenderedMarkdown {
    let markdown = crate::model::Markdown {
        file: "content/report/2025/01-overview.md".to_owned(),
        text: std::sync::Arc::new(text.to_owned()),
        line_offset: 4,
    };
    let setting = crate::markdown::Setting {
        page: "report/overview/",
        root: "../../",
        blocks: &crate::markdown::NoBlocks,
        targets: &Portal,
        id_prefix: "",
    };
    crate::markdown::render(&markdown, &setting)
}

#[test]
fn citations_become_links_with_the_cited_title() {
    let rendered = render(
        "As [action A.3] asks, the [forum igf] and [contribution older] show; [sic] stays.\n",
    );
    assert!(
        rendered.diagnostics.is_empty(),
        "{:?}",
        rendered.diagnostics
    );
    let html = rendered.html;
    assert!(
        html.contains(r#"<a href="../../objectives/a/a-3/" title="Connect every school">A.3</a>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<a href="../../forums/igf/">Internet Governance Forum</a>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<a href="../../../2025/contributions/older/">Réseaux anciens</a>"#),
        "{html}"
    );
    assert!(html.contains("; [sic] stays."), "{html}");
}

#[test]
fn an_unknown_citation_is_reported_with_its_line_and_a_suggestion() {
    let rendered = render("Intro.\n\nSee [action A.33] and [forum ifg].\n");
    type Found<'a> = (Option<u64>, Option<u64>, &'a str, Option<&'a str>);
    let found: Vec<Found> = rendered
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column, d.message.as_str(), d.hint.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (
                Some(7),
                Some(5),
                "no action `A.33` to cite",
                Some("did you mean `[action A.3]`?")
            ),
            (
                Some(7),
                Some(23),
                "no forum `ifg` to cite",
                Some("did you mean `[forum igf]`?")
            ),
        ]
    );
    assert!(
        rendered.html.contains("See action A.33 and forum ifg."),
        "{}",
        rendered.html
    );
}

#[test]
fn email_autolinks_are_left_to_pulldown_cmark() {
    let rendered = render("Write to <someone@example.org>.\n");
    assert!(
        rendered.diagnostics.is_empty(),
        "{:?}",
        rendered.diagnostics
    );
    assert!(
        rendered
            .html
            .contains(r#"<a href="mailto:someone@example.org">"#),
        "{}",
        rendered.html
    );
}
