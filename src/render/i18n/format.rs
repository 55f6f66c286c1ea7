//! Numbers written the way each of the six languages writes them: "1,234.5" in English,
//! "1 234,5" in French (a narrow no-break space), "1 234,5" in Russian (a no-break space),
//! "1234" but "12.345" in Spanish (groups start at five digits).
//!
//! These are the CLDR number symbols of the six UN languages, Latin digits throughout
//! (as in United Nations documents, Arabic ones included). Six rows of data do not
//! justify an ICU dependency; the words of dates (month names, the order of day, month
//! and year) are translations and live in the `.ftl` files instead.
//!
//! [`NumberSymbols`] is also a [`Memoizable`], which is how Fluent's formatter hook learns
//! the language of the bundle it formats for (see `Messages`).

use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

/// How a language writes numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberSymbols {
    /// Between the integer part and the decimals.
    pub decimal: &'static str,
    /// Between groups of three digits.
    pub group: &'static str,
    /// The fewest digits in front of the first separator: 1 groups "1,234", 2 leaves
    /// "1234" alone and groups "12.345" (Spanish).
    pub minimum_grouping_digits: usize,
}

impl NumberSymbols {
    /// The symbols of `language` (a code of `load::LANGUAGES`); English ones for any other.
    pub fn of(language: &str) -> NumberSymbols {
        let (decimal, group, minimum_grouping_digits) = match language {
            "fr" => (",", "\u{202f}", 1),
            "ru" => (",", "\u{a0}", 1),
            "es" => (",", ".", 2),
            _ => (".", ",", 1),
        };
        NumberSymbols {
            decimal,
            group,
            minimum_grouping_digits,
        }
    }

    /// `value` with grouped thousands and at most two decimals, trailing zeros dropped:
    /// 4200 → "4,200", 12.50 → "12.5", -3 → "-3" (in English).
    pub fn format(&self, value: f64) -> String {
        if !value.is_finite() {
            return value.to_string();
        }
        let fixed = format!("{:.2}", value.abs());
        let (integer, decimals) = fixed.split_once('.').unwrap_or((&fixed, ""));
        let decimals = decimals.trim_end_matches('0');
        let mut text = String::new();
        if value < 0.0 && fixed.bytes().any(|digit| matches!(digit, b'1'..=b'9')) {
            text.push('-');
        }
        text.push_str(&self.group_digits(integer));
        if !decimals.is_empty() {
            text.push_str(self.decimal);
            text.push_str(decimals);
        }
        text
    }

    /// Inserts the group separator every three digits from the right of `digits`.
    fn group_digits(&self, digits: &str) -> String {
        if digits.len() < 3 + self.minimum_grouping_digits {
            return digits.to_owned();
        }
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                grouped.push_str(self.group);
            }
            grouped.push(digit);
        }
        grouped
    }
}

impl Memoizable for NumberSymbols {
    type Args = ();
    type Error = ();

    fn construct(language: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(NumberSymbols::of(language.language.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(language: &str, value: f64) -> String {
        NumberSymbols::of(language).format(value)
    }

    #[test]
    fn english_groups_with_commas() {
        assert_eq!(format("en", 4200.0), "4,200");
        assert_eq!(format("en", 1_234_567.0), "1,234,567");
        assert_eq!(format("en", 12.5), "12.5");
        assert_eq!(format("en", -3.0), "-3");
        assert_eq!(format("en", 999.0), "999");
        assert_eq!(format("en", 0.126), "0.13");
    }

    #[test]
    fn french_groups_with_a_narrow_no_break_space_and_a_decimal_comma() {
        assert_eq!(format("fr", 1_234_567.0), "1\u{202f}234\u{202f}567");
        assert_eq!(format("fr", 12.5), "12,5");
        assert_eq!(format("fr", -4200.75), "-4\u{202f}200,75");
    }

    #[test]
    fn russian_groups_with_a_no_break_space() {
        assert_eq!(format("ru", 4200.0), "4\u{a0}200");
        assert_eq!(format("ru", 0.5), "0,5");
    }

    #[test]
    fn spanish_leaves_four_digits_alone() {
        assert_eq!(format("es", 4200.0), "4200");
        assert_eq!(format("es", 12_345.0), "12.345");
        assert_eq!(format("es", 1_234_567.5), "1.234.567,5");
    }

    #[test]
    fn chinese_and_arabic_use_latin_digits_with_commas() {
        assert_eq!(format("zh", 1_234_567.0), "1,234,567");
        assert_eq!(format("ar", 1234.5), "1,234.5");
    }

    #[test]
    fn a_negative_value_that_rounds_to_zero_has_no_sign() {
        assert_eq!(format("en", -0.001), "0");
    }
}
