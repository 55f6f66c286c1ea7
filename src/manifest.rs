//! What a published edition is made of, and the manifest that freezes it.
//!
//! A leaf module (it reads the model, nothing else), so that `load`, `validate` and
//! `publish` can all use it without import loops.
//!
//! An edition's **inputs** are everything that appears on its pages, each under a key with
//! the SHA-256 of its content:
//! - its contributions, policy notes and report pages, and their translations (by file);
//! - the home page prose and its translations (by file);
//! - the site's title and description (`site.yaml#title`, `site.yaml#description`) and
//!   their translations (`site.yaml#title.fr`);
//! - each objective (with its actions) and each forum the edition shows, as a record
//!   (`content/data/objectives.yaml#A`, `content/data/forums.yaml#igf`), so that records
//!   added for a later edition (`added_in: 2026`) leave it untouched, and a changed record
//!   is named with its id;
//! - the translations of those records, record by record in each of the site's languages
//!   (`content/data/forums.fr.yaml#igf`), so that translating a record added for a later
//!   edition leaves it untouched too;
//! - the datasets, the site's assets and its theme overrides (by file).
//!
//! A manifest rather than a snapshot: the sources stay where contributors edit them, the
//! manifest is small and reviewable in a pull request, and git keeps the history.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{Field, Forum, Objective, Site};

/// Where manifests live, relative to the site root.
pub const MANIFEST_DIR: &str = "editions";
/// Where the data records live, relative to the site root.
pub const OBJECTIVES_FILE: &str = "content/data/objectives.yaml";
pub const FORUMS_FILE: &str = "content/data/forums.yaml";

/// `editions/<year>.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub edition: i32,
    /// The date of publication, `YYYY-MM-DD`.
    pub published: String,
    /// The hash of every input, by key (a path relative to the root, or `path#id`).
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
    /// The new hash of each input it changed; an empty hash records a removal.
    pub files: BTreeMap<String, String>,
}

impl Manifest {
    /// The hashes the inputs must have now: the published ones with every erratum applied.
    pub fn expected(&self) -> BTreeMap<String, String> {
        let mut expected = self.files.clone();
        for erratum in &self.errata {
            for (key, hash) in &erratum.files {
                if hash.is_empty() {
                    expected.remove(key);
                } else {
                    expected.insert(key.clone(), hash.clone());
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

/// The file part of an input key (`content/data/forums.yaml#igf` → the YAML file).
pub fn key_file(key: &str) -> &str {
    key.split_once('#').map_or(key, |(file, _)| file)
}

/// The inputs of edition `year` with their hashes now. `file_hashes` holds the hash of
/// every file read by `load` (documents, data, assets, theme overrides).
pub fn inputs(
    site: &Site,
    year: i32,
    file_hashes: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut inputs = BTreeMap::new();
    let mut add_file = |file: &str| {
        if let Some(hash) = file_hashes.get(file) {
            inputs.insert(file.to_owned(), hash.clone());
        }
    };
    for file in document_files(site, year) {
        add_file(&file);
    }
    for file in shared_files(site, file_hashes) {
        add_file(&file);
    }
    for (key, text) in site_texts(site) {
        inputs.insert(key, hash(text.as_bytes()));
    }
    for objective in site.objectives.iter().filter(|o| o.shown_in(year)) {
        let key = format!("{OBJECTIVES_FILE}#{}", objective.id);
        inputs.insert(key, objective_hash(objective, year));
    }
    for forum in site.forums.iter().filter(|forum| forum.shown_in(year)) {
        let key = format!("{FORUMS_FILE}#{}", forum.id);
        inputs.insert(key, forum_hash(forum));
    }
    inputs.extend(translated_records(site, year));
    inputs
}

/// Whether `path` is a translation of a data file (`content/data/forums.fr.yaml`).
pub fn is_data_translation(path: &str) -> bool {
    translation_file(path).is_some()
}

/// The original and the language of a data translation's path.
pub fn translation_file(path: &str) -> Option<(&'static str, &str)> {
    let name = path.strip_prefix("content/data/")?.strip_suffix(".yaml")?;
    let (kind, language) = name.split_once('.')?;
    let original = match kind {
        "objectives" => OBJECTIVES_FILE,
        "forums" => FORUMS_FILE,
        _ => return None,
    };
    (!language.is_empty() && !language.contains('.')).then_some((original, language))
}

/// The translated texts of each record edition `year` shows, by language, under
/// `content/data/<file>.<lang>.yaml#<id>`; a record with no translated text has no key.
fn translated_records(site: &Site, year: i32) -> BTreeMap<String, String> {
    let mut records = BTreeMap::new();
    for language in &site.config.languages {
        let text = |field: Field, id: &str| site.translations.get(language, field, id);
        for objective in site.objectives.iter().filter(|o| o.shown_in(year)) {
            let actions: Vec<serde_json::Value> = objective
                .actions
                .iter()
                .filter(|action| action.lifespan.includes(year))
                .filter_map(|action| {
                    let translated = text(Field::ActionText, action.id.as_str())?;
                    Some(serde_json::json!({"id": action.id, "text": translated}))
                })
                .collect();
            let title = text(Field::ObjectiveTitle, objective.id.as_str());
            let description = text(Field::ObjectiveDescription, objective.id.as_str());
            if title.is_none() && description.is_none() && actions.is_empty() {
                continue;
            }
            let record = serde_json::json!({
                "title": title, "description": description, "actions": actions,
            });
            let key = format!("content/data/objectives.{language}.yaml#{}", objective.id);
            records.insert(key, hash(record.to_string().as_bytes()));
        }
        for forum in site.forums.iter().filter(|forum| forum.shown_in(year)) {
            let fields = [
                Field::ForumName,
                Field::ForumHost,
                Field::ForumCadence,
                Field::ForumDescription,
            ];
            let texts = fields.map(|field| text(field, forum.id.as_str()));
            if texts.iter().all(Option::is_none) {
                continue;
            }
            let [name, host, cadence, description] = texts;
            let record = serde_json::json!({
                "name": name, "host": host, "cadence": cadence, "description": description,
            });
            let key = format!("content/data/forums.{language}.yaml#{}", forum.id);
            records.insert(key, hash(record.to_string().as_bytes()));
        }
    }
    records
}

/// The documents of edition `year` and the home page, with their translations.
fn document_files(site: &Site, year: i32) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    let mut add = |body: &crate::model::Markdown, translations: &[crate::model::Translation]| {
        files.push(body.file.clone());
        files.extend(translations.iter().map(|t| t.body.file.clone()));
    };
    for contribution in site.contributions.iter().filter(|c| c.edition == year) {
        add(&contribution.body, &contribution.translations);
    }
    for note in site.policy_notes.iter().filter(|note| note.edition == year) {
        add(&note.body, &note.translations);
    }
    for report in site.reports.iter().filter(|report| report.year == year) {
        for page in std::iter::once(&report.front).chain(&report.chapters) {
            add(&page.body, &page.translations);
        }
    }
    add(&site.home.body, &site.home.translations);
    files
}

/// Datasets, assets and theme overrides: files every edition shows.
fn shared_files<'a>(
    site: &'a Site,
    file_hashes: &'a BTreeMap<String, String>,
) -> impl Iterator<Item = String> + 'a {
    // Datasets: the data files that are neither records nor their translations.
    let datasets = site
        .data_files
        .iter()
        .filter(|file| file.as_str() != OBJECTIVES_FILE && file.as_str() != FORUMS_FILE)
        .filter(|file| !is_data_translation(file))
        .cloned();
    let site_files = file_hashes
        .keys()
        .filter(|file| file.starts_with("assets/") || file.starts_with("themes/"))
        .cloned();
    datasets.chain(site_files)
}

/// The texts of `site.yaml` that appear on every page.
fn site_texts(site: &Site) -> Vec<(String, String)> {
    let mut texts = vec![("site.yaml#title".to_owned(), site.config.title.clone())];
    if let Some(description) = &site.config.description {
        texts.push(("site.yaml#description".to_owned(), description.clone()));
    }
    for (language, translated) in &site.config.translations {
        if let Some(title) = &translated.title {
            texts.push((format!("site.yaml#title.{language}"), title.clone()));
        }
        if let Some(description) = &translated.description {
            texts.push((
                format!("site.yaml#description.{language}"),
                description.clone(),
            ));
        }
    }
    texts
}

/// The hash an objective has among the inputs of edition `year`.
pub fn objective_hash(objective: &Objective, year: i32) -> String {
    hash(objective_record(objective, year).as_bytes())
}

/// The hash a forum has among the inputs of every edition that shows it.
pub fn forum_hash(forum: &Forum) -> String {
    hash(forum_record(forum).as_bytes())
}

/// An objective as edition `year` shows it, with its actions, in a fixed canonical form.
fn objective_record(objective: &Objective, year: i32) -> String {
    let actions: Vec<serde_json::Value> = objective
        .actions
        .iter()
        .filter(|action| action.lifespan.includes(year))
        .map(|action| {
            serde_json::json!({
                "id": action.id,
                "actor": action.actor.id(),
                "text": action.text,
            })
        })
        .collect();
    serde_json::json!({
        "id": objective.id,
        "title": objective.title,
        "description": objective.description,
        "actions": actions,
    })
    .to_string()
}

/// A forum in a fixed canonical form.
fn forum_record(forum: &Forum) -> String {
    serde_json::json!({
        "id": forum.id,
        "name": forum.name,
        "category": forum.category.id(),
        "host": forum.host,
        "since": forum.since,
        "cadence": forum.cadence,
        "url": forum.url,
        "objectives": forum.objectives,
        "description": forum.description,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errata_replace_and_remove_published_hashes() {
        let manifest = Manifest {
            edition: 2025,
            published: "2025-07-01".into(),
            files: BTreeMap::from([("a".into(), "1".into()), ("b".into(), "2".into())]),
            errata: vec![Erratum {
                date: "2025-08-01".into(),
                description: "fix".into(),
                files: BTreeMap::from([("a".into(), "3".into()), ("b".into(), String::new())]),
            }],
        };
        assert_eq!(
            manifest.expected(),
            BTreeMap::from([("a".to_owned(), "3".to_owned())])
        );
    }

    #[test]
    fn record_keys_name_their_file() {
        assert_eq!(key_file("content/data/forums.yaml#igf"), FORUMS_FILE);
        assert_eq!(key_file("content/_index.md"), "content/_index.md");
    }
}
