//! Which charts written in Markdown a portal shows: the bodies of its pages and the
//! sources of their ```` ```chart ```` blocks, found before rendering so that each chart's
//! CSV is a file of the plan.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use crate::model::{Language, Site};

/// The bodies shown on the pages of the portal of `year` in `language`, with their files.
pub(super) fn portal_bodies<'s>(
    site: &'s Site,
    year: i32,
    language: &'s Language,
) -> Vec<(&'s str, &'s crate::model::Markdown)> {
    let localized = |text: crate::model::Localizable<'s>| {
        let body = text
            .translations
            .iter()
            .find(|translation| translation.language == *language && text.language != language)
            .map_or(text.body, |translation| &translation.body);
        (body.file.as_str(), body)
    };
    let default = &site.config.default_language;
    let page = |page: &'s crate::model::Page| {
        localized(crate::model::Localizable {
            title: &page.title,
            body: &page.body,
            language: default,
            translations: &page.translations,
        })
    };
    let mut bodies = vec![page(&site.home)];
    for report in site.reports.iter().filter(|report| report.year == year) {
        bodies.push(page(&report.front));
        bodies.extend(report.chapters.iter().map(page));
    }
    let contributions = crate::model::Index::get(&site.index.by_edition, &year)
        .iter()
        .filter_map(|position| site.contributions.get(*position));
    bodies.extend(contributions.map(|c| localized(c.localizable())));
    let notes = site.policy_notes.iter().filter(|note| note.edition == year);
    bodies.extend(notes.map(|note| localized(note.localizable(default))));
    bodies
}

/// The sources of the ```` ```chart ```` blocks of `body`, as the Markdown converter
/// hands them to the chart renderer. Bodies without such a fence are not parsed.
pub(super) fn chart_sources(body: &crate::model::Markdown) -> Vec<String> {
    // Every body of the site passes here, one after another while the plan is made: a
    // vectorized search, not `str::contains`.
    if memchr::memmem::find(body.text.as_bytes(), b"chart").is_none() {
        return Vec::new();
    }
    let mut sources = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(&body.text, crate::markdown::options()) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(language)))
                if &*language == "chart" =>
            {
                current = Some(String::new());
            }
            Event::Text(text) => {
                if let Some(source) = current.as_mut() {
                    source.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => sources.extend(current.take()),
            _ => {}
        }
    }
    sources
}
