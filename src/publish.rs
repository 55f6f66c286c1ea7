//! Publishing: freezing an edition, and recording errata.
//!
//! `rapporteur publish <year>` writes `editions/<year>.yaml`, the manifest of every input
//! the edition shows (see `crate::manifest`), then sets the edition's `status` to
//! `published` in `site.yaml`. From then on, `validate` compares the inputs with the
//! manifest: any change, addition or removal is an error until it is recorded as an
//! erratum with `rapporteur erratum <year> --description "…"`, which stores the new
//! hashes with a date and a description that the edition's pages list.
//!
//! Publishing cannot be undone, so `publish` refuses (unless `--force`) an edition with no
//! report, one whose reporting period has not ended, inputs that git does not track or
//! that have uncommitted changes, and an older edition that would be left open beside it;
//! `--dry-run` lists what would be frozen and what stands in the way.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub use crate::manifest::{hash, Erratum, Manifest, MANIFEST_DIR};
use crate::model::{EditionStatus, Site};

/// The manifest path of edition `year` under `root`.
pub fn manifest_path(root: &Path, year: i32) -> PathBuf {
    root.join(MANIFEST_DIR).join(format!("{year}.yaml"))
}

/// How `publish` runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct PublishOptions {
    /// List what would be frozen and what stands in the way; write nothing.
    pub dry_run: bool,
    /// Publish despite the refusals.
    pub force: bool,
}

/// What `publish` did or, in a dry run, would do.
#[derive(Debug)]
pub struct Publication {
    pub manifest: PathBuf,
    /// Every input frozen, by key.
    pub inputs: Vec<String>,
    /// Why publishing should not happen now (empty when nothing stands in the way).
    pub refusals: Vec<String>,
    pub written: bool,
}

fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

/// Loads and validates the site, leaving out the manifests (whose differences are what
/// `erratum` records); publishing needs otherwise valid content. Returns the site and the
/// hash of every file an edition's inputs may name.
fn valid_site(root: &Path) -> Result<(Site, BTreeMap<String, String>), String> {
    let problems_first =
        || "the content has problems: run `rapporteur check` and fix them first".to_owned();
    let site_root = crate::fs::SiteRoot::open(root).map_err(|error| error.to_string())?;
    let (sources, mut load_problems) = crate::load::load(&site_root);
    let mut hashes = crate::load::hashes::content_hashes(&sources);
    hashes.extend(crate::load::hashes::site_file_hashes(
        &site_root,
        &mut load_problems,
    ));
    let (site, problems) = crate::validate::validate_unfrozen(sources);
    if load_problems.has_errors() || problems.has_errors() {
        return Err(problems_first());
    }
    let site = site.ok_or_else(problems_first)?;
    Ok((site, hashes))
}

/// `rapporteur publish <year>`: writes the manifest and marks the edition published.
pub fn publish(root: &Path, year: i32, options: PublishOptions) -> Result<Publication, String> {
    let path = manifest_path(root, year);
    if path.exists() {
        return Err(format!("edition {year} is already published (`{}` exists); record corrections with `rapporteur erratum {year}`", path.display()));
    }
    let (site, hashes) = valid_site(root)?;
    if site.edition(year).is_none() {
        return Err(format!("there is no edition {year} in site.yaml"));
    }
    let files = crate::manifest::inputs(&site, year, &hashes);
    let mut publication = Publication {
        manifest: path.clone(),
        inputs: files.keys().cloned().collect(),
        refusals: refusals(root, &site, year, &files),
        written: false,
    };
    if options.dry_run || (!publication.refusals.is_empty() && !options.force) {
        return Ok(publication);
    }
    let manifest = Manifest {
        edition: year,
        published: today(),
        files,
        errata: Vec::new(),
    };
    write_manifest(&path, &manifest)?;
    set_status_published(root, year)?;
    publication.written = true;
    Ok(publication)
}

/// Why edition `year` should not be published now.
fn refusals(root: &Path, site: &Site, year: i32, inputs: &BTreeMap<String, String>) -> Vec<String> {
    let mut refusals = Vec::new();
    if !site.reports.iter().any(|report| report.year == year) {
        refusals.push(format!("edition {year} has no report: write content/report/{year}/_index.md and its chapters first (`rapporteur new chapter`), so that the edition and its errata have a home"));
    }
    if let Some(edition) = site.edition(year) {
        let today = chrono::Local::now().date_naive();
        if today <= edition.to {
            refusals.push(format!("the reporting period of edition {year} runs until {}: contributions dated up to then still belong to it", edition.to));
        }
    }
    for older in site
        .editions
        .iter()
        .filter(|e| e.year < year && e.status == EditionStatus::Open)
    {
        refusals.push(format!("edition {} is still open: publishing {year} would leave an older edition open beside it; publish {} first", older.year, older.year));
    }
    let mut files: Vec<&str> = inputs
        .keys()
        .map(|key| crate::manifest::key_file(key))
        .collect();
    files.push("site.yaml");
    files.dedup();
    refusals.extend(uncommitted(root, &files));
    refusals
}

/// The inputs git does not track or that have changes not committed, as refusals.
fn uncommitted(root: &Path, files: &[&str]) -> Vec<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--",
        ])
        .args(files)
        .output();
    let output = match output {
        Ok(output) if output.status.success() => output,
        _ => return vec!["the site is not in a git repository (or git is missing): a published edition must be committed so that its manifest and its inputs can be checked out together".to_owned()],
    };
    String::from_utf8_lossy(&output.stdout)
        .split('\0')
        .filter(|entry| entry.len() > 3)
        .map(|entry| {
            let (state, file) = entry.split_at(3);
            let why = if state.starts_with("??") {
                "is not tracked by git"
            } else {
                "has changes that are not committed"
            };
            format!("{} {why}: commit it first", file.trim())
        })
        .collect()
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
    let (site, hashes) = valid_site(root)?;
    let current = crate::manifest::inputs(&site, year, &hashes);
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
