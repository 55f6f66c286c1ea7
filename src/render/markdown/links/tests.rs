//! Link resolution against a small, fixed portal.

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
