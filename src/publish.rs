//! Publishing: freezing an edition, and recording errata.
//!
//! `rapporteur publish <year>` writes `editions/<year>.yaml`, a manifest of the SHA-256
//! of every input the edition is made of: its contributions (and their translations), its
//! policy notes, its report, and the shared data files (objectives, forums, datasets),
//! since those appear on its pages too. It then sets the edition's `status` to
//! `published` in `site.yaml`. From then on, `validate` compares the inputs with the
//! manifest: any change, addition or removal is an error until it is recorded as an
//! erratum with `rapporteur erratum <year> --description "…"`, which stores the new
//! hashes with a date and a description that the edition's pages list.
//!
//! A manifest rather than a snapshot: the sources stay where contributors edit them, the
//! manifest is small and reviewable in a pull request, and git keeps the history.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::Site;

/// Where manifests live, relative to the site root.
pub const MANIFEST_DIR: &str = "editions";

/// `editions/<year>.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub edition: i32,
    /// The date of publication, `YYYY-MM-DD`.
    pub published: String,
    /// The hash of every input, by path relative to the site root.
    pub files: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errata: Vec<Erratum>,
}

/// A correction made after publication.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Erratum {
    pub date: String,
    pub description: String,
    /// The new hash of each file it changed; an empty hash records a removal.
    pub files: BTreeMap<String, String>,
}

impl Manifest {
    /// The hashes the inputs must have now: the published ones with every erratum applied.
    pub fn expected(&self) -> BTreeMap<String, String> {
        let mut expected = self.files.clone();
        for erratum in &self.errata {
            for (path, hash) in &erratum.files {
                if hash.is_empty() {
                    expected.remove(path);
                } else {
                    expected.insert(path.clone(), hash.clone());
                }
            }
        }
        expected
    }
}

/// The hex SHA-256 of `bytes`.
pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The inputs edition `year` is made of, as paths relative to the root.
pub fn edition_files(site: &Site, year: i32) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    for contribution in site
        .contributions
        .iter()
        .filter(|contribution| contribution.edition == year)
    {
        files.push(contribution.body.file.clone());
        files.extend(
            contribution
                .translations
                .iter()
                .map(|translation| translation.body.file.clone()),
        );
    }
    for note in site.policy_notes.iter().filter(|note| note.edition == year) {
        files.push(note.body.file.clone());
        files.extend(
            note.translations
                .iter()
                .map(|translation| translation.body.file.clone()),
        );
    }
    for report in site.reports.iter().filter(|report| report.year == year) {
        for page in std::iter::once(&report.front).chain(&report.chapters) {
            if !page.body.text.is_empty() || page.body.line_offset > 0 {
                files.push(page.body.file.clone());
            }
            files.extend(
                page.translations
                    .iter()
                    .map(|translation| translation.body.file.clone()),
            );
        }
    }
    files.extend(site.data_files.iter().cloned());
    files.sort();
    files.dedup();
    files
}

/// The manifest path of edition `year` under `root`.
pub fn manifest_path(root: &Path, year: i32) -> PathBuf {
    root.join(MANIFEST_DIR).join(format!("{year}.yaml"))
}

/// Hashes `files` (relative to `root`); unreadable files are left out.
fn hash_files(root: &Path, files: &[String]) -> BTreeMap<String, String> {
    files
        .iter()
        .filter_map(|file| {
            std::fs::read(root.join(file))
                .ok()
                .map(|bytes| (file.clone(), hash(&bytes)))
        })
        .collect()
}

fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

/// Loads and validates the site, leaving out the manifests (whose differences are what
/// `erratum` records); publishing needs otherwise valid content.
fn valid_site(root: &Path) -> Result<Site, String> {
    let site_root = crate::fs::SiteRoot::open(root).map_err(|error| error.to_string())?;
    let (mut sources, load_problems) = crate::load::load(&site_root);
    sources.manifests.clear();
    let (site, problems) = crate::validate::validate(sources);
    if load_problems.has_errors() {
        return Err(
            "the content has problems: run `rapporteur check` and fix them first".to_owned(),
        );
    }
    site.filter(|_| !problems.has_errors()).ok_or_else(|| {
        "the content has problems: run `rapporteur check` and fix them first".to_owned()
    })
}

/// `rapporteur publish <year>`: writes the manifest and marks the edition published.
pub fn publish(root: &Path, year: i32) -> Result<PathBuf, String> {
    let path = manifest_path(root, year);
    if path.exists() {
        return Err(format!("edition {year} is already published (`{}` exists); record corrections with `rapporteur erratum {year}`", path.display()));
    }
    let site = valid_site(root)?;
    if site.edition(year).is_none() {
        return Err(format!("there is no edition {year} in site.yaml"));
    }
    let files = hash_files(root, &edition_files(&site, year));
    let manifest = Manifest {
        edition: year,
        published: today(),
        files,
        errata: Vec::new(),
    };
    write_manifest(&path, &manifest)?;
    set_status_published(root, year)?;
    Ok(path)
}

/// `rapporteur erratum <year> --description …`: records the current inputs as a correction.
pub fn erratum(root: &Path, year: i32, description: &str) -> Result<Vec<String>, String> {
    let path = manifest_path(root, year);
    let text = std::fs::read_to_string(&path).map_err(|_| {
        format!(
            "edition {year} is not published: `{}` does not exist",
            path.display()
        )
    })?;
    let mut manifest: Manifest = serde_saphyr::from_str(&text)
        .map_err(|error| format!("`{}` is not a valid manifest: {error}", path.display()))?;
    if description.trim().is_empty() {
        return Err("describe the correction with --description \"…\"".to_owned());
    }
    let site = valid_site(root)?;
    let current = hash_files(root, &edition_files(&site, year));
    let expected = manifest.expected();
    let mut changes: BTreeMap<String, String> = current
        .iter()
        .filter(|(file, hash)| expected.get(*file) != Some(hash))
        .map(|(file, hash)| (file.clone(), hash.clone()))
        .collect();
    changes.extend(
        expected
            .keys()
            .filter(|file| !current.contains_key(*file))
            .map(|file| (file.clone(), String::new())),
    );
    if changes.is_empty() {
        return Err(format!("nothing in edition {year} has changed since it was published; there is no erratum to record"));
    }
    let changed: Vec<String> = changes.keys().cloned().collect();
    manifest.errata.push(Erratum {
        date: today(),
        description: description.trim().to_owned(),
        files: changes,
    });
    write_manifest(&path, &manifest)?;
    Ok(changed)
}

fn write_manifest(path: &Path, manifest: &Manifest) -> Result<(), String> {
    let yaml = serde_saphyr::to_string(manifest).map_err(|error| error.to_string())?;
    let text = format!("# Written by `rapporteur publish`: the inputs of edition {} as published.\n# Do not edit by hand; record corrections with `rapporteur erratum {}`.\n{yaml}", manifest.edition, manifest.edition);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|error| format!("cannot create `{}`: {error}", parent.display()))?;
    }
    std::fs::write(path, text)
        .map_err(|error| format!("cannot write `{}`: {error}", path.display()))
}

/// Sets `status: published` on the edition's entry of `site.yaml`, keeping the rest as written.
fn set_status_published(root: &Path, year: i32) -> Result<(), String> {
    let path = root.join("site.yaml");
    let text = std::fs::read_to_string(&path)
        .map_err(|error| format!("cannot read site.yaml: {error}"))?;
    let mut in_edition = false;
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let trimmed = line.trim_start().trim_start_matches("- ").trim_start();
            if let Some(value) = trimmed.strip_prefix("year:") {
                in_edition = value.trim() == year.to_string();
            }
            if in_edition && !done && trimmed.starts_with("status:") {
                done = true;
                let indent = &line[..line.len() - line.trim_start().len()];
                let dash = if line.trim_start().starts_with("- ") {
                    "- "
                } else {
                    ""
                };
                return format!("{indent}{dash}status: published");
            }
            line.to_owned()
        })
        .collect();
    if !done {
        return Err(format!("cannot find the `status:` of edition {year} in site.yaml; set it to `published` by hand"));
    }
    let mut updated = lines.join("\n");
    updated.push('\n');
    std::fs::write(&path, updated).map_err(|error| format!("cannot write site.yaml: {error}"))
}
