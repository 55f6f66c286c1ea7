//! `rapporteur status`: the Secretariat's screen, on the minimal fixture with one broken
//! contribution added to the open edition.

use super::support::{contribution, copy_fixture, rapporteur, temp_dir, write};

#[test]
fn status_shows_each_edition_and_the_problems_per_file() {
    let temp = temp_dir();
    let root = copy_fixture("minimal", temp.path());
    write(
        &root.join("content/contributions/broken.md"),
        &contribution("Broken", "A", "Body.").replace("date: 2025-09-15", "date: 2025-13-01"),
    );
    let run = rapporteur().args(["status", "--root"]).arg(&root).run();
    run.assert_code(0);
    for expected in [
        "Edition 2025, 2024-07-01 to 2025-06-30: published (frozen)\n  1 contributions: 1 ongoing\n",
        "Edition 2026, 2025-07-01 to 2026-06-30: the period closed",
        "  report: 2 chapters; policy notes: 1\n",
        "Problems: 1 errors, 0 warnings in 1 files (run `rapporteur check` for details)\n  content/contributions/broken.md  1 errors, 0 warnings; line 8: `date` is not a valid date: `2025-13-01`\n",
    ] {
        assert!(run.stdout.contains(expected), "expected `{expected}` in\n{}", run.stdout);
    }

    let json = rapporteur()
        .args(["status", "2026", "--format", "json", "--root"])
        .arg(&root)
        .run();
    json.assert_code(0);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(value["editions"].as_array().map(Vec::len), Some(1));
    assert_eq!(value["editions"][0]["year"], 2026);
    assert_eq!(value["errors"], 1);
    assert_eq!(
        value["problems"][0]["file"],
        "content/contributions/broken.md"
    );
}
