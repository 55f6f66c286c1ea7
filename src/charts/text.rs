//! Text measurement from an embedded font, so that layout never depends on the machine.
//!
//! Labels must fit and must not overlap, so their widths are measured at build time. The
//! font's fonts would differ from one machine to another (and CI has almost none), so a
//! small Latin subset of an Arial-metric OFL font is compiled in (see `fonts/OFL.txt`). It
//! is used only for metrics: the SVG asks for `system-ui, sans-serif` and embeds nothing.
//! The same font is registered with `plotters` under that family name, so `plotters`
//! measures with it too and writes `font-family="system-ui, sans-serif"`.
//!
//! Characters the subset lacks are estimated (1 em for wide East Asian characters, 0.6 em
//! otherwise), which errs on the wide side for most scripts.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef};

/// The CSS font family of every chart and map.
pub const FAMILY: &str = "system-ui, sans-serif";

/// `system-ui` differs by platform: Segoe UI, San Francisco and Roboto run up to about 5 %
/// wider than Arial, and DejaVu Sans (the fallback of many Linux systems) 12 % wider.
/// Widths are measured with this margin so that text fits with any of them.
const SAFETY: f64 = 1.13;

/// Bold text is about this much wider than regular text.
const BOLD: f64 = 1.08;

static FONT_BYTES: &[u8] = include_bytes!("fonts/metrics-sans-regular.ttf");

fn font() -> Option<&'static FontRef<'static>> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(FONT_BYTES).ok())
        .as_ref()
}

/// Registers the font with `plotters` once; `false` if it could not be (then `plotters`
/// cannot draw text and callers fall back).
pub fn register_with_plotters() -> bool {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    *REGISTERED.get_or_init(|| {
        plotters::style::register_font(FAMILY, plotters::style::FontStyle::Normal, FONT_BYTES)
            .is_ok()
    })
}

/// The width of `text` in pixels at `size` pixels per em.
pub fn width(text: &str, size: f64) -> f64 {
    let em = match font() {
        Some(font) => em_width(font, text),
        None => text.chars().map(fallback_em).sum(),
    };
    em * size * SAFETY
}

/// The width of bold `text`.
pub fn bold_width(text: &str, size: f64) -> f64 {
    width(text, size) * BOLD
}

fn em_width(font: &FontRef<'static>, text: &str) -> f64 {
    let units = f64::from(font.units_per_em().unwrap_or(2048.0));
    let mut total = 0.0;
    let mut previous = None;
    for character in text.chars() {
        let glyph = font.glyph_id(character);
        if glyph.0 == 0 {
            total += fallback_em(character);
            previous = None;
            continue;
        }
        let mut advance = f64::from(font.h_advance_unscaled(glyph));
        if let Some(before) = previous {
            advance += f64::from(font.kern_unscaled(before, glyph));
        }
        total += advance / units;
        previous = Some(glyph);
    }
    total
}

/// An estimate in em for a character the font does not have.
fn fallback_em(character: char) -> f64 {
    let wide = matches!(
        u32::from(character),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF
            | 0x20000..=0x3FFFD
    );
    if wide {
        1.0
    } else if character.is_whitespace() {
        0.28
    } else {
        0.6
    }
}

/// `text`, cut and ended with `…` so that it fits in `max_width` (unchanged if it fits).
pub fn truncate(text: &str, size: f64, max_width: f64) -> String {
    if width(text, size) <= max_width {
        return text.to_owned();
    }
    let ellipsis = width("…", size);
    let mut kept = String::new();
    let mut used = 0.0;
    for character in text.chars() {
        let advance = width(character.encode_utf8(&mut [0; 4]), size);
        if used + advance + ellipsis > max_width {
            break;
        }
        kept.push(character);
        used += advance;
    }
    let mut kept = kept.trim_end().to_owned();
    kept.push('…');
    kept
}

/// `text` broken into at most `max_lines` lines no wider than `max_width`; the second
/// value is true when the text had to be cut (the last line then ends with `…`).
pub fn wrap(text: &str, size: f64, max_width: f64, max_lines: usize) -> (Vec<String>, bool) {
    let lines = greedy_lines(text, size, max_width);
    if lines.len() <= max_lines.max(1) {
        return (lines, false);
    }
    let keep = max_lines.max(1);
    let mut kept: Vec<String> = lines[..keep - 1].to_vec();
    let rest = lines[keep - 1..].join(" ");
    let mut last = truncate(&rest, size, max_width);
    if !last.ends_with('…') {
        last.push('…');
    }
    kept.push(last);
    (kept, true)
}

/// Greedy line filling by words; a word wider than a line is cut by characters.
fn greedy_lines(text: &str, size: f64, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size) <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line = break_word(word, size, max_width, &mut lines);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Pushes full-width pieces of a too-long `word` onto `lines`; returns the remainder.
fn break_word(word: &str, size: f64, max_width: f64, lines: &mut Vec<String>) -> String {
    let mut piece = String::new();
    for character in word.chars() {
        piece.push(character);
        if width(&piece, size) > max_width && piece.chars().count() > 1 {
            piece.pop();
            lines.push(std::mem::take(&mut piece));
            piece.push(character);
        }
    }
    piece
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_font_loads_and_measures() {
        assert!(font().is_some(), "the embedded font must parse");
        assert!(register_with_plotters());
        let narrow = width("iiii", 12.0);
        let wide = width("WWWW", 12.0);
        assert!(narrow > 5.0 && narrow < wide, "{narrow} {wide}");
        // Arial's "Hello" is 26.7 px at 12 px; the safety margin adds 13 %.
        let hello = width("Hello", 12.0);
        assert!((hello - 30.2).abs() < 1.0, "{hello}");
    }

    #[test]
    fn truncation_fits_and_marks_the_cut() {
        let long = "Group of Governmental Experts on Emerging Technologies";
        let cut = truncate(long, 12.0, 100.0);
        assert!(cut.ends_with('…'));
        assert!(width(&cut, 12.0) <= 100.0);
        assert_eq!(truncate("Short", 12.0, 100.0), "Short");
    }

    #[test]
    fn wrapping_keeps_lines_in_width_and_counts() {
        let long = "Open-ended Working Group on Developments in the Field of ICTs in the \
                    Context of International Security (2019–2021)";
        let (lines, cut) = wrap(long, 11.0, 180.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(cut);
        assert!(lines.iter().all(|line| width(line, 11.0) <= 180.0));
        let (lines, cut) = wrap("WSIS Forum", 11.0, 180.0, 2);
        assert_eq!((lines, cut), (vec!["WSIS Forum".to_owned()], false));
        let (lines, _) = wrap("Supercalifragilisticexpialidocious", 11.0, 60.0, 3);
        assert!(
            lines.iter().all(|line| width(line, 11.0) <= 60.0),
            "{lines:?}"
        );
    }
}
