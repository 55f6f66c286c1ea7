//! The bundled portal (the repository root is a site): it builds, every page the content
//! calls for exists, and no internal link of any page is broken.
//!
//! The list of expected pages is derived from the content files themselves (one page per
//! contribution, translation, chapter, policy note, objective, action, forum, stakeholder
//! type and region), so the test keeps up as the portal grows and still fails when a file
//! stops producing its page.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::support::{build, check, manifest_dir, read, temp_dir};

const LANGUAGES: &[&str] = &["ar", "en", "es", "fr", "ru", "zh"];
const STAKEHOLDER_TYPES: &[&str] = &[
    "member-state",
    "un-entity",
    "intergovernmental",
    "private-sector",
    "civil-society",
    "academia",
    "technical-community",
    "youth",
];
const REGIONS: &[&str] = &[
    "africa",
    "americas",
    "arab-states",
    "asia-pacific",
    "cis",
    "europe",
    "global",
];

/// The Markdown files of a content folder, as (name, translation language).
fn markdown_files(dir: &Path) -> Vec<(String, Option<String>)> {
    let mut files: Vec<(String, Option<String>)> = fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()))
        .filter_map(Result::ok)
        .filter_map(|entry| {
            entry
                .file_name()
                .to_str()?
                .strip_suffix(".md")
                .map(str::to_owned)
        })
        .map(|stem| match stem.rsplit_once('.') {
            Some((name, language)) if LANGUAGES.contains(&language) => {
                (name.to_owned(), Some(language.to_owned()))
            }
            _ => (stem, None),
        })
        .collect();
    files.sort();
    files
}

/// The `id`s of a data file's top-level entries (indent 0) and nested ones (indented).
fn yaml_ids(path: &Path) -> (Vec<String>, Vec<String>) {
    let mut top = Vec::new();
    let mut nested = Vec::new();
    for line in read(path).lines() {
        let trimmed = line.trim_start();
        if let Some(id) = trimmed.strip_prefix("- id:") {
            let id = id.trim().trim_matches('"').to_owned();
            if trimmed.len() == line.len() {
                top.push(id)
            } else {
                nested.push(id)
            }
        }
    }
    (top, nested)
}

/// `01-overview` → `overview`, as the generator names chapter pages.
fn chapter_slug(name: &str) -> &str {
    let rest = name.trim_start_matches(|c: char| c.is_ascii_digit());
    match rest.strip_prefix('-') {
        Some(slug) if !slug.is_empty() && rest.len() < name.len() => slug,
        _ => name,
    }
}

/// The portals' prefixes: every edition in every language (`2025/`, `fr/2025/`).
const PORTALS: [&str; 4] = ["2025/", "2026/", "fr/2025/", "fr/2026/"];

/// The pages every portal has, whatever its edition, derived from the content's files.
fn expected_pages(root: &Path) -> BTreeSet<String> {
    let content = root.join("content");
    let mut portal: BTreeSet<String> = [
        "index.html",
        "contributions/index.html",
        "objectives/index.html",
        "forums/index.html",
        "policy-notes/index.html",
        "stakeholders/index.html",
        "regions/index.html",
        "progress/index.html",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    let (objectives, actions) = yaml_ids(&content.join("data/objectives.yaml"));
    for objective in &objectives {
        portal.insert(format!(
            "objectives/{}/index.html",
            objective.to_lowercase()
        ));
        portal.insert(format!(
            "objectives/{}/contributions/index.html",
            objective.to_lowercase()
        ));
    }
    for action in &actions {
        let (objective, _) = action.split_once('.').expect("action ids look like A.1");
        portal.insert(format!(
            "objectives/{}/{}/index.html",
            objective.to_lowercase(),
            action.to_lowercase().replace('.', "-")
        ));
    }
    for forum in yaml_ids(&content.join("data/forums.yaml")).0 {
        portal.insert(format!("forums/{forum}/index.html"));
    }
    for kind in STAKEHOLDER_TYPES {
        portal.insert(format!("stakeholders/{kind}/index.html"));
    }
    for region in REGIONS {
        portal.insert(format!("regions/{region}/index.html"));
    }
    let mut pages: BTreeSet<String> = ["index.html", "fr/index.html", "404.html"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    for prefix in PORTALS {
        pages.extend(portal.iter().map(|page| format!("{prefix}{page}")));
    }
    for year in fs::read_dir(content.join("report"))
        .expect("the portal has a report")
        .filter_map(Result::ok)
    {
        let year = year.file_name().to_string_lossy().into_owned();
        for language in ["", "fr/"] {
            pages.insert(format!("{language}{year}/report/index.html"));
            pages.insert(format!("{language}{year}/print/index.html"));
            for (name, _) in markdown_files(&content.join("report").join(&year))
                .into_iter()
                .filter(|(name, language)| language.is_none() && name != "_index")
            {
                pages.insert(format!(
                    "{language}{year}/report/{}/index.html",
                    chapter_slug(&name)
                ));
            }
        }
    }
    pages
}

/// The documents of `folder` (contributions, policy notes): each must be in exactly one
/// edition, and there in every language.
fn assert_in_one_edition(root: &Path, folder: &str, built: &BTreeSet<String>) {
    for (slug, _) in markdown_files(&root.join("content").join(folder))
        .into_iter()
        .filter(|(_, language)| language.is_none())
    {
        let found: Vec<&str> = PORTALS
            .into_iter()
            .filter(|prefix| built.contains(&format!("{prefix}{folder}/{slug}/index.html")))
            .collect();
        assert!(
            found == ["2025/", "fr/2025/"] || found == ["2026/", "fr/2026/"],
            "{folder}/{slug} should be in one edition, in both languages; found in {found:?}"
        );
    }
}

fn html_files(dir: &Path, base: &Path, found: &mut BTreeSet<String>) {
    for entry in fs::read_dir(dir)
        .expect("cannot list the output")
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, base, found);
        } else if path
            .extension()
            .is_some_and(|extension| extension == "html")
        {
            let relative = path.strip_prefix(base).expect("inside the output");
            found.insert(
                relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
        }
    }
}

#[test]
fn bundled_portal_builds_with_every_expected_page() {
    let root = manifest_dir();
    let temp = temp_dir();
    let output = temp.path().join("site");
    let run = build(root, &output);
    run.assert_code(0);
    let expected = expected_pages(root);
    assert!(
        expected.len() > 100,
        "the portal should have well over 100 pages, found {}",
        expected.len()
    );

    let mut built = BTreeSet::new();
    html_files(&output, &output, &mut built);
    let missing: Vec<&String> = expected.difference(&built).collect();
    assert!(
        missing.is_empty(),
        "pages missing from the portal: {missing:#?}"
    );
    assert_in_one_edition(root, "contributions", &built);
    assert_in_one_edition(root, "policy-notes", &built);
    for letter in ["a", "b", "c", "d", "e", "f", "g", "h"] {
        assert!(
            built.contains(&format!("2025/objectives/{letter}/index.html")),
            "objective {letter}"
        );
    }
    // Every page the build announces is on disk (pages with a `page/N/` suffix included).
    let announced: usize = run
        .stderr
        .lines()
        .find_map(|line| line.strip_prefix("built "))
        .and_then(|rest| rest.split(' ').next())
        .and_then(|count| count.parse().ok())
        .unwrap_or_else(|| panic!("no page count in {}", run.stderr));
    assert_eq!(built.len(), announced, "{}", run.stderr);
    assert!(output.join("style.css").is_file() && output.join(".rapporteur-output").is_file());
    for dataset in fs::read_dir(root.join("content/data/datasets"))
        .expect("the portal has datasets")
        .filter_map(Result::ok)
    {
        let name = dataset
            .path()
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        assert!(
            output.join(format!("data/{name}.csv")).is_file(),
            "dataset {name}"
        );
    }
    assert_internal_links_resolve(&output, &built, &base_path(root));
}

#[test]
fn bundled_portal_passes_check() {
    let run = check(manifest_dir(), "json");
    run.assert_code(0);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("invalid JSON");
    let errors: Vec<&serde_json::Value> = value
        .as_array()
        .into_iter()
        .flatten()
        .filter(|item| item["severity"] == "error")
        .collect();
    assert!(
        errors.is_empty(),
        "the bundled portal has errors: {errors:#?}"
    );
}

/// The path part of `base_url` in site.yaml (`/dcf/` for `https://example.org/dcf/`),
/// which the 404 page uses because it can be served at any depth.
fn base_path(root: &Path) -> String {
    let site = read(&root.join("site.yaml"));
    let url = site
        .lines()
        .find_map(|line| line.strip_prefix("base_url:"))
        .expect("site.yaml has a base_url")
        .trim()
        .trim_matches('"');
    match url
        .splitn(4, '/')
        .nth(3)
        .unwrap_or_default()
        .trim_matches('/')
    {
        "" => "/".to_owned(),
        path => format!("/{path}/"),
    }
}

/// Every relative or root-absolute `href`/`src` of every page points at a built file.
fn assert_internal_links_resolve(output: &Path, pages: &BTreeSet<String>, base_path: &str) {
    let mut broken = Vec::new();
    for page in pages {
        let html = read(&output.join(page));
        let directory = Path::new(page)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        for target in attribute_values(&html) {
            let target = target.split('#').next().unwrap_or_default();
            if target.is_empty() || target.contains(':') {
                continue;
            }
            let resolved: PathBuf = match target.strip_prefix(base_path) {
                Some(rest) => PathBuf::from(rest),
                None if target.starts_with('/') => {
                    broken.push(format!(
                        "{page}: `{target}` is outside the base path {base_path}"
                    ));
                    continue;
                }
                None => directory.join(target),
            };
            let mut file = output.to_path_buf();
            for component in resolved.components() {
                match component {
                    std::path::Component::ParentDir => {
                        let climbed_out = !file.pop() || !file.starts_with(output);
                        if climbed_out {
                            broken.push(format!("{page}: `{target}` climbs above the site root"));
                        }
                    }
                    std::path::Component::Normal(name) => file.push(name),
                    _ => {}
                }
            }
            if file.is_dir() {
                file.push("index.html");
            }
            if !file.is_file() {
                broken.push(format!("{page}: `{target}` does not exist"));
            }
        }
    }
    broken.sort();
    broken.dedup();
    assert!(
        broken.is_empty(),
        "broken internal links:\n{}",
        broken.join("\n")
    );
}

/// The values of `href="…"` and `src="…"` attributes in `html`.
fn attribute_values(html: &str) -> Vec<&str> {
    let mut values = Vec::new();
    for attribute in [" href=\"", " src=\""] {
        let mut rest = html;
        while let Some(start) = rest.find(attribute) {
            rest = &rest[start + attribute.len()..];
            if let Some(end) = rest.find('"') {
                values.push(&rest[..end]);
                rest = &rest[end..];
            }
        }
    }
    values
}
