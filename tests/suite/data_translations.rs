//! Translations of the data files (`objectives.<lang>.yaml`, `forums.<lang>.yaml`): the
//! French and Arabic portals show the Compact's texts in their language, and a text left
//! untranslated is shown in the original with its own `lang`. (Their diagnostics are the
//! invalid case `bad-data-translations`.)

use super::support::{build, copy_fixture_unpublished, manifest_dir, read, temp_dir, write};

#[test]
fn bundled_french_and_arabic_portals_show_the_compacts_texts() {
    let temp = temp_dir();
    let output = temp.path().join("site");
    build(manifest_dir(), &output).assert_code(0);
    let page = |path: &str| read(&output.join(path));

    let objective = page("fr/2025/objectives/a/index.html");
    assert!(objective.contains("<h1><span class=\"objective-id\">A</span> Connectivité numérique et renforcement des capacités</h1>"), "{objective}");
    assert!(objective.contains("Convenir de cibles communes pour une connectivité universelle"));
    assert!(!objective.contains("Digital connectivity and capacity-building"));
    let forum = page("fr/2025/forums/igf/index.html");
    assert!(
        forum.contains("<h1>Forum sur la gouvernance d’Internet</h1>"),
        "{forum}"
    );
    let forums = page("fr/2025/forums/index.html");
    assert!(
        forums.contains(">Commission « Le large bande au service du développement durable »</a>")
    );

    let objective = page("ar/2025/objectives/a/index.html");
    assert!(
        objective
            .contains("<h1><span class=\"objective-id\">A</span> الاتصال الرقمي وبناء القدرات</h1>"),
        "{objective}"
    );
    assert!(objective.contains("الاتفاق على غايات مشتركة للاتصال الشامل والمجدي"));
    let forum = page("ar/2025/forums/igf/index.html");
    assert!(forum.contains("<h1>منتدى إدارة الإنترنت</h1>"), "{forum}");
    // The Arabic file names forums only: their hosts stay English, marked as such.
    assert!(forum.contains("<dd lang=\"en\">UN DESA</dd>"), "{forum}");

    // A contribution lists its objectives, actions and forums in the portal's language.
    let contribution = page("fr/2025/contributions/sahel-community-networks/index.html");
    assert!(
        contribution.contains("A. Connectivité numérique et renforcement des capacités</a>"),
        "{contribution}"
    );
    let contribution = page("ar/2025/contributions/sahel-community-networks/index.html");
    assert!(
        contribution.contains("A. الاتصال الرقمي وبناء القدرات</a>"),
        "{contribution}"
    );
    // The default portal is unchanged.
    let objective = page("2025/objectives/a/index.html");
    assert!(objective.contains(
        "<h1><span class=\"objective-id\">A</span> Digital connectivity and capacity-building</h1>"
    ));
}

#[test]
fn a_missing_translation_falls_back_to_the_original_with_its_lang() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    write(
        &root.join("content/data/objectives.fr.yaml"),
        "- id: A\n  title: \"Connectivité numérique\"\n  actions:\n    - id: A.1\n      text: \"Financer la desserte.\"\n",
    );
    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);

    let objective = read(&output.join("fr/2026/objectives/a/index.html"));
    assert!(
        objective.contains("<h1><span class=\"objective-id\">A</span> Connectivité numérique</h1>"),
        "{objective}"
    );
    assert!(objective.contains("<h3 id=\"action-1\"><a href=\"../../objectives/a/a-1/\">A.1</a> Financer la desserte.</h3>"), "{objective}");
    assert!(objective.contains("<h3 id=\"action-2\" lang=\"en\"><a href=\"../../objectives/a/a-2/\">A.2</a> Teach digital skills.</h3>"), "{objective}");
    assert!(
        objective.contains("<p class=\"lead\" lang=\"en\">Connect the unconnected.</p>"),
        "{objective}"
    );
    let other = read(&output.join("fr/2026/objectives/b/index.html"));
    assert!(
        other.contains("<h1 lang=\"en\"><span class=\"objective-id\">B</span> Open data</h1>"),
        "{other}"
    );
    let forum = read(&output.join("fr/2026/forums/igf/index.html"));
    assert!(
        forum.contains("<h1 lang=\"en\">Internet Governance Forum</h1>"),
        "{forum}"
    );
    // The default language's portal shows the originals, with no `lang` of their own.
    let original = read(&output.join("2026/objectives/a/index.html"));
    assert!(original.contains("<h3 id=\"action-2\"><a href=\"../../objectives/a/a-2/\">A.2</a> Teach digital skills.</h3>"), "{original}");
}

#[test]
fn each_language_s_copy_of_the_site_shares_the_contributions() {
    let root = rapporteur::fs::SiteRoot::open(manifest_dir())
        .unwrap_or_else(|error| panic!("the bundled portal does not open: {error}"));
    let (sources, _) = rapporteur::load::load(&root);
    let (site, problems) = rapporteur::validate::validate(sources);
    let site = site.unwrap_or_else(|| panic!("the bundled portal is invalid: {problems:?}"));
    let french = site
        .localized(&rapporteur::model::Language::new("fr"))
        .unwrap_or_else(|| panic!("French is not the default language"));
    assert!(!site.contributions.is_empty());
    assert!(std::ptr::eq(
        site.contributions.shared(),
        french.contributions.shared()
    ));
}
