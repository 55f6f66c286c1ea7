//! Build benchmark: rapporteur against Hugo on the same generated corpus, in one run.
//!
//! Run with `cargo bench --bench build` (see benches/README.md). For each corpus size it
//! generates (once) the same synthetic site in rapporteur's and Hugo's flavours with
//! `../shared/tools/gen_corpus.py`, then measures, as child processes writing to tmpfs
//! (`/dev/shm`, so the disk's noise stays out):
//! - `rapporteur build` with `languages: [en]`;
//! - `rapporteur build` with `languages: [en, fr, ar]` (at the target size);
//! - `hugo` (Debian's package) on the Hugo flavour (at the target size, when installed).
//!
//! Each subject gets one warm-up, then RAPPORTEUR_BENCH_RUNS rounds in which the subjects
//! take turns, so a noisy minute of the machine lands on all of them alike. It reports
//! medians and the ratios the targets of issue #10 are stated in.
//!
//! Peak RSS is the kernel's own high-water mark (`ru_maxrss`). The crate forbids unsafe
//! code, so `libc::wait4` is out; instead the bench re-executes itself as a small probe
//! (`--probe BIN ARGS...`) that runs the build as its only child, waits for it, and reads
//! `getrusage(RUSAGE_CHILDREN)` through nix's safe wrapper: with one child, that is the
//! child's exact peak.
//!
//! Environment:
//! - RAPPORTEUR_BENCH_SIZES  comma-separated corpus sizes (default "10000"; add 50000 for
//!   the linearity target)
//! - RAPPORTEUR_BENCH_RUNS   timed rounds (default 5)
//! - RAPPORTEUR_BENCH_STRICT "1": exit with status 1 when a target is missed
//! - RAPPORTEUR_GEN_CORPUS   the corpus generator (default ../shared/tools/gen_corpus.py)
//! - RAPPORTEUR_BENCH_OUT    where builds write (default /dev/shm, else the target dir)
//! - RAPPORTEUR_BENCH_BASELINE another rapporteur binary (say, main's) measured beside this
//!   one as `baseline [...]`, for before/after figures from one run
//! - CARGO_TARGET_DIR        where target/ is (corpora go to <target>/bench-corpora/)

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use nix::sys::resource::{getrusage, UsageWho};

#[path = "support/corpus.rs"]
mod corpus;
use corpus::{remove_if_exists, Corpora, Error};

/// The corpus size most targets are stated for.
const TARGET_N: usize = 10_000;
/// The size of the linearity target.
const LARGE_N: usize = 50_000;
const TARGET_WALL: Duration = Duration::from_millis(2_500);
const TARGET_HUGO_RATIO: f64 = 0.25;
const TARGET_RSS_MIB: f64 = 300.0;
const TARGET_THREE_LANGUAGES_RATIO: f64 = 1.5;
const TARGET_LARGE_RATIO: f64 = 5.5;
const TARGET_LARGE_RSS_MIB: f64 = 1024.0;

const DEFAULT_SIZES: &str = "10000";
const DEFAULT_RUNS: usize = 5;
/// The first line of the probe's report on its stdout.
const PROBE_TAG: &str = "rapporteur-bench-probe";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--probe") {
        return probe(&args[1..]);
    }
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this binary without
    // it: a benchmark is not a test.
    if !args.iter().any(|arg| arg == "--bench") {
        println!(
            "the build benchmark runs with `cargo bench --bench build`; skipped under `cargo test`"
        );
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("bench error: {error}");
            ExitCode::from(2)
        }
    }
}

// ----------------------------------------------------------------------------------------
// Configuration and corpora.
// ----------------------------------------------------------------------------------------

struct Config {
    sizes: Vec<usize>,
    runs: usize,
    strict: bool,
    corpora: Corpora,
    outputs: PathBuf,
}

fn positive(name: &str, text: &str) -> Result<usize, Error> {
    text.trim()
        .replace('_', "")
        .parse::<usize>()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{name}: `{text}` is not a positive integer").into())
}

impl Config {
    fn from_env() -> Result<Config, Error> {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let var = |name: &str| std::env::var(name).ok();
        let sizes = var("RAPPORTEUR_BENCH_SIZES")
            .unwrap_or_else(|| DEFAULT_SIZES.to_owned())
            .split(',')
            .filter(|size| !size.trim().is_empty())
            .map(|size| positive("RAPPORTEUR_BENCH_SIZES", size))
            .collect::<Result<Vec<_>, _>>()?;
        if sizes.is_empty() {
            return Err("RAPPORTEUR_BENCH_SIZES lists no size".into());
        }
        let runs = match var("RAPPORTEUR_BENCH_RUNS") {
            Some(text) => positive("RAPPORTEUR_BENCH_RUNS", &text)?,
            None => DEFAULT_RUNS,
        };
        let target_dir = std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(|| manifest_dir.join("target"), PathBuf::from);
        let target_dir = manifest_dir.join(target_dir);
        let shm = Path::new("/dev/shm");
        let outputs = match std::env::var_os("RAPPORTEUR_BENCH_OUT") {
            Some(dir) => PathBuf::from(dir),
            None if shm.is_dir() => shm.to_path_buf(),
            None => target_dir.clone(),
        }
        .join(format!("rapporteur-bench-{}", std::process::id()));
        Ok(Config {
            sizes,
            runs,
            strict: var("RAPPORTEUR_BENCH_STRICT").is_some_and(|value| value.trim() == "1"),
            corpora: Corpora::from_env(manifest_dir, &target_dir),
            outputs,
        })
    }
}

/// Counts the `.html` files under `dir`.
fn count_html(dir: &Path) -> std::io::Result<usize> {
    let mut html = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let file_type = entry.file_type()?;
            if file_type.is_dir() {
                stack.push(entry.path());
            } else if entry.file_name().to_string_lossy().ends_with(".html") {
                html += 1;
            }
        }
    }
    Ok(html)
}

// ----------------------------------------------------------------------------------------
// Subjects and measurements.
// ----------------------------------------------------------------------------------------

/// One thing to time: a generator, a corpus, a command line.
struct Subject {
    label: String,
    n: usize,
    program: PathBuf,
    /// Arguments before the output folder, and the flag that names it.
    args: Vec<String>,
    output_flag: &'static str,
    runs: Vec<Run>,
    pages: usize,
}

/// One measured build.
#[derive(Debug, Clone, Copy)]
struct Run {
    wall: Duration,
    /// User + system CPU time of the child, in seconds.
    cpu: f64,
    /// CPU seconds the rest of the machine used meanwhile (NaN where unknown).
    other_cpu: f64,
    rss_bytes: u64,
}

impl Subject {
    fn rapporteur(label: String, n: usize, root: &Path) -> Subject {
        Subject {
            label,
            n,
            program: PathBuf::from(env!("CARGO_BIN_EXE_rapporteur")),
            args: vec!["build".into(), "--root".into(), root.display().to_string()],
            output_flag: "--output",
            runs: Vec::new(),
            pages: 0,
        }
    }

    /// The same subject built by another binary, labelled `baseline [...]`.
    fn baseline(&self, program: &Path) -> Subject {
        Subject {
            label: self.label.replacen("rapporteur", "baseline", 1),
            n: self.n,
            program: program.to_path_buf(),
            args: self.args.clone(),
            output_flag: self.output_flag,
            runs: Vec::new(),
            pages: 0,
        }
    }

    fn hugo(program: PathBuf, n: usize, root: &Path, cache: &Path) -> Subject {
        Subject {
            label: "hugo".to_owned(),
            n,
            program,
            args: vec![
                "--quiet".into(),
                "--source".into(),
                root.display().to_string(),
                "--cacheDir".into(),
                cache.display().to_string(),
            ],
            output_flag: "--destination",
            runs: Vec::new(),
            pages: 0,
        }
    }

    /// Builds into a new folder under `outputs`, counts its pages, deletes it.
    fn measure(&mut self, outputs: &Path, name: &str) -> Result<Run, Error> {
        let output = outputs.join(format!("{}-n{}-{name}", self.label, self.n));
        remove_if_exists(&output)?;
        let busy_before = busy_cpu_seconds();
        let probe = Command::new(std::env::current_exe()?)
            .arg("--probe")
            .arg(&self.program)
            .args(&self.args)
            .arg(self.output_flag)
            .arg(&output)
            .stdin(Stdio::null())
            .output()?;
        let busy = busy_cpu_seconds() - busy_before;
        let stdout = String::from_utf8_lossy(&probe.stdout);
        let stderr = String::from_utf8_lossy(&probe.stderr);
        let report = stdout
            .lines()
            .find_map(|line| line.strip_prefix(PROBE_TAG))
            .ok_or_else(|| format!("the probe reported nothing:\n{stderr}"))?;
        let fields: Vec<&str> = report.split_whitespace().collect();
        let [wall_ns, cpu, rss_bytes, code] = fields[..] else {
            return Err(format!("unreadable probe report `{report}`").into());
        };
        if code != "0" {
            return Err(format!("{} exited with {code}:\n{stderr}", self.label).into());
        }
        let pages = count_html(&output)?;
        if self.pages != 0 && pages != self.pages {
            return Err(format!("{}: {pages} pages, earlier {}", self.label, self.pages).into());
        }
        self.pages = pages;
        remove_if_exists(&output)?;
        let cpu: f64 = cpu.parse()?;
        Ok(Run {
            wall: Duration::from_nanos(wall_ns.parse()?),
            cpu,
            other_cpu: (busy - cpu).max(0.0),
            rss_bytes: rss_bytes.parse()?,
        })
    }

    fn median_wall(&self) -> Duration {
        let mut walls: Vec<Duration> = self.runs.iter().map(|run| run.wall).collect();
        walls.sort();
        match walls.len() {
            0 => Duration::ZERO,
            len if len % 2 == 1 => walls[len / 2],
            len => (walls[len / 2 - 1] + walls[len / 2]) / 2,
        }
    }

    fn median_secs(&self) -> f64 {
        self.median_wall().as_secs_f64()
    }

    fn median_cpu(&self) -> f64 {
        let mut cpus: Vec<f64> = self.runs.iter().map(|run| run.cpu).collect();
        cpus.sort_by(f64::total_cmp);
        cpus.get(cpus.len() / 2).copied().unwrap_or(0.0)
    }

    fn peak_rss_mib(&self) -> f64 {
        let peak = self.runs.iter().map(|run| run.rss_bytes).max().unwrap_or(0);
        peak as f64 / (1024.0 * 1024.0)
    }

    fn row(&self) -> String {
        let mut walls: Vec<f64> = self.runs.iter().map(|r| r.wall.as_secs_f64()).collect();
        walls.sort_by(f64::total_cmp);
        let (min, max) = (walls.first().unwrap_or(&0.0), walls.last().unwrap_or(&0.0));
        format!(
            "  {:<24} {:>7} {:>8.3} {:>6.3} {:>6.3} {:>8.2} {:>9.1} {:>9.0}",
            self.label,
            self.pages,
            self.median_secs(),
            min,
            max,
            self.median_cpu(),
            self.peak_rss_mib(),
            self.pages as f64 / self.median_secs().max(1e-9),
        )
    }
}

/// The subjects for corpus size `n`: rapporteur in one language always; in three
/// languages and Hugo at the target size.
fn subjects(config: &Config, n: usize) -> Result<Vec<Subject>, Error> {
    let one = config.corpora.with_languages(n, &["en"])?;
    let mut subjects = vec![Subject::rapporteur("rapporteur [en]".into(), n, &one)];
    if n == TARGET_N {
        let three = config.corpora.with_languages(n, &["en", "fr", "ar"])?;
        subjects.push(Subject::rapporteur(
            "rapporteur [en, fr, ar]".into(),
            n,
            &three,
        ));
        match which("hugo") {
            Some(hugo) => {
                let root = config.corpora.generated("hugo", n)?;
                let cache = config.outputs.join("hugo-cache");
                subjects.push(Subject::hugo(hugo, n, &root, &cache));
            }
            None => eprintln!("hugo is not installed (apt-get install hugo): no comparison"),
        }
    }
    if let Some(program) = std::env::var_os("RAPPORTEUR_BENCH_BASELINE") {
        let baselines: Vec<Subject> = subjects
            .iter()
            .filter(|subject| subject.label.starts_with("rapporteur"))
            .map(|subject| subject.baseline(Path::new(&program)))
            .collect();
        subjects.extend(baselines);
    }
    Ok(subjects)
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| Path::new(dir).join(program))
        .find(|path| path.is_file())
}

/// One warm-up each, then `runs` rounds in which the subjects take turns.
fn measure_all(config: &Config, subjects: &mut [Subject]) -> Result<(), Error> {
    for subject in subjects.iter_mut() {
        eprintln!("{} n={}: warm-up", subject.label, subject.n);
        subject.measure(&config.outputs, "warm-up")?;
    }
    for round in 1..=config.runs {
        for subject in subjects.iter_mut() {
            eprintln!(
                "{} n={}: run {round}/{}",
                subject.label, subject.n, config.runs
            );
            let run = subject.measure(&config.outputs, &format!("run-{round}"))?;
            subject.runs.push(run);
        }
    }
    Ok(())
}

// ----------------------------------------------------------------------------------------
// The report and the targets.
// ----------------------------------------------------------------------------------------

/// A target: what it says, the figure, and whether it is met.
struct Verdict {
    target: String,
    measured: String,
    met: bool,
}

fn verdict(target: impl Into<String>, measured: impl Into<String>, met: bool) -> Verdict {
    Verdict {
        target: target.into(),
        measured: measured.into(),
        met,
    }
}

fn find<'s>(subjects: &'s [Subject], label: &str, n: usize) -> Option<&'s Subject> {
    subjects.iter().find(|s| s.label == label && s.n == n)
}

/// Issue #10's targets, for the subjects that were measured.
fn verdicts(subjects: &[Subject]) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    let Some(one) = find(subjects, "rapporteur [en]", TARGET_N) else {
        return verdicts;
    };
    let (wall, rss) = (one.median_secs(), one.peak_rss_mib());
    let target_wall = TARGET_WALL.as_secs_f64();
    verdicts.push(verdict(
        format!("10k, one language: wall <= {target_wall} s"),
        format!("{wall:.3} s"),
        wall <= target_wall,
    ));
    verdicts.push(verdict(
        format!("10k, one language: peak RSS <= {TARGET_RSS_MIB} MiB"),
        format!("{rss:.1} MiB"),
        rss <= TARGET_RSS_MIB,
    ));
    if let Some(hugo) = find(subjects, "hugo", TARGET_N) {
        let ratio = wall / hugo.median_secs();
        verdicts.push(verdict(
            format!("10k, one language: <= {TARGET_HUGO_RATIO} x Hugo"),
            format!("{ratio:.3} x ({wall:.3} s / {:.3} s)", hugo.median_secs()),
            ratio <= TARGET_HUGO_RATIO,
        ));
    }
    if let Some(three) = find(subjects, "rapporteur [en, fr, ar]", TARGET_N) {
        let ratio = three.median_secs() / wall;
        verdicts.push(verdict(
            format!("10k, [en, fr, ar]: <= {TARGET_THREE_LANGUAGES_RATIO} x one language"),
            format!("{ratio:.3} x ({:.3} s)", three.median_secs()),
            ratio <= TARGET_THREE_LANGUAGES_RATIO,
        ));
    }
    if let Some(large) = find(subjects, "rapporteur [en]", LARGE_N) {
        let ratio = large.median_secs() / wall;
        verdicts.push(verdict(
            format!("50k, one language: <= {TARGET_LARGE_RATIO} x the 10k time"),
            format!("{ratio:.3} x ({:.3} s)", large.median_secs()),
            ratio <= TARGET_LARGE_RATIO,
        ));
        verdicts.push(verdict(
            format!("50k, one language: peak RSS <= {TARGET_LARGE_RSS_MIB} MiB"),
            format!("{:.1} MiB", large.peak_rss_mib()),
            large.peak_rss_mib() <= TARGET_LARGE_RSS_MIB,
        ));
    }
    verdicts
}

fn report(config: &Config, subjects: &[Subject], verdicts: &[Verdict]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\nrapporteur build benchmark");
    let _ = writeln!(out, "  machine  {}", machine());
    let _ = writeln!(
        out,
        "  method   1 warm-up, then {} rounds (subjects in turn); outputs in {}",
        config.runs,
        config.outputs.display()
    );
    let _ = writeln!(
        out,
        "\n  {:<24} {:>7} {:>8} {:>6} {:>6} {:>8} {:>9} {:>9}",
        "subject", "pages", "median s", "min", "max", "cpu s", "peak MiB", "pages/s"
    );
    let mut sizes: Vec<usize> = subjects.iter().map(|s| s.n).collect();
    sizes.dedup();
    for n in sizes {
        let _ = writeln!(out, "  {n} contributions");
        for subject in subjects.iter().filter(|s| s.n == n) {
            let _ = writeln!(out, "{}", subject.row());
        }
    }
    let runs = || subjects.iter().flat_map(|s| &s.runs);
    let others: f64 = runs().map(|run| run.other_cpu).sum();
    let wall: f64 = runs().map(|run| run.wall.as_secs_f64()).sum();
    let _ = writeln!(
        out,
        "  other processes used {others:.1} CPU-s during the {wall:.1} s of timed runs{}",
        if others > 0.1 * wall {
            " (busy machine: times inflated)"
        } else {
            ""
        }
    );
    let _ = writeln!(out, "\n  targets (issue #10)");
    for verdict in verdicts {
        let _ = writeln!(
            out,
            "  {:<4} {:<48} {}",
            if verdict.met { "PASS" } else { "FAIL" },
            verdict.target,
            verdict.measured
        );
    }
    out
}

fn run() -> Result<bool, Error> {
    let config = Config::from_env()?;
    std::fs::create_dir_all(&config.outputs)?;
    let mut subjects = Vec::new();
    for &n in &config.sizes {
        subjects.extend(subjects_or_cleanup(&config, n)?);
    }
    let measured = measure_all(&config, &mut subjects);
    remove_if_exists(&config.outputs)?;
    measured?;
    let verdicts = verdicts(&subjects);
    print!("{}", report(&config, &subjects, &verdicts));
    let passed = verdicts.iter().all(|verdict| verdict.met);
    if !passed && !config.strict {
        println!("(RAPPORTEUR_BENCH_STRICT is not 1: exiting 0 anyway)");
        return Ok(true);
    }
    Ok(passed)
}

fn subjects_or_cleanup(config: &Config, n: usize) -> Result<Vec<Subject>, Error> {
    subjects(config, n).inspect_err(|_| {
        let _ = remove_if_exists(&config.outputs);
    })
}

// ----------------------------------------------------------------------------------------
// The probe and the machine.
// ----------------------------------------------------------------------------------------

/// `--probe BIN ARGS...`: runs BIN, relays its stderr, prints
/// `PROBE_TAG wall_ns cpu_seconds rss_bytes exit_code` on stdout.
fn probe(command: &[String]) -> ExitCode {
    let Some((program, args)) = command.split_first() else {
        eprintln!("--probe needs a program to run");
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let output = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output();
    let wall = started.elapsed();
    let output = match output {
        Ok(output) => output,
        Err(error) => {
            eprintln!("cannot run {program}: {error}");
            return ExitCode::from(2);
        }
    };
    let usage = match getrusage(UsageWho::RUSAGE_CHILDREN) {
        Ok(usage) => usage,
        Err(error) => {
            eprintln!("getrusage failed: {error}");
            return ExitCode::from(2);
        }
    };
    // Linux and the BSDs report ru_maxrss in KiB, macOS in bytes.
    let max_rss = u64::try_from(usage.max_rss()).unwrap_or(0);
    let cpu: f64 = [usage.user_time(), usage.system_time()]
        .iter()
        .map(|time| time.tv_sec() as f64 + time.tv_usec() as f64 / 1e6)
        .sum();
    let rss_bytes = if cfg!(target_vendor = "apple") {
        max_rss
    } else {
        max_rss * 1024
    };
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    println!(
        "{PROBE_TAG} {} {cpu} {rss_bytes} {}",
        wall.as_nanos(),
        output.status.code().unwrap_or(-1)
    );
    ExitCode::SUCCESS
}

/// CPU time the whole machine has spent busy since boot, in seconds (Linux; NaN elsewhere).
///
/// The `cpu` line of /proc/stat counts user, nice, system, idle, iowait, irq, softirq and
/// steal time in clock ticks; busy is all but idle and iowait. Steal (the hypervisor
/// running someone else) counts as busy: it slows the build as much as a local process.
fn busy_cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/stat") else {
        return f64::NAN;
    };
    let Some(fields) = stat.lines().find_map(|line| line.strip_prefix("cpu ")) else {
        return f64::NAN;
    };
    let ticks: Vec<f64> = fields
        .split_whitespace()
        .take(8)
        .filter_map(|field| field.parse().ok())
        .collect();
    if ticks.len() < 8 {
        return f64::NAN;
    }
    let busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7];
    let ticks_per_second = nix::unistd::sysconf(nix::unistd::SysconfVar::CLK_TCK)
        .ok()
        .flatten()
        .unwrap_or(100) as f64;
    busy / ticks_per_second
}

/// A line about the machine the numbers come from.
fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, usize::from);
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name"))
        .and_then(|rest| rest.split_once(':'))
        .map_or("unknown CPU", |(_, model)| model.trim());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = meminfo
        .lines()
        .find_map(|line| line.strip_prefix("MemTotal:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(
            || "unknown memory".to_owned(),
            |kib| format!("{:.1} GiB RAM", kib / (1024.0 * 1024.0)),
        );
    format!("{model}, {cpus} logical CPUs, {memory}")
}
