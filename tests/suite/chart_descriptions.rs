//! Every figure's `<desc>` states its main finding in the page's language, from one
//! generator (`charts::finding`, phrased by `render::visuals` with the theme's messages),
//! for every kind of chart a contributor can write.

use super::support::{build, contribution, copy_fixture_unpublished, read, temp_dir, write};

/// The text of each `<desc>` element of `html`.
fn descriptions(html: &str) -> Vec<&str> {
    html.split("<desc")
        .skip(1)
        .filter_map(|part| part.split_once("</desc>"))
        .map(|(element, _)| element.split_once('>').map_or("", |(_, text)| text))
        .collect()
}

#[test]
fn a_line_chart_is_described_by_where_each_line_went_in_every_language() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let block = "```chart\ndataset: prices\nkind: line\nx: group\nseries: [\"2021\", \"2022\"]\n\
                 title: \"Prices\"\nunit: \"%\"\n```\n";
    write(
        &root.join("content/contributions/line-chart.md"),
        &contribution(
            "A line chart",
            "A",
            &format!("Prices over time.\n\n{block}"),
        ),
    );
    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);

    let english = read(&output.join("2026/contributions/line-chart/index.html"));
    let found = descriptions(&english);
    assert_eq!(found.len(), 2, "{english}");
    for description in found {
        assert_eq!(
            description,
            "2021 went from 1.9% in World to 8.5% in LDCs. 2022 went from 1.5% in World to 7.1% in LDCs."
        );
    }
    let french = read(&output.join("fr/2026/contributions/line-chart/index.html"));
    for description in descriptions(&french) {
        assert_eq!(
            description,
            "2021 est passé de 1.9% (Monde) à 8.5% (PMA). 2022 est passé de 1.5% (Monde) à 7.1% (PMA)."
        );
    }
}
