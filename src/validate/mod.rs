//! Stage 2, validate: raw sources → the typed model, with every problem as a diagnostic.
//!
//! Validation never stops at the first problem. Data files come first, because documents
//! refer to their ids; documents are then checked in parallel; finally cross-document
//! rules (translations need an original, chapter URLs must be unique, report folders
//! must name an edition) are applied. The model is returned only when there are no
//! errors, so later stages never see invalid content.
//!
//! [`update`] validates again after only contribution files changed, checking just those
//! files and the rules that span documents (`serve` uses it after each save).

mod assemble;
mod bodies;
mod characters;
mod checker;
mod contribution;
mod data;
mod documents;
mod editions;
pub mod placeholders;
mod renames;
mod shared_fields;
mod translations;
mod update;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{DocumentKind, Sources};
use crate::model::{
    ActionId, Contribution, Contributions, Forum, ForumId, Index, Language, Lifespan, Markdown,
    Objective, ObjectiveId, Site,
};
use assemble::{orphan, Assembled, Parts};
pub use checker::{is_safe_absolute_url, is_valid_slug};
use renames::Renames;
use shared_fields::{ContributionSlugs, Known};
pub use update::{is_contribution_file, update};

/// Checks `sources`; returns the site when it has no errors, and all diagnostics.
pub fn validate(sources: Sources) -> (Option<Site>, Diagnostics) {
    validate_with(sources, Frozen::Checked)
}

/// Checks `sources` as [`validate`] does, except published editions against their
/// manifests: what `publish` and `erratum` need to record the inputs as they are.
pub fn validate_unfrozen(sources: Sources) -> (Option<Site>, Diagnostics) {
    validate_with(sources, Frozen::Ignored)
}

/// The model of the valid part of `sources` even when other parts have errors (the
/// documents with errors are left out), for `status`, which reports on a site while it is
/// being fixed. Never rendered: render needs a site without errors.
pub fn validate_partial(sources: Sources) -> Option<Site> {
    match validate_with(sources, Frozen::Partial) {
        (Some(site), _) => Some(site),
        (None, _) => None,
    }
}

/// Whether published editions are compared with their manifests, and whether a site with
/// errors is returned.
#[derive(PartialEq)]
enum Frozen {
    Checked,
    Ignored,
    Partial,
}

fn validate_with(sources: Sources, frozen: Frozen) -> (Option<Site>, Diagnostics) {
    let mut problems: Vec<Diagnostic> = Vec::new();
    let Sources {
        site,
        documents,
        objectives,
        forums,
        datasets,
        data_translations,
        assets,
        manifests,
        hashes,
        provenance,
        lost_manifests,
    } = sources;
    let record_files = editions::RecordFiles {
        site: site.clone(),
        objectives: objectives.clone(),
        forums: forums.clone(),
        translations: data_translations.clone(),
    };
    let data_files: Vec<String> = objectives
        .iter()
        .chain(&forums)
        .chain(&datasets)
        .chain(&data_translations)
        .map(|file| file.path.clone())
        .collect();

    for file in site
        .iter()
        .chain(&objectives)
        .chain(&forums)
        .chain(&datasets)
    {
        problems.extend(data_file_characters(file));
    }
    let site = site.and_then(|file| data::site(&file, &mut problems));
    let objectives = match &objectives {
        Some(file) => data::objectives(file, &mut problems),
        None => {
            problems.push(missing_data_file(
                "content/data/objectives.yaml",
                "the Compact's objectives and their actions",
            ));
            Vec::new()
        }
    };
    let objective_ids: BTreeSet<ObjectiveId> = objectives
        .iter()
        .map(|objective| objective.id.clone())
        .collect();
    let forums = match &forums {
        Some(file) => data::forums(file, &objective_ids, &mut problems),
        None => {
            problems.push(missing_data_file(
                "content/data/forums.yaml",
                "the forums and bodies of the cooperation architecture",
            ));
            Vec::new()
        }
    };
    // Links can be checked only against known pages, which need valid data files.
    let pages_known = !problems.iter().any(is_error);
    let renames = match frozen {
        Frozen::Ignored => Renames::default(),
        Frozen::Checked | Frozen::Partial => Renames::new(&manifests, &objectives, &forums),
    };
    let originals = translations::Originals {
        objectives: &objectives,
        forums: &forums,
        renames: &renames,
        config: site.as_ref().map(|(config, _)| config),
    };
    let translations = translations::translations(&data_translations, &originals, &mut problems);
    let mut datasets: Vec<_> = datasets
        .iter()
        .filter_map(|file| data::dataset(file, &mut problems))
        .collect();
    datasets.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.file.cmp(&b.file)));
    for pair in datasets.windows(2) {
        if pair[0].name == pair[1].name {
            problems.push(
                Diagnostic::error(
                    pair[1].file.as_str(),
                    format!(
                        "two datasets are named `{}`: `{}` and this file",
                        pair[1].name, pair[0].file
                    ),
                )
                .with_hint("rename one of them; charts and downloads find a dataset by its name"),
            );
        }
    }
    datasets.dedup_by(|a, b| a.name == b.name);

    let actions = objectives
        .iter()
        .flat_map(|objective| objective.actions.iter().map(|action| action.id.clone()))
        .collect();
    let forum_ids = forums.iter().map(|forum| forum.id.clone()).collect();
    let contribution_slugs = documents::contribution_slugs(&documents);
    let Some((config, editions)) = site else {
        // site.yaml is invalid: still check the documents, so one run shows every problem.
        let known = Known {
            objectives: objective_ids,
            actions,
            forums: forum_ids,
            editions: None,
            contributions: ContributionSlugs::Listed(contribution_slugs),
            default_language: Language::new("en"),
            languages: crate::load::LANGUAGES
                .iter()
                .map(|language| Language::new(*language))
                .collect(),
            renames,
        };
        let document_problems = documents
            .into_par_iter()
            .flat_map(|document| documents::document(document, &known).1)
            .collect::<Vec<_>>();
        problems.extend(document_problems);
        // Without editions there are no pages to check links against.
        return (None, finish(problems));
    };
    let known = Known {
        objectives: objective_ids,
        actions,
        forums: forum_ids,
        editions: Some(&editions),
        contributions: ContributionSlugs::Listed(contribution_slugs),
        default_language: config.default_language.clone(),
        languages: config.languages.clone(),
        renames,
    };

    let kinds: Vec<DocumentKind> = documents
        .iter()
        .map(|document| document.kind.clone())
        .collect();
    let results: Vec<_> = documents
        .into_par_iter()
        .map(|document| documents::checked(document, &known))
        .collect();

    let renames = known.renames;
    let mut parts = Parts::default();
    let mut invalid = Vec::new();
    for ((validated, mut diagnostics, invalid_body), kind) in results.into_iter().zip(kinds) {
        problems.append(&mut diagnostics);
        if let Some(validated) = validated {
            parts.add(kind, validated);
        }
        invalid.extend(invalid_body);
    }
    let Assembled {
        home,
        reports,
        mut contributions,
        mut drafts,
        mut policy_notes,
    } = parts.assemble(&config.title, &editions, &mut problems);
    drafts.sort_by(display_order);

    policy_notes.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    for contribution in &mut contributions {
        contribution.provenance = provenance.get(&contribution.body.file).cloned();
    }
    let contributions = Contributions::new(contributions);
    problems.extend(unique_addresses(&contributions));
    problems.extend(updates_resolve(&contributions));
    problems.extend(follow_ups_by_the_same_stakeholder(&contributions));
    problems.extend(records_of_their_edition(
        &contributions,
        &objectives,
        &forums,
    ));
    let index = Index::build(&contributions);
    let mut site = Site {
        config,
        editions,
        objectives,
        forums,
        contributions,
        drafts,
        policy_notes,
        home,
        reports,
        datasets,
        translations,
        data_files,
        assets,
        index,
    };
    if frozen == Frozen::Checked {
        problems.extend(editions::check_published(
            &mut site,
            &manifests,
            &hashes,
            &record_files,
            &renames,
        ));
        problems.extend(
            lost_manifests
                .iter()
                .map(|file| editions::lost_manifest(file)),
        );
    }
    if frozen == Frozen::Partial {
        return (Some(site), finish(problems));
    }
    // Drafts are never rendered, nor is a site with errors: their bodies are checked here,
    // a draft's against the site with its drafts, as `serve` shows it (a draft may cite
    // another draft; once published, it is checked against the published site).
    let has_errors = problems.iter().any(is_error);
    let unrendered = if has_errors {
        bodies::of_site(&site)
    } else {
        Vec::new()
    };
    let with_drafts = site.with_drafts();
    let drafts = bodies::of_contributions(&site.drafts);
    let pages = pages_known.then_some(&site);
    let draft_pages = pages_known.then(|| with_drafts.as_ref().unwrap_or(&site));
    problems.extend(bodies::problems(draft_pages, &drafts, &[], &renames));
    problems.extend(bodies::problems(pages, &unrendered, &invalid, &renames));
    if has_errors {
        return (None, finish(once_per_file(problems)));
    }
    (Some(site), finish(problems))
}

/// The forbidden characters of a data file, written or (in YAML) escaped.
fn data_file_characters(file: &crate::load::TextFile) -> Vec<Diagnostic> {
    let mut problems = characters::in_text(&file.path, &file.text);
    if !file.path.ends_with(".csv") {
        problems.extend(characters::in_yaml_values(&crate::load::YamlSource {
            file: &file.path,
            text: &file.text,
            yaml: &file.text,
            line_offset: 0,
        }));
    }
    problems
}

/// `problems` with each rename told once per file: a file may name the old id in its front
/// matter and cite it in its body.
fn once_per_file(problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen = BTreeSet::new();
    problems
        .into_iter()
        .filter(|problem| {
            !problem.message.contains(" was renamed to `")
                || seen.insert((problem.file.clone(), problem.message.clone()))
        })
        .collect()
}

fn is_error(problem: &Diagnostic) -> bool {
    problem.severity == crate::diagnostic::Severity::Error
}

/// The order of contributions in the model: newest first, then by slug.
pub fn display_order(a: &Contribution, b: &Contribution) -> std::cmp::Ordering {
    crate::model::contributions::display_order(a, b)
}

/// Every contribution URL, slug or alias, belongs to one contribution only.
fn unique_addresses(contributions: &Contributions) -> Vec<Diagnostic> {
    // Aliases are claimed in display order, after every slug.
    let mut aliases: BTreeMap<&str, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    for contribution in contributions.linked() {
        for alias in &contribution.aliases {
            let owner = match contributions.by_slug(alias.as_str()) {
                Some(owner) => Some(owner.body.file.as_str()),
                None => aliases.get(alias.as_str()).copied(),
            };
            match owner {
                Some(owner) => problems.push(
                    Diagnostic::error(contribution.body.file.as_str(), format!("the alias `{alias}` claims the address contributions/{alias}/, which `{owner}` already has"))
                        .with_hint("two pages cannot share one address: remove the alias or rename one of them"),
                ),
                None => {
                    aliases.insert(alias.as_str(), &contribution.body.file);
                }
            }
        }
    }
    problems
}

/// `updates:` names a contribution of an earlier edition.
fn updates_resolve(contributions: &Contributions) -> Vec<Diagnostic> {
    contributions
        .linked()
        .filter_map(|contribution| {
            let target = contribution.updates.as_ref()?.as_str();
            let problem = match contributions.by_slug(target).map(|updated| updated.edition) {
                None => format!("`updates: {target}` names no contribution"),
                Some(edition) if edition >= contribution.edition => format!("`updates: {target}` names a contribution of edition {edition}, not of an earlier edition"),
                Some(_) => return None,
            };
            let hint = "`updates` names the earlier contribution (its file name without .md) whose work this one reports progress on";
            Some(Diagnostic::error(contribution.body.file.as_str(), problem).with_hint(hint))
        })
        .collect()
}

/// A contribution names only objectives, actions and forums its edition shows
/// (`added_in:`/`removed_in:` of the data records).
fn records_of_their_edition(
    contributions: &Contributions,
    objectives: &[Objective],
    forums: &[Forum],
) -> Vec<Diagnostic> {
    let mut spans: BTreeMap<&str, (&str, Lifespan)> = BTreeMap::new();
    for objective in objectives {
        spans.insert(objective.id.as_str(), ("objective", objective.lifespan));
        for action in &objective.actions {
            spans.insert(action.id.as_str(), ("action", action.lifespan));
        }
    }
    for forum in forums {
        spans.insert(forum.id.as_str(), ("forum", forum.lifespan));
    }
    let mut problems = Vec::new();
    for contribution in contributions {
        let ids = contribution
            .objectives
            .iter()
            .map(ObjectiveId::as_str)
            .chain(contribution.actions.iter().map(ActionId::as_str))
            .chain(contribution.forums.iter().map(ForumId::as_str));
        for id in ids {
            let Some((kind, lifespan)) = spans.get(id) else {
                continue;
            };
            if lifespan.includes(contribution.edition) {
                continue;
            }
            let when = match (lifespan.added_in, lifespan.removed_in) {
                (Some(added), _) if contribution.edition < added => {
                    format!("is added in edition {added}")
                }
                (_, Some(removed)) => format!("is retired from edition {removed} on"),
                _ => continue,
            };
            problems.push(
                Diagnostic::error(
                    contribution.body.file.as_str(),
                    format!("{kind} `{id}` {when}, so edition {} cannot name it", contribution.edition),
                )
                .with_hint(format!("name the {kind} this contribution's edition shows, or change its `added_in:`/`removed_in:` in content/data/")),
            );
        }
    }
    problems
}

/// A follow-up (`updates:`) is drawn on the earlier contribution's page, which may belong
/// to a published edition: only the stakeholder who wrote it may add that link.
fn follow_ups_by_the_same_stakeholder(contributions: &Contributions) -> Vec<Diagnostic> {
    contributions
        .linked()
        .filter_map(|contribution| {
            let target = contribution.updates.as_ref()?.as_str();
            let author = contributions.by_slug(target)?.stakeholder.name.as_str();
            let name = contribution.stakeholder.name.as_str();
            (author != name).then(|| {
                Diagnostic::error(
                    contribution.body.file.as_str(),
                    format!("`updates: {target}` names a contribution by {author:?}, but this one is by {name:?}"),
                )
                .with_hint("only the stakeholder who wrote a contribution can report progress on it or withdraw it; write the stakeholder's name exactly as the earlier contribution does, or remove `updates:`")
            })
        })
        .collect()
}

/// The Markdown problems (unsafe links) of `bodies`.
fn markdown_problems(bodies: &[&Markdown]) -> Vec<Diagnostic> {
    bodies
        .par_iter()
        .flat_map(|body| crate::markdown::to_html(body, "", &crate::markdown::NoBlocks).diagnostics)
        .collect()
}

fn finish(problems: Vec<Diagnostic>) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    diagnostics.extend(problems);
    diagnostics
}

fn missing_data_file(path: &str, what: &str) -> Diagnostic {
    Diagnostic::error(path, format!("the site has no `{path}`"))
        .with_hint(format!("create it: it lists {what}"))
}
