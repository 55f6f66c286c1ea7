//! Tests of chart specs: parsing with positions, and resolution against a dataset.

use super::*;
use crate::charts::fixtures::affordability;
use crate::charts::resolve::{find_dataset, resolve};

fn parse(yaml: &str) -> ChartSpec {
    parse_spec(yaml).unwrap_or_else(|error| panic!("{yaml}: {error}"))
}

fn parse_error(yaml: &str) -> SpecError {
    match parse_spec(yaml) {
        Ok(spec) => panic!("expected an error, got {spec:?}"),
        Err(error) => error,
    }
}

const FIGURE_I: &str = "dataset: affordability-2021-2022\n\
    kind: grouped-bar\n\
    x: group\n\
    series: [\"2021\", \"2022\"]\n\
    title: Price of 2 GB mobile broadband\n\
    source: ITU\n\
    target: {value: 2, label: \"Broadband Commission target 2%\"}\n\
    unit: \"%\"\n\
    value_labels: true\n";

#[test]
fn parses_every_field() {
    let spec = parse(FIGURE_I);
    assert_eq!(spec.dataset.value, "affordability-2021-2022");
    assert_eq!(spec.kind, ChartKind::GroupedBar);
    assert_eq!(spec.x.map(|x| x.value), Some("group".to_owned()));
    let series: Vec<_> = spec.series.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(series, ["2021", "2022"]);
    assert_eq!(spec.series[1].position.line, 4);
    assert_eq!(
        spec.target,
        Some(Target {
            value: 2.0,
            label: Some("Broadband Commission target 2%".to_owned())
        })
    );
    assert_eq!(spec.unit.as_deref(), Some("%"));
    assert!(spec.value_labels);
}

#[test]
fn accepts_forgiving_shapes() {
    let spec = parse("dataset: d.csv\ntitle: T\nlabel: group\nseries: [2021, 2022]\nfilter: kind=region\ntarget: 2\n");
    assert_eq!(spec.dataset.value, "d");
    assert_eq!(spec.series[0].value, "2021");
    assert_eq!(spec.filter[0].column.value, "kind");
    assert_eq!(spec.filter[0].values, ["region"]);
    assert_eq!(spec.target.map(|t| t.value), Some(2.0));
    let spec = parse("dataset: d\ntitle: T\nseries: \"2022\"\nfilter: {kind: [region, income]}\n");
    assert_eq!(spec.series.len(), 1);
    assert_eq!(spec.filter[0].values, ["region", "income"]);
    assert_eq!(spec.filter[0].column.position.line, 4);
}

#[test]
fn unknown_field_has_line_column_and_suggestion() {
    let error = parse_error("dataset: d\ntitle: T\n  \nseriess: [\"2021\"]\n");
    assert_eq!(error.message, "unknown field `seriess`");
    assert_eq!((error.line, error.column), (Some(4), Some(1)));
    assert_eq!(error.hint.as_deref(), Some("did you mean `series`?"));
}

#[test]
fn unknown_kind_suggests_the_nearest() {
    let error = parse_error("dataset: d\ntitle: T\nkind: grouped-bars\n");
    assert_eq!(error.message, "unknown chart kind `grouped-bars`");
    assert_eq!((error.line, error.column), (Some(3), Some(7)));
    assert_eq!(error.hint.as_deref(), Some("did you mean `grouped-bar`?"));
}

#[test]
fn syntax_and_type_errors_have_positions() {
    let error = parse_error("dataset: d\ntitle: T\nseries: [\"2021\"\n");
    assert!(error.message.starts_with("invalid YAML"), "{error}");
    assert!(error.line.is_some_and(|line| line >= 3), "{error:?}");
    let error = parse_error("dataset: d\ntitle: T\nvalue_labels: maybe\n");
    assert_eq!(error.line, Some(3), "{error:?}");
    let error = parse_error("just a sentence");
    assert_eq!(error.message, "a chart block is a YAML mapping of fields");
}

#[test]
fn hostile_shapes_are_errors_not_panics() {
    let inputs = [
        "dataset: [1, 2]\ntitle: T\n",
        "dataset: d\ntitle: T\nfilter: 5\n",
        "dataset: d\ntitle: T\ntarget: abc\n",
        "dataset: d\ntitle: T\ntarget: {value: .nan}\n",
        "dataset: d\ntitle: T\ntarget: {value: 2, colour: red}\n",
        "dataset: d\ntitle: T\nseries: {a: 1}\n",
        "dataset: d\ntitle: T\nseries: [[a]]\n",
        "dataset: d\ntitle: T\nfilter: {kind: {a: b}}\n",
        "- a\n- b\n",
        "&a [*a]",
        "dataset: d\ntitle: T\nfilter: \"=\"\n",
        "dataset: d\ntitle: T\nseries: [\"\"]\n",
        "dataset: d\ntitle: T\nseries: [a, b, c, d, e, f, g]\n",
    ];
    for yaml in inputs {
        let error = parse_error(yaml);
        assert!(!error.message.is_empty(), "{yaml}");
    }
}

#[test]
fn missing_and_conflicting_fields_are_reported() {
    assert_eq!(
        parse_error("dataset: d\n").message,
        "the field `title` is missing"
    );
    assert_eq!(parse_error("").message, "the chart block is empty");
    let error = parse_error("dataset: d\ntitle: T\nx: a\nlabel: b\n");
    assert_eq!(error.line, Some(4));
    let error = parse_error("dataset: d\ntitle: T\nseries: [a, a]\n");
    assert_eq!(error.message, "the series `a` is listed twice");
}

#[test]
fn resolves_figure_i() {
    let data =
        resolve(&parse(FIGURE_I), &affordability()).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(data.categories.len(), 14);
    assert_eq!(data.categories[1], "Africa");
    assert_eq!(data.series[0].name, "2021");
    assert_eq!(data.series[1].values[1], 5.0);
    assert_eq!(data.decimals, 1);
    assert_eq!(data.category_label, "group");
}

#[test]
fn unknown_column_lists_columns_and_suggests() {
    let spec = parse("dataset: affordability-2021-2022\ntitle: T\nseries: [\"2021\", \"2023\"]\n");
    let error = match resolve(&spec, &affordability()) {
        Ok(_) => panic!("2023 is not a column"),
        Err(error) => error,
    };
    assert_eq!(
        error.message,
        "unknown column `2023`: the dataset has group, kind, 2021, 2022"
    );
    assert_eq!(error.hint.as_deref(), Some("did you mean `2021`?"));
    assert_eq!((error.line, error.column), (Some(3), Some(18)));
}

#[test]
fn filters_select_rows_and_report_misses() {
    let spec = parse("dataset: affordability-2021-2022\ntitle: T\nfilter: {kind: region}\n");
    let data = resolve(&spec, &affordability()).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(data.categories.len(), 6);
    assert_eq!(
        data.series.len(),
        2,
        "default series are the numeric columns"
    );
    let spec = parse("dataset: affordability-2021-2022\ntitle: T\nfilter: {kind: regoin}\n");
    let error = resolve(&spec, &affordability())
        .err()
        .unwrap_or_else(|| panic!("no match"));
    assert_eq!(error.hint.as_deref(), Some("did you mean `region`?"));
    assert_eq!(error.line, Some(3));
}

#[test]
fn non_numbers_are_reported_with_the_csv_line() {
    let mut data = affordability();
    data.rows[3][3] = "n/a".to_owned();
    let spec = parse("dataset: affordability-2021-2022\ntitle: T\nseries: [\"2022\"]\n");
    let error = resolve(&spec, &data).err().unwrap_or_else(|| panic!("n/a"));
    assert!(
        error
            .message
            .contains("`n/a` in content/data/datasets/affordability-2021-2022.csv:5"),
        "{}",
        error.message
    );
}

#[test]
fn unknown_dataset_suggests() {
    let spec = parse("dataset: afordability-2021-2022\ntitle: T\n");
    let error = find_dataset(&spec, &[affordability()])
        .err()
        .unwrap_or_else(|| panic!("typo"));
    assert_eq!(
        error.hint.as_deref(),
        Some("did you mean `affordability-2021-2022`?")
    );
    let diagnostic = error.to_diagnostic("content/report/x.md", "a\nb\nc\n", 1);
    assert_eq!(diagnostic.line, Some(2));
}
