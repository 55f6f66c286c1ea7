//! The page plan is the one list of what a build makes: `build` writes exactly its files,
//! and `serve`, which looks each requested path up in it, answers every one of them with
//! the same bytes. Checked on the bundled portal and on the fixtures.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use rapporteur::fs::{IoError, SiteRoot};
use rapporteur::model::Site;
use rapporteur::render::{self, templates::Theme, Plan, Prepared};
use rapporteur::serve::snapshot::Snapshot;

use super::support::{fixture_dir, manifest_dir, MemorySink};

/// The valid site at `root` and its theme.
fn load(root: &Path) -> (Site, Theme) {
    let root = SiteRoot::open(root).expect("the site root opens");
    let (sources, problems) = rapporteur::load::load(&root);
    assert!(!problems.has_errors(), "{:?}", problems.sorted());
    let (site, problems) = rapporteur::validate::validate(sources);
    let site = site.unwrap_or_else(|| panic!("invalid site: {:?}", problems.sorted()));
    let theme = render::templates::load_theme(&root, &site.config.theme).expect("the theme loads");
    (site, theme)
}

/// Every file `build` writes for `site`, rendered into memory.
fn build_files(site: &Site, theme: &Theme) -> BTreeMap<String, Vec<u8>> {
    #[derive(Default)]
    struct Files(Mutex<BTreeMap<String, Vec<u8>>>);
    impl render::Sink for Files {
        fn write(&self, path: &str, contents: &[u8]) -> Result<(), IoError> {
            let mut files = self.0.lock().expect("no render thread panicked");
            assert!(
                files.insert(path.to_owned(), contents.to_vec()).is_none(),
                "{path} is written twice"
            );
            Ok(())
        }
        fn copy(&self, path: &str, source: &Path) -> Result<(), IoError> {
            let contents = std::fs::read(source).expect("an asset can be read");
            self.write(path, &contents)
        }
    }
    let files = Files::default();
    let rendered = render::render(site, theme, &files).expect("the site renders");
    assert!(
        !rendered.diagnostics.has_errors(),
        "{:?}",
        rendered.diagnostics.sorted()
    );
    files.0.into_inner().expect("no render thread panicked")
}

fn sites() -> Vec<std::path::PathBuf> {
    vec![
        manifest_dir().to_path_buf(),
        fixture_dir("minimal"),
        fixture_dir("hostile"),
    ]
}

#[test]
fn build_writes_exactly_the_files_of_the_plan() {
    for root in sites() {
        let (site, theme) = load(&root);
        let written = build_files(&site, &theme);
        let (plan, collisions) = Plan::new(&site, &Prepared::new(&site), &theme);
        assert!(collisions.is_empty(), "{collisions:?}");
        let unplanned: Vec<&String> = written.keys().filter(|f| !plan.contains(f)).collect();
        assert!(
            unplanned.is_empty(),
            "{}: written, not planned: {unplanned:?}",
            root.display()
        );
        let unwritten: Vec<&String> = plan
            .files()
            .map(|(file, _)| file)
            .filter(|file| !written.contains_key(*file))
            .collect();
        assert!(
            unwritten.is_empty(),
            "{}: planned, not written: {unwritten:?}",
            root.display()
        );
    }
}

/// A site whose site.yaml lists no edition yet has no portal, but still its files at the
/// site root (the theme's files, datasets, objective feeds, sitemap, robots.txt): the
/// build writes exactly them, as planned, rather than nothing.
#[test]
fn a_site_without_editions_writes_its_planned_site_files() {
    let temp = super::support::temp_dir();
    let root = super::support::copy_fixture_unpublished("minimal", temp.path());
    let site_yaml = root.join("site.yaml");
    let text = std::fs::read_to_string(&site_yaml).expect("site.yaml reads");
    // The `editions:` line and the indented lines of its list give way to an empty list.
    let mut in_editions = false;
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| {
            if line.starts_with("editions:") {
                in_editions = true;
                return false;
            }
            in_editions &= line.starts_with(' ');
            !in_editions
        })
        .collect();
    let text = format!("{}\neditions: []\n", lines.join("\n"));
    super::support::write(&site_yaml, &text);
    for folder in [
        "content/contributions",
        "content/policy-notes",
        "content/report",
        "editions",
    ] {
        let _ = std::fs::remove_dir_all(root.join(folder));
    }
    let (site, theme) = load(&root);
    assert!(site.editions.is_empty(), "{text}");
    let written = build_files(&site, &theme);
    let (plan, _) = Plan::new(&site, &Prepared::new(&site), &theme);
    let planned: Vec<&String> = plan.files().map(|(file, _)| file).collect();
    assert!(written.contains_key("style.css"), "{:?}", written.keys());
    assert_eq!(written.keys().collect::<Vec<_>>(), planned);
}

/// `serve` answers every path `build` writes with the same bytes (a Markdown chart's CSV
/// included), each asked for alone, and a path outside the plan with nothing.
#[test]
fn serve_answers_every_file_build_writes_byte_for_byte() {
    for root in sites() {
        let (site, theme) = load(&root);
        let written = build_files(&site, &theme);
        let snapshot = Snapshot::new(site, Arc::new(theme));
        let different: Vec<&String> = written
            .par_iter()
            .filter(|(file, bytes)| match snapshot.file(file) {
                Ok(Some(served)) => served.as_slice() != bytes.as_slice(),
                _ => true,
            })
            .map(|(file, _)| file)
            .collect();
        assert!(
            different.is_empty(),
            "{}: served differently from the build, or not at all: {different:?}",
            root.display()
        );
        let missing = snapshot.file("2025/no-such-page/index.html");
        assert!(matches!(missing, Ok(None)), "{}", root.display());
    }
}

/// A search index's files are found through its folder, at any depth; nothing else is.
#[test]
fn search_files_are_found_through_their_folder() {
    let (site, theme) = load(&fixture_dir("minimal"));
    let (plan, _) = Plan::new(&site, &Prepared::new(&site), &theme);
    for file in ["2025/search/index.json", "fr/2026/search/terms/ab.json"] {
        let entry = plan
            .get(file)
            .unwrap_or_else(|| panic!("{file} is not planned"));
        assert!(
            matches!(entry.producer, render::Producer::SearchIndex(_)),
            "{file}"
        );
    }
    for file in [
        "2025/searching.json",
        "2025/nope/index.html",
        "search/index.json",
    ] {
        assert!(plan.get(file).is_none(), "{file} should not be planned");
    }
}

/// A site's own `assets/style.css` (as the generated benchmark corpus has) takes the theme
/// stylesheet's place, and the charts' classes are still appended to it.
#[test]
fn an_asset_stylesheet_replaces_the_theme_s_and_keeps_the_charts_classes() {
    let temp = super::support::temp_dir();
    let root = super::support::copy_fixture_unpublished("minimal", temp.path());
    super::support::write(&root.join("assets/style.css"), "body { color: #123456; }\n");
    let output = temp.path().join("public");
    super::support::build(&root, &output).assert_code(0);
    let css = super::support::read(&output.join("style.css"));
    assert!(css.starts_with("body { color: #123456; }\n"), "{css}");
    assert!(css.contains("generated by rapporteur"), "{css}");
}

/// The pages the model implies (against which the links of bodies that are never
/// rendered — drafts, invalid documents — are checked) are exactly the plan's pages,
/// listings' later pages aside; and a rendered body's link to a listing page past the
/// last is refused (the plan knows how many there are).
#[test]
fn the_pages_the_model_implies_are_the_plan_s() {
    use rapporteur::markdown::{ModelPages, PageIndex};
    for root in sites() {
        let (site, theme) = load(&root);
        let (plan, _) = Plan::new(&site, &Prepared::new(&site), &theme);
        let model = ModelPages::new(&site, &rapporteur::markdown::SitePages::new(&site));
        for edition in &site.editions {
            let year = edition.year;
            let mut planned: Vec<&str> = plan
                .pages(year)
                .into_iter()
                .filter(|page| !page.contains("page/"))
                .collect();
            let mut implied = model.pages(year);
            planned.sort_unstable();
            implied.sort_unstable();
            assert_eq!(planned, implied, "{} {year}", root.display());
            let past_the_last = (2..)
                .map(|n| format!("contributions/page/{n}/"))
                .find(|page| !PageIndex::has_page(&plan, year, page))
                .unwrap_or_default();
            assert!(model.has_page(year, &past_the_last), "lenient for drafts");
            assert!(
                !PageIndex::has_page(&plan, year, &past_the_last),
                "{}: {past_the_last}",
                root.display()
            );
        }
    }
}

/// Each entry of the plan is rendered alone, from the entry itself: it writes exactly its
/// own file (a search index, exactly the files of its folder), the bytes `build` writes.
#[test]
fn each_entry_renders_exactly_its_own_file() {
    for root in sites() {
        let (site, theme) = load(&root);
        let written = build_files(&site, &theme);
        let prepared = Prepared::new(&site);
        let (plan, _) = Plan::new(&site, &prepared, &theme);
        let files: Vec<(&String, &render::Entry)> = plan.files().collect();
        let wrong: Vec<String> = files
            .par_iter()
            .filter_map(|(file, entry)| {
                let sink = MemorySink::default();
                let build = render::Build {
                    site: &site,
                    prepared: &prepared,
                    plan: &plan,
                    theme: &theme,
                    sink: &sink,
                };
                if let Err(error) = build.render(&[(file.as_str(), entry)]) {
                    return Some(format!("{file}: {error:?}"));
                }
                let made = sink.into_files();
                let expected: BTreeMap<&String, &Vec<u8>> = written
                    .iter()
                    .filter(|(other, _)| {
                        plan.entry_of(other)
                            .is_some_and(|(owner, _)| owner == file.as_str())
                    })
                    .collect();
                let same = made.len() == expected.len()
                    && made
                        .iter()
                        .all(|(f, bytes)| expected.get(f) == Some(&bytes));
                (!same).then(|| format!("{file}: wrote {:?}", made.keys().collect::<Vec<_>>()))
            })
            .collect();
        assert!(wrong.is_empty(), "{}: {wrong:#?}", root.display());
    }
}
