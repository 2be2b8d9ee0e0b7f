//! Lexicons of actors and places, compiled once into matchers over report text.
//!
//! Both are TOML tables embedded in the binary; a user's tables (read by the caller, since
//! extraction does no I/O) add entries or spellings without a rebuild.

use crate::tokens::{tokenize, Lowers, Token, TokenKind};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::ops::Range;
use tally_core::{Actor, ActorType, Place, Span};

use crate::ExtractError;

pub const DEFAULT_ACTORS: &str = include_str!("../data/actors.toml");
pub const DEFAULT_PLACES: &str = include_str!("../data/places.toml");
/// Derived from GeoNames by `scripts/build_gazetteer.py`.
pub const GEONAMES: &str = include_str!("../data/geonames.tsv");
/// The counties of the United States with their states (`scripts/build_gazetteer.py`).
pub const US_COUNTIES: &str = include_str!("../data/us_counties.tsv");

#[derive(Debug, Clone, Deserialize)]
pub struct ActorEntry {
    pub name: String,
    #[serde(rename = "type")]
    pub actor_type: ActorType,
    pub country: Option<String>,
    /// False for bodies that report harm but are not a party that causes it.
    pub perpetrator: Option<bool>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl ActorEntry {
    pub fn can_perpetrate(&self) -> bool {
        self.perpetrator.unwrap_or(matches!(
            self.actor_type,
            ActorType::StateForces
                | ActorType::ForeignState
                | ActorType::Coalition
                | ActorType::ArmedGroup
                | ActorType::Militia
        ))
    }

    pub fn actor(&self) -> Actor {
        Actor {
            name: self.name.clone(),
            actor_type: self.actor_type,
            country: self.country.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct PlaceEntry {
    #[serde(flatten)]
    pub place: Place,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// People living there, where GeoNames says.
    #[serde(default)]
    pub population: u64,
}

impl PlaceEntry {
    pub fn place(&self) -> Place {
        self.place.clone()
    }
}

/// What the actor lexicon and the gazetteer share: a name and its other spellings.
pub trait LexiconEntry: serde::de::DeserializeOwned {
    /// The key of the entries' array in a table: `[[actor]]`, `[[place]]`.
    const TABLE: &'static str;
    fn name(&self) -> &str;
    fn aliases_mut(&mut self) -> &mut Vec<String>;
    fn aliases(&self) -> &[String];
}

impl LexiconEntry for ActorEntry {
    const TABLE: &'static str = "actor";
    fn name(&self) -> &str {
        &self.name
    }
    fn aliases_mut(&mut self) -> &mut Vec<String> {
        &mut self.aliases
    }
    fn aliases(&self) -> &[String] {
        &self.aliases
    }
}

impl LexiconEntry for PlaceEntry {
    const TABLE: &'static str = "place";
    fn name(&self) -> &str {
        &self.place.name
    }
    fn aliases_mut(&mut self) -> &mut Vec<String> {
        &mut self.aliases
    }
    fn aliases(&self) -> &[String] {
        &self.aliases
    }
}

/// Entries from a table's text, naming the table in any error.
fn parse_table<T: LexiconEntry>(origin: &str, text: &str) -> Result<Vec<T>, ExtractError> {
    let mut table: std::collections::HashMap<String, Vec<T>> =
        toml::from_str(text).map_err(|e| ExtractError::Table {
            origin: origin.to_string(),
            message: e.to_string(),
        })?;
    Ok(table.remove(T::TABLE).unwrap_or_default())
}

/// The built-in table extended by each `(origin, toml)` table in turn. An entry with a
/// name already present replaces its fields and adds its spellings.
fn load_entries<T: LexiconEntry>(built_in: &str, extra: &[(String, String)]) -> Result<Vec<T>, ExtractError> {
    let mut entries: Vec<T> = parse_table(&format!("built-in {}s", T::TABLE), built_in)?;
    for (origin, text) in extra {
        for mut entry in parse_table::<T>(origin, text)? {
            match entries
                .iter_mut()
                .find(|e| e.name().eq_ignore_ascii_case(entry.name()))
            {
                Some(existing) => {
                    // The user's fields win; the built-in spellings stay and the user's are added.
                    let mut spellings = std::mem::take(existing.aliases_mut());
                    for alias in std::mem::take(entry.aliases_mut()) {
                        if !spellings.contains(&alias) {
                            spellings.push(alias);
                        }
                    }
                    *existing = entry;
                    *existing.aliases_mut() = spellings;
                }
                None => entries.push(entry),
            }
        }
    }
    Ok(entries)
}

/// Every spelling of every entry, with the entry's index.
fn spellings<T: LexiconEntry>(entries: &[T]) -> impl Iterator<Item = (usize, &str)> {
    entries.iter().enumerate().flat_map(|(i, e)| {
        std::iter::once((i, e.name())).chain(e.aliases().iter().map(move |a| (i, a.as_str())))
    })
}

/// Where one lexicon entry was found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub entry: usize,
    pub span: Span,
}

/// Aliases as sequences of lower-case tokens in a trie, matched token by token.
///
/// Written by hand rather than with an Aho-Corasick automaton over the text: tens of
/// thousands of gazetteer spellings make a byte automaton large and slow to scan, while
/// walking a word trie costs one hash look-up for most tokens, and reuses the tokens and
/// lower-casing that extraction has already done.
#[derive(Debug, Default)]
struct Matcher {
    nodes: Vec<TrieNode>,
    /// Every node's children, by (node, hash of the child's word
    /// ([`crate::tokens::word_hash`])): one table for the whole trie rather than one a
    /// node, which made building the world's trie of 100,000 nodes mostly allocation.
    edges: FxHashMap<(u32, u64), u32>,
    /// The nodes' words, end to end: each node keeps its range, to confirm a hash match.
    words: String,
    /// A bit for the hash of every word that begins an alias: most tokens begin none, and
    /// are passed over with one bit test instead of a map look-up.
    first_words: Vec<u64>,
    /// Whether a match must hold a capitalised word, as place names in copy do.
    capitalised: bool,
}

/// Bits in a matcher's filter of first words; a power of two, a few times the words.
const FIRST_WORD_BITS: usize = 1 << 17;

/// How an alias's case must match copy's.
#[derive(Debug, Clone, Copy)]
struct Case {
    /// A short alias in capitals (IS, SDF, UN) matches only in capitals.
    exact: bool,
    /// An alias of several words, each capitalised, matches only with each capitalised.
    every_word: bool,
}

#[derive(Debug, Default)]
struct TrieNode {
    /// The word that leads here, as a range of [`Matcher::words`].
    word: Range<u32>,
    /// Entries whose alias ends here, with how its case must match.
    hits: Vec<(usize, Case)>,
}

impl Matcher {
    fn new<'a>(
        names: impl Iterator<Item = (usize, &'a str)>,
        capitalised: bool,
    ) -> Result<Matcher, ExtractError> {
        let mut matcher = Matcher {
            nodes: vec![TrieNode::default()],
            edges: FxHashMap::default(),
            words: String::new(),
            first_words: vec![0; FIRST_WORD_BITS / 64],
            capitalised,
        };
        for (entry, name) in names {
            for variant in spelling_variants(name) {
                // Short all-capital aliases (IS, SDF, UN) must not match "is", "un".
                let exact_case = variant.chars().filter(|c| c.is_alphabetic()).count() <= 4
                    && variant.chars().all(|c| !c.is_lowercase());
                let tokens = tokenize(&variant);
                if tokens.is_empty() {
                    continue;
                }
                let case = Case {
                    exact: exact_case,
                    // "Brooklyn Park" is not "a Brooklyn park".
                    every_word: tokens.len() > 1
                        && tokens
                            .iter()
                            .all(|t| !t.is_word() || t.is_capitalised() || is_article(t.text)),
                };
                let lowers = Lowers::new(&variant, &tokens);
                matcher.mark_first_word(lowers.hash(0));
                let mut node = 0;
                for k in 0..tokens.len() {
                    let key = lowers.get(k);
                    let hash = lowers.hash(k);
                    let existing = matcher.edges.get(&(node as u32, hash)).copied();
                    node = match existing {
                        Some(next) if matcher.word(next) == key => next as usize,
                        Some(_) => {
                            return Err(ExtractError::Lexicon(format!("two spellings hash alike: {key}")))
                        }
                        None => {
                            let next = matcher.nodes.len();
                            let start = matcher.words.len() as u32;
                            matcher.words.push_str(key);
                            matcher.nodes.push(TrieNode {
                                word: start..matcher.words.len() as u32,
                                hits: Vec::new(),
                            });
                            matcher.edges.insert((node as u32, hash), next as u32);
                            next
                        }
                    };
                }
                let hits = &mut matcher.nodes[node].hits;
                if !hits.iter().any(|&(e, _)| e == entry) {
                    hits.push((entry, case));
                }
            }
        }
        if matcher.nodes.len() > u32::MAX as usize || matcher.words.len() > u32::MAX as usize {
            return Err(ExtractError::Lexicon("too many spellings".into()));
        }
        Ok(matcher)
    }

    /// The word that leads to a node.
    fn word(&self, node: u32) -> &str {
        let range = &self.nodes[node as usize].word;
        &self.words[range.start as usize..range.end as usize]
    }

    /// Matches over tokens, as (token range, entry): at each token the longest alias that
    /// passes its checks, then on past it. A longer alias that fails ("province of X" all in
    /// lower case) never hides a shorter one that passes.
    fn find_tokens(&self, tokens: &[Token<'_>], lowers: &Lowers) -> Vec<(Range<usize>, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let possessive = matches!(
                lowers.get(i).as_bytes(),
                [.., b'\'', b's'] | [.., 0xE2, 0x80, 0x99, b's']
            );
            if !possessive && !self.may_begin(lowers.hash(i))
                || self.capitalised && !may_begin_place(&tokens[i], lowers.get(i))
            {
                i += 1;
                continue;
            }
            let mut node = 0;
            let mut best = None;
            let mut j = i;
            while j < tokens.len() && (j == i || !tokens[j].newline_before) {
                let key = lowers.get(j);
                let child = |word: &str, hash: u64| {
                    let next = *self.edges.get(&(node as u32, hash))?;
                    (self.word(next) == word).then_some(next)
                };
                let next = child(key, lowers.hash(j)).or_else(|| {
                    // "Raqqa's": a possessive ends a name.
                    let bare = key.strip_suffix("'s").or_else(|| key.strip_suffix("\u{2019}s"))?;
                    child(bare, crate::tokens::word_hash(bare))
                });
                let Some(next) = next else { break };
                node = next as usize;
                j += 1;
                if let Some(entry) = self.nodes[node]
                    .hits
                    .iter()
                    .find(|&&(_, case)| self.passes(&tokens[i..j], case))
                {
                    best = Some((j, entry.0));
                }
            }
            match best {
                Some((end, entry)) => {
                    out.push((i..end, entry));
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    fn mark_first_word(&mut self, hash: u64) {
        let bit = (hash % FIRST_WORD_BITS as u64) as usize;
        self.first_words[bit / 64] |= 1 << (bit % 64);
    }

    fn may_begin(&self, hash: u64) -> bool {
        let bit = (hash % FIRST_WORD_BITS as u64) as usize;
        self.first_words[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn passes(&self, tokens: &[Token<'_>], case: Case) -> bool {
        if case.exact
            && tokens
                .iter()
                .any(|t| t.text.bytes().any(|b| b.is_ascii_lowercase()))
        {
            return false;
        }
        if case.every_word
            && self.capitalised
            && tokens
                .iter()
                .any(|t| t.is_word() && !t.is_capitalised() && !is_article(t.text))
        {
            return false;
        }
        !self.capitalised || tokens.iter().any(|t| has_capitalised_word(t.text))
    }

    /// Matches in a text of its own (a headline, a victims phrase), as byte spans.
    fn find(&self, text: &str) -> Vec<Mention> {
        find_in_text(text, |tokens, lowers| self.find_tokens(tokens, lowers))
    }
}

/// Whether a place name may begin at this token: a capitalised word, a hyphenated one
/// ("al-Raqqa"), or an article written apart ("al Bab"). Copy writes place names in
/// capitals, so a walk of the trie from "the" or "said" is spared.
fn may_begin_place(token: &Token<'_>, lower: &str) -> bool {
    !token.text.as_bytes()[0].is_ascii_lowercase()
        || token.text.as_bytes().contains(&b'-')
        || is_article(lower)
}

/// The Arabic article and its assimilated forms, as copy writes them apart.
fn is_article(word: &str) -> bool {
    matches!(
        word,
        "al" | "el" | "ar" | "as" | "ad" | "az" | "ez" | "an" | "at" | "ash"
    )
}

/// Matches in a text of its own, tokenized here, as byte spans: what `find_tokens` gives
/// over the text's tokens.
fn find_in_text(
    text: &str,
    find_tokens: impl FnOnce(&[Token<'_>], &Lowers) -> Vec<(Range<usize>, usize)>,
) -> Vec<Mention> {
    let tokens = tokenize(text);
    let lowers = Lowers::new(text, &tokens);
    find_tokens(&tokens, &lowers)
        .into_iter()
        .map(|(range, entry)| Mention {
            entry,
            span: Span::new(tokens[range.start].span.start, tokens[range.end - 1].span.end),
        })
        .collect()
}

/// "Raqqa", "al-Raqqa", "province of Idlib": some word starts with a capital.
fn has_capitalised_word(text: &str) -> bool {
    let bytes = text.as_bytes();
    match bytes.first() {
        Some(b) if b.is_ascii_uppercase() => return true,
        Some(b) if b.is_ascii() && !bytes.contains(&b' ') && !bytes.contains(&b'-') => return false,
        _ => {}
    }
    text.starts_with(char::is_uppercase)
        || text
            .split([' ', '-'])
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase))
}

/// The spellings an alias may take: curly or straight apostrophes, hyphens or spaces.
fn spelling_variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    push(name.replace('\'', "\u{2019}"));
    push(name.replace('\u{2019}', "'"));
    push(name.replace(['\'', '\u{2019}'], ""));
    push(name.replace('-', " "));
    push(name.replace('-', ""));
    if let Some(rest) = name.strip_prefix("al-") {
        push(format!("al {rest}"));
        push(format!("Al-{rest}"));
        push(format!("el-{rest}"));
    }
    out
}

/// The actor lexicon: parties and claim-making bodies.
#[derive(Debug)]
pub struct Actors {
    pub entries: Vec<ActorEntry>,
    matcher: Matcher,
}

/// Where a report comes from, as far as reading its places goes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Origin<'a> {
    /// Its address is an American outlet's ([`american_address`]).
    pub american: bool,
    /// The state of the United States its outlet reports from, where the ledger has learnt
    /// it ("Ohio").
    pub home_state: Option<&'a str>,
    /// Whether its outlet broadcasts east of the Mississippi (`Some(true)`) or west of it,
    /// as its address's call sign says ([`station_east`]).
    pub east: Option<bool>,
}

/// The gazetteer.
#[derive(Debug)]
pub struct Places {
    pub entries: Vec<PlaceEntry>,
    matcher: Matcher,
    /// Every spelling by its transliteration key, for names the exact spellings miss.
    by_key: FxHashMap<String, usize>,
    /// Every town by its lower-cased name and its admin1, homonyms included: the
    /// Springfield that "Springfield, Ill." names.
    by_name_admin1: FxHashMap<(String, String), usize>,
    /// The entries of the rest of the world (GeoNames' "world" scope), after the region's.
    world: Range<usize>,
    /// Their matcher, built the first time a report names no place in the region: most
    /// reports tally reads never need it, and it takes a tenth of a second to build.
    world_matcher: std::sync::OnceLock<Matcher>,
    /// American towns by their name in lower-case letters alone ("stlouis"), the largest
    /// of homonyms: the towns outlets' addresses name. Built the first time one is asked.
    address_towns: std::sync::OnceLock<FxHashMap<String, usize>>,
    /// Counties (parishes, boroughs) of the United States by lower-cased name ("calaveras
    /// county"): the entries of the states that have a county of the name.
    counties: FxHashMap<String, Vec<usize>>,
    /// American towns by lower-cased name, each namesake's (population, entry), largest
    /// first: how far the largest of homonyms stands above the next. Built the first time
    /// one is asked.
    us_namesakes: std::sync::OnceLock<FxHashMap<String, Vec<(u64, usize)>>>,
    /// Each American state's centre of population (its towns' places weighted by their
    /// people), as (latitude, longitude). Built the first time one is asked.
    state_centres: std::sync::OnceLock<FxHashMap<String, (f64, f64)>>,
}

/// The host of a report's address, lower-cased and without "www.", looking through an
/// archive's address (`web.archive.org/web/…/http://…`) to the page it archived.
fn host_of(url: &str) -> String {
    let url = url.rsplit_once("/http").map_or(url, |(_, inner)| inner);
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match host.strip_prefix("www.") {
        Some(bare) => bare.to_string(),
        None => host,
    }
}

/// The letters of the name an address is registered under, where it is a name of one part
/// under one of `domains`: "stcharlesil" for "www.stcharlesil.gov", none for
/// "news.example.com".
fn address_name(url: &str, domains: &[&str]) -> Option<String> {
    let host = host_of(url);
    let (name, domain) = host.rsplit_once('.')?;
    if !domains.contains(&domain) || name.contains('.') {
        return None;
    }
    Some(name.chars().filter(char::is_ascii_alphabetic).collect())
}

/// Words a newspaper's or station's address adds to the town or state it is named for:
/// "thomastontimes", "delawareonline", "oregonlive".
const PAPER_WORDS: &[&str] = &[
    "times",
    "news",
    "post",
    "herald",
    "gazette",
    "press",
    "journal",
    "daily",
    "tribune",
    "online",
    "citizen",
    "courier",
    "record",
    "register",
    "star",
    "sun",
    "chronicle",
    "observer",
    "democrat",
    "leader",
    "examiner",
    "bulletin",
    "dispatch",
    "telegram",
    "review",
    "standard",
    "independent",
    "sentinel",
    "enquirer",
    "inquirer",
    "reporter",
    "ledger",
    "messenger",
    "mirror",
    "voice",
    "today",
    "now",
    "free",
    "express",
    "beacon",
    "eagle",
    "pilot",
    "argus",
    "republic",
    "banner",
    "progress",
    "advocate",
    "weekly",
    "mail",
    "globe",
    "the",
    "live",
];
/// Whether the rest of an address's name is newspaper words alone (or nothing).
fn papers(rest: &str) -> bool {
    rest.is_empty()
        || PAPER_WORDS
            .iter()
            .any(|w| rest.strip_prefix(w).is_some_and(papers))
}

/// The states' names as an address writes them, lower-cased without spaces ("newjersey"),
/// with the names themselves.
static SQUASHED_STATES: std::sync::LazyLock<Vec<(&'static str, String)>> = std::sync::LazyLock::new(|| {
    US_STATES
        .iter()
        .map(|&(state, ..)| (state, state.replace(' ', "").to_ascii_lowercase()))
        .collect()
});

/// The state of the United States an outlet's address is named for, with nothing but
/// newspaper words after it: "delawareonline.com", "oregonlive.com", "arkansasonline.com".
/// Never Washington, which is also the capital.
pub fn state_of_address(url: &str) -> Option<&'static str> {
    let host = host_of(url);
    let (name, _) = host.rsplit_once('.')?;
    let name = name.rsplit('.').next().unwrap_or(name);
    let name: String = name.chars().filter(char::is_ascii_alphabetic).collect();
    SQUASHED_STATES
        .iter()
        .filter(|(state, _)| *state != "Washington")
        .find(|(_, squashed)| name.strip_prefix(squashed.as_str()).is_some_and(papers))
        .map(|&(state, _)| state)
}

/// Whether a word (lower case) is a one-word state's name that is no one's surname: "West
/// Texas" is a region, "Denzel Washington" and "Joe Montana" are people.
pub fn is_state_word(word: &str) -> bool {
    US_STATES
        .iter()
        .any(|&(name, ..)| !matches!(name, "Washington" | "Montana") && name.eq_ignore_ascii_case(word))
}

/// Whether a report's address is an American outlet's: a broadcaster's call sign
/// ("wreg.com", "ktla.com", "wsbtv.com"), a network's local station ("nbcmiami.com",
/// "abc7chicago.com", "pittsburgh.cbslocal.com"), or a paper or station named for an American city or
/// state ("chicagotribune.com", "denverpost.com"). An archive's address is looked through
/// (`web.archive.org/web/…/http://…`).
pub fn american_address(url: &str) -> bool {
    static CITIES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        let mut names: Vec<&str> = AMERICAN_ADDRESS_NAMES.to_vec();
        names.extend(
            US_STATES
                .iter()
                .map(|&(name, _, _)| name)
                .filter(|n| !n.contains(' ')),
        );
        names
    });
    let host = host_of(url);
    let labels: Vec<&str> = host.split('.').collect();
    let Some((&tld, rest)) = labels.split_last() else {
        return false;
    };
    // A country's own domain other than the United States' is another country's outlet.
    if !matches!(
        tld,
        "com" | "net" | "org" | "tv" | "us" | "fm" | "am" | "news" | "info"
    ) {
        return false;
    }
    let Some((&name, subdomains)) = rest.split_last() else {
        return false;
    };
    let call_sign = |label: &str| call_sign_letter(label).is_some();
    let network = ["nbc", "abc", "cbs", "fox"].iter().any(|n| name.starts_with(n)) || name == "cbslocal";
    let city = |label: &str| CITIES.iter().any(|c| label.contains(c));
    call_sign(name)
        || network && (name.len() > 5 || !subdomains.is_empty())
        || city(name)
        || subdomains.iter().any(|s| city(s))
}

/// The first letter of a broadcaster's call sign an address label spells ("wsls", "kxan",
/// "wyff4", "whotv"), or `None` for a label that is no call sign.
fn call_sign_letter(label: &str) -> Option<char> {
    let letters: String = label.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let tail = &label[letters.len()..];
    let sign = ["tv", "am", "fm", "news", "radio"]
        .iter()
        .find_map(|s| letters.strip_suffix(s))
        .unwrap_or(&letters);
    ((3..=4).contains(&sign.len()) && tail.bytes().all(|b| b.is_ascii_digit()))
        .then(|| sign.chars().next())
        .flatten()
        .filter(|c| matches!(c, 'k' | 'w'))
}

/// Whether a broadcaster's address puts it east of the Mississippi: American call signs
/// begin with W east of the river and K west of it ("wsls.com" is Roanoke's, "kxan.com"
/// Austin's). A few stations older than the rule keep the other letter (WFAA in Dallas,
/// KDKA in Pittsburgh), so this only settles towns of one name in states far apart.
pub fn station_east(url: &str) -> Option<bool> {
    let host = host_of(url);
    let labels: Vec<&str> = host.split('.').collect();
    let name = labels.len().checked_sub(2).map(|k| labels[k])?;
    call_sign_letter(name).map(|c| c == 'w')
}

/// American cities whose names outlets' addresses carry, lower case and without spaces.
const AMERICAN_ADDRESS_NAMES: &[&str] = &[
    "atlanta",
    "austin",
    "baltimore",
    "boston",
    "charlotte",
    "chicago",
    "cincinnati",
    "cleveland",
    "columbus",
    "dallas",
    "denver",
    "detroit",
    "houston",
    "indianapolis",
    "indystar",
    "jacksonville",
    "kansascity",
    "lasvegas",
    "losangeles",
    "louisville",
    "memphis",
    "miami",
    "milwaukee",
    "minneapolis",
    "nashville",
    "neworleans",
    "newyork",
    "oklahoma",
    "omaha",
    "orlando",
    "philadelphia",
    "philly",
    "phoenix",
    "pittsburgh",
    "sacramento",
    "sanantonio",
    "sandiego",
    "seattle",
    "stlouis",
    "tampa",
    "toledo",
    "tulsa",
    "fresno",
    "dayton",
    "knoxville",
    "raleigh",
    "sanfrancisco",
    "sfgate",
    "syracuse",
    "tucson",
    "wichita",
];

/// Whether match `outer` holds all of `inner` and more.
fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && outer.len() > inner.len()
}

/// Whether the tokens name a state of the United States the way American copy does: after
/// a town and a comma ("Lexington, Ky."), or, where `loosely`, by its name anywhere
/// ("Kentucky State Police"). Washington and Georgia are also a capital and a country, and
/// count only after a comma.
fn names_a_us_state(tokens: &[Token<'_>], loosely: bool) -> bool {
    // Every word a state's name, code or abbreviation can begin with: most tokens are none,
    // and are passed over with one look-up.
    static STARTS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            US_STATES
                .iter()
                .flat_map(|&(name, postal, ap)| [name.split(' ').next().unwrap_or(name), postal, ap])
                .collect()
        });
    (1..tokens.len()).any(|i| {
        let text = tokens[i].text.trim_end_matches('.');
        let candidate = STARTS.contains(text) || text.len() <= 4 && text.contains('.');
        if !candidate || !tokens[i].is_capitalised() {
            return false;
        }
        let after_town = tokens[i - 1].text == ","
            && i >= 2
            && has_capitalised_word(tokens[i - 2].text)
            && us_state_at(tokens, i).is_some();
        after_town
            || loosely
                && !matches!(tokens[i].text, "Washington" | "Georgia")
                && us_state_at(tokens, i)
                    .is_some_and(|(name, _)| name.len() > 4 && name.starts_with(tokens[i].text))
    })
}

/// Whether copy names what only American local news does: a sheriff ("the sheriff's
/// office", "Sheriff Gary Sisk") or a city's police department. A report from York, England
/// has a constabulary; one from York, Pa. has these.
fn has_american_institutions(tokens: &[Token<'_>]) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        t.text.eq_ignore_ascii_case("sheriff")
            || t.text.starts_with("Sheriff")
            || t.text.eq_ignore_ascii_case("police")
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.text.eq_ignore_ascii_case("department"))
    })
}

/// Whether a name the world's gazetteer knows reads here as a person's: followed by a
/// surname ("Hassan al-Omari") or by what people do in copy ("Hassan said"). Given names
/// are town names the world over. A town's own institutions ("Memphis Police") are not
/// surnames.
fn reads_as_a_person(tokens: &[Token<'_>], range: &Range<usize>) -> bool {
    const INSTITUTIONS: [&str; 14] = [
        "Police",
        "County",
        "Fire",
        "Sheriff",
        "City",
        "Township",
        "Metro",
        "Metropolitan",
        "Regional",
        "Public",
        "Mayor",
        "Community",
        "Municipal",
        "International",
    ];
    const TITLES: [&str; 14] = [
        "Officer",
        "Sgt",
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
        "Detective",
        "Deputy",
        "Chief",
        "Judge",
        "Sheriff",
        "Lt",
        "Capt",
        "Cpl",
    ];
    // Capitalised words after a town that are no surname: "Columbus Tuesday", "Memphis
    // Police".
    let no_surname = |word: &str| {
        INSTITUTIONS.contains(&word) || crate::words::is_calendar_word(&word.to_ascii_lowercase())
    };
    let titled = range.start > 0
        && !tokens[range.start].newline_before
        && TITLES.contains(&tokens[range.start - 1].text.trim_end_matches('.'));
    // "said Willamae Jackson", "Willamae Jackson, the victims' aunt,": a given name before
    // the town's, where the two speak or are described, makes it a surname.
    let given_name = range.start > 1 && given_name_before(tokens, range) && {
        let at = |k: usize| tokens.get(k).map_or("", |t| t.text);
        let speaks = crate::words::is_speech_verb;
        speaks(at(range.start - 2)) || speaks(at(range.end)) || described_after(tokens, range.end)
    };
    // "Chicago's South Shore": what follows a possessive is no surname.
    let possessive =
        tokens[range.end - 1].text.ends_with("'s") || tokens[range.end - 1].text.ends_with("\u{2019}s");
    titled
        || given_name
        || !possessive
            && tokens.get(range.end).is_some_and(|t| {
                if t.newline_before {
                    return false;
                }
                let surname = t.is_word() && has_capitalised_word(t.text) && !no_surname(t.text);
                surname || crate::words::is_reporting_verb(&t.text.to_lowercase())
            })
}

/// Whether a name follows a given name on its line ("Laquantae Jordan"): one
/// [`given_name_before`] reads so, and no quarter either ("Northeastern Jordan").
fn after_given_name(tokens: &[Token<'_>], range: &Range<usize>) -> bool {
    given_name_before(tokens, range)
        && !tokens[range.start].newline_before
        && range
            .start
            .checked_sub(1)
            .is_some_and(|k| !is_quarter_word(tokens[k].text.trim_end_matches("ern")))
}

/// Whether the word before a name reads as a given name: capitalised and in lower case after
/// its first letter, no possessive, one space before the name, no word that starts
/// sentences, and no quarter of a town ("Southwest Philadelphia").
fn given_name_before(tokens: &[Token<'_>], range: &Range<usize>) -> bool {
    let Some(prev) = range.start.checked_sub(1).map(|k| &tokens[k]) else {
        return false;
    };
    prev.is_word()
        && prev.is_capitalised()
        && prev.text.bytes().any(|b| b.is_ascii_lowercase())
        && !prev.text.contains(['\'', '\u{2019}'])
        && tokens[range.start].space_before
        && !crate::words::is_not_name(&prev.text.to_ascii_lowercase())
        && !is_quarter_word(prev.text)
}

/// Whether a state's name begins a person's: a capitalised word follows it, and the two
/// are said to speak or are set off by a comma ("said Georgia Jackson, victims'
/// grandmother", "Virginia Moss said"). Not a body of the state ("Tennessee Bureau of
/// Investigation", "Florida Highway Patrol said").
fn state_as_persons_name(tokens: &[Token<'_>], range: &Range<usize>) -> bool {
    let at = |k: usize| tokens.get(k).map_or("", |t| t.text);
    let Some(next) = tokens.get(range.end) else {
        return false;
    };
    let surname = next.is_word()
        && next.is_capitalised()
        && next.space_before
        && !next.newline_before
        && !next.text.bytes().all(|b| b.is_ascii_uppercase())
        && !matches!(
            next.text,
            "State"
                | "County"
                | "City"
                | "Police"
                | "Highway"
                | "Department"
                | "Bureau"
                | "National"
                | "Avenue"
                | "Street"
                | "Road"
                | "Tech"
                | "University"
                | "Supreme"
                | "Court"
                | "General"
                | "Patrol"
        );
    let speaks = crate::words::is_speech_verb;
    let after = at(range.end + 1);
    let before = if range.start > 0 { at(range.start - 1) } else { "" };
    surname && (described_after(tokens, range.end + 1) || speaks(after) || speaks(before))
}

/// Whether token `comma` is a comma after a name that an age or a description in lower
/// case follows ("Georgia Jackson, victims' grandmother", "Willamae Jackson, 71,"), not the
/// next of a list ("South Georgia News, Weather, Sports").
fn described_after(tokens: &[Token<'_>], comma: usize) -> bool {
    tokens.get(comma).is_some_and(|t| t.text == ",")
        && tokens
            .get(comma + 1)
            .is_some_and(|t| t.kind == crate::tokens::TokenKind::Number || t.is_word() && !t.is_capitalised())
}

/// Words that name a part of a town before its name: "Southwest Philadelphia", "Downtown
/// Orlando", "Greater Houston".
fn is_quarter_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "north"
            | "south"
            | "east"
            | "west"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "downtown"
            | "greater"
            | "central"
            | "upper"
            | "lower"
            | "old"
            | "new"
            | "metro"
            | "suburban"
            | "midtown"
            | "uptown"
            | "inner"
            | "rural"
            | "western"
            | "eastern"
            | "northern"
            | "southern"
    ) || lower.ends_with("side")
}

/// A town of the wars' countries this large makes a report one from the war.
const WAR_CITY_POPULATION: u64 = 100_000;

/// A town of the rest of the world this large is believed without its state.
const WORLD_CITY_POPULATION: u64 = 50_000;

/// A city of another state than the outlet's that its copy may name without the state.
const NATIONAL_CITY_POPULATION: u64 = 300_000;

/// How far from the outlet's state's centre of population a city of another state may lie
/// and still be one its copy names without the state: a metro across the state line.
const NEAR_HOME_KM: f64 = 350.0;

/// The largest American namesake of a town abroad is the town American copy that names no
/// state means ("a Birmingham lounge", "a Chester man", "Panama City police") where it is
/// this large. Below it, the name is more often a surname ("Martin", "Vernon").
const AMERICAN_NAMESAKE_POPULATION: u64 = 30_000;
/// The longitude of the Mississippi where call signs change letter, about St. Louis and
/// Baton Rouge.
const MISSISSIPPI_LON: f64 = -90.5;
/// Fewer people than a town. A place this small that copy calls a neighbourhood is one of
/// the big city the report names, wherever the gazetteer's namesake lies (`lead`); one of
/// the outlet's home state, named without a state, yields to a big namesake near that
/// state ([`BIG_NAMESAKE_POPULATION`]).
pub(crate) const VILLAGE_POPULATION: u64 = 20_000;
/// A city this big is the one copy means by its name near its state, over a village.
const BIG_NAMESAKE_POPULATION: u64 = 250_000;

/// The District of Columbia, a state to the gazetteer and a city to copy.
const DISTRICT: &str = "District of Columbia";

/// The states of the United States (and its capital district) as copy writes them after a
/// town: full name, postal code, and the Associated Press abbreviation without its dots.
const US_STATES: [(&str, &str, &str); 51] = [
    ("Alabama", "AL", "Ala"),
    ("Alaska", "AK", "Alaska"),
    ("Arizona", "AZ", "Ariz"),
    ("Arkansas", "AR", "Ark"),
    ("California", "CA", "Calif"),
    ("Colorado", "CO", "Colo"),
    ("Connecticut", "CT", "Conn"),
    ("Delaware", "DE", "Del"),
    (DISTRICT, "DC", "DC"),
    ("Florida", "FL", "Fla"),
    ("Georgia", "GA", "Ga"),
    ("Hawaii", "HI", "Hawaii"),
    ("Idaho", "ID", "Idaho"),
    ("Illinois", "IL", "Ill"),
    ("Indiana", "IN", "Ind"),
    ("Iowa", "IA", "Iowa"),
    ("Kansas", "KS", "Kan"),
    ("Kentucky", "KY", "Ky"),
    ("Louisiana", "LA", "La"),
    ("Maine", "ME", "Maine"),
    ("Maryland", "MD", "Md"),
    ("Massachusetts", "MA", "Mass"),
    ("Michigan", "MI", "Mich"),
    ("Minnesota", "MN", "Minn"),
    ("Mississippi", "MS", "Miss"),
    ("Missouri", "MO", "Mo"),
    ("Montana", "MT", "Mont"),
    ("Nebraska", "NE", "Neb"),
    ("Nevada", "NV", "Nev"),
    ("New Hampshire", "NH", "NH"),
    ("New Jersey", "NJ", "NJ"),
    ("New Mexico", "NM", "NM"),
    ("New York", "NY", "NY"),
    ("North Carolina", "NC", "NC"),
    ("North Dakota", "ND", "ND"),
    ("Ohio", "OH", "Ohio"),
    ("Oklahoma", "OK", "Okla"),
    ("Oregon", "OR", "Ore"),
    ("Pennsylvania", "PA", "Pa"),
    ("Rhode Island", "RI", "RI"),
    ("South Carolina", "SC", "SC"),
    ("South Dakota", "SD", "SD"),
    ("Tennessee", "TN", "Tenn"),
    ("Texas", "TX", "Texas"),
    ("Utah", "UT", "Utah"),
    ("Vermont", "VT", "Vt"),
    ("Virginia", "VA", "Va"),
    ("Washington", "WA", "Wash"),
    ("West Virginia", "WV", "WVa"),
    ("Wisconsin", "WI", "Wis"),
    ("Wyoming", "WY", "Wyo"),
];

/// The US state that the tokens from `at` name, as (full name, tokens taken): "Tenn.",
/// "TN", "N.C.", "North Carolina".
fn us_state_at(tokens: &[Token<'_>], at: usize) -> Option<(&'static str, usize)> {
    let first = tokens.get(at)?;
    // "W.Va." comes as "W", ".", "Va", ".": the pieces written together are one abbreviation.
    let mut pieces = 1;
    while pieces < 4
        && first.text.len() <= 2
        && tokens
            .get(at + pieces)
            .is_some_and(|t| !t.space_before && (t.text == "." || t.is_word() && t.text.len() <= 3))
    {
        pieces += 1;
    }
    if pieces > 2 {
        let bare: String = tokens[at..at + pieces]
            .iter()
            .flat_map(|t| t.text.chars())
            .filter(|&c| c != '.')
            .collect();
        if let Some(&(name, ..)) = US_STATES.iter().find(|(_, _, ap)| bare == *ap && ap.len() >= 3) {
            return Some((name, pieces));
        }
    }
    let bare: String = first.text.chars().filter(|&c| c != '.').collect();
    // A dateline in capitals abbreviates in capitals: "FRAZEE, MINN.".
    let shouted = bare.len() >= 3 && bare.bytes().all(|b| b.is_ascii_uppercase());
    if let Some(&(name, ..)) = US_STATES.iter().find(|(_, postal, ap)| {
        bare == *postal || bare == *ap || shouted && ap.len() >= 3 && bare.eq_ignore_ascii_case(ap)
    }) {
        return Some((name, 1));
    }
    US_STATES.iter().find_map(|&(name, ..)| {
        let words: Vec<&str> = name.split(' ').collect();
        let here = tokens.get(at..at + words.len())?;
        here.iter()
            .zip(&words)
            .all(|(t, w)| t.text == *w)
            .then_some((name, words.len()))
    })
}

/// The US state named after a match and a comma ("Springfield, Ill."), with the end of its
/// tokens.
fn state_after(tokens: &[Token<'_>], range: &Range<usize>) -> Option<(&'static str, usize)> {
    if tokens.get(range.end)?.text != "," {
        return None;
    }
    let mut at = range.end + 1;
    // Past the county a dateline may name between: "GREENCASTLE, FRANKLIN COUNTY, Pa.".
    if let Some(words) = (1..=3).find(|&n| {
        tokens.get(at + n - 1).is_some_and(|t| {
            ["county", "parish", "borough"]
                .iter()
                .any(|w| t.text.eq_ignore_ascii_case(w))
        }) && tokens.get(at + n).is_some_and(|t| t.text == ",")
            && tokens[at..at + n].iter().all(|t| t.is_word())
    }) {
        at += words + 1;
    }
    let (state, taken) = us_state_at(tokens, at)?;
    // "Chester, Delaware County": a county named for a state is no state.
    let county = tokens
        .get(at + taken)
        .is_some_and(|t| matches!(t.text, "County" | "Parish" | "COUNTY" | "PARISH"));
    (!county).then_some((state, at + taken))
}

/// Great-circle distance in kilometres.
pub(crate) fn km_between(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// What the words around a place's mention make of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceRole {
    /// Named as where something is or happened.
    Scene,
    /// Someone's home: "an Indianapolis man", "Corey Brazelton, 18, of Indianapolis".
    Home,
    /// A part of a city: "the Brighton Park neighborhood".
    Neighbourhood,
    /// Where someone was taken or caught afterwards: "Advocate Christ Medical Center in Oak
    /// Lawn", "was arrested in the 3900 block of Harding Avenue in Cheviot".
    Afterwards,
}

pub fn place_role(tokens: &[Token<'_>], range: &Range<usize>) -> PlaceRole {
    let next = tokens.get(range.end).map(|t| t.text.to_ascii_lowercase());
    let next = next.as_deref().unwrap_or("");
    if crate::words::is_neighbourhood_noun(next) {
        return PlaceRole::Neighbourhood;
    }
    let of_after_comma =
        range.start >= 2 && tokens[range.start - 1].text == "of" && tokens[range.start - 2].text == ",";
    // ", of the first block of West Harrison Street in Oak Park": a home's address.
    let address_after_comma = range.start >= 1 && tokens[range.start - 1].text == "in" && {
        let clause_start = (range.start.saturating_sub(12)..range.start - 1)
            .rev()
            .find(|&k| crate::words::is_clause_break(tokens[k].text));
        clause_start.is_some_and(|k| {
            tokens[k].text == ","
                && tokens.get(k + 1).is_some_and(|t| t.text == "of")
                && tokens[k + 1..range.start]
                    .iter()
                    .any(|t| t.text.eq_ignore_ascii_case("block"))
        })
    };
    if crate::words::is_resident_noun(next) || of_after_comma || address_after_comma {
        return PlaceRole::Home;
    }
    // "arrested in the North Charleston shooting" names the shooting's town.
    let event_after = matches!(
        next,
        "shooting" | "shootings" | "killing" | "killings" | "homicide" | "murder" | "death"
    );
    if range.start >= 1
        && tokens[range.start - 1].text == "in"
        && !event_after
        && taken_or_caught(tokens, range.start - 1)
    {
        return PlaceRole::Afterwards;
    }
    PlaceRole::Scene
}

/// Whether the clause before `at` (an "in") tells where someone was taken or caught: a
/// hospital's name ("Advocate Christ Medical Center in"), or an arrest with nothing of the
/// event between ("was arrested in the 3900 block of Harding Avenue in"; not "arrested in
/// connection with a shooting in").
fn taken_or_caught(tokens: &[Token<'_>], at: usize) -> bool {
    const BACK: usize = 10;
    let clause = (at.saturating_sub(BACK)..at)
        .rev()
        .take_while(|&k| !crate::words::is_clause_break(tokens[k].text))
        .map(|k| tokens[k].text)
        .collect::<Vec<_>>();
    // "Medical Center", not "the Navy Operations Center in Chattanooga" where a shooting
    // was.
    let hospital = clause.first().is_some_and(|w| {
        *w == "Hospital"
            || matches!(*w, "Center" | "Centre")
                && clause
                    .iter()
                    .any(|w| matches!(*w, "Medical" | "Health" | "Trauma"))
    });
    let event = |w: &&str| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "shooting" | "shootings" | "killing" | "death" | "murder" | "homicide" | "shot" | "killed"
        )
    };
    let arrest = clause
        .iter()
        .take_while(|w| !event(w))
        .any(|w| matches!(*w, "arrested" | "caught" | "apprehended"));
    hospital || arrest
}

/// Whether the copy vouches that a name is a town's: its own police or fire department
/// follows it ("Edenton Police said", "Effingham City Police"), or its people ("a Pekin
/// girl"). Not the end of a longer
/// name ("Jacksonville Beach Police"), nor a force named for what it guards ("Airport
/// Police", "University Police").
fn vouched_for(tokens: &[Token<'_>], range: &Range<usize>) -> bool {
    let at = |k: usize| tokens.get(k).map_or("", |t| t.text);
    let next = if at(range.end) == "City" {
        range.end + 1
    } else {
        range.end
    };
    // "Airport Police", "Park Police": what a force guards. A town's name ending on such a
    // word ("Nicoma Park Police", "Palm Beach Police") is still the town's.
    const INSTITUTIONS: [&str; 9] = [
        "Airport",
        "University",
        "College",
        "Campus",
        "Transit",
        "Capitol",
        "Housing",
        "Tribal",
        "State",
    ];
    const GROUNDS: [&str; 6] = ["Harbor", "Port", "Park", "Beach", "Valley", "Village"];
    let guarded = match &tokens[range.clone()] {
        [one] => INSTITUTIONS.contains(&one.text) || GROUNDS.contains(&one.text),
        [first, ..] => INSTITUTIONS.contains(&first.text),
        [] => false,
    };
    let longer = range.start > 0
        && !tokens[range.start].newline_before
        && tokens[range.start - 1].is_capitalised()
        && !crate::words::is_not_name(&tokens[range.start - 1].text.to_ascii_lowercase());
    // "Pekin girl, 8, shot": the copy's own town's people are named for it.
    let resident = crate::words::is_resident_noun(&at(next).to_ascii_lowercase());
    (matches!(at(next), "Police" | "police" | "PD" | "Fire") || resident) && !guarded && !longer
}

/// Whether a place is an American town (or finer), not a county or a state.
fn is_us_town(place: &Place) -> bool {
    place.country.as_deref() == Some("US") && place.where_prec <= 2
}

/// Whether the headline puts its story in a town: "drive-by in Sumner", "4 shot near
/// Bessemer". Not a county or a quarter of it ("in Ward county", "in Bluffton
/// neighborhood").
fn headline_scene(tokens: &[Token<'_>], range: &Range<usize>, headline: usize) -> bool {
    let before = range.start.checked_sub(1).map_or("", |k| tokens[k].text);
    let after = tokens
        .get(range.end)
        .map_or(String::new(), |t| t.text.to_ascii_lowercase());
    range.end <= headline
        && matches!(before, "in" | "near")
        && !crate::words::is_neighbourhood_noun(&after)
        && !matches!(after.as_str(), "county" | "parish" | "township")
}

/// Whether a match is a dateline: in capitals at the start of one of the body's first
/// lines, before a comma, a bracket, a dash, a bar, a colon or chevrons ("by Jane Doe /
/// FRAZEE, MINN. (KFGO) -", "(LAKE STEVENS, WA.) --", "COVINA >>").
pub(crate) fn is_dateline(tokens: &[Token<'_>], range: &Range<usize>) -> bool {
    const WITHIN: usize = 40;
    if range.start >= WITHIN || range.is_empty() {
        return false;
    }
    let starts_line = |k: usize| k == 0 || tokens[k].newline_before;
    let at_start = starts_line(range.start)
        || range.start > 0 && tokens[range.start - 1].text == "(" && starts_line(range.start - 1);
    let shouted = tokens[range.clone()]
        .iter()
        .all(|t| t.text.bytes().all(|b| !b.is_ascii_lowercase()));
    let closed = tokens.get(range.end).is_none_or(|t| {
        t.kind == TokenKind::Punct
            && matches!(
                t.text,
                "," | "(" | "-" | "--" | "\u{2013}" | "\u{2014}" | ")" | ">" | ">>" | "\u{bb}" | "|" | ":"
            )
    });
    at_start && shouted && closed
}

/// Whether a town's name is an English word that copy writes capitalised for other reasons:
/// a greeting ("Welcome back"), a sentence's first word ("Hope is fading"), a body's name
/// ("Independence Day", "Union Station"). The gazetteer builder's STOP list, for the
/// American towns it keeps (scripts/build_gazetteer.py), and a few more.
fn is_word_town(name: &str) -> bool {
    matches!(
        name,
        "Welcome"
            | "Hope"
            | "Independence"
            | "Liberty"
            | "Justice"
            | "Union"
            | "Mission"
            | "Victoria"
            | "Central"
            | "Center"
            | "August"
            | "Berea"
            | "Camp"
            | "Friendship"
            | "Harmony"
            | "Energy"
            | "Commerce"
            | "Industry"
            | "Security"
    )
}

/// Words that reports capitalise and that are not places, though their keys name one:
/// a channel, a nerve agent, a given name.
const NOT_PLACES: &[&str] = &["Al Jazeera", "Sarin", "Laila", "Al Arabiya", "Share"];

/// A key under which the common transliterations of one Arabic name meet:
/// "Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr" and "Deir el-Zour" all give "dayrzur";
/// "Khan Sheikhoun" and "Khan Shaykhun" give "kanshaykun".
///
/// Written by hand: no crate folds Arabic romanisations, and the rules are few. Articles
/// (al-, el-, ez-…) are dropped, vowels and digraphs that romanisations disagree on are
/// merged, and doubled letters collapse.
pub fn transliteration_key(name: &str) -> String {
    let mut out = String::new();
    transliteration_key_into(name, &mut out);
    out
}

/// Looks `text` up by its transliteration key. Reports name the same people and places
/// again and again, so each thread keeps the keys it has made; a key depends on the text
/// alone, so the cache never changes a result.
fn cached_key<T>(text: &str, look_up: impl FnOnce(&str) -> T) -> T {
    /// Past this many keys the cache starts afresh, keeping memory flat on any corpus.
    const MAX_KEYS: usize = 100_000;
    thread_local! {
        static KEYS: std::cell::RefCell<FxHashMap<Box<str>, Box<str>>> = std::cell::RefCell::new(FxHashMap::default());
    }
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        if let Some(key) = keys.get(text) {
            return look_up(key);
        }
        if keys.len() >= MAX_KEYS {
            keys.clear();
        }
        let key: Box<str> = transliteration_key(text).into();
        let found = look_up(&key);
        keys.insert(text.into(), key);
        found
    })
}

/// [`transliteration_key`] into a buffer the caller reuses: no allocation on the hot path.
pub fn transliteration_key_into(name: &str, out: &mut String) {
    const ARTICLES: &[&str] = &[
        "al", "el", "ar", "er", "as", "es", "ad", "ed", "az", "ez", "an", "en", "at", "et", "ash", "ul",
    ];
    const SEPARATORS: [char; 5] = [' ', '-', '\'', '\u{2019}', '`'];
    out.clear();
    let parts = name.split(SEPARATORS).filter(|p| !p.is_empty());
    let n_parts = parts.clone().count();
    // Names are short; letters past this many are left out of the key.
    let mut letters = [0u8; 96];
    let mut n_letters = 0;
    for (i, part) in parts.enumerate() {
        if i + 1 < n_parts && ARTICLES.iter().any(|a| part.eq_ignore_ascii_case(a)) {
            continue;
        }
        // "Ezzor": an article run into its sun letter.
        let b = part.as_bytes();
        let sun = i > 0
            && b.len() > 4
            && matches!(b[0].to_ascii_lowercase(), b'a' | b'e')
            && b[1].eq_ignore_ascii_case(&b[2])
            && !matches!(b[1].to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u');
        let part = if sun { &b[2..] } else { b };
        for &c in part.iter().filter(|c| c.is_ascii_alphabetic()) {
            if n_letters < letters.len() {
                letters[n_letters] = c.to_ascii_lowercase();
                n_letters += 1;
            }
        }
    }
    // One pass over the letters: digraphs first ("kh", "ee", "ou", "aw"), then the single
    // letters romanisations swap (e/a, o/u, y/i, w/u, q/k), then doubled letters collapse.
    let bytes = &letters[..n_letters];
    let mut last = None;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        let (mapped, width) = match (c, next) {
            (b'k' | b'g' | b'd' | b't', Some(b'h')) => (c as char, 2),
            (b'e', Some(b'e')) => ('i', 2),
            (b'o', Some(b'o' | b'u')) | (b'a' | b'o', Some(b'w')) => ('u', 2),
            (b'q', _) => ('k', 1),
            (b'e', _) => ('a', 1),
            (b'o' | b'w', _) => ('u', 1),
            (b'y', _) => ('i', 1),
            _ => (c as char, 1),
        };
        if last != Some(mapped) {
            out.push(mapped);
            last = Some(mapped);
        }
        i += width;
    }
    // A final -h after a vowel is silent: Raqqah, Hamah.
    if out.len() > 3 && out.ends_with('h') && out[..out.len() - 1].ends_with(['a', 'i', 'u']) {
        out.pop();
    }
}

impl Actors {
    /// The built-in lexicon extended by each `(origin, toml)` table in turn.
    pub fn new(extra: &[(String, String)]) -> Result<Actors, ExtractError> {
        let entries = load_entries(DEFAULT_ACTORS, extra)?;
        let matcher = Matcher::new(spellings(&entries), false)?;
        Ok(Actors { entries, matcher })
    }

    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.matcher.find(text)
    }

    /// Actors among a body's tokens, as (token range, entry).
    pub fn find_tokens(&self, tokens: &[Token<'_>], lowers: &Lowers) -> Vec<(Range<usize>, usize)> {
        self.matcher.find_tokens(tokens, lowers)
    }
}

impl Places {
    /// The curated table extended by each `(origin, toml)` table in turn, then GeoNames.
    pub fn new(extra: &[(String, String)]) -> Result<Places, ExtractError> {
        let mut entries = load_entries(DEFAULT_PLACES, extra)?;
        let world = add_geonames(&mut entries, GEONAMES);
        let matcher = Matcher::new(spellings(&entries[..world.start]), true)?;
        let mut by_name_admin1 = FxHashMap::with_capacity_and_hasher(entries.len(), Default::default());
        for (i, e) in entries.iter().enumerate() {
            if let (Some(admin1), 1..=4) = (&e.place.admin1, e.place.where_prec) {
                // Looked up by US states' names: Florida, the state, and not Florida in
                // Uruguay's department of Florida, whichever the gazetteer lists first.
                let us = |k: usize| entries[k].place.country.as_deref() == Some("US");
                by_name_admin1
                    .entry((e.place.name.to_lowercase(), admin1.clone()))
                    .and_modify(|k: &mut usize| {
                        if !us(*k) && us(i) {
                            *k = i;
                        }
                    })
                    .or_insert(i);
                // "Saint Charles, Illinois" is St. Charles, Illinois, however the gazetteer
                // spells it.
                for spelt in saints_spelt_otherwise(&e.place.name) {
                    by_name_admin1
                        .entry((spelt.to_lowercase(), admin1.clone()))
                        .or_insert(i);
                }
            }
        }
        let mut by_key = FxHashMap::default();
        let not_places: Vec<String> = NOT_PLACES.iter().map(|w| transliteration_key(w)).collect();
        for (i, e) in entries.iter().enumerate() {
            // Only the wars' own countries: a loose key elsewhere finds more noise than places.
            if !matches!(e.place.country.as_deref(), Some("SY" | "IQ")) {
                continue;
            }
            for name in std::iter::once(&e.place.name).chain(&e.aliases) {
                let key = transliteration_key(name);
                if key.len() >= 5 && !not_places.contains(&key) {
                    by_key.entry(key).or_insert(i);
                }
            }
        }
        let mut places = Places {
            entries,
            matcher,
            by_key,
            by_name_admin1,
            counties: FxHashMap::default(),
            world,
            world_matcher: std::sync::OnceLock::new(),
            address_towns: std::sync::OnceLock::new(),
            us_namesakes: std::sync::OnceLock::new(),
            state_centres: std::sync::OnceLock::new(),
        };
        for line in US_COUNTIES.lines().filter(|l| !l.starts_with('#')) {
            let Some((county, state)) = line.split_once('\t') else {
                continue;
            };
            if let Some(entry) = places.state_named(state) {
                places
                    .counties
                    .entry(county.to_lowercase())
                    .or_default()
                    .push(entry);
            }
        }
        Ok(places)
    }

    /// Builds the world's trie now rather than at the first report that needs it, so that
    /// a caller with a core to spare can build it while the first reports are read.
    pub fn prepare_world(&self) {
        self.world_matcher();
    }

    /// Places in a text of its own (a headline), as byte spans.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_from(text, Origin::default())
    }

    /// Places in a text of its own, read as coming from `origin`.
    pub fn find_from(&self, text: &str, origin: Origin<'_>) -> Vec<Mention> {
        find_in_text(text, |tokens, lowers| {
            self.find_tokens(text, tokens, lowers, origin, tokens.len())
        })
    }

    /// The state of the United States a short text (an outlet's name: "KAIT Jonesboro, AR",
    /// "WSIL-TV 3 Southern Illinois") puts itself in: the first its places name.
    pub fn us_state_named(&self, text: &str, origin: Origin<'_>) -> Option<&'static str> {
        let origin = Origin {
            american: true,
            ..origin
        };
        // A state the name spells out, by its name or postal code, before the state of its
        // first town: "WOWK 13 Charleston, Huntington WV News" is West Virginia's, not South
        // Carolina's.
        let tokens = tokenize(text);
        let spelt = (0..tokens.len()).find_map(|i| {
            let (name, taken) = us_state_at(&tokens, i)?;
            let postal = tokens[i].text.len() == 2 && tokens[i].text.bytes().all(|b| b.is_ascii_uppercase());
            // "Washington" alone in a station's name is the capital, and "Kansas City" or
            // "Virginia Beach" a town.
            let spelt_out = taken == name.split(' ').count()
                && tokens[i].text == name.split(' ').next()?
                && name != "Washington"
                && !tokens.get(i + taken).is_some_and(|t| t.is_capitalised());
            (postal || spelt_out).then_some(name)
        });
        if spelt.is_some() {
            return spelt;
        }
        self.find_from(text, origin)
            .iter()
            .find_map(|m| {
                let place = &self.entries[m.entry].place;
                let admin1 = place
                    .admin1
                    .as_deref()
                    .filter(|_| place.country.as_deref() == Some("US"))?;
                US_STATES
                    .iter()
                    .map(|&(name, ..)| name)
                    .find(|&name| name == admin1)
            })
            .or_else(|| {
                // "WTVM.com-Columbus, GA": a state after a comma, whatever came before it.
                (1..tokens.len())
                    .filter(|&i| tokens[i - 1].text == ",")
                    .find_map(|i| us_state_at(&tokens, i))
                    .map(|(name, _)| name)
            })
    }

    /// The biggest city of at least `population` people within `km` of a place, in its
    /// state: the city a neighbourhood is part of.
    pub fn city_near(&self, place: &Place, population: u64, km: f64) -> Option<&PlaceEntry> {
        let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
            return None;
        };
        self.entries
            .iter()
            .filter(|e| {
                e.population >= population
                    && e.place.where_prec <= 2
                    && e.place.admin1 == place.admin1
                    && e.place.country == place.country
            })
            .filter(|e| match (e.place.lat, e.place.lon) {
                (Some(a), Some(b)) => km_between(lat, lon, a, b) < km,
                _ => false,
            })
            .max_by_key(|e| e.population)
    }

    /// The American town an outlet's address is named for: "thomastontimes.com",
    /// "texarkanagazette.com", "galesburg.com", "kansascity.com". The address's name must
    /// be the town's and nothing but newspaper words after it; a town named like a state
    /// ("delawareonline.com") or a paper ("globegazette.com") is none. Of homonyms, the one
    /// in the outlet's home state where it is known (and none if that state has none),
    /// else the largest.
    pub fn town_of_address(&self, url: &str, home_state: Option<&str>) -> Option<&PlaceEntry> {
        if let Some(town) = self.town_and_state_of_address(url) {
            return Some(town);
        }
        let towns = self.address_town_keys();
        let name = address_name(url, &["com"])?;
        let &largest = (5..=name.len())
            .rev()
            .filter(|&n| papers(&name[n..]))
            .find_map(|n| towns.get(&name[..n]))?;
        let town = match home_state {
            Some(state) => self.named_in(&self.entries[largest].place.name, state)?,
            None => largest,
        };
        Some(&self.entries[town])
    }

    /// How many people live in a place, where the gazetteer knows it by its name and state.
    pub(crate) fn population_of(&self, place: &Place) -> Option<u64> {
        let e = &self.entries[self.named_in(&place.name, place.admin1.as_deref()?)?];
        (e.place.country == place.country).then_some(e.population)
    }

    /// The place of this name (any case) in `admin1`, homonyms included, if the gazetteer
    /// knows one: the Springfield of Illinois; a state by its own name ("Ohio", "Ohio").
    pub(crate) fn named_in(&self, name: &str, admin1: &str) -> Option<usize> {
        self.by_name_admin1
            .get(&(name.to_lowercase(), admin1.to_string()))
            .copied()
    }

    /// American towns by their name in lower-case letters alone ("stlouis"), the largest
    /// of homonyms.
    fn address_town_keys(&self) -> &FxHashMap<String, usize> {
        self.address_towns.get_or_init(|| {
            let mut towns: FxHashMap<String, usize> = FxHashMap::default();
            for (i, e) in self.entries.iter().enumerate() {
                if e.place.country.as_deref() != Some("US") || e.place.where_prec != 1 {
                    continue;
                }
                let key: String = e
                    .place
                    .name
                    .chars()
                    .filter(char::is_ascii_alphabetic)
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                let bigger = |j: &usize| self.entries[*j].population >= e.population;
                let a_state = SQUASHED_STATES.iter().any(|(_, squashed)| *squashed == key);
                // "unionleader.com" is New Hampshire's Union Leader, not a paper of Union.
                let ok = key.len() >= 5
                    && !a_state
                    && !PAPER_WORDS.contains(&key.as_str())
                    && !is_word_town(&e.place.name);
                if ok && !towns.get(&key).is_some_and(bigger) {
                    towns.insert(key, i);
                }
            }
            towns
        })
    }

    /// The town an address spells with its state's postal code after it, as a town's own
    /// site or paper does: "stcharlesil.gov" is St. Charles, Illinois, "miamiok.com" Miami,
    /// Oklahoma. Only a town the gazetteer knows in that state, of five letters or more.
    pub fn town_and_state_of_address(&self, url: &str) -> Option<&PlaceEntry> {
        let name = address_name(url, &["com", "gov", "org", "net", "us"])?;
        let (town, postal) = name.split_at(name.len().checked_sub(2)?);
        let &(state, _, _) = US_STATES
            .iter()
            .find(|(_, code, _)| code.eq_ignore_ascii_case(postal))?;
        let &largest = self.address_town_keys().get(town)?;
        Some(&self.entries[self.named_in(&self.entries[largest].place.name, state)?])
    }

    /// A state of the United States by its full name ("Ohio"), as a place.
    pub fn us_state(&self, name: &str) -> Option<Place> {
        self.us_state_entry(name).map(|e| self.entries[e].place.clone())
    }

    /// [`Places::us_state`]'s entry.
    pub fn us_state_entry(&self, name: &str) -> Option<usize> {
        let entry = self.named_in(name, name)?;
        let place = &self.entries[entry].place;
        (place.where_prec == 4 && place.country.as_deref() == Some("US")).then_some(entry)
    }

    /// Places among a body's tokens: exact spellings, then runs of capitalised words whose
    /// transliteration key names a place ("Deir az-Zour", "Maaret al-Noman").
    /// `origin`: where the report comes from. From an American outlet ([`american_address`]),
    /// only a province or country of the region, not a village's name it happens to share
    /// with an English word ("Shin", "Dana"), makes it a report from the war; from an
    /// outlet whose home state is known, that state's small towns are believed and a
    /// homonym is the home state's.
    /// The first `headline` tokens are a headline, read with the body: a state or town the
    /// body names settles the headline's homonyms, and the other way about.
    pub fn find_tokens(
        &self,
        body: &str,
        tokens: &[Token<'_>],
        lowers: &Lowers,
        origin: Origin<'_>,
        headline: usize,
    ) -> Vec<(Range<usize>, usize)> {
        let american_outlet = origin.american || origin.home_state.is_some();
        let mut found = self.matcher.find_tokens(tokens, lowers);
        // "said Georgia Jackson, the victims' grandmother": a woman, not the state.
        found.retain(|(range, entry)| {
            let place = &self.entries[*entry].place;
            !(place.where_prec >= 4
                && self.state_named(&place.name).is_some()
                && state_as_persons_name(tokens, range))
        });
        let mut taken = vec![false; tokens.len()];
        for (range, _) in &found {
            taken[range.clone()].fill(true);
        }
        let mut i = 0;
        while i < tokens.len() {
            // "al-Raqqa": a hyphenated word with a capitalised part counts as capitalised.
            let capitalised = |t: &Token<'_>| {
                t.is_capitalised()
                    || t.text.len() > 3 && t.text.as_bytes().contains(&b'-') && has_capitalised_word(t.text)
            };
            if taken[i] || !tokens[i].is_word() || !capitalised(&tokens[i]) {
                i += 1;
                continue;
            }
            // A run of up to four words, capitalised or articles, one space apart.
            let mut end = i + 1;
            while end < tokens.len()
                && end - i < 4
                && !taken[end]
                && tokens[end].is_word()
                && &body[tokens[end - 1].span.end..tokens[end].span.start] == " "
                && (has_capitalised_word(tokens[end].text) || is_article(lowers.get(end)))
            {
                end += 1;
            }
            // The whole run, less a trailing article, or nothing: a part of a run is more
            // often a person's name ("Musa al Khalafa") than a place.
            let mut stop = end;
            while stop > i + 1 && is_article(lowers.get(stop - 1)) {
                stop -= 1;
            }
            // A lone word too short for a key, or one that is never a name ("The", "But"),
            // is not looked up.
            if stop == i + 1 && (tokens[i].text.len() < 5 || crate::words::is_not_name(lowers.get(i))) {
                i = end;
                continue;
            }
            let text = &body[tokens[i].span.start..tokens[stop - 1].span.end];
            let hit = cached_key(text, |key| self.by_key.get(key).map(|&entry| (i..stop, entry)));
            match hit {
                Some((range, entry)) => {
                    i = range.end;
                    found.push((range, entry));
                }
                None => i = end,
            }
        }
        // A war's province, country or city, or a town of the curated table (population
        // 0): a village's name alone ("Dana", "Ezra") is as often a word or a name of copy
        // from anywhere.
        // A town's name after a given name is a surname ("Francis Medina, 19, of Dayton" is
        // no one from the Basra town).
        let war_zone = found.iter().any(|(range, entry)| {
            let e = &self.entries[*entry];
            matches!(e.place.country.as_deref(), Some("SY" | "IQ"))
                && (e.place.where_prec >= 4
                    || !american_outlet
                        && !after_given_name(tokens, range)
                        && (e.population == 0 || e.population >= WAR_CITY_POPULATION))
        });
        let american = !war_zone && (american_outlet || has_american_institutions(tokens))
            || names_a_us_state(tokens, !war_zone);
        if american {
            // A report from the United States: the region's towns it seems to name are
            // words of its own ("Marie", "Drummond") far more often than Syrian villages,
            // and a country that shares a state's name ("Georgia") is the state.
            // A country's name is a surname or given name there too ("Laquantae Jordan,
            // 18", "her sister, Jordan Henries"), and the surname alone further down
            // ("Jordan has been charged") is the same man's.
            let persons_name = |range: &Range<usize>, entry: usize| {
                self.state_named(&self.entries[entry].place.name).is_none()
                    && (after_given_name(tokens, range) || reads_as_a_person(tokens, range))
            };
            let surnames: Vec<&str> = found
                .iter()
                .filter(|(range, entry)| persons_name(range, *entry))
                .map(|(range, _)| tokens[range.start].text)
                .collect();
            found.retain(|(range, entry)| {
                self.entries[*entry].place.where_prec >= 6
                    && !persons_name(range, *entry)
                    && !(range.len() == 1 && surnames.contains(&tokens[range.start].text))
            });
            for (_, entry) in &mut found {
                let place = &self.entries[*entry].place;
                if place.where_prec == 6 {
                    if let Some(state) = self.state_named(&place.name) {
                        if self.entries[state].place.country.as_deref() == Some("US") {
                            *entry = state;
                        }
                    }
                }
            }
        }
        if american || !war_zone {
            let world: Vec<_> = self
                .world_matcher()
                .find_tokens(tokens, lowers)
                .into_iter()
                .filter(|(range, entry)| {
                    !found
                        .iter()
                        .any(|(r, _)| r.start < range.end && range.start < r.end && !contains(range, r))
                        && !self.named_for(tokens, range, *entry)
                })
                .collect();
            let mut world = world;
            // "Calaveras County deputies": a county only one state has names that state.
            // The county's name is no town of it ("LEVY CO." is not Levy, Ark.). A county
            // several states have is kept with them, for a town of its name ("Anderson"
            // beside "Anderson County"): the county's seat, most often.
            let mut seats: Vec<(String, &[usize])> = Vec::new();
            for (range, name, states) in self.counties_named(tokens) {
                let free = |r: &Range<usize>| r.end <= range.start || range.end <= r.start;
                // "PANOLA COUNTY, Miss.": a county several states have, with its state after it.
                // The state is named where it stands; the county stays among the seats, for a
                // town of its name ("Chesterfield" beside "Chesterfield County, S.C.").
                // (After a town, "Chester, Delaware County, Pa.", the town takes the state.)
                let after_town = range.start > 0 && tokens[range.start - 1].text == ",";
                if let Some((state, end)) = state_after(tokens, &range).filter(|_| !after_town) {
                    let named = self.state_named(state).filter(|named| states.contains(named));
                    if let Some(named) = named.filter(|_| states.len() > 1) {
                        world.push((range.end + 1..end, named));
                    }
                }
                match *states {
                    [state] if found.iter().all(|(r, _)| free(r)) => {
                        world.retain(|(r, _)| free(r));
                        world.push((range, state));
                    }
                    [_] => {}
                    _ => seats.push((name, states)),
                }
            }
            world.sort_by_key(|(range, _)| range.start);
            let towns =
                self.trusted_world_towns(tokens, world, Origin { american, ..origin }, headline, &seats);
            // "New Jersey", the state, over the island of Jersey that the region's table knows.
            found.retain(|(r, _)| !towns.iter().any(|(w, _)| contains(w, r)));
            // Copy that names American towns and no war's province or city names no village of
            // the region either: "Dana" is a given name there.
            if !war_zone
                && towns
                    .iter()
                    .any(|&(_, e)| self.entries[e].place.country.as_deref() == Some("US"))
            {
                found.retain(|&(_, e)| e >= self.world.start || self.entries[e].place.where_prec >= 4);
            }
            found.extend(towns);
            let free = |k: usize| found.iter().all(|(r, _)| !r.contains(&k));
            let merged: Vec<_> = (0..tokens.len())
                .filter(|&k| free(k))
                .filter_map(|k| Some((k..k + 1, self.town_of_county(tokens[k].text)?)))
                .collect();
            found.extend(merged);
            // The same without its hyphen, before the force's name: "Savannah Chatham
            // Metropolitan Police" (which reads as a person's name, or as Chatham, Ill.).
            let unhyphenated: Vec<_> = (0..tokens.len().saturating_sub(2))
                .filter(|&k| matches!(tokens[k + 2].text, "Metro" | "Metropolitan" | "Police"))
                .filter(|&k| tokens[k + 1].space_before)
                .filter_map(|k| {
                    let pair = format!("{}-{}", tokens[k].text, tokens[k + 1].text);
                    Some((k..k + 2, self.town_of_county(&pair)?))
                })
                .collect();
            for (range, town) in unhyphenated {
                found.retain(|(r, _)| r.end <= range.start || range.end <= r.start);
                found.push((range, town));
            }
            self.keep_to_home_state(tokens, &mut found, origin.home_state, headline);
        }
        found.retain(|(range, entry)| !self.named_for(tokens, range, *entry));
        found.sort_by_key(|(range, _)| range.start);
        for (range, entry) in &mut found {
            if let Some(named) = self.town_in_state(tokens, range, *entry) {
                *entry = named.0;
                range.end = named.1;
            }
            // "Washington State" and "Washington state" are the state, not the capital.
            let state_word = tokens
                .get(range.end)
                .is_some_and(|t| matches!(t.text, "State" | "state"));
            if state_word && tokens[range.clone()].iter().map(|t| t.text).eq(["Washington"]) {
                if let Some(state) = self.named_in("Washington", "Washington") {
                    *entry = state;
                    range.end += 1;
                }
            }
        }
        found
    }

    /// The world's towns worth believing in a report. The rest of the world's names are
    /// also words of the region's copy ("Arab", "Levant", "August"), so a town counts only
    /// when a state follows it ("Arab, Ala."), when the report names its state elsewhere,
    /// or when it is a city of [`WORLD_CITY_POPULATION`]. A homonym whose state the report
    /// names replaces the largest town of its name.
    ///
    /// The outlet's home state, where known, comes after the states the report names: its
    /// towns are believed, and a homonym the report ties to no state is the home state's.
    /// It never makes a big city of another state a neighbourhood.
    fn trusted_world_towns(
        &self,
        tokens: &[Token<'_>],
        found: Vec<(Range<usize>, usize)>,
        origin: Origin<'_>,
        headline: usize,
        seats: &[(String, &[usize])],
    ) -> Vec<(Range<usize>, usize)> {
        // `origin.american` here is whether the copy reads as American, its outlet's or not.
        let (american, home_state) = (origin.american, origin.home_state);
        let mut states: Vec<&str> = found
            .iter()
            .filter_map(|&(ref range, entry)| {
                let place = &self.entries[entry].place;
                match self.town_in_state(tokens, range, entry) {
                    Some((town, _)) => self.entries[town].place.admin1.as_deref(),
                    // "D.C." names the District as much as its city (not so its quarters: "Shaw"
                    // is as often a surname).
                    None if place.where_prec == 4
                        || place.admin1.as_deref() == Some(DISTRICT) && place.name == "Washington" =>
                    {
                        place.admin1.as_deref()
                    }
                    // "SHELBY, N.Y.": a state named after a town it has none of by that name.
                    None => state_after(tokens, range).map(|(state, _)| state),
                }
            })
            .collect();
        let named_states = !states.is_empty();
        let home_only = home_state.filter(|h| !states.contains(h));
        // A headline in title case ("Cheyenne Child Shoots Himself") capitalises every word,
        // so a capitalised word after a town is no surname.
        let long_words = || {
            tokens[..headline]
                .iter()
                .filter(|t| t.is_word() && t.text.len() > 3)
        };
        let title_case = long_words().count() >= 3 && long_words().all(|t| t.is_capitalised());
        if let Some(home) = home_only {
            states.push(home);
        }
        // The town of this name in a state the report names (or the home state). A village
        // of the home state the copy does not name yields to a big city of its name near that
        // state: "Newark" from a New York station is New Jersey's, not the village upstate.
        // The names of the American towns the copy may name, each once.
        let mut us_names: Vec<&str> = found
            .iter()
            .map(|(_, e)| &self.entries[*e].place)
            .filter(|p| is_us_town(p))
            .map(|p| p.name.as_str())
            .collect();
        us_names.sort_unstable();
        us_names.dedup();
        let in_named_state = |place: &Place| {
            let town = states
                .iter()
                .find_map(|&state| Some((state, self.named_in(&place.name, state)?)))?;
            let big_city = || {
                let &(population, city) = self.namesakes(&place.name)?.first()?;
                let near = self.km_from_state(&self.entries[city].place, town.0)? <= NEAR_HOME_KM;
                (population >= BIG_NAMESAKE_POPULATION && near).then_some(city)
            };
            if Some(town.0) == home_only && self.entries[town.1].population < VILLAGE_POPULATION {
                return big_city().or(Some(town.1));
            }
            Some(town.1)
        };
        found
            .into_iter()
            .filter_map(|(range, entry)| {
                let entry_ = &self.entries[entry];
                let place = &entry_.place;
                // "Welcome back. Please sign in", "Hope is fading": in American copy a town
                // named like a word is that town only with its state after it ("Hope, Ark.")
                // or in a dateline ("INDEPENDENCE, Mo. —").
                if american
                    && is_word_town(&place.name)
                    && state_after(tokens, &range).is_none()
                    && !is_dateline(tokens, &range)
                {
                    return None;
                }
                // In American copy a name the rest of the world shares with a state is the state
                // ("Georgia"), and the rest of the world's towns are words ("Metro", "Date").
                // A town of a state the report names is that state's ("Hamilton" beside Ohio).
                if american && place.country.as_deref() != Some("US") {
                    if let Some(town) = in_named_state(place) {
                        return Some((range, town));
                    }
                    if let Some(state) = self.state_named(&place.name) {
                        return Some((range, state));
                    }
                    // "a Birmingham lounge" in American copy that names no state is
                    // Alabama's: the largest American namesake, where it is a city the copy
                    // may name alone.
                    return self
                        .namesakes(&place.name)
                        .and_then(|towns| towns.first())
                        .filter(|&&(population, _)| {
                            states.is_empty() && population >= AMERICAN_NAMESAKE_POPULATION
                        })
                        .map(|&(_, town)| (range, town));
                }
                let in_state = self.town_in_state(tokens, &range, entry).is_some();
                // The town of its name in a state the report names: the same for any of its
                // namesakes, and asked only where no state follows the name.
                let named_town = if in_state { None } else { in_named_state(place) };
                // A town the copy ties to no state, of a name shared across the Mississippi,
                // is the namesake on the station's side of it.
                let entry = if in_state || named_town.is_some() {
                    entry
                } else {
                    self.on_stations_side(entry, origin.east)
                };
                let entry_ = &self.entries[entry];
                let place = &entry_.place;
                // "TROY, W.Va.", a town the gazetteer does not know in the state that follows
                // it, is somewhere in that state, not the Troy of another.
                if place.country.as_deref() == Some("US") && !in_state {
                    if let Some(state) = state_after(tokens, &range).and_then(|(s, _)| self.state_named(s)) {
                        return Some((range, state));
                    }
                }
                // A dateline ("DEER LODGE (WATE) —") is where copy says where it is from: the
                // town of its name in a state the report names or the outlet's home state
                // ("DANVILLE —" from Virginia), else the largest.
                let dateline = is_dateline(tokens, &range);
                if dateline && !in_state && place.where_prec < 4 {
                    return Some((range, named_town.unwrap_or(entry)));
                }
                if place.where_prec >= 4 || in_state {
                    return Some((range, entry));
                }
                if !(title_case && range.end <= headline) && reads_as_a_person(tokens, &range) {
                    return None;
                }
                // A title-case headline capitalises every word: a town named like a word the
                // body writes in lower case ("Shot During MLK Day Celebration", "the
                // celebration") is that word.
                if title_case && range.end <= headline && range.len() == 1 {
                    let word = tokens[range.start].text;
                    let lower_in_body = tokens[headline..]
                        .iter()
                        .any(|t| t.text.eq_ignore_ascii_case(word) && !t.is_capitalised());
                    if lower_in_body {
                        return None;
                    }
                }
                if place.admin1.as_deref().is_some_and(|a| states.contains(&a)) {
                    return Some((range, entry));
                }
                // A town of another state than the ones the report names is a neighbourhood
                // or a surname ("Austin" in a Chicago report).
                // The headline's own town is where the story is, whatever else the body names.
                let elsewhere =
                    named_states && place.country.as_deref() == Some("US") && range.end > headline;
                match named_town {
                    Some(town) => Some((range, town)),
                    None if elsewhere => None,
                    // A city of another state than the outlet's, in copy that names no state,
                    // only if the whole country knows it or it is near the outlet's state (a
                    // Memphis station's Southaven): a Nashville station's "Antioch" is its
                    // own quarter, not Antioch, California.
                    None if entry_.population >= WORLD_CITY_POPULATION
                        && (named_states
                            || place.country.as_deref() != Some("US")
                            || entry_.population >= NATIONAL_CITY_POPULATION
                            || home_state.is_none_or(|home| {
                                self.km_from_state(place, home)
                                    .is_none_or(|km| km <= NEAR_HOME_KM)
                            })) =>
                    {
                        Some((range, entry))
                    }
                    // "Edenton Police": a small town the copy vouches for, if it has no namesake
                    // near its size to be confused with. Not where the report names states or
                    // its outlet's home state has no town of the name, nor a town named like a
                    // state ("Delaware Police" are the state's).
                    None => (place.country.as_deref() == Some("US")
                        && states.is_empty()
                        && (vouched_for(tokens, &range)
                            // A headline's town, in copy that names no other ("Roxbury" beside
                            // "Boston" is a quarter of it).
                            || us_names.len() == 1 && headline_scene(tokens, &range, headline))
                        && self.state_named(&place.name).is_none()
                        && self.stands_out(&place.name, entry_.population))
                    .then_some((range, entry)),
                }
            })
            // A town believed, beside a county of its name ("Anderson", "Anderson County"),
            // is the one namesake in a state that has such a county: the county's seat, most
            // often. It makes no town of a county's name believed that was not.
            .map(|(range, entry)| {
                let place = &self.entries[entry].place;
                if place.country.as_deref() != Some("US") || place.where_prec > 2 {
                    return (range, entry);
                }
                let name = place.name.to_lowercase();
                let seat = seats
                    .iter()
                    .filter(|(county, _)| *county == name)
                    .find_map(|(_, states)| {
                        let mut namesakes = states
                            .iter()
                            .filter_map(|&s| self.named_in(&name, self.entries[s].place.admin1.as_deref()?));
                        let first = namesakes.next()?;
                        namesakes.all(|e| e == first).then_some(first)
                    });
                (range, seat.unwrap_or(entry))
            })
            .collect()
    }

    /// American copy that names a big city of its own accord ("Chicago", three times) is
    /// at home in that city's state: a town of another state or country that the copy ties
    /// to no state of its own, and that is no dateline, is a neighbourhood ("Austin",
    /// "Chatham") or a word ("Most").
    ///
    /// From an outlet whose home state is known, a big city of that state is home however
    /// often it is named ("Chicago Police" once, beside "the Austin neighborhood").
    fn keep_to_home_state(
        &self,
        tokens: &[Token<'_>],
        found: &mut Vec<(Range<usize>, usize)>,
        home_state: Option<&str>,
        headline: usize,
    ) {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        // Someone's home ("Francis Medina, 19, of Dayton") or where they were taken makes no
        // report at home in its state.
        for (range, entry) in found.iter() {
            let (range, entry) = (range.clone(), *entry);
            let e = &self.entries[entry];
            if is_us_town(&e.place)
                && e.population >= 100_000
                && place_role(tokens, &range) == PlaceRole::Scene
            {
                match counts.iter_mut().find(|(x, _)| *x == entry) {
                    Some(c) => c.1 += 1,
                    None => counts.push((entry, 1)),
                }
            }
        }
        let in_home_state =
            |e: usize| home_state.is_some() && self.entries[e].place.admin1.as_deref() == home_state;
        let Some(&(home, mentions)) = counts
            .iter()
            .max_by_key(|&&(e, n)| (in_home_state(e), n, self.entries[e].population))
        else {
            return;
        };
        // A city named once among others is not yet home; nor one named once after another
        // town ("Trenton … a flight to Philadelphia").
        let first_us_town = found
            .iter()
            .filter(|(_, e)| is_us_town(&self.entries[*e].place))
            .min_by_key(|(r, _)| r.start)
            .map(|(_, e)| *e);
        if mentions < 2 && (counts.len() > 1 || first_us_town != Some(home)) && !in_home_state(home) {
            return;
        }
        let state = self.entries[home].place.admin1.clone();
        // A state the copy names at least as often as the city is as much at home: "in
        // Caruthersville, a small town in Missouri, about 90 miles north of Memphis".
        let named_states: Vec<&String> = found
            .iter()
            .map(|&(_, e)| &self.entries[e].place)
            .filter(|p| p.where_prec == 4)
            .filter_map(|p| p.admin1.as_ref())
            .collect();
        let as_much_at_home: Vec<String> = named_states
            .iter()
            .filter(|s| named_states.iter().filter(|t| t == s).count() >= mentions)
            .map(|s| (*s).clone())
            .collect();
        found.retain(|(range, entry)| {
            let place = &self.entries[*entry].place;
            let dateline = range.start == 0 || is_dateline(tokens, range) || range.start == headline;
            let at_home =
                place.admin1 == state || place.admin1.as_ref().is_some_and(|a| as_much_at_home.contains(a));
            range.end <= headline
                || place.where_prec >= 4
                || place.country.as_deref() == Some("US") && at_home
                || dateline
                || self.town_in_state(tokens, range, *entry).is_some()
        });
    }

    /// "Michigan Avenue", "Memphis Street", "Lake Michigan", "Orange County", "Baltimore and
    /// McHenry avenues", "Mt. Auburn", "the 900 block of Pennsylvania", "Maryland Parkway",
    /// "near Twain and Maryland": a street, a lake or a county named for a place is not the
    /// place.
    fn named_for(&self, tokens: &[Token<'_>], range: &Range<usize>, entry: usize) -> bool {
        let street = tokens.get(range.end).is_some_and(|t| {
            t.is_capitalised() && crate::words::is_street_word(&t.text.trim_end_matches('.').to_lowercase())
        });
        // "the corner of Baltimore and McHenry avenues": the first of two streets.
        let streets_pair = tokens.get(range.end).is_some_and(|t| t.text == "and")
            && tokens.get(range.end + 1).is_some_and(Token::is_capitalised)
            && tokens.get(range.end + 2).is_some_and(|t| {
                matches!(
                    t.text,
                    "streets"
                        | "avenues"
                        | "roads"
                        | "drives"
                        | "boulevards"
                        | "lanes"
                        | "Streets"
                        | "Avenues"
                )
            });
        // "Lake Charles", "Mount Auburn", "Mt. Auburn", "Fort Pierce": a longer name the
        // gazetteer would have matched whole, were it a town it knows.
        let before = |k: usize| range.start >= k && tokens[range.start - k].text == ".";
        let prefix = range.start > 0
            && (matches!(
                tokens[range.start - 1].text,
                "Lake" | "Mount" | "Fort" | "Port" | "Mt." | "Ft."
            ) || before(1) && range.start > 1 && matches!(tokens[range.start - 2].text, "Mt" | "Ft"));
        // "Orange County Sheriff's Office": a county named for a town is not the town.
        let county = tokens
            .get(range.end)
            .is_some_and(|t| matches!(t.text, "County" | "Parish"))
            && self.entries[entry].place.country.as_deref() == Some("US");
        // "the 900 block of Pennsylvania", "the 3200 block of West Lexington": a street,
        // though the copy cut its "Avenue".
        let compass = |k: usize| {
            matches!(
                tokens[k].text,
                "North" | "South" | "East" | "West" | "N" | "S" | "E" | "W"
            )
        };
        let of_at = match range.start {
            k if k >= 1 && compass(k - 1) => k - 1,
            k if k >= 2 && tokens[k - 1].text == "." && compass(k - 2) => k - 2,
            k => k,
        };
        let block = of_at >= 2
            && tokens[of_at - 1].text == "of"
            && tokens[of_at - 2].text.eq_ignore_ascii_case("block");
        // "University of Mississippi Medical Center": the first word of a body's name.
        let institution = range.len() == 1
            && tokens.get(range.end).is_some_and(|t| t.text == "of")
            && tokens.get(range.end + 1).is_some_and(Token::is_capitalised);
        // "South Maryland Parkway": a town named like a street word ends a street's name.
        let street_named = range.start > 0
            && tokens[range.start - 1].is_capitalised()
            && crate::words::is_street_word(&self.entries[entry].place.name.to_lowercase());
        // "near Twain and Maryland", "at Broadway and Main": the second of two streets
        // that cross.
        let crossing = range.start >= 3
            && tokens[range.start - 1].text == "and"
            && tokens[range.start - 2].is_capitalised()
            && matches!(tokens[range.start - 3].text, "near" | "at");
        street || streets_pair || prefix || county || block || institution || street_named || crossing
    }

    fn world_matcher(&self) -> &Matcher {
        self.world_matcher.get_or_init(|| {
            let offset = self.world.start;
            let spellings = spellings(&self.entries[self.world.clone()]).map(|(i, s)| (i + offset, s));
            Matcher::new(spellings, true).expect("the built-in gazetteer's spellings compile")
        })
    }

    /// Whether the American town of this name and population is the one copy means when
    /// it says no state: it has no namesake, or none a third its size.
    fn stands_out(&self, name: &str, population: u64) -> bool {
        self.namesakes(name).is_none_or(|p| {
            p.first().map(|&(n, _)| n) == Some(population)
                && p.get(1).is_none_or(|&(next, _)| next * 3 <= population)
        })
    }

    /// How far a place lies from a state's centre of population, in kilometres.
    fn km_from_state(&self, place: &Place, state: &str) -> Option<f64> {
        let centres = self.state_centres.get_or_init(|| {
            let mut sums: FxHashMap<String, (f64, f64, f64)> = FxHashMap::default();
            for e in &self.entries {
                let p = &e.place;
                if let (Some("US"), Some(admin1), Some(lat), Some(lon), 1..=2) =
                    (p.country.as_deref(), &p.admin1, p.lat, p.lon, p.where_prec)
                {
                    let w = e.population as f64;
                    let sum = sums.entry(admin1.clone()).or_default();
                    *sum = (sum.0 + w * lat, sum.1 + w * lon, sum.2 + w);
                }
            }
            sums.into_iter()
                .filter(|(_, (_, _, w))| *w > 0.0)
                .map(|(state, (lat, lon, w))| (state, (lat / w, lon / w)))
                .collect()
        });
        let &(lat, lon) = centres.get(state)?;
        Some(km_between(place.lat?, place.lon?, lat, lon))
    }

    /// The namesake of an American town on the side of the Mississippi a station broadcasts
    /// from, where the town is on the other side and the namesake at least two fifths its
    /// size: "Meridian" from WTOK is Mississippi's, not Idaho's. A city far bigger than any
    /// namesake on the station's side ("Dallas" from WFAA, "Duluth" from WDIO) stays itself.
    fn on_stations_side(&self, entry: usize, east: Option<bool>) -> usize {
        let side = |e: usize| self.entries[e].place.lon.map(|lon| lon > MISSISSIPPI_LON);
        let place = &self.entries[entry].place;
        let Some(east) = east else { return entry };
        if place.country.as_deref() != Some("US") || place.where_prec > 2 || side(entry) != Some(!east) {
            return entry;
        }
        let population = self.entries[entry].population;
        self.namesakes(&place.name)
            .and_then(|towns| {
                towns.iter().find(|&&(n, e)| {
                    side(e) == Some(east) && n.saturating_mul(5) >= population.saturating_mul(2)
                })
            })
            .map_or(entry, |&(_, e)| e)
    }

    /// The American towns of a name, each (population, entry), largest first.
    fn namesakes(&self, name: &str) -> Option<&Vec<(u64, usize)>> {
        let namesakes = self.us_namesakes.get_or_init(|| {
            let mut namesakes: FxHashMap<String, Vec<(u64, usize)>> = FxHashMap::default();
            for (i, e) in self.entries.iter().enumerate() {
                if is_us_town(&e.place) {
                    namesakes
                        .entry(e.place.name.to_lowercase())
                        .or_default()
                        .push((e.population, i));
                }
            }
            for towns in namesakes.values_mut() {
                towns.sort_unstable_by(|a, b| b.cmp(a));
            }
            namesakes
        });
        namesakes.get(&name.to_lowercase())
    }

    /// Counties the tokens name ("Calaveras County", "Ouachita Parish", "Marshall Co.",
    /// "BOONE COUNTY"), as (tokens, the name before the word "County" in lower case, the
    /// entries of the states that have one): up to three capitalised words before "County",
    /// "Parish" or "Borough", the longest that names a county.
    fn counties_named(&self, tokens: &[Token<'_>]) -> Vec<(Range<usize>, String, &[usize])> {
        let mut named = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            // "Marshall Co.", and a dateline's "BOONE COUNTY, Ind.".
            let abbreviated = matches!(t.text, "Co" | "CO")
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.text == "." && !n.space_before);
            let kind = match t.text {
                "County" | "COUNTY" => "County",
                "Parish" | "PARISH" => "Parish",
                "Borough" | "BOROUGH" => "Borough",
                _ if abbreviated => "County",
                _ => continue,
            };
            if !t.space_before {
                continue;
            }
            let county = (1..=3.min(i)).rev().find_map(|n| {
                let words = &tokens[i - n..i];
                let plain = words.iter().all(|w| w.is_word() && w.is_capitalised())
                    && words.iter().skip(1).all(|w| w.space_before && !w.newline_before);
                if !plain {
                    return None;
                }
                let name = words
                    .iter()
                    .map(|w| w.text)
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                let states = self.counties.get(&format!("{name} {}", kind.to_lowercase()))?;
                Some((i - n..i + 1 + usize::from(abbreviated), name, states.as_slice()))
            });
            named.extend(county);
        }
        named
    }

    /// The town a city-county government's name stands for: "Savannah-Chatham" (Metro
    /// Police), "Charlotte-Mecklenburg", "Athens-Clarke" (County): a town and the county of
    /// its state it shares a police force or a government with. Only where one state has
    /// both.
    fn town_of_county(&self, word: &str) -> Option<usize> {
        let (town, county) = word.split_once('-')?;
        let capitalised = |w: &str| w.len() > 2 && w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised(town) || !capitalised(county) || county.contains('-') {
            return None;
        }
        let states = self.counties.get(&format!("{} county", county.to_lowercase()))?;
        let mut towns = states
            .iter()
            .filter_map(|&s| self.named_in(town, self.entries[s].place.admin1.as_deref()?));
        let first = towns.next()?;
        towns.next().is_none().then_some(first)
    }

    /// The entry of the state (or province) of this name, as against a town of it.
    fn state_named(&self, name: &str) -> Option<usize> {
        self.named_in(name, name)
            .filter(|&e| self.entries[e].place.where_prec == 4)
    }

    /// The town a match names when a US state follows it ("Springfield, Ill."), as
    /// (entry, end of the state's tokens); the state's tokens join the match.
    fn town_in_state(
        &self,
        tokens: &[Token<'_>],
        range: &Range<usize>,
        entry: usize,
    ) -> Option<(usize, usize)> {
        let place = &self.entries[entry].place;
        let (state, end) = state_after(tokens, range)?;
        Some((self.named_in(&place.name, state)?, end))
    }
}

/// The other spellings copy gives a saint's town: "St Charles" and "Saint Charles" for
/// "St. Charles", "St. Louis" and "St Louis" for "Saint Louis"; and a mount's or a fort's:
/// "Mt. Holly" for "Mount Holly", "Ft. Myers" for "Fort Myers".
fn saints_spelt_otherwise(name: &str) -> Vec<String> {
    const SPELLINGS: [&[&str]; 3] = [
        &["St. ", "St ", "Saint "],
        &["Mt. ", "Mt ", "Mount "],
        &["Ft. ", "Ft ", "Fort "],
    ];
    for spellings in SPELLINGS {
        if let Some(rest) = spellings.iter().find_map(|prefix| name.strip_prefix(prefix)) {
            return spellings
                .iter()
                .map(|prefix| format!("{prefix}{rest}"))
                .filter(|spelt| spelt != name)
                .collect();
        }
    }
    Vec::new()
}

/// Adds the GeoNames rows. A row for a town the curated table already has (same country,
/// within about 5 km, a name with the same transliteration key) lends it its spellings; a spelling already taken is left out, so the
/// curated table and the user's tables always win. Rows of the "world" scope follow the
/// region's, and their range is returned. A town all of whose spellings are taken is a
/// homonym ("Springfield" in ten states): it goes after every other entry, in no matcher,
/// found only by its name and admin1.
fn add_geonames(entries: &mut Vec<PlaceEntry>, tsv: &str) -> Range<usize> {
    // Sized up front: growing these vectors of places copied each several times over.
    let rows = tsv.lines().filter(|l| !l.starts_with('#'));
    let world_rows = rows.clone().filter(|l| l.ends_with("\tworld")).count();
    entries.reserve(rows.count());
    let mut world = Vec::with_capacity(world_rows);
    let mut homonyms = Vec::new();
    let mut taken: rustc_hash::FxHashSet<String> = entries
        .iter()
        .flat_map(|e| std::iter::once(&e.place.name).chain(&e.aliases))
        .map(|a| a.to_lowercase())
        .collect();
    // Curated towns by country and the keys of their spellings, so that a GeoNames row
    // finds the curated town it duplicates without a walk over every curated entry.
    let mut curated_towns: FxHashMap<(String, String), Vec<usize>> = FxHashMap::default();
    for (i, e) in entries.iter().enumerate() {
        let Some(country) = e.place.country.as_deref().filter(|_| e.place.where_prec <= 2) else {
            continue;
        };
        for spelling in std::iter::once(&e.place.name).chain(&e.aliases) {
            let towns = curated_towns
                .entry((country.to_string(), transliteration_key(spelling)))
                .or_default();
            if !towns.contains(&i) {
                towns.push(i);
            }
        }
    }
    let curated_countries: std::collections::HashSet<String> =
        curated_towns.keys().map(|(country, _)| country.clone()).collect();
    // The region's rows first, so that a spelling a town of the region shares with a larger
    // town elsewhere stays the region's.
    // Then the states of the United States, so that "in Indiana" is the state and not
    // Indiana, Pa. (a town's name the gazetteer would otherwise give first, by size); the
    // town is still found with its state after it. Save Washington and the District of
    // Columbia: copy that names them means the capital.
    let rows = tsv.lines().filter(|l| !l.starts_with('#'));
    let region = rows.clone().filter(|l| !l.ends_with("\tworld"));
    let is_state = |l: &&str| {
        let mut cols = l.split('\t');
        let (name, admin1, country) = (cols.next(), cols.next(), cols.next());
        name == admin1
            && country == Some("US")
            && !matches!(name, Some("Washington" | DISTRICT))
            && cols.nth(2) == Some("4")
    };
    let states = rows.clone().filter(|l| l.ends_with("\tworld")).filter(is_state);
    let rest = rows.filter(|l| l.ends_with("\tworld") && !is_state(l));
    for line in region.chain(states).chain(rest) {
        let mut cols = line.split('\t');
        let [Some(name), Some(admin1), Some(country), Some(lat), Some(lon), Some(prec), Some(population), Some(aliases), Some(scope)] =
            std::array::from_fn(|_| cols.next())
        else {
            continue;
        };
        let lat: Option<f64> = lat.parse().ok();
        let lon: Option<f64> = lon.parse().ok();
        let fresh: Vec<String> = std::iter::once(name.to_string())
            .chain(aliases.split('|').map(str::to_string))
            .chain(saints_spelt_otherwise(name))
            .filter(|a| !a.is_empty() && taken.insert(a.to_lowercase()))
            .collect();
        let near = curated_countries
            .contains(country)
            .then(|| curated_towns.get(&(country.to_string(), transliteration_key(name))))
            .flatten()
            .and_then(|towns| {
                towns.iter().copied().find(|&i| {
                    let e = &entries[i].place;
                    matches!((e.lat, e.lon, lat, lon), (Some(a), Some(b), Some(c), Some(d)) if (a - c).abs() < 0.05 && (b - d).abs() < 0.05)
                })
            });
        match near {
            Some(i) => entries[i].aliases.extend(fresh),
            None => {
                let entry = PlaceEntry {
                    place: Place {
                        name: name.to_string(),
                        admin1: Some(admin1.to_string()).filter(|a| !a.is_empty()),
                        country: Some(country.to_string()),
                        lat,
                        lon,
                        where_prec: prec.parse().unwrap_or(1),
                    },
                    aliases: fresh,
                    population: population.parse().unwrap_or(0),
                };
                if entry.aliases.is_empty() {
                    homonyms.push(entry);
                } else if scope == "world" {
                    world.push(entry);
                } else {
                    entries.push(entry);
                }
            }
        }
    }
    let start = entries.len();
    entries.extend(world);
    let end = entries.len();
    entries.extend(homonyms);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_named_like_a_war_zone_town_makes_no_war_report() {
        let places = Places::new(&[]).unwrap();
        let found = places_in(
            &places,
            "A teen was wounded in Trenton. Jason Greco, 20, and Francis Medina, 19, were arrested.",
        );
        assert!(found.iter().all(|p| !p.contains("Basra")), "{found:?}");
        assert!(found.iter().any(|p| p.starts_with("Trenton")), "{found:?}");
    }

    #[test]
    fn a_big_city_named_once_later_or_as_a_home_makes_no_report_at_home_there() {
        let places = Places::new(&[]).unwrap();
        for text in [
            "Jason Greco, 20, of Dayton, was arrested after a teen was wounded in Trenton on Saturday, police said.",
            "A teen was wounded in Trenton on Saturday, police said. A man sent a woman $600 for a flight to Philadelphia.",
        ] {
            let found = places_in(&places, text);
            assert!(found.iter().any(|p| p == "Trenton, New Jersey"), "{found:?}");
        }
    }

    #[test]
    fn philly_is_philadelphia() {
        let places = Places::new(&[]).unwrap();
        assert_eq!(
            places_in(
                &places,
                "A college player was wounded in a South Philly shooting."
            ),
            ["Philadelphia, Pennsylvania"]
        );
    }

    #[test]
    fn a_places_role_by_the_words_around_it() {
        let role = |text: &str, place: &str| {
            let tokens = tokenize(text);
            let start = tokens
                .iter()
                .position(|t| t.text == place.split(' ').next().unwrap())
                .unwrap();
            place_role(&tokens, &(start..start + place.split(' ').count()))
        };
        assert_eq!(role("a Gary man was shot", "Gary"), PlaceRole::Home);
        assert_eq!(
            role(
                "identified as Dale Turner, 23, of the first block of West Harrison Street in Oak Park",
                "Oak Park"
            ),
            PlaceRole::Home
        );
        assert_eq!(
            role("He was shot on a porch in Oak Park.", "Oak Park"),
            PlaceRole::Scene
        );
        assert_eq!(
            role(
                "He was taken to Advocate Christ Medical Center in Oak Lawn",
                "Oak Lawn"
            ),
            PlaceRole::Afterwards
        );
        assert_eq!(
            role(
                "the shooting at the Navy Operations Center in Chattanooga",
                "Chattanooga"
            ),
            PlaceRole::Scene
        );
    }

    fn names(actors: &Actors, text: &str) -> Vec<String> {
        actors
            .find(text)
            .iter()
            .map(|m| actors.entries[m.entry].name.clone())
            .collect()
    }

    #[test]
    fn american_outlets_are_told_by_their_address() {
        for american in [
            "http://web.archive.org/web/20140215012040/http://www.waff.com:80/story/24426895/x",
            "https://wsbtv.com/news/local/shooting",
            "https://www.abc7chicago.com/archive/1",
            "http://pittsburgh.cbslocal.com/2014/01/02/x",
            "https://www.chicagotribune.com/news/local/breaking/x",
            "https://www.denverpost.com/2016/x",
        ] {
            assert!(american_address(american), "{american}");
        }
        for other in [
            "https://www.reuters.com/article/x",
            "https://www.bbc.co.uk/news/world-middle-east-1",
            "https://sana.sy/en/?p=1",
            "https://www.aljazeera.com/news/2017/4/4/x",
            "https://www.birminghammail.co.uk/news/x",
        ] {
            assert!(!american_address(other), "{other}");
        }
    }

    #[test]
    fn papers_named_for_their_towns() {
        let places = Places::new(&[]).unwrap();
        let town = |url: &str, home: Option<&str>| {
            places
                .town_of_address(url, home)
                .map(|e| (e.place.name.clone(), e.place.admin1.clone().unwrap_or_default()))
        };
        let at = |name: &str, state: &str| Some((name.to_string(), state.to_string()));
        assert_eq!(
            town(
                "http://web.archive.org/web/2016/http://thomastontimes.com/news/796/x",
                None
            ),
            at("Thomaston", "Georgia")
        );
        assert_eq!(
            town("https://www.kansascity.com/news/x", None),
            at("Kansas City", "Missouri")
        );
        assert_eq!(
            town("https://lancasteronline.com/news/x", Some("Pennsylvania")),
            at("Lancaster", "Pennsylvania")
        );
        // A state's paper, a paper's name, an address of other words, and a town the home
        // state has none of.
        assert_eq!(town("https://www.delawareonline.com/story/x", None), None);
        assert_eq!(town("https://globegazette.com/news/x", None), None);
        assert_eq!(town("https://www.reuters.com/article/x", None), None);
        assert_eq!(
            town("https://www.tri-cityherald.com/news/x", Some("Washington")),
            None
        );
        // A town's own site, its state's postal code after its name.
        assert_eq!(
            town("https://www.stcharlesil.gov/news/2017/03/10/x", None),
            at("St. Charles", "Illinois")
        );
        assert_eq!(town("https://www.facebook.com/x", None), None);
    }

    #[test]
    fn short_aliases_match_only_in_capitals() {
        let actors = Actors::new(&[]).unwrap();
        assert_eq!(names(&actors, "what is left of IS"), ["Islamic State"]);
        assert_eq!(
            names(&actors, "the US led coalition and Daesh"),
            ["US-led coalition", "Islamic State"]
        );
    }

    #[test]
    fn a_users_table_adds_actors_and_spellings() {
        let extra = r#"
            [[actor]]
            name = "Islamic State"
            type = "armed-group"
            aliases = ["Tanzim"]

            [[actor]]
            name = "Lions of the Valley"
            type = "militia"
            aliases = ["Valley Lions"]
        "#;
        let actors = Actors::new(&[("mine.toml".into(), extra.into())]).unwrap();
        assert_eq!(
            names(&actors, "Tanzim fighters fought the Valley Lions near ISIL lines"),
            ["Islamic State", "Lions of the Valley", "Islamic State"]
        );
        let bad = Actors::new(&[("bad.toml".into(), "[[actor]]\nname = 3".into())]);
        assert!(bad.unwrap_err().to_string().contains("bad.toml"));
    }

    #[test]
    fn an_address_named_for_a_state_names_the_outlets_home() {
        let of = |url: &str| state_of_address(url);
        assert_eq!(
            of("https://www.delawareonline.com/story/news/crime/x"),
            Some("Delaware")
        );
        assert_eq!(
            of("http://web.archive.org/web/2016/http://www.oregonlive.com/x"),
            Some("Oregon")
        );
        assert_eq!(of("http://www.newjerseyherald.com/x"), Some("New Jersey"));
        // A city named like a state, the capital's paper, or a state inside another word.
        assert_eq!(of("http://www.kansascity.com/news"), None);
        assert_eq!(of("https://www.washingtonpost.com/local"), None);
        assert_eq!(of("http://www.indianapolisrecorder.com/x"), None);
    }

    #[test]
    fn a_town_named_like_the_first_word_of_a_bodys_name_is_not_named() {
        let places = Places::new(&[]).unwrap();
        let from_mississippi = Origin {
            american: true,
            home_state: Some("Mississippi"),
            east: None,
        };
        assert_eq!(
            places_from(
                &places,
                "The boy was taken to the University of Mississippi Medical Center in Brookhaven.",
                from_mississippi
            ),
            ["Mississippi, Mississippi", "Brookhaven, Mississippi"]
        );
    }

    #[test]
    fn a_county_one_state_has_names_that_state() {
        let places = Places::new(&[]).unwrap();
        // Only California has a Calaveras County: it names the state, and believes its small
        // towns.
        assert_eq!(
            places_in(
                &places,
                "Calaveras County deputies said a boy was shot near Murphys."
            ),
            ["California, California", "Murphys, California"]
        );
        assert_eq!(
            places_in(
                &places,
                "Ouachita Parish deputies said a man was shot in Sterlington."
            ),
            ["Louisiana, Louisiana", "Sterlington, Louisiana"]
        );
        assert_eq!(
            places_in(
                &places,
                "LEVY CO., Fla. - A man was shot while hunting near Bronson."
            ),
            ["Florida, Florida", "Bronson, Florida"]
        );
        // Several states have an Anderson County; of them only South Carolina an Anderson,
        // which the big Anderson of Indiana gives way to.
        assert_eq!(
            places_in(
                &places,
                "Anderson County deputies said a man was shot in Anderson."
            ),
            ["Anderson, South Carolina"]
        );
        assert_eq!(
            places_in(&places, "A man was shot in Anderson."),
            ["Anderson, Indiana"]
        );
        // Many states have an Orange County: it names none of them, unless its state follows.
        assert!(places_in(&places, "Orange County deputies said a man was shot.").is_empty());
        assert_eq!(
            places_in(
                &places,
                "PANOLA COUNTY, Miss. - Five people were shot on Smart Road on Friday night."
            ),
            ["Mississippi, Mississippi"]
        );
    }

    #[test]
    fn a_bare_dateline_is_the_home_states_namesake() {
        let places = Places::new(&[]).unwrap();
        let text = "DANVILLE - A man was wounded in a shooting Friday night, police said.";
        let from_virginia = Origin {
            american: true,
            home_state: Some("Virginia"),
            east: None,
        };
        assert_eq!(places_from(&places, text, from_virginia), ["Danville, Virginia"]);
        assert_eq!(places_in(&places, text), ["Danville, California"]);
    }

    #[test]
    fn a_datelines_state_holds_for_a_town_it_has_none_of() {
        let places = Places::new(&[]).unwrap();
        // New York has no Shelby the gazetteer knows; Michigan's big one is not this one.
        assert_eq!(
            places_in(
                &places,
                "SHELBY, N.Y. (WKXZ) - A boy from the Town of Shelby died Friday."
            ),
            ["New York, New York"]
        );
    }

    #[test]
    fn a_small_town_its_own_police_vouch_for() {
        let places = Places::new(&[]).unwrap();
        // Edenton has no namesake; its police make it a town without its state.
        assert_eq!(
            places_in(&places, "Edenton Police said a teen was shot near the harbor."),
            ["Edenton, North Carolina"]
        );
        assert!(places_in(&places, "A teen was shot near the harbor in Edenton.").is_empty());
        // So do its people: "an Edenton teen".
        assert_eq!(
            places_in(&places, "An Edenton teen was shot near the harbor."),
            ["Edenton, North Carolina"]
        );
        // Clinton has namesakes of its size in many states: which one, the copy does not say.
        assert!(places_in(&places, "Clinton Police said a man was shot.").is_empty());
        // A force named for what it guards, or the end of a longer name, vouches for no town.
        assert!(places_in(&places, "Airport Police said a man was shot.").is_empty());
        // A town's name ending on such a word is still the town's.
        assert_eq!(
            places_in(&places, "Nicoma Park Police said a boy shot himself."),
            ["Nicoma Park, Oklahoma"]
        );
        assert!(places_in(&places, "Pleasant Edenton Police said a man was shot.").is_empty());
        // Nor does it outweigh the outlet's home state.
        let from_ohio = Origin {
            american: true,
            home_state: Some("Ohio"),
            east: None,
        };
        assert!(places_from(&places, "Edenton Police said a teen was shot.", from_ohio).is_empty());
    }

    #[test]
    fn names_of_people_that_are_places_are_not_the_scene() {
        let places = Places::new(&[]).unwrap();
        let american = Origin {
            american: true,
            home_state: None,
            east: None,
        };
        // A state's name as a woman's, and a town's as a surname: Chicago stays the scene.
        let text = "Four men were shot dead in Chicago's South Shore neighborhood. \"We want answers,\" \
                    said Georgia Jackson, the victims' grandmother. \"He was kind,\" said Willamae \
                    Jackson, their aunt.";
        assert_eq!(
            places_from(&places, text, american),
            ["Chicago, Illinois", "South Shore, Illinois"]
        );
        // A state's bodies and a list of an outlet's beats still name the state.
        let text =
            "The Georgia Bureau of Investigation said a man was shot. WALB, South Georgia News, Weather.";
        assert_eq!(
            places_from(&places, text, american),
            ["Georgia, Georgia", "Georgia, Georgia"]
        );
        // A quarter of a town before its name is no given name.
        let text = "A man was shot in Southwest Philadelphia, police said.";
        assert_eq!(
            places_from(&places, text, american),
            ["Philadelphia, Pennsylvania"]
        );
        // A country's name as a man's surname, and as the surname alone further down.
        let text = "Deputies said Dontrell Jordan, 18, turned himself in on Tuesday. Jordan has been \
                    charged with murder.";
        assert!(places_from(&places, text, american).is_empty());
    }

    #[test]
    fn a_city_of_another_state_far_from_the_outlets_is_not_named_without_its_state() {
        let places = Places::new(&[]).unwrap();
        let from = |home| Origin {
            american: true,
            home_state: Some(home),
            east: None,
        };
        // A Nashville station's Antioch is its own quarter, not California's city.
        let text = "Two teens were shot and killed in Antioch on Saturday afternoon, police said.";
        assert!(!places_from(&places, text, from("Tennessee")).contains(&"Antioch, California".to_string()));
        assert!(places_from(&places, text, from("California")).contains(&"Antioch, California".to_string()));
        // A Memphis station's Southaven is across the state line, and a city all know is
        // anyone's.
        let text = "A man was shot outside a store in Southaven on Sunday, police said.";
        assert_eq!(
            places_from(&places, text, from("Tennessee")),
            ["Southaven, Mississippi"]
        );
        let text = "A man was shot outside a store in Houston on Sunday, police said.";
        assert_eq!(places_from(&places, text, from("Tennessee")), ["Houston, Texas"]);
    }

    #[test]
    fn a_stations_call_sign_settles_a_towns_name_shared_across_the_mississippi() {
        assert_eq!(
            station_east("http://www.wtok.com/content/news/x.html"),
            Some(true)
        );
        assert_eq!(
            station_east("http://web.archive.org/web/2017/http://kxan.com/2017/01/x/"),
            Some(false)
        );
        assert_eq!(station_east("http://www.wyff4.com/article/x"), Some(true));
        assert_eq!(station_east("http://www.sun-sentinel.com/news/x"), None);
        let places = Places::new(&[]).unwrap();
        let from = |east| Origin {
            american: true,
            home_state: None,
            east,
        };
        // Columbia, South Carolina is the bigger; a K station's Columbia is Missouri's.
        let text = "Four people were hurt in a shooting at a Columbia bar on Sunday.";
        assert_eq!(
            places_from(&places, text, from(None)),
            ["Columbia, South Carolina"]
        );
        assert_eq!(
            places_from(&places, text, from(Some(false))),
            ["Columbia, Missouri"]
        );
        // Meridian, Idaho is the bigger, but a W station's is never Idaho's: Mississippi's,
        // believed once the ledger learns the station's home.
        let text = "A child was shot at an apartment complex in Meridian on Sunday.";
        assert_eq!(places_from(&places, text, from(None)), ["Meridian, Idaho"]);
        assert!(places_from(&places, text, from(Some(true))).is_empty());
        let wtok = Origin {
            home_state: Some("Mississippi"),
            ..from(Some(true))
        };
        assert_eq!(places_from(&places, text, wtok), ["Meridian, Mississippi"]);
        // A city three times its eastern namesake stays itself: WDIO is Duluth's.
        let text = "Police investigate a shooting in Duluth's East Hillside.";
        assert_eq!(
            places_from(&places, text, from(Some(true)))[0],
            "Duluth, Minnesota"
        );
    }

    #[test]
    fn a_village_of_the_outlets_state_yields_to_a_big_city_of_its_name_nearby() {
        let places = Places::new(&[]).unwrap();
        let from = |home| Origin {
            american: true,
            home_state: Some(home),
            east: None,
        };
        // A New York station's Newark is New Jersey's city, not the village upstate; a
        // town of the home state as big as a town keeps it ("Columbus" from Georgia).
        let text = "Three teenagers were shot on a street in Newark on Wednesday night.";
        assert_eq!(
            places_from(&places, text, from("New York")),
            ["Newark, New Jersey"]
        );
        let text = "A man was shot Monday outside a store in Columbus.";
        assert_eq!(places_from(&places, text, from("Georgia")), ["Columbus, Georgia"]);
        // Nor where the copy names the state itself.
        let text = "Three teenagers were shot in Newark, New York, on Wednesday night.";
        assert_eq!(
            places_from(&places, text, from("New York"))[0],
            "Newark, New York"
        );
    }

    #[test]
    fn a_city_and_county_sharing_a_force_name_the_city() {
        let places = Places::new(&[]).unwrap();
        // A town and a county of its state, hyphenated: the town.
        assert_eq!(
            places_in(
                &places,
                "Savannah-Chatham Metro Police said a man was shot on Indiana Avenue."
            ),
            ["Savannah, Georgia"]
        );
        assert_eq!(
            places_in(
                &places,
                "Charlotte-Mecklenburg Police found a man shot in a parked car."
            ),
            ["Charlotte, North Carolina"]
        );
        // A city of a hyphenated name is itself.
        assert_eq!(
            places_in(&places, "Winston-Salem Police said a woman was wounded."),
            ["Winston-Salem, North Carolina"]
        );
        // "Metropolitan" is a force's, not a surname.
        assert_eq!(
            places_in(&places, "Las Vegas Metropolitan Police said two men were shot."),
            ["Las Vegas, Nevada"]
        );
    }

    #[test]
    fn a_county_named_for_a_state_and_the_district_named_with_its_city() {
        let places = Places::new(&[]).unwrap();
        // "Delaware County" after a town is its county, not the state of Delaware.
        assert_eq!(
            places_in(
                &places,
                "Four people were shot in Chester, Delaware County, Pa., overnight."
            ),
            ["Chester, Pennsylvania"]
        );
        // "D.C." names the District: a state named in passing moves it to no namesake.
        assert_eq!(
            places_in(
                &places,
                "A girl was killed in Southeast D.C. on Sunday. She had moved to Iowa for school."
            ),
            ["Washington, District of Columbia", "Iowa, Iowa"]
        );
    }

    #[test]
    fn a_world_city_in_american_copy_is_its_american_namesake() {
        let places = Places::new(&[]).unwrap();
        let american = Origin {
            american: true,
            home_state: None,
            east: None,
        };
        let text = "Police investigated a shooting at a Birmingham lounge that killed one man.";
        assert_eq!(places_from(&places, text, american), ["Birmingham, Alabama"]);
        // A smaller namesake too, a town of some 30,000 people.
        let text = "Police said a Chester man was shot outside his home on Friday.";
        assert_eq!(places_from(&places, text, american), ["Chester, Pennsylvania"]);
        // Not where the copy names another state: this Manchester is Tennessee's, never New
        // Hampshire's.
        let text = "A man was shot in Manchester on Friday. Tennessee deputies are investigating.";
        assert!(!places_from(&places, text, american)
            .iter()
            .any(|p| p.ends_with("New Hampshire")));
        // "Shaw", a quarter of Washington, is no mention of the District.
        let text = "Zanesville Police say a boy was shot. Shaw says the boy was home alone.";
        assert_eq!(places_in(&places, text), ["Zanesville, Ohio"]);
    }

    fn places_in(places: &Places, text: &str) -> Vec<String> {
        places_from(places, text, Origin::default())
    }

    fn places_from(places: &Places, text: &str, origin: Origin<'_>) -> Vec<String> {
        let tokens = crate::tokens::tokenize(text);
        let lowers = crate::tokens::Lowers::new(text, &tokens);
        places
            .find_tokens(text, &tokens, &lowers, origin, 0)
            .iter()
            .map(|&(_, e)| {
                let p = &places.entries[e].place;
                format!("{}, {}", p.name, p.admin1.as_deref().unwrap_or("-"))
            })
            .collect()
    }

    #[test]
    fn an_outlets_home_state_believes_its_towns_and_settles_homonyms() {
        let places = Places::new(&[]).unwrap();
        let text = "A man was shot Monday outside a store in Columbus, and another in Clinton.";
        let from = |state| Origin {
            american: true,
            home_state: Some(state),
            east: None,
        };
        // A title-case headline's capitals are no surnames.
        let headline = places.find("Cheyenne Child Shoots Himself In The Foot");
        assert_eq!(headline.len(), 1);
        assert_eq!(
            places.entries[headline[0].entry].place.admin1.as_deref(),
            Some("Wyoming")
        );
        // Without a home, the big Columbus; the small Clinton is not believed.
        assert_eq!(places_in(&places, text), ["Columbus, Ohio"]);
        assert_eq!(places_from(&places, text, from("Georgia")), ["Columbus, Georgia"]);
        let small = "A man was shot Monday outside a bar in downtown Clinton.";
        assert!(places_in(&places, small).is_empty());
        assert_eq!(places_from(&places, small, from("Iowa")), ["Clinton, Iowa"]);
        // A county named for a town is not the town.
        assert_eq!(
            places_from(
                &places,
                "Orange County deputies said a man was shot in Apopka.",
                from("Florida")
            ),
            ["Apopka, Florida"]
        );
        assert_eq!(places.us_state("Ohio").unwrap().where_prec, 4);
        assert!(places.us_state("Bavaria").is_none());
    }

    #[test]
    fn towns_of_the_world_with_their_states() {
        let places = Places::new(&[]).unwrap();
        assert_eq!(
            places_in(
                &places,
                "A man was shot in Springfield, Ill., on Sunday and another in Memphis, Tenn., police said."
            ),
            ["Springfield, Illinois", "Memphis, Tennessee"]
        );
        assert_eq!(
            places_in(&places, "SPRINGFIELD, Mo. (AP) — Two people were wounded."),
            ["Springfield, Missouri"]
        );
        // A report of the region never looks further afield, and a given name is no town.
        assert_eq!(
            places_in(&places, "Arab states met in Aleppo in August."),
            ["Aleppo, Aleppo"]
        );
        assert!(places_in(&places, "Dr Hassan al-Omari said nine died.").is_empty());
        // A street or a lake named for a place is not the place; a weekday is no surname.
        assert_eq!(
            places_in(
                &places,
                "Two men were shot on Michigan Avenue near Lake Michigan in Chicago, Ill., police said."
            ),
            ["Chicago, Illinois"]
        );
        // The first of two streets ("Baltimore and McHenry avenues") and the end of a longer
        // name ("Mt. Auburn", a neighbourhood) are not the towns they sound like.
        assert_eq!(
            places_in(
                &places,
                "Two were hurt at Baltimore and McHenry avenues in Mt. Auburn, Cincinnati police said."
            ),
            ["Cincinnati, Ohio"]
        );
        // A headline that cut a street's "Avenue" off still names a street.
        assert_eq!(
            places_in(
                &places,
                "Man killed on 900 block of Pennsylvania in Savannah, Ga."
            ),
            ["Savannah, Georgia"]
        );
        // A state's name is the state's, whatever town or island abroad shares it.
        assert_eq!(
            places_in(
                &places,
                "A father shot his son at a Florida gun range, deputies said."
            ),
            ["Florida, Florida"]
        );
        let jersey = places_in(
            &places,
            "A New Jersey woman called 911 to say she shot an intruder.",
        );
        assert_eq!(jersey, ["New Jersey, New Jersey"]);
        // A town the gazetteer does not know in the state after it is in that state, not a
        // homonym elsewhere; "W.Va." comes in four pieces.
        let troy = places_in(
            &places,
            "TROY, W.Va. — A boy was shot Wednesday in a small community.",
        );
        assert_eq!(
            troy.first().map(String::as_str),
            Some("West Virginia, West Virginia")
        );
        assert_eq!(
            places_in(&places, "A man was shot in southwest Columbus Tuesday afternoon."),
            ["Columbus, Ohio"]
        );
        // At home in Chicago, "Austin" is the West Side neighbourhood, not the Texas city.
        assert_eq!(
            places_in(
                &places,
                "Chicago police said a man was shot in the Austin neighborhood. It was Chicago's third shooting."
            ),
            ["Chicago, Illinois", "Chicago, Illinois"]
        );
    }

    #[test]
    fn datelines_in_capitals_and_names_in_capitals() {
        let places = Places::new(&[]).unwrap();
        // A byline before it, and the state abbreviated in capitals.
        assert_eq!(
            places_in(
                &places,
                "by Dana Ross\n\nFRAZEE, MINN. (KFGO) - A man shot himself in the hip, deputies said."
            ),
            ["Frazee, Minnesota"]
        );
        // "a Brooklyn park" is in Brooklyn, not in Brooklyn Park, Minnesota.
        assert_eq!(
            places_in(
                &places,
                "Five teens were shot in a Brooklyn park on Monday, police said."
            ),
            ["Brooklyn, New York"]
        );
        // A Syrian village's name alone does not make American copy a report from the war.
        assert_eq!(
            places_in(
                &places,
                "Dana Ross was shot in Cape Coral on Sunday, police said."
            ),
            ["Cape Coral, Florida"]
        );
        // A county between the town and its state.
        assert_eq!(
            places_in(
                &places,
                "GREENCASTLE, FRANKLIN COUNTY, Pa. -- A teenager was shot on Saturday."
            )[0],
            "Greencastle, Pennsylvania"
        );
    }

    #[test]
    fn a_headline_is_read_with_its_body() {
        let places = Places::new(&[]).unwrap();
        let headline = "Second man dies after Hamilton drive-by shooting";
        let body = "Two men were shot on Central Avenue, Butler County, Ohio deputies said.";
        let text = format!("{headline}\n\n{body}");
        let tokens = crate::tokens::tokenize(&text);
        let lowers = crate::tokens::Lowers::new(&text, &tokens);
        let at = crate::tokens::tokenize(headline).len();
        let found = places.find_tokens(&text, &tokens, &lowers, Origin::default(), at);
        let first = &places.entries[found[0].1].place;
        assert_eq!(
            (first.name.as_str(), first.admin1.as_deref()),
            ("Hamilton", Some("Ohio"))
        );
        // Alone, the headline's Hamilton is the largest of the name.
        let alone = places.find(headline);
        assert_eq!(
            places.entries[alone[0].entry].place.country.as_deref(),
            Some("CA")
        );
        assert_eq!(
            places.us_state_named("KAIT Jonesboro, AR", Origin::default()),
            Some("Arkansas")
        );
        assert_eq!(
            places.us_state_named("WTVM.com-Columbus, GA News Weather", Origin::default()),
            Some("Georgia")
        );
        // A state spelt out wins over the largest of its first town's name; a town named
        // for a state is a town.
        assert_eq!(
            places.us_state_named(
                "WKOV 13 Charleston, Huntington WV News, Weather",
                Origin::default()
            ),
            Some("West Virginia")
        );
        assert_eq!(
            places.us_state_named("Kansas City Daily Ledger (Kansas City, MO)", Origin::default()),
            Some("Missouri")
        );
        let state = places.find("Sky Valley Chronicle Washington State News");
        assert_eq!(places.entries[state[0].entry].place.where_prec, 4);
    }

    #[test]
    fn transliterations_meet_under_one_key() {
        let key = transliteration_key;
        for (a, b) in [
            ("Deir ez-Zor", "Deir Ezzor"),
            ("Deir ez-Zor", "Dayr az Zawr"),
            ("Deir ez-Zor", "Deir el-Zour"),
            ("Khan Sheikhoun", "Khan Shaykhun"),
            ("Maarat al-Numan", "Maaret al-Noman"),
            ("Raqqah", "Raqqa"),
        ] {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
        assert_ne!(key("Homs"), key("Hama"));
        let places = Places::new(&[]).unwrap();
        let found = places.find("Jets hit Deir az-Zour and Maaret al-Noman on Sunday");
        let names: Vec<&str> = found
            .iter()
            .map(|m| places.entries[m.entry].place.name.as_str())
            .collect();
        assert_eq!(names, ["Deir ez-Zor", "Maarat al-Numan"]);
        // Part of a person's name is not a place, whatever its key.
        assert!(places
            .find("the activist Musa al Khalafa told reporters")
            .is_empty());
    }

    #[test]
    fn a_users_table_adds_places() {
        let extra = "[[place]]\nname = \"Kafr Hamra\"\nadmin1 = \"Aleppo\"\ncountry = \"SY\"\nwhere_prec = 1\naliases = [\"Kfar Hamra\"]\n";
        let places = Places::new(&[("p.toml".into(), extra.into())]).unwrap();
        let found = places.find("shells fell on Kfar Hamra and al-Raqqa");
        let names: Vec<&str> = found
            .iter()
            .map(|m| places.entries[m.entry].place.name.as_str())
            .collect();
        assert_eq!(names, ["Kafr Hamra", "Raqqa"]);
    }
}
