//! The Secretariat's year, end to end (issue #13): `init` → `new contribution` → `check` →
//! `build` → `publish` → data and contributions for the next edition → `build`. The
//! published edition's pages stay byte-identical but for the navigation to the new edition.

use std::path::Path;
use std::process::Command;

use super::support::{rapporteur, read, read_tree, temp_dir, write};

fn git(root: &Path, arguments: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(arguments)
        .env("GIT_AUTHOR_NAME", "Secretariat")
        .env("GIT_AUTHOR_EMAIL", "secretariat@example.org")
        .env("GIT_COMMITTER_NAME", "Secretariat")
        .env("GIT_COMMITTER_EMAIL", "secretariat@example.org")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {arguments:?} failed");
}

fn commit(root: &Path, message: &str) {
    git(root, &["add", "-A"]);
    git(root, &["commit", "--quiet", "-m", message]);
}

fn run_ok(root: &Path, arguments: &[&str]) -> String {
    let run = rapporteur().args(arguments).arg("--root").arg(root).run();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("warning"),
        "{arguments:?} warned:\n{}",
        run.stderr
    );
    run.stderr
}

fn new_contribution(root: &Path, slug: &str, date: &str, forums: &str) {
    let mut arguments = vec![
        "new",
        "contribution",
        slug,
        "--title",
        "Community networks in the valley",
        "--stakeholder",
        "Valley Networks",
        "--stakeholder-type",
        "civil-society",
        "--region",
        "asia-pacific",
        "--objectives",
        "A",
        "--status",
        "ongoing",
        "--date",
        date,
    ];
    if !forums.is_empty() {
        arguments.extend(["--forums", forums]);
    }
    run_ok(root, &arguments);
    let path = root.join(format!("content/contributions/{slug}.md"));
    let text = read(&path);
    let front_matter_end = text.rfind("---\n").expect("front matter") + 4;
    write(
        &path,
        &format!(
            "{}Twelve villages are connected by a network their people run.\n",
            &text[..front_matter_end]
        ),
    );
}

/// The pages of edition 2025, without the edition switcher and the footer's list of
/// editions (navigation to newer editions).
fn edition_pages(output: &Path) -> Vec<(String, String)> {
    read_tree(output)
        .into_iter()
        .filter(|(path, _)| path.starts_with("2025/") && path.ends_with(".html"))
        .map(|(path, bytes)| {
            let page = String::from_utf8(bytes).expect("UTF-8 page");
            let page = without(&page, "<nav class=\"switcher editions\"", "</nav>");
            (path, without(&page, "<p class=\"editions\">", "</p>"))
        })
        .collect()
}

/// `page` without the element from `open` to the first `close` after it.
fn without(page: &str, open: &str, close: &str) -> String {
    let Some(start) = page.find(open) else {
        return page.to_owned();
    };
    let end = page[start..]
        .find(close)
        .map_or(page.len(), |end| start + end + close.len());
    format!("{}{}", &page[..start], &page[end..])
}

#[test]
fn init_to_a_second_edition_keeps_the_published_one_as_it_was() {
    let temp = temp_dir();
    let root = temp.path().join("portal");
    rapporteur()
        .args(["init"])
        .arg(&root)
        .args([
            "--title",
            "Valley Digital Forum",
            "--base-url",
            "https://example.org/valley/",
        ])
        .args([
            "--repository",
            "https://example.org/valley-source",
            "--languages",
            "en,fr",
            "--edition",
            "2025",
        ])
        .run()
        .assert_code(0);
    git(&root, &["init", "--quiet", "--initial-branch=main"]);
    commit(&root, "init");

    new_contribution(&root, "valley-networks", "2025-03-01", "igf");
    run_ok(&root, &["check"]);
    write(
        &root.join("content/report/2025/_index.md"),
        "---\ntitle: \"Report 2025\"\n---\nWhat the valley's stakeholders reported this year.\n",
    );
    commit(&root, "first contribution and report");
    run_ok(&root, &["publish", "2025"]);
    commit(&root, "publish 2025");
    let published = temp.path().join("published");
    run_ok(
        &root,
        &["build", "--output", published.to_str().expect("UTF-8 path")],
    );

    let site = read(&root.join("site.yaml"));
    write(
        &root.join("site.yaml"),
        &format!(
            "{site}  - year: 2026\n    from: 2025-07-01\n    to: 2026-06-30\n    status: open\n"
        ),
    );
    let forums = read(&root.join("content/data/forums.yaml"));
    write(&root.join("content/data/forums.yaml"), &format!("{forums}- id: valley-forum\n  name: \"Valley Forum\"\n  category: other\n  added_in: 2026\n"));
    new_contribution(
        &root,
        "valley-networks-second-year",
        "2025-10-01",
        "valley-forum",
    );
    run_ok(&root, &["check"]);
    let later = temp.path().join("later");
    run_ok(
        &root,
        &["build", "--output", later.to_str().expect("UTF-8 path")],
    );

    let before = edition_pages(&published);
    let after = edition_pages(&later);
    assert!(before.len() > 20, "{} pages", before.len());
    assert_eq!(
        before.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        after.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    for ((path, old), (_, new)) in before.iter().zip(&after) {
        assert!(
            old == new,
            "{path} changed beyond its navigation: {}",
            super::support::first_difference(old, new)
        );
    }
}
