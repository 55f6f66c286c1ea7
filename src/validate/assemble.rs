//! Validated documents put together: translations attached to their originals, chapters
//! ordered under their edition's report, and the rules that span documents of one kind
//! (a translation needs an original, two chapters cannot share an address).

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, Position};
use crate::load::DocumentKind;
use crate::model::{Contribution, Markdown, Page, PolicyNote, Report, Translation};

use super::documents::Validated;

/// A translation whose original (the file at `original`) does not exist or is invalid.
pub fn orphan(original: &str, translation: &Translation) -> Diagnostic {
    Diagnostic::error(
        translation.body.file.as_str(),
        format!("this translation has no original: `{original}` does not exist (or is invalid)"),
    )
    .with_hint(
        "a translation `<name>.<lang>.md` sits beside the document `<name>.md` it translates",
    )
}

/// The documents of a site with their translations attached.
pub struct Assembled {
    pub home: Page,
    pub reports: Vec<Report>,
    pub contributions: Vec<Contribution>,
    pub drafts: Vec<Contribution>,
    pub policy_notes: Vec<PolicyNote>,
}

/// Validated documents gathered by kind, before translations are attached.
#[derive(Default)]
pub struct Parts {
    home: Option<Page>,
    fronts: BTreeMap<String, Page>,
    chapters: BTreeMap<String, Vec<(String, Page)>>,
    contributions: Vec<Contribution>,
    drafts: Vec<Contribution>,
    policy_notes: Vec<PolicyNote>,
    /// Translations by the path of the file they translate.
    translations: BTreeMap<String, Vec<Translation>>,
}

impl Parts {
    pub fn add(&mut self, kind: DocumentKind, validated: Validated) {
        match (validated, kind) {
            (
                Validated::Translation {
                    original,
                    translation,
                },
                _,
            ) => self
                .translations
                .entry(original)
                .or_default()
                .push(translation),
            (Validated::Contribution(contribution), _) => self.contributions.push(*contribution),
            (Validated::Draft(contribution), _) => self.drafts.push(*contribution),
            (Validated::PolicyNote(note), _) => self.policy_notes.push(*note),
            (Validated::Page(page), DocumentKind::Home) => self.home = Some(page),
            (Validated::Page(page), DocumentKind::ReportFront { year }) => {
                self.fronts.insert(year, page);
            }
            (Validated::Page(page), DocumentKind::Chapter { year, name }) => {
                self.chapters.entry(year).or_default().push((name, page))
            }
            (Validated::Page(_), _) => {}
        }
    }

    /// Attaches translations, orders chapters and checks the rules that span documents.
    pub fn assemble(
        mut self,
        site_title: &str,
        editions: &[crate::model::Edition],
        problems: &mut Vec<Diagnostic>,
    ) -> Assembled {
        let mut home = self.home.take().unwrap_or_else(|| Page {
            slug: String::new(),
            title: String::new(),
            summary: None,
            weight: 0,
            body: Markdown {
                file: "content/_index.md".to_owned(),
                text: std::sync::Arc::default(),
                line_offset: 0,
            },
            translations: Vec::new(),
        });
        if home.title.is_empty() {
            home.title = site_title.to_owned();
        }
        home.translations = self.take_translations(&home.body.file);
        for contribution in self.contributions.iter_mut().chain(&mut self.drafts) {
            contribution.translations = self
                .translations
                .remove(&contribution.body.file)
                .unwrap_or_default();
        }
        for note in &mut self.policy_notes {
            note.translations = self
                .translations
                .remove(&note.body.file)
                .unwrap_or_default();
        }
        let reports = self.reports(editions, problems);
        for (original, translations) in std::mem::take(&mut self.translations) {
            for translation in translations {
                problems.push(orphan(&original, &translation));
            }
        }
        Assembled {
            home,
            reports,
            contributions: self.contributions,
            drafts: self.drafts,
            policy_notes: self.policy_notes,
        }
    }

    fn take_translations(&mut self, original: &str) -> Vec<Translation> {
        let mut translations = self.translations.remove(original).unwrap_or_default();
        translations.sort_by(|a, b| a.language.cmp(&b.language));
        translations
    }

    fn reports(
        &mut self,
        editions: &[crate::model::Edition],
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<Report> {
        let years: BTreeSet<String> = self
            .fronts
            .keys()
            .chain(self.chapters.keys())
            .cloned()
            .collect();
        let mut reports = Vec::new();
        for year_name in years {
            let edition = editions
                .iter()
                .find(|edition| edition.year.to_string() == year_name);
            let Some(edition) = edition else {
                let listed = editions
                    .iter()
                    .map(|edition| edition.year.to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                problems.push(
                    Diagnostic::error(
                        format!("content/report/{year_name}"),
                        format!("`report/{year_name}/` names no edition"),
                    )
                    .with_hint(format!(
                        "report folders are named after an edition of site.yaml: {listed}"
                    )),
                );
                continue;
            };
            let mut front = self.fronts.remove(&year_name).unwrap_or_else(|| Page {
                slug: String::new(),
                title: format!("Annual report {year_name}"),
                summary: None,
                weight: 0,
                body: Markdown {
                    file: format!("content/report/{year_name}/_index.md"),
                    text: std::sync::Arc::default(),
                    line_offset: 0,
                },
                translations: Vec::new(),
            });
            front.translations = self.take_translations(&front.body.file);
            let mut chapters: Vec<(String, Page)> =
                self.chapters.remove(&year_name).unwrap_or_default();
            chapters.sort_by(|(a_name, a), (b_name, b)| {
                a.weight.cmp(&b.weight).then_with(|| a_name.cmp(b_name))
            });
            let mut seen: BTreeMap<String, String> = BTreeMap::new();
            let mut pages = Vec::new();
            for (_, mut chapter) in chapters {
                if let Some(first) = seen.get(&chapter.slug) {
                    problems.push(
                        Diagnostic::error(
                            chapter.body.file.as_str(),
                            format!(
                                "two chapters would have the same address `report/{year_name}/{}/`",
                                chapter.slug
                            ),
                        )
                        .at(Position::new(1, 1), "")
                        .with_hint(format!("rename this file or `{first}`")),
                    );
                    continue;
                }
                seen.insert(chapter.slug.clone(), chapter.body.file.clone());
                chapter.translations = self.take_translations(&chapter.body.file);
                pages.push(chapter);
            }
            reports.push(Report {
                year: edition.year,
                front,
                chapters: pages,
            });
        }
        reports
    }
}
