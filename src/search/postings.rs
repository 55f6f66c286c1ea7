//! Posting lists (which documents hold a term, and how strongly) in the compact text form
//! the shards carry: base64url varints, about two characters per posting.
//!
//! A list is the sequence `delta, weight, delta, weight, …` where `delta` is the document
//! number minus the previous one (the first counts from 0) and `weight` is
//! `2 × min(frequency, 15) + (1 if the term is in the title)`. Each number is written
//! low five bits first, one character per five bits, with 32 added to every character but
//! the last; the character is then `BASE64URL[value]`. JSON needs no escaping for it,
//! gzip still finds its repeats, and `search.js` decodes it in a few lines.
//!
//! Terms found in more than [`MAX_POSTINGS`] documents (the words of the language, and in
//! a generated corpus most words) keep only their strongest postings: a reader searching
//! for "the" does not download ten thousand of them. `search.js` knows such a list is cut
//! because the shard states the true document frequency beside it, and then uses the term
//! to rank results but not to exclude documents.

/// The alphabet of the encoding: RFC 4648 base64url, index = value.
const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// At most this many postings are kept for one term.
pub const MAX_POSTINGS: usize = 1000;

/// Occurrence counts above this add nothing to a weight.
const MAX_FREQUENCY: u32 = 15;

/// One document's entry in a term's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The document's number: its position in the index's sorted document list.
    pub document: u32,
    /// `2 × min(frequency, 15) + title flag`, see the module doc.
    pub weight: u32,
}

impl Posting {
    /// The posting of a document where the term occurs `frequency` times outside the title.
    pub fn new(document: u32, frequency: u32, in_title: bool) -> Posting {
        Posting {
            document,
            weight: 2 * frequency.min(MAX_FREQUENCY) + u32::from(in_title),
        }
    }
}

/// Keeps the [`MAX_POSTINGS`] strongest postings (ties to the earlier document), in
/// document order; `postings` must be in document order.
pub fn strongest(mut postings: Vec<Posting>) -> Vec<Posting> {
    if postings.len() > MAX_POSTINGS {
        postings.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.document.cmp(&b.document)));
        postings.truncate(MAX_POSTINGS);
        postings.sort_by_key(|posting| posting.document);
    }
    postings
}

/// The text form of `postings` (in document order, as [`strongest`] returns them).
pub fn encode(postings: &[Posting]) -> String {
    let mut encoded = String::with_capacity(postings.len() * 2);
    let mut previous = 0;
    for posting in postings {
        push_varint(&mut encoded, posting.document - previous);
        push_varint(&mut encoded, posting.weight);
        previous = posting.document;
    }
    encoded
}

fn push_varint(encoded: &mut String, mut value: u32) {
    loop {
        let low = value & 31;
        value >>= 5;
        let digit = if value == 0 { low } else { low | 32 };
        encoded.push(char::from(BASE64URL[digit as usize]));
        if value == 0 {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference decoder, as search.js implements it.
    fn decode(encoded: &str) -> Vec<Posting> {
        let mut numbers = Vec::new();
        let (mut value, mut shift) = (0u32, 0);
        for byte in encoded.bytes() {
            let digit = BASE64URL
                .iter()
                .position(|&c| c == byte)
                .unwrap_or_else(|| panic!("{byte} is not in the alphabet"))
                as u32;
            value |= (digit & 31) << shift;
            shift += 5;
            if digit < 32 {
                numbers.push(value);
                (value, shift) = (0, 0);
            }
        }
        let mut document = 0;
        numbers
            .chunks(2)
            .map(|pair| {
                document += pair[0];
                Posting {
                    document,
                    weight: pair[1],
                }
            })
            .collect()
    }

    #[test]
    fn small_numbers_take_one_character_each() {
        let postings = [Posting::new(0, 1, true), Posting::new(3, 15, false)];
        // 0, 3, 3, 30 → A D D e
        assert_eq!(encode(&postings), "ADDe");
    }

    #[test]
    fn large_numbers_use_continuation_characters() {
        // 1000 = 0b11111_01000 → low 8 | 32 = 40 ('o'), then 31 ('f').
        assert_eq!(encode(&[Posting::new(1000, 0, false)]), "ofA");
    }

    #[test]
    fn frequency_is_capped_and_the_title_flag_is_the_low_bit() {
        assert_eq!(Posting::new(7, 200, true).weight, 31);
        assert_eq!(Posting::new(7, 2, false).weight, 4);
    }

    #[test]
    fn encoding_round_trips() {
        let postings: Vec<Posting> = (0..500)
            .map(|n| Posting::new(n * n, n % 17, n % 3 == 0))
            .collect();
        assert_eq!(decode(&encode(&postings)), postings);
    }

    #[test]
    fn only_the_strongest_postings_of_a_common_term_are_kept() {
        let postings: Vec<Posting> = (0..(MAX_POSTINGS as u32 + 10))
            .map(|n| Posting::new(n, u32::from(n % 2 == 0) + 1, n == 1))
            .collect();
        let kept = strongest(postings);
        assert_eq!(kept.len(), MAX_POSTINGS);
        assert!(kept
            .windows(2)
            .all(|pair| pair[0].document < pair[1].document));
        // The title posting (weight 3) and every even document (weight 4) survive.
        assert!(kept.iter().any(|posting| posting.document == 1));
        assert_eq!(
            kept.iter().filter(|posting| posting.weight == 4).count(),
            505
        );
    }
}
