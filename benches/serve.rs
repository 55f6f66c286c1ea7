//! Serve benchmark: how long `rapporteur serve` takes, on 10,000 contributions, from
//! saving a contribution with a new title to showing that title on its page and on every
//! listing page that shows it (issue #10).
//!
//! Run with `cargo bench --bench serve` (see benches/README.md). It takes the build
//! benchmark's corpus (`<target>/bench-corpora/rapporteur-n10000-en`, made when missing
//! by `support/corpus.rs`), copies it to tmpfs (`/dev/shm`, so the disk stays out),
//! starts the release binary's `serve` on a free port of 127.0.0.1 and waits until it
//! serves. The contribution it edits is one of the open edition (a published edition's
//! files may not change), far enough down the newest-first order to be on page 2 or later
//! of the paginated listings. It first gives it a unique title, then finds, once, every
//! page of the edition's portal that shows that title (the contributions listing page it
//! falls on, its objectives', forums', stakeholder type's and region's listing pages, the
//! home if it lists it), by fetching every page of the sitemap but the contributions'.
//!
//! Then, RAPPORTEUR_BENCH_RUNS times (default 7), it renames a file with a new unique
//! title into place (as editors save) and times from that rename until
//! - serve's `reload` event reaches a tab showing the contribution (the event stream
//!   a browser tab opens; serve sends it once the new version is in place),
//! - the contribution's page is served with the new title (polled over HTTP every 2 ms),
//! - and each listing page is: they are asked for once the reload event came, all at
//!   once, as tabs showing them would reload. One still showing the old title then fails
//!   the run: serve would have shown a stale listing in that reload.
//!
//! It prints each part's median, minimum and maximum, and the target: the median until
//! the contribution's page shows the new title under 50 ms (the listings' target is to
//! be right in the same reload, checked on every run). Then `site.yaml` (a full rebuild) and a
//! template of the theme (copied into the site) are saved 3 times each and timed to the
//! `reload` event: target under 2.4 s, the time of a full build. Between saves it waits
//! for serve's summary line, so rebuilds never overlap; the machine's load average is
//! printed before and after, since the machine is shared.
//!
//! Environment:
//! - RAPPORTEUR_BENCH_RUNS   title changes to time (default 7)
//! - RAPPORTEUR_BENCH_STRICT "1": exit with status 1 when a target is missed
//! - RAPPORTEUR_BENCH_OUT    where the site is copied (default /dev/shm)
//! - RAPPORTEUR_BENCH_BINARY the rapporteur to measure instead of this one (say, main's,
//!   for a before-and-after on the same machine)
//! - RAPPORTEUR_GEN_CORPUS   the corpus generator (default ../shared/tools/gen_corpus.py)
//! - CARGO_TARGET_DIR        where target/ is

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/server.rs"]
mod server;
use corpus::{remove_if_exists, Corpora, Error};
use server::{get, open_events, Serve};

const CONTRIBUTIONS: usize = 10_000;
const TARGET_SAVE: Duration = Duration::from_millis(50);
const TARGET_FULL: Duration = Duration::from_millis(2_400);
const DEFAULT_RUNS: usize = 7;
const FULL_RUNS: usize = 3;
/// How often the pages are asked for while waiting for the new title.
const POLL: Duration = Duration::from_millis(2);
/// How long the contribution's page may show the old title after a save, and the reload
/// event take, before the run fails.
const STALE: Duration = Duration::from_secs(10);
/// How long any other step may take before the bench gives up.
const PATIENCE: Duration = Duration::from_secs(120);
/// The part of a title change's timing that issue #10's target is about.
const PAGE: &str = "contribution page";
/// The listings are paginated by 50, newest first: this many newer contributions put
/// the edited one on page 2.
const NEWER: usize = 60;

fn main() -> ExitCode {
    // `cargo test --all-targets` runs this binary without `--bench`: a benchmark is not a test.
    if !std::env::args().any(|arg| arg == "--bench") {
        println!(
            "the serve benchmark runs with `cargo bench --bench serve`; skipped under `cargo test`"
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

fn run() -> Result<bool, Error> {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| manifest_dir.join("target"), PathBuf::from);
    let target_dir = manifest_dir.join(target_dir);
    let runs = std::env::var("RAPPORTEUR_BENCH_RUNS")
        .ok()
        .and_then(|text| text.trim().parse::<usize>().ok())
        .filter(|&runs| runs > 0)
        .unwrap_or(DEFAULT_RUNS);
    let strict = std::env::var("RAPPORTEUR_BENCH_STRICT").is_ok_and(|value| value.trim() == "1");
    let corpus =
        Corpora::from_env(&manifest_dir, &target_dir).with_languages(CONTRIBUTIONS, &["en"])?;
    let work = work_dir(&target_dir);
    let outcome = measure(&manifest_dir, &corpus, &work, runs);
    remove_if_exists(&work)?;
    let passed = outcome?;
    println!("targets: {}", if passed { "PASS" } else { "FAIL" });
    Ok(passed || !strict)
}

/// A folder of its own on tmpfs (or RAPPORTEUR_BENCH_OUT, or the target folder).
fn work_dir(target_dir: &Path) -> PathBuf {
    let shm = Path::new("/dev/shm");
    let base = match std::env::var_os("RAPPORTEUR_BENCH_OUT") {
        Some(dir) => PathBuf::from(dir),
        None if shm.is_dir() => shm.to_path_buf(),
        None => target_dir.to_path_buf(),
    };
    base.join(format!("rapporteur-bench-serve-{}", std::process::id()))
}

fn measure(manifest_dir: &Path, corpus: &Path, work: &Path, runs: usize) -> Result<bool, Error> {
    let site = work.join("site");
    fresh_copy(corpus, &site)?;
    let template = prepare_template(manifest_dir, &site)?;
    let (slug, file) = contribution_to_edit(&site)?;
    let original = std::fs::read_to_string(&file)?;
    std::fs::write(&file, with_title(&original, &title(0))?)?;
    let load_before = load_average();

    let mut serve = Serve::start(&site)?;
    let (page, listings) = pages_showing(&serve, &site, &slug, &title(0))?;
    let events = open_events(&serve.address, &page)?;
    let mut timings: Vec<Timing> = Vec::new();
    for run in 1..=runs {
        let text = with_title(&original, &title(run))?;
        timings.push(time_title_change(
            &mut serve,
            &events,
            work,
            &file,
            &text,
            &title(run),
            &page,
            &listings,
        )?);
    }
    let site_yaml = site.join("site.yaml");
    let config = std::fs::read_to_string(&site_yaml)?;
    let mut configs = Vec::new();
    for run in 1..=FULL_RUNS {
        let text = format!("{config}# touched by the serve benchmark, {run}\n");
        configs.push(time_to_reload(
            &mut serve, &events, work, &site_yaml, &text,
        )?);
    }
    let template_text = std::fs::read_to_string(&template)?;
    let mut templates = Vec::new();
    for run in 1..=FULL_RUNS {
        let text = format!("{template_text}{{# touched by the serve benchmark, {run} #}}\n");
        templates.push(time_to_reload(&mut serve, &events, work, &template, &text)?);
    }
    let stopped_cleanly = serve.stop()?;

    println!(
        "\nrapporteur serve benchmark ({CONTRIBUTIONS} contributions, {})",
        site.display()
    );
    println!(
        "  load average (1, 5, 15 min): {load_before} before, {} after",
        load_average()
    );
    println!(
        "  edited: {slug}, on {} pages besides its own:",
        listings.len()
    );
    for (path, part) in &listings {
        println!("    {part:<18} {path}");
    }
    println!("  from renaming the saved file into place ({runs} title changes) to:");
    let mut parts: BTreeMap<String, Vec<Duration>> = BTreeMap::new();
    for timing in &timings {
        for (part, time) in &timing.parts {
            parts.entry(part.clone()).or_default().push(*time);
        }
    }
    let mut save_ok = true;
    for (part, times) in &mut parts {
        let target = (part == PAGE).then_some(TARGET_SAVE);
        save_ok &= print_row(part, times, target);
    }
    let mut all: Vec<Duration> = timings.iter().map(|timing| timing.all).collect();
    print_row("every page shows it", &mut all, None);
    let mut reloads: Vec<Duration> = timings.iter().map(|timing| timing.reload).collect();
    print_row("the `reload` event", &mut reloads, None);
    println!("    no listing showed the old title after the reload (else the run fails)");
    println!(
        "  serve's own summary of the last title change:\n    {}",
        timings.last().map_or("", |t| t.summary.as_str())
    );
    println!("  to the `reload` event:");
    let config_ok = print_row("site.yaml, full rebuild", &mut configs, Some(TARGET_FULL));
    let template_ok = print_row("template, theme rebuild", &mut templates, Some(TARGET_FULL));
    println!("  serve stopped on SIGINT with status 0: {stopped_cleanly}");
    Ok(save_ok && config_ok && template_ok && stopped_cleanly)
}

/// The times of one title change.
struct Timing {
    /// Until each part showed the new title: "contribution page", "listing: …".
    parts: Vec<(String, Duration)>,
    /// Until every page showed it.
    all: Duration,
    /// Until the tab's `reload` event.
    reload: Duration,
    /// Serve's summary line of the rebuild.
    summary: String,
}

/// Prints median, minimum and maximum of `times`, against `target` if given; returns
/// whether the median is under it.
fn print_row(label: &str, times: &mut [Duration], target: Option<Duration>) -> bool {
    times.sort();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let min = times.first().copied().unwrap_or_default();
    let max = times.last().copied().unwrap_or_default();
    let ok = target.is_none_or(|target| median < target);
    let verdict = target.map_or_else(String::new, |target| {
        format!(
            "; target < {} ms: {}",
            target.as_millis(),
            if ok { "PASS" } else { "FAIL" }
        )
    });
    println!(
        "    {label:<40} median {:>6.1} ms, min {:>6.1} ms, max {:>6.1} ms{verdict}",
        millis(median),
        millis(min),
        millis(max),
    );
    ok
}

fn millis(time: Duration) -> f64 {
    time.as_secs_f64() * 1000.0
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "unknown".to_owned())
}

/// A fresh copy of `from` at `to`, so the edits of a run never reach the corpus.
fn fresh_copy(from: &Path, to: &Path) -> Result<(), Error> {
    remove_if_exists(to)?;
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let status = Command::new("cp").arg("-R").arg(from).arg(to).status()?;
    if !status.success() {
        return Err(format!("cp -R {} {} failed", from.display(), to.display()).into());
    }
    Ok(())
}

/// Copies the default theme's contribution template into the site, so that the bench
/// can change a template of the site's own theme; returns its path.
fn prepare_template(manifest_dir: &Path, site: &Path) -> Result<PathBuf, Error> {
    let source = manifest_dir.join("themes/default/templates/contribution.html");
    let target = site.join("themes/default/templates/contribution.html");
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::copy(source, &target)?;
    Ok(target)
}

/// The unique title of the `run`th save.
fn title(run: usize) -> String {
    format!("Serve benchmark title {run}")
}

/// `text` (a contribution) with its `title:` line replaced.
fn with_title(text: &str, title: &str) -> Result<String, Error> {
    let mut found = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| match line.starts_with("title:") && !found {
            true => {
                found = true;
                format!("title: \"{title}\"")
            }
            false => line.to_owned(),
        })
        .collect();
    if !found {
        return Err("the contribution has no `title:` line".into());
    }
    Ok(lines.join("\n") + "\n")
}

/// The contribution to edit: of the open edition (dated in its period, read from
/// site.yaml), with [`NEWER`] newer ones before it; its slug and file.
fn contribution_to_edit(site: &Path) -> Result<(String, PathBuf), Error> {
    let config = std::fs::read_to_string(site.join("site.yaml"))?;
    let (from, to) = open_period(&config).ok_or("site.yaml has no open edition")?;
    let folder = site.join("content/contributions");
    let mut dated = Vec::new();
    for entry in std::fs::read_dir(&folder)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let Some(slug) = name.strip_suffix(".md").filter(|slug| !slug.contains('.')) else {
            continue;
        };
        let text = std::fs::read_to_string(folder.join(&name))?;
        let date = text
            .lines()
            .find_map(|line| line.strip_prefix("date:"))
            .map(str::trim);
        if let Some(date) = date.filter(|date| (from.as_str()..=to.as_str()).contains(date)) {
            dated.push((date.to_owned(), slug.to_owned()));
        }
    }
    // Newest first, as the listings show them; the same date by slug.
    dated.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let (_, slug) = dated
        .get(NEWER)
        .ok_or("the open edition has too few contributions")?;
    Ok((slug.clone(), folder.join(format!("{slug}.md"))))
}

/// The `from` and `to` dates of the edition of site.yaml whose status is `open`.
fn open_period(config: &str) -> Option<(String, String)> {
    let mut period: (Option<String>, Option<String>) = (None, None);
    for line in config.lines() {
        let line = line.trim().trim_start_matches("- ");
        if line.starts_with("year:") {
            period = (None, None);
        } else if let Some(date) = line.strip_prefix("from:") {
            period.0 = Some(date.trim().to_owned());
        } else if let Some(date) = line.strip_prefix("to:") {
            period.1 = Some(date.trim().to_owned());
        } else if line == "status: open" {
            return Some((period.0.take()?, period.1.take()?));
        }
    }
    None
}

/// The contribution's page and every other page of its portal that shows `title`, with
/// the part of the portal each belongs to, found by fetching the sitemap's pages.
fn pages_showing(
    serve: &Serve,
    site: &Path,
    slug: &str,
    title: &str,
) -> Result<(String, Vec<(String, String)>), Error> {
    let pages = sitemap_pages(serve, site)?;
    let page = pages
        .iter()
        .find(|path| path.ends_with(&format!("/contributions/{slug}/")))
        .ok_or("the contribution is not in the sitemap")?
        .clone();
    let portal = page
        .strip_suffix(&format!("contributions/{slug}/"))
        .ok_or("unexpected contribution address")?
        .to_owned();
    eprintln!("finding the pages of {portal} that show the contribution ...");
    let mut listings = Vec::new();
    for path in pages
        .iter()
        .filter(|path| path.starts_with(&portal) && **path != page)
    {
        let rest = &path[portal.len()..];
        let single = rest.starts_with("contributions/")
            && !rest.starts_with("contributions/page/")
            && rest != "contributions/";
        if single || !get(&serve.address, path)?.contains(title) {
            continue;
        }
        listings.push((path.clone(), part_of(rest)));
    }
    Ok((page, listings))
}

/// What part of a portal the page at `rest` (its path inside the portal) is.
fn part_of(rest: &str) -> String {
    let first = rest.split('/').next().unwrap_or_default();
    let part = match first {
        "" => "home",
        "contributions" => "contributions",
        "objectives" => "objective",
        "forums" => "forum",
        "stakeholders" => "stakeholder type",
        "regions" => "region",
        other => other,
    };
    format!("listing: {part}")
}

/// Every page of the sitemap, as a path on the server.
fn sitemap_pages(serve: &Serve, site: &Path) -> Result<Vec<String>, Error> {
    let sitemap = get(&serve.address, "/sitemap.xml")?;
    // Entries are absolute: site.yaml's `base_url` followed by the page's path.
    let config = std::fs::read_to_string(site.join("site.yaml"))?;
    let base_url = config
        .lines()
        .find_map(|line| line.strip_prefix("base_url:"))
        .map(|value| value.trim().trim_matches('"').to_owned())
        .ok_or("site.yaml has no base_url")?;
    Ok(sitemap
        .split("<loc>")
        .filter_map(|rest| rest.split_once("</loc>").map(|(url, _)| url))
        .filter_map(|url| url.strip_prefix(&base_url))
        .map(|path| format!("/{path}"))
        .collect())
}

/// Writes `text` beside the site, lets the write settle and forgets earlier events;
/// returns the staging file to rename into place.
fn stage(work: &Path, events: &Receiver<(String, Instant)>, text: &str) -> Result<PathBuf, Error> {
    let staging = work.join("staging");
    std::fs::write(&staging, text)?;
    // The write settles, and serve frees the version the last save replaced.
    std::thread::sleep(Duration::from_millis(1_000));
    while events.try_recv().is_ok() {}
    Ok(staging)
}

/// Saves `text` (the contribution with `title`) to `file` and times it: until the
/// contribution's `page` shows `title` and the `reload` event comes (polling the page
/// meanwhile), then until each of `listings` shows it, asked for as a browser would after
/// the reload, all at once. A listing still showing the old title after the reload is
/// stale: the run fails.
#[allow(clippy::too_many_arguments)]
fn time_title_change(
    serve: &mut Serve,
    events: &Receiver<(String, Instant)>,
    work: &Path,
    file: &Path,
    text: &str,
    title: &str,
    page: &str,
    listings: &[(String, String)],
) -> Result<Timing, Error> {
    let staging = stage(work, events, text)?;
    let started = Instant::now();
    std::fs::rename(&staging, file)?;
    let (mut page_time, mut reload) = (None, None);
    while page_time.is_none() || reload.is_none() {
        if started.elapsed() > STALE {
            return Err(format!("no reload with `{title}` on {page} within {STALE:?}").into());
        }
        while let Ok((event, at)) = events.try_recv() {
            match event.as_str() {
                "reload" => reload = Some(at - started),
                "problems" => {
                    return Err(
                        format!("saving {} made the content invalid", file.display()).into(),
                    )
                }
                _ => {}
            }
        }
        if page_time.is_none() && get(&serve.address, page)?.contains(title) {
            page_time = Some(started.elapsed());
        }
        std::thread::sleep(POLL);
    }
    let address = serve.address.as_str();
    let listed = std::thread::scope(|scope| {
        let fetches: Vec<_> = listings
            .iter()
            .map(|(path, part)| {
                scope.spawn(move || listing_time(address, path, part, title, started))
            })
            .collect();
        fetches
            .into_iter()
            .map(|fetch| {
                fetch
                    .join()
                    .unwrap_or_else(|_| Err("a fetch panicked".to_owned()))
            })
            .collect::<Result<Vec<_>, String>>()
    })?;
    let mut parts: BTreeMap<String, Duration> = BTreeMap::new();
    parts.insert(
        "contribution page".to_owned(),
        page_time.unwrap_or_default(),
    );
    for (part, time) in listed {
        let slowest = parts.entry(part).or_default();
        *slowest = (*slowest).max(time);
    }
    let all = parts.values().copied().max().unwrap_or_default();
    let summary = serve.wait_for_line(|line| line.contains("rebuilt in"))?;
    Ok(Timing {
        parts: parts.into_iter().collect(),
        all,
        reload: reload.unwrap_or_default(),
        summary,
    })
}

/// The time from `started` until the listing at `path` showed `title`, asked for after
/// the reload; an error if its first answer still had the old title.
fn listing_time(
    address: &str,
    path: &str,
    part: &str,
    title: &str,
    started: Instant,
) -> Result<(String, Duration), String> {
    let body = get(address, path).map_err(|error| format!("GET {path}: {error}"))?;
    if body.contains(title) {
        return Ok((part.to_owned(), started.elapsed()));
    }
    Err(format!(
        "{path} still showed the old title after the reload: a stale listing"
    ))
}

/// Saves `text` to `file` and times it until the `reload` event; then waits for serve's
/// summary line.
fn time_to_reload(
    serve: &mut Serve,
    events: &Receiver<(String, Instant)>,
    work: &Path,
    file: &Path,
    text: &str,
) -> Result<Duration, Error> {
    let staging = stage(work, events, text)?;
    let started = Instant::now();
    std::fs::rename(&staging, file)?;
    let elapsed = loop {
        let (event, at) = events.recv_timeout(PATIENCE)?;
        match event.as_str() {
            "reload" => break at - started,
            "problems" => {
                return Err(format!("saving {} made the content invalid", file.display()).into())
            }
            _ => {}
        }
    };
    serve.wait_for_line(|line| line.contains("rebuilt in"))?;
    Ok(elapsed)
}
