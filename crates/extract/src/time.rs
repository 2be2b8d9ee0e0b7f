//! Time expressions in a sentence, and their resolution backwards from a reference day.

use crate::tokens::{Lowers, Token, TokenKind};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use tally_core::Period;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeValue {
    Weekday(Weekday),
    /// `offset` days from the reference: yesterday is -1, today 0.
    DaysAgo(i64),
    Day {
        month: u32,
        day: u32,
        year: Option<i32>,
        /// The weekday copy puts before the date ("Friday, May 13"), which tells its year
        /// where the copy gives none.
        weekday: Option<Weekday>,
    },
    DayRange {
        month: u32,
        first: u32,
        last_month: u32,
        last: u32,
        year: Option<i32>,
    },
    Month {
        month: u32,
        year: Option<i32>,
        years_back: i32,
    },
    /// 0 this month, 1 last month.
    MonthsAgo(u32),
    /// The Monday-to-Sunday week `n` weeks before the reference's: 0 this week (to the
    /// reference), 1 last week.
    WeeksAgo(u32),
    /// The `n` days up to the reference: "the past week" is 7.
    PastDays(i64),
    YearsAgo(i32),
    Year(i32),
    /// A holiday whose date moves from year to year: "on Easter Sunday", "a Martin Luther
    /// King Day shooting".
    Holiday(Movable),
}

/// The American holidays copy dates shootings by whose day of the month changes with the
/// year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movable {
    /// Martin Luther King Jr. Day: the third Monday of January.
    MlkDay,
    Easter,
    /// The second Sunday of May.
    MothersDay,
    /// The last Monday of May.
    MemorialDay,
    /// The third Sunday of June.
    FathersDay,
    /// The first Monday of September.
    LaborDay,
    /// The fourth Thursday of November.
    Thanksgiving,
}

impl Movable {
    /// The holiday's day in `year`.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        let nth = |month: u32, weekday: Weekday, n: u8| {
            NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
        };
        match self {
            Movable::MlkDay => nth(1, Weekday::Mon, 3),
            Movable::Easter => {
                let easter = computus::gregorian(year).ok()?;
                NaiveDate::from_ymd_opt(year, easter.month, easter.day)
            }
            Movable::MothersDay => nth(5, Weekday::Sun, 2),
            Movable::MemorialDay => nth(5, Weekday::Mon, 5).or_else(|| nth(5, Weekday::Mon, 4)),
            Movable::FathersDay => nth(6, Weekday::Sun, 3),
            Movable::LaborDay => nth(9, Weekday::Mon, 1),
            Movable::Thanksgiving => nth(11, Weekday::Thu, 4),
        }
    }
}

/// A time expression: tokens `start..end` and what they say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub value: TimeValue,
    /// After "since": the time runs from this expression to the reference day.
    pub since: bool,
}

impl TimeExpr {
    /// Whether this names a single day, the kind of time a statement is dated by.
    pub fn is_day(&self) -> bool {
        matches!(
            self.value,
            TimeValue::Weekday(_) | TimeValue::DaysAgo(_) | TimeValue::Day { .. } | TimeValue::Holiday(_)
        )
    }

    /// The day this names with its year given ("June 5, 2014"), needing no reference.
    pub fn full_date(&self) -> Option<NaiveDate> {
        match self.value {
            TimeValue::Day {
                month,
                day,
                year: Some(year),
                ..
            } => NaiveDate::from_ymd_opt(year, month, day),
            _ => None,
        }
    }
}

pub fn month_of(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    let starts_month = matches!(
        word.as_bytes().first().map(u8::to_ascii_lowercase),
        Some(b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
    );
    if !(3..=9).contains(&word.len()) || !starts_month {
        return None;
    }
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // Abbreviations, but not "mar" and "may", which are words too often.
    const SHORT: [&str; 12] = [
        "jan", "feb", "", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let is = |m: &str| m.len() == word.len() && m.eq_ignore_ascii_case(word);
    if let Some(i) = FULL.iter().position(|m| is(m)) {
        return Some(i as u32 + 1);
    }
    if is("sept") {
        return Some(9);
    }
    SHORT
        .iter()
        .position(|m| !m.is_empty() && is(m))
        .map(|i| i as u32 + 1)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    if !(6..=9).contains(&word.len()) || !word.as_bytes()[word.len() - 3..].eq_ignore_ascii_case(b"day") {
        return None;
    }
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    DAYS.iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, day)| day)
}

fn day_number(token: Option<&Token<'_>>) -> Option<u32> {
    let token = token?;
    if token.kind != TokenKind::Number {
        // "1st", "29th" arrive as one word token starting with a digit? They are split as
        // number + word by the tokenizer, so only plain digits reach here.
        return None;
    }
    token.text.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(token: Option<&Token<'_>>) -> Option<i32> {
    let token = token?;
    if token.kind != TokenKind::Number || token.text.len() != 4 {
        return None;
    }
    token.text.parse().ok().filter(|y| (1950..=2039).contains(y))
}

fn is_ordinal_suffix(token: Option<&Token<'_>>) -> bool {
    token.is_some_and(|t| {
        !t.space_before
            && ["st", "nd", "rd", "th"]
                .iter()
                .any(|s| s.eq_ignore_ascii_case(t.text))
    })
}

/// Every time expression in `tokens`, left to right, not overlapping.
/// Time expressions among `tokens[range]`; `lowers` holds every token in lower case.
pub fn find_times(all: &[Token<'_>], range: std::ops::Range<usize>, lowers: &Lowers) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let tokens = &all[..range.end];
    let mut i = range.start;
    let lower = |j: usize| if j < range.end { lowers.get(j) } else { "" };
    while i < tokens.len() {
        if let Some(mut expr) = time_at(tokens, i, &lower) {
            expr.since = i > range.start && lower(i - 1) == "since";
            i = expr.end.max(i + 1);
            out.push(expr);
        } else {
            i += 1;
        }
    }
    out
}

fn time_at<'l>(tokens: &[Token<'_>], i: usize, lower: &dyn Fn(usize) -> &'l str) -> Option<TimeExpr> {
    let word = lower(i);
    let expr = |end: usize, value: TimeValue| {
        Some(TimeExpr {
            start: i,
            end,
            value,
            since: false,
        })
    };
    match word {
        "yesterday" => return expr(i + 1, TimeValue::DaysAgo(1)),
        "today" => return expr(i + 1, TimeValue::DaysAgo(0)),
        "past" => match lower(i + 1) {
            "week" => return expr(i + 2, TimeValue::PastDays(7)),
            "month" => return expr(i + 2, TimeValue::PastDays(30)),
            "year" => return expr(i + 2, TimeValue::PastDays(365)),
            _ => {}
        },
        "last" | "this" => {
            let back = u32::from(word != "this");
            if word == "last" && lower(i + 1) == "night" {
                return expr(i + 2, TimeValue::DaysAgo(1));
            }
            match lower(i + 1) {
                "month" => return expr(i + 2, TimeValue::MonthsAgo(back)),
                "week" => return expr(i + 2, TimeValue::WeeksAgo(back)),
                "year" => return expr(i + 2, TimeValue::YearsAgo(back as i32)),
                _ => {}
            }
            if let Some(day) = weekday_of(lower(i + 1)) {
                return expr(i + 2, TimeValue::Weekday(day));
            }
        }
        _ => {}
    }
    // "Sunday's shooting": the day's possessive is the day.
    let bare = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    if let Some(day) = weekday_of(bare) {
        // "Sunday, Dec. 18": the date says which Sunday.
        let date = if tokens.get(i + 1).is_some_and(|t| t.is(',')) {
            i + 2
        } else {
            i + 1
        };
        if let Some(mut dated) = tokens
            .get(date)
            .filter(|t| t.is_capitalised() && month_of(t.text).is_some())
            .and_then(|_| time_at(tokens, date, lower))
        {
            if let TimeValue::Day { weekday, .. } = &mut dated.value {
                *weekday = Some(day);
                return expr(dated.end, dated.value);
            }
        }
        return expr(i + 1, TimeValue::Weekday(day));
    }
    if let Some((end, holiday)) = holiday_at(i, lower) {
        return expr(end, holiday);
    }
    // "between August 1 and 29", "from 1 to 29 August"
    if word == "between" || word == "from" {
        if let Some(range) = day_range_at(tokens, i + 1, lower) {
            return expr(range.end, range.value);
        }
    }
    // "Mar. 13": the abbreviation that is a word too, where its stop and a day say it is
    // March.
    let march = tokens[i].text == "Mar"
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.text == "." && !t.space_before)
        && day_number(tokens.get(i + 2)).is_some();
    if let Some(month) = tokens[i]
        .is_capitalised()
        .then(|| month_of(tokens[i].text).or(march.then_some(3)))
        .flatten()
    {
        // August 1 [, 2017] · Aug. 1 · August 1 and 29 · August 2017 · August
        let abbreviated = tokens
            .get(i + 1)
            .is_some_and(|t| t.text == "." && !t.space_before);
        let at = if abbreviated { i + 2 } else { i + 1 };
        if let Some(day) = day_number(tokens.get(at)) {
            let mut end = at + 1;
            if is_ordinal_suffix(tokens.get(end)) {
                end += 1;
            }
            let year = year_after(tokens, &mut end);
            return expr(
                end,
                TimeValue::Day {
                    month,
                    day,
                    year,
                    weekday: None,
                },
            );
        }
        let mut end = i + 1;
        let year = year_after(tokens, &mut end);
        if year.is_none() && lower(end) == "last" && lower(end + 1) == "year" {
            return expr(
                end + 2,
                TimeValue::Month {
                    month,
                    year: None,
                    years_back: 1,
                },
            );
        }
        return expr(
            end,
            TimeValue::Month {
                month,
                year,
                years_back: 0,
            },
        );
    }
    if let Some(expr) = numeric_date_at(tokens, i) {
        return Some(expr);
    }
    if let Some(day) = day_number(tokens.get(i)) {
        // 1 August [2017]
        let mut next = i + 1;
        if is_ordinal_suffix(tokens.get(next)) {
            next += 1;
        }
        if lower(next) == "of" {
            next += 1;
        }
        if let Some(month) = tokens
            .get(next)
            .filter(|t| t.is_capitalised())
            .and_then(|t| month_of(t.text))
        {
            let mut end = next + 1;
            let year = year_after(tokens, &mut end);
            return expr(
                end,
                TimeValue::Day {
                    month,
                    day,
                    year,
                    weekday: None,
                },
            );
        }
    }
    if let Some(year) = year_number(tokens.get(i)) {
        return expr(i + 1, TimeValue::Year(year));
    }
    None
}

/// "21-02-2016", "24.08.2013", "4/6/2016": day, month and year, day first; "4/27/16" and
/// "3/5/17", American shorthand, month first.
fn numeric_date_at(tokens: &[Token<'_>], i: usize) -> Option<TimeExpr> {
    // "(DOB: 02/14/1977)": a birth date is no day of the story.
    let birth = (1..=2).any(|k| {
        i >= k && {
            let w = tokens[i - k].text.to_ascii_lowercase();
            matches!(w.as_str(), "dob" | "born" | "birth")
        }
    });
    if birth {
        return None;
    }
    let day = day_number(tokens.get(i))?;
    let sep = tokens
        .get(i + 1)
        .filter(|t| !t.space_before && matches!(t.text, "-" | "." | "/"))?;
    let month: u32 = tokens
        .get(i + 2)
        .filter(|t| !t.space_before && t.kind == TokenKind::Number)?
        .text
        .parse()
        .ok()?;
    let same_sep = tokens
        .get(i + 3)
        .is_some_and(|t| !t.space_before && t.text == sep.text);
    let year = same_sep
        .then(|| tokens.get(i + 4).filter(|t| !t.space_before))
        .flatten();
    // "4/27/16": a year of two digits is American shorthand, month first.
    let short_year = (sep.text == "/")
        .then(|| year.filter(|t| t.kind == TokenKind::Number && t.text.len() == 2))
        .flatten()
        .and_then(|t| t.text.parse::<i32>().ok())
        .map(|yy| if yy < 50 { 2000 + yy } else { 1900 + yy });
    let (year, american) = match short_year {
        Some(year) => (year, true),
        None => (year_number(year)?, false),
    };
    // "11/25/2015": American copy puts the month first, as a day past 12 in the month's
    // place shows.
    let (month, day) = if american || month > 12 && sep.text == "/" && (1..=12).contains(&day) {
        (day, month)
    } else {
        (month, day)
    };
    (1..=12).contains(&month).then_some(TimeExpr {
        start: i,
        end: i + 5,
        value: TimeValue::Day {
            month,
            day,
            year: Some(year),
            weekday: None,
        },
        since: false,
    })
}

/// A holiday that copy dates a shooting by: "on New Year's Eve", "during Christmas Day",
/// "on Christmas", "over the Fourth of July", "on Valentine's Day", "a New Year's Eve
/// shooting", "on Easter Sunday", "a Martin Luther King Day shooting". As (end, the day it
/// names). Only after "on", "during" or "over", or before the shooting it dates: a page's
/// promotions name holidays too ("where to celebrate New Year's Eve").
fn holiday_at<'l>(i: usize, lower: &dyn Fn(usize) -> &'l str) -> Option<(usize, TimeValue)> {
    let (end, holiday) = holiday_named(i, lower)?;
    // "over Thanksgiving weekend" is any of the long weekend's days, not the holiday's.
    if matches!(holiday, TimeValue::Holiday(_)) && lower(end) == "weekend" {
        return None;
    }
    let at = if i > 0 && lower(i - 1) == "the" {
        i.checked_sub(2)
    } else {
        i.checked_sub(1)
    };
    // "on New Year's Eve", "in the early hours of New Year's Day".
    let dated = at.is_some_and(|at| {
        matches!(lower(at), "on" | "during" | "over")
            || lower(at) == "of"
                && at > 0
                && matches!(
                    lower(at - 1),
                    "hours" | "minutes" | "moments" | "morning" | "night"
                )
    });
    let dating = matches!(
        lower(end),
        "shooting" | "shootings" | "homicide" | "killing" | "killings" | "slaying" | "gunfire"
    );
    (dated || dating).then_some((end, holiday))
}

/// The holiday a headline (lower case) dates its shooting by, as a day of no year: "Boy
/// charged in fatal New Year's Eve shooting", "girl killed on Christmas Day".
pub(crate) fn holiday_in_headline(headline: &str) -> Option<TimeValue> {
    let words: Vec<&str> = headline
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}'))
        .collect();
    let lower = |k: usize| words.get(k).copied().unwrap_or("");
    (0..words.len())
        .find_map(|i| holiday_at(i, &lower))
        .map(|(_, holiday)| holiday)
}

/// The month a headline (lower case) names its shooting by: "Police seek new leads in
/// November shooting of boy", "Man charged in December's fatal shooting". Not "May", which
/// a headline more often means as a verb.
pub(crate) fn month_in_headline(headline: &str) -> Option<TimeValue> {
    let words: Vec<&str> = headline
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().find_map(|(i, w)| {
        let month = month_of(w).filter(|_| w.len() > 3 && *w != "may")?;
        // Past "'s" (split off as "s") and an adjective: "december's fatal shooting".
        let next = words[i + 1..]
            .iter()
            .copied()
            .find(|w| !matches!(*w, "s" | "fatal" | "deadly" | "double" | "triple" | "drive-by"))?;
        matches!(
            next,
            "shooting" | "shootings" | "slaying" | "killing" | "homicide" | "murder" | "drive-by"
        )
        .then_some(TimeValue::Month {
            month,
            year: None,
            years_back: 0,
        })
    })
}

/// The first day of the week a headline names: "Man killed in Saturday night shooting".
pub(crate) fn weekday_in_headline(headline: &str) -> Option<TimeValue> {
    headline
        .split(|c: char| !c.is_alphanumeric())
        .find_map(weekday_of)
        .map(TimeValue::Weekday)
}

/// The holiday whose name starts at word `i`: where its name ends, and its day.
fn holiday_named<'l>(i: usize, lower: &dyn Fn(usize) -> &'l str) -> Option<(usize, TimeValue)> {
    let possessive = |w: &str, of: &str| {
        w.strip_prefix(of)
            .is_some_and(|rest| matches!(rest, "'s" | "\u{2019}s" | "s"))
    };
    let fixed = |end: usize, month: u32, day: u32| {
        Some((
            end,
            TimeValue::Day {
                month,
                day,
                year: None,
                weekday: None,
            },
        ))
    };
    let movable = |end: usize, holiday: Movable| Some((end, TimeValue::Holiday(holiday)));
    let word = lower(i);
    let next = lower(i + 1);
    match word {
        "new" if possessive(next, "year") => match lower(i + 2) {
            "eve" => fixed(i + 3, 12, 31),
            "day" => fixed(i + 3, 1, 1),
            _ => None,
        },
        "christmas" => match next {
            "eve" => fixed(i + 2, 12, 24),
            "day" | "night" | "morning" | "evening" => fixed(i + 2, 12, 25),
            _ => fixed(i + 1, 12, 25),
        },
        "halloween" => fixed(i + 1, 10, 31),
        "fourth" if next == "of" && lower(i + 2) == "july" => fixed(i + 3, 7, 4),
        "independence" if next == "day" => fixed(i + 2, 7, 4),
        _ if possessive(word, "valentine") && next == "day" => fixed(i + 2, 2, 14),
        // "Martin Luther King Jr. Day", "MLK Day"; not "Martin Luther King Drive".
        "martin" if next == "luther" && lower(i + 2) == "king" => {
            let mut end = i + 3;
            while matches!(lower(end), "jr" | "jr." | "junior" | ".") {
                end += 1;
            }
            if lower(end) != "day" {
                return None;
            }
            movable(end + 1, Movable::MlkDay)
        }
        "mlk" if next == "day" => movable(i + 2, Movable::MlkDay),
        "easter" => match next {
            "sunday" | "day" | "morning" | "night" | "evening" => movable(i + 2, Movable::Easter),
            _ => movable(i + 1, Movable::Easter),
        },
        _ if possessive(word, "mother") && next == "day" => movable(i + 2, Movable::MothersDay),
        _ if possessive(word, "father") && next == "day" => movable(i + 2, Movable::FathersDay),
        "memorial" if next == "day" => movable(i + 2, Movable::MemorialDay),
        "labor" | "labour" if next == "day" => movable(i + 2, Movable::LaborDay),
        "thanksgiving" => match next {
            "day" | "night" | "morning" | "evening" => movable(i + 2, Movable::Thanksgiving),
            "eve" => None,
            _ => movable(i + 1, Movable::Thanksgiving),
        },
        _ => None,
    }
}

fn year_after(tokens: &[Token<'_>], end: &mut usize) -> Option<i32> {
    let mut j = *end;
    if tokens.get(j).is_some_and(|t| t.is(',')) {
        j += 1;
    }
    let year = year_number(tokens.get(j))?;
    *end = j + 1;
    Some(year)
}

fn day_range_at<'l>(tokens: &[Token<'_>], i: usize, lower: &dyn Fn(usize) -> &'l str) -> Option<TimeExpr> {
    let joiner = |w: &str| matches!(w, "and" | "to" | "until" | "through");
    // Month D and D
    if let Some(month) = tokens.get(i).and_then(|t| month_of(t.text)) {
        let first = day_number(tokens.get(i + 1))?;
        if !joiner(lower(i + 2)) {
            return None;
        }
        let (last_month, last, mut end) = match tokens.get(i + 3).and_then(|t| month_of(t.text)) {
            Some(m) => (m, day_number(tokens.get(i + 4))?, i + 5),
            None => (month, day_number(tokens.get(i + 3))?, i + 4),
        };
        let year = year_after(tokens, &mut end);
        return Some(TimeExpr {
            since: false,
            start: i,
            end,
            value: TimeValue::DayRange {
                month,
                first,
                last_month,
                last,
                year,
            },
        });
    }
    // D and D Month
    let first = day_number(tokens.get(i))?;
    if !joiner(lower(i + 1)) {
        return None;
    }
    let last = day_number(tokens.get(i + 2))?;
    let month = tokens.get(i + 3).and_then(|t| month_of(t.text))?;
    let mut end = i + 4;
    let year = year_after(tokens, &mut end);
    Some(TimeExpr {
        since: false,
        start: i,
        end,
        value: TimeValue::DayRange {
            month,
            first,
            last_month: month,
            last,
            year,
        },
    })
}

/// The year of the most recent `month` (and `day`) on or before `reference`.
/// How many days after the reference a day without its year may be and still be of the
/// reference's year, not the year before.
const NEAR_FUTURE_DAYS: i64 = 7;

fn year_back(month: u32, day: u32, reference: NaiveDate) -> i32 {
    // A day a week or less after the reference is of its year: a page updated after the
    // day it is stamped with ("March 12 update"), or a hearing set for next week.
    let soon = NaiveDate::from_ymd_opt(reference.year(), month, day)
        .is_some_and(|d| d > reference && (d - reference).num_days() <= NEAR_FUTURE_DAYS);
    if soon {
        return reference.year();
    }
    if (month, day) > (reference.month(), reference.day()) {
        reference.year() - 1
    } else {
        reference.year()
    }
}

/// The period an expression covers: what it names, or from it to `reference` after "since".
pub fn resolve_expr(expr: &TimeExpr, reference: NaiveDate) -> Option<Period> {
    let period = resolve(expr.value, reference)?;
    Some(if expr.since {
        Period {
            start: period.start,
            end: Some(reference),
        }
    } else {
        period
    })
}

/// The period an expression names, looking backwards from `reference`.
pub fn resolve(value: TimeValue, reference: NaiveDate) -> Option<Period> {
    Some(match value {
        TimeValue::Weekday(day) => {
            let back = (reference.weekday().num_days_from_monday() + 7 - day.num_days_from_monday()) % 7;
            Period::day(reference - Duration::days(back.into()))
        }
        TimeValue::DaysAgo(n) => Period::day(reference - Duration::days(n)),
        TimeValue::Day {
            month,
            day,
            year,
            weekday,
        } => {
            // "Friday, May 13" in copy stamped May 9: the year whose May 13 is a Friday,
            // where the last May 13 before the reference is not and the next one is.
            let back = year_back(month, day, reference);
            let named = weekday.and_then(|w| {
                (back..=back + 1)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                    .find(|d| d.weekday() == w)
            });
            match (year, named) {
                (None, Some(date)) => Period::day(date),
                _ => Period::day(NaiveDate::from_ymd_opt(year.unwrap_or(back), month, day)?),
            }
        }
        TimeValue::DayRange {
            month,
            first,
            last_month,
            last,
            year,
        } => {
            let year = year.unwrap_or_else(|| year_back(month, first, reference));
            let end_year = if last_month < month { year + 1 } else { year };
            Period::range(
                NaiveDate::from_ymd_opt(year, month, first)?,
                NaiveDate::from_ymd_opt(end_year, last_month, last)?,
            )
        }
        TimeValue::Month {
            month,
            year,
            years_back,
        } => {
            let year = match year {
                Some(y) => y,
                None if years_back > 0 => reference.year() - years_back,
                None => year_back(month, 1, reference),
            };
            Period::month_of(NaiveDate::from_ymd_opt(year, month, 1)?)
        }
        TimeValue::MonthsAgo(n) => {
            let mut first = reference.with_day(1)?;
            for _ in 0..n {
                first = first.pred_opt()?.with_day(1)?;
            }
            Period::month_of(first)
        }
        TimeValue::WeeksAgo(n) => {
            let monday = reference - Duration::days(reference.weekday().num_days_from_monday().into());
            let start = monday - Duration::days(7 * i64::from(n));
            let end = if n == 0 {
                reference
            } else {
                start + Duration::days(6)
            };
            Period::range(start, end)
        }
        TimeValue::PastDays(n) => Period::range(reference - Duration::days(n - 1), reference),
        TimeValue::YearsAgo(n) => year_period(reference.year() - n)?,
        TimeValue::Year(y) => year_period(y)?,
        // The holiday last before the reference, or on it.
        TimeValue::Holiday(holiday) => {
            let this_year = holiday.in_year(reference.year())?;
            Period::day(if this_year <= reference {
                this_year
            } else {
                holiday.in_year(reference.year() - 1)?
            })
        }
    })
}

fn year_period(year: i32) -> Option<Period> {
    Some(Period::range(
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn check(text: &str, reference: &str, expected: &str) {
        let tokens = tokenize(text);
        let lowers = Lowers::new(text, &tokens);
        let reference: NaiveDate = reference.parse().unwrap();
        let found: Vec<String> = find_times(&tokens, 0..tokens.len(), &lowers)
            .iter()
            .map(|t| {
                let p = resolve_expr(t, reference).unwrap();
                format!("{}..{}", p.start.unwrap(), p.end.unwrap())
            })
            .collect();
        assert_eq!(found.join(" "), expected, "reading {text:?}");
    }

    #[test]
    fn relative_dates_resolve_backwards() {
        // Each text, the day it is read from, and what it names. 2017-09-01 was a Friday.
        for (text, reference, expected) in [
            ("made public Wednesday", "2017-09-01", "2017-08-30..2017-08-30"),
            ("up from 645 last month", "2017-08-31", "2017-07-01..2017-07-31"),
            ("during August alone", "2017-09-01", "2017-08-01..2017-08-31"),
            (
                "Between August 1 and 29, the coalition",
                "2017-08-31",
                "2017-08-01..2017-08-29",
            ),
            ("in November last year", "2017-09-01", "2016-11-01..2016-11-30"),
            ("in December", "2017-09-01", "2016-12-01..2016-12-31"),
            ("on 4 April 2017", "2017-09-01", "2017-04-04..2017-04-04"),
            (
                "on Sept. 15, 2015, police said",
                "2017-09-01",
                "2015-09-15..2015-09-15",
            ),
            ("shot Jan. 3 outside", "2017-09-01", "2017-01-03..2017-01-03"),
            ("killed on Mar. 13 in", "2017-09-01", "2017-03-13..2017-03-13"),
            (
                "the suspect in Wednesday's shooting",
                "2017-09-01",
                "2017-08-30..2017-08-30",
            ),
            (
                "Created: 11/25/2015 4:15 PM",
                "2016-03-06",
                "2015-11-25..2015-11-25",
            ),
            // A year of two digits is American shorthand, month first.
            ("himself early 4/27/16.", "2016-04-28", "2016-04-27..2016-04-27"),
            ("on 3/5/17 in the", "2017-03-09", "2017-03-05..2017-03-05"),
            // A birth date is no day of the story; its year is a year.
            (
                "Martin Rockwell (DOB: 02/14/1977)",
                "2016-12-18",
                "1977-01-01..1977-12-31",
            ),
            ("a Mar of Spain", "2017-09-01", ""),
            (
                "died Sunday, Dec. 18, after",
                "2017-01-03",
                "2016-12-18..2016-12-18",
            ),
            ("shot Friday, May 13, at", "2016-05-09", "2016-05-13..2016-05-13"),
            // A page updated after the day it is stamped with names days a little later
            // than its stamp: of its year, not the year before. A month later is last year's.
            ("arrested April 8 in", "2016-04-04", "2016-04-08..2016-04-08"),
            ("shot May 8 in", "2016-04-04", "2015-05-08..2015-05-08"),
            ("shot on New Year's Eve", "2017-01-03", "2016-12-31..2016-12-31"),
            (
                "killed in the early morning hours of New Year's Day",
                "2017-01-04",
                "2017-01-01..2017-01-01",
            ),
            (
                "wounded on Christmas night",
                "2017-01-03",
                "2016-12-25..2016-12-25",
            ),
            (
                "shot over the Fourth of July weekend",
                "2016-07-06",
                "2016-07-04..2016-07-04",
            ),
            ("where to celebrate New Year's Eve", "2017-01-03", ""),
            // Holidays whose day moves with the year: the one last before the report.
            (
                "a Martin Luther King Jr. Day shooting",
                "2015-03-09",
                "2015-01-19..2015-01-19",
            ),
            ("shot on MLK Day", "2017-03-03", "2017-01-16..2017-01-16"),
            ("shot on Easter Sunday", "2016-04-07", "2016-03-27..2016-03-27"),
            ("killed on Easter", "2016-03-20", "2015-04-05..2015-04-05"),
            (
                "wounded on Thanksgiving night",
                "2016-12-19",
                "2016-11-24..2016-11-24",
            ),
            ("shot over Thanksgiving weekend", "2016-12-02", ""),
            ("killed on Mother's Day", "2015-05-15", "2015-05-10..2015-05-10"),
            ("shot during Labor Day", "2014-09-04", "2014-09-01..2014-09-01"),
            ("a Martin Luther King Drive shooting", "2015-03-09", ""),
            (
                "charged in fatal New Year's Eve shooting",
                "2017-01-03",
                "2016-12-31..2016-12-31",
            ),
            ("tickets for a New Year's Eve gala", "2017-01-03", ""),
            (
                "shot Wednesday, November 11",
                "2016-11-23",
                "2016-11-11..2016-11-11",
            ),
            ("yesterday", "2017-09-01", "2017-08-31..2017-08-31"),
            ("in the past week", "2017-11-02", "2017-10-27..2017-11-02"),
            ("last week", "2017-09-01", "2017-08-21..2017-08-27"),
            ("a strike on Friday", "2017-09-01", "2017-09-01..2017-09-01"),
            ("killed since June", "2017-10-15", "2017-06-01..2017-10-15"),
            (
                "21-02-2016 Blasts kill 50",
                "2016-02-21",
                "2016-02-21..2016-02-21",
            ),
        ] {
            check(text, reference, expected);
        }
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        check("strikes may breach law", "2017-09-01", "");
    }
}
