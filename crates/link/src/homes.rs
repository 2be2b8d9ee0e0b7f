//! Outlets' home states, learnt from the ledger.
//!
//! A local station's copy names a street and a suburb and takes its state for granted
//! ("the Beech Grove robbery"). What the rest of its reports say does not: an outlet most of
//! whose reports the extractor placed in one state of the United States reports from that
//! state, and its reports that name no state are read again as from there
//! (`tally_extract::extract_from`). The evidence is each report's own reading, without any
//! home, so that a learnt home never feeds itself.

use std::collections::BTreeMap;

/// How many of an outlet's reports must agree on a state.
pub const HOME_REPORTS: usize = 2;

/// The share of an outlet's placed reports that must agree on it.
pub const HOME_SHARE: f64 = 0.6;

/// An outlet's home state and what it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Home {
    pub outlet: String,
    pub state: String,
    /// Its reports placed in the state…
    pub reports: usize,
    /// …of its reports placed in any state.
    pub of: usize,
}

/// The home of every outlet at least [`HOME_REPORTS`] of whose reports, and at least
/// [`HOME_SHARE`] of those placed in any state, are placed in one state. `reports` gives, for
/// an outlet and a US state, how many of its reports their own reading puts there. By
/// outlet name.
pub fn learn<'a>(reports: impl IntoIterator<Item = (&'a str, &'a str, usize)>) -> Vec<Home> {
    let mut by_outlet: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for (outlet, state, n) in reports {
        *by_outlet.entry(outlet).or_default().entry(state).or_default() += n;
    }
    by_outlet
        .into_iter()
        .filter_map(|(outlet, states)| {
            let of: usize = states.values().sum();
            // Ties go to the state first in the alphabet.
            let (state, reports) = states
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
            (reports >= HOME_REPORTS && reports as f64 >= HOME_SHARE * of as f64).then(|| Home {
                outlet: outlet.to_string(),
                state: state.to_string(),
                reports,
                of,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outlet_is_at_home_where_most_of_its_reports_are() {
        let reports = [
            ("wtvx.com", "Ohio"),
            ("wtvx.com", "Ohio"),
            ("wtvx.com", "Indiana"),
            ("wtvx.com", "Ohio"),
            // Split down the middle: no home.
            ("national.com", "Texas"),
            ("national.com", "Texas"),
            ("national.com", "Maine"),
            ("national.com", "Maine"),
            // One report is no evidence.
            ("once.com", "Iowa"),
        ];
        let homes = learn(reports.map(|(o, s)| (o, s, 1)));
        assert_eq!(
            homes,
            [Home {
                outlet: "wtvx.com".into(),
                state: "Ohio".into(),
                reports: 3,
                of: 4
            }]
        );
    }
}
