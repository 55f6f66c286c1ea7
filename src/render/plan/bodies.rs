//! Which charts written in Markdown a portal shows: the bodies of its pages and the
//! sources of their ```` ```chart ```` blocks, found before rendering so that each chart's
//! CSV is a file of the plan.

use std::collections::HashMap;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use rayon::prelude::*;

use crate::model::{Language, Site};

/// The chart sources of the site's bodies that have ```` ```chart ```` blocks, by body file.
///
/// Found once per body, in parallel, before the plan is made one portal after another: a
/// body every language shows untranslated was otherwise scanned once per language, on one
/// thread (60 ms of a 10,000-contribution build in three languages).
pub(super) struct BodyCharts<'s>(HashMap<&'s str, Vec<String>>);

impl<'s> BodyCharts<'s> {
    pub(super) fn of(site: &'s Site) -> Self {
        let mut bodies: Vec<(&'s str, &'s crate::model::Markdown)> = site
            .editions
            .iter()
            .flat_map(|edition| {
                let year = edition.year;
                let languages = site.config.languages.iter();
                languages.flat_map(move |language| portal_bodies(site, year, language))
            })
            .collect();
        bodies.sort_unstable_by_key(|(file, _)| *file);
        bodies.dedup_by_key(|(file, _)| *file);
        let with_charts = bodies.par_iter().filter_map(|(file, body)| {
            let sources = chart_sources(body);
            (!sources.is_empty()).then_some((*file, sources))
        });
        BodyCharts(with_charts.collect())
    }

    /// The chart sources of the body in `file`, in the order they appear.
    pub(super) fn sources(&self, file: &str) -> &[String] {
        self.0.get(file).map_or(&[], Vec::as_slice)
    }
}

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
fn chart_sources(body: &crate::model::Markdown) -> Vec<String> {
    // Most bodies have no chart: a vectorized search finds out before any parsing.
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
