//! Every CSV the portal publishes is safe to open in a spreadsheet: a cell that would run
//! as a formula (untrusted text from a contribution or a dataset) starts with `'`, and
//! numbers stay numbers.

use super::support::{build, contribution, copy_fixture_unpublished, read, temp_dir, write};

const FORMULA: &str = "=HYPERLINK(\"https://evil.example/\",\"click\")";

#[test]
fn formula_cells_are_neutralised_in_open_data_datasets_and_charts() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let text = contribution("Formula", "A", "Body.")
        .replace("name: \"Test Organization\"", &format!("name: '{FORMULA}'"));
    write(&root.join("content/contributions/formula.md"), &text);
    write(
        &root.join("content/data/datasets/prices.csv"),
        "group,2021,2022\nWorld,1.9,-1.5\n@SUM(A1),8.5,7.1\n",
    );
    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);

    let open_data = read(&output.join("data/contributions-2026.csv"));
    assert!(open_data.contains("\"'=HYPERLINK("), "{open_data}");
    assert!(!open_data.contains(",\"=HYPERLINK("), "{open_data}");

    let dataset = read(&output.join("data/prices.csv"));
    assert_eq!(
        dataset,
        "group,2021,2022\nWorld,1.9,-1.5\n'@SUM(A1),8.5,7.1\n"
    );

    let charts = std::fs::read_dir(output.join("2025/charts")).expect("a charts folder");
    let chart_csvs: Vec<String> = charts
        .filter_map(Result::ok)
        .map(|entry| read(&entry.path()))
        .filter(|csv| csv.contains("SUM(A1)"))
        .collect();
    assert!(!chart_csvs.is_empty(), "no chart of the dataset");
    for csv in chart_csvs {
        assert!(csv.contains("\n'@SUM(A1),"), "{csv}");
        assert!(csv.contains("-1.5"), "numbers stay numbers: {csv}");
    }
}
