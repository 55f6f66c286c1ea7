//! Published editions stay as published: their inputs are compared with the manifest
//! written by `rapporteur publish` (see `crate::publish`), and every difference not
//! recorded as an erratum is an error naming the file.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::load::TextFile;
use crate::model::{EditionStatus, ErratumNote, Site};
use crate::publish::{edition_files, Manifest};

/// Checks every manifest against the current inputs; attaches errata to their editions.
pub fn check_published(
    site: &mut Site,
    manifests: &[TextFile],
    hashes: &BTreeMap<String, String>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut manifested = Vec::new();
    for file in manifests {
        let manifest: Manifest = match serde_saphyr::from_str(&file.text) {
            Ok(manifest) => manifest,
            Err(error) => {
                problems.push(
                    Diagnostic::error(
                        file.path.as_str(),
                        format!(
                            "this edition manifest cannot be read: {}",
                            error.without_snippet()
                        ),
                    )
                    .with_hint(
                        "restore it from version control; it is written by `rapporteur publish`",
                    ),
                );
                continue;
            }
        };
        let Some(position) = site
            .editions
            .iter()
            .position(|edition| edition.year == manifest.edition)
        else {
            problems.push(
                Diagnostic::error(
                    file.path.as_str(),
                    format!(
                        "this manifest is for edition {}, which site.yaml does not list",
                        manifest.edition
                    ),
                )
                .with_hint("add the edition back to site.yaml"),
            );
            continue;
        };
        manifested.push(manifest.edition);
        problems.extend(compare(site, &manifest, hashes));
        let edition = &mut site.editions[position];
        if edition.status != EditionStatus::Published {
            problems.push(
                Diagnostic::error(
                    "site.yaml",
                    format!(
                        "edition {} is published (see {}) but site.yaml says `status: {}`",
                        edition.year,
                        file.path,
                        edition.status.id()
                    ),
                )
                .with_hint("set its status back to `published`; a published edition cannot reopen"),
            );
        }
        edition.published_on = Some(manifest.published.clone());
        edition.errata = manifest
            .errata
            .iter()
            .map(|erratum| ErratumNote {
                date: erratum.date.clone(),
                description: erratum.description.clone(),
                files: erratum.files.keys().cloned().collect(),
            })
            .collect();
    }
    for edition in &site.editions {
        if edition.status == EditionStatus::Published && !manifested.contains(&edition.year) {
            problems.push(Diagnostic::warning("site.yaml", format!("edition {} is marked published but has no manifest, so changes to it go unnoticed", edition.year)).with_hint(format!("freeze it with `rapporteur publish {}`", edition.year)));
        }
    }
    problems
}

/// The differences between the edition's inputs now and its manifest with errata applied.
fn compare(site: &Site, manifest: &Manifest, hashes: &BTreeMap<String, String>) -> Vec<Diagnostic> {
    let year = manifest.edition;
    let expected = manifest.expected();
    let files = edition_files(site, year);
    let hint = format!("undo the change, or record it as a correction: rapporteur erratum {year} --description \"what was corrected and why\"");
    let mut problems = Vec::new();
    for file in &files {
        match (expected.get(file), hashes.get(file)) {
            (Some(published), Some(now)) if published == now => {}
            (Some(_), _) => problems.push(
                Diagnostic::error(
                    file.as_str(),
                    format!("this file changed after edition {year} was published"),
                )
                .with_hint(hint.clone()),
            ),
            (None, _) => problems.push(
                Diagnostic::error(
                    file.as_str(),
                    format!("this file was added to edition {year} after it was published"),
                )
                .with_hint(format!("give it a date in an open edition, or {hint}")),
            ),
        }
    }
    for file in expected.keys().filter(|file| !files.contains(file)) {
        problems.push(Diagnostic::error(file.as_str(), format!("this file of edition {year} was removed or moved to another edition after publication")).with_hint(hint.clone()));
    }
    problems
}
