//! `rapporteur new contribution <slug>`: a commented skeleton that passes `check`.
//!
//! The skeleton uses the first objective of the site's own objectives.yaml and today's
//! date; when no edition's reporting period contains today, it names the newest open
//! edition explicitly, so the file is valid as written.

use std::path::{Path, PathBuf};

use crate::validate::is_valid_slug;

/// Writes `content/contributions/<slug>.md` under `root`; refuses to overwrite.
pub fn contribution(root: &Path, slug: &str) -> Result<PathBuf, String> {
    if !is_valid_slug(slug) {
        return Err(format!("`{slug}` cannot be a contribution's address: use lowercase letters, digits and hyphens, e.g. `{}`", slug::slugify(slug)));
    }
    let directory = root.join("content").join("contributions");
    if !root.join("site.yaml").is_file() {
        return Err(format!(
            "`{}` is not a site root: it has no site.yaml (pass --root)",
            root.display()
        ));
    }
    let path = directory.join(format!("{slug}.md"));
    if path.exists() {
        return Err(format!(
            "`{}` already exists; choose another slug",
            path.display()
        ));
    }
    let today = chrono::Local::now().date_naive();
    let edition_line = match edition_for(root, today) {
        EditionChoice::ByDate => String::new(),
        EditionChoice::Named(year) => format!(
            "edition: {year}                   # the edition this contribution reports to\n"
        ),
    };
    let objective = first_objective(root).unwrap_or_else(|| "A".to_owned());
    let text = SKELETON
        .replace("{date}", &today.to_string())
        .replace("{edition}", &edition_line)
        .replace("{objective}", &objective);
    std::fs::create_dir_all(&directory)
        .map_err(|error| format!("cannot create `{}`: {error}", directory.display()))?;
    std::fs::write(&path, text)
        .map_err(|error| format!("cannot write `{}`: {error}", path.display()))?;
    Ok(path)
}

enum EditionChoice {
    ByDate,
    Named(i32),
}

/// Whether today's date falls in an edition, or which open edition to name.
fn edition_for(root: &Path, today: chrono::NaiveDate) -> EditionChoice {
    let Ok(text) = std::fs::read_to_string(root.join("site.yaml")) else {
        return EditionChoice::ByDate;
    };
    #[derive(serde::Deserialize)]
    struct Editions {
        #[serde(default)]
        editions: Vec<EditionEntry>,
    }
    #[derive(serde::Deserialize)]
    struct EditionEntry {
        year: i32,
        from: String,
        to: String,
        status: String,
    }
    let editions = serde_saphyr::from_str::<Editions>(&text)
        .map(|site| site.editions)
        .unwrap_or_default();
    let contains = |entry: &EditionEntry| {
        entry.from.as_str() <= today.to_string().as_str()
            && today.to_string().as_str() <= entry.to.as_str()
    };
    if editions.iter().any(contains) {
        return EditionChoice::ByDate;
    }
    editions
        .iter()
        .filter(|entry| entry.status == "open")
        .map(|entry| entry.year)
        .max()
        .map_or(EditionChoice::ByDate, EditionChoice::Named)
}

fn first_objective(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join("content/data/objectives.yaml")).ok()?;
    #[derive(serde::Deserialize)]
    struct Loose {
        id: String,
        #[serde(flatten)]
        _rest: std::collections::BTreeMap<String, serde_json::Value>,
    }
    let entries: Vec<Loose> = serde_saphyr::from_str(&text).ok()?;
    entries.into_iter().next().map(|entry| entry.id)
}

const SKELETON: &str = r#"---
# A contribution to the Digital Cooperation Forum's report.
# Replace every value below, then run `rapporteur check` to see whether it is valid.
title: "A short title that says what was done and where"
stakeholder:
  name: "Your organization"
  type: civil-society           # member-state | un-entity | intergovernmental | private-sector
                                # | civil-society | academia | technical-community | youth
  # country: SN                 # optional: ISO 3166-1 alpha-2 code of the stakeholder's country
region: global                  # africa | americas | arab-states | asia-pacific | cis | europe | global
objectives: [{objective}]                # Compact objectives (see content/data/objectives.yaml), at least one
# actions: [{objective}.1]             # optional: actions of those objectives
# forums: [igf]                 # optional: ids from content/data/forums.yaml
# sdgs: [4, 9]                  # optional: Sustainable Development Goals, 1 to 17
date: {date}               # date submitted, YYYY-MM-DD
{edition}status: planned                 # planned | ongoing | completed
# language: en                  # optional: ar | en | es | fr | ru | zh
# indicators:                   # optional: results you can count
#   - name: "Schools connected"
#     value: 4200
#     unit: schools
#     year: 2024
# links:                        # optional: https:// addresses only
#   - title: "Project page"
#     url: "https://example.org/project"
---
Describe the work in a few paragraphs: what was done, for whom, with whom, what changed,
and what remains to be done. You can use Markdown: **bold**, lists, tables and links.
"#;
