//! Stage 1, load: find and read every input of a site root.
//!
//! Loading walks `content/`, `assets/` and the site's theme under the read policy of
//! [`crate::fs`] (no symbolic link followed, no hidden file read, each refusal a
//! diagnostic naming the file), reads the text files in parallel, classifies each by its place
//! in the content model (home, report chapter, contribution, policy note, data file) and
//! splits Markdown into front matter and body. It interprets nothing: a file in the wrong
//! place or one that cannot be read becomes a diagnostic, never a silent skip.

pub mod cache;
pub mod front_matter;
pub mod git;
pub mod hashes;
pub mod memo;
pub mod raw;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fs::SiteRoot;
use crate::model::StaticFile;
pub use front_matter::{Split, YamlSource};

/// The six official languages of the United Nations, the only ones a site may use.
pub const LANGUAGES: &[&str] = &["ar", "en", "es", "fr", "ru", "zh"];

/// A text file read from the site root.
#[derive(Clone, Debug)]
pub struct TextFile {
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    pub text: String,
}

/// What a Markdown file is, by its place under `content/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    Home,
    ReportFront { year: String },
    Chapter { year: String, name: String },
    Contribution { slug: String },
    PolicyNote { slug: String },
}

/// A Markdown file of the content tree, split into front matter and body.
#[derive(Clone, Debug)]
pub struct Document {
    pub kind: DocumentKind,
    /// `Some("fr")` for a translation `<name>.fr.md`.
    pub translation_of: Option<String>,
    pub file: TextFile,
    pub split: Split,
}

impl Document {
    pub fn yaml(&self) -> YamlSource<'_> {
        YamlSource {
            file: &self.file.path,
            text: &self.file.text,
            yaml: &self.file.text[self.split.yaml.clone()],
            line_offset: self.split.yaml_line_offset,
        }
    }

    pub fn body(&self) -> &str {
        &self.file.text[self.split.body.clone()]
    }
}

/// Everything read from a site root.
#[derive(Debug, Default)]
pub struct Sources {
    pub site: Option<TextFile>,
    pub documents: Vec<Document>,
    pub objectives: Option<TextFile>,
    pub forums: Option<TextFile>,
    pub datasets: Vec<TextFile>,
    /// `content/data/objectives.<lang>.yaml` and `forums.<lang>.yaml`: translations.
    pub data_translations: Vec<TextFile>,
    pub assets: Vec<StaticFile>,
    /// `editions/<year>.yaml`: the manifests of published editions.
    pub manifests: Vec<TextFile>,
    /// SHA-256 of every content file, by path; computed only when a manifest exists.
    pub hashes: std::collections::BTreeMap<String, String>,
    /// When each content file was first submitted and last revised, from git.
    pub provenance: std::collections::BTreeMap<String, crate::model::Provenance>,
    /// Manifests git's history holds that the working tree lacks (`git::lost_manifests`).
    pub lost_manifests: Vec<String>,
}

/// Where a file found under `content/` belongs.
enum Slot {
    Document(DocumentKind, Option<String>),
    Objectives,
    Forums,
    Dataset,
    DataTranslation,
}

/// One file of `content/`, read and placed in the content model (or the problem that
/// kept it out).
#[derive(Clone, Debug)]
pub enum ContentFile {
    Document(Document),
    Objectives(TextFile),
    Forums(TextFile),
    Dataset(TextFile),
    DataTranslation(TextFile),
    Problem(Diagnostic),
}

/// Reads the site at `root`; problems with individual files are returned as diagnostics.
pub fn load(root: &SiteRoot) -> (Sources, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let content_files = list_files(root, "content", &mut diagnostics);
    let content: Vec<ContentFile> = content_files
        .into_par_iter()
        .map(|path| read_content_file(root, &path))
        .collect();
    let mut sources = Sources::default();
    for file in content {
        add_content_file(&mut sources, file, &mut diagnostics);
    }
    load_rest(root, &mut sources, &mut diagnostics);
    let (provenance, shallow) = git::history(root.path());
    sources.provenance = provenance;
    let present: Vec<String> = sources.manifests.iter().map(|m| m.path.clone()).collect();
    sources.lost_manifests = git::lost_manifests(root.path(), &present);
    diagnostics.extend(shallow);
    if !sources.manifests.is_empty() {
        sources.hashes = hashes::content_hashes(&sources);
        sources
            .hashes
            .extend(hashes::site_file_hashes(root, &mut diagnostics));
    }
    (sources, diagnostics)
}

/// Reads and places the file at `path`, a file under `content/`.
pub fn read_content_file(root: &SiteRoot, path: &Path) -> ContentFile {
    let relative = root.relative(path);
    let slot = match classify(&relative) {
        Ok(slot) => slot,
        Err(problem) => return ContentFile::Problem(problem),
    };
    let file = match root.read_to_string(path) {
        Ok(text) => TextFile {
            path: relative,
            text,
        },
        Err(error) => return ContentFile::Problem(read_problem(root, path, &relative, &error)),
    };
    match slot {
        Slot::Objectives => ContentFile::Objectives(file),
        Slot::Forums => ContentFile::Forums(file),
        Slot::Dataset => ContentFile::Dataset(file),
        Slot::DataTranslation => ContentFile::DataTranslation(file),
        Slot::Document(kind, translation_of) => match front_matter::split(&file.text) {
            Ok(split) => ContentFile::Document(Document {
                kind,
                translation_of,
                file,
                split,
            }),
            Err(message) => ContentFile::Problem(
                Diagnostic::error(file.path.as_str(), message)
                    .at(crate::diagnostic::Position::new(1, 1), &file.text)
                    .with_hint("close the front matter with a line that holds only `---`"),
            ),
        },
    }
}

/// Puts a file of `content/` where it belongs in `sources`.
pub fn add_content_file(sources: &mut Sources, file: ContentFile, diagnostics: &mut Diagnostics) {
    match file {
        ContentFile::Document(document) => sources.documents.push(document),
        ContentFile::Objectives(file) => sources.objectives = Some(file),
        ContentFile::Forums(file) => sources.forums = Some(file),
        ContentFile::Dataset(file) => sources.datasets.push(file),
        ContentFile::DataTranslation(file) => sources.data_translations.push(file),
        ContentFile::Problem(problem) => diagnostics.push(problem),
    }
}

/// Reads what lies outside `content/`: `site.yaml`, the list of assets and the
/// manifests of published editions.
pub fn load_rest(root: &SiteRoot, sources: &mut Sources, diagnostics: &mut Diagnostics) {
    let site_path = root.join("site.yaml");
    if std::fs::symlink_metadata(&site_path).is_ok() {
        sources.site = read_text(root, &site_path, diagnostics);
    } else {
        diagnostics.push(
            Diagnostic::error("site.yaml", "the site root has no `site.yaml`")
                .with_hint("create it with `title`, `base_url`, `default_language`, `languages` and `editions`, or pass `--root` pointing at a site"),
        );
    }
    sources.assets = static_files(root, "assets", diagnostics);
    sources.manifests = list_files(root, crate::manifest::MANIFEST_DIR, diagnostics)
        .iter()
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "yaml")
        })
        .filter_map(|path| read_text(root, path, diagnostics))
        .collect();
}

/// Lists the static files under `dir` (relative to the root), mapped to output paths.
pub fn static_files(root: &SiteRoot, dir: &str, diagnostics: &mut Diagnostics) -> Vec<StaticFile> {
    let base = root.join(dir);
    list_files(root, dir, diagnostics)
        .into_iter()
        .filter_map(|source| {
            let output_path = source
                .strip_prefix(&base)
                .ok()?
                .components()
                .map(|component| component.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            Some(StaticFile {
                output_path,
                source,
            })
        })
        .collect()
}

/// Every regular file under `dir` in sorted order, under the read policy of
/// [`crate::fs`]: a symbolic link is an error naming it (its target is never looked at),
/// and a hidden file or folder is a warning naming it (a folder is not entered).
pub fn list_files(root: &SiteRoot, dir: &str, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    let base = root.join(dir);
    let Ok(base_metadata) = std::fs::symlink_metadata(&base) else {
        return Vec::new();
    };
    if base_metadata.file_type().is_symlink() {
        diagnostics.push(symlink_refused(dir));
        return Vec::new();
    }
    let mut files = Vec::new();
    let walk = WalkDir::new(&base)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let hidden = entry.depth() > 0 && crate::fs::is_hidden(entry.file_name());
            if hidden {
                diagnostics.push(
                    Diagnostic::warning(root.relative(entry.path()), crate::fs::HIDDEN_REFUSED)
                        .with_hint(
                        "rename it without the leading `.` if it belongs to the site, or delete it",
                    ),
                );
            }
            !hidden
        });
    let mut problems = Vec::new();
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error
                    .path()
                    .map_or_else(|| dir.to_owned(), |path| root.relative(path));
                problems.push(Diagnostic::error(
                    path,
                    format!("cannot read this directory entry: {error}"),
                ));
                continue;
            }
        };
        if entry.path_is_symlink() {
            problems.push(symlink_refused(&root.relative(entry.path())));
        } else if entry.file_type().is_file() {
            files.push(entry.into_path());
        }
    }
    diagnostics.extend(problems);
    files
}

/// The error for a symbolic link at `relative`.
fn symlink_refused(relative: &str) -> Diagnostic {
    Diagnostic::error(relative, crate::fs::SYMLINK_REFUSED).with_hint(crate::fs::SYMLINK_HINT)
}

fn read_text(root: &SiteRoot, path: &Path, diagnostics: &mut Diagnostics) -> Option<TextFile> {
    match root.read_to_string(path) {
        Ok(text) => Some(TextFile {
            path: root.relative(path),
            text,
        }),
        Err(error) => {
            diagnostics.push(read_problem(root, path, &root.relative(path), &error));
            None
        }
    }
}

/// The diagnostic for a file of the site that could not be read; for text that is not
/// UTF-8, the place of the first byte that is not.
fn read_problem(
    root: &SiteRoot,
    path: &Path,
    relative: &str,
    error: &crate::fs::ReadError,
) -> Diagnostic {
    match error {
        crate::fs::ReadError::Symlink => symlink_refused(relative),
        crate::fs::ReadError::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => root
            .read(path)
            .ok()
            .and_then(|bytes| Diagnostic::not_utf8(relative, &bytes))
            .unwrap_or_else(|| Diagnostic::error(relative, error.describe())),
        other => Diagnostic::error(relative, other.describe()),
    }
}

/// Places a file of `content/` in the content model, or says why it has no place.
fn classify(relative: &str) -> Result<Slot, Diagnostic> {
    let parts: Vec<&str> = relative.split('/').collect();
    let misplaced = |hint: &str| {
        Diagnostic::error(
            relative,
            "this file has no place in the content model and would be ignored",
        )
        .with_hint(hint.to_owned())
    };
    match parts.as_slice() {
        ["content", "data", "objectives.yaml"] => Ok(Slot::Objectives),
        ["content", "data", "forums.yaml"] => Ok(Slot::Forums),
        ["content", "data", name] if is_data_translation(name) => Ok(Slot::DataTranslation),
        ["content", "data", "datasets", name]
            if name.ends_with(".csv") || name.ends_with(".yaml") || name.ends_with(".yml") =>
        {
            Ok(Slot::Dataset)
        }
        ["content", file] => {
            let (stem, lang) = markdown_stem(relative, file)?;
            match stem {
                "_index" => Ok(Slot::Document(DocumentKind::Home, lang)),
                _ => Err(misplaced("move it to content/contributions/ or content/policy-notes/, or delete it")),
            }
        }
        ["content", "report", year, file] => {
            let (stem, lang) = markdown_stem(relative, file)?;
            let year = (*year).to_owned();
            if stem == "_index" {
                Ok(Slot::Document(DocumentKind::ReportFront { year }, lang))
            } else {
                Ok(Slot::Document(DocumentKind::Chapter { year, name: stem.to_owned() }, lang))
            }
        }
        ["content", "contributions", file] => {
            let (stem, lang) = markdown_stem(relative, file)?;
            Ok(Slot::Document(DocumentKind::Contribution { slug: stem.to_owned() }, lang))
        }
        ["content", "policy-notes", file] => {
            let (stem, lang) = markdown_stem(relative, file)?;
            Ok(Slot::Document(DocumentKind::PolicyNote { slug: stem.to_owned() }, lang))
        }
        _ => Err(misplaced(
            "contributions go in content/contributions/<slug>.md, policy notes in content/policy-notes/, figures in content/data/datasets/",
        )),
    }
}

/// Splits `name.md` or `name.<lang>.md` into the name and the translation's language.
fn markdown_stem<'a>(
    relative: &str,
    file: &'a str,
) -> Result<(&'a str, Option<String>), Diagnostic> {
    let stem = file.strip_suffix(".md").ok_or_else(|| {
        Diagnostic::error(relative, "only Markdown files (`.md`) belong here").with_hint(
            "put images and other files in assets/, and figures in content/data/datasets/",
        )
    })?;
    match stem.rsplit_once('.') {
        Some((name, lang)) if LANGUAGES.contains(&lang) => Ok((name, Some(lang.to_owned()))),
        _ => Ok((stem, None)),
    }
}

/// Whether `name` is a translation of a data file: `objectives.<lang>.yaml` or `forums.<lang>.yaml`.
fn is_data_translation(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".yaml") else {
        return false;
    };
    match stem.split_once('.') {
        Some(("objectives" | "forums", lang)) => LANGUAGES.contains(&lang),
        _ => false,
    }
}
