//! One writer for every CSV file the portal publishes: open data, chart numbers and the
//! datasets under `/data/`.
//!
//! Readers open these files in spreadsheets, and contributions are untrusted, so a cell
//! that a spreadsheet would run as a formula (a stakeholder named `=HYPERLINK(…)`) is
//! written with a leading `'`, the OWASP rule for CSV injection: cells starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return. Numbers (`-3.5`, `+2`) stay numbers.
//!
//! Quoting is `csv_core`'s (the engine of the `csv` crate that reads the datasets), writing
//! into memory, so writing cannot fail: there is no error to swallow or forget.

use std::borrow::Cow;

use csv_core::{WriteResult, Writer};

/// `rows` as CSV: RFC 4180 quoting where needed, `\n` after every row, formula-looking
/// cells neutralised.
pub fn to_csv<R, C>(rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut writer = Writer::new();
    let mut out = Vec::new();
    for row in rows {
        for (position, cell) in row.into_iter().enumerate() {
            if position > 0 {
                write_all(&mut out, 1, |buffer| {
                    let (result, written) = writer.delimiter(buffer);
                    (result, 0, written)
                });
            }
            let cell = neutralize(cell.as_ref());
            let mut input = cell.as_bytes();
            write_all(&mut out, input.len() * 2 + 2, |buffer| {
                let (result, read, written) = writer.field(input, buffer);
                input = &input[read..];
                (result, 0, written)
            });
        }
        write_all(&mut out, 2, |buffer| {
            let (result, written) = writer.terminator(buffer);
            (result, 0, written)
        });
    }
    write_all(&mut out, 2, |buffer| {
        let (result, written) = writer.finish(buffer);
        (result, 0, written)
    });
    // Every byte written is a byte of valid UTF-8 input or an ASCII quote or separator.
    String::from_utf8_lossy(&out).into_owned()
}

/// Runs one step of `csv_core`'s writer into `out` until it asks for no more room.
fn write_all(
    out: &mut Vec<u8>,
    room: usize,
    mut step: impl FnMut(&mut [u8]) -> (WriteResult, usize, usize),
) {
    let mut buffer = vec![0; room.max(2)];
    loop {
        let (result, _, written) = step(&mut buffer);
        out.extend_from_slice(&buffer[..written]);
        if result == WriteResult::InputEmpty {
            return;
        }
    }
}

/// `cell` with a `'` before it when a spreadsheet would read it as a formula.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    let formula_like = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula_like && !is_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A plain decimal number such as `-3.5` or `+2` (not `-inf`, not `-1+1`).
fn is_number(cell: &str) -> bool {
    let digits = cell.trim_start_matches(['+', '-']);
    cell.len() - digits.len() == 1
        && !digits.is_empty()
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == 'e' || c == 'E')
        && cell.parse::<f64>().is_ok_and(f64::is_finite)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        assert_eq!(
            neutralize("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("+1+2"), "'+1+2");
        assert_eq!(neutralize("-inf"), "'-inf");
        assert_eq!(neutralize("\tx"), "'\tx");
        assert_eq!(neutralize("-3.5"), "-3.5");
        assert_eq!(neutralize("+2"), "+2");
        assert_eq!(neutralize("plain"), "plain");
    }

    #[test]
    fn cells_are_quoted_where_needed() {
        let rows = [vec!["a", "b,c", "d\"e"], vec!["=1+1", "", "line\nbreak"]];
        assert_eq!(
            to_csv(rows),
            "a,\"b,c\",\"d\"\"e\"\n'=1+1,,\"line\nbreak\"\n"
        );
    }
}
