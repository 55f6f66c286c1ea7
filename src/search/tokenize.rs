//! Turning text into search terms, the same way at build time (here) and in the reader's
//! browser (`themes/default/static/search.js`, which mirrors every rule below).
//!
//! Both sides must produce identical terms or a query misses, so the rules are the ones a
//! few lines of JavaScript can reproduce exactly with `String.prototype.normalize` and
//! Unicode property escapes, rather than a word-boundary algorithm (UAX #29, dictionary
//! segmenters) whose browser implementation differs from ours:
//!
//! 1. Fold: NFKD, drop every combining mark (General_Category M), lowercase, fold final
//!    sigma; then Arabic letter variants (alef wasla, alef maksura, ta marbuta, Farsi yeh
//!    and keheh, tatweel) and Arabic-Indic digits. Latin and Cyrillic accents, Arabic
//!    harakat, the hamza of أ إ آ ؤ ئ and the voicing marks of kana (デ → テ) are combining
//!    marks after NFKD, so they go too.
//! 2. Split into runs of letters and digits (`char::is_alphanumeric`, which is
//!    `\p{Alphabetic}|\p{N}` in JavaScript).
//! 3. Scripts written without spaces (Han, kana, Thai, Lao, Myanmar, Khmer) become
//!    overlapping character bigrams (a lone character stays a unigram); other runs are
//!    words of at least two characters, cut to [`MAX_TERM_CHARS`].
//! 4. An Arabic word loses its definite article (ال, and وال بال كال فال لل) when at least
//!    two letters remain, so "الرقمي" finds "رقمي".

use std::borrow::Cow;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Longer words are cut to this many characters (a hostile 1 MB "word" stays small).
pub const MAX_TERM_CHARS: usize = 40;

/// Arabic definite-article prefixes, longest first so that "وال" wins over "ال".
const ARABIC_ARTICLES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];

/// The search terms of `text`, in order of appearance (repeats kept: they count).
pub fn terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for_each_term(text, |term| terms.push(term.to_owned()));
    terms
}

/// Calls `visit` with each term of `text`, in order: [`terms`] without an allocation per term.
pub fn for_each_term(text: &str, mut visit: impl FnMut(&str)) {
    for_each_folded_term(&fold(text), |term| visit(&term));
}

/// Calls `visit` with each term of `folded`, a text [`fold`] returned, in order. Terms are
/// borrowed from `folded` where they can be (words of ASCII letters and digits, the common
/// case), so that counting them allocates only for a term not seen before.
pub fn for_each_folded_term<'t>(folded: &'t str, mut visit: impl FnMut(Cow<'t, str>)) {
    if folded.is_ascii() {
        // Byte by byte, with the same result as the general loop below.
        let mut start = 0;
        for (end, byte) in folded.bytes().enumerate() {
            if !byte.is_ascii_alphanumeric() {
                visit_ascii_run(&folded[start..end], &mut visit);
                start = end + 1;
            }
        }
        visit_ascii_run(&folded[start..], &mut visit);
        return;
    }
    // Runs of letters and digits, split on any other character; an ASCII character is
    // told without the Unicode tables, and a run known to be ASCII is not scanned again.
    let mut start = 0;
    let mut ascii = true;
    for (at, c) in folded.char_indices() {
        let in_run = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if in_run {
            ascii &= c.is_ascii();
        } else {
            visit_run(&folded[start..at], ascii, &mut visit);
            start = at + c.len_utf8();
            ascii = true;
        }
    }
    visit_run(&folded[start..], ascii, &mut visit);
}

/// The terms of one run of letters and digits, `ascii` when it has only ASCII characters.
fn visit_run<'t>(run: &'t str, ascii: bool, visit: &mut impl FnMut(Cow<'t, str>)) {
    if ascii {
        visit_ascii_run(run, visit);
    } else {
        let mut run_terms = Vec::new();
        push_run_terms(run, &mut run_terms);
        run_terms
            .into_iter()
            .for_each(|term| visit(Cow::Owned(term)));
    }
}

/// A run of ASCII letters and digits is one term of at most [`MAX_TERM_CHARS`], if it has
/// two characters or more.
fn visit_ascii_run<'t>(run: &'t str, visit: &mut impl FnMut(Cow<'t, str>)) {
    if run.len() >= 2 {
        visit(Cow::Borrowed(&run[..run.len().min(MAX_TERM_CHARS)]));
    }
}

/// Case, accent, compatibility and Arabic letter folding (rule 1 of the module doc).
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // The ASCII before the next other character, lowercased in one go…
        let ascii_end = rest.bytes().position(|byte| !byte.is_ascii());
        let (ascii, other) = rest.split_at(ascii_end.unwrap_or(rest.len()));
        let from = folded.len();
        folded.push_str(ascii);
        if let Some(pushed) = folded.get_mut(from..) {
            pushed.make_ascii_lowercase();
        }
        // …then that character. Decomposing character by character differs from NFKD of
        // the whole text only in the order of combining marks, and those are all dropped.
        let mut chars = other.chars();
        if let Some(c) = chars.next() {
            decompose_compatible(c, |decomposed| push_folded(decomposed, &mut folded));
        }
        rest = chars.as_str();
    }
    folded
}

fn push_folded(decomposed: char, folded: &mut String) {
    if is_combining_mark(decomposed) {
        return;
    }
    for lower in decomposed.to_lowercase() {
        if let Some(mapped) = fold_letter(lower) {
            folded.push(mapped);
        }
    }
}

/// One lowercase, mark-free character after letter folding; `None` drops it.
fn fold_letter(c: char) -> Option<char> {
    match c {
        // The final sigma: JavaScript's whole-string toLowerCase produces it, Rust's
        // per-character lowercase does not, so both fold it to σ.
        'ς' => Some('σ'),
        // Tatweel (kashida) only stretches a word.
        '\u{0640}' => None,
        'ٱ' => Some('ا'),
        'ى' | 'ی' => Some('ي'),
        'ة' => Some('ه'),
        'ک' => Some('ك'),
        '٠'..='٩' => char::from_u32(u32::from(c) - 0x0660 + u32::from('0')),
        '۰'..='۹' => char::from_u32(u32::from(c) - 0x06F0 + u32::from('0')),
        _ if is_combining_mark(c) => None,
        _ => Some(c),
    }
}

/// True for the scripts written without spaces between words, indexed as bigrams.
pub fn is_bigram_script(c: char) -> bool {
    matches!(
        c,
        '\u{0E00}'..='\u{0EFF}'     // Thai, Lao
            | '\u{1000}'..='\u{109F}' // Myanmar
            | '\u{1780}'..='\u{17FF}' // Khmer
            | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
            | '\u{3400}'..='\u{4DBF}' // CJK extension A
            | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
            | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
            | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

/// Splits one alphanumeric run at changes between bigram scripts and the others.
fn push_run_terms(run: &str, terms: &mut Vec<String>) {
    let mut segment: Vec<char> = Vec::new();
    let mut segment_is_bigram = false;
    for c in run.chars() {
        let is_bigram = is_bigram_script(c);
        if !segment.is_empty() && is_bigram != segment_is_bigram {
            push_segment_terms(&segment, segment_is_bigram, terms);
            segment.clear();
        }
        segment_is_bigram = is_bigram;
        segment.push(c);
    }
    if !segment.is_empty() {
        push_segment_terms(&segment, segment_is_bigram, terms);
    }
}

fn push_segment_terms(segment: &[char], is_bigram: bool, terms: &mut Vec<String>) {
    if is_bigram {
        if let [single] = segment {
            terms.push(single.to_string());
        }
        terms.extend(segment.windows(2).map(|pair| pair.iter().collect()));
    } else if segment.len() >= 2 {
        let word: String = segment.iter().take(MAX_TERM_CHARS).collect();
        terms.push(strip_arabic_article(word));
    }
}

/// Rule 4 of the module doc: "الرقمي" → "رقمي", but "ال" stays "ال".
fn strip_arabic_article(word: String) -> String {
    for article in ARABIC_ARTICLES {
        if let Some(rest) = word.strip_prefix(article) {
            if rest.chars().count() >= 2 {
                return rest.to_owned();
            }
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        assert_eq!(terms(text), expected, "terms of {text:?}");
    }

    #[test]
    fn english_words_are_lowercased_and_split_on_punctuation() {
        check(
            "Digital Cooperation: AI-governance, 2025!",
            &["digital", "cooperation", "ai", "governance", "2025"],
        );
    }

    #[test]
    fn one_letter_words_are_dropped() {
        check("a b c de", &["de"]);
    }

    #[test]
    fn french_accents_and_elisions_fold() {
        check(
            "L'accès à l'Internet des élèves, Îles et Œuvre",
            &["acces", "internet", "des", "eleves", "iles", "et", "œuvre"],
        );
    }

    #[test]
    fn compatibility_forms_fold_to_plain_letters() {
        check("ﬁbre ＤＡＴＡ x²", &["fibre", "data", "x2"]);
    }

    #[test]
    fn cyrillic_and_greek_fold_case_and_accents() {
        check(
            "Цифровое СОТРУДНИЧЕСТВО ΟΔΟΣ όλοι",
            &["цифровое", "сотрудничество", "οδοσ", "ολοι"],
        );
    }

    #[test]
    fn arabic_letters_normalise() {
        // Hamza on alef, alef maksura, ta marbuta, harakat and tatweel.
        check(
            "أمن إدارة آمنة مستوى التّعاون",
            &["امن", "اداره", "امنه", "مستوي", "تعاون"],
        );
    }

    #[test]
    fn arabic_definite_article_is_stripped_when_a_word_remains() {
        check(
            "الرقمي والتعاون بالإنترنت للتنمية ال",
            &["رقمي", "تعاون", "انترنت", "تنميه", "ال"],
        );
    }

    #[test]
    fn arabic_indic_digits_become_ascii() {
        check("عام ٢٠٢٥ ۱۴", &["عام", "2025", "14"]);
    }

    #[test]
    fn chinese_becomes_overlapping_bigrams() {
        check("数字合作", &["数字", "字合", "合作"]);
    }

    #[test]
    fn a_lone_han_character_is_a_unigram() {
        check("人 和 数字", &["人", "和", "数字"]);
    }

    #[test]
    fn mixed_scripts_split_where_the_script_changes() {
        check("AI治理2025年", &["ai", "治理", "2025", "年"]);
    }

    #[test]
    fn japanese_kana_is_bigrammed_with_voicing_marks_folded_like_accents() {
        check("デジタル", &["テシ", "シタ", "タル"]);
    }

    #[test]
    fn long_words_are_cut() {
        let long = "x".repeat(100);
        assert_eq!(terms(&long), vec!["x".repeat(MAX_TERM_CHARS)]);
    }

    /// The splitting rule as first written (`split` on every character that is not a letter
    /// or digit), which the faster loop must match.
    fn terms_split_simply(folded: &str) -> Vec<String> {
        let mut terms = Vec::new();
        for run in folded.split(|c: char| !c.is_alphanumeric()) {
            if run.is_ascii() {
                visit_ascii_run(run, &mut |term: Cow<str>| terms.push(term.into_owned()));
            } else {
                push_run_terms(run, &mut terms);
            }
        }
        terms
    }

    #[test]
    fn runs_are_split_as_the_simple_rule_splits_them() {
        let pieces = [
            "Accès",
            "à",
            "l'Internet",
            "AI治理2025年",
            "التعاون",
            "الرقمي",
            "—",
            "x²",
            "🙂",
            "ﬁbre",
            "Ω",
            "digital",
            "ＤＡＴＡ",
            "",
            " ",
            "\t",
            "…",
            "数字",
            "e-gov",
            "٢٠٢٥",
        ];
        let mut texts = Vec::new();
        for first in pieces {
            for second in pieces {
                texts.push(format!("{first}{second} {second}-{first}"));
            }
        }
        for text in texts {
            let folded = fold(&text);
            let mut fast = Vec::new();
            for_each_folded_term(&folded, |term| fast.push(term.into_owned()));
            assert_eq!(fast, terms_split_simply(&folded), "terms of {text:?}");
            let simple_fold: String = text
                .chars()
                .flat_map(|c| fold(&c.to_string()).chars().collect::<Vec<_>>())
                .collect();
            assert_eq!(folded, simple_fold, "fold of {text:?}");
        }
    }

    #[test]
    fn empty_and_symbol_only_text_has_no_terms() {
        check("", &[]);
        check(" -- … ✓ 🙂 ", &[]);
    }
}
