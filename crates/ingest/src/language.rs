//! The language of a document's text, told by lingua among the languages war reporting
//! that tally reads comes in.

use lingua::Language::{
    Arabic, Dutch, English, French, German, Hebrew, Italian, Persian, Portuguese, Russian, Spanish, Turkish,
    Ukrainian,
};
use lingua::{LanguageDetector, LanguageDetectorBuilder};
use std::sync::LazyLock;

/// The languages told apart. Each is a model compiled into the binary (Cargo.toml's
/// lingua features name the same list); a text in none of them is told as the nearest
/// or as none, and keeps the language its page declared.
const LANGUAGES: [lingua::Language; 13] = [
    English, Arabic, French, German, Spanish, Russian, Turkish, Persian, Ukrainian, Italian, Portuguese,
    Dutch, Hebrew,
];

/// How much of a text is read. A report's first paragraphs show its language, and
/// lingua's time grows with the text.
const SAMPLE_BYTES: usize = 300;

/// Fewer letters than this are too few to tell a language by.
const MIN_LETTERS: usize = 40;

static DETECTOR: LazyLock<LanguageDetector> = LazyLock::new(|| {
    LanguageDetectorBuilder::from_languages(&LANGUAGES)
        .with_minimum_relative_distance(0.05)
        .build()
});

/// The ISO 639-1 code of the language `text` is written in, or `None` when it is too
/// short or too mixed to tell.
pub fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    DETECTOR
        .detect_language_of(sample)
        .map(|language| language.iso_code_639_1().to_string())
}

/// A declared language tag as its primary subtag, lower-cased: "en-US" → "en".
pub fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() >= 2 && primary.len() <= 3 && primary.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_in_several_languages() {
        assert_eq!(
            detect("Nine people were killed on Tuesday when an airstrike hit a market in the town, rescuers said."),
            Some("en".into())
        );
        assert_eq!(
            detect("Neuf personnes ont été tuées mardi lorsqu'une frappe aérienne a touché un marché de la ville, selon les secouristes."),
            Some("fr".into())
        );
        assert_eq!(
            detect("Neun Menschen wurden am Dienstag getötet, als ein Luftangriff einen Markt in der Stadt traf, sagten Helfer."),
            Some("de".into())
        );
        assert_eq!(
            detect("قُتل تسعة أشخاص يوم الثلاثاء عندما أصابت غارة جوية سوقا في البلدة، بحسب مسعفين."),
            Some("ar".into())
        );
        assert_eq!(detect("Nine killed."), None);
    }

    #[test]
    fn declared_tags() {
        assert_eq!(primary_subtag("en-US").as_deref(), Some("en"));
        assert_eq!(primary_subtag(" DE ").as_deref(), Some("de"));
        assert_eq!(primary_subtag("x"), None);
    }
}
