//! The command line: `build`, `check`, `serve`, `new contribution|policy-note|chapter` and the rest, defined with clap.
//!
//! Each subcommand is one function that calls the library and prints its outcome: the
//! diagnostics (to stderr for people, to stdout for `--format json|github`, which tools
//! read) and a one-line summary. Without `--root`, the site root is found as git finds a
//! repository: the nearest folder holding `site.yaml`, from the current folder upwards.

mod changed;
mod new;

pub use new::NewCommand;

use std::io::Write as _;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diagnostic::{self, Format};
use crate::{Failure, Summary};

/// Builds the Digital Cooperation Forum's report portal from Markdown and YAML.
#[derive(Parser, Debug)]
#[command(name = "rapporteur", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// How `status` prints.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum StatusFormat {
    Human,
    Markdown,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into a directory of static HTML.
    Build {
        /// The site root (the folder holding site.yaml and content/) [default: the nearest
        /// folder holding site.yaml, from the current folder upwards].
        #[arg(long)]
        root: Option<PathBuf>,
        /// Where to write the site [default: <root>/public].
        #[arg(long)]
        output: Option<PathBuf>,
        /// The public address of the site, overriding base_url of site.yaml.
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Check the content for problems without writing anything.
    Check {
        /// The site root (the folder holding site.yaml and content/) [default: the nearest
        /// folder holding site.yaml, from the current folder upwards].
        #[arg(long)]
        root: Option<PathBuf>,
        /// How to print problems: for people, as JSON, as GitHub Actions annotations, or as a
        /// Markdown summary grouped by file.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Check a change, e.g. a pull request's files (relative to the root, as git prints
        /// them): shows their problems and the errors they cause elsewhere; a name that is
        /// not a file of the site fails the check.
        #[arg(long, num_args = 1..)]
        changed: Vec<String>,
    },
    /// Start a new portal in DIR: site.yaml, the Compact's data, the contributor's guide and
    /// the pull-request workflow. Asks for what the flags do not give, in a terminal.
    Init {
        /// The folder of the new portal (created if missing; must not hold a site).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The forum's name, as the portal shows it.
        #[arg(long)]
        title: Option<String>,
        /// The portal's public address, e.g. https://example.org/forum/.
        #[arg(long)]
        base_url: Option<String>,
        /// The repository contributors open pull requests on.
        #[arg(long)]
        repository: Option<String>,
        /// Languages, the default first, e.g. en,fr,ar.
        #[arg(long, value_delimiter = ',')]
        languages: Option<Vec<String>>,
        /// The first edition's year (its reporting period ends on 30 June).
        #[arg(long)]
        edition: Option<i32>,
    },
    /// One screen per edition for the Secretariat: contributions, translations, gaps, problems.
    Status {
        /// Only this edition [default: every edition].
        year: Option<i32>,
        /// The site root (the folder holding site.yaml and content/) [default: the nearest
        /// folder holding site.yaml, from the current folder upwards].
        #[arg(long)]
        root: Option<PathBuf>,
        /// For people, as Markdown (for an issue or a pull request), or as JSON.
        #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
        format: StatusFormat,
    },
    /// Preview the site: build it in memory, serve it on 127.0.0.1 and rebuild on every change.
    Serve {
        /// The site root (the folder holding site.yaml and content/) [default: the nearest
        /// folder holding site.yaml, from the current folder upwards].
        #[arg(long)]
        root: Option<PathBuf>,
        /// The port to listen on; 0 picks a free one.
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The address to listen on; any other than 127.0.0.1 or ::1 shows the preview to
        /// the network.
        #[arg(
            long,
            visible_alias = "bind",
            value_name = "ADDR",
            default_value = "127.0.0.1"
        )]
        interface: IpAddr,
        /// The public address of the site, overriding base_url of site.yaml (canonical
        /// URLs, sitemap), as for build.
        #[arg(long)]
        base_url: Option<String>,
        /// Open the home page in the browser ($BROWSER if set) once serve listens.
        #[arg(long)]
        open: bool,
    },
    /// Freeze an edition: record its inputs in editions/<year>.yaml and mark it published.
    Publish {
        /// The edition's year, as in site.yaml.
        year: i32,
        /// List what would be frozen and what stands in the way; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Publish although the edition has no report, its period has not ended, its
        /// inputs are not committed, or an older edition is still open.
        #[arg(long)]
        force: bool,
        /// The site root (the folder holding site.yaml and content/) [default: the nearest
        /// folder holding site.yaml, from the current folder upwards].
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Record a correction to a published edition, listed on its pages.
    Erratum {
        /// The edition's year, as in site.yaml.
        year: i32,
        /// What was corrected and why, for readers.
        #[arg(long)]
        description: String,
        /// The site root (the folder holding site.yaml and content/) [default: the nearest
        /// folder holding site.yaml, from the current folder upwards].
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Internal: deletes a previous output moved aside by `build` (run in the background).
    #[command(name = "__discard", hide = true)]
    Discard { directory: PathBuf },
    /// Create a new content file from a commented template.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
}

/// Runs the command line and returns the process's exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
        } => {
            let outcome = crate::build(&crate::BuildOptions {
                root: site_root(root),
                output,
                base_url,
            });
            report(outcome, Format::Human, "built")
        }
        Command::Check {
            root,
            format,
            changed,
        } => {
            let root = site_root(root);
            if changed.is_empty() {
                return report(crate::check(&root), format, "checked");
            }
            check_changed(&root, &changed, format)
        }
        Command::Serve {
            root,
            port,
            interface,
            base_url,
            open,
        } => {
            let root = site_root(root);
            let options = crate::serve::Options {
                root,
                port,
                interface,
                base_url,
                open,
            };
            match crate::serve::serve(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {}", diagnostic::escape_controls(&message));
                    ExitCode::from(2)
                }
            }
        }
        Command::Status { year, root, format } => status(&site_root(root), year, format),
        Command::Init {
            dir,
            title,
            base_url,
            repository,
            languages,
            edition,
        } => init(
            &dir,
            crate::init::Answers {
                title,
                base_url,
                repository,
                languages,
                edition,
            },
        ),
        Command::Discard { directory } => {
            crate::write::discard_now(&directory);
            ExitCode::SUCCESS
        }
        Command::Publish {
            year,
            root,
            dry_run,
            force,
        } => publish(
            &site_root(root),
            year,
            crate::publish::PublishOptions { dry_run, force },
        ),
        Command::Erratum {
            year,
            description,
            root,
        } => match crate::publish::erratum(&site_root(root), year, &description) {
            Ok(files) => {
                eprintln!(
                    "recorded an erratum to edition {year} for: {}",
                    files.join(", ")
                );
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("error: {}", diagnostic::escape_controls(&message));
                ExitCode::from(2)
            }
        },
        Command::New { what } => new::run(what),
    }
}

/// The site root: `--root` when given, or else the nearest folder holding `site.yaml`
/// from the current folder upwards (the current folder when there is none, so that the
/// check says what is missing).
fn site_root(given: Option<PathBuf>) -> PathBuf {
    if let Some(root) = given {
        return root;
    }
    let current = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    current
        .ancestors()
        .find(|folder| folder.join("site.yaml").is_file())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// `check --changed`: the problems of the changed files, the errors they cause elsewhere,
/// and a failure for every name that is not a file of the site.
fn check_changed(root: &Path, names: &[String], format: Format) -> ExitCode {
    let current = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let changed = changed::resolve(root, &current, names);
    let outcome = match crate::check(root) {
        Ok(mut summary) => {
            summary.diagnostics = changed::select(summary.diagnostics, &changed.files);
            Ok(summary)
        }
        Err(Failure::Invalid(diagnostics)) => Err(Failure::Invalid(changed::select(
            diagnostics,
            &changed.files,
        ))),
        Err(fatal) => Err(fatal),
    };
    if changed.problems.is_empty() {
        return report(outcome, format, "checked");
    }
    let code = match outcome {
        Ok(summary) => report(
            Err(Failure::Invalid(summary.diagnostics)),
            format,
            "checked",
        ),
        other => report(other, format, "checked"),
    };
    print_diagnostics(&changed.problems, format);
    eprintln!(
        "error: {} of the names given to --changed {} not a file of the site; nothing was checked for {}",
        changed.problems.len(),
        if changed.problems.len() == 1 { "is" } else { "are" },
        if changed.problems.len() == 1 { "it" } else { "them" },
    );
    if code == ExitCode::from(2) {
        code
    } else {
        ExitCode::from(1)
    }
}

/// Prints diagnostics and the summary; maps the outcome to 0, 1 or 2.
fn report(outcome: Result<Summary, Failure>, format: Format, verb: &str) -> ExitCode {
    match outcome {
        Ok(summary) => {
            print_diagnostics(&summary.diagnostics, format);
            eprintln!(
                "{verb} {} pages ({} contributions, {} editions) in {:.2} s{}",
                summary.pages,
                summary.contributions,
                summary.editions,
                summary.elapsed.as_secs_f64(),
                match summary.diagnostics.len() {
                    0 => String::new(),
                    1 => ", 1 warning".to_owned(),
                    n => format!(", {n} warnings"),
                }
            );
            ExitCode::SUCCESS
        }
        Err(Failure::Invalid(diagnostics)) => {
            print_diagnostics(&diagnostics, format);
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == diagnostic::Severity::Error)
                .count();
            if errors == 0 {
                eprintln!("no errors in the changed files or caused by them");
                return ExitCode::SUCCESS;
            }
            eprintln!(
                "error: the content has {errors} problem{} to fix; nothing was written",
                if errors == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
        Err(Failure::Fatal(message)) => {
            eprintln!("error: {}", diagnostic::escape_controls(&message));
            ExitCode::from(2)
        }
    }
}

fn print_diagnostics(diagnostics: &[diagnostic::Diagnostic], format: Format) {
    let text = diagnostic::render(diagnostics, format);
    let result = match format {
        Format::Human => std::io::stderr().write_all(text.as_bytes()),
        Format::Json | Format::Github | Format::Markdown => {
            std::io::stdout().write_all(text.as_bytes())
        }
    };
    drop(result);
}

/// `rapporteur publish`: what is frozen, what stands in the way, what was written.
fn publish(root: &Path, year: i32, options: crate::publish::PublishOptions) -> ExitCode {
    let publication = match crate::publish::publish(root, year, options) {
        Ok(publication) => publication,
        Err(message) => {
            eprintln!("error: {}", diagnostic::escape_controls(&message));
            return ExitCode::from(2);
        }
    };
    if options.dry_run {
        println!(
            "edition {year} would freeze {} inputs in {}:",
            publication.inputs.len(),
            publication.manifest.display()
        );
        for input in &publication.inputs {
            println!("  {input}");
        }
    }
    for refusal in &publication.refusals {
        let verdict = if options.force && !options.dry_run {
            "warning"
        } else {
            "error"
        };
        eprintln!("{verdict}: {refusal}");
    }
    if publication.written {
        eprintln!(
            "published edition {year}: its inputs are recorded in {}; commit it with site.yaml",
            publication.manifest.display()
        );
        ExitCode::SUCCESS
    } else if options.dry_run {
        let outcome = if publication.refusals.is_empty() {
            "nothing stands in the way"
        } else {
            "publishing would be refused (pass --force to publish anyway)"
        };
        eprintln!("dry run: nothing was written; {outcome}");
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "edition {year} was not published: fix the above, or pass --force to publish anyway"
        );
        ExitCode::from(1)
    }
}

/// `rapporteur status`: prints the report in the chosen format.
fn status(root: &Path, year: Option<i32>, format: StatusFormat) -> ExitCode {
    let today = chrono::Local::now().date_naive();
    let status = match crate::status::status(root, year, today) {
        Ok(status) => status,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let text = match format {
        StatusFormat::Human => crate::status::human(&status),
        StatusFormat::Markdown => crate::status::markdown(&status),
        // A status is structs, strings, numbers and string-keyed maps, which serde_json
        // always writes: the default is never taken.
        StatusFormat::Json => serde_json::to_string_pretty(&status).unwrap_or_default() + "\n",
    };
    print!("{text}");
    ExitCode::SUCCESS
}

/// `rapporteur init`: writes the new portal and says what to do next.
fn init(dir: &Path, answers: crate::init::Answers) -> ExitCode {
    let today = chrono::Local::now().date_naive();
    match crate::init::init(dir, answers, today) {
        Ok(files) => {
            for file in &files {
                eprintln!("  wrote {}", file.display());
            }
            eprintln!("a new portal is ready in {}: add a contribution with `rapporteur new contribution <name>`, then `rapporteur check` and `rapporteur build`", dir.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
