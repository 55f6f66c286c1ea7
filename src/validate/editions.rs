//! Published editions stay as published: their inputs (everything their pages show, see
//! `crate::manifest`) are compared with the manifest written by `rapporteur publish`, and
//! every difference not recorded as an erratum is an error naming the file, and for a data
//! record its id. A published edition without a manifest is an error too: nothing would
//! notice its changes.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Position};
use crate::load::TextFile;
use crate::manifest::{self, Manifest};
use crate::model::{EditionStatus, ErratumNote, Site};

use super::renames::{RecordKind, Rename, Renames};

/// Checks every manifest against the current inputs; attaches errata to their editions.
pub fn check_published(
    site: &mut Site,
    manifests: &[TextFile],
    hashes: &BTreeMap<String, String>,
    records: &RecordFiles,
    renames: &Renames,
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
        problems.extend(compare(site, &manifest, hashes, records, renames));
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
            problems.push(
                Diagnostic::error(
                    "site.yaml",
                    format!(
                        "edition {} is marked published but has no manifest (editions/{}.yaml), so changes to it would go unnoticed",
                        edition.year, edition.year
                    ),
                )
                .with_hint(format!(
                    "restore editions/{0}.yaml from version control, or freeze the edition with `rapporteur publish {0}`",
                    edition.year
                )),
            );
        }
    }
    problems
}

/// A manifest that git's history holds and the working tree lacks: its edition was
/// published, and deleting the record of it (even with `status: open`) would unfreeze it.
pub fn lost_manifest(file: &str) -> Diagnostic {
    Diagnostic::error(
        file,
        "this edition manifest is in the repository's history but has been deleted, so its published edition would no longer be checked",
    )
    .with_hint(format!(
        "restore it (`git checkout <last commit that had it> -- {file}`) and keep the edition's `status: published`; a published edition cannot reopen"
    ))
}

/// The differences between the edition's inputs now and its manifest with errata applied.
fn compare(
    site: &Site,
    manifest: &Manifest,
    hashes: &BTreeMap<String, String>,
    records: &RecordFiles,
    renames: &Renames,
) -> Vec<Diagnostic> {
    let year = manifest.edition;
    let expected = manifest.expected();
    let mut now = manifest::inputs(site, year, hashes);
    hash_whole_as_published(&expected, &mut now, hashes);
    let renamed = renamed_records(&expected, &now, year, renames);
    let hint = format!("undo the change, or record it as a correction: rapporteur erratum {year} --description \"what was corrected and why\"");
    let mut problems = Vec::new();
    for (key, hash) in &now {
        if expected.get(key) == Some(hash) {
            continue;
        }
        if let Some(rename) = renamed.get(key) {
            problems.push(renamed_in_data_file(rename, records));
            continue;
        }
        let actions = renamed_actions(&original_key(key), year, renames);
        if !actions.is_empty() && key != &original_key(key) {
            // Its translation changed with the rename, which the translation file is told.
            continue;
        }
        if !actions.is_empty() && expected.contains_key(key) {
            problems.extend(
                actions
                    .iter()
                    .map(|rename| renamed_in_data_file(rename, records)),
            );
            continue;
        }
        let (message, extra) = match expected.get(key) {
            Some(published) if published == hash => continue,
            Some(_) => (
                format!("{} changed after edition {year} was published", what(key)),
                whole_file_hint(key),
            ),
            None => (
                format!(
                    "{} was added to edition {year} after it was published",
                    what(key)
                ),
                added_hint(key, year),
            ),
        };
        let problem = Diagnostic::error(manifest::key_file(key), message);
        problems.push(
            records
                .place(problem, key)
                .with_hint(format!("{extra}{hint}")),
        );
    }
    let renamed_away: Vec<String> = renamed
        .values()
        .map(|rename| record_key(rename.kind, &rename.old))
        .collect();
    // A renamed record's translations are told with the rename, in the translation files.
    let removed = expected
        .keys()
        .filter(|key| !now.contains_key(*key) && !renamed_away.contains(&original_key(key)));
    for key in removed {
        let message = match moved_to(site, key) {
            Some(other) => {
                format!("this file moved from edition {year} to edition {other} after publication")
            }
            // Read but not in the model: its own errors say why; more would be noise.
            None if !key.contains('#') && hashes.contains_key(key) => continue,
            None => format!(
                "{} was removed from edition {year} after publication",
                what(key)
            ),
        };
        let extra = removed_hint(key, year);
        let problem = Diagnostic::error(manifest::key_file(key), message);
        problems.push(
            records
                .place(problem, key)
                .with_hint(format!("{extra}{hint}")),
        );
    }
    problems
}

/// Manifests written before data translations were hashed record by record hold each
/// translation file whole: such a file is compared whole, as it was published. (An
/// erratum records the file's records instead, and removes the whole-file key.)
fn hash_whole_as_published(
    expected: &BTreeMap<String, String>,
    now: &mut BTreeMap<String, String>,
    hashes: &BTreeMap<String, String>,
) {
    let whole = expected
        .keys()
        .filter(|key| manifest::is_data_translation(key));
    for file in whole {
        let prefix = format!("{file}#");
        now.retain(|key, _| !key.starts_with(&prefix));
        if let Some(hash) = hashes.get(file) {
            now.insert(file.clone(), hash.clone());
        }
    }
}

/// Why a data translation is compared whole, for manifests that hash it so.
fn whole_file_hint(key: &str) -> String {
    if !manifest::is_data_translation(key) {
        return String::new();
    }
    "this manifest holds the file whole (it was written before translations were hashed record by record, so even a translation of a record of a later edition counts); an erratum records the file's records one by one from then on; ".to_owned()
}

/// The diagnostic on the new id's line of a record renamed after publication.
fn renamed_in_data_file(rename: &Rename, records: &RecordFiles) -> Diagnostic {
    let (message, hint) = rename.in_data_file();
    let key = record_key(rename.kind, &rename.new);
    let problem = Diagnostic::error(rename.kind.file(), message);
    records.place(problem, &key).with_hint(hint)
}

/// The renamed actions of the objective that `key` names, when that is all that changed.
fn renamed_actions(key: &str, year: i32, renames: &Renames) -> Vec<Rename> {
    match key.split_once('#') {
        Some((manifest::OBJECTIVES_FILE, objective)) => renames.actions_of(year, objective),
        _ => Vec::new(),
    }
}

/// The records of edition `year` renamed since, by the key of their new id.
fn renamed_records(
    expected: &BTreeMap<String, String>,
    now: &BTreeMap<String, String>,
    year: i32,
    renames: &Renames,
) -> BTreeMap<String, Rename> {
    let gone = expected.keys().filter(|key| !now.contains_key(*key));
    gone.filter_map(|key| {
        let (file, old) = key.split_once('#')?;
        let kind = match file {
            manifest::OBJECTIVES_FILE => RecordKind::Objective,
            manifest::FORUMS_FILE => RecordKind::Forum,
            _ => return None,
        };
        let rename = renames.of_in(year, kind, old)?;
        Some((record_key(kind, &rename.new), rename))
    })
    .collect()
}

/// The key of the record itself for the key of its translation, otherwise `key`
/// (`content/data/forums.fr.yaml#igf` → `content/data/forums.yaml#igf`).
fn original_key(key: &str) -> String {
    match key.split_once('#') {
        Some((file, id)) => match manifest::translation_file(file) {
            Some((original, _)) => format!("{original}#{id}"),
            None => key.to_owned(),
        },
        None => key.to_owned(),
    }
}

/// The manifest key of a record (`content/data/forums.yaml#igf`).
fn record_key(kind: RecordKind, id: &str) -> String {
    format!("{}#{id}", kind.file())
}

/// The edition a published contribution or note now belongs to, if it moved.
fn moved_to(site: &Site, file: &str) -> Option<i32> {
    let contributions = site.contributions.iter().map(|c| (&c.body.file, c.edition));
    let notes = site.policy_notes.iter().map(|n| (&n.body.file, n.edition));
    contributions
        .chain(notes)
        .find(|(path, _)| path.as_str() == file)
        .map(|(_, edition)| edition)
}

/// How a diagnostic names an input: the file, or the record and its file.
fn what(key: &str) -> String {
    match key.split_once('#') {
        Some(("site.yaml", field)) => format!("the site's `{field}`"),
        Some((file, id)) if manifest::is_data_translation(file) => {
            let (original, language) = manifest::translation_file(file).unwrap_or_default();
            let record = what(&format!("{original}#{id}"));
            format!("the `{language}` translation of {record}")
        }
        Some((file, id)) if file == manifest::OBJECTIVES_FILE => {
            format!("objective `{id}` (or one of its actions)")
        }
        Some((_, id)) => format!("forum `{id}`"),
        None => "this file".to_owned(),
    }
}

/// The way to add a data record for a later edition only.
fn added_hint(key: &str, year: i32) -> String {
    match key.split_once('#') {
        Some((file, _)) if is_record_file(file) => format!(
            "to add it for a later edition only, give it `added_in: {}`; otherwise ",
            year + 1
        ),
        _ => String::new(),
    }
}

/// The way to retire a data record that a published edition shows.
fn removed_hint(key: &str, year: i32) -> String {
    match key.split_once('#') {
        Some((file, _)) if is_record_file(file) => format!(
            "keep it in the file with `removed_in: {}` so that edition {year} still shows it (a renamed id is a removal and an addition); otherwise ",
            year + 1
        ),
        _ => String::new(),
    }
}

/// Whether `file` holds the records themselves (not their translations).
fn is_record_file(file: &str) -> bool {
    file == manifest::OBJECTIVES_FILE || file == manifest::FORUMS_FILE
}

/// The files whose records and texts published editions name, to place diagnostics on
/// the record's `id:` line, or on the line of a site text in site.yaml.
#[derive(Default)]
pub struct RecordFiles {
    pub site: Option<TextFile>,
    pub objectives: Option<TextFile>,
    pub forums: Option<TextFile>,
    /// `objectives.<lang>.yaml` and `forums.<lang>.yaml`.
    pub translations: Vec<TextFile>,
}

impl RecordFiles {
    /// Places `problem` on the `id:` line of the record `key` names, or on the line of the
    /// site text it names (`site.yaml#title.fr`), when it is still there.
    fn place(&self, problem: Diagnostic, key: &str) -> Diagnostic {
        let Some((file, id)) = key.split_once('#') else {
            return problem;
        };
        if let Some(site) = self.site.as_ref().filter(|site| site.path == file) {
            return match site_text_line(&site.text, id) {
                Some(position) => problem.at(position, &site.text),
                None => problem,
            };
        }
        let text = [&self.objectives, &self.forums]
            .into_iter()
            .flatten()
            .chain(&self.translations)
            .find(|text| text.path == file);
        let Some(text) = text else {
            return problem;
        };
        match id_line(&text.text, id) {
            Some(position) => problem.at(position, &text.text),
            None => problem,
        }
    }
}

/// The position in site.yaml of the site text `field`: `title` or `description` at the
/// top, or `title.fr` under `translations:` → `fr:`.
fn site_text_line(text: &str, field: &str) -> Option<Position> {
    let (name, language) = match field.split_once('.') {
        Some((name, language)) => (name, Some(language)),
        None => (field, None),
    };
    let mut lines = text.lines().enumerate();
    if let Some(language) = language {
        lines.find(|(_, line)| line.trim_end() == "translations:")?;
        let key = format!("{language}:");
        lines.find(|(_, line)| line.trim() == key)?;
    }
    let key = format!("{name}:");
    lines.find_map(|(index, line)| {
        let value = line.trim_start();
        let column = line.len() - value.len();
        let at_its_level = if language.is_some() {
            column > 0
        } else {
            column == 0
        };
        let text = value.strip_prefix(&key).filter(|_| at_its_level)?;
        // On the text itself, or on the key when the text is on the next lines.
        let text_column = match text.trim_start() {
            "" | "|" | ">" | "|-" | ">-" => column,
            rest => line.len() - rest.len(),
        };
        Some(Position::new(index as u64 + 1, text_column as u64 + 1))
    })
}

/// The position of `id: <id>` (bare or quoted) in a YAML list of records.
fn id_line(text: &str, id: &str) -> Option<Position> {
    text.lines().enumerate().find_map(|(index, line)| {
        let column = line.find("id:")?;
        let before = line[..column].trim_start_matches([' ', '-']);
        let value = line[column + 3..].trim().trim_matches(['"', '\'']);
        (before.is_empty() && value == id)
            .then(|| Position::new(index as u64 + 1, column as u64 + 1))
    })
}
