//! Tests of the message files as shipped: every language complete, no English left,
//! plural forms chosen by each language's rules, dates and numbers written its way.

use super::*;

/// The default theme's message files, as the binary embeds them.
fn embedded() -> Vec<LocaleFile> {
    LANGUAGES
        .iter()
        .map(|language| {
            let path = format!(
                "{}/themes/default/locales/{language}.ftl",
                env!("CARGO_MANIFEST_DIR")
            );
            LocaleFile {
                language: (*language).to_owned(),
                file: path.clone(),
                text: std::fs::read_to_string(&path).unwrap_or_default(),
            }
        })
        .collect()
}

fn messages() -> Messages {
    match Messages::load(&embedded(), &[]) {
        Ok(messages) => messages,
        Err(problems) => panic!("the embedded message files do not load: {problems:#?}"),
    }
}

/// The message keys of one file, in order.
fn keys(file: &LocaleFile) -> Vec<String> {
    let resource = FluentResource::try_new(file.text.clone())
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", file.file));
    message_keys(&resource)
}

fn count(language: &str, key: &str, count: f64) -> String {
    match messages().try_text(language, key, &[("count", Arg::Number(count))]) {
        Ok(text) => text,
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn every_language_defines_exactly_the_english_keys() {
    let files = embedded();
    let english = files
        .iter()
        .find(|file| file.language == "en")
        .map(keys)
        .unwrap_or_default();
    assert!(
        english.len() > 150,
        "en.ftl has only {} keys",
        english.len()
    );
    for file in &files {
        let theirs = keys(file);
        let missing: Vec<&String> = english.iter().filter(|key| !theirs.contains(key)).collect();
        let extra: Vec<&String> = theirs.iter().filter(|key| !english.contains(key)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: missing {missing:?}, not in en.ftl {extra:?}",
            file.language
        );
    }
}

/// Messages whose translation may be written as in English: names and symbols.
const SAME_IN_SEVERAL_LANGUAGES: &[&str] = &[
    "date-long",
    "list-separator",
    "list-separator-strong",
    "pager-previous",
    "pager-next",
    "open-data-json",
    "nav-report",
    "nav-menu",
    "data-label-europe",
    "search-kind-contribution",
    "region-cis",
    "month-8",
    "month-9",
    "month-10",
    "month-11",
    "month-12",
    "region-europe",
    "region-africa",
    "fact-region",
    "fact-type",
    "fact-actions",
    "fact-objectives",
    "objective-actions",
    "indicator-unit",
    "region-global",
    "nav-regions",
    "errata-heading",
    "fact-category",
    "fact-website",
    "edition-label",
    "note-objectives",
    "changes-indicators",
    "chart-by-region",
    "nav-objectives",
    "counts-objective",
    "changes-chart-category",
    "region-americas",
    "indicator-name",
    "nav-forums",
    "fact-forums",
    "note-forums",
    "region-asia-pacific",
    "status-planned",
    "contributions-title",
    "nav-contributions",
    "fact-status",
    "footer-source",
    "objective-contributions-title",
    "contributions-count",
    "listing-count",
    "listing-page-title",
    "pagination-label",
    "action-title",
];

/// Names of formats and programs, written in Latin letters in every language.
const NAMES_KEPT_IN_LATIN: &[&str] = &["Atom", "CSV", "JSON", "JavaScript", "Markdown", "PDF"];

#[test]
fn no_english_is_left_in_the_translations() {
    let files = embedded();
    let messages = messages();
    let english: Vec<String> = files
        .iter()
        .find(|file| file.language == "en")
        .map(keys)
        .unwrap_or_default();
    let sample_args = |key: &str| -> Vec<(&'static str, Arg)> {
        let _ = key;
        [
            "year",
            "previous_year",
            "site",
            "id",
            "title",
            "actor",
            "type",
            "region",
            "status",
            "objectives",
            "from",
            "to",
            "date",
            "goal",
            "language",
            "original",
            "month",
            "largest",
            "smallest",
            "largest_value",
            "smallest_value",
            "series",
            "value",
            "level",
            "label",
            "start",
            "first",
            "end",
            "last",
            "field",
        ]
        .iter()
        .map(|name| (*name, Arg::Text("X".to_owned())))
        .chain(
            [
                "count",
                "total",
                "previous_total",
                "current",
                "number",
                "day",
                "month_number",
                "fell",
                "rose",
                "above",
            ]
            .iter()
            .map(|name| (*name, Arg::Number(7.0))),
        )
        .collect()
    };
    let mut same = Vec::new();
    for language in LANGUAGES.iter().filter(|language| **language != "en") {
        for key in &english {
            let args = sample_args(key);
            let theirs = messages.text(language, key, &args);
            let ours = messages.text("en", key, &args);
            if theirs == ours && !SAME_IN_SEVERAL_LANGUAGES.contains(&key.as_str()) {
                same.push(format!("{language}: {key} = {theirs}"));
            }
            if ["ar", "ru", "zh"].contains(language) {
                let latin_words = theirs
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|word| word.len() >= 3 && !NAMES_KEPT_IN_LATIN.contains(word))
                    .count();
                if latin_words > 0 && !["language-autonym", "nav-report"].contains(&key.as_str()) {
                    same.push(format!("{language}: {key} has Latin words: {theirs}"));
                }
            }
        }
    }
    assert!(
        same.is_empty(),
        "untranslated messages:\n{}",
        same.join("\n")
    );
}

#[test]
fn every_closed_list_has_a_label_in_every_language() {
    let messages = messages();
    for language in LANGUAGES {
        for (prefix, ids) in vocabularies() {
            for id in ids {
                let key = label_key(prefix, id);
                assert!(messages.has(language, &key), "{language} lacks {key}");
            }
        }
    }
    assert_eq!(messages.label("fr", "status", "ongoing"), "En cours");
}

#[test]
fn arabic_has_six_plural_forms() {
    let forms: Vec<String> = [0.0, 1.0, 2.0, 3.0, 11.0, 100.0]
        .iter()
        .map(|n| count("ar", "contributions-count", *n))
        .collect();
    let mut distinct = forms.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 6, "{forms:?}");
    assert_eq!(forms[1], "مساهمة واحدة");
    assert_eq!(forms[2], "مساهمتان");
    assert_eq!(forms[3], "3 مساهمات");
}

#[test]
fn russian_picks_one_few_many_one() {
    assert_eq!(count("ru", "contributions-count", 1.0), "1 материал");
    assert_eq!(count("ru", "contributions-count", 2.0), "2 материала");
    assert_eq!(count("ru", "contributions-count", 5.0), "5 материалов");
    assert_eq!(count("ru", "contributions-count", 21.0), "21 материал");
}

#[test]
fn english_and_french_numbers_in_messages_are_grouped() {
    assert_eq!(count("en", "contributions-count", 1.0), "1 contribution");
    assert_eq!(
        count("en", "contributions-count", 12345.0),
        "12,345 contributions"
    );
    assert_eq!(
        count("fr", "contributions-count", 12345.0),
        "12\u{202f}345 contributions"
    );
    assert_eq!(count("fr", "contributions-count", 1.0), "1 contribution");
    assert_eq!(count("zh", "contributions-count", 3.0), "3 项贡献");
}

#[test]
fn dates_are_written_in_each_language() {
    let messages = messages();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 3, 14).unwrap_or_default();
    let written: Vec<String> = LANGUAGES
        .iter()
        .map(|language| messages.date(language, date))
        .collect();
    assert_eq!(
        written,
        [
            "14 آذار/مارس 2025",
            "14 March 2025",
            "14 de marzo de 2025",
            "14 mars 2025",
            "14 марта 2025 г.",
            "2025年3月14日",
        ]
    );
    let first = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap_or_default();
    assert_eq!(messages.date("fr", first), "1er juillet 2024");
    assert_eq!(messages.date("en", first), "1 July 2024");
}

#[test]
fn every_month_has_a_name_in_every_language() {
    let messages = messages();
    for language in LANGUAGES {
        let mut names: Vec<String> = (1..=12)
            .map(|month| messages.text(language, &format!("month-{month}"), &[]))
            .collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 12, "{language}: {names:?}");
    }
}

#[test]
fn numbers_use_the_language_separators() {
    let messages = messages();
    assert_eq!(messages.number("en", 1_234_567.0), "1,234,567");
    assert_eq!(
        messages.number("fr", 1_234_567.0),
        "1\u{202f}234\u{202f}567"
    );
    assert_eq!(messages.number("ru", 4200.5), "4\u{a0}200,5");
}

#[test]
fn autonyms_and_directions() {
    let messages = messages();
    let autonyms: Vec<String> = LANGUAGES
        .iter()
        .map(|language| messages.autonym(language))
        .collect();
    assert_eq!(
        autonyms,
        [
            "العربية",
            "English",
            "Español",
            "Français",
            "Русский",
            "中文"
        ]
    );
    assert_eq!(direction("ar"), "rtl");
    assert_eq!(direction("fr"), "ltr");
}

#[test]
fn the_fallback_note_names_both_languages_in_the_page_language() {
    let messages = messages();
    let note = |language: &str| {
        messages.text(
            language,
            "fallback-note",
            &[
                ("language", Arg::from(language)),
                ("original", Arg::from("en")),
            ],
        )
    };
    assert_eq!(
        note("fr"),
        "Cette page n’a pas encore été traduite en français\u{202f}; elle est affichée en anglais."
    );
    assert_eq!(
        note("en"),
        "This page has not been translated into English yet; it is shown in English."
    );
}

#[test]
fn a_missing_message_or_argument_is_an_error_not_english() {
    let messages = messages();
    assert_eq!(
        messages.try_text("fr", "no-such-key", &[]),
        Err(MessageError::Missing {
            language: "fr".to_owned(),
            key: "no-such-key".to_owned()
        })
    );
    assert!(matches!(
        messages.try_text("fr", "nav-report", &[]),
        Err(MessageError::Failed { .. })
    ));
    assert_eq!(
        messages.try_text("de", "nav-forums", &[]),
        Err(MessageError::UnknownLanguage("de".to_owned()))
    );
    assert_eq!(messages.text("fr", "no-such-key", &[]), "{no-such-key}");
}

#[test]
fn a_site_file_overrides_and_adds_messages() {
    let site = LocaleFile {
        language: "fr".to_owned(),
        file: "themes/site/locales/fr.ftl".to_owned(),
        text: "nav-forums = Instances\nsite-motto = Ensemble\n".to_owned(),
    };
    let messages = match Messages::load(&embedded(), &[site]) {
        Ok(messages) => messages,
        Err(problems) => panic!("{problems:#?}"),
    };
    assert_eq!(messages.text("fr", "nav-forums", &[]), "Instances");
    assert_eq!(messages.text("fr", "site-motto", &[]), "Ensemble");
    assert_eq!(messages.text("fr", "nav-objectives", &[]), "Objectifs");
}

#[test]
fn a_broken_site_file_is_a_diagnostic_at_its_line() {
    let site = LocaleFile {
        language: "fr".to_owned(),
        file: "themes/site/locales/fr.ftl".to_owned(),
        text: "nav-forums = Instances\nbroken { $count }\nnav-regions = Régions\n".to_owned(),
    };
    let problems = match Messages::load(&embedded(), &[site]) {
        Ok(_) => panic!("a broken file was accepted"),
        Err(problems) => problems,
    };
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].file, "themes/site/locales/fr.ftl");
    assert_eq!(problems[0].line, Some(2));
}

/// Renders `template` with the functions of `register` and `lang` set to `language`.
fn render(template: &str, language: Option<&str>) -> Result<String, String> {
    let mut tera = tera::Tera::new();
    register(&mut tera, &Arc::new(messages()));
    let mut context = tera::Context::new();
    if let Some(language) = language {
        context.insert("lang", language);
    }
    context.insert("total", &21);
    context.insert("year", &2025);
    context.insert("day", "2025-03-14");
    context.insert("value", &4200.5);
    tera.add_raw_template("page", template)
        .map_err(|error| error.to_string())?;
    tera.render("page", &context)
        .map_err(|error| crate::render::templates::one_line(&error))
}

#[test]
fn templates_write_in_the_page_language() {
    let template = "{{ t(key=\"contributions-count\", count=total) }} | {{ t(key=\"nav-report\", year=year) }} | {{ day | date }} | {{ value | number }} | {{ \"zh\" | autonym }}";
    assert_eq!(
        render(template, Some("ru")).as_deref(),
        Ok("21 материал | Доклад 2025 г. | 14 марта 2025 г. | 4\u{a0}200,5 | 中文")
    );
    assert_eq!(
        render(template, Some("en")).as_deref(),
        Ok("21 contributions | Report 2025 | 14 March 2025 | 4,200.5 | 中文")
    );
}

#[test]
fn a_date_that_is_not_iso_is_shown_as_written() {
    assert_eq!(
        render("{{ \"spring 2025\" | date }}", Some("fr")).as_deref(),
        Ok("spring 2025")
    );
}

#[test]
fn a_template_error_names_the_missing_key_or_language() {
    let missing = render("{{ t(key=\"no-such-key\") }}", Some("fr"))
        .err()
        .unwrap_or_default();
    assert!(
        missing.contains("the message `no-such-key` is not in the `fr` interface strings"),
        "{missing}"
    );
    let no_language = render("{{ t(key=\"nav-forums\") }}", None)
        .err()
        .unwrap_or_default();
    assert!(
        no_language.contains("the page has no `lang` variable"),
        "{no_language}"
    );
}

#[test]
fn messages_asked_again_are_the_same_and_their_arguments_still_count() {
    let messages = messages();
    let ask = |language: &str, count: f64| {
        messages.text(language, "listing-count", &[("count", Arg::Number(count))])
    };
    let (one, many) = (ask("en", 1.0), ask("en", 2.0));
    assert_ne!(one, many);
    for _ in 0..3 {
        assert_eq!(ask("en", 1.0), one);
        assert_eq!(ask("en", 2.0), many);
    }
    assert_ne!(ask("ar", 2.0), many, "the memo keeps languages apart");
    let date = chrono::NaiveDate::from_ymd_opt(2025, 3, 14).unwrap_or_default();
    assert_eq!(messages.date("fr", date), messages.date("fr", date));
    assert_eq!(messages.date("en", date), "14 March 2025");
    for _ in 0..2 {
        let iso = messages.iso_date("en", "2025-03-14");
        assert_eq!(iso.as_deref(), Some("14 March 2025"));
        assert_eq!(
            messages.iso_date("fr", "2025-03-14"),
            Some(messages.date("fr", date))
        );
        assert_eq!(messages.iso_date("en", "14/03/2025"), None);
    }
    // A number and a text that read alike are different arguments.
    let year = |value: Arg| messages.text("en", "edition-label", &[("year", value)]);
    assert_eq!(year(Arg::Text("2025".into())), "Edition 2025");
    assert_eq!(year(Arg::Number(2025.0)), "Edition 2,025");
    assert_eq!(year(Arg::Text("2025".into())), "Edition 2025");
}
