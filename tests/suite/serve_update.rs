//! Serve's updates after a save of contributions, held to what a full validation and a
//! new plan give (`validate::update`, `serve::snapshot::keeps_plan`), without a server.
//!
//! After a save of contributions, serve validates only the changed files. Two tests hold
//! it to a full validation of the same files: every page rendered from the updated site
//! must equal, byte for byte, the page rendered from a fresh load (after a contribution
//! moved to another edition, one was deleted with its translation, one was added, a
//! translation changed alone), and the errors must be the same (a published file
//! changed, a translation without original, a stolen address, a dangling `updates:`, a
//! bad date). A third holds the plan serve keeps across a save to a plan made anew.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rapporteur::diagnostic::{Diagnostics, Severity};
use rapporteur::fs::SiteRoot;
use rapporteur::load::cache::{Cache, Kind};
use rapporteur::model::Site;
use rapporteur::serve::snapshot::Snapshot;
use rapporteur::{render, validate};

use super::serve::{SLUG, TITLE};
use super::support::{
    assert_same_tree, contribution, copy_fixture_unpublished, read, temp_dir, write, MemorySink,
};

/// Every output file of `site`, rendered into memory as `build` renders it.
fn render_all(root: &SiteRoot, site: &Site) -> BTreeMap<String, Vec<u8>> {
    let theme = render::templates::load_theme(root, &site.config.theme).expect("the theme loads");
    let files = MemorySink::default();
    let rendered = render::render(site, &theme, &files).expect("the site renders");
    assert!(!rendered.diagnostics.has_errors(), "rendering found errors");
    files.into_files()
}

/// The site at `root` after the files `changed` changed on disk: updated from `served`
/// as serve does it, and validated from scratch as build does it; with their errors.
fn updated_and_fresh(
    root: &SiteRoot,
    served: &Site,
    cache: &mut Cache,
    changed: &[&str],
) -> [(Option<Site>, Vec<String>); 2] {
    let changed: BTreeSet<String> = changed.iter().map(|path| (*path).to_owned()).collect();
    assert_eq!(
        cache.refresh(root, &changed),
        Kind::Incremental(changed.len())
    );
    let (revision, load_problems) = cache.revision(&changed).expect("only files changed");
    assert!(load_problems.is_empty(), "{:?}", load_problems.sorted());
    let updated = validate::update(served, revision);
    let (sources, load_problems) = rapporteur::load::load(root);
    assert!(load_problems.is_empty(), "{:?}", load_problems.sorted());
    let fresh = validate::validate(sources);
    [updated, fresh].map(|(site, diagnostics)| (site, errors(diagnostics)))
}

/// The errors among `diagnostics`, one line each.
fn errors(diagnostics: Diagnostics) -> Vec<String> {
    diagnostics
        .sorted()
        .into_iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(|problem| {
            format!(
                "{}:{}:{}: {} ({})",
                problem.file,
                problem.line.unwrap_or_default(),
                problem.column.unwrap_or_default(),
                problem.message,
                problem.hint.unwrap_or_default()
            )
        })
        .collect()
}

/// A valid site, loaded through a cache as serve loads it.
fn served_site(root: &SiteRoot, cache: &mut Cache) -> Site {
    let (sources, load_problems, _) = cache.load(root, &BTreeSet::new());
    assert!(load_problems.is_empty(), "{:?}", load_problems.sorted());
    let (site, diagnostics) = validate::validate(sources);
    site.unwrap_or_else(|| panic!("the fixture is invalid: {:?}", diagnostics.sorted()))
}

#[test]
fn an_update_of_contributions_gives_the_pages_of_a_full_validation() {
    let temp = temp_dir();
    let path = copy_fixture_unpublished("minimal", temp.path());
    // rural-schools is deleted below: the report's link to it would then be broken.
    let chapter = path.join("content/report/2025/02-connectivity.md");
    write(
        &chapter,
        &read(&chapter).replace("](/contributions/rural-schools/)", "](/contributions/)"),
    );
    let contributions = path.join("content/contributions");
    let radio = "---\ntitle: \"Community radio\"\nstakeholder:\n  name: \"Radio Club\"\n  type: civil-society\nregion: africa\nobjectives: [A]\ndate: 2025-10-01\nstatus: ongoing\n---\nRadio.\n";
    write(&contributions.join("community-radio.md"), radio);
    write(
        &contributions.join("community-radio.fr.md"),
        &radio.replace("Community radio", "Radio communautaire"),
    );
    let root = SiteRoot::open(&path).expect("the fixture opens");
    let mut cache = Cache::default();
    let served = served_site(&root, &mut cache);

    // Moved from edition 2026 to 2025, renamed; deleted with its translation; new with a
    // translation and `updates:`; a translation changed alone.
    let portal = read(&contributions.join("open-data-portal.md"));
    let moved = portal
        .replace("date: 2025-09-01", "date: 2025-03-01")
        .replace(TITLE, "A moved portal for cities");
    write(&contributions.join("open-data-portal.md"), &moved);
    std::fs::remove_file(contributions.join("rural-schools.md")).expect("removable");
    std::fs::remove_file(contributions.join("rural-schools.fr.md")).expect("removable");
    // Dated after every other contribution: the newest, so first in every listing.
    let mesh = contribution("Mesh networks", "A", "Meshes.")
        .replace("date: 2025-09-15", "date: 2025-11-20")
        .replace(
            "status: ongoing",
            "status: ongoing\nupdates: open-data-portal",
        )
        .replace("Test Organization", "City Data Lab");
    write(&contributions.join("mesh-networks.md"), &mesh);
    write(
        &contributions.join("mesh-networks.fr.md"),
        &mesh.replace("Mesh networks", "Réseaux maillés"),
    );
    write(
        &contributions.join("community-radio.fr.md"),
        &radio.replace("Community radio", "La radio des quartiers"),
    );
    // A new draft with a translation: checked, and in neither site's pages.
    let draft = contribution("Quiet draft", "A", "Soon.")
        .replace("status: ongoing", "status: ongoing\ndraft: true");
    write(&contributions.join("quiet-draft.md"), &draft);
    write(
        &contributions.join("quiet-draft.fr.md"),
        &contribution("Brouillon", "A", "Bientôt."),
    );
    let [(updated, update_errors), (fresh, fresh_errors)] = updated_and_fresh(
        &root,
        &served,
        &mut cache,
        &[
            "content/contributions/community-radio.fr.md",
            "content/contributions/mesh-networks.fr.md",
            "content/contributions/mesh-networks.md",
            "content/contributions/open-data-portal.md",
            "content/contributions/quiet-draft.fr.md",
            "content/contributions/quiet-draft.md",
            "content/contributions/rural-schools.fr.md",
            "content/contributions/rural-schools.md",
        ],
    );
    assert_eq!(update_errors, Vec::<String>::new());
    assert_eq!(fresh_errors, Vec::<String>::new());
    let updated = render_all(&root, &updated.expect("the update is valid"));
    let fresh = render_all(&root, &fresh.expect("the site is valid"));
    assert_same_tree(&fresh, &updated, "pages after an update");

    let moved_page = "2025/contributions/open-data-portal/index.html";
    assert!(String::from_utf8_lossy(&updated[moved_page]).contains("A moved portal for cities"));
    assert!(!updated.contains_key("2026/contributions/open-data-portal/index.html"));
    assert!(!updated.keys().any(|file| file.contains("rural-schools")));
    assert!(!updated.keys().any(|file| file.contains("quiet-draft")));
    let radio_fr =
        String::from_utf8_lossy(&updated["fr/2026/contributions/community-radio/index.html"]);
    assert!(radio_fr.contains("La radio des quartiers"), "{radio_fr}");
    let mesh_fr =
        String::from_utf8_lossy(&updated["fr/2026/contributions/mesh-networks/index.html"]);
    assert!(mesh_fr.contains("Réseaux maillés"), "{mesh_fr}");
}

#[test]
fn an_update_of_contributions_finds_the_errors_of_a_full_validation() {
    let temp = temp_dir();
    let path = super::support::copy_fixture("minimal", temp.path());
    let contributions = path.join("content/contributions");
    let root = SiteRoot::open(&path).expect("the fixture opens");
    let mut cache = Cache::default();
    let served = served_site(&root, &mut cache);

    // A file of the published edition 2025 changed; a translation without its original; an
    // alias taking another contribution's address; `updates:` naming nothing; a broken date.
    let schools = read(&contributions.join("rural-schools.md"));
    write(
        &contributions.join("rural-schools.md"),
        &schools.replace("community networks", "community-run networks"),
    );
    write(
        &contributions.join("ghost.fr.md"),
        &contribution("Fantôme", "A", "Rien."),
    );
    let thief = contribution("Thief", "B", "Mine.").replace(
        "status: ongoing",
        "status: ongoing\naliases: [rural-schools]",
    );
    write(&contributions.join("thief.md"), &thief);
    // (In a file of its own: a bad `updates:` makes its contribution invalid, which would
    // hide the alias's conflict.)
    let follow = contribution("Follow", "B", "Next.")
        .replace("status: ongoing", "status: ongoing\nupdates: nowhere");
    write(&contributions.join("follow.md"), &follow);
    // A draft with a translation: kept out of the site by both, with no orphan.
    let draft = contribution("Draft", "A", "Soon.")
        .replace("status: ongoing", "status: ongoing\ndraft: true");
    write(&contributions.join("draft.md"), &draft);
    write(
        &contributions.join("draft.fr.md"),
        &contribution("Brouillon", "A", "Bientôt."),
    );
    let portal = read(&contributions.join("open-data-portal.md"));
    write(
        &contributions.join("open-data-portal.md"),
        &portal.replace("date: 2025-09-01", "date: 2025-13-01"),
    );
    let [(updated, update_errors), (fresh, fresh_errors)] = updated_and_fresh(
        &root,
        &served,
        &mut cache,
        &[
            "content/contributions/draft.fr.md",
            "content/contributions/draft.md",
            "content/contributions/follow.md",
            "content/contributions/ghost.fr.md",
            "content/contributions/open-data-portal.md",
            "content/contributions/rural-schools.md",
            "content/contributions/thief.md",
        ],
    );
    assert!(updated.is_none() && fresh.is_none());
    assert_eq!(fresh_errors.len(), 5, "{fresh_errors:#?}");
    assert_eq!(update_errors, fresh_errors);
}

/// The rules of a full validation that read other contributions or the data files hold
/// after an update too: a follow-up is by the stakeholder of the contribution it
/// follows (also when the earlier one changes, the follow-up not), and a contribution
/// names only records its edition shows (also when its date moves it to another edition).
#[test]
fn an_update_applies_the_rules_on_follow_ups_and_records_of_an_edition() {
    let temp = temp_dir();
    let path = copy_fixture_unpublished("minimal", temp.path());
    let objectives = path.join("content/data/objectives.yaml");
    write(
        &objectives,
        &read(&objectives).replace(
            "      text: \"Publish data openly.\"\n",
            "      text: \"Publish data openly.\"\n    - id: B.2\n      actor: multilateral\n      text: \"Reuse data.\"\n      added_in: 2026\n",
        ),
    );
    let contributions = path.join("content/contributions");
    let follow_up = contribution("Schools, year two", "A", "More schools.")
        .replace("Test Organization", "Rural Networks Alliance")
        .replace("status: ongoing", "status: ongoing\nupdates: rural-schools");
    write(&contributions.join("schools-year-two.md"), &follow_up);
    let portal = read(&contributions.join("open-data-portal.md"));
    write(
        &contributions.join("open-data-portal.md"),
        &portal.replace("actions: [B.1]", "actions: [B.2]"),
    );
    let root = SiteRoot::open(&path).expect("the fixture opens");
    let mut cache = Cache::default();
    let served = served_site(&root, &mut cache);

    // The earlier contribution changes hands; the portal moves to edition 2025, which
    // does not show B.2; a new follow-up names it by another stakeholder.
    let schools = read(&contributions.join("rural-schools.md"));
    write(
        &contributions.join("rural-schools.md"),
        &schools.replace("Rural Networks Alliance", "Rural Networks Union"),
    );
    write(
        &contributions.join("open-data-portal.md"),
        &read(&contributions.join("open-data-portal.md"))
            .replace("date: 2025-09-01", "date: 2025-03-01"),
    );
    let stranger = contribution("Portal, year two", "B", "More data.").replace(
        "status: ongoing",
        "status: ongoing\nupdates: open-data-portal",
    );
    write(&contributions.join("portal-year-two.md"), &stranger);
    let [(updated, update_errors), (fresh, fresh_errors)] = updated_and_fresh(
        &root,
        &served,
        &mut cache,
        &[
            "content/contributions/open-data-portal.md",
            "content/contributions/portal-year-two.md",
            "content/contributions/rural-schools.md",
        ],
    );
    assert!(updated.is_none() && fresh.is_none());
    assert_eq!(fresh_errors.len(), 3, "{fresh_errors:#?}");
    assert_eq!(update_errors, fresh_errors);
}

/// Every file of `snapshot`, rendered in one pass (which also makes the summaries its
/// listings show, which an updated snapshot then keeps).
fn served_files(snapshot: &Snapshot) -> BTreeMap<String, Vec<u8>> {
    let files: BTreeSet<String> = snapshot
        .plan
        .files()
        .map(|(file, _)| file.clone())
        .collect();
    snapshot.render(&files).expect("the snapshot renders");
    files
        .into_iter()
        .filter_map(|file| {
            let bytes = snapshot.file(&file).expect("the snapshot renders")?;
            Some((file, bytes.to_vec()))
        })
        .collect()
}

/// A snapshot after a save, made from the served one as serve makes it (the preview,
/// its index and figures updated in place, the summaries already made kept at their
/// new positions), serves what a snapshot made anew serves, byte for byte: after a
/// save that moves a contribution to other listings, one that reorders them by date, a
/// draft renamed, then published, a new contribution, one removed. Each save starts from
/// the snapshot of the one before, as in serve.
#[test]
fn a_snapshot_updated_in_place_serves_what_a_new_one_serves() {
    let temp = temp_dir();
    let path = copy_fixture_unpublished("minimal", temp.path());
    let contributions = path.join("content/contributions");
    let draft = contribution("Quiet draft", "A", "Soon.")
        .replace("status: ongoing", "status: ongoing\ndraft: true");
    write(&contributions.join("quiet-draft.md"), &draft);
    for (slug, date) in [("mesh-one", "2025-10-02"), ("mesh-two", "2025-08-20")] {
        let text = contribution(slug, "B", "Meshes.").replace("2025-09-15", date);
        write(&contributions.join(format!("{slug}.md")), &text);
    }
    let root = SiteRoot::open(&path).expect("the fixture opens");
    let theme = Arc::new(render::templates::load_theme(&root, "default").expect("the theme loads"));
    let mut cache = Cache::default();
    let mut served = Snapshot::new(served_site(&root, &mut cache), Arc::clone(&theme));
    served_files(&served);

    let portal = read(&contributions.join(format!("{SLUG}.md")));
    let saves = [
        (
            format!("{SLUG}.md"),
            Some(portal.replace("objectives: [B, A]", "objectives: [A]")),
        ),
        (
            format!("{SLUG}.md"),
            Some(portal.replace("date: 2025-09-01", "date: 2025-12-01")),
        ),
        (
            "quiet-draft.md".to_owned(),
            Some(draft.replace("Quiet draft", "Loud draft")),
        ),
        (
            "quiet-draft.md".to_owned(),
            Some(draft.replace("draft: true", "draft: false")),
        ),
        (
            "mesh-three.md".to_owned(),
            Some(contribution("Mesh three", "A", "More.")),
        ),
        ("mesh-one.md".to_owned(), None),
    ];
    for (name, text) in saves {
        let file = contributions.join(&name);
        match &text {
            Some(text) => write(&file, text),
            None => std::fs::remove_file(&file).expect("removable"),
        }
        let changed = format!("content/contributions/{name}");
        let [(updated, update_errors), (fresh, _)] =
            updated_and_fresh(&root, &served.site, &mut cache, &[&changed]);
        assert_eq!(update_errors, Vec::<String>::new(), "{name}");
        let touched = BTreeSet::from([changed]);
        let updated = Snapshot::updated(updated.expect("valid"), &served, &touched);
        let fresh = Snapshot::new(fresh.expect("valid"), Arc::clone(&theme));
        let updated_files = served_files(&updated);
        assert_same_tree(&served_files(&fresh), &updated_files, &name);
        served = updated;
    }
}

/// Every file of the plan of `site` as serve makes it (drafts shown), with what produces
/// it and who claims it.
fn plan_of(root: &SiteRoot, site: &Site) -> Vec<String> {
    let theme = render::templates::load_theme(root, &site.config.theme).expect("the theme loads");
    let snapshot = rapporteur::serve::snapshot::Snapshot::new(site.clone(), Arc::new(theme));
    snapshot
        .plan
        .files()
        .map(|(file, entry)| format!("{file} {:?} {}", entry.producer, entry.claimed_by))
        .collect()
}

/// Saves `text` to `changed` (from the root) and checks whether serve keeps the plan of
/// `served` (`kept`), and that a kept plan is the plan made anew.
fn assert_plan_kept(
    root: &SiteRoot,
    served: &Site,
    cache: &mut Cache,
    changed: &str,
    text: &str,
    kept: bool,
) {
    write(&root.path().join(changed), text);
    let [(updated, errors), _] = updated_and_fresh(root, served, cache, &[changed]);
    assert_eq!(errors, Vec::<String>::new());
    let updated = updated.expect("the update is valid");
    let touched = BTreeSet::from([changed.to_owned()]);
    assert_eq!(
        rapporteur::serve::snapshot::keeps_plan(served, &updated, &touched),
        kept,
        "{text}"
    );
    if kept {
        assert_eq!(plan_of(root, &updated), plan_of(root, served), "{text}");
    }
}

/// After a save of contributions, serve keeps the served plan when the change leaves it as
/// it was (`snapshot::keeps_plan`): then it is the plan made anew. A change of what the
/// plan is made from (an objective, an alias, a new translation, a draft published) makes
/// a new one. Drafts count: serve shows them.
#[test]
fn a_plan_is_kept_only_when_a_new_one_would_be_the_same() {
    let temp = temp_dir();
    let path = copy_fixture_unpublished("minimal", temp.path());
    let file = path.join(format!("content/contributions/{SLUG}.md"));
    let original = read(&file);
    let draft_file = path.join("content/contributions/quiet-draft.md");
    let draft = contribution("Quiet draft", "A", "Soon.")
        .replace("status: ongoing", "status: ongoing\ndraft: true");
    write(&draft_file, &draft);
    let root = SiteRoot::open(&path).expect("the fixture opens");
    let mut cache = Cache::default();
    let served = served_site(&root, &mut cache);
    let changed = format!("content/contributions/{SLUG}.md");
    let drafted = "content/contributions/quiet-draft.md".to_owned();
    let cases = [
        (
            &drafted,
            draft.replace("Quiet draft", "A renamed draft"),
            true,
        ),
        (
            &drafted,
            draft.replace("objectives: [A]", "objectives: [B]"),
            false,
        ),
        (
            &drafted,
            draft.replace("draft: true", "draft: false"),
            false,
        ),
    ];
    for (file, text, kept) in cases {
        assert_plan_kept(&root, &served, &mut cache, file, &text, kept);
    }
    // Back as served (the cache reads it again).
    assert_plan_kept(&root, &served, &mut cache, &drafted, &draft, true);
    let cases = [
        (original.replace(TITLE, "A renamed portal"), true),
        (
            original.replace("date: 2025-09-01", "date: 2025-12-01"),
            true,
        ),
        (original.replace("Results are", "Figures are"), true),
        (
            original.replace("objectives: [B, A]", "objectives: [B]"),
            false,
        ),
        (original.replace("region: europe", "region: africa"), false),
        (
            original.replace("status: planned", "status: planned\naliases: [old-portal]"),
            false,
        ),
        (
            original.replace("status: planned", "status: withdrawn"),
            false,
        ),
    ];
    for (text, kept) in cases {
        assert_plan_kept(&root, &served, &mut cache, &changed, &text, kept);
    }
    // A new translation of it: its file was not in the served site.
    let translation = format!("content/contributions/{SLUG}.fr.md");
    write(
        &path.join(&translation),
        &original.replace(TITLE, "Un portail"),
    );
    let [(updated, _), _] = updated_and_fresh(&root, &served, &mut cache, &[&translation]);
    let touched = BTreeSet::from([translation]);
    let updated = updated.expect("the update is valid");
    assert!(!rapporteur::serve::snapshot::keeps_plan(
        &served, &updated, &touched
    ));
}
