//! What every test module shares: running the real `rapporteur` binary, reading and
//! comparing directory trees byte for byte, and "blessing" (rewriting expected files from
//! the actual output when `RAPPORTEUR_BLESS=1` is set).
//!
//! Every run of the binary is checked for a panic and for death by a signal, so that no
//! test can pass while the program crashed in a way its exit status hides.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The environment variable that turns comparisons into rewrites of the expected files.
pub const BLESS_VAR: &str = "RAPPORTEUR_BLESS";

/// True when the expected files should be rewritten from the actual output.
pub fn bless() -> bool {
    std::env::var_os(BLESS_VAR).is_some_and(|value| !value.is_empty() && value != "0")
}

/// The repository root, which is also the bundled portal's site root.
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<case>`: a valid site with its expected output in `expected/`.
pub fn fixture_dir(case: &str) -> PathBuf {
    manifest_dir().join("tests").join("fixtures").join(case)
}

/// `tests/invalid/<case>`: a broken site with its expected diagnostics.
pub fn invalid_dir(case: &str) -> PathBuf {
    manifest_dir().join("tests").join("invalid").join(case)
}

/// A fresh temporary directory, removed when dropped.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("rapporteur-test-")
        .tempdir()
        .expect("cannot create a temporary directory")
}

/// What a run of the binary returned.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The command line, for failure messages.
    pub command: String,
}

impl Output {
    /// Asserts the exit status, showing everything the program printed when it differs.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "`{}` exited with {} instead of {code}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.command, self.code, self.stdout, self.stderr
        );
        self
    }
}

/// A command line of the `rapporteur` binary under test.
pub struct Run {
    command: Command,
    shown: Vec<String>,
}

/// Starts a command line of the binary; it runs in the system's temporary directory
/// unless [`Run::current_dir`] says otherwise, so a mistake cannot write into the repository.
pub fn rapporteur() -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rapporteur"));
    command
        .current_dir(std::env::temp_dir())
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG");
    Run {
        command,
        shown: vec!["rapporteur".to_owned()],
    }
}

impl Run {
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.shown.push(arg.as_ref().to_string_lossy().into_owned());
        self.command.arg(arg);
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(mut self, args: I) -> Self {
        for arg in args {
            self = self.arg(arg);
        }
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.command.current_dir(dir);
        self
    }

    /// Runs the command to completion; fails the test on a panic or a signal.
    #[track_caller]
    pub fn run(mut self) -> Output {
        let command = self.shown.join(" ");
        let output = self
            .command
            .output()
            .unwrap_or_else(|error| panic!("cannot run `{command}`: {error}"));
        let stdout = String::from_utf8(output.stdout)
            .unwrap_or_else(|error| panic!("`{command}` printed invalid UTF-8 on stdout: {error}"));
        let stderr = String::from_utf8(output.stderr)
            .unwrap_or_else(|error| panic!("`{command}` printed invalid UTF-8 on stderr: {error}"));
        assert!(
            !stderr.contains("panicked") && !stdout.contains("panicked"),
            "`{command}` panicked:\n{stderr}"
        );
        let code = output
            .status
            .code()
            .unwrap_or_else(|| panic!("`{command}` was killed by a signal:\n{stderr}"));
        Output {
            code,
            stdout,
            stderr,
            command,
        }
    }
}

/// `rapporteur build --root <root> --output <output>`.
#[track_caller]
pub fn build(root: &Path, output: &Path) -> Output {
    rapporteur()
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(output)
        .run()
}

/// `rapporteur check --root <root> --format <format>`.
#[track_caller]
pub fn check(root: &Path, format: &str) -> Output {
    rapporteur()
        .arg("check")
        .arg("--root")
        .arg(root)
        .arg("--format")
        .arg(format)
        .run()
}

/// Every file under `dir` (hidden ones included), by `/`-separated relative path.
/// A symbolic link is recorded as `symlink -> <target>` without being followed.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    collect(dir, dir, &mut files);
    files
}

fn collect(base: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()));
        let path = entry.path();
        let kind = entry
            .file_type()
            .unwrap_or_else(|error| panic!("cannot stat {}: {error}", path.display()));
        if kind.is_dir() {
            collect(base, &path, files);
            continue;
        }
        let relative = relative_name(base, &path);
        let bytes = if kind.is_symlink() {
            let target = fs::read_link(&path)
                .unwrap_or_else(|error| panic!("cannot read link {}: {error}", path.display()));
            format!("symlink -> {}", target.display()).into_bytes()
        } else {
            fs::read(&path)
                .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
        };
        files.insert(relative, bytes);
    }
}

fn relative_name(base: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    relative
        .components()
        .map(|component| component.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Asserts that two trees hold the same files with the same bytes, listing every difference.
#[track_caller]
pub fn assert_same_tree(
    expected: &BTreeMap<String, Vec<u8>>,
    actual: &BTreeMap<String, Vec<u8>>,
    what: &str,
) {
    let mut report = String::new();
    for path in expected.keys().filter(|path| !actual.contains_key(*path)) {
        let _ = writeln!(report, "missing: {path}");
    }
    for path in actual.keys().filter(|path| !expected.contains_key(*path)) {
        let _ = writeln!(report, "unexpected: {path}");
    }
    for (path, expected_bytes) in expected {
        match actual.get(path) {
            Some(actual_bytes) if actual_bytes != expected_bytes => {
                let _ = writeln!(
                    report,
                    "differs: {path}\n{}",
                    first_difference(
                        &String::from_utf8_lossy(expected_bytes),
                        &String::from_utf8_lossy(actual_bytes)
                    )
                );
            }
            _ => {}
        }
    }
    assert!(report.is_empty(), "{what}: the trees differ\n{report}");
}

/// The first line where `actual` departs from `expected`, with a line of context.
pub fn first_difference(expected: &str, actual: &str) -> String {
    let expected_lines: Vec<&str> = expected.split('\n').collect();
    let actual_lines: Vec<&str> = actual.split('\n').collect();
    let index = expected_lines
        .iter()
        .zip(&actual_lines)
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected_lines.len().min(actual_lines.len()));
    let mut text = format!("  first difference at line {}:\n", index + 1);
    if let Some(before) = index
        .checked_sub(1)
        .and_then(|before| expected_lines.get(before))
    {
        let _ = writeln!(text, "    {before}");
    }
    let _ = writeln!(
        text,
        "  - {}",
        expected_lines
            .get(index)
            .map_or("<end of file>", |line| line)
    );
    let _ = writeln!(
        text,
        "  + {}",
        actual_lines.get(index).map_or("<end of file>", |line| line)
    );
    text
}

/// Compares `actual` with the file at `expected`, or rewrites that file when blessing.
#[track_caller]
pub fn assert_text_file(expected: &Path, actual: &str) {
    if bless() {
        fs::write(expected, actual)
            .unwrap_or_else(|error| panic!("cannot bless {}: {error}", expected.display()));
        return;
    }
    let wanted = fs::read_to_string(expected).unwrap_or_else(|error| {
        panic!(
            "cannot read {} ({error}); run with {BLESS_VAR}=1 to create it",
            expected.display()
        )
    });
    assert!(
        wanted == actual,
        "the output differs from {} (run with {BLESS_VAR}=1 to accept it)\n{}\n--- actual output ---\n{actual}",
        expected.display(),
        first_difference(&wanted, actual)
    );
}

/// Builds `tests/fixtures/<case>` into a temporary directory and compares every file of the
/// output, byte for byte, with `tests/fixtures/<case>/expected/` (or rewrites it when blessing).
#[track_caller]
pub fn check_site(case: &str) {
    let root = fixture_dir(case);
    let temp = temp_dir();
    let output = temp.path().join("site");
    let run = build(&root, &output);
    run.assert_code(0);
    assert!(
        run.stdout.is_empty(),
        "build printed on stdout:\n{}",
        run.stdout
    );
    // Warnings are expected only where the fixture says which (`warnings.txt`).
    let summary_start = run.stderr.rfind("built ").unwrap_or(run.stderr.len());
    let (warnings, summary) = run.stderr.split_at(summary_start);
    assert!(summary.starts_with("built "), "{}", run.stderr);
    let warnings_file = root.join("warnings.txt");
    if warnings_file.exists() || !warnings.is_empty() {
        assert_text_file(&warnings_file, warnings);
    }
    assert_eq!(
        leftovers(temp.path()),
        Vec::<String>::new(),
        "the build left temporary directories behind"
    );
    let actual = read_tree(&output);
    let expected_dir = root.join("expected");
    if bless() {
        if expected_dir.exists() {
            fs::remove_dir_all(&expected_dir).unwrap_or_else(|error| {
                panic!("cannot remove {}: {error}", expected_dir.display())
            });
        }
        copy_dir(&output, &expected_dir);
        return;
    }
    assert!(
        expected_dir.is_dir(),
        "{} does not exist; run with {BLESS_VAR}=1 to create it",
        expected_dir.display()
    );
    assert_same_tree(
        &read_tree(&expected_dir),
        &actual,
        &format!(
            "the build of tests/fixtures/{case} (run with {BLESS_VAR}=1 to accept the new output)"
        ),
    );
}

/// Copies the tree at `from` into `to` (created), skipping top-level entries named in `skip`.
pub fn copy_dir_except(from: &Path, to: &Path, skip: &[&str]) {
    fs::create_dir_all(to)
        .unwrap_or_else(|error| panic!("cannot create {}: {error}", to.display()));
    let entries = fs::read_dir(from)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", from.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|error| panic!("cannot list {}: {error}", from.display()));
        if skip
            .iter()
            .any(|name| entry.file_name() == OsStr::new(name))
        {
            continue;
        }
        let source = entry.path();
        let target = to.join(entry.file_name());
        if source.is_dir() {
            copy_dir_except(&source, &target, &[]);
        } else {
            fs::copy(&source, &target)
                .unwrap_or_else(|error| panic!("cannot copy {}: {error}", source.display()));
        }
    }
}

/// Copies the tree at `from` into `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    copy_dir_except(from, to, &[]);
}

/// A writable copy of `tests/fixtures/<case>` (without `expected/`) at `<parent>/site`.
pub fn copy_fixture(case: &str, parent: &Path) -> PathBuf {
    let root = parent.join("site");
    copy_dir_except(&fixture_dir(case), &root, &["expected"]);
    root
}

/// Like [`copy_fixture`], with every edition open and no manifest (`editions/`), for
/// tests that change inputs a published edition would freeze (the data files).
pub fn copy_fixture_unpublished(case: &str, parent: &Path) -> PathBuf {
    let root = copy_fixture(case, parent);
    let manifests = root.join("editions");
    if manifests.exists() {
        fs::remove_dir_all(&manifests)
            .unwrap_or_else(|error| panic!("cannot remove {}: {error}", manifests.display()));
    }
    let site = read(&root.join("site.yaml"));
    write(
        &root.join("site.yaml"),
        &site.replace("status: published", "status: open"),
    );
    root
}

/// Names in `dir` of the temporary directories a build uses (`.rapporteur-build-*`,
/// `.rapporteur-old-*`); a finished build, failed or not, must leave none.
pub fn leftovers(dir: &Path) -> Vec<String> {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()));
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name.starts_with(".rapporteur-build-") || name.starts_with(".rapporteur-old-")
        })
        .collect();
    names.sort();
    names
}

/// Writes `text` at `path`, creating its parent directories.
pub fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .unwrap_or_else(|error| panic!("cannot create {}: {error}", parent.display()));
    }
    fs::write(path, text)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
}

/// Reads a UTF-8 file of an output tree.
#[track_caller]
pub fn read(path: &Path) -> String {
    fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// A valid contribution's front matter and body, for tests that add one to a site. It is
/// dated in the open 2026 edition, since adding to a published edition is an error.
pub fn contribution(title: &str, objective: &str, body: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\nstakeholder:\n  name: \"Test Organization\"\n  type: academia\nregion: europe\nobjectives: [{objective}]\ndate: 2025-09-15\nstatus: ongoing\n---\n{body}\n"
    )
}

/// A render sink that keeps every file in memory, by output path.
#[derive(Default)]
pub struct MemorySink(std::sync::Mutex<BTreeMap<String, Vec<u8>>>);

impl MemorySink {
    /// The files written, by output path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.0.into_inner().expect("no render thread panicked")
    }
}

impl rapporteur::render::Sink for MemorySink {
    fn write(&self, path: &str, contents: &[u8]) -> Result<(), rapporteur::fs::IoError> {
        let mut files = self.0.lock().expect("no render thread panicked");
        files.insert(path.to_owned(), contents.to_vec());
        Ok(())
    }
    fn copy(&self, path: &str, source: &Path) -> Result<(), rapporteur::fs::IoError> {
        let contents = fs::read(source).expect("an asset can be read");
        self.write(path, &contents)
    }
}
