//! Validating again after only contribution files changed, without checking the others.
//!
//! `serve` validates after every save. On a site of 10,000 contributions, checking every
//! document again costs far more than a live preview can spend, and when only files of
//! `content/contributions/` changed it is not needed: a document is checked on its own
//! against the ids that the data files and site.yaml define ([`Known`]), which did not
//! change, so every unchanged contribution would pass as before, with the same result.
//! [`update`] checks the changed files against those ids, puts what they yield in a copy
//! of the site in place of their old versions, and then applies again every rule that
//! spans documents: a translation needs its original, an address belongs to one
//! contribution, `updates:` names a contribution of an earlier edition, and published
//! editions stay as published. It orders and indexes the contributions as [`validate`]
//! does, so the site is the one a full validation of the same files gives (a test
//! compares the pages rendered from both).
//!
//! The copy is cheap: bodies are shared (`Markdown::text` is an `Arc`), so copying the
//! model copies the front matter's values only.
//!
//! Any other change (site.yaml, a data file, a policy note, a report page) can change
//! what documents may refer to or how the site is put together, and goes through
//! [`validate`].
//!
//! [`validate`]: super::validate

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;

use super::documents::{self, Validated};
use super::shared_fields::Known;
use super::{display_order, editions, finish, markdown_problems, orphan};
use super::{follow_ups_by_the_same_stakeholder, records_of_their_edition};
use super::{unique_addresses, updates_resolve};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};

use crate::load::cache::Revision;
use crate::load::{Document, DocumentKind};
use crate::model::{
    Contribution, Contributions, EditionStatus, Index, Markdown, Site, Translation,
};

/// Whether the file at `path` (relative to the root) is one that [`update`] can check
/// on its own: a contribution or a translation of one.
pub fn is_contribution_file(path: &str) -> bool {
    path.strip_prefix("content/contributions/")
        .is_some_and(|name| !name.contains('/'))
}

/// Validates the site that `site` (valid) becomes after `revision`; returns it when it
/// has no errors, and the diagnostics of the changed files and the errors of the rules
/// that span documents. The warnings of unchanged files, and the site-wide ones, are
/// those `site` had: they do not depend on the changed files.
pub fn update(site: &Site, revision: Revision) -> (Option<Site>, Diagnostics) {
    let Revision {
        changed,
        removed,
        provenance,
        manifests,
        hashes,
    } = revision;
    let touched: BTreeSet<String> = changed
        .iter()
        .map(|document| document.file.path.clone())
        .chain(removed)
        .collect();
    let known = Known::of_site(site, documents::contribution_slugs(&changed));
    let (mut fresh, mut problems) = check_changed(changed, &known);
    let by_file = |file: &str| site.contributions.by_file(file);
    let kept = Kept::of(by_file, &touched, &mut fresh.translations);
    let draft = |file: &str| draft_of(&site.drafts, file);
    let kept_drafts = Kept::of(draft, &touched, &mut fresh.translations);
    let mut added = kept.remade;
    let replaced_drafts: BTreeSet<&str> = kept_drafts
        .replaced
        .iter()
        .map(|draft| draft.body.file.as_str())
        .collect();
    let mut drafts: Vec<Contribution> = site
        .drafts
        .iter()
        .filter(|draft| !replaced_drafts.contains(draft.body.file.as_str()))
        .cloned()
        .chain(kept_drafts.remade.into_iter().map(Arc::unwrap_or_clone))
        .collect();
    let mut new_contributions = Vec::new();
    let placed: Vec<(bool, Contribution)> = std::mem::take(&mut fresh.contributions)
        .into_iter()
        .map(|contribution| (false, contribution))
        .chain(
            std::mem::take(&mut fresh.drafts)
                .into_iter()
                .map(|draft| (true, draft)),
        )
        .collect();
    for (draft, mut contribution) in placed {
        contribution.translations = take_translations(&mut fresh.translations, &contribution);
        contribution.provenance = provenance.get(&contribution.body.file).cloned();
        if draft {
            drafts.push(contribution);
        } else {
            new_contributions.push(contribution);
        }
    }
    drafts.sort_by(display_order);
    // Drafts are not rendered, so the changed ones' bodies are checked here.
    problems.extend(markdown_problems(&changed_bodies(&drafts, &touched)));
    for (original, translations) in &fresh.translations {
        for translation in translations {
            problems.push(orphan(original, translation));
        }
    }
    // The data files did not change: only the changed contributions can name a record
    // their edition does not show.
    let new_contributions = Contributions::new(new_contributions);
    problems.extend(records_of_their_edition(
        &new_contributions,
        &site.objectives,
        &site.forums,
    ));
    added.extend(new_contributions.shared().iter().cloned());
    let contributions = site.contributions.with_changes(&kept.replaced, added);
    let moves = contributions.moves_from(&site.contributions);
    problems.extend(unique_addresses(&contributions));
    problems.extend(updates_resolve(&contributions));
    problems.extend(follow_ups_by_the_same_stakeholder(&contributions));
    let mut next = Site {
        index: site.index.updated(&moves, &contributions),
        contributions,
        drafts,
        ..copy_of_the_rest(site)
    };
    // A published edition's manifest is read and compared only when the change can
    // concern it: the copy of the site keeps the errata the last check attached.
    if touches_published(site, &next, &touched) {
        let published = editions::check_published(
            &mut next,
            manifests,
            hashes,
            &editions::RecordFiles::default(),
            &super::renames::Renames::default(),
        );
        problems.extend(
            published
                .into_iter()
                .filter(|problem| problem.severity == Severity::Error),
        );
    }
    if problems
        .iter()
        .any(|problem| problem.severity == Severity::Error)
    {
        // The site will not be rendered: find the changed bodies' problems now.
        problems.extend(markdown_problems(&changed_bodies(
            next.contributions.iter(),
            &touched,
        )));
        return (None, finish(problems));
    }
    (Some(next), finish(problems))
}

/// Whether the files `touched` can change what a published edition is made of: some
/// belong, before or after the change, to a contribution (or draft) of a published
/// edition, or to none at all (a file that is gone or invalid). Otherwise the published
/// editions' inputs are those the served site was checked with.
fn touches_published(before: &Site, after: &Site, touched: &BTreeSet<String>) -> bool {
    touched.iter().any(|file| {
        let mut placed = false;
        for site in [before, after] {
            let owner = site
                .contributions
                .by_file(file)
                .or_else(|| draft_of(&site.drafts, file));
            if let Some(contribution) = owner {
                let published = site.editions.iter().any(|edition| {
                    edition.year == contribution.edition
                        && edition.status == EditionStatus::Published
                });
                if published {
                    return true;
                }
                placed = true;
            }
        }
        !placed
    })
}

/// What the changed files yield once checked.
#[derive(Default)]
struct Fresh {
    contributions: Vec<Contribution>,
    drafts: Vec<Contribution>,
    /// Translations by the path of the file they translate.
    translations: BTreeMap<String, Vec<Translation>>,
}

/// Checks the changed files against `known`, in parallel.
fn check_changed(changed: Vec<Document>, known: &Known) -> (Fresh, Vec<Diagnostic>) {
    let results: Vec<(Option<Validated>, Vec<Diagnostic>)> = changed
        .into_par_iter()
        .map(|document| match document.kind {
            DocumentKind::Contribution { .. } => documents::document(document, known),
            _ => (None, vec![not_a_contribution(&document.file.path)]),
        })
        .collect();
    let mut fresh = Fresh::default();
    let mut problems = Vec::new();
    for (validated, mut diagnostics) in results {
        problems.append(&mut diagnostics);
        match validated {
            Some(Validated::Contribution(contribution)) => fresh.contributions.push(*contribution),
            Some(Validated::Draft(contribution)) => fresh.drafts.push(*contribution),
            Some(Validated::Translation {
                original,
                translation,
            }) => fresh
                .translations
                .entry(original)
                .or_default()
                .push(translation),
            Some(Validated::PolicyNote(_) | Validated::Page(_)) | None => {}
        }
    }
    (fresh, problems)
}

/// The caller gave a file that is not a contribution: it must validate the whole site.
fn not_a_contribution(path: &str) -> Diagnostic {
    Diagnostic::error(
        path,
        "this file is not a contribution and cannot be validated on its own",
    )
    .with_hint("this is a bug in rapporteur: run `rapporteur check` for the whole site")
}

/// What the change does to the contributions (or drafts) of the served site.
struct Kept<'c> {
    /// Those that the change replaces: changed, removed, or with changed translations.
    replaced: Vec<&'c Contribution>,
    /// The new versions of those whose translations alone changed.
    remade: Vec<Arc<Contribution>>,
}

impl<'c> Kept<'c> {
    /// What the change of the files `touched` does to the contributions that `find`
    /// gives by file (their own or a translation's), given the translations waiting to
    /// be placed (`translations`, by the file they translate), to which the untouched
    /// translations of a touched original are added, to be attached to its new version
    /// or reported as orphans. Only the contributions of those files are read: the
    /// others are kept as they are, shared with the served site.
    fn of(
        find: impl Fn(&str) -> Option<&'c Contribution>,
        touched: &BTreeSet<String>,
        translations: &mut BTreeMap<String, Vec<Translation>>,
    ) -> Self {
        let is_touched = |markdown: &Markdown| touched.contains(&markdown.file);
        let mut kept = Kept {
            replaced: Vec::new(),
            remade: Vec::new(),
        };
        let mut seen = BTreeSet::new();
        for file in touched {
            let Some(contribution) = find(file).filter(|c| c.body.file == *file) else {
                continue;
            };
            let untouched = contribution
                .translations
                .iter()
                .filter(|translation| !is_touched(&translation.body));
            translations
                .entry(file.clone())
                .or_default()
                .extend(untouched.cloned());
            seen.insert(file.clone());
            kept.replaced.push(contribution);
        }
        // Now that a touched original's translations all wait: the originals of a
        // touched translation, or of one waiting.
        let files: Vec<String> = touched.iter().chain(translations.keys()).cloned().collect();
        for file in files {
            let Some(contribution) = find(&file) else {
                continue;
            };
            if !seen.insert(contribution.body.file.clone()) {
                continue;
            }
            let mut remade = contribution.clone();
            remade
                .translations
                .retain(|translation| !is_touched(&translation.body));
            translations
                .entry(remade.body.file.clone())
                .or_default()
                .append(&mut remade.translations);
            remade.translations = take_translations(translations, &remade);
            kept.replaced.push(contribution);
            kept.remade.push(Arc::new(remade));
        }
        kept
    }
}

/// The draft among `drafts` one of whose files (its own or a translation's) is `file`.
fn draft_of<'c>(drafts: &'c [Contribution], file: &str) -> Option<&'c Contribution> {
    drafts.iter().find(|draft| {
        draft.body.file == file || draft.translations.iter().any(|t| t.body.file == file)
    })
}

/// The translations of `contribution` waiting in `translations`, in the order a full
/// load gives them: by file name.
fn take_translations(
    translations: &mut BTreeMap<String, Vec<Translation>>,
    contribution: &Contribution,
) -> Vec<Translation> {
    let mut taken = translations
        .remove(&contribution.body.file)
        .unwrap_or_default();
    taken.sort_by(|a, b| a.body.file.cmp(&b.body.file));
    taken
}

/// Everything of `site` but its contributions and their index.
fn copy_of_the_rest(site: &Site) -> Site {
    Site {
        config: site.config.clone(),
        editions: site.editions.clone(),
        objectives: site.objectives.clone(),
        forums: site.forums.clone(),
        contributions: Contributions::default(),
        drafts: Vec::new(),
        policy_notes: site.policy_notes.clone(),
        home: site.home.clone(),
        reports: site.reports.clone(),
        datasets: site.datasets.clone(),
        translations: site.translations.clone(),
        data_files: site.data_files.clone(),
        assets: site.assets.clone(),
        index: Index::default(),
    }
}

/// The bodies among `contributions` of the files in `touched`.
fn changed_bodies<'a>(
    contributions: impl IntoIterator<Item = &'a Contribution>,
    touched: &BTreeSet<String>,
) -> Vec<&'a Markdown> {
    contributions
        .into_iter()
        .flat_map(|contribution| {
            std::iter::once(&contribution.body).chain(
                contribution
                    .translations
                    .iter()
                    .map(|translation| &translation.body),
            )
        })
        .filter(|body| touched.contains(&body.file))
        .collect()
}
