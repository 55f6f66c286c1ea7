//! Rendering a [`ChartData`] into a [`Chart`]: an accessible SVG, a table and a CSV.
//!
//! Why this shape: the SVG is for the eye, and everything it shows is also in the table
//! and the CSV, which carry exactly the same formatted numbers. Layout (label widths,
//! heights, the value axis) is computed here from the embedded font's metrics, so a chart
//! is the same on every machine; `charts::draw` hands it to `plotters` and `charts::tidy`
//! turns `plotters`' output into the final small, accessible SVG.
//!
//! All kinds (bars, columns, grouped, stacked, lines) are drawn with `plotters`; only the
//! legend and the document frame (`<title>`, `<desc>`, patterns) are written by hand.

use super::describe::format_number;
use super::layout::{Direction, Geometry, Layout};
use super::spec::ChartData;
use super::{draw, text, tidy, xml, Chart, Table};

/// Renders `data` as a left-to-right chart whose SVG ids start with `id` (made safe if it
/// is not).
pub fn render_chart(data: &ChartData, id: &str) -> Chart {
    render_chart_in(data, id, Direction::Ltr)
}

/// Renders `data` for a page read in `direction`: the wide and the narrow drawing (ids
/// `id…` and `id-n…`), the table and the CSV.
pub fn render_chart_in(data: &ChartData, id: &str, direction: Direction) -> Chart {
    let id = xml::ident(id);
    let data = normalized(data);
    // The caller phrases the finding (`render::visuals`); a chart drawn without one has an
    // empty `<desc>`.
    let description = data.description.clone().unwrap_or_default();
    let drawing =
        |id: &str, geometry: Geometry| drawing(&data, id, &description, geometry, direction);
    Chart {
        svg: drawing(&id, Geometry::WIDE),
        narrow_svg: drawing(&format!("{id}-n"), Geometry::NARROW),
        table: table(&data),
        csv: csv(&data),
        title: data.title.clone(),
        description,
        source: data.source.clone(),
    }
}

/// One SVG of `data` in `geometry`, mirrored for right-to-left pages where it is a bar chart.
fn drawing(
    data: &ChartData,
    id: &str,
    description: &str,
    geometry: Geometry,
    direction: Direction,
) -> String {
    let layout = Layout::of(data, geometry);
    let empty = data.categories.is_empty() || data.series.is_empty();
    let drawn = if !empty && text::register_with_plotters() {
        draw::draw(data, &layout).ok()
    } else {
        None
    };
    let frame = tidy::Frame {
        id,
        title: &data.title,
        description,
        width: layout.width,
        height: layout.height,
        font: layout.font,
        class: geometry.class,
        kind: data.kind,
        series: data.series.len(),
        legend: &layout.legend,
        direction,
        fallback: if empty {
            "No data to chart."
        } else {
            "This chart could not be drawn; its table has the data."
        },
    };
    tidy::document(drawn.as_deref(), &frame)
}

/// A copy of `data` with one finite value per category in every series and labels
/// without control characters, so that nothing downstream has to check again.
fn normalized(data: &ChartData) -> ChartData {
    let mut data = data.clone();
    let count = data.categories.len();
    for series in &mut data.series {
        series.values.resize(count, 0.0);
        for value in &mut series.values {
            if !value.is_finite() {
                *value = 0.0;
            }
        }
        series.name = clean(&series.name);
    }
    data.series.truncate(super::spec::MAX_SERIES);
    data.categories = data.categories.iter().map(|label| clean(label)).collect();
    data.decimals = data.decimals.min(4);
    if let Some(target) = &mut data.target {
        target.label = target.label.as_deref().map(clean);
        if !target.value.is_finite() {
            data.target = None;
        }
    }
    data
}

/// `label` on one line, without control characters.
pub(crate) fn clean(label: &str) -> String {
    label
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The data table: the category column, then one column per series.
fn table(data: &ChartData) -> Table {
    let unit = data.unit.as_deref().map(|unit| format!(" ({unit})"));
    let mut headers = vec![data.category_label.clone()];
    headers.extend(
        data.series
            .iter()
            .map(|series| format!("{}{}", series.name, unit.as_deref().unwrap_or(""))),
    );
    let rows = data
        .categories
        .iter()
        .enumerate()
        .map(|(index, category)| {
            let mut row = vec![category.clone()];
            row.extend(data.series.iter().map(|series| {
                let value = series.values.get(index).copied().unwrap_or(0.0);
                format_number(value, data.decimals)
            }));
            row
        })
        .collect();
    Table {
        caption: data.title.clone(),
        headers,
        rows,
    }
}

/// The plotted numbers as CSV, written by the portal's one CSV writer.
fn csv(data: &ChartData) -> String {
    let table = table(data);
    let mut headers = vec![data.category_label.clone()];
    headers.extend(data.series.iter().map(|series| series.name.clone()));
    crate::csv_file::to_csv(std::iter::once(&headers).chain(&table.rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::layout::{Axis, WIDTH};
    use crate::charts::resolve::resolve;
    use crate::charts::spec::{parse_spec, Series, Target};
    use crate::charts::ChartKind;
    use crate::charts::{fixtures, palette};

    const FIGURE_I: &str = "dataset: affordability-2021-2022\n\
        kind: grouped-bar\n\
        x: group\n\
        series: [\"2021\", \"2022\"]\n\
        title: Price of 2 GB mobile broadband as % of GNI per capita\n\
        source: ITU\n\
        target: {value: 2, label: \"Broadband Commission target 2%\"}\n\
        unit: \"%\"\n\
        value_labels: true\n";

    fn chart(yaml: &str) -> Chart {
        let spec = parse_spec(yaml).unwrap_or_else(|error| panic!("{error}"));
        let data =
            resolve(&spec, &fixtures::affordability()).unwrap_or_else(|error| panic!("{error}"));
        render_chart(&data, "fig-1")
    }

    fn with_kind(kind: &str) -> Chart {
        chart(&FIGURE_I.replace("grouped-bar", kind))
    }

    fn simple(title: &str, categories: &[&str], values: &[f64]) -> ChartData {
        ChartData {
            kind: ChartKind::Bar,
            title: title.to_owned(),
            description: None,
            source: None,
            unit: None,
            category_label: "Category".to_owned(),
            categories: categories.iter().map(|c| (*c).to_owned()).collect(),
            series: vec![Series {
                name: "Count".to_owned(),
                values: values.to_vec(),
            }],
            target: None,
            value_labels: true,
            decimals: 0,
        }
    }

    #[test]
    fn figure_i_is_an_accessible_svg() {
        let svg = chart(FIGURE_I).svg;
        let mut lines = svg.lines();
        let root = lines.next().unwrap_or_default();
        assert!(root.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 "));
        assert!(root
            .contains(" width=\"100%\" role=\"img\" aria-labelledby=\"fig-1-title fig-1-desc\""));
        assert!(!root.contains("height="), "no fixed height: {root}");
        assert!(root.contains("font-family=\"system-ui, sans-serif\""));
        assert_eq!(
            lines.next(),
            Some("<title id=\"fig-1-title\">Price of 2 GB mobile broadband as % of GNI per capita</title>")
        );
        assert_eq!(lines.next(), Some("<desc id=\"fig-1-desc\"></desc>"));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(
            !svg.contains("@font-face") && !svg.contains("<path d=\"M0"),
            "no embedded font or glyph paths"
        );
    }

    #[test]
    fn one_bar_per_value_with_series_classes() {
        let svg = chart(FIGURE_I).svg;
        assert_eq!(svg.matches("class=\"bar series-1\"").count(), 14);
        assert_eq!(svg.matches("class=\"bar series-2\"").count(), 14);
        assert_eq!(
            svg.matches("fill=\"url(#fig-1-pattern-2)\"").count(),
            14 + 1,
            "bars and swatch"
        );
        assert!(svg.contains("<pattern id=\"fig-1-pattern-2\""));
        assert_eq!(
            with_kind("stacked-bar").svg.matches("class=\"bar ").count(),
            28
        );
        let single = chart(&FIGURE_I.replace("[\"2021\", \"2022\"]", "[\"2022\"]"));
        assert_eq!(single.svg.matches("class=\"bar series-1\"").count(), 14);
        assert!(!single.svg.contains("<pattern"));
        let columns = chart(
            &FIGURE_I
                .replace("grouped-bar", "column")
                .replace("x: group", "x: group\nfilter: {kind: region}"),
        );
        assert_eq!(columns.svg.matches("class=\"bar ").count(), 12);
    }

    #[test]
    fn labels_are_text_elements() {
        let svg = chart(FIGURE_I).svg;
        for label in [
            "World",
            "Lower-middle-income",
            "SIDS",
            "2021",
            "2022",
            "11.4%",
            "0.4%",
            "0%",
            "15%",
        ] {
            assert!(svg.contains(&format!(">{label}</text>")), "{label}");
        }
        assert!(svg.contains(">Broadband Commission target 2%</text>"));
        assert!(svg.contains("class=\"target\" stroke-dasharray=\"6 4\""));
    }

    #[test]
    fn identical_input_gives_identical_bytes() {
        for kind in ["grouped-bar", "bar", "column", "stacked-bar", "line"] {
            assert_eq!(with_kind(kind), with_kind(kind), "{kind}");
        }
    }

    #[test]
    fn numbers_are_rounded_and_svgs_small() {
        for kind in ["grouped-bar", "column", "stacked-bar", "line"] {
            let svg = with_kind(kind).svg;
            assert!(svg.len() < 12_000, "{kind}: {} bytes", svg.len());
            let mut digits_after_point = 0;
            let mut after_point = false;
            for character in svg.chars() {
                if character.is_ascii_digit() && after_point {
                    digits_after_point += 1;
                    assert!(digits_after_point <= 2, "long decimal in {kind}");
                } else {
                    after_point = character == '.';
                    digits_after_point = 0;
                }
            }
        }
    }

    #[test]
    fn colours_come_from_the_palette() {
        let svg = chart(FIGURE_I).svg;
        let allowed = [
            palette::TEXT,
            palette::MUTED,
            palette::GRID,
            palette::TARGET,
            "#FFFFFF",
        ];
        for part in svg.split("=\"#").skip(1) {
            let colour = format!("#{}", &part[..6]);
            assert!(
                allowed.contains(&colour.as_str()) || palette::SERIES.contains(&colour.as_str()),
                "{colour}"
            );
        }
    }

    #[test]
    fn line_charts_have_markers_and_direct_labels() {
        let svg = with_kind("line").svg;
        assert_eq!(svg.matches("class=\"line series-1\"").count(), 1);
        assert_eq!(svg.matches("class=\"line series-2\"").count(), 1);
        assert_eq!(svg.matches("<circle").count(), 14, "circles for series 1");
        assert_eq!(svg.matches("<rect").count(), 14, "squares for series 2");
        assert!(svg.contains("class=\"label series-1\">2021</text>"));
        assert!(svg.contains("class=\"label series-2\">2022</text>"));
        assert!(!svg.contains("class=\"legend\""));
    }

    #[test]
    fn table_and_csv_hold_the_plotted_numbers() {
        let chart = chart(FIGURE_I);
        assert_eq!(chart.table.headers, ["group", "2021 (%)", "2022 (%)"]);
        assert_eq!(chart.table.rows.len(), 14);
        assert_eq!(chart.table.rows[1], ["Africa", "6.5", "5.0"]);
        let mut csv = chart.csv.lines();
        assert_eq!(csv.next(), Some("group,2021,2022"));
        assert_eq!(csv.next(), Some("World,1.9,1.5"));
        assert_eq!(chart.csv.lines().count(), 15);
        assert_eq!(chart.source.as_deref(), Some("ITU"));
    }

    #[test]
    fn titles_and_labels_are_escaped() {
        let mut data = simple(
            "<script>alert(1)</script>",
            &["a<b>", "\"q\" & 'r'"],
            &[1.0, 2.0],
        );
        data.series[0].name = "</text><script>".to_owned();
        data.target = Some(Target {
            value: 1.5,
            label: Some("<img src=x>".to_owned()),
        });
        let chart = render_chart(&data, "x\"><script>");
        assert!(!chart.svg.contains("<script"), "{}", chart.svg);
        assert!(!chart.svg.contains("<img"));
        assert!(!chart.svg.contains("<b>"));
        assert!(chart
            .svg
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(chart.svg.contains("id=\"x---script\""));
        assert!(chart.table.to_html().contains("a&lt;b&gt;"));
    }

    #[test]
    fn counts_use_whole_numbers() {
        let chart = crate::charts::counts_chart(
            "Contributions per region",
            "",
            &[("Africa".to_owned(), 12), ("Europe".to_owned(), 3)],
            "regions",
        );
        assert!(chart.svg.contains(">12</text>") && chart.svg.contains(">3</text>"));
        assert_eq!(chart.svg.matches("class=\"bar series-1\"").count(), 2);
        assert_eq!(chart.csv, "Category,Count\nAfrica,12\nEurope,3\n");
    }

    #[test]
    fn odd_data_does_not_panic() {
        let empty = render_chart(&simple("Empty", &[], &[]), "e");
        assert!(empty.svg.contains("No data to chart."));
        let mut odd = simple("Odd", &["a", "b", "c"], &[f64::NAN, -3.0]);
        odd.target = Some(Target {
            value: f64::INFINITY,
            label: None,
        });
        odd.decimals = 40;
        assert!(render_chart(&odd, "o")
            .svg
            .contains("class=\"bar series-1\""));
        for kind in ChartKind::ALL {
            let mut zeros = simple("Zeros", &["a"], &[0.0]);
            zeros.kind = *kind;
            assert!(render_chart(&zeros, "z").svg.ends_with("</svg>\n"));
        }
        let huge = simple("Huge", &["a", "b"], &[f64::MAX, -f64::MAX]);
        assert!(render_chart(&huge, "h")
            .svg
            .contains("class=\"bar series-1\""));
        let tiny = simple("Tiny", &["a"], &[1e-300]);
        assert!(render_chart(&tiny, "t")
            .svg
            .contains("class=\"bar series-1\""));
        let long =
            "An extremely long category label that goes on and on beyond any reasonable width";
        let many: Vec<String> = (0..200).map(|i| format!("{long} {i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let values: Vec<f64> = (0..200).map(f64::from).collect();
        let big = render_chart(&simple("Big", &refs, &values), "b");
        assert_eq!(big.svg.matches("class=\"bar series-1\"").count(), 200);
        assert!(big.svg.contains("…</text>"));
    }

    /// The `x` attribute of the first `<text>` whose content is `label`.
    fn text_x(svg: &str, label: &str) -> f64 {
        let end = svg
            .find(&format!(">{label}</text>"))
            .or_else(|| svg.find(&format!(">\u{2068}{label}\u{2069}</text>")))
            .unwrap_or_else(|| panic!("no {label}"));
        let start = svg[..end].rfind("<text").unwrap_or(0);
        let element = &svg[start..end];
        let x = element.split(" x=\"").nth(1).unwrap_or_default();
        x.split('"')
            .next()
            .unwrap_or_default()
            .parse()
            .unwrap_or(f64::NAN)
    }

    #[test]
    fn the_narrow_drawing_is_for_phones_with_labels_above_the_bars() {
        let chart = chart(FIGURE_I);
        assert!(chart
            .narrow_svg
            .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 "));
        assert!(chart
            .narrow_svg
            .contains("id=\"fig-1-n\" class=\"chart chart-narrow "));
        assert!(chart.svg.contains("id=\"fig-1\" class=\"chart chart-wide "));
        assert!(chart.narrow_svg.contains("font-size=\"13\""));
        // Every label whole, beside the start of the plot rather than cut to a third.
        assert!(chart.narrow_svg.contains(">Lower-middle-income</text>"));
        assert!(
            (text_x(&chart.narrow_svg, "World") - text_x(&chart.narrow_svg, "SIDS")).abs() < 0.5
        );
        let html = chart.to_html(None);
        assert!(html.contains("chart-wide") && html.contains("chart-narrow"));
    }

    #[test]
    fn no_text_is_under_11_px_at_the_width_each_drawing_is_shown() {
        let smallest = |svg: &str| {
            svg.split("font-size=\"")
                .skip(1)
                .filter_map(|rest| rest.split('"').next()?.parse::<f64>().ok())
                .fold(f64::INFINITY, f64::min)
        };
        for kind in ["grouped-bar", "bar", "column", "stacked-bar", "line"] {
            let chart = with_kind(kind);
            // The narrow drawing is shown from a 320-px phone (a 288-px column) up.
            let narrow = smallest(&chart.narrow_svg) * 288.0 / f64::from(Geometry::NARROW.width);
            assert!(narrow >= 11.0, "{kind}: narrow text at {narrow:.1} px");
            // The wide one from a 640-px column up.
            assert!(smallest(&chart.svg) >= 11.0, "{kind}: wide");
        }
    }

    #[test]
    fn right_to_left_bar_charts_are_mirrored_and_their_text_is_rtl() {
        let spec = parse_spec(FIGURE_I).unwrap_or_else(|error| panic!("{error}"));
        let data = resolve(&spec, &fixtures::affordability()).unwrap_or_else(|e| panic!("{e}"));
        let ltr = render_chart_in(&data, "f", Direction::Ltr).svg;
        let rtl = render_chart_in(&data, "f", Direction::Rtl).svg;
        assert!(!ltr.contains("direction=\"rtl\""));
        assert!(rtl.contains("<g class=\"labels\" ") && rtl.contains(" direction=\"rtl\">"));
        // The zero of the value axis moves from the left of the plot to its right.
        let (zero_ltr, zero_rtl) = (text_x(&ltr, "0%"), text_x(&rtl, "0%"));
        assert!(
            (zero_ltr + zero_rtl - f64::from(WIDTH)).abs() < 0.5,
            "{zero_ltr} {zero_rtl}"
        );
        assert!(zero_rtl > f64::from(WIDTH) / 2.0);
        // Category labels sit right of the plot, anchored as plotters wrote them.
        assert!(text_x(&rtl, "World") > zero_rtl);
        assert_eq!(
            rtl.matches("direction=\"rtl\"").count(),
            2,
            "labels and legend"
        );
        assert!(
            rtl.contains(">\u{2068}World\u{2069}</text>"),
            "labels are isolates"
        );
        assert!(!ltr.contains('\u{2068}'));
        let line = render_chart_in(&data_of_kind(&data, ChartKind::Line), "l", Direction::Rtl).svg;
        let plain = render_chart_in(&data_of_kind(&data, ChartKind::Line), "l", Direction::Ltr).svg;
        assert_eq!(
            text_x(&line, "0%"),
            text_x(&plain, "0%"),
            "lines are not mirrored"
        );
        assert!(line.contains("text-anchor=\"end\""));
    }

    fn data_of_kind(data: &ChartData, kind: ChartKind) -> ChartData {
        ChartData {
            kind,
            ..data.clone()
        }
    }

    #[test]
    fn value_axis_is_round() {
        let axis = Axis::of(&simple("x", &["a", "b"], &[11.4, 0.4]));
        assert_eq!((axis.low, axis.high), (0.0, 15.0));
        assert_eq!(axis.ticks, [0.0, 5.0, 10.0, 15.0]);
        let axis = Axis::of(&simple("x", &["a", "b"], &[0.33, -0.12]));
        assert_eq!(axis.ticks, [-0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4]);
        assert_eq!(axis.tick_label(-0.1), "-0.1");
    }
}
