//! The repository's GitHub workflows, run where they can be without GitHub: the release
//! packaging and the installation a pull-request check does (`.github/scripts/`), on this
//! machine with `file://` in place of the release's address; and the workflow files read as
//! YAML, to hold the promises README makes (no compilation on a pull request, binaries for
//! Linux, macOS and Windows on a tag).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::support::{manifest_dir, read, temp_dir, write};

/// The release target of this machine, as the scripts name it.
fn host_target() -> Option<&'static str> {
    match (std::env::consts::OS, std::env::consts::ARCH) {
        ("linux", "x86_64") => Some("x86_64-unknown-linux-gnu"),
        ("macos", "aarch64") => Some("aarch64-apple-darwin"),
        ("macos", "x86_64") => Some("x86_64-apple-darwin"),
        _ => None,
    }
}

fn script(name: &str) -> PathBuf {
    manifest_dir().join(".github/scripts").join(name)
}

/// Runs `script` with bash in `dir`, with `env` set (and HOME in the test's folder).
fn run(dir: &Path, script: &Path, arguments: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new("bash");
    command.arg(script).args(arguments).current_dir(dir);
    command
        .env("HOME", dir)
        .env_remove("GITHUB_PATH")
        .env_remove("CARGO_HOME");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("cannot run bash")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A release of this build of rapporteur in `dir/dist`, as the release workflow makes it.
fn package(dir: &Path, target: &str) {
    let binary = env!("CARGO_BIN_EXE_rapporteur");
    let output = run(
        dir,
        &script("package-release.sh"),
        &[target],
        &[("RAPPORTEUR_BINARY", binary)],
    );
    assert!(output.status.success(), "{}", text(&output));
}

#[test]
fn a_released_binary_is_installed_without_compiling() {
    let Some(target) = host_target() else {
        return;
    };
    let temp = temp_dir();
    package(temp.path(), target);
    let archive = temp.path().join(format!("dist/rapporteur-{target}.tar.gz"));
    assert!(archive.is_file());
    let releases = format!("file://{}", temp.path().join("dist").display());
    let github_path = temp.path().join("github-path");
    let output = run(
        temp.path(),
        &script("install-rapporteur.sh"),
        &[],
        &[
            ("RAPPORTEUR_RELEASES", &releases),
            ("GITHUB_PATH", github_path.to_str().expect("UTF-8 path")),
            ("PATH", "/usr/bin:/bin"),
        ],
    );
    let printed = text(&output);
    assert!(output.status.success(), "{printed}");
    assert!(
        printed.contains("installed the released binary: rapporteur "),
        "{printed}"
    );
    let installed = temp.path().join(".local/bin/rapporteur");
    assert!(installed.is_file(), "{printed}");
    assert_eq!(
        read(&github_path).trim(),
        temp.path().join(".local/bin").display().to_string()
    );
}

#[test]
fn without_a_good_release_the_cached_or_compiled_binary_is_used() {
    let Some(target) = host_target() else {
        return;
    };
    let temp = temp_dir();
    package(temp.path(), target);
    let checksum = temp
        .path()
        .join(format!("dist/rapporteur-{target}.tar.gz.sha256"));
    let line = read(&checksum);
    write(&checksum, &format!("{}{}", "0".repeat(64), &line[64..]));
    let releases = format!("file://{}", temp.path().join("dist").display());
    let cargo_home = temp.path().join("cargo");

    // No cache yet: `cargo install --locked` (a stand-in that records its arguments).
    let fake_bin = temp.path().join("fake-bin");
    write(
        &fake_bin.join("cargo"),
        &format!(
            "#!/bin/sh\necho \"$@\" > \"{}\"\nmkdir -p \"$CARGO_HOME/bin\"\ncp \"{}\" \"$CARGO_HOME/bin/rapporteur\"\n",
            temp.path().join("cargo-arguments").display(),
            env!("CARGO_BIN_EXE_rapporteur"),
        ),
    );
    make_executable(&fake_bin.join("cargo"));
    let path = format!("{}:/usr/bin:/bin", fake_bin.display());
    let env = [
        ("RAPPORTEUR_RELEASES", releases.as_str()),
        ("RAPPORTEUR_GIT", "https://example.org/rapporteur.git"),
        ("CARGO_HOME", cargo_home.to_str().expect("UTF-8 path")),
        ("PATH", path.as_str()),
    ];
    let output = run(temp.path(), &script("install-rapporteur.sh"), &[], &env);
    let printed = text(&output);
    assert!(output.status.success(), "{printed}");
    assert!(printed.contains("does not match its SHA-256"), "{printed}");
    assert!(
        printed.contains("installed from source: rapporteur "),
        "{printed}"
    );
    assert_eq!(
        read(&temp.path().join("cargo-arguments")).trim(),
        "install --locked --git https://example.org/rapporteur.git rapporteur"
    );
    assert!(!temp.path().join(".local/bin/rapporteur").exists());

    // The next run finds the binary the cache restored, and compiles nothing.
    std::fs::remove_file(temp.path().join("cargo-arguments")).expect("cannot remove");
    let output = run(temp.path(), &script("install-rapporteur.sh"), &[], &env);
    let printed = text(&output);
    assert!(output.status.success(), "{printed}");
    assert!(
        printed.contains("using the binary compiled by an earlier run: rapporteur "),
        "{printed}"
    );
    assert!(!temp.path().join("cargo-arguments").exists(), "{printed}");
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .expect("cannot make the stand-in executable");
}

/// A workflow file of the repository, as data.
fn workflow(name: &str) -> serde_json::Value {
    let path = manifest_dir().join(".github/workflows").join(name);
    serde_saphyr::from_str(&read(&path)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn steps(workflow: &serde_json::Value, job: &str) -> Vec<String> {
    workflow["jobs"][job]["steps"]
        .as_array()
        .unwrap_or_else(|| panic!("no steps in job {job}"))
        .iter()
        .map(|step| {
            let uses = step["uses"].as_str().unwrap_or_default();
            let run = step["run"].as_str().unwrap_or_default();
            format!("{uses}{run}")
        })
        .collect()
}

#[test]
fn the_pull_request_workflow_installs_and_the_release_workflow_builds() {
    let portal = workflow("portal.yml");
    let pull_request = steps(&portal, "check-and-build");
    assert!(
        !pull_request
            .iter()
            .any(|step| step.contains("cargo build") || step.contains("rust-toolchain")),
        "the pull-request workflow compiles: {pull_request:?}"
    );
    for wanted in [
        ".github/scripts/install-rapporteur.sh",
        ".github/scripts/check-pull-request.sh HEAD^1",
        "actions/cache@v4",
    ] {
        assert!(
            pull_request.iter().any(|step| step.contains(wanted)),
            "{wanted} not in {pull_request:?}"
        );
    }

    let release = workflow("release.yml");
    assert_eq!(release["on"]["push"]["tags"][0], "v*");
    let targets: Vec<&str> = release["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .expect("a build matrix")
        .iter()
        .filter_map(|entry| entry["target"].as_str())
        .collect();
    for os in ["linux", "apple-darwin", "windows"] {
        assert!(
            targets.iter().any(|target| target.contains(os)),
            "{os} not in {targets:?}"
        );
    }
    let build = steps(&release, "build").join("\n");
    assert!(build.contains("cargo build --release --locked"), "{build}");
    assert!(
        build.contains(".github/scripts/package-release.sh"),
        "{build}"
    );
}

/// A portal made by `rapporteur init` checks its pull requests as rapporteur's own portal
/// does: the same steps, with the same scripts written beside them, installing the
/// generator's released binary.
#[test]
fn a_new_portal_runs_the_same_checks_as_the_bundled_one() {
    let temp = temp_dir();
    let root = temp.path().join("portal");
    super::support::rapporteur()
        .args(["init"])
        .arg(&root)
        .args(["--title", "Valley Digital Forum"])
        .args(["--base-url", "https://example.org/valley/"])
        .args(["--repository", "https://example.org/valley-source"])
        .args(["--languages", "en", "--edition", "2025"])
        .run()
        .assert_code(0);
    let path = root.join(".github/workflows/portal.yml");
    let new_portal: serde_json::Value = serde_saphyr::from_str(&read(&path))
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    assert_eq!(
        steps(&new_portal, "check-and-build"),
        steps(&workflow("portal.yml"), "check-and-build")
    );
    let releases = new_portal["env"]["RAPPORTEUR_RELEASES"]
        .as_str()
        .unwrap_or("");
    assert!(
        releases.starts_with("https://") && releases.ends_with("/releases/latest/download"),
        "{releases}"
    );
    for name in ["install-rapporteur.sh", "check-pull-request.sh"] {
        assert_eq!(
            read(&root.join(".github/scripts").join(name)),
            read(&script(name)),
            "{name}"
        );
    }
}
