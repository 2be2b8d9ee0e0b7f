//! Plain-text scrapes: page chrome, dateline and headline on top, report below, and
//! related-story headlines left between its paragraphs.

use crate::dates::find_dates;
use tally_core::Published;

/// A scrape split into what the report is and what it was wrapped in.
#[derive(Debug, Clone, PartialEq)]
pub struct Scrape {
    pub title: Option<String>,
    pub published: Option<Published>,
    /// The report's paragraphs, separated by one blank line.
    pub body: String,
    /// Lines dropped as chrome or related-story headlines, for the ingest log.
    pub dropped: Vec<String>,
}

/// A paragraph with this many words or more that ends a sentence is report text.
const MIN_BODY_WORDS: usize = 8;
/// A headline longer than this is more likely a paragraph that lost its full stop.
const MAX_HEADLINE_WORDS: usize = 30;

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether a paragraph ends as prose does, with a full stop or a closing quote.
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '\'', '…', ':', ')'])
}

/// Page chrome: a long run of words with no sentence in it, dominated by one repeated word
/// (icon names, menu entries, share buttons).
fn is_chrome(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < 10 {
        return false;
    }
    // "bookmarkicon" and "cameraicon" are one word to a reader of chrome: count shared
    // four-letter beginnings and endings alike.
    let mut prefixes = std::collections::HashMap::new();
    let mut suffixes = std::collections::HashMap::new();
    for w in &words {
        let chars: Vec<char> = w.chars().collect();
        let cut = chars.len().min(4);
        *prefixes.entry(chars[..cut].to_vec()).or_insert(0usize) += 1;
        *suffixes
            .entry(chars[chars.len() - cut..].to_vec())
            .or_insert(0usize) += 1;
    }
    let top = prefixes
        .values()
        .chain(suffixes.values())
        .copied()
        .max()
        .unwrap_or(0);
    top * 2 >= words.len() && !ends_sentence(text)
}

fn is_menu_line(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    [
        "read more",
        "related:",
        "related stories",
        "more on this",
        "also read",
        "see also",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// A line that is only a date (and perhaps a time): the dateline.
fn dateline_of(text: &str) -> Option<Published> {
    let dates = find_dates(text);
    let first = dates.first()?;
    let rest = text.len() - (first.end - first.start);
    (rest * 3 <= text.len()).then_some(first.published)
}

/// Splits a scrape into headline, dateline and body.
pub fn parse_scrape(text: &str) -> Scrape {
    let paragraphs: Vec<&str> = split_paragraphs(text);
    let mut title = None;
    let mut published = None;
    let mut dropped = Vec::new();
    let mut body_parts: Vec<&str> = Vec::new();
    let first_body = paragraphs
        .iter()
        .position(|p| ends_sentence(p) && word_count(p) >= MIN_BODY_WORDS)
        .unwrap_or(0);
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let paragraph = paragraph.trim();
        if i < first_body {
            // Above the report, each line is its own thing: chrome, dateline or headline.
            for line in paragraph.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if published.is_none() {
                    if let Some(date) = dateline_of(line) {
                        published = Some(date);
                        continue;
                    }
                }
                if is_chrome(line) || is_menu_line(line) {
                    dropped.push(line.to_string());
                } else if title.is_none() && word_count(line) <= MAX_HEADLINE_WORDS {
                    title = Some(line.split_whitespace().collect::<Vec<_>>().join(" "));
                } else {
                    dropped.push(line.to_string());
                }
            }
            continue;
        }
        let headline_like = !ends_sentence(paragraph) && word_count(paragraph) <= MAX_HEADLINE_WORDS;
        if headline_like || is_menu_line(paragraph) || is_chrome(paragraph) {
            dropped.push(paragraph.to_string());
        } else {
            body_parts.push(paragraph);
        }
    }
    let body = body_parts.join("\n\n");
    // No dateline of its own: a date at the top of the text ("Fri 14 Oct 2016 At least…").
    let published = published.or_else(|| crate::dates::find_dateline(&body, 120).map(|f| f.published));
    Scrape {
        title,
        published,
        body,
        dropped,
    }
}

/// Paragraphs are separated by blank lines; a scrape with no blank lines has one per line.
fn split_paragraphs(text: &str) -> Vec<&str> {
    let has_blank = text.lines().any(|l| l.trim().is_empty());
    let mut out = Vec::new();
    if has_blank {
        let mut start: Option<usize> = None;
        let mut end = 0;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            if content.trim().is_empty() {
                if let Some(s) = start.take() {
                    out.push(&text[s..end]);
                }
            } else {
                start.get_or_insert(offset);
                end = offset + content.len();
            }
            offset += line.len();
        }
        if let Some(s) = start {
            out.push(&text[s..end]);
        }
    } else {
        out.extend(text.lines().filter(|l| !l.trim().is_empty()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCRAPE: &str =
        "icon menuicon searchicon shareicon closeicon playicon pauseicon mailicon fbicon twicon yticon tg\n\
3 Mar, 2019 14:05\n\n\
Shelling kills six in northern town\n\n\
Six people were killed on Saturday when shells hit a market in the town, a local official told reporters.\n\n\
Army says rebels broke truce near the border\n\n\
The official said the dead included two children and that rescue teams were still searching the rubble.";

    #[test]
    fn scrape_keeps_report_and_drops_wrapping() {
        let scrape = parse_scrape(SCRAPE);
        assert_eq!(
            scrape.title.as_deref(),
            Some("Shelling kills six in northern town")
        );
        assert_eq!(scrape.published.unwrap().to_string(), "2019-03-03T14:05:00");
        assert!(scrape.body.starts_with("Six people were killed"));
        assert!(scrape.body.ends_with("searching the rubble."));
        assert!(!scrape.body.contains("broke truce"), "related headline kept");
        assert!(!scrape.body.contains("icon"), "chrome kept");
        assert_eq!(scrape.dropped.len(), 2);
    }

    #[test]
    fn bare_paragraphs_are_all_body() {
        let text = "Two civilians were wounded in a blast near the market on Monday, police said.\n\nThe blast also damaged three shops along the main road into the town centre.";
        let scrape = parse_scrape(text);
        assert_eq!(scrape.title, None);
        assert_eq!(scrape.body, text);
    }
}
