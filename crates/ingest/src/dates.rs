//! Absolute dates as reports print them in datelines and bylines.
//!
//! Written by hand because the forms are the messy ones scrapes leave behind
//! ("Last updated at Apr 232017", "AFP Monday 2 Feb 2015"); general date parsers
//! want one known format per call.

use chrono::{NaiveDate, NaiveTime};
use regex::Regex;
use std::sync::LazyLock;
use tally_core::Published;

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const YEAR: &str = r"(?:19[89]\d|20[0-3]\d)";

/// One date found in text, with where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub published: Published,
    pub start: usize,
    pub end: usize,
}

struct Patterns {
    day_month_year: Regex,
    month_day_year: Regex,
    month_dayyear: Regex,
    numeric_dmy: Regex,
    iso: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let time =
        r"(?:,?\s+(?:at\s+)?(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?)?";
    let build = |pattern: String| Regex::new(&pattern).expect("date pattern compiles");
    Patterns {
        // 1 Sep, 2017 05:22 · Wed 05 Apr 2017 · Saturday 10 December 2016 14:47
        day_month_year: build(format!(
            r"(?i)\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH}),?\s+(?P<y>{YEAR})\b{time}"
        )),
        // Published July 5 2015 · Sat Aug 31 2013 · April 2, 2017
        month_day_year: build(format!(
            r"(?i)\b(?P<m>{MONTH})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR})\b{time}"
        )),
        // Last updated at Apr 232017: the day and year run together.
        month_dayyear: build(format!(r"(?i)\b(?P<m>{MONTH})\s+(?P<d>[0-3]?\d)(?P<y>{YEAR})\b")),
        // 24.08.2013 · 15-09-2013 · 10/11/2014, day first as outside the US.
        numeric_dmy: build(format!(
            r"\b(?P<d>[0-3]?\d)[./-](?P<m>[01]?\d)[./-](?P<y>{YEAR})\b{time}"
        )),
        iso: build(format!(
            r"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?"
        )),
    }
});

/// The month number of an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months.iter().position(|m| *m == prefix).map(|i| i as u32 + 1)
}

fn published_from(caps: &regex::Captures<'_>, month_is_name: bool) -> Option<Published> {
    let year: i32 = caps.name("y")?.as_str().parse().ok()?;
    let day: u32 = caps.name("d")?.as_str().parse().ok()?;
    let month = if month_is_name {
        month_number(caps.name("m")?.as_str())?
    } else {
        caps.name("m")?.as_str().parse().ok()?
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let time = caps.name("h").zip(caps.name("mi")).and_then(|(h, mi)| {
        let mut hour: u32 = h.as_str().parse().ok()?;
        let minute: u32 = mi.as_str().parse().ok()?;
        if let Some(ampm) = caps.name("ampm") {
            let pm = ampm.as_str().starts_with(['p', 'P']);
            hour = match (pm, hour) {
                (true, h) if h < 12 => h + 12,
                (false, 12) => 0,
                (_, h) => h,
            };
        }
        NaiveTime::from_hms_opt(hour, minute, 0)
    });
    Some(match time {
        Some(time) => Published::DateTime(date.and_time(time)),
        None => Published::Date(date),
    })
}

/// Every absolute date in `text`, in order of position; overlapping readings keep the first.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let p = &*PATTERNS;
    let mut found: Vec<FoundDate> = Vec::new();
    let passes: [(&Regex, bool); 5] = [
        (&p.iso, false),
        (&p.day_month_year, true),
        (&p.month_day_year, true),
        (&p.month_dayyear, true),
        (&p.numeric_dmy, false),
    ];
    for (regex, named_month) in passes {
        for caps in regex.captures_iter(text) {
            let whole = caps.get(0).expect("group 0 always matches");
            let Some(published) = published_from(&caps, named_month) else {
                continue;
            };
            let overlaps = found
                .iter()
                .any(|f| f.start < whole.end() && whole.start() < f.end);
            if !overlaps {
                found.push(FoundDate {
                    published,
                    start: whole.start(),
                    end: whole.end(),
                });
            }
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

/// The date a report carries near its top: the first absolute date within `window` bytes.
pub fn find_dateline(text: &str, window: usize) -> Option<FoundDate> {
    let mut cut = window.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    find_dates(&text[..cut]).into_iter().next()
}

/// The archive's capture day, and the rest of the address: the page's own.
static CAPTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"web\.archive\.org/web/(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)\d*[a-z_]*/").expect("compiles")
});

/// A day in a page's address: `/2016/07/19/`, `/20150916/`, `/2016-07-19-`.
static IN_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:/(?P<y1>(?:19|20)\d\d)/(?P<m1>[01]\d)/(?P<d1>[0-3]\d)(?:[/.-]|$))|(?:[/-](?P<y2>(?:19|20)\d\d)-?(?P<m2>[01]\d)-?(?P<d2>[0-3]\d)(?:[/._-]|$))",
    )
    .expect("compiles")
});

/// How many days after the day in its address a page's own date may be and still be the
/// day of its text: a story revised the next morning.
const REVISED_DAYS: i64 = 2;

/// A report's day bounded by its address. A page the web archive captured was published
/// by the capture's day, whatever later date a feed gives it; and a day its own address
/// carries (`/news/20160719/…`) is when it first ran, before any later revision.
pub fn bounded_by_url(published: Option<Published>, url: Option<&str>) -> Option<Published> {
    let Some(url) = url else {
        return published;
    };
    let day = |y: &str, m: &str, d: &str| {
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    };
    let capture = CAPTURE.captures(url);
    let captured = capture.as_ref().and_then(|c| day(&c["y"], &c["m"], &c["d"]));
    let page = capture
        .as_ref()
        .map_or(url, |c| &url[c.get(0).map_or(0, |m| m.end())..]);
    let in_path = IN_PATH.captures(page).and_then(|c| {
        let part = |a: &str, b: &str| c.name(a).or_else(|| c.name(b)).map(|m| m.as_str());
        day(part("y1", "y2")?, part("m1", "m2")?, part("d1", "d2")?)
    });
    let mut published = published;
    if let Some(first) = in_path.filter(|&d| captured.is_none_or(|c| d <= c)) {
        // A story revised a day or two after it first ran is dated by the revision: the
        // days it names ("Wednesday") are counted from it.
        if published.is_none_or(|p| (p.date() - first).num_days() > REVISED_DAYS) {
            published = Some(Published::Date(first));
        }
    }
    match (published, captured) {
        (Some(p), Some(c)) if p.date() > c => Some(Published::Date(c)),
        _ => published,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_bounds_the_day() {
        let bound = |published: &str, url: &str| {
            bounded_by_url(Published::parse(published), Some(url)).map(|p| p.to_string())
        };
        // Captured before the day a feed gives: published by the capture.
        let captured = "http://web.archive.org/web/20160202154203/http://www.example.com/article/x";
        assert_eq!(bound("2017-01-28", captured).as_deref(), Some("2016-02-02"));
        // The page's address tells when it first ran.
        let dated =
            "http://web.archive.org/web/20160720180349/http://www.example.com/news/20160719/girl-grazed";
        assert_eq!(bound("2017-01-29", dated).as_deref(), Some("2016-07-19"));
        let slashed = "http://example.com/2016/07/19/girl-grazed/";
        assert_eq!(bound("2016-07-25", slashed).as_deref(), Some("2016-07-19"));
        // Revised the next day: the revision's day is the text's.
        assert_eq!(bound("2016-07-20", slashed).as_deref(), Some("2016-07-20"));
        // A day the feed gives before either is kept, and a story number is no day.
        assert_eq!(bound("2016-07-18", slashed).as_deref(), Some("2016-07-18"));
        let numbered = "http://web.archive.org/web/20170316043353/http://www.example.com/story/34263728/x";
        assert_eq!(bound("2017-01-15", numbered).as_deref(), Some("2017-01-15"));
        assert_eq!(
            bounded_by_url(None, Some(slashed))
                .map(|p| p.to_string())
                .as_deref(),
            Some("2016-07-19")
        );
    }

    fn check(text: &str, expected: &str) {
        let found = find_dateline(text, 400).map(|f| f.published.to_string());
        assert_eq!(found.as_deref(), Some(expected), "reading {text:?}");
    }

    #[test]
    fn dateline_forms() {
        check("1 Sep, 2017 05:22", "2017-09-01T05:22:00");
        check("Wed 05 Apr 2017 Blast kills four", "2017-04-05");
        check("Date of publication 7 July 2016 Shelling", "2016-07-07");
        check("Published July 5 2015 At least", "2015-07-05");
        check("Last updated at Apr 232017 Strikes", "2017-04-23");
        check("24.08.2013 Rebels say", "2013-08-24");
        check("15-09-2013 Army shells", "2013-09-15");
        check("Posted on April 2 2017 by staff", "2017-04-02");
        check(
            "Raids hit market town AFP Monday 2 Feb 2015 Warplanes",
            "2015-02-02",
        );
        check("Saturday 10 December 2016 14:47 Minister", "2016-12-10T14:47:00");
        check("Sun Sep 4 2016 Army kills", "2016-09-04");
        check("2017-09-01T05:22 report", "2017-09-01T05:22:00");
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert_eq!(find_dateline("31 Feb 2017 and 45.13.2017", 400), None);
        assert_eq!(find_dateline("killed 12 people in 2017", 400), None);
    }
}
