//! A report as ingested: its clean body and what is known about it.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One news report, after ingest has removed page chrome and related-story headlines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The id FORMAT.md gives: a JSONL record's `id`, or a file's path relative to its root.
    pub id: String,
    pub title: Option<String>,
    pub published: Option<Published>,
    pub outlet: Option<String>,
    /// The byline, where a page gives one.
    pub author: Option<String>,
    pub url: Option<String>,
    /// ISO 639-1 code, where known.
    pub language: Option<String>,
    /// The report's own text, paragraphs separated by a blank line. Every span indexes this.
    pub body: String,
    /// Hex BLAKE3 of the body: a dedupe key, never an id.
    pub content_hash: String,
}

impl Document {
    /// A document with its content hash computed from `body`.
    pub fn new(id: impl Into<String>, body: String) -> Document {
        Document {
            id: id.into(),
            title: None,
            published: None,
            outlet: None,
            author: None,
            url: None,
            language: None,
            content_hash: content_hash(&body),
            body,
        }
    }
}

/// The dedupe key of a body.
pub fn content_hash(body: &str) -> String {
    blake3::hash(body.as_bytes()).to_hex().to_string()
}

/// When a report was published, with the time only where the report gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Published {
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

impl Published {
    pub fn date(&self) -> NaiveDate {
        match self {
            Published::Date(d) => *d,
            Published::DateTime(dt) => dt.date(),
        }
    }

    /// Reads `2017-09-01` or `2017-09-01T05:22[:00]`.
    pub fn parse(text: &str) -> Option<Published> {
        let text = text.trim();
        if let Ok(dt) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S") {
            return Some(Published::DateTime(dt));
        }
        if let Ok(dt) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M") {
            return Some(Published::DateTime(dt));
        }
        if let Ok(dt) = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S") {
            return Some(Published::DateTime(dt));
        }
        // RFC 3339 with an offset: keep the local time as the report gives it.
        if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(text) {
            return Some(Published::DateTime(dt.naive_local()));
        }
        let date_part = text.get(..10).unwrap_or(text);
        NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
            .ok()
            .map(Published::Date)
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Published::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Published::DateTime(dt) => write!(f, "{}", dt.format("%Y-%m-%dT%H:%M:%S")),
        }
    }
}

impl Serialize for Published {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Published::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("not a date: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_round_trips() {
        for text in ["2017-09-01", "2017-09-01T05:22:00"] {
            assert_eq!(Published::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(
            Published::parse("2017-09-01T05:22").unwrap().to_string(),
            "2017-09-01T05:22:00"
        );
        assert_eq!(Published::parse("1 Sep 2017"), None);
    }
}
