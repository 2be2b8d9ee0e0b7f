//! Words, numbers and punctuation with their byte offsets, and sentences over them.

use tally_core::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub span: Span,
    pub kind: TokenKind,
    /// Whether whitespace separates this token from the one before.
    pub space_before: bool,
    /// Whether a line break separates this token from the one before.
    pub newline_before: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is(&self, punct: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(punct) && self.text.len() == punct.len_utf8()
    }

    pub fn is_capitalised(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Byte classes for the tokenizer's ASCII fast path.
const SPACE: u8 = 1;
const NEWLINE: u8 = 2;
const DIGIT: u8 = 4;
const LETTER: u8 = 8;
/// A byte of a multi-byte character, decoded where it stands.
const HIGH: u8 = 16;

static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => SPACE,
            b'\n' => NEWLINE,
            b'0'..=b'9' => DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            0x80..=0xff => HIGH,
            _ => 0,
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

/// Splits a body into tokens. Inside a word: letters, digits, apostrophes and hyphens
/// between letters, and the dots of initialisms such as "U.S.".
pub fn tokenize(body: &str) -> Vec<Token<'_>> {
    let bytes = body.as_bytes();
    // ASCII is classed by table; anything else is decoded where it stands.
    let char_at = |pos: usize| char_at(body, pos);
    let mut tokens = Vec::with_capacity(bytes.len() / 5);
    let mut pos = 0;
    let mut space_before = true;
    let mut newline_before = false;
    while let Some(&b) = bytes.get(pos) {
        let c = class(b);
        if c & (SPACE | NEWLINE) != 0 {
            space_before = true;
            newline_before |= c == NEWLINE;
            pos += 1;
            continue;
        }
        let start = pos;
        let kind = if c & DIGIT != 0 {
            pos = number_end(bytes, pos + 1);
            TokenKind::Number
        } else if c & LETTER != 0 {
            pos = word_end(body, pos + 1);
            TokenKind::Word
        } else if c & HIGH != 0 {
            let Some(ch) = char_at(pos) else { break };
            if ch.is_whitespace() {
                space_before = true;
                pos += ch.len_utf8();
                continue;
            }
            if ch.is_alphabetic() {
                pos = word_end(body, pos + ch.len_utf8());
                TokenKind::Word
            } else {
                pos += ch.len_utf8();
                TokenKind::Punct
            }
        } else {
            pos += 1;
            TokenKind::Punct
        };
        tokens.push(Token {
            text: &body[start..pos],
            span: Span::new(start, pos),
            kind,
            space_before,
            newline_before,
        });
        space_before = false;
        newline_before = false;
    }
    tokens
}

/// The character at byte `pos`: ASCII without decoding, anything else decoded there.
fn char_at(body: &str, pos: usize) -> Option<char> {
    match body.as_bytes().get(pos) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => body[pos..].chars().next(),
    }
}

/// The end of a number begun before `pos`: digits, and a comma, stop or colon between
/// digits ("1,094", "2.5", "05:22").
fn number_end(bytes: &[u8], mut pos: usize) -> usize {
    loop {
        match bytes.get(pos) {
            Some(b) if b.is_ascii_digit() => pos += 1,
            Some(b',' | b'.' | b':') if bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) => pos += 2,
            _ => return pos,
        }
    }
}

/// The end of a word begun before `pos`.
fn word_end(body: &str, mut pos: usize) -> usize {
    let bytes = body.as_bytes();
    let char_at = |pos: usize| char_at(body, pos);
    let before = |pos: usize| body[..pos].chars().next_back();
    loop {
        // Runs of ASCII letters and digits, the bulk of any word.
        while bytes.get(pos).is_some_and(|&b| class(b) & (LETTER | DIGIT) != 0) {
            pos += 1;
        }
        let Some(&b) = bytes.get(pos) else { return pos };
        // Most words end at a space or a plain stop mark.
        if !matches!(b, b'-' | b'\'' | b'.') && b < 0x80 {
            return pos;
        }
        let Some(c) = char_at(pos) else { return pos };
        if !c.is_ascii() && c.is_alphanumeric() {
            pos += c.len_utf8();
            continue;
        }
        let after = pos + c.len_utf8();
        let next = char_at(after);
        if (c == '-' || is_apostrophe(c)) && next.is_some_and(char::is_alphanumeric) {
            pos = after + next.map_or(0, char::len_utf8);
            continue;
        }
        if c == '.' {
            // U.S. · U.N. · U.K.: single capitals joined by dots.
            let prev = before(pos);
            let prev2 = prev.and_then(|p| before(pos - p.len_utf8()));
            let initialism = prev.is_some_and(char::is_uppercase)
                && (next.is_some_and(|n| n.is_uppercase() && char_at(after + n.len_utf8()) == Some('.'))
                    || prev2 == Some('.'));
            if initialism {
                pos = after;
                continue;
            }
        }
        return pos;
    }
}

/// Every token in lower case, in one buffer: one allocation a document, not one a token.
#[derive(Debug, Clone, Default)]
pub struct Lowers {
    text: String,
    /// Each token's (start, end) in `text`.
    spans: Vec<(u32, u32)>,
    /// [`word_hash`] of each lower-cased token, for lexicon look-ups.
    hashes: Vec<u64>,
}

/// The hash lexicons key words by; computed once a token.
pub fn word_hash(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(word.as_bytes());
    hasher.finish()
}

impl Lowers {
    /// The tokens of `source` in lower case. ASCII letters are lowered in one pass over the
    /// whole text, which keeps every offset; a token whose lower case is another length
    /// ("İ") is lowered on its own at the end of the buffer.
    pub fn new(source: &str, tokens: &[Token<'_>]) -> Lowers {
        let mut text = source.to_ascii_lowercase();
        let ascii = source.is_ascii();
        let mut spans = Vec::with_capacity(tokens.len());
        let mut hashes = Vec::with_capacity(tokens.len());
        for token in tokens {
            let (mut start, mut end) = (token.span.start, token.span.end);
            if !ascii && !token.text.is_ascii() {
                let lowered: String = token.text.chars().flat_map(char::to_lowercase).collect();
                if lowered != text[start..end] {
                    start = text.len();
                    text.push_str(&lowered);
                    end = text.len();
                }
            }
            hashes.push(word_hash(&text[start..end]));
            spans.push((start as u32, end as u32));
        }
        Lowers { text, spans, hashes }
    }

    /// Two texts' tokens in lower case as one text's: `first`'s, then `second`'s, as
    /// [`join_tokens`] joins their tokens. Nothing is lowered or hashed again.
    pub fn joined(first: &Lowers, second: &Lowers) -> Lowers {
        let offset = (first.text.len() + JOIN.len()) as u32;
        let mut text = String::with_capacity(first.text.len() + JOIN.len() + second.text.len());
        text.push_str(&first.text);
        text.push_str(JOIN);
        text.push_str(&second.text);
        let spans = first
            .spans
            .iter()
            .copied()
            .chain(
                second
                    .spans
                    .iter()
                    .map(|&(start, end)| (start + offset, end + offset)),
            )
            .collect();
        let hashes = first.hashes.iter().chain(&second.hashes).copied().collect();
        Lowers { text, spans, hashes }
    }

    /// [`word_hash`] of token `i`.
    pub fn hash(&self, i: usize) -> u64 {
        self.hashes[i]
    }

    /// Token `i` in lower case, or "" past the end.
    pub fn get(&self, i: usize) -> &str {
        match self.spans.get(i) {
            Some(&(start, end)) => &self.text[start as usize..end as usize],
            None => "",
        }
    }
}

/// What joins two texts read as one: a blank line, as between paragraphs.
pub const JOIN: &str = "\n\n";

/// The tokens of `first`, a blank line ([`JOIN`]), then `second`, read as one text, from
/// each text's own tokens: those of `second` shifted past `first` and the blank line, the
/// first of them on a new line. What [`tokenize`] gives the joined text, without
/// tokenizing either again.
pub fn join_tokens<'a>(
    first: &str,
    first_tokens: &[Token<'a>],
    second_tokens: &[Token<'a>],
) -> Vec<Token<'a>> {
    let shift = first.len() + JOIN.len();
    let mut out = Vec::with_capacity(first_tokens.len() + second_tokens.len());
    out.extend_from_slice(first_tokens);
    out.extend(second_tokens.iter().enumerate().map(|(k, t)| Token {
        span: Span::new(t.span.start + shift, t.span.end + shift),
        space_before: t.space_before || k == 0,
        newline_before: t.newline_before || k == 0,
        ..*t
    }));
    out
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "brig", "adm", "cpl", "pvt", "prof",
    "sen", "rep", "gov", "st", "mt", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "lieut", "cmdr",
    "gov", "pres", "rev", "fig",
];

fn is_opening(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Punct && matches!(token.text, "\"" | "\u{201c}" | "\u{2018}" | "(" | "'")
}

fn is_closing(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Punct && matches!(token.text, "\"" | "\u{201d}" | "\u{2019}" | ")" | "'")
}

/// Sentences as token ranges. A full stop, question or exclamation mark ends one when
/// the next word starts a new one; an abbreviation or an initial does not; a blank line
/// always does.
/// The text's lines, as token ranges: from a token that opens a line to the next.
pub fn lines(tokens: &[Token<'_>]) -> Vec<std::ops::Range<usize>> {
    let n = tokens.len();
    let starts: Vec<usize> = (0..n).filter(|&k| k == 0 || tokens[k].newline_before).collect();
    starts
        .iter()
        .enumerate()
        .map(|(at, &start)| start..starts.get(at + 1).copied().unwrap_or(n))
        .collect()
}

pub fn sentences(body: &str, tokens: &[Token<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if i > start && token.newline_before {
            let gap = &body[tokens[i - 1].span.end..token.span.start];
            let blank_line = gap.matches('\n').count() >= 2;
            if blank_line || ends_sentence(&tokens[i - 1]) {
                out.push(start..i);
                start = i;
            }
        }
        let is_stop = token.kind == TokenKind::Punct && matches!(token.text, "." | "!" | "?" | "\u{2026}");
        if is_stop {
            let mut end = i + 1;
            while end < tokens.len() && is_closing(&tokens[end]) && !tokens[end].space_before {
                end += 1;
            }
            let next = tokens.get(end);
            let starts_new = next.is_none_or(|n| {
                n.space_before && (n.is_capitalised() || n.kind == TokenKind::Number || is_opening(n))
            });
            let previous_word = i.checked_sub(1).map(|p| &tokens[p]);
            // Copy that lost its spaces: "three others hospitalized.It happened": a word in
            // lower case, a full stop, and a capitalised word run together.
            let run_together = token.text == "."
                && !token.space_before
                && previous_word.is_some_and(|w| {
                    w.is_word() && w.text.len() >= 3 && w.text.bytes().all(|b| b.is_ascii_lowercase())
                })
                && next.is_some_and(|n| {
                    !n.space_before
                        && n.is_word()
                        && n.is_capitalised()
                        && n.text.len() >= 2
                        && n.text.bytes().skip(1).all(|b| b.is_ascii_lowercase())
                });
            let starts_new = starts_new || run_together;
            let abbreviation = token.text == "."
                && !token.space_before
                && previous_word.is_some_and(|w| {
                    w.is_word()
                        && (ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w.text))
                            || (w.text.chars().count() == 1 && w.is_capitalised()))
                });
            // "around 4 p.m. Saturday", "at 9 a.m. EST": the clock runs on into its day or
            // zone, though a capital follows.
            let clock = token.text == "."
                && i >= 3
                && tokens[i - 1].text == "m"
                && tokens[i - 2].text == "."
                && matches!(tokens[i - 3].text, "a" | "p")
                && next.is_some_and(|n| {
                    tally_core::is_calendar_word(&n.text.to_ascii_lowercase())
                        || matches!(
                            n.text,
                            "EST" | "CST" | "MST" | "PST" | "EDT" | "CDT" | "MDT" | "PDT" | "ET"
                        )
                });
            let abbreviation = abbreviation || clock;
            // An ellipsis followed by a lower-case word runs on.
            if starts_new && !abbreviation {
                out.push(start..end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

fn ends_sentence(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Punct
        && matches!(token.text, "." | "!" | "?" | "\u{2026}" | "\"" | "\u{201d}" | ":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_tokens_are_the_joined_texts_tokens() {
        let (first, second) = ("Two shot in Memphis", "MEMPHIS, Tenn. — Two men were shot.");
        let joined = format!("{first}{JOIN}{second}");
        let (a, b) = (tokenize(first), tokenize(second));
        assert_eq!(join_tokens(first, &a, &b), tokenize(&joined));
        let lowers = Lowers::joined(&Lowers::new(first, &a), &Lowers::new(second, &b));
        let whole = Lowers::new(&joined, &tokenize(&joined));
        for i in 0..a.len() + b.len() {
            assert_eq!((lowers.get(i), lowers.hash(i)), (whole.get(i), whole.hash(i)));
        }
    }

    #[test]
    fn a_clock_runs_on_into_its_day() {
        let body = "Police were called at 4 p.m. Saturday. A man was found shot at 2 a.m. He died.";
        let tokens = tokenize(body);
        let found: Vec<&str> = sentences(body, &tokens)
            .into_iter()
            .map(|r| &body[tokens[r.start].span.start..tokens[r.end - 1].span.end])
            .collect();
        assert_eq!(
            found,
            [
                "Police were called at 4 p.m. Saturday.",
                "A man was found shot at 2 a.m.",
                "He died."
            ]
        );
    }

    #[test]
    fn sentences_run_together_without_spaces() {
        let body = "Three others were hospitalized.It happened at 1 a.m. in the U.S. Virgin Islands.";
        let tokens = tokenize(body);
        let found = sentences(body, &tokens);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(tokens[found[1].start].text, "It");
    }

    fn texts(body: &str) -> Vec<&str> {
        tokenize(body).iter().map(|t| t.text).collect()
    }

    fn split(body: &str) -> Vec<&str> {
        let tokens = tokenize(body);
        sentences(body, &tokens)
            .into_iter()
            .map(|r| &body[tokens[r.start].span.start..tokens[r.end - 1].span.end])
            .collect()
    }

    #[test]
    fn tokens_keep_numbers_and_names_whole() {
        assert_eq!(
            texts("U.S.-led jets hit 1,094 targets; Ra’ad al-Hussein’s office at 05:22."),
            [
                "U.S.-led",
                "jets",
                "hit",
                "1,094",
                "targets",
                ";",
                "Ra’ad",
                "al-Hussein’s",
                "office",
                "at",
                "05:22",
                "."
            ]
        );
        assert_eq!(
            texts("a 1,000-strong force"),
            ["a", "1,000", "-", "strong", "force"]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Gen. Smith met Dr. Jones in the U.S. on Friday. Five people died. “We fled,” he said."),
            [
                "Gen. Smith met Dr. Jones in the U.S. on Friday.",
                "Five people died.",
                "“We fled,” he said."
            ]
        );
    }

    #[test]
    fn blank_lines_end_sentences() {
        assert_eq!(
            split("A headline without a stop\n\nThe report."),
            ["A headline without a stop", "The report."]
        );
    }
}
