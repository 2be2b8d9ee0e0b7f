//! The time a figure covers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A closed range of days; either end is `None` where the report does not pin it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Period {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl Period {
    pub fn day(day: NaiveDate) -> Period {
        Period {
            start: Some(day),
            end: Some(day),
        }
    }

    pub fn range(start: NaiveDate, end: NaiveDate) -> Period {
        Period {
            start: Some(start),
            end: Some(end),
        }
    }

    /// The whole calendar month holding `day`.
    pub fn month_of(day: NaiveDate) -> Period {
        use chrono::Datelike;
        let start = day.with_day(1).expect("day 1 exists in every month");
        let next = if start.month() == 12 {
            NaiveDate::from_ymd_opt(start.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(start.year(), start.month() + 1, 1)
        }
        .expect("first of a month is a valid date");
        Period::range(start, next.pred_opt().expect("a month has a last day"))
    }

    pub fn is_unknown(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }

    /// UCDP's `date_prec`: 1 a day, 2 up to six days, 3 a week, 4 a month, 5 longer.
    pub fn date_prec(&self) -> Option<u8> {
        let (start, end) = (self.start?, self.end?);
        let days = (end - start).num_days() + 1;
        Some(match days {
            ..=1 => 1,
            2..=6 => 2,
            7 => 3,
            8..=31 => 4,
            _ => 5,
        })
    }
}

/// A weekday or a month, lower case: capitalised in copy, and never a name. Shared by
/// extraction (no such word is a place) and linking (none is a rare word).
pub fn is_calendar_word(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// A number from one to ten in words, lower case: capitalised at a headline's or sentence's
/// start ("Four U.S. Marines"), and never a name. Shared by extraction (no one's name) and
/// linking (never a rare word).
pub fn is_number_word(word: &str) -> bool {
    matches!(
        word,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_covers_its_last_day() {
        let aug = Period::month_of(NaiveDate::from_ymd_opt(2017, 8, 15).unwrap());
        assert_eq!(aug.start, NaiveDate::from_ymd_opt(2017, 8, 1));
        assert_eq!(aug.end, NaiveDate::from_ymd_opt(2017, 8, 31));
        let dec = Period::month_of(NaiveDate::from_ymd_opt(2016, 12, 3).unwrap());
        assert_eq!(dec.end, NaiveDate::from_ymd_opt(2016, 12, 31));
        assert_eq!(aug.date_prec(), Some(4));
    }
}
