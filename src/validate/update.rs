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

use rayon::prelude::*;

use super::documents::{self, Validated};
use super::shared_fields::Known;
use super::{display_order, editions, finish, markdown_problems, orphan};
use super::{unique_addresses, updates_resolve};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};

use crate::load::cache::Revision;
use crate::load::{Document, DocumentKind};
use crate::model::{Contribution, EditionStatus, Index, Markdown, Site, Translation};

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
    let mut known = Known::of_site(site);
    known
        .contributions
        .extend(documents::contribution_slugs(&changed));
    let (mut fresh, mut problems) = check_changed(changed, &known);
    let mut contributions =
        unchanged_contributions(&site.contributions, &touched, &mut fresh.translations);
    let mut drafts = unchanged_contributions(&site.drafts, &touched, &mut fresh.translations);
    for (list, fresh_list) in [
        (&mut contributions, std::mem::take(&mut fresh.contributions)),
        (&mut drafts, std::mem::take(&mut fresh.drafts)),
    ] {
        for mut contribution in fresh_list {
            contribution.translations = take_translations(&mut fresh.translations, &contribution);
            contribution.provenance = provenance.get(&contribution.body.file).cloned();
            list.push(contribution);
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
    contributions.sort_by(display_order);
    problems.extend(unique_addresses(&contributions));
    problems.extend(updates_resolve(&contributions));
    let mut next = Site {
        index: Index::build(&contributions),
        contributions: std::sync::Arc::new(contributions),
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
            &next.contributions,
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
    let mut placed = BTreeSet::new();
    for site in [before, after] {
        let published = |year: i32| {
            site.editions
                .iter()
                .any(|edition| edition.year == year && edition.status == EditionStatus::Published)
        };
        for contribution in site.contributions.iter().chain(&site.drafts) {
            let files = std::iter::once(&contribution.body)
                .chain(contribution.translations.iter().map(|t| &t.body))
                .map(|body| body.file.as_str())
                .filter(|file| touched.contains(*file));
            for file in files {
                if published(contribution.edition) {
                    return true;
                }
                placed.insert(file);
            }
        }
    }
    placed.len() < touched.len()
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

/// Copies of the `contributions` (or drafts) of a site whose files are not in `touched`, with their
/// translations brought up to date from `translations` (which keeps the translations
/// still to be placed). The untouched translations of a touched original are added to
/// `translations`, to be attached to its new version or reported as orphans.
fn unchanged_contributions(
    contributions: &[Contribution],
    touched: &BTreeSet<String>,
    translations: &mut BTreeMap<String, Vec<Translation>>,
) -> Vec<Contribution> {
    let is_touched = |markdown: &Markdown| touched.contains(&markdown.file);
    for contribution in contributions.iter().filter(|c| is_touched(&c.body)) {
        let untouched = contribution
            .translations
            .iter()
            .filter(|translation| !is_touched(&translation.body));
        translations
            .entry(contribution.body.file.clone())
            .or_default()
            .extend(untouched.cloned());
    }
    // Copying ten thousand contributions is most of an update: in parallel.
    let mut kept: Vec<Contribution> = contributions
        .par_iter()
        .filter(|contribution| !is_touched(&contribution.body))
        .cloned()
        .collect();
    for contribution in &mut kept {
        let translations_changed = translations.contains_key(&contribution.body.file)
            || contribution
                .translations
                .iter()
                .any(|translation| is_touched(&translation.body));
        if translations_changed {
            contribution
                .translations
                .retain(|translation| !is_touched(&translation.body));
            translations
                .entry(contribution.body.file.clone())
                .or_default()
                .append(&mut contribution.translations);
            contribution.translations = take_translations(translations, contribution);
        }
    }
    kept
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
        contributions: std::sync::Arc::default(),
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
    contributions: &'a [Contribution],
    touched: &BTreeSet<String>,
) -> Vec<&'a Markdown> {
    contributions
        .iter()
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
