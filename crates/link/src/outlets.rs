//! The register of outlets and monitors: who published a report, and for whom they speak.
//!
//! Built in from `data/outlets.toml`; a user's tables (same form) add outlets, or aliases
//! and domains to those already there. A report's outlet is found by the name its feed or
//! page gives ("reuters", "Agence France-Presse") or by its address's host.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

const BUILTIN: &str = include_str!("../data/outlets.toml");

/// Who an outlet is, as casualty recorders weigh sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Affiliation {
    Wire,
    Independent,
    State,
    Party,
    Opposition,
    Monitor,
    Belligerent,
}

impl Affiliation {
    /// Whether the outlet speaks for a side: state or party media, the opposition, a
    /// belligerent's own statements. Corroboration by such outlets alone is not enough.
    pub fn is_partisan(self) -> bool {
        matches!(
            self,
            Affiliation::State | Affiliation::Party | Affiliation::Opposition | Affiliation::Belligerent
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Affiliation::Wire => "wire service",
            Affiliation::Independent => "independent outlet",
            Affiliation::State => "state media",
            Affiliation::Party => "party media",
            Affiliation::Opposition => "opposition",
            Affiliation::Monitor => "monitor",
            Affiliation::Belligerent => "belligerent's statement",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Outlet {
    pub name: String,
    pub affiliation: Affiliation,
    #[serde(default)]
    pub country: Option<String>,
    /// The belligerents it speaks for, named as the actor lexicon names them.
    #[serde(default)]
    pub parties: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub domains: Vec<String>,
}

#[derive(Deserialize)]
struct Table {
    #[serde(default)]
    outlet: Vec<Outlet>,
}

#[derive(Debug, thiserror::Error)]
#[error("outlet table {origin}: {message}")]
pub struct RegisterError {
    pub origin: String,
    pub message: String,
}

/// Every known outlet, found by name, alias or domain.
#[derive(Debug, Clone)]
pub struct Register {
    outlets: Vec<Outlet>,
    /// Lower-cased names, aliases and domains → index into `outlets`.
    keys: HashMap<String, usize>,
}

impl Register {
    /// The register shipped with tally, parsed once for the process.
    pub fn builtin() -> &'static Register {
        static BUILT_IN: std::sync::LazyLock<Register> = std::sync::LazyLock::new(|| {
            Register::with_tables(&[]).expect("the built-in outlet register parses")
        });
        &BUILT_IN
    }

    /// The built-in register extended by a user's tables, given as (origin, TOML text).
    /// An outlet of a name already known adds its aliases and domains to it, and replaces
    /// its affiliation, country and parties where it gives them.
    pub fn with_tables(tables: &[(String, String)]) -> Result<Register, RegisterError> {
        let mut register = Register {
            outlets: Vec::new(),
            keys: HashMap::new(),
        };
        let builtin = ("outlets.toml (built in)".to_string(), BUILTIN.to_string());
        for (origin, text) in std::iter::once(&builtin).chain(tables) {
            let table: Table = toml::from_str(text).map_err(|e| RegisterError {
                origin: origin.clone(),
                message: e.to_string(),
            })?;
            for outlet in table.outlet {
                register.add(outlet);
            }
        }
        Ok(register)
    }

    fn add(&mut self, outlet: Outlet) {
        let index = match self.keys.get(&outlet.name.to_lowercase()) {
            Some(&i) if self.outlets[i].name.eq_ignore_ascii_case(&outlet.name) => {
                let known = &mut self.outlets[i];
                known.affiliation = outlet.affiliation;
                if outlet.country.is_some() {
                    known.country.clone_from(&outlet.country);
                }
                if !outlet.parties.is_empty() {
                    known.parties.clone_from(&outlet.parties);
                }
                known.aliases.extend(outlet.aliases.iter().cloned());
                known.domains.extend(outlet.domains.iter().cloned());
                i
            }
            _ => {
                self.outlets.push(outlet.clone());
                self.outlets.len() - 1
            }
        };
        let names = std::iter::once(&outlet.name)
            .chain(&outlet.aliases)
            .chain(&outlet.domains);
        for key in names {
            self.keys.insert(key.to_lowercase(), index);
        }
    }

    pub fn len(&self) -> usize {
        self.outlets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.outlets.is_empty()
    }

    /// The outlet a report's outlet name or host stands for: the name or an alias, ignoring
    /// case, else the host or one of its parent domains ("english.alarabiya.net").
    pub fn resolve(&self, outlet: &str) -> Option<&Outlet> {
        let key = outlet.trim().to_lowercase();
        if let Some(&i) = self.keys.get(&key) {
            return Some(&self.outlets[i]);
        }
        let mut host = key.strip_prefix("www.").unwrap_or(&key);
        while let Some((_, parent)) = host.split_once('.') {
            if let Some(&i) = self.keys.get(host) {
                return Some(&self.outlets[i]);
            }
            if !parent.contains('.') {
                break;
            }
            host = parent;
        }
        None
    }
}

impl Register {
    /// The outlet a report's own copy credits, for a scrape that names none: a wire's
    /// credit in its dateline ("TULSA, Okla. (AP) —"), else the outlet most often given
    /// interviews ("a local journalist told RT"): a story's own reporters are who people
    /// talk to in it.
    pub fn credited(&self, body: &str) -> Option<&Outlet> {
        let head = &body[..floor_boundary(body, 400)];
        let mut rest = head;
        while let Some(open) = rest.find('(') {
            let after = &rest[open + 1..];
            let Some(close) = after.find(')') else { break };
            let dash = after[close + 1..].trim_start().starts_with(['—', '–', '-', ':']);
            if dash {
                if let Some(outlet) = self.resolve(&after[..close]) {
                    return Some(outlet);
                }
            }
            rest = &after[close + 1..];
        }
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for (at, _) in body.match_indices("told ") {
            let words: Vec<&str> = body[at + 5..]
                .split(' ')
                .take(4)
                .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
                .collect();
            // The longest run of capitalised words that names an outlet: "told Al Jazeera,".
            let found = (1..=words.len()).rev().find_map(|n| {
                let name = words[..n].join(" ");
                let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
                let outlet = self.resolve(name)?;
                self.outlets.iter().position(|o| std::ptr::eq(o, outlet))
            });
            if let Some(i) = found {
                match counts.iter_mut().find(|(o, _)| *o == i) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((i, 1)),
                }
            }
        }
        let (best, _) = counts.into_iter().rev().max_by_key(|&(_, n)| n)?;
        Some(&self.outlets[best])
    }
}

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// How far from the end of a body a credit line is looked for.
const CREDIT_TAIL_BYTES: usize = 600;

/// "Copyright 2017 WBRC", "Copyright 2016 by KSAT", "(© 2016 KENS)": a call sign (K or W
/// and two or three capitals, with "-TV" at times) after a year.
static CREDIT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?:Copyright|©|\(c\))\s*(?:©\s*)?(?:19|20)\d\d,?\s+(?:by\s+)?(?P<station>[KW][A-Z]{2,3}(?:-(?:TV|DT))?)\b",
    )
    .expect("the credit pattern compiles")
});

/// The station a broadcaster's copy credits itself to, by its call sign.
///
/// Station groups post one another's stories on every site they run: a Birmingham
/// station's report of a Birmingham shooting also appears on a Columbus, Georgia site,
/// ending "Copyright 2017 WBRC. All rights reserved." The site says where the page was
/// posted; the credit says who reported it, and so from which state
/// ([`crate::homes`]).
pub fn credited_station(body: &str) -> Option<String> {
    let mut start = body.len().saturating_sub(CREDIT_TAIL_BYTES);
    while !body.is_char_boundary(start) {
        start += 1;
    }
    CREDIT
        .captures_iter(&body[start..])
        .last()
        .map(|c| c["station"].to_string())
}

/// Who published a report, as linking keeps it: the outlet its feed or page names, else
/// the host of its address ("chicagotribune.com"), looking through an archive's address
/// (`web.archive.org/web/2014…/http://www.waff.com/…`) to the page it archived.
pub fn publisher(outlet: Option<&str>, url: Option<&str>) -> Option<String> {
    if let Some(name) = outlet.map(str::trim).filter(|o| !o.is_empty()) {
        return Some(name.to_string());
    }
    let mut url = url?.trim();
    loop {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next()?.to_lowercase();
        // One outlet whether read on its main, mobile or AMP site: "m.wsbtv.com" is wsbtv.com.
        let host = ["www.", "m.", "mobile.", "amp."]
            .iter()
            .find_map(|prefix| host.strip_prefix(prefix).filter(|rest| rest.contains('.')))
            .unwrap_or(&host)
            .to_string();
        // An archived page: its own address follows the archive's timestamp.
        if host == "web.archive.org" {
            if let Some(inner) = rest.find("/http").map(|i| &rest[i + 1..]) {
                url = inner;
                continue;
            }
        }
        return (!host.is_empty()).then_some(host);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_station_credits_its_copy() {
        let body = "Police said a teen was shot near a park.\n\nCopyright 2017 WBRC. All rights reserved.";
        assert_eq!(credited_station(body).as_deref(), Some("WBRC"));
        let body = "Two men were hurt.\n\nCopyright 2016 by KSAT - All rights reserved.";
        assert_eq!(credited_station(body).as_deref(), Some("KSAT"));
        let body = "A man died.\n\n(© 2016 KENS)";
        assert_eq!(credited_station(body).as_deref(), Some("KENS"));
        let body = "A man died.\n\nCopyright 2017 WGCL-TV (Meredith Corporation). All rights reserved.";
        assert_eq!(credited_station(body).as_deref(), Some("WGCL-TV"));
        // A wire's or a newspaper's credit names no station.
        assert_eq!(
            credited_station("A man died.\n\nCopyright 2017 The Associated Press."),
            None
        );
        assert_eq!(credited_station("A man died. He was 40."), None);
    }

    #[test]
    fn outlets_are_found_by_name_alias_and_domain() {
        let register = Register::builtin();
        assert_eq!(register.resolve("reuters").unwrap().name, "Reuters");
        assert_eq!(register.resolve("Agence France-Presse").unwrap().name, "AFP");
        assert_eq!(
            register.resolve("www.rt.com").unwrap().affiliation,
            Affiliation::State
        );
        assert_eq!(
            register.resolve("english.alarabiya.net").unwrap().name,
            "Al Arabiya"
        );
        assert_eq!(
            register.resolve("etilaf").unwrap().affiliation,
            Affiliation::Opposition
        );
        assert!(register.resolve("chicagotribune.com").is_none());
    }

    #[test]
    fn a_users_table_adds_outlets_and_aliases() {
        let mine = r#"
            [[outlet]]
            name = "Raqqa Is Being Slaughtered Silently"
            affiliation = "monitor"
            aliases = ["RBSS"]

            [[outlet]]
            name = "Reuters"
            affiliation = "wire"
            aliases = ["Reuters Arabic"]
        "#;
        let register = Register::with_tables(&[("mine.toml".into(), mine.into())]).unwrap();
        assert_eq!(
            register.resolve("rbss").unwrap().affiliation,
            Affiliation::Monitor
        );
        assert_eq!(register.resolve("Reuters Arabic").unwrap().name, "Reuters");
        assert_eq!(register.len(), Register::builtin().len() + 1);
        let broken = Register::with_tables(&[("bad.toml".into(), "[[outlet]]\nname = 3".into())]);
        assert!(broken
            .unwrap_err()
            .to_string()
            .starts_with("outlet table bad.toml"));
    }

    #[test]
    fn a_scrape_is_credited_to_its_wire_or_to_whom_people_spoke() {
        let register = Register::builtin();
        let credit = |text: &str| register.credited(text).map(|o| o.name.as_str());
        assert_eq!(
            credit("TULSA, Okla. (AP) — A man was shot."),
            Some("Associated Press")
        );
        assert_eq!(
            credit("A resident of the city told RT on Monday. \"We cannot leave,\" the activist told RT."),
            Some("RT")
        );
        assert_eq!(
            credit("The ministry (in Damascus) said nothing. A man told police."),
            None
        );
    }

    #[test]
    fn a_publisher_is_the_named_outlet_else_the_archived_pages_host() {
        assert_eq!(publisher(Some("sana"), Some("https://x.org/a")).unwrap(), "sana");
        assert_eq!(
            publisher(
                None,
                Some("http://web.archive.org/web/20140215012040/http://www.waff.com:80/story/24426895/x")
            )
            .unwrap(),
            "waff.com"
        );
        assert_eq!(
            publisher(Some(" "), Some("https://www.rt.com/news/1")).unwrap(),
            "rt.com"
        );
        assert_eq!(publisher(None, None), None);
    }

    #[test]
    fn an_outlets_mobile_site_is_the_outlet() {
        let host = |url: &str| publisher(None, Some(url)).unwrap();
        assert_eq!(host("http://m.wsbtv.com:80/news/local/x"), "wsbtv.com");
        assert_eq!(host("https://amp.example-news.com/story/1"), "example-news.com");
        // A name of its own that starts so is kept.
        assert_eq!(host("https://m.com/a"), "m.com");
        assert_eq!(host("https://mobile.example.com/a"), "example.com");
    }
}
