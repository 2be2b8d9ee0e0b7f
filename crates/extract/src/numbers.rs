//! Numbers as reports write them: digits with separators and number words.

use crate::tokens::{Lowers, Token, TokenKind};

/// A number read from tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: u64,
    pub start: usize,
    pub end: usize,
    /// Written in words ("twenty-seven"), not digits.
    pub in_words: bool,
}

fn unit_word(word: &str) -> Option<u64> {
    Some(match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens_word(word: &str) -> Option<u64> {
    Some(match word {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn scale_word(word: &str) -> Option<u64> {
    Some(match word {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" | "millions" => 1_000_000,
        "billion" => 1_000_000_000,
        _ => return None,
    })
}

/// "twenty-seven", "seven", "forty".
fn small_number_word(word: &str) -> Option<u64> {
    if let Some(n) = unit_word(word).or_else(|| tens_word(word)) {
        return Some(n);
    }
    let (tens, unit) = word.split_once('-')?;
    Some(tens_word(tens)? + unit_word(unit).filter(|&u| (1..10).contains(&u))?)
}

/// Digits with thousands separators ("1,094", "2.000") or a decimal ("1.5").
fn digits_value(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    if bytes.contains(&b':') {
        return None;
    }
    if bytes.iter().any(|&b| b == b',' || b == b'.') {
        // Thousands separators: a first group of one to three digits, then groups of three.
        let mut value: u64 = 0;
        let mut separated = true;
        for (k, group) in text.split([',', '.']).enumerate() {
            let fits = if k == 0 {
                (1..=3).contains(&group.len())
            } else {
                group.len() == 3
            };
            separated &= fits;
            if !separated {
                break;
            }
            value = value.checked_mul(1000)?.checked_add(group.parse().ok()?)?;
        }
        if separated {
            return Some(value as f64);
        }
        if bytes.contains(&b',') {
            return None;
        }
    }
    text.parse::<f64>().ok()
}

/// Reads a number starting at token `i`: digits, optionally scaled ("1.5 million"), or
/// number words ("two thousand", "one hundred and fifty"). "a"/"an" count only before a scale
/// word ("a hundred").
/// `lowers` holds each token in lower case.
pub fn read_number(tokens: &[Token<'_>], lowers: &Lowers, i: usize) -> Option<Number> {
    let token = tokens.get(i)?;
    let lower_at = |j: usize| tokens.get(j).filter(|t| t.is_word()).map(|_| lowers.get(j));
    if token.kind == TokenKind::Number {
        let mut value = digits_value(token.text)?;
        let mut end = i + 1;
        if let Some(scale) = lower_at(end).and_then(scale_word) {
            value *= scale as f64;
            end += 1;
        }
        if value.fract() != 0.0 || value < 0.0 {
            return None;
        }
        return Some(Number {
            value: value as u64,
            start: i,
            end,
            in_words: false,
        });
    }
    let first = lower_at(i)?;
    // Only words can start a number in words; most tokens stop here.
    if !matches!(
        first.as_bytes().first(),
        Some(b'a' | b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'z')
    ) {
        return None;
    }
    let mut total: u64 = 0;
    let mut current: u64;
    let mut end;
    if first == "a" || first == "an" {
        let scale = lower_at(i + 1).and_then(scale_word)?;
        current = scale;
        end = i + 2;
    } else {
        current = small_number_word(first)?;
        end = i + 1;
    }
    while let Some(word) = lower_at(end) {
        if let Some(scale) = scale_word(word) {
            if scale == 100 {
                current = current.max(1) * 100;
            } else {
                total += current.max(1) * scale;
                current = 0;
            }
            end += 1;
        } else if word == "and" && lower_at(end + 1).and_then(small_number_word).is_some() && current >= 100 {
            end += 1;
        } else if let Some(n) =
            small_number_word(word).filter(|_| current.is_multiple_of(100) && (current > 0 || total > 0))
        {
            current += n;
            end += 1;
        } else {
            break;
        }
    }
    Some(Number {
        value: total + current,
        start: i,
        end,
        in_words: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn check(text: &str, expected: Option<u64>) {
        let tokens = tokenize(text);
        let lowers = Lowers::new(text, &tokens);
        assert_eq!(
            read_number(&tokens, &lowers, 0).map(|n| n.value),
            expected,
            "reading {text:?}"
        );
    }

    #[test]
    fn numbers_in_digits_and_words() {
        check("1,094 airstrikes", Some(1094));
        check("2.000 people", Some(2000));
        check("1.5 million refugees", Some(1_500_000));
        check("twenty-seven civilians", Some(27));
        check("two thousand people", Some(2000));
        check("one hundred and fifty people", Some(150));
        check("a hundred families", Some(100));
        check("a family", None);
        check("05:22", None);
        check("1.5 people", None);
    }
}
