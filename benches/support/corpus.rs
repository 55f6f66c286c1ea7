//! The generated corpora the benchmarks share (`benches/build.rs`, `benches/serve.rs`).
//!
//! A corpus is made once by `../shared/tools/gen_corpus.py` and kept under
//! `<target>/bench-corpora/`, so every benchmark measures the same site and none pays for
//! generating it twice. Each benchmark includes this file with `#[path]` (a bench target
//! is a crate of its own, and this folder holds no `main.rs`, so cargo does not take it
//! for one).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub type Error = Box<dyn std::error::Error>;

/// Where corpora are kept and the generator that makes them.
pub struct Corpora {
    /// The corpus generator (RAPPORTEUR_GEN_CORPUS, default ../shared/tools/gen_corpus.py).
    generator: PathBuf,
    /// `<target>/bench-corpora`.
    dir: PathBuf,
}

impl Corpora {
    /// The corpora of the target folder `target_dir`, made by the generator that
    /// RAPPORTEUR_GEN_CORPUS names (default: the shared one beside this repository).
    pub fn from_env(manifest_dir: &Path, target_dir: &Path) -> Corpora {
        Corpora {
            generator: std::env::var_os("RAPPORTEUR_GEN_CORPUS").map_or_else(
                || manifest_dir.join("../shared/tools/gen_corpus.py"),
                PathBuf::from,
            ),
            dir: target_dir.join("bench-corpora"),
        }
    }

    /// The corpus of `n` contributions in `flavor`, generated if missing. The generator
    /// writes into a temporary directory renamed into place once it succeeded, so an
    /// interrupted generation is never mistaken for a corpus.
    pub fn generated(&self, flavor: &str, n: usize) -> Result<PathBuf, Error> {
        let dir = self.dir.join(format!("{flavor}-n{n}"));
        let done = if flavor == "hugo" {
            "hugo.toml"
        } else {
            "site.yaml"
        };
        if dir.join(done).is_file() {
            return Ok(dir);
        }
        if !self.generator.is_file() {
            return Err(format!(
                "the corpus generator {} does not exist (set RAPPORTEUR_GEN_CORPUS)",
                self.generator.display()
            )
            .into());
        }
        std::fs::create_dir_all(&self.dir)?;
        let partial = self.dir.join(format!(".partial-{flavor}-n{n}"));
        remove_if_exists(&partial)?;
        remove_if_exists(&dir)?;
        eprintln!("generating {flavor} corpus of {n} contributions ...");
        let status = Command::new("python3")
            .arg(&self.generator)
            .args(["--n", &n.to_string(), "--flavor", flavor, "--out"])
            .arg(&partial)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status()?;
        if !status.success() {
            return Err(format!("{} --n {n} failed: {status}", self.generator.display()).into());
        }
        std::fs::rename(&partial, &dir)?;
        Ok(dir)
    }

    /// A copy of the rapporteur corpus of `n` contributions whose `site.yaml` lists
    /// `languages`, its published editions frozen (`rapporteur-n<n>-<languages>`).
    pub fn with_languages(&self, n: usize, languages: &[&str]) -> Result<PathBuf, Error> {
        let dir = self
            .dir
            .join(format!("rapporteur-n{n}-{}", languages.join("-")));
        let languages_line = format!("languages: [{}]", languages.join(", "));
        // A copy made before is reused, also when the corpus it came from is gone.
        let made = std::fs::read_to_string(dir.join("site.yaml"))
            .is_ok_and(|site| site.lines().any(|line| line == languages_line));
        if made && dir.join("editions").is_dir() {
            return Ok(dir);
        }
        let base = self.generated("rapporteur", n)?;
        let site = std::fs::read_to_string(base.join("site.yaml"))?;
        let wanted = site
            .lines()
            .map(|line| match line.starts_with("languages:") {
                true => languages_line.clone(),
                false => line.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n";
        remove_if_exists(&dir)?;
        let status = Command::new("cp").arg("-R").arg(&base).arg(&dir).status()?;
        if !status.success() {
            return Err(format!("copying {} failed", base.display()).into());
        }
        std::fs::write(dir.join("site.yaml"), wanted)?;
        freeze_published_editions(&dir, &site)?;
        Ok(dir)
    }
}

/// The generator marks edition 2025 published without writing its manifest, which
/// rapporteur refuses (nothing would notice a change to it): freeze it as the Secretariat
/// would, so the builds measured check a published edition's manifest as real sites do.
fn freeze_published_editions(dir: &Path, site_yaml: &str) -> Result<(), Error> {
    let mut year = None;
    for line in site_yaml.lines() {
        let line = line.trim().trim_start_matches("- ");
        if let Some(value) = line.strip_prefix("year:") {
            year = Some(value.trim().to_owned());
        }
        if line == "status: published" {
            let Some(year) = &year else { continue };
            let status = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
                .args(["publish", year, "--force", "--root"])
                .arg(dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()?;
            // It refuses when the manifest exists already (a reused copy): that is fine.
            if !status.success() && !dir.join(format!("editions/{year}.yaml")).is_file() {
                return Err(
                    format!("rapporteur publish {year} failed in {}", dir.display()).into(),
                );
            }
        }
    }
    Ok(())
}

/// Removes the folder `path` and what it holds, if it exists.
pub fn remove_if_exists(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}
