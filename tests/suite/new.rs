//! `rapporteur new contribution` with flags, without them, and at a terminal.
//!
//! A contributor who gives every field as a flag gets a file that passes `check` once
//! its placeholder text is replaced (an unedited body is an error); a script that forgets one gets exit status 2 and the list of what is missing
//! (nothing can be asked without a terminal); a person at a terminal is asked for what
//! is missing, with the site's own choices, and asked again after a wrong answer. The
//! terminal is a real pseudo-terminal, so the program's own "is stdin a terminal?"
//! decision is what the test exercises.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use super::support::{check, copy_fixture, rapporteur, read, read_tree, temp_dir};

/// The body every new contribution starts with.
const BODY: &str =
    "Describe the work in a few paragraphs: what was done, for whom, with whom, what changed,
and what remains to be done. You can use Markdown: **bold**, lists, tables and links.
";

/// The new file fails `check` on its placeholder body alone, and passes once the body
/// is written.
#[track_caller]
fn assert_passes_check_once_written(root: &Path, file: &str, contributions: usize) {
    let checked = check(root, "human");
    checked.assert_code(1);
    assert!(
        checked.stderr.starts_with(&format!(
            "error: the text is still the placeholder of the new file\n  --> {file}:"
        )) && checked.stderr.contains("the content has 1 problem to fix"),
        "{}",
        checked.stderr
    );
    let path = root.join(file);
    super::support::write(
        &path,
        &read(&path).replace(BODY, "Forty libraries were connected.\n"),
    );
    let checked = check(root, "human");
    checked.assert_code(0);
    assert!(
        checked
            .stderr
            .contains(&format!("({contributions} contributions")),
        "{}",
        checked.stderr
    );
}

#[test]
fn every_field_as_a_flag_writes_a_file_that_passes_check_once_its_text_is_written() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let run = rapporteur()
        .args(["new", "contribution", "library-network", "--root"])
        .arg(&root)
        .args([
            "--title",
            "Rural libraries: \"online\" at last",
            "--stakeholder",
            "Library Network",
            "--stakeholder-type",
            "civil-society",
            "--region",
            "africa",
            "--objectives",
            "A,B",
            "--actions",
            "A.2,B.1",
            "--forums",
            "igf",
            "--sdgs",
            "4,9",
            "--country",
            "SN",
            "--language",
            "fr",
            "--date",
            "2026-01-15",
            "--status",
            "ongoing",
        ])
        .run();
    run.assert_code(0);
    let path = root.join("content/contributions/library-network.md");
    assert_eq!(
        run.stderr,
        format!(
            "created {}: fill it in, then run `rapporteur check`\n",
            path.display()
        )
    );
    let expected = format!(
        "---
title: \"Rural libraries: \\\"online\\\" at last\"
stakeholder:
  name: \"Library Network\"
  type: civil-society
  country: SN
region: africa
objectives: [A, B]
actions: [A.2, B.1]
forums: [igf]
sdgs: [4, 9]
date: 2026-01-15
status: ongoing
language: fr
---
{BODY}"
    );
    assert_eq!(read(&path), expected);
    assert_passes_check_once_written(&root, "content/contributions/library-network.md", 3);
}

#[test]
fn missing_flags_without_a_terminal_exit_2_and_name_them() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let before = read_tree(&root);
    let run = rapporteur()
        .args([
            "new",
            "contribution",
            "half-done",
            "--title",
            "Half done",
            "--region",
            "europe",
            "--root",
        ])
        .arg(&root)
        .run();
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        "error: missing --stakeholder, --stakeholder-type, --objectives, --status: standard input is not a terminal, so they cannot be asked for; pass them as flags (see `rapporteur new contribution --help`), or use --skeleton for a file with placeholders\n"
    );
    assert_eq!(
        read_tree(&root),
        before,
        "a refused command changed the site"
    );
}

#[test]
fn ids_the_site_does_not_have_are_refused_with_the_ones_it_has() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let before = read_tree(&root);
    let run = rapporteur()
        .args(["new", "contribution", "typos", "--root"])
        .arg(&root)
        .args([
            "--title",
            "Typos",
            "--stakeholder",
            "Someone",
            "--stakeholder-type",
            "academia",
            "--region",
            "afrika",
            "--objectives",
            "A,Z",
            "--actions",
            "B.1",
            "--status",
            "ongoing",
        ])
        .run();
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        "error: --region: `afrika` is not one of africa, americas, arab-states, asia-pacific, cis, europe, global (did you mean `africa`?)\n\
         --objectives: unknown `Z`; the site has: A, B\n\
         --actions: unknown `B.1`; the site has: A.1, A.2\n"
    );
    assert_eq!(
        read_tree(&root),
        before,
        "a refused command changed the site"
    );
}

/// Runs `new contribution <slug>` with a pseudo-terminal as standard input, typing
/// `answers` into it; returns the exit status and what was printed on stderr.
fn run_at_a_terminal(root: &Path, slug: &str, flags: &[&str], answers: &str) -> (i32, String) {
    let mut words = vec!["contribution", slug];
    words.extend(flags);
    run_new_at_a_terminal(root, &words, answers)
}

/// Runs `new <words…> --root <root>` with a pseudo-terminal as standard input, typing
/// `answers` into it; returns the exit status and what was printed on stderr.
fn run_new_at_a_terminal(root: &Path, words: &[&str], answers: &str) -> (i32, String) {
    let terminal = nix::pty::openpty(None, None).expect("cannot open a pseudo-terminal");
    let child = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .arg("new")
        .args(words)
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .stdin(Stdio::from(terminal.slave))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start rapporteur");
    // The terminal's line discipline keeps typed lines until the program reads them.
    let mut keyboard = std::fs::File::from(terminal.master);
    keyboard
        .write_all(answers.as_bytes())
        .expect("cannot type into the pseudo-terminal");
    let output = child.wait_with_output().expect("rapporteur did not finish");
    let stderr = String::from_utf8(output.stderr).expect("stderr is not UTF-8");
    assert!(
        !stderr.contains("panicked"),
        "rapporteur panicked:\n{stderr}"
    );
    let code = output
        .status
        .code()
        .unwrap_or_else(|| panic!("rapporteur was killed by a signal:\n{stderr}"));
    drop(keyboard);
    (code, stderr)
}

#[test]
fn at_a_terminal_missing_fields_are_asked_for_with_the_sites_choices() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    // Title, stakeholder, type (by number), region (a wrong answer, then a right one),
    // objectives, actions of objective A, no forum, status (by number).
    let answers = "Rural libraries online\nLibrary Network\n5\natlantis\nafrica\nA\nA.2\n\n2\n";
    let (code, stderr) = run_at_a_terminal(&root, "libraries", &["--date", "2026-01-15"], answers);
    assert_eq!(code, 0, "{stderr}");
    for shown in [
        "Title (what was done, and where):",
        "   5. civil-society        Civil society",
        "Region (number or id):",
        "  `atlantis` is not one of the choices above",
        "   1. A                    Digital connectivity",
        "   2. A.2                  Teach digital skills.",
        "   1. igf ",
        "Forums (optional) (numbers or ids separated by commas, Enter for none):",
        "   2. ongoing              Ongoing",
    ] {
        assert!(
            stderr.contains(shown),
            "the prompts lack {shown:?}:\n{stderr}"
        );
    }
    let expected = format!(
        "---
title: \"Rural libraries online\"
stakeholder:
  name: \"Library Network\"
  type: civil-society
region: africa
objectives: [A]
actions: [A.2]
date: 2026-01-15
status: ongoing
---
{BODY}"
    );
    assert_eq!(
        read(&root.join("content/contributions/libraries.md")),
        expected
    );
    assert_passes_check_once_written(&root, "content/contributions/libraries.md", 3);
}

#[test]
fn at_a_terminal_an_ended_input_writes_nothing() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    // Ctrl-D at the start of a line ends the terminal's input.
    let (code, stderr) = run_at_a_terminal(&root, "abandoned", &[], "Only a title\n\u{4}");
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.ends_with("error: no answer (the input ended); nothing was written\n"),
        "{stderr}"
    );
    assert!(!root.join("content/contributions/abandoned.md").exists());
}

/// At a terminal, the labels the prompts show and the ways people name the choices are
/// accepted ("NGO", "Africa", "a, b"), and a near miss gets a suggestion.
#[test]
fn at_a_terminal_labels_and_common_names_are_accepted() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let answers =
        "Rural libraries online\nLibrary Network\nNGO\nAfrika\nAfrica\na, b\n\n\nOngoing\n";
    let (code, stderr) = run_at_a_terminal(&root, "labels", &["--date", "2026-01-15"], answers);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("  `Afrika` is not one of the choices above; did you mean `africa`?"),
        "{stderr}"
    );
    let written = read(&root.join("content/contributions/labels.md"));
    for line in [
        "  type: civil-society\n",
        "region: africa\n",
        "objectives: [A, B]\n",
        "status: ongoing\n",
    ] {
        assert!(written.contains(line), "{line:?} not in:\n{written}");
    }
}

/// Without a terminal, every missing flag and every wrong value is reported in one run.
#[test]
fn flag_problems_are_reported_in_one_round() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let run = rapporteur()
        .args(["new", "contribution", "one-round", "--root"])
        .arg(&root)
        .args(["--title", "Typos", "--region", "afrika", "--country", "sen"])
        .args(["--date", "14/03/2025", "--stakeholder-type", "NGO"])
        .run();
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        "error: missing --stakeholder, --objectives, --status: standard input is not a terminal, so they cannot be asked for; pass them as flags (see `rapporteur new contribution --help`), or use --skeleton for a file with placeholders\n\
         --region: `afrika` is not one of africa, americas, arab-states, asia-pacific, cis, europe, global (did you mean `africa`?)\n\
         --country: `sen` is not an ISO 3166-1 alpha-2 code such as `SN`\n\
         --date: `14/03/2025` is not a date written YYYY-MM-DD\n"
    );
}

/// Replaces the body of the file at `path` (everything after the front matter).
fn write_body(path: &Path, body: &str) {
    let text = read(path);
    let end = text[4..].find("---\n").expect("no front matter") + 8;
    super::support::write(path, &format!("{}{body}", &text[..end]));
}

/// `check` fails on exactly `placeholders` placeholder texts, in `files`, until their
/// bodies are written, then passes.
#[track_caller]
fn assert_accepted_once_written(root: &Path, files: &[&str]) {
    let checked = check(root, "human");
    checked.assert_code(1);
    for file in files {
        assert!(
            checked.stderr.contains(&format!(
                "error: the text is still the placeholder of the new file\n --> {file}:"
            )),
            "{file}: {}",
            checked.stderr
        );
    }
    assert!(
        checked
            .stderr
            .contains(&format!("the content has {} problem", files.len())),
        "{}",
        checked.stderr
    );
    for file in files {
        write_body(&root.join(file), "Forty libraries were connected.\n");
    }
    check(root, "human").assert_code(0);
}

#[test]
fn new_policy_note_from_flags_is_accepted_by_check_once_written() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let run = rapporteur()
        .current_dir(root.join("content/contributions"))
        .args([
            "new",
            "policy-note",
            "library-gaps",
            "--title",
            "Libraries: the gaps",
        ])
        .args([
            "--date",
            "2026-01-10",
            "--objectives",
            "a,B",
            "--forums",
            "igf",
        ])
        .args(["--summary", "Where libraries are still offline."])
        .run();
    run.assert_code(0);
    let path = root.join("content/policy-notes/library-gaps.md");
    assert_eq!(
        read(&path),
        "---
title: \"Libraries: the gaps\"
date: 2026-01-10
objectives: [A, B]
forums: [igf]
summary: \"Where libraries are still offline.\"
---
Write the note here: the issue, what the contributions show, and the options they
point to. You can use Markdown: headings, **bold**, lists, tables and links.
"
    );
    assert_accepted_once_written(&root, &["content/policy-notes/library-gaps.md"]);
}

#[test]
fn new_policy_note_at_a_terminal_asks_with_the_contribution_questions() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    // Title, objectives (a wrong answer, then a right one), no forum.
    let answers = "Libraries online\nZ\nA\n\n";
    let (code, stderr) = run_new_at_a_terminal(
        &root,
        &["policy-note", "libraries", "--date", "2026-01-10"],
        answers,
    );
    assert_eq!(code, 0, "{stderr}");
    for shown in [
        "Title (the question the note answers):",
        "   1. A                    Digital connectivity",
        "  `Z` is not one of the choices above",
        "Forums (optional) (numbers or ids separated by commas, Enter for none):",
    ] {
        assert!(
            stderr.contains(shown),
            "the prompts lack {shown:?}:\n{stderr}"
        );
    }
    let path = root.join("content/policy-notes/libraries.md");
    assert!(
        read(&path).starts_with(
            "---\ntitle: \"Libraries online\"\ndate: 2026-01-10\nobjectives: [A]\n---\n"
        ),
        "{}",
        read(&path)
    );
    assert_accepted_once_written(&root, &["content/policy-notes/libraries.md"]);
}

#[test]
fn new_chapter_numbers_after_the_last_chapter_and_writes_a_missing_front_page() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let new_chapter = |slug: &str, title: &str| {
        rapporteur()
            .current_dir(root.join("content"))
            .args(["new", "chapter", "2026", slug, "--title", title])
            .run()
    };
    let first = new_chapter("overview", "Overview");
    first.assert_code(0);
    let folder = root.join("content/report/2026");
    assert_eq!(
        first.stderr,
        format!(
            "created {}: fill it in, then run `rapporteur check`\ncreated {}: fill it in, then run `rapporteur check`\n",
            folder.join("_index.md").display(),
            folder.join("01-overview.md").display()
        )
    );
    assert_eq!(
        read(&folder.join("_index.md")),
        "---\ntitle: \"Annual report 2026\"\nedition: 2026\n---\n"
    );
    // A chapter added by hand with a gap in the numbering: the next one follows it.
    super::support::write(
        &folder.join("07-by-hand.md"),
        "---\ntitle: \"By hand\"\nweight: 7\n---\nText.\n",
    );
    new_chapter("gaps", "Gaps: what remains").assert_code(0);
    assert_eq!(
        read(&folder.join("08-gaps.md")),
        "---
title: \"Gaps: what remains\"
weight: 8
---
Write the chapter here. You can use Markdown: headings, **bold**, lists, tables and links.
"
    );
    assert_accepted_once_written(
        &root,
        &[
            "content/report/2026/01-overview.md",
            "content/report/2026/08-gaps.md",
        ],
    );
}

#[test]
fn new_chapter_refuses_a_published_or_unknown_edition_an_existing_chapter_and_a_bad_slug() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    rapporteur()
        .args([
            "new", "chapter", "2026", "overview", "--title", "Overview", "--root",
        ])
        .arg(&root)
        .run()
        .assert_code(0);
    let before = read_tree(&root);
    let folder = root.join("content/report/2026");
    for (words, expected) in [
        (
            vec!["2025", "late", "--title", "Late"],
            "error: edition 2025 is published and its report is frozen: record a change to it with `rapporteur erratum 2025 --description \"<what changed and why>\"` instead\n".to_owned(),
        ),
        (
            vec!["2031", "later", "--title", "Later"],
            "error: `2031` is not an edition of site.yaml (it has: 2025, 2026); add the edition there first\n".to_owned(),
        ),
        (
            vec!["2026", "overview", "--title", "Again"],
            format!("error: `{}` already exists; choose another slug\n", folder.join("01-overview.md").display()),
        ),
        (
            vec!["2026", "Big Picture", "--title", "Big picture"],
            "error: `Big Picture` cannot be a chapter's address: use lowercase letters, digits and hyphens, e.g. `big-picture`\n".to_owned(),
        ),
        (
            vec!["2026", "untitled"],
            "error: missing --title: standard input is not a terminal, so it cannot be asked for; pass it as a flag (see `rapporteur new chapter --help`)\n".to_owned(),
        ),
    ] {
        let run = rapporteur()
            .args(["new", "chapter"])
            .args(&words)
            .arg("--root")
            .arg(&root)
            .run();
        run.assert_code(2);
        assert_eq!(run.stderr, expected, "{words:?}");
    }
    assert_eq!(
        read_tree(&root),
        before,
        "a refused command changed the site"
    );
}

#[test]
fn new_policy_note_refuses_an_existing_file_a_published_edition_a_bad_slug_and_a_missing_title() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    let new_note = |words: &[&str]| {
        rapporteur()
            .args(["new", "policy-note"])
            .args(words)
            .arg("--root")
            .arg(&root)
            .run()
    };
    new_note(&["gaps", "--title", "Gaps"]).assert_code(0);
    let before = read_tree(&root);
    for (words, expected) in [
        (
            vec!["gaps", "--title", "Gaps again"],
            format!(
                "error: `{}` already exists; choose another slug\n",
                root.join("content/policy-notes/gaps.md").display()
            ),
        ),
        (
            vec!["old", "--title", "Old", "--date", "2025-01-10"],
            "error: 2025-01-10 falls in edition 2025, which is published and frozen: date the note in an open edition's period (--date), or record a change to edition 2025 with `rapporteur erratum 2025 --description \"<what changed and why>\"`\n".to_owned(),
        ),
        (
            vec!["Gaps_2", "--title", "Gaps"],
            "error: `Gaps_2` cannot be a policy note's address: use lowercase letters, digits and hyphens, e.g. `gaps-2`\n".to_owned(),
        ),
        (
            vec!["untitled", "--objectives", "Q"],
            "error: missing --title: standard input is not a terminal, so it cannot be asked for; pass it as a flag (see `rapporteur new policy-note --help`)\n--objectives: unknown `Q`; the site has: A, B\n".to_owned(),
        ),
    ] {
        let run = new_note(&words);
        run.assert_code(2);
        assert_eq!(run.stderr, expected, "{words:?}");
    }
    assert_eq!(
        read_tree(&root),
        before,
        "a refused command changed the site"
    );
}
