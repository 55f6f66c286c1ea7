//! `rapporteur status [YEAR]`: the Secretariat's one screen per edition.
//!
//! What is in, what is missing and what is wrong, before a publication: contributions by
//! status and stakeholder type, missing translations per language, the actions no
//! contribution reports on, the report's state, days until the reporting period closes,
//! and the problems `check` finds, grouped by file. For people (`human`), for an issue or a
//! pull request (`markdown`), and for tools (`json`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ActionId, EditionStatus, Language, Site};

/// The status of a site: one report per edition, then its problems.
#[derive(Debug, Serialize)]
pub struct Status {
    pub editions: Vec<EditionReport>,
    /// Files with problems, most errors first.
    pub problems: Vec<FileProblems>,
    pub errors: usize,
    pub warnings: usize,
}

/// One edition at a glance.
#[derive(Debug, Serialize)]
pub struct EditionReport {
    pub year: i32,
    pub state: &'static str,
    pub from: String,
    pub to: String,
    /// Days until the reporting period closes (negative: closed that many days ago).
    pub days_left: i64,
    pub contributions: usize,
    pub by_status: BTreeMap<&'static str, usize>,
    pub by_stakeholder_type: BTreeMap<&'static str, usize>,
    /// Contributions without a translation, per language of the site.
    pub untranslated: BTreeMap<Language, usize>,
    /// Actions the edition shows that no contribution of it names.
    pub actions_without_contribution: Vec<String>,
    pub report_chapters: usize,
    pub policy_notes: usize,
}

/// The problems of one file.
#[derive(Debug, Serialize)]
pub struct FileProblems {
    pub file: String,
    pub errors: usize,
    pub warnings: usize,
    /// The first problem's message, with its line when known.
    pub first: String,
}

/// The status of the site at `root`, for edition `year` or for all.
pub fn status(root: &Path, year: Option<i32>, today: NaiveDate) -> Result<Status, String> {
    let diagnostics = match crate::check(root) {
        Ok(summary) => summary.diagnostics,
        Err(crate::Failure::Invalid(diagnostics)) => diagnostics,
        Err(crate::Failure::Fatal(message)) => return Err(message),
    };
    let site = model(root)?;
    let editions: Vec<EditionReport> = site
        .iter()
        .flat_map(|site| {
            site.editions
                .iter()
                .filter(|edition| year.is_none_or(|year| edition.year == year))
                .map(move |edition| edition_report(site, edition, today))
        })
        .collect();
    if let (Some(year), true, Some(_)) = (year, editions.is_empty(), &site) {
        return Err(format!("there is no edition {year} in site.yaml"));
    }
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    Ok(Status {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        problems: by_file(&diagnostics),
        editions,
    })
}

/// The model of the site's valid part (its problems are listed apart); `None` when
/// `site.yaml` itself has errors.
fn model(root: &Path) -> Result<Option<Site>, String> {
    let site_root = crate::fs::SiteRoot::open(root).map_err(|error| error.to_string())?;
    let (sources, _) = crate::load::load(&site_root);
    Ok(crate::validate::validate_partial(sources))
}

fn edition_report(site: &Site, edition: &crate::model::Edition, today: NaiveDate) -> EditionReport {
    let year = edition.year;
    let contributions: Vec<_> = site
        .contributions
        .iter()
        .filter(|contribution| contribution.edition == year)
        .collect();
    let mut report = EditionReport {
        year,
        state: match edition.status {
            EditionStatus::Published => "published",
            EditionStatus::Open => "open",
        },
        from: edition.from.to_string(),
        to: edition.to.to_string(),
        days_left: (edition.to - today).num_days(),
        contributions: contributions.len(),
        by_status: BTreeMap::new(),
        by_stakeholder_type: BTreeMap::new(),
        untranslated: BTreeMap::new(),
        actions_without_contribution: Vec::new(),
        report_chapters: site
            .reports
            .iter()
            .filter(|report| report.year == year)
            .map(|report| report.chapters.len())
            .sum(),
        policy_notes: site
            .policy_notes
            .iter()
            .filter(|n| n.edition == year)
            .count(),
    };
    for contribution in &contributions {
        *report
            .by_status
            .entry(contribution.status.id())
            .or_default() += 1;
        *report
            .by_stakeholder_type
            .entry(contribution.stakeholder.kind.id())
            .or_default() += 1;
    }
    let others = site
        .config
        .languages
        .iter()
        .filter(|language| **language != site.config.default_language);
    for language in others {
        let missing = contributions
            .iter()
            .filter(|c| &c.language != language)
            .filter(|c| !c.translations.iter().any(|t| &t.language == language))
            .count();
        report.untranslated.insert(language.clone(), missing);
    }
    let named: std::collections::BTreeSet<&str> = contributions
        .iter()
        .flat_map(|contribution| &contribution.actions)
        .map(ActionId::as_str)
        .collect();
    report.actions_without_contribution = site
        .objectives
        .iter()
        .filter(|objective| objective.shown_in(year))
        .flat_map(|objective| &objective.actions)
        .filter(|action| action.lifespan.includes(year) && !named.contains(action.id.as_str()))
        .map(|action| action.id.to_string())
        .collect();
    report
}

/// Diagnostics grouped by file, files with the most errors first.
fn by_file(diagnostics: &[Diagnostic]) -> Vec<FileProblems> {
    let mut files: BTreeMap<&str, FileProblems> = BTreeMap::new();
    for diagnostic in diagnostics {
        let entry = files
            .entry(diagnostic.file.as_str())
            .or_insert_with(|| FileProblems {
                file: diagnostic.file.clone(),
                errors: 0,
                warnings: 0,
                first: match diagnostic.line {
                    Some(line) => format!("line {line}: {}", diagnostic.message),
                    None => diagnostic.message.clone(),
                },
            });
        match diagnostic.severity {
            Severity::Error => entry.errors += 1,
            Severity::Warning => entry.warnings += 1,
        }
    }
    let mut files: Vec<FileProblems> = files.into_values().collect();
    files.sort_by(|a, b| b.errors.cmp(&a.errors).then_with(|| a.file.cmp(&b.file)));
    files
}

/// For people, in a terminal.
pub fn human(status: &Status) -> String {
    let mut out = String::new();
    for edition in &status.editions {
        let _ = writeln!(
            out,
            "Edition {}, {} to {}: {}",
            edition.year,
            edition.from,
            edition.to,
            period(edition)
        );
        let _ = writeln!(
            out,
            "  {} contributions{}",
            edition.contributions,
            counts(&edition.by_status, ": ")
        );
        let _ = writeln!(
            out,
            "  by stakeholder type{}",
            counts(&edition.by_stakeholder_type, ": ")
        );
        let untranslated: Vec<String> = edition
            .untranslated
            .iter()
            .filter(|(_, missing)| **missing > 0)
            .map(|(language, missing)| format!("{language} {missing} of {}", edition.contributions))
            .collect();
        if !untranslated.is_empty() {
            let _ = writeln!(out, "  not translated: {}", untranslated.join(", "));
        }
        let _ = writeln!(
            out,
            "  actions with no contribution ({}): {}",
            edition.actions_without_contribution.len(),
            edition.actions_without_contribution.join(", ")
        );
        let _ = writeln!(
            out,
            "  report: {} chapters; policy notes: {}",
            edition.report_chapters, edition.policy_notes
        );
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "Problems: {} errors, {} warnings in {} files{}",
        status.errors,
        status.warnings,
        status.problems.len(),
        if status.problems.is_empty() {
            ""
        } else {
            " (run `rapporteur check` for details)"
        }
    );
    for file in &status.problems {
        let _ = writeln!(
            out,
            "  {}  {} errors, {} warnings; {}",
            file.file, file.errors, file.warnings, file.first
        );
    }
    out
}

/// For an issue or a pull request comment.
pub fn markdown(status: &Status) -> String {
    let mut out = String::from("# Status\n\n");
    for edition in &status.editions {
        let _ = writeln!(
            out,
            "## Edition {} ({})\n\n{} to {}: {}.\n",
            edition.year,
            edition.state,
            edition.from,
            edition.to,
            period(edition)
        );
        let _ = writeln!(out, "| | |\n|---|---|");
        let _ = writeln!(
            out,
            "| Contributions | {}{} |",
            edition.contributions,
            counts(&edition.by_status, " — ")
        );
        let _ = writeln!(
            out,
            "| By stakeholder type | {} |",
            counts(&edition.by_stakeholder_type, "").trim_start_matches(", ")
        );
        let untranslated: Vec<String> = edition
            .untranslated
            .iter()
            .map(|(l, m)| format!("{l}: {m}"))
            .collect();
        let _ = writeln!(out, "| Not translated | {} |", untranslated.join(", "));
        let _ = writeln!(
            out,
            "| Actions with no contribution | {} |",
            edition.actions_without_contribution.join(", ")
        );
        let _ = writeln!(
            out,
            "| Report chapters / policy notes | {} / {} |\n",
            edition.report_chapters, edition.policy_notes
        );
    }
    let _ = writeln!(
        out,
        "## Problems\n\n{} errors, {} warnings.\n",
        status.errors, status.warnings
    );
    if !status.problems.is_empty() {
        let _ = writeln!(
            out,
            "| File | Errors | Warnings | First problem |\n|---|---|---|---|"
        );
        for file in &status.problems {
            let first = file.first.replace('|', "\\|");
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {first} |",
                file.file, file.errors, file.warnings
            );
        }
    }
    out
}

fn period(edition: &EditionReport) -> String {
    match (edition.state, edition.days_left) {
        ("published", _) => "published (frozen)".to_owned(),
        (_, days) if days >= 0 => format!("{days} days until the period closes"),
        (_, days) => format!(
            "the period closed {} days ago; publish it when the report is ready",
            -days
        ),
    }
}

fn counts(counts: &BTreeMap<&'static str, usize>, lead: &str) -> String {
    if counts.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = counts.iter().map(|(id, n)| format!("{n} {id}")).collect();
    format!("{lead}{}", parts.join(", "))
}
