//! Drafts (`draft: true`): checked, shown by `serve`, left out of `build`.

use super::support::{build, check, contribution, copy_fixture_unpublished, temp_dir, write};

/// Two drafts prepared together may cite and link each other: `serve` shows them working,
/// so `check` (the pull request's check) accepts them; a published contribution citing a
/// draft is still an error, since its page would link to nothing.
#[test]
fn a_draft_may_cite_another_draft_but_a_published_contribution_may_not() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let contributions = root.join("content/contributions");
    let draft = |title: &str, body: &str| {
        contribution(title, "A", body).replacen("---\n", "---\ndraft: true\n", 1)
    };
    write(
        &contributions.join("draft-one.md"),
        &draft(
            "Draft one",
            "See [contribution draft-two] and [the other](../draft-two/).\n",
        ),
    );
    write(
        &contributions.join("draft-two.md"),
        &draft("Draft two", "Follows [contribution draft-one].\n"),
    );
    let drafts_only = check(&root, "human");
    drafts_only.assert_code(0);
    assert!(
        !drafts_only.stderr.contains("error"),
        "{}",
        drafts_only.stderr
    );
    let output = temp.path().join("public");
    build(&root, &output).assert_code(0);
    assert!(!output.join("2026/contributions/draft-one").exists());

    write(
        &contributions.join("published.md"),
        &contribution("Published", "A", "Cites [contribution draft-two].\n"),
    );
    let published = check(&root, "human");
    published.assert_code(1);
    assert!(
        published
            .stderr
            .contains("no contribution `draft-two` to cite")
            && published
                .stderr
                .contains("content/contributions/published.md"),
        "{}",
        published.stderr
    );
}
