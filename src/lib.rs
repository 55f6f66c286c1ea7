//! rapporteur: the static site generator of the Digital Cooperation Forum's report portal.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! load      site root → Sources      read files, split front matter (no interpretation)
//! validate  Sources   → Site         raw YAML → typed model, every problem a Diagnostic
//! model     Site                     editions, contributions, objectives, forums, indexes
//! render    Site      → pages        Markdown (sanitized) + Tera templates → HTML
//! write     pages     → public/      temporary directory, swapped in atomically
//! ```
//!
//! [`build`] runs all five; [`check`] runs all but `write` (it renders into nothing, so
//! it finds the same problems as a build).

pub mod charts;
pub mod cli;
pub mod csv_file;
pub mod diagnostic;
pub mod embedded_theme;
pub mod escape;
pub mod fs;
pub mod init;
pub mod load;
pub mod manifest;
pub mod markdown;
pub mod model;
pub mod new;
pub mod progress;
pub mod publish;
pub mod render;
pub mod search;
pub mod serve;
pub mod status;
pub mod urls;
pub mod validate;
pub mod write;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use diagnostic::{Diagnostic, Diagnostics};

/// What a successful build or check did.
#[derive(Debug)]
pub struct Summary {
    pub pages: usize,
    pub contributions: usize,
    pub editions: usize,
    pub diagnostics: Vec<Diagnostic>,
    pub elapsed: Duration,
}

/// Why a build or check failed.
#[derive(Debug)]
pub enum Failure {
    /// The content has errors: nothing was written.
    Invalid(Vec<Diagnostic>),
    /// The environment failed (unreadable root, unwritable output, refused output path).
    Fatal(String),
}

/// Options of `rapporteur build`.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `<root>/public`.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of `site.yaml`.
    pub base_url: Option<String>,
}

/// Builds the site at `options.root` into its output directory.
pub fn build(options: &BuildOptions) -> Result<Summary, Failure> {
    let started = Instant::now();
    let root =
        fs::SiteRoot::open(&options.root).map_err(|error| Failure::Fatal(error.to_string()))?;
    let output = match &options.output {
        Some(output) if output.is_absolute() => output.clone(),
        Some(output) => std::env::current_dir()
            .map_err(|error| Failure::Fatal(error.to_string()))?
            .join(output),
        None => root.path().join("public"),
    };
    let output = write::check_output_path(root.path(), &output)
        .map_err(|error| Failure::Fatal(error.to_string()))?;
    let (site, theme, warnings) = prepare(&root, options.base_url.as_deref())?;
    let staging =
        write::Staging::new(&output).map_err(|error| Failure::Fatal(error.to_string()))?;
    let progress = progress::Progress::new(&staging);
    let rendered = render_site(&site, &theme, &progress, warnings);
    progress.finish();
    let rendered = rendered?;
    staging
        .commit()
        .map_err(|error| Failure::Fatal(error.to_string()))?;
    Ok(summary(&site, rendered, started.elapsed()))
}

/// Checks the site at `root` as a build would, writing nothing.
pub fn check(root: &Path) -> Result<Summary, Failure> {
    let started = Instant::now();
    let root = fs::SiteRoot::open(root).map_err(|error| Failure::Fatal(error.to_string()))?;
    let (site, theme, warnings) = prepare(&root, None)?;
    let rendered = render_site(&site, &theme, &render::Discard, warnings)?;
    Ok(summary(&site, rendered, started.elapsed()))
}

/// Load, validate and model the site, and load its theme.
fn prepare(
    root: &fs::SiteRoot,
    base_url: Option<&str>,
) -> Result<(model::Site, render::templates::Theme, Diagnostics), Failure> {
    let (sources, mut diagnostics) = load::load(root);
    let (site, validation) = validate::validate(sources);
    diagnostics.extend(validation);
    let theme = site
        .as_ref()
        .map(|site| render::templates::load_theme(root, &site.config.theme));
    match (site, theme) {
        (Some(mut site), Some(Ok(theme))) if !diagnostics.has_errors() => {
            let missing_messages = theme.check_languages(&site.config.languages);
            if !missing_messages.is_empty() {
                diagnostics.extend(missing_messages);
                return Err(Failure::Invalid(diagnostics.sorted()));
            }
            if let Some(base_url) = base_url {
                override_base_url(&mut site, base_url);
            }
            Ok((site, theme, diagnostics))
        }
        (_, Some(Err(problems))) => {
            diagnostics.extend(problems);
            Err(Failure::Invalid(diagnostics.sorted()))
        }
        _ => Err(Failure::Invalid(diagnostics.sorted())),
    }
}

/// Replaces `base_url` of `site.yaml` with the one given on the command line (`build` and
/// `serve --base-url`), ending it with `/` as `site.yaml`'s own.
pub fn override_base_url(site: &mut model::Site, base_url: &str) {
    site.config.base_url = if base_url.ends_with('/') {
        base_url.to_owned()
    } else {
        format!("{base_url}/")
    };
}

fn render_site(
    site: &model::Site,
    theme: &render::templates::Theme,
    sink: &dyn render::Sink,
    mut diagnostics: Diagnostics,
) -> Result<render::Rendered, Failure> {
    match render::render(site, theme, sink) {
        Ok(rendered) => {
            diagnostics.extend(rendered.diagnostics);
            if diagnostics.has_errors() {
                return Err(Failure::Invalid(diagnostics.sorted()));
            }
            Ok(render::Rendered {
                pages: rendered.pages,
                diagnostics,
            })
        }
        Err(render::RenderError::Template(problem)) => {
            diagnostics.push(problem);
            Err(Failure::Invalid(diagnostics.sorted()))
        }
        Err(render::RenderError::Io(error)) => Err(Failure::Fatal(error.to_string())),
    }
}

fn summary(site: &model::Site, rendered: render::Rendered, elapsed: Duration) -> Summary {
    Summary {
        pages: rendered.pages,
        contributions: site.contributions.len(),
        editions: site.editions.len(),
        diagnostics: rendered.diagnostics.sorted(),
        elapsed,
    }
}
