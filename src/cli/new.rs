//! `rapporteur new contribution|policy-note|chapter`: the flags, and the answers from a
//! terminal when standard input is one. Each writes its file or says why not (exit 2).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use super::site_root;
use crate::diagnostic;

#[derive(Subcommand, Debug)]
pub enum NewCommand {
    /// Write content/contributions/<slug>.md from flags, asking for missing fields in a terminal.
    Contribution {
        /// The file name and address of the contribution: lowercase letters, digits, hyphens.
        slug: String,
        /// The site root (the folder holding site.yaml and content/) [default: the nearest
        /// folder holding site.yaml, from the current folder upwards].
        #[arg(long)]
        root: Option<PathBuf>,
        #[command(flatten)]
        fields: Box<crate::new::Fields>,
        /// Write a commented file with placeholder values to replace, asking nothing.
        #[arg(long, conflicts_with_all = ["title", "stakeholder", "stakeholder_type", "region", "objectives", "status", "actions", "forums", "sdgs", "country", "language", "date"])]
        skeleton: bool,
    },
    /// Write content/policy-notes/<slug>.md from flags, asking for missing fields in a terminal.
    PolicyNote {
        /// The file name and address of the note: lowercase letters, digits, hyphens.
        slug: String,
        /// The site root [default: the nearest folder holding site.yaml, from the current
        /// folder upwards].
        #[arg(long)]
        root: Option<PathBuf>,
        #[command(flatten)]
        fields: crate::new::NoteFields,
    },
    /// Write the next chapter of an open edition's report, content/report/<year>/NN-<slug>.md.
    Chapter {
        /// The edition's year, as in site.yaml (not a published one).
        year: String,
        /// The chapter's address: lowercase letters, digits, hyphens.
        slug: String,
        /// The chapter's title (asked for in a terminal when missing).
        #[arg(long)]
        title: Option<String>,
        /// The site root [default: the nearest folder holding site.yaml, from the current
        /// folder upwards].
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

/// Runs one `new` command.
pub(super) fn run(what: NewCommand) -> ExitCode {
    match what {
        NewCommand::Contribution {
            slug,
            root,
            fields,
            skeleton,
        } => report_new(
            new_contribution(&site_root(root), &slug, *fields, skeleton).map(|path| vec![path]),
        ),
        NewCommand::PolicyNote { slug, root, fields } => {
            let root = site_root(root);
            let written = with_answers(|answers| {
                crate::new::policy_note(&root, &slug, fields, answers).map(|path| vec![path])
            });
            report_new(written)
        }
        NewCommand::Chapter {
            year,
            slug,
            title,
            root,
        } => {
            let root = site_root(root);
            report_new(with_answers(|answers| {
                crate::new::chapter(&root, &year, &slug, title, answers)
            }))
        }
    }
}

/// Says which files a `new` command wrote, or why it wrote none (exit status 2).
fn report_new(written: Result<Vec<PathBuf>, String>) -> ExitCode {
    match written {
        Ok(paths) => {
            for path in paths {
                eprintln!(
                    "created {}: fill it in, then run `rapporteur check`",
                    path.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {}", diagnostic::escape_controls(&message));
            ExitCode::from(2)
        }
    }
}

/// Runs `command` with the terminal as the source of missing answers when stdin is one,
/// and with flags only otherwise.
fn with_answers<T>(command: impl FnOnce(crate::new::Answers<'_>) -> T) -> T {
    use std::io::IsTerminal as _;
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return command(crate::new::Answers::FlagsOnly);
    }
    let mut input = stdin.lock();
    let mut prompts = std::io::stderr();
    command(crate::new::Answers::Terminal {
        input: &mut input,
        prompts: &mut prompts,
    })
}

/// Runs `new contribution`: the skeleton, or the fields with questions when stdin is a terminal.
fn new_contribution(
    root: &Path,
    slug: &str,
    fields: crate::new::Fields,
    skeleton: bool,
) -> Result<PathBuf, String> {
    if skeleton {
        return crate::new::skeleton(root, slug);
    }
    with_answers(|answers| crate::new::contribution(root, slug, fields, answers))
}
