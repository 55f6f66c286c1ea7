//! Search index benchmark: builds the index of a generated corpus and measures what a
//! reader pays for it, so that "a reader downloads only the small pieces a query needs"
//! is a number rather than a hope.
//!
//! Run with `cargo bench --bench search`. It reads every `content/contributions/*.md` of
//! the corpus (front matter `title` and `summary`, Markdown body), times
//! `search::plain_text` and `search::build_index` (best and median of
//! RAPPORTEUR_BENCH_RUNS, default 5), then reports the index's files and sizes (raw and
//! gzip -9, the compression static hosts apply to JSON) and, for typical queries, the
//! files the real `search.js` fetches, run in node through `tests/suite/search_harness.js`.
//!
//! Environment:
//! - RAPPORTEUR_SEARCH_CORPUS a corpus root (default `<target>/bench-corpora/rapporteur-n10000`,
//!   generated with ../shared/tools/gen_corpus.py when missing)
//! - RAPPORTEUR_BENCH_RUNS    timed index builds (default 5)
//!
//! Needs python3 (gzip sizes, corpus generation) and node (queries).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use nix::sys::resource::{getrusage, UsageWho};
use rapporteur::load::front_matter;
use rapporteur::search::{build_index, plain_text, SearchDocument};

type Error = Box<dyn std::error::Error>;

const CORPUS_SIZE: usize = 10_000;
const DEFAULT_RUNS: usize = 5;

/// Typical queries: one word, two words, French with accents, and a word being typed.
const QUERIES: [&str; 8] = [
    "connectivity",
    "satellites",
    "digital inclusion",
    "community networks",
    "coopération numérique",
    "jeunes",
    "interop",
    "the",
];

#[derive(serde::Deserialize)]
struct FrontMatter {
    title: String,
    #[serde(default)]
    summary: Option<String>,
}

fn main() -> ExitCode {
    // `cargo test --all-targets` runs this binary without `--bench`: a benchmark is not a test.
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("the search benchmark runs with `cargo bench --bench search`; skipped under `cargo test`");
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("search benchmark failed: {error}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Error> {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| manifest_dir.join("target"), PathBuf::from);
    let target_dir = manifest_dir.join(target_dir);
    let corpus = match std::env::var_os("RAPPORTEUR_SEARCH_CORPUS") {
        Some(path) => PathBuf::from(path),
        None => generated_corpus(manifest_dir, &target_dir)?,
    };
    let runs = std::env::var("RAPPORTEUR_BENCH_RUNS")
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .filter(|&runs| runs > 0)
        .unwrap_or(DEFAULT_RUNS);

    let sources = read_contributions(&corpus)?;
    let started = Instant::now();
    let documents: Vec<SearchDocument> = sources
        .iter()
        .map(|(url, front, body)| SearchDocument {
            url: url.clone(),
            title: front.title.clone(),
            summary: front.summary.clone().unwrap_or_default(),
            text: plain_text(body),
            kind: "Contribution".to_owned(),
        })
        .collect();
    let plain_text_time = started.elapsed();
    let text_bytes: usize = documents.iter().map(|document| document.text.len()).sum();
    println!(
        "corpus: {} contributions, {:.1} MB of plain text (plain_text: {:.0} ms)",
        documents.len(),
        text_bytes as f64 / 1e6,
        plain_text_time.as_secs_f64() * 1e3
    );

    let mut times = Vec::new();
    let mut cpu_times = Vec::new();
    let mut files = Vec::new();
    for _ in 0..runs {
        let (started, cpu_started) = (Instant::now(), cpu_time()?);
        files = build_index("en", &documents);
        times.push(started.elapsed());
        cpu_times.push(cpu_time()? - cpu_started);
    }
    times.sort();
    cpu_times.sort();
    println!(
        "build_index: wall best {:.0} ms, median {:.0} ms; CPU (all threads) best {:.0} ms; {runs} runs",
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(cpu_times[0])
    );

    let out = target_dir.join("bench-search").join("search");
    write_index(&out, &files)?;
    let gzip = gzip_sizes(&out)?;
    report_files(&files, &gzip);
    report_queries(manifest_dir, &out, &files, &gzip)
}

/// User and system time of this process so far, all threads: on a shared machine it
/// says what the work costs when wall time says how busy the machine was.
fn cpu_time() -> Result<Duration, Error> {
    let usage = getrusage(UsageWho::RUSAGE_SELF)?;
    let seconds = |time: nix::sys::time::TimeVal| {
        Duration::from_secs(time.tv_sec().max(0) as u64)
            + Duration::from_micros(time.tv_usec().max(0) as u64)
    };
    Ok(seconds(usage.user_time()) + seconds(usage.system_time()))
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// `(url, front matter, Markdown body)` of every contribution, in file-name order.
fn read_contributions(corpus: &Path) -> Result<Vec<(String, FrontMatter, String)>, Error> {
    let dir = corpus.join("content").join("contributions");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "md"))
        .collect();
    paths.sort();
    let mut contributions = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let split =
            front_matter::split(&text).map_err(|error| format!("{}: {error}", path.display()))?;
        let front: FrontMatter = serde_saphyr::from_str(&text[split.yaml.clone()])
            .map_err(|error| format!("{}: {error}", path.display()))?;
        let stem = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default();
        let url = match stem.split_once('.') {
            Some((slug, language)) => format!("{language}/contributions/{slug}/"),
            None => format!("contributions/{stem}/"),
        };
        contributions.push((url, front, text[split.body].to_owned()));
    }
    if contributions.is_empty() {
        return Err(format!("no contributions in {}", dir.display()).into());
    }
    Ok(contributions)
}

fn write_index(out: &Path, files: &[(String, Vec<u8>)]) -> Result<(), Error> {
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    for (name, bytes) in files {
        std::fs::write(out.join(name), bytes)?;
    }
    Ok(())
}

/// The gzip -9 size of every file of `dir`, computed by one python3 process.
fn gzip_sizes(dir: &Path) -> Result<BTreeMap<String, usize>, Error> {
    let script = "import gzip,json,os,sys\nd=sys.argv[1]\n\
                  print(json.dumps({n: len(gzip.compress(open(os.path.join(d,n),'rb').read(),9,mtime=0)) for n in os.listdir(d)}))";
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(dir)
        .output()?;
    if !output.status.success() {
        return Err(format!(
            "python3 failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok(serde_json::from_slice(&output.stdout)?)
}

fn report_files(files: &[(String, Vec<u8>)], gzip: &BTreeMap<String, usize>) {
    let sizes = |prefix: char| -> Vec<(usize, usize)> {
        let mut sizes: Vec<(usize, usize)> = files
            .iter()
            .filter(|(name, _)| name.starts_with(prefix))
            .map(|(name, bytes)| (bytes.len(), gzip.get(name).copied().unwrap_or(0)))
            .collect();
        sizes.sort();
        sizes
    };
    let total_raw: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
    let total_gzip: usize = gzip.values().sum();
    println!(
        "index: {} files, {:.1} MB raw, {:.1} MB gzipped",
        files.len(),
        total_raw as f64 / 1e6,
        total_gzip as f64 / 1e6
    );
    let manifest = &files[0];
    println!(
        "  manifest index.json: {:.1} KB raw, {:.1} KB gzipped",
        kb(manifest.1.len()),
        kb(gzip.get(&manifest.0).copied().unwrap_or(0))
    );
    for (prefix, what) in [('s', "term shards"), ('d', "document files")] {
        let sizes = sizes(prefix);
        let (Some(median), Some(largest)) = (sizes.get(sizes.len() / 2), sizes.last()) else {
            continue;
        };
        println!(
            "  {} {what}: median {:.1} KB raw / {:.1} KB gzipped, largest {:.1} KB / {:.1} KB",
            sizes.len(),
            kb(median.0),
            kb(median.1),
            kb(largest.0),
            kb(largest.1)
        );
    }
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

/// Runs [`QUERIES`] through the real search.js and reports what each one downloaded.
fn report_queries(
    manifest_dir: &Path,
    out: &Path,
    files: &[(String, Vec<u8>)],
    gzip: &BTreeMap<String, usize>,
) -> Result<(), Error> {
    let raw: BTreeMap<&str, usize> = files
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.len()))
        .collect();
    let script = manifest_dir.join("themes/default/static/search.js");
    let script_gzip = gzip_of_file(&script)?;
    println!("search.js: {:.1} KB gzipped", kb(script_gzip));
    let output = Command::new("node")
        .arg(manifest_dir.join("tests/suite/search_harness.js"))
        .arg(&script)
        .arg(format!("{}/", out.display()))
        .arg("en")
        .arg(serde_json::json!({ "queries": QUERIES }).to_string())
        .stdin(Stdio::null())
        .output()?;
    if !output.status.success() {
        return Err(format!("node failed: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    println!("queries, each from a fresh page (manifest included; search.js not included):");
    for (number, query) in QUERIES.iter().enumerate() {
        let result = &answer["queries"][number];
        let fetched: Vec<String> = serde_json::from_value(result["fetched"].clone())?;
        let mut downloaded: Vec<&str> = fetched.iter().map(String::as_str).collect();
        // The harness caches across queries as a page would; count each as a fresh page.
        if !downloaded.contains(&"index.json") {
            downloaded.insert(0, "index.json");
        }
        let raw_bytes: usize = downloaded
            .iter()
            .map(|name| raw.get(name).copied().unwrap_or(0))
            .sum();
        let gzip_bytes: usize = downloaded
            .iter()
            .map(|name| gzip.get(*name).copied().unwrap_or(0))
            .sum();
        println!(
            "  {query:<24} {:<12} {} files, {:.1} KB raw, {:.1} KB gzipped",
            result["status"].as_str().unwrap_or_default(),
            downloaded.len(),
            kb(raw_bytes),
            kb(gzip_bytes)
        );
    }
    Ok(())
}

fn gzip_of_file(path: &Path) -> Result<usize, Error> {
    let output = Command::new("gzip").arg("-9c").arg(path).output()?;
    Ok(output.stdout.len())
}

/// The 10,000-contribution corpus of the build benchmark, generated if missing.
fn generated_corpus(manifest_dir: &Path, target_dir: &Path) -> Result<PathBuf, Error> {
    let dir = target_dir
        .join("bench-corpora")
        .join(format!("rapporteur-n{CORPUS_SIZE}"));
    if dir.join("site.yaml").is_file() {
        return Ok(dir);
    }
    let partial = dir.with_file_name(format!(".partial-search-n{CORPUS_SIZE}"));
    if partial.exists() {
        std::fs::remove_dir_all(&partial)?;
    }
    std::fs::create_dir_all(target_dir.join("bench-corpora"))?;
    eprintln!(
        "generating a corpus of {CORPUS_SIZE} contributions into {} ...",
        dir.display()
    );
    let status = Command::new("python3")
        .arg(manifest_dir.join("../shared/tools/gen_corpus.py"))
        .args([
            "--n",
            &CORPUS_SIZE.to_string(),
            "--flavor",
            "rapporteur",
            "--out",
        ])
        .arg(&partial)
        .stdin(Stdio::null())
        .status()?;
    if !status.success() {
        return Err(format!("gen_corpus.py failed: {status}").into());
    }
    std::fs::rename(&partial, &dir)?;
    Ok(dir)
}
