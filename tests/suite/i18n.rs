//! Interface languages, end to end: the real binary builds a site whose pages come in
//! English, French and Arabic, and every word of the interface must be in the page's
//! language, with the right `<html lang dir>`, dates and numbers.
//!
//! A site's own theme may redefine messages; a template naming a message that one of the
//! site's languages lacks must stop the build with the template and the key named, not
//! print English on a French page.

use std::path::{Path, PathBuf};

use super::support::{build, copy_fixture_unpublished, read, temp_dir, write};

/// The minimal fixture with Arabic added to its languages and an Arabic translation of
/// the contribution `rural-schools` (which also has a French one).
fn site_in_three_languages(parent: &Path) -> PathBuf {
    let root = copy_fixture_unpublished("minimal", parent);
    let site = read(&root.join("site.yaml"));
    write(
        &root.join("site.yaml"),
        &site.replace("languages: [en, fr]", "languages: [en, fr, ar]"),
    );
    let french = read(&root.join("content/contributions/rural-schools.fr.md"));
    let arabic = french
        .replace("Connecter les écoles rurales", "ربط المدارس الريفية")
        .replace(
            "L'alliance connecte les écoles grâce à des réseaux communautaires.",
            "يربط التحالف المدارس عبر الشبكات المجتمعية.",
        );
    write(
        &root.join("content/contributions/rural-schools.ar.md"),
        &arabic,
    );
    root
}

/// Builds `root` into `<parent>/out`, which must succeed, and returns the output folder.
fn built(root: &Path, parent: &Path) -> PathBuf {
    let output = parent.join("out");
    build(root, &output).assert_code(0);
    output
}

/// The English interface strings that must not appear on a page in another language.
const ENGLISH_INTERFACE: &[&str] = &[
    "Skip to main content",
    ">Objectives<",
    "Progress and gaps",
    "Policy notes",
    "Stakeholders",
    ">Regions<",
    "Civil society",
    "Ongoing",
    "Results reported",
    "Indicator",
    "Suggest a change",
    "Translation.",
    "Read the original",
    "follow-up of the Global Digital Compact",
    "Editions:",
    "Published",
    "Open for contributions",
    "March",
];

#[test]
fn a_french_page_has_a_french_interface() {
    let temp = temp_dir();
    let root = site_in_three_languages(temp.path());
    let output = built(&root, temp.path());
    let page = read(&output.join("fr/2025/contributions/rural-schools/index.html"));
    assert!(page.contains("<html lang=\"fr\" dir=\"ltr\">"), "{page}");
    for expected in [
        "<a class=\"skip\" href=\"#main\">Aller au contenu principal</a>",
        "<dt>Statut</dt><dd><span class=\"status status-ongoing\">En cours</span></dd>",
        "<time datetime=\"2025-03-14\">14 mars 2025</time>",
        "<td class=\"num\">4\u{202f}200</td>",
        "<p>Minimal Forum\u{a0}: suivi du Pacte numérique mondial.",
        "<dt>ODD</dt><dd>ODD 4, ODD 9</dd>",
    ] {
        assert!(page.contains(expected), "missing {expected:?} in\n{page}");
    }
    let english: Vec<&&str> = ENGLISH_INTERFACE
        .iter()
        .filter(|english| page.contains(**english))
        .collect();
    assert!(
        english.is_empty(),
        "English on the French page: {english:?}"
    );
}

#[test]
fn an_arabic_page_reads_right_to_left_with_arabic_dates_and_labels() {
    let temp = temp_dir();
    let root = site_in_three_languages(temp.path());
    let output = built(&root, temp.path());
    let page = read(&output.join("ar/2025/contributions/rural-schools/index.html"));
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
    for expected in [
        "<h1>ربط المدارس الريفية</h1>",
        "<time datetime=\"2025-03-14\">14 آذار/مارس 2025</time>",
        "<dt>الحالة</dt><dd><span class=\"status status-ongoing\">جارية</span></dd>",
        "<td class=\"num\">4,200</td>",
        "<a href=\"../../../../2025/contributions/rural-schools/\" hreflang=\"en\" lang=\"en\">English</a>",
        "<dt>أهداف التنمية المستدامة</dt><dd>هدف التنمية المستدامة 4، هدف التنمية المستدامة 9</dd>",
    ] {
        assert!(page.contains(expected), "missing {expected:?} in\n{page}");
    }
    let english: Vec<&&str> = ENGLISH_INTERFACE
        .iter()
        .filter(|english| page.contains(**english))
        .collect();
    assert!(
        english.is_empty(),
        "English on the Arabic page: {english:?}"
    );
}

#[test]
fn the_original_links_its_translations_by_their_own_names() {
    let temp = temp_dir();
    let root = site_in_three_languages(temp.path());
    let output = built(&root, temp.path());
    let page = read(&output.join("2025/contributions/rural-schools/index.html"));
    assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(
        page.contains(
            "<li><a href=\"../../../fr/2025/contributions/rural-schools/\" hreflang=\"fr\" lang=\"fr\">Français</a></li>\
             <li><a href=\"../../../ar/2025/contributions/rural-schools/\" hreflang=\"ar\" lang=\"ar\">العربية</a></li>"
        ),
        "{page}"
    );
    assert!(page.contains("<time datetime=\"2025-03-14\">14 March 2025</time>"));
    assert!(page.contains("<td class=\"num\">4,200</td>"));
}

#[test]
fn a_site_theme_redefines_a_message_in_one_language() {
    let temp = temp_dir();
    let root = site_in_three_languages(temp.path());
    write(
        &root.join("themes/default/locales/fr.ftl"),
        "# The site's own words.\nnav-forums = Instances\n",
    );
    let output = built(&root, temp.path());
    let french = read(&output.join("fr/2025/contributions/rural-schools/index.html"));
    assert!(french.contains(">Instances</a></li>"), "{french}");
    assert!(french.contains(">Objectifs</a></li>"));
    let english = read(&output.join("2025/contributions/rural-schools/index.html"));
    assert!(english.contains(">Forums</a></li>"));
}

#[test]
fn a_message_missing_in_one_language_stops_the_build_naming_template_and_key() {
    let temp = temp_dir();
    let root = site_in_three_languages(temp.path());
    write(
        &root.join("themes/default/templates/partials/switchers.html"),
        "<p class=\"motto\">{{ t(key=\"site-motto\") }}</p>\n",
    );
    write(
        &root.join("themes/default/locales/en.ftl"),
        "site-motto = Together\n",
    );
    write(
        &root.join("themes/default/locales/fr.ftl"),
        "site-motto = Ensemble\n",
    );
    let output = temp.path().join("out");
    let run = build(&root, &output);
    run.assert_code(1);
    assert!(!output.exists(), "a failed build wrote its output");
    assert!(
        run.stderr.contains(
            "error: this template uses the message `site-motto`, which the `ar` interface strings do not define"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("themes/default/templates/partials/switchers.html:1:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("add `site-motto = …` to locales/ar.ftl of the theme"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("`fr`"), "{}", run.stderr);
}

#[test]
fn a_template_reads_messages_without_arguments_from_the_messages_map() {
    let temp = temp_dir();
    let root = site_in_three_languages(temp.path());
    write(
        &root.join("themes/default/templates/partials/switchers.html"),
        "<p class=\"motto\">{{ messages[\"site-motto\"] }} {{ messages[\"nav-forums\"] }}</p>\n",
    );
    for (language, motto) in [("en", "Together"), ("fr", "Ensemble"), ("ar", "معًا")] {
        write(
            &root.join(format!("themes/default/locales/{language}.ftl")),
            &format!("site-motto = {motto}\n"),
        );
    }
    let output = built(&root, temp.path());
    let french = read(&output.join("fr/2025/contributions/rural-schools/index.html"));
    assert!(
        french.contains("<p class=\"motto\">Ensemble Forums</p>"),
        "{french}"
    );
    let arabic = read(&output.join("ar/2025/contributions/rural-schools/index.html"));
    assert!(arabic.contains("<p class=\"motto\">معًا "), "{arabic}");
    let english = read(&output.join("2025/contributions/rural-schools/index.html"));
    assert!(english.contains("<p class=\"motto\">Together Forums</p>"));
}

#[test]
fn a_message_with_arguments_is_not_in_the_messages_map_and_is_reported() {
    let temp = temp_dir();
    let root = site_in_three_languages(temp.path());
    write(
        &root.join("themes/default/templates/partials/switchers.html"),
        "<p>\n{{ messages[\"edition-label\"] }}</p>\n",
    );
    let output = temp.path().join("out");
    let run = build(&root, &output);
    run.assert_code(1);
    assert!(!output.exists(), "a failed build wrote its output");
    assert!(
        run.stderr.contains(
            "error: the message `edition-label` of the `en` interface strings takes arguments, so it is not in `messages`"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("themes/default/templates/partials/switchers.html:2:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("write `t(key=\"edition-label\", …)` with its arguments"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_broken_message_file_is_reported_at_its_line() {
    let temp = temp_dir();
    let root = site_in_three_languages(temp.path());
    write(
        &root.join("themes/default/locales/fr.ftl"),
        "nav-forums = Instances\nnav-regions Régions\n",
    );
    let run = build(&root, &temp.path().join("out"));
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("error: this message file is not valid Fluent"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("themes/default/locales/fr.ftl:2:"),
        "{}",
        run.stderr
    );
}

/// `translations:` in site.yaml gives the site's title (masthead, `<title>`, footer,
/// JSON-LD) in a portal's language; a language without it keeps the default's.
#[test]
fn the_site_title_is_shown_in_the_portal_s_language() {
    let temp = temp_dir();
    let root = site_in_three_languages(temp.path());
    let site = read(&root.join("site.yaml"));
    write(
        &root.join("site.yaml"),
        &format!("{site}translations:\n  fr:\n    title: \"Forum minimal\"\n"),
    );
    let output = built(&root, temp.path());
    let french = read(&output.join("fr/2025/index.html"));
    for expected in [
        "<a class=\"brand\" href=\"./\">Forum minimal</a>",
        "<p>Forum minimal\u{a0}: suivi du Pacte numérique mondial.",
        "\"name\":\"Forum minimal\"",
        "<meta property=\"og:site_name\" content=\"Forum minimal\">",
    ] {
        assert!(
            french.contains(expected),
            "missing {expected:?} in\n{french}"
        );
    }
    // The home page's own text has no French translation: it stays English, marked so.
    assert!(
        french.contains("<h1 lang=\"en\">Minimal Forum</h1>"),
        "{french}"
    );
    for untranslated in ["2025/index.html", "ar/2025/index.html"] {
        let page = read(&output.join(untranslated));
        assert!(
            page.contains(">Minimal Forum</a>"),
            "{untranslated}: {page}"
        );
        assert!(!page.contains("Forum minimal"), "{untranslated}: {page}");
    }
}
