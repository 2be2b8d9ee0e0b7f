//! One pass over a body that every later rule reads: tokens, sentences, clauses, and the
//! actors, places and people mentioned, each as a token range.

use crate::lexicon::{place_role, Actors, Origin, PlaceRole, Places};
use crate::time::{find_times, TimeExpr};
use crate::tokens::{join_tokens, sentences, tokenize, Lowers, Token, TokenKind, JOIN};
use crate::words;
use std::ops::Range;
use tally_core::Span;

/// A lexicon entry (actor or place) found at tokens `tokens`.
#[derive(Debug, Clone)]
pub struct LexMention {
    pub entry: usize,
    pub tokens: Range<usize>,
}

/// A person named in the report.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    /// Lower-case words of the name and role by which the report may name them again.
    pub name_words: Vec<String>,
    pub role_words: Vec<String>,
    /// Where they are first named, with any appositive role.
    pub first: Range<usize>,
}

/// Someone who can say something: a person or a lexicon actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Person(usize),
    Actor(usize),
}

/// A mention of an entity at tokens `tokens`.
#[derive(Debug, Clone)]
pub struct EntityMention {
    pub entity: Entity,
    pub tokens: Range<usize>,
}

/// A quotation: the tokens between its marks and the byte span of its words.
#[derive(Debug, Clone)]
pub struct QuoteSpan {
    pub open: usize,
    pub close: usize,
    pub inner: Span,
    pub speaker: Option<Entity>,
}

pub struct Analysis<'a> {
    pub body: &'a str,
    /// The state its outlet reports from, where the ledger has learnt it.
    pub home_state: Option<&'a str>,
    pub tokens: Vec<Token<'a>>,
    lowers: Lowers,
    pub sentences: Vec<Range<usize>>,
    pub sentence_of: Vec<usize>,
    /// The clause index of each token; clauses break at , ; : – — … ( ) and sentence ends.
    pub clause_of: Vec<usize>,
    pub times: Vec<TimeExpr>,
    /// For each token, whether a time expression covers it.
    pub in_time: Vec<bool>,
    pub actors: Vec<LexMention>,
    pub places: Vec<LexMention>,
    pub people: Vec<Person>,
    pub mentions: Vec<EntityMention>,
    pub quotes: Vec<QuoteSpan>,
    /// The places the headline names, as lexicon entries with what the headline makes of
    /// them, in order; the actors it names.
    pub title_places: Vec<(usize, PlaceRole)>,
    pub title_actors: Vec<usize>,
    /// For each token, whether it is on a line of a page's video or photo carousel, other
    /// stories' titles and blurbs run together ("… 1 of 9 … 2 of 9 …"): no part of the report.
    pub carousel: Vec<bool>,
    /// For each token: whether an actor or place mention covers it, and the quote holding it.
    in_lexicon: Vec<bool>,
    /// The quote holding each token, or `u32::MAX`.
    quote_of: Vec<u32>,
}

/// For each token, whether its line is a carousel: three counters or more of one carousel
/// ("1 of 9", "2 of 9", "3 of 9"), with other stories' titles between them. A photo
/// gallery's counters ("Image 1 of 33") are no carousel's: its captions tell this story.
fn carousel_lines(tokens: &[Token<'_>], lowers: &Lowers) -> Vec<bool> {
    let mut carousel = vec![false; tokens.len()];
    for line in crate::tokens::lines(tokens) {
        let mut counters: Vec<&str> = (line.start + 2..line.end)
            .filter(|&k| {
                lowers.get(k - 1) == "of"
                    && tokens[k].kind == TokenKind::Number
                    && tokens[k - 2].kind == TokenKind::Number
                    && !(k >= 3 && matches!(lowers.get(k - 3), "image" | "photo" | "slide" | "picture"))
            })
            .map(|k| tokens[k].text)
            .collect();
        counters.sort_unstable();
        let most = counters
            .chunk_by(|a, b| a == b)
            .map(<[&str]>::len)
            .max()
            .unwrap_or(0);
        if most >= 3 {
            carousel[line].fill(true);
        }
    }
    carousel
}

fn is_clause_break(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Punct
        && matches!(
            token.text,
            "," | ";" | ":" | "\u{2013}" | "\u{2014}" | "\u{2026}" | "(" | ")" | "-"
        )
        && (token.text != "-" || token.space_before)
}

/// A capitalised word, or an Arabic name with its article: "al-Hussein".
pub(crate) fn is_name_word(token: &Token<'_>) -> bool {
    if token.is_capitalised() {
        return true;
    }
    let text = token.text;
    // Only "al-", "el-", "ad-"…, "abu-" and "bin-" can lead a name in lower case.
    let bytes = text.as_bytes();
    if !matches!(
        bytes,
        [b'a' | b'e' | b'b', _, b'-', ..] | [b'a' | b'b', _, _, b'-', ..]
    ) {
        return false;
    }
    ["al-", "el-", "ad-", "as-", "ar-", "az-", "ash-", "abu-", "bin-"]
        .iter()
        .any(|p| {
            text.strip_prefix(p)
                .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
        })
}

/// A place the body names: its tokens and its gazetteer entry.
type Found = (Range<usize>, usize);

/// The places a headline names, and those its body names (by the body's tokens): read
/// together, so that "Hamilton" in the headline is the Ohio town a body naming Ohio means.
fn find_places(
    places: &Places,
    headline: Option<&str>,
    body: &str,
    tokens: &[Token<'_>],
    lowers: &Lowers,
    origin: Origin<'_>,
) -> (Vec<(usize, PlaceRole)>, Vec<Found>) {
    let Some(headline) = headline.filter(|h| !h.trim().is_empty()) else {
        return (Vec::new(), places.find_tokens(body, tokens, lowers, origin, 0));
    };
    // The body's tokens are not made or lowered again: only the headline's are.
    let joined = format!("{headline}{JOIN}{body}");
    let head = tokenize(headline);
    let at = head.len();
    let all_lowers = Lowers::joined(&Lowers::new(headline, &head), lowers);
    let all = join_tokens(headline, &head, tokens);
    let mut title = Vec::new();
    let mut found = Vec::new();
    for (range, entry) in places.find_tokens(&joined, &all, &all_lowers, origin, at) {
        if range.end <= at {
            title.push((entry, place_role(&all, &range)));
        } else if range.start >= at {
            found.push((range.start - at..range.end - at, entry));
        }
    }
    (title, found)
}

/// A headline and the outlet's name a page's title ends on, where it ends on one:
/// "Two shot outside bar - WXYZ Detroit, MI" is ("Two shot outside bar", "WXYZ Detroit, MI").
/// The headline is the title's first part of three words or more.
pub fn split_outlet(title: &str) -> (&str, Option<&str>) {
    const SEPARATORS: [&str; 5] = [" - ", " | ", " \u{2013} ", " \u{2014} ", " :: "];
    let mut cut = None;
    let mut from = 0;
    while let Some((at, sep)) = SEPARATORS
        .iter()
        .filter_map(|sep| title[from..].find(sep).map(|k| (from + k, sep.len())))
        .min()
    {
        if title[..at].split_whitespace().count() >= 3 {
            cut = Some((at, sep));
            break;
        }
        from = at + sep;
    }
    match cut {
        Some((at, sep)) if !title[at + sep..].trim().is_empty() => (&title[..at], Some(&title[at + sep..])),
        _ => (title, None),
    }
}

fn is_quote_mark(token: &Token<'_>) -> Option<bool> {
    if token.kind != TokenKind::Punct {
        return None;
    }
    match token.text {
        "\u{201c}" => Some(true),
        "\u{201d}" => Some(false),
        _ => None,
    }
}

impl<'a> Analysis<'a> {
    /// `origin`: where the report comes from ([`Origin`]).
    pub fn new(
        body: &'a str,
        title: Option<&str>,
        actors: &Actors,
        places: &Places,
        origin: Origin<'a>,
    ) -> Analysis<'a> {
        let (headline, outlet) = match title.map(split_outlet) {
            Some((headline, outlet)) => (Some(headline), outlet),
            None => (None, None),
        };
        // "… - KAIT Jonesboro, AR": the outlet a headline ends on says where it reports from.
        let origin = Origin {
            home_state: origin
                .home_state
                .or_else(|| outlet.and_then(|o| places.us_state_named(o, origin))),
            ..origin
        };
        let tokens = tokenize(body);
        let lowers = Lowers::new(body, &tokens);
        let sentences = sentences(body, &tokens);
        let mut sentence_of = vec![0; tokens.len()];
        let mut clause_of = vec![0; tokens.len()];
        let mut clause = 0;
        for (s, range) in sentences.iter().enumerate() {
            clause += 1;
            for i in range.clone() {
                sentence_of[i] = s;
                if is_clause_break(&tokens[i]) {
                    clause += 1;
                }
                clause_of[i] = clause;
            }
        }
        let carousel = carousel_lines(&tokens, &lowers);
        let actor_mentions: Vec<LexMention> = actors
            .find_tokens(&tokens, &lowers)
            .into_iter()
            .map(|(tokens, entry)| LexMention { entry, tokens })
            .filter(|m| !carousel[m.tokens.start])
            .collect();
        let (title_places, found) = find_places(places, headline, body, &tokens, &lowers, origin);
        // A place inside an actor's name ("Damascus government") is not a place mentioned,
        // nor is a state's name that a city's quarter bears ("the California neighborhood"
        // of Louisville).
        let place_mentions: Vec<LexMention> = found
            .into_iter()
            .map(|(tokens, entry)| LexMention { entry, tokens })
            .filter(|p| {
                !actor_mentions
                    .iter()
                    .any(|a| a.tokens.start <= p.tokens.start && p.tokens.end <= a.tokens.end)
            })
            .filter(|p| {
                places.entries[p.entry].place.where_prec != 4
                    || place_role(&tokens, &p.tokens) != PlaceRole::Neighbourhood
            })
            .filter(|p| !carousel[p.tokens.start])
            .collect();
        let mut times = Vec::new();
        for range in &sentences {
            for t in find_times(&tokens, range.clone(), &lowers) {
                if !carousel[t.start] {
                    times.push(t);
                }
            }
        }
        let mut in_time = vec![false; tokens.len()];
        for t in &times {
            in_time[t.start..t.end].fill(true);
        }
        let mut analysis = Analysis {
            home_state: origin.home_state,
            in_time,
            body,
            tokens,
            lowers,
            sentences,
            sentence_of,
            clause_of,
            times,
            actors: actor_mentions,
            places: place_mentions,
            people: Vec::new(),
            mentions: Vec::new(),
            quotes: Vec::new(),
            in_lexicon: Vec::new(),
            quote_of: Vec::new(),
            title_places,
            carousel,
            title_actors: title
                .map(|t| actors.find(t).iter().map(|m| m.entry).collect())
                .unwrap_or_default(),
        };
        let mut in_lexicon = vec![false; analysis.tokens.len()];
        for m in analysis.actors.iter().chain(&analysis.places) {
            in_lexicon[m.tokens.clone()].fill(true);
        }
        analysis.in_lexicon = in_lexicon;
        analysis.find_quotes();
        analysis.find_people();
        analysis.find_mentions();
        analysis.attribute_quotes();
        analysis
    }

    /// Every token in lower case.
    pub fn lowers(&self) -> &Lowers {
        &self.lowers
    }

    /// Token `i` in lower case, or "" past the end. Lowered once, when the analysis is made.
    pub fn lower(&self, i: usize) -> &str {
        self.lowers.get(i)
    }

    pub fn span_of(&self, tokens: Range<usize>) -> Span {
        Span::new(
            self.tokens[tokens.start].span.start,
            self.tokens[tokens.end - 1].span.end,
        )
    }

    pub fn text_of(&self, tokens: Range<usize>) -> &'a str {
        self.span_of(tokens).slice(self.body)
    }

    fn in_actor_or_place(&self, i: usize) -> bool {
        self.in_lexicon.get(i).copied().unwrap_or(false)
    }

    /// The quote whose words hold token `i`.
    pub fn quote_holding(&self, i: usize) -> Option<&QuoteSpan> {
        self.quote_of
            .get(i)
            .filter(|&&q| q != u32::MAX)
            .map(|&q| &self.quotes[q as usize])
    }

    fn find_quotes(&mut self) {
        let mut open: Option<usize> = None;
        let mut straight_open: Option<usize> = None;
        let mut pairs = Vec::new();
        for (i, token) in self.tokens.iter().enumerate() {
            if token.newline_before {
                open = None;
                straight_open = None;
            }
            match is_quote_mark(token) {
                Some(true) => open = Some(i),
                Some(false) => {
                    if let Some(o) = open.take() {
                        pairs.push((o, i));
                    }
                }
                None if token.text == "\"" => match straight_open.take() {
                    Some(o) => pairs.push((o, i)),
                    None => straight_open = Some(i),
                },
                None => {}
            }
        }
        pairs.sort_unstable();
        for (open, close) in pairs {
            self.push_quote(open, close);
        }
        self.quote_of = vec![u32::MAX; self.tokens.len()];
        for (q, quote) in self.quotes.iter().enumerate() {
            self.quote_of[quote.open + 1..quote.close].fill(q as u32);
        }
    }

    fn push_quote(&mut self, open: usize, close: usize) {
        // Fewer than four words is a scare quote ("siege"), not speech.
        let words = (open + 1..close).filter(|&i| self.tokens[i].is_word()).count();
        if words < 4 {
            return;
        }
        let mut last = close - 1;
        while last > open + 1 && matches!(self.tokens[last].text, "," | ";" | ":") {
            last -= 1;
        }
        self.quotes.push(QuoteSpan {
            open,
            close,
            inner: self.span_of(open + 1..last + 1),
            speaker: None,
        });
    }

    /// People: runs of capitalised words (with name particles) that a role, a title, an
    /// appositive or a reporting verb marks as a person.
    fn find_people(&mut self) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            // A name starts with a name word; most tokens are not one.
            if !is_name_word(&self.tokens[i]) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i;
            let mut capitals = 0;
            while end < n {
                let t = &self.tokens[end];
                let lower = self.lower(end);
                let joined = end == start || (t.space_before && !t.newline_before);
                if !joined
                    || self.in_actor_or_place(end)
                    || self.quote_holding(end).is_some() && self.quote_holding(start).is_none()
                {
                    break;
                }
                if is_name_word(t) && !words::is_not_name(lower) && !words::is_title(lower) {
                    capitals += 1;
                    end += 1;
                } else if end > start
                    && words::is_name_particle(lower)
                    && self.tokens.get(end + 1).is_some_and(Token::is_capitalised)
                {
                    end += 1;
                } else {
                    break;
                }
            }
            if capitals >= 2 && self.times.iter().all(|t| !(t.start < end && start < t.end)) {
                if let Some(person) = self.person_at(start, end) {
                    self.people.push(person);
                }
                i = end;
            } else {
                i = start + 1;
            }
        }
    }

    fn person_at(&self, start: usize, end: usize) -> Option<Person> {
        let name = self.text_of(start..end).to_string();
        if self.people.iter().any(|p| p.name == name) {
            return None;
        }
        // Role before the name: "local media activist Musa al Khalafa", "President Bashar al-Assad".
        let mut role_start = start;
        while role_start > 0 && start - role_start < 5 {
            let t = &self.tokens[role_start - 1];
            let lower = self.lower(role_start - 1);
            let fits = t.is_word()
                && !words::is_reporting_verb(lower)
                && !matches!(
                    lower,
                    "the"
                        | "a"
                        | "an"
                        | "said"
                        | "by"
                        | "to"
                        | "and"
                        | "of"
                        | "for"
                        | "from"
                        | "with"
                        | "that"
                        | "as"
                        | "in"
                        | "on"
                )
                && (words::is_role_noun(lower)
                    || words::is_title(lower)
                    || !t.is_capitalised()
                    || role_start < start);
            if !fits || self.sentence_of[role_start - 1] != self.sentence_of[start] {
                break;
            }
            role_start -= 1;
        }
        while role_start < start
            && !(start - role_start > 0
                && (role_start..start)
                    .any(|k| words::is_role_noun(self.lower(k)) || words::is_title(self.lower(k))))
        {
            role_start += 1;
        }
        // Trim leading words until the role ends on a role noun or title.
        let pre_role = (role_start < start)
            .then(|| {
                let last_role = (role_start..start)
                    .rev()
                    .find(|&k| words::is_role_noun(self.lower(k)) || words::is_title(self.lower(k)));
                last_role.map(|_| self.text_of(role_start..start).trim_end_matches('.').to_string())
            })
            .flatten();
        // Appositive after: "Zeid Ra'ad al-Hussein, the UN High Commissioner for Human Rights, said".
        let mut appositive = None;
        let mut first_end = end;
        if self.tokens.get(end).is_some_and(|t| t.is(','))
            && matches!(self.lower(end + 1), "the" | "a" | "an")
        {
            let mut j = end + 2;
            while j < self.tokens.len()
                && j < end + 14
                && !self.tokens[j].is(',')
                && self.sentence_of[j] == self.sentence_of[end]
            {
                j += 1;
            }
            let has_role = (end + 2..j).any(|k| words::is_role_noun(self.lower(k)));
            if has_role && self.tokens.get(j).is_some_and(|t| t.is(',')) {
                appositive = Some(self.text_of(end + 2..j).to_string());
                first_end = j + 1;
            }
        }
        let next = self.lower(end);
        let verb_follows = words::is_reporting_verb(next)
            || (appositive.is_some() && words::is_reporting_verb(self.lower(first_end)));
        let verb_before = start > 0 && words::is_reporting_verb(self.lower(start - 1));
        if pre_role.is_none() && appositive.is_none() && !verb_follows && !verb_before {
            return None;
        }
        let role = appositive.or(pre_role);
        let name_words = (start..end)
            .filter(|&k| !words::is_name_particle(self.lower(k)))
            .flat_map(|k| {
                let w = self.lower(k).replace('\u{2019}', "'");
                let bare = ["al-", "el-", "ar-", "as-", "ad-"]
                    .iter()
                    .find_map(|p| w.strip_prefix(p))
                    .map(str::to_string);
                std::iter::once(w).chain(bare)
            })
            .collect();
        let role_words = role
            .as_deref()
            .map(|r| {
                r.split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .filter(|w| words::is_role_noun(w))
                    .collect()
            })
            .unwrap_or_default();
        Some(Person {
            name,
            role,
            name_words,
            role_words,
            first: start..first_end,
        })
    }

    /// The person most recently named before token `i` with `word` among `words(person)`.
    fn person_named_before(
        &self,
        i: usize,
        words: impl Fn(&Person) -> &Vec<String>,
        word: &str,
    ) -> Option<usize> {
        self.people
            .iter()
            .enumerate()
            .rev()
            .find(|(_, p)| p.first.start < i && words(p).iter().any(|w| w == word))
            .map(|(p, _)| p)
    }

    /// Every mention of a person or actor, in order: full names, a surname or first name
    /// alone, "the activist" for the person whose role that is, and "he"/"she".
    fn find_mentions(&mut self) {
        let mut mentions: Vec<EntityMention> = Vec::new();
        for (p, person) in self.people.iter().enumerate() {
            mentions.push(EntityMention {
                entity: Entity::Person(p),
                tokens: person.first.clone(),
            });
        }
        for a in &self.actors {
            let inside_person = self
                .people
                .iter()
                .any(|p| p.first.start <= a.tokens.start && a.tokens.end <= p.first.end);
            if !inside_person {
                mentions.push(EntityMention {
                    entity: Entity::Actor(a.entry),
                    tokens: a.tokens.clone(),
                });
            }
        }
        let mut taken = vec![false; self.tokens.len()];
        for m in &mentions {
            taken[m.tokens.clone()].fill(true);
        }
        for (i, &is_taken) in taken.iter().enumerate() {
            if is_taken || !self.tokens[i].is_word() {
                continue;
            }
            let capitalised = self.tokens[i].is_capitalised();
            if !capitalised && !words::might_be_role_noun(self.lowers.hash(i)) {
                continue;
            }
            let lower = self.lower(i);
            let lower: std::borrow::Cow<'_, str> = if lower.contains('\u{2019}') {
                lower.replace('\u{2019}', "'").into()
            } else {
                lower.into()
            };
            let lower: &str = lower.strip_suffix("'s").unwrap_or(&lower);
            // A name word alone, for the person most recently named before it.
            if self.tokens[i].is_capitalised() && !self.in_actor_or_place(i) {
                if let Some(p) = self.person_named_before(i, |p| &p.name_words, lower) {
                    mentions.push(EntityMention {
                        entity: Entity::Person(p),
                        tokens: i..i + 1,
                    });
                    continue;
                }
            }
            // "the activist", "the UN rights chief": a role noun after "the" names the person with that role.
            if words::is_role_noun(lower) {
                let det = (i.saturating_sub(4)..i)
                    .rev()
                    .find(|&k| matches!(self.lower(k), "the" | "this"));
                if let Some(det) = det {
                    if let Some(p) = self.person_named_before(i, |p| &p.role_words, lower) {
                        mentions.push(EntityMention {
                            entity: Entity::Person(p),
                            tokens: det..i + 1,
                        });
                    }
                }
            }
        }
        // "the office", "the ministry": the last word of an actor named before, after "the".
        let last_words: Vec<&str> = self
            .actors
            .iter()
            .filter(|m| m.tokens.len() > 1)
            .map(|m| self.lower(m.tokens.end - 1))
            .collect();
        for (i, &is_taken) in taken.iter().enumerate().skip(1) {
            if self.lower(i - 1) != "the"
                || is_taken
                || !self.tokens[i].is_word()
                || self.tokens[i].is_capitalised()
            {
                continue;
            }
            let word = self.lower(i);
            if !last_words.contains(&word) {
                continue;
            }
            let earlier = self
                .actors
                .iter()
                .rev()
                .find(|m| m.tokens.end < i && m.tokens.len() > 1 && self.lower(m.tokens.end - 1) == word);
            if let Some(m) = earlier {
                mentions.push(EntityMention {
                    entity: Entity::Actor(m.entry),
                    tokens: i - 1..i + 1,
                });
            }
        }
        mentions.sort_by_key(|m| (m.tokens.start, m.tokens.end));
        self.mentions = mentions;
    }

    /// The speaker of a reporting verb at token `verb`: the mention just after it ("said
    /// Khalafa") or the nearest one before it in the sentence ("the UN said").
    pub fn subject_of(&self, verb: usize) -> Option<Entity> {
        let sentence = self.sentence_of[verb];
        let range = &self.sentences[sentence];
        let after = self.mentions.iter().find(|m| {
            let gap = m.tokens.start.saturating_sub(verb + 1);
            m.tokens.start > verb
                && gap <= 1
                && self.sentence_of[m.tokens.start] == sentence
                && (gap == 0 || matches!(self.lower(verb + 1), "the" | "by"))
        });
        let before = self
            .mentions
            .iter()
            .filter(|m| m.tokens.end <= verb && m.tokens.start >= range.start)
            .filter(|m| self.quote_holding(m.tokens.start).is_none() || self.quote_holding(verb).is_some())
            .filter(|m| {
                !self
                    .quotes
                    .iter()
                    .any(|q| m.tokens.end <= q.open && q.close < verb)
            })
            .max_by_key(|m| (m.tokens.end, m.tokens.end - m.tokens.start));
        let before = before.filter(|m| verb - m.tokens.end <= 8);
        let pronoun = verb > range.start && matches!(self.lower(verb - 1), "he" | "she" | "it" | "they");
        if pronoun {
            return self.pronoun_subject(verb);
        }
        // "said Khalafa" outranks a mention far before; an adjacent subject outranks both.
        match (before, after) {
            (Some(b), _) if verb - b.tokens.end <= 2 => Some(b.entity),
            (_, Some(a)) => Some(a.entity),
            (Some(b), None) => Some(b.entity),
            (None, None) => self.pronoun_subject(verb),
        }
    }

    /// "he said": the person most recently mentioned before. "it said", "they said": whoever
    /// the last reporting verb before this sentence had as its subject.
    fn pronoun_subject(&self, verb: usize) -> Option<Entity> {
        let pronoun = verb.checked_sub(1)?;
        match self.lower(pronoun) {
            "he" | "she" => self
                .mentions
                .iter()
                .rev()
                .find(|m| m.tokens.end <= pronoun && matches!(m.entity, Entity::Person(_)))
                .map(|m| m.entity),
            "it" | "they" => {
                let sentence_start = self.sentences[self.sentence_of[verb]].start;
                (sentence_start.saturating_sub(120)..sentence_start)
                    .rev()
                    .find_map(|k| {
                        if self.lower(k) == "according" && self.lower(k + 1) == "to" {
                            self.mention_after_according(k)
                        } else if words::is_reporting_verb(self.lower(k))
                            && !matches!(self.lower(k.saturating_sub(1)), "it" | "they")
                        {
                            self.subject_of(k)
                        } else {
                            None
                        }
                    })
            }
            _ => None,
        }
    }

    /// Whether an actor mention is the doer of harm: "by the coalition", "regime
    /// warplanes", "the coalition conducted", "Daesh executed"; not "IS-held", "against ISIS".
    pub fn is_agent(&self, m: &LexMention) -> bool {
        let mut before = m.tokens.start;
        while before > 0 && matches!(self.lower(before - 1), "the" | "a" | "an") {
            before -= 1;
        }
        if before > 0 && self.lower(before - 1) == "by" {
            return true;
        }
        let last = self.lower(m.tokens.end - 1);
        if words::is_agent_word(last) {
            return true;
        }
        for k in m.tokens.end..(m.tokens.end + 4).min(self.tokens.len()) {
            let t = &self.tokens[k];
            let word = self.lower(k);
            if !t.is_word() && !t.is('-') {
                return false;
            }
            if words::is_held_word(word) {
                return false;
            }
            if words::is_agent_word(word) {
                return true;
            }
            if words::is_victim_noun(word) && !matches!(word, "forces" | "troops") {
                return false;
            }
        }
        false
    }

    /// "according to the Syrian Observatory": the entity named after the cue at `k`.
    pub fn mention_after_according(&self, k: usize) -> Option<Entity> {
        self.mentions
            .iter()
            .find(|m| m.tokens.start > k + 1 && m.tokens.start <= k + 4)
            .map(|m| m.entity)
    }

    fn attribute_quotes(&mut self) {
        let mut speakers = Vec::with_capacity(self.quotes.len());
        for (q, quote) in self.quotes.iter().enumerate() {
            let mut speaker = None;
            // After: ”, Khalafa noted · ” the activist told RT · ” said Zeid.
            let mut j = quote.close + 1;
            let limit = (quote.close + 18).min(self.tokens.len());
            while j < limit && !self.tokens[j].newline_before {
                if is_quote_mark(&self.tokens[j]) == Some(true) || self.tokens[j].text == "\"" {
                    break;
                }
                if words::is_reporting_verb(self.lower(j)) {
                    speaker = self.quote_speaker_near(quote.close + 1, j);
                    break;
                }
                j += 1;
            }
            // Before: Khalafa said that “…
            if speaker.is_none() {
                let first = quote.open.saturating_sub(4);
                let verb = (first..quote.open).rev().find(|&k| {
                    words::is_reporting_verb(self.lower(k))
                        && self.sentence_of[k] == self.sentence_of[quote.open]
                });
                if let Some(verb) = verb {
                    speaker = self.subject_of(verb);
                }
            }
            // A second quote that runs on in the same paragraph is the same speaker's.
            if speaker.is_none() && q > 0 {
                let previous = &self.quotes[q - 1];
                let same_paragraph = !(previous.close + 1..=quote.open)
                    .any(|k| k < self.tokens.len() && self.tokens[k].newline_before);
                if same_paragraph {
                    speaker = speakers[q - 1];
                }
            }
            speakers.push(speaker);
        }
        for (quote, speaker) in self.quotes.iter_mut().zip(speakers) {
            quote.speaker = speaker;
        }
    }

    /// The speaker named between a closing quote and its verb, or just after the verb.
    fn quote_speaker_near(&self, from: usize, verb: usize) -> Option<Entity> {
        let between = self
            .mentions
            .iter()
            .find(|m| m.tokens.start >= from && m.tokens.end <= verb);
        if let Some(m) = between {
            return Some(m.entity);
        }
        if from < verb && matches!(self.lower(verb - 1), "he" | "she") {
            return self.pronoun_subject(verb);
        }
        self.mentions
            .iter()
            .find(|m| m.tokens.start > verb && m.tokens.start <= verb + 2)
            .map(|m| m.entity)
    }
}
