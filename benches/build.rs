//! Build benchmark: times `rapporteur build` on generated corpora of N contributions.
//!
//! Run with `cargo bench --bench build` (see benches/README.md). For each corpus size it
//! runs the release binary as a child process: one warm-up, then RAPPORTEUR_BENCH_RUNS
//! timed builds (default 5), each into a fresh output directory that does not exist yet,
//! then one rebuild over the existing output of the last run, reported on its own line.
//! It prints wall time, pages per second and the child's peak resident set size, and
//! compares the 10,000-contribution corpus with the targets: under 5 s and 512 MiB.
//!
//! Peak RSS is the kernel's own high-water mark (`ru_maxrss`). The crate forbids unsafe
//! code, so `libc::wait4` is out; instead the bench re-executes itself as a small probe
//! (`--probe BIN ARGS...`) that runs the build as its only child, waits for it, and reads
//! `getrusage(RUSAGE_CHILDREN)` through nix's safe wrapper: with one child, that is the
//! child's exact peak. The probe also times the child (spawn to exit), so the probe's own
//! start-up is not counted.
//!
//! Environment:
//! - RAPPORTEUR_BENCH_SIZES  comma-separated corpus sizes (default "1000,10000")
//! - RAPPORTEUR_BENCH_RUNS   timed runs per corpus (default 5)
//! - RAPPORTEUR_BENCH_STRICT "1": exit with status 1 when a target is missed
//! - RAPPORTEUR_GEN_CORPUS   the corpus generator (default ../shared/tools/gen_corpus.py)
//! - CARGO_TARGET_DIR        where target/ is (corpora go to <target>/bench-corpora/)

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use nix::sys::resource::{getrusage, UsageWho};

/// The corpus size the targets are stated for.
const TARGET_CONTRIBUTIONS: usize = 10_000;
/// Wall time target for [`TARGET_CONTRIBUTIONS`].
const TARGET_WALL: Duration = Duration::from_secs(5);
/// Peak memory target for [`TARGET_CONTRIBUTIONS`], in MiB.
const TARGET_RSS_MIB: f64 = 512.0;

const DEFAULT_SIZES: &str = "1000,10000";
const DEFAULT_RUNS: usize = 5;
/// The first line of the probe's report on its stdout.
const PROBE_TAG: &str = "rapporteur-bench-probe";

type Error = Box<dyn std::error::Error>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--probe") {
        return probe(&args[1..]);
    }
    // `cargo bench` passes `--bench` (and any filter after `--`); there is nothing to filter.
    // `cargo test --all-targets` runs this binary without it: a benchmark is not a test.
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
// The probe: runs one command as its only child and reports wall time and peak RSS.
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

/// One measured build.
#[derive(Debug, Clone)]
struct Run {
    wall: Duration,
    /// User + system CPU time of the child, in seconds.
    cpu: f64,
    /// CPU seconds that the rest of the machine used meanwhile (NaN where unknown).
    other_cpu: f64,
    rss_bytes: u64,
    /// From the binary's summary line: `built N pages (M contributions, ...)`.
    pages: usize,
    contributions: usize,
}

impl Run {
    fn rss_mib(&self) -> f64 {
        self.rss_bytes as f64 / (1024.0 * 1024.0)
    }
}

/// Runs `rapporteur build --root ROOT --output OUTPUT` under the probe.
fn measure_build(root: &Path, output: &Path) -> Result<Run, Error> {
    let busy_before = busy_cpu_seconds();
    let probe = Command::new(std::env::current_exe()?)
        .arg("--probe")
        .arg(env!("CARGO_BIN_EXE_rapporteur"))
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(output)
        .stdin(Stdio::null())
        .output()?;
    let busy = busy_cpu_seconds() - busy_before;
    let stdout = String::from_utf8_lossy(&probe.stdout);
    let stderr = String::from_utf8_lossy(&probe.stderr);
    let report = stdout
        .lines()
        .find_map(|line| line.strip_prefix(PROBE_TAG))
        .ok_or_else(|| {
            format!(
                "the probe reported nothing (status {}):\n{stderr}",
                probe.status
            )
        })?;
    let fields: Vec<&str> = report.split_whitespace().collect();
    let [wall_ns, cpu, rss_bytes, code] = fields[..] else {
        return Err(format!("unreadable probe report `{report}`").into());
    };
    if code != "0" {
        return Err(format!(
            "`rapporteur build --root {} --output {}` exited with {code}:\n{stderr}",
            root.display(),
            output.display()
        )
        .into());
    }
    let (pages, contributions) = parse_summary(&stderr).ok_or_else(|| {
        format!("no `built N pages (M contributions` line in the output:\n{stderr}")
    })?;
    Ok(Run {
        wall: Duration::from_nanos(wall_ns.parse()?),
        cpu: cpu.parse()?,
        other_cpu: (busy - cpu.parse::<f64>()?).max(0.0),
        rss_bytes: rss_bytes.parse()?,
        pages,
        contributions,
    })
}

/// Reads `built 1214 pages (1000 contributions, 2 editions) in 0.43 s`.
fn parse_summary(stderr: &str) -> Option<(usize, usize)> {
    stderr.lines().rev().find_map(|line| {
        let rest = line.trim().strip_prefix("built ")?;
        let (pages, rest) = rest.split_once(" pages (")?;
        let (contributions, _) = rest.split_once(" contributions")?;
        Some((pages.parse().ok()?, contributions.parse().ok()?))
    })
}

// ----------------------------------------------------------------------------------------
// Configuration, corpora and output directories.
// ----------------------------------------------------------------------------------------

struct Config {
    sizes: Vec<usize>,
    runs: usize,
    strict: bool,
    generator: PathBuf,
    target_dir: PathBuf,
}

impl Config {
    fn from_env() -> Result<Config, Error> {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let sizes_text =
            std::env::var("RAPPORTEUR_BENCH_SIZES").unwrap_or_else(|_| DEFAULT_SIZES.to_owned());
        let sizes = sizes_text
            .split(',')
            .map(str::trim)
            .filter(|size| !size.is_empty())
            .map(|size| {
                size.replace('_', "")
                    .parse::<usize>()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| {
                        format!("RAPPORTEUR_BENCH_SIZES: `{size}` is not a positive integer")
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if sizes.is_empty() {
            return Err("RAPPORTEUR_BENCH_SIZES lists no size".into());
        }
        let runs = match std::env::var("RAPPORTEUR_BENCH_RUNS") {
            Ok(text) => text
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| {
                    format!("RAPPORTEUR_BENCH_RUNS: `{text}` is not a positive integer")
                })?,
            Err(_) => DEFAULT_RUNS,
        };
        let strict =
            std::env::var("RAPPORTEUR_BENCH_STRICT").is_ok_and(|value| value.trim() == "1");
        let generator = std::env::var_os("RAPPORTEUR_GEN_CORPUS").map_or_else(
            || manifest_dir.join("../shared/tools/gen_corpus.py"),
            PathBuf::from,
        );
        let target_dir = std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(|| manifest_dir.join("target"), PathBuf::from);
        let target_dir = if target_dir.is_absolute() {
            target_dir
        } else {
            manifest_dir.join(target_dir)
        };
        Ok(Config {
            sizes,
            runs,
            strict,
            generator,
            target_dir,
        })
    }
}

/// Returns the corpus of `n` contributions, generating it if it is missing.
///
/// The generator writes into a temporary directory that is renamed into place once it
/// succeeded, so an interrupted generation is never mistaken for a corpus.
fn corpus(config: &Config, n: usize) -> Result<PathBuf, Error> {
    let cache = config.target_dir.join("bench-corpora");
    let dir = cache.join(format!("rapporteur-n{n}"));
    if dir.join("site.yaml").is_file() {
        return Ok(dir);
    }
    if !config.generator.is_file() {
        return Err(format!(
            "the corpus generator {} does not exist (set RAPPORTEUR_GEN_CORPUS)",
            config.generator.display()
        )
        .into());
    }
    std::fs::create_dir_all(&cache)?;
    let partial = cache.join(format!(".partial-rapporteur-n{n}"));
    remove_if_exists(&partial)?;
    remove_if_exists(&dir)?;
    eprintln!(
        "generating a corpus of {n} contributions into {} ...",
        dir.display()
    );
    let started = Instant::now();
    let status = Command::new("python3")
        .arg(&config.generator)
        .arg("--n")
        .arg(n.to_string())
        .arg("--out")
        .arg(&partial)
        .arg("--flavor")
        .arg("rapporteur")
        .stdin(Stdio::null())
        .status()?;
    if !status.success() {
        return Err(format!("{} --n {n} failed: {status}", config.generator.display()).into());
    }
    std::fs::rename(&partial, &dir)?;
    eprintln!("generated in {:.1} s", started.elapsed().as_secs_f64());
    Ok(dir)
}

fn remove_if_exists(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Counts the `index.html` files and all `.html` files under `dir`.
fn count_html(dir: &Path) -> std::io::Result<(usize, usize)> {
    let (mut index, mut html) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let file_type = entry.file_type()?;
            if file_type.is_dir() {
                stack.push(entry.path());
            } else if file_type.is_file() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.ends_with(".html") {
                    html += 1;
                    if name == "index.html" {
                        index += 1;
                    }
                }
            }
        }
    }
    Ok((index, html))
}

/// Flushes dirty pages (the corpus, the previous run's output) to disk, so that a timed
/// run does not share the disk with the writeback of what came before it.
fn settle() {
    nix::unistd::sync();
}

// ----------------------------------------------------------------------------------------
// The benchmark.
// ----------------------------------------------------------------------------------------

struct CorpusResult {
    n: usize,
    root: PathBuf,
    warmup: Run,
    runs: Vec<Run>,
    rebuild: Run,
    index_files: usize,
    html_files: usize,
}

impl CorpusResult {
    fn walls(&self) -> Vec<Duration> {
        let mut walls: Vec<Duration> = self.runs.iter().map(|run| run.wall).collect();
        walls.sort();
        walls
    }

    fn median(&self) -> Duration {
        median(&self.walls())
    }

    fn median_cpu(&self) -> f64 {
        let mut cpus: Vec<f64> = self.runs.iter().map(|run| run.cpu).collect();
        cpus.sort_by(f64::total_cmp);
        match cpus.len() {
            0 => 0.0,
            len if len % 2 == 1 => cpus[len / 2],
            len => (cpus[len / 2 - 1] + cpus[len / 2]) / 2.0,
        }
    }

    fn peak_rss_mib(&self) -> f64 {
        self.runs.iter().map(Run::rss_mib).fold(0.0, f64::max)
    }
}

/// The median of sorted durations (the mean of the middle two for an even count).
fn median(sorted: &[Duration]) -> Duration {
    match sorted.len() {
        0 => Duration::ZERO,
        len if len % 2 == 1 => sorted[len / 2],
        len => (sorted[len / 2 - 1] + sorted[len / 2]) / 2,
    }
}

/// Where the builds write: `<target>/bench-output/`, emptied before and after the bench.
fn output_dir(config: &Config) -> PathBuf {
    config.target_dir.join("bench-output")
}

fn bench_corpus(config: &Config, n: usize) -> Result<CorpusResult, Error> {
    let root = corpus(config, n)?;
    let outputs = output_dir(config).join(format!("n{n}"));
    std::fs::create_dir_all(&outputs)?;

    eprintln!("n={n}: warm-up ...");
    settle();
    let warmup = measure_build(&root, &outputs.join("warm-up"))?;

    let mut runs = Vec::with_capacity(config.runs);
    let mut last_output = None;
    for k in 1..=config.runs {
        // A fresh directory that does not exist yet. The outputs of earlier runs are kept
        // until the whole bench is over: deleting them here would put the file system's
        // deferred work for the deletion (journal commits, discards) inside later runs.
        let output = outputs.join(format!("run-{k}"));
        last_output = Some(output.clone());
        settle();
        eprintln!("n={n}: run {k}/{} ...", config.runs);
        runs.push(measure_build(&root, &output)?);
    }
    let last_output = last_output.ok_or("no timed run")?;
    let (index_files, html_files) = count_html(&last_output)?;

    // The everyday case: `rapporteur build` again over the output of a previous build,
    // which the binary replaces (and deletes) itself.
    settle();
    eprintln!("n={n}: rebuild over existing output ...");
    let rebuild = measure_build(&root, &last_output)?;

    for run in runs.iter().chain([&warmup, &rebuild]) {
        if run.pages != warmup.pages || run.contributions != warmup.contributions {
            return Err(format!(
                "n={n}: runs disagree on what they built: {run:?} vs warm-up {warmup:?}"
            )
            .into());
        }
    }
    Ok(CorpusResult {
        n,
        root,
        warmup,
        runs,
        rebuild,
        index_files,
        html_files,
    })
}

fn secs(duration: Duration) -> String {
    format!("{:.3}", duration.as_secs_f64())
}

fn pages_per_second(pages: usize, wall: Duration) -> f64 {
    if wall.is_zero() {
        0.0
    } else {
        pages as f64 / wall.as_secs_f64()
    }
}

fn pass_fail(ok: bool) -> &'static str {
    if ok {
        "PASS"
    } else {
        "FAIL"
    }
}

/// The report of one corpus; returns it with whether it met the targets (if they apply).
fn report(result: &CorpusResult) -> (String, Option<bool>) {
    let mut out = String::new();
    let median = result.median();
    let walls = result.walls();
    let (min, max) = (
        walls.first().copied().unwrap_or_default(),
        walls.last().copied().unwrap_or_default(),
    );
    let pages = result.warmup.pages;
    let line = |out: &mut String, label: &str, run: &Run| {
        let _ = writeln!(
            out,
            "  {label:<22} {:>9} {:>8.2} {:>10.2} {:>15.1} {:>7} {:>8.0}",
            secs(run.wall),
            run.cpu,
            run.other_cpu,
            run.rss_mib(),
            run.pages,
            pages_per_second(run.pages, run.wall)
        );
    };
    let _ = writeln!(
        out,
        "\ncorpus: {} contributions ({})",
        result.n,
        result.root.display()
    );
    let _ = writeln!(out, "{}", busy_note(result));
    let _ = writeln!(
        out,
        "  {:<22} {:>9} {:>8} {:>10} {:>15} {:>7} {:>8}",
        "run", "wall (s)", "cpu (s)", "others (s)", "peak RSS (MiB)", "pages", "pages/s"
    );
    line(&mut out, "warm-up (not counted)", &result.warmup);
    for (k, run) in result.runs.iter().enumerate() {
        line(&mut out, &format!("fresh output #{}", k + 1), run);
    }
    let _ = writeln!(
        out,
        "  {:<22} {:>9} {:>8.2} {:>10} {:>15.1} {:>7} {:>8.0}",
        "median (RSS: max)",
        secs(median),
        result.median_cpu(),
        "",
        result.peak_rss_mib(),
        pages,
        pages_per_second(pages, median)
    );
    line(&mut out, "rebuild over existing", &result.rebuild);
    let _ = writeln!(out, "  ---");
    let _ = writeln!(
        out,
        "  contributions          {}",
        result.warmup.contributions
    );
    let _ = writeln!(out, "  pages written          {pages} (summary line); {} index.html, {} .html files in the output", result.index_files, result.html_files);
    let _ = writeln!(
        out,
        "  wall, fresh output     median {} s, min {} s, max {} s ({} runs)",
        secs(median),
        secs(min),
        secs(max),
        result.runs.len()
    );
    let _ = writeln!(
        out,
        "  pages/s at the median  {:.0}",
        pages_per_second(pages, median)
    );
    let _ = writeln!(
        out,
        "  peak RSS               {:.1} MiB (max over the timed runs)",
        result.peak_rss_mib()
    );
    let _ = writeln!(
        out,
        "  rebuild over existing  {} s, peak RSS {:.1} MiB (one run, not in the statistics above)",
        secs(result.rebuild.wall),
        result.rebuild.rss_mib()
    );

    if result.n != TARGET_CONTRIBUTIONS {
        let _ = writeln!(out, "  targets                stated for {TARGET_CONTRIBUTIONS} contributions; not evaluated here");
        return (out, None);
    }
    let wall_ok = median < TARGET_WALL;
    let rss_ok = result.peak_rss_mib() < TARGET_RSS_MIB;
    let target_s = TARGET_WALL.as_secs_f64();
    let _ = writeln!(
        out,
        "  target wall < {target_s:.0} s       {} (median {} s)",
        pass_fail(wall_ok),
        secs(median)
    );
    let _ = writeln!(
        out,
        "  target RSS < {TARGET_RSS_MIB:.0} MiB     {} (peak {:.1} MiB)",
        pass_fail(rss_ok),
        result.peak_rss_mib()
    );
    let rebuild_ok = result.rebuild.wall < TARGET_WALL && result.rebuild.rss_mib() < TARGET_RSS_MIB;
    let _ = writeln!(
        out,
        "  rebuild vs targets     {} ({} s, {:.1} MiB; one run, informational, not in the verdict)",
        if rebuild_ok { "within" } else { "over" },
        secs(result.rebuild.wall),
        result.rebuild.rss_mib()
    );
    (out, Some(wall_ok && rss_ok))
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

/// Whether other processes competed for the CPUs during the measured runs.
fn busy_note(result: &CorpusResult) -> String {
    let runs = || result.runs.iter().chain([&result.rebuild]);
    let other: f64 = runs().map(|run| run.other_cpu).sum();
    let wall: f64 = runs().map(|run| run.wall.as_secs_f64()).sum();
    if other.is_nan() {
        return "  other processes: unknown (no /proc/stat)".to_owned();
    }
    // The bench's own probe and bookkeeping use a few milliseconds per run.
    let share = if wall > 0.0 { other / wall } else { 0.0 };
    let verdict = if share > 0.1 {
        "  WARNING: the machine was busy, the times are inflated; rerun on an idle machine"
    } else {
        "  (machine idle enough)"
    };
    format!("  other processes used {other:.2} CPU-s during the {wall:.2} s of measured runs ({:.0}% of one CPU){verdict}", share * 100.0)
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

fn run() -> Result<bool, Error> {
    let config = Config::from_env()?;
    remove_if_exists(&output_dir(&config))?;
    let mut results = Vec::new();
    for &n in &config.sizes {
        results.push(bench_corpus(&config, n)?);
    }
    remove_if_exists(&output_dir(&config))?;

    println!("\nrapporteur build benchmark");
    println!("  binary   {}", env!("CARGO_BIN_EXE_rapporteur"));
    println!("  machine  {}", machine());
    println!("  method   per corpus: 1 warm-up, {} timed runs each into a new output directory, then 1 rebuild over the existing output", config.runs);
    println!("  columns  wall time, CPU time (user + sys) and peak RSS (ru_maxrss) of the build process;");
    println!("           others = CPU time the rest of the machine (and hypervisor steal) used meanwhile");
    let mut verdicts = Vec::new();
    for result in &results {
        let (text, verdict) = report(result);
        print!("{text}");
        verdicts.extend(verdict);
    }
    println!();
    if verdicts.is_empty() {
        println!("targets (10000 contributions: < 5 s, < 512 MiB): not evaluated; add 10000 to RAPPORTEUR_BENCH_SIZES");
        return Ok(true);
    }
    let passed = verdicts.iter().all(|&ok| ok);
    println!(
        "targets (10000 contributions: < 5 s, < 512 MiB): {}",
        pass_fail(passed)
    );
    if !passed && !config.strict {
        println!("(RAPPORTEUR_BENCH_STRICT is not 1: exiting 0 anyway)");
        return Ok(true);
    }
    Ok(passed)
}
