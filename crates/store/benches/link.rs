//! Linking speed on a synthetic ledger: 100,000 reports linked from scratch, then 1,000
//! more added to it. `cargo bench -p tally-store --bench link` prints the median of three
//! rounds of each; the ledger is built once and copied for every round.
//!
//! The reports are made up: 400 towns, three years of days, tolls of 0 to 4, a victim
//! named in half of them from a pool of 4,000 names, a street named in half of them from a
//! pool of 1,000, and in each a made-up bar and hamlet, rare words of the kind linking
//! looks up (`tally_link::terms`), so that candidate incidents are as crowded as a national
//! news crawl's and the name, street and word indexes are exercised.

use chrono::{Days, NaiveDate};
use std::time::{Duration, Instant};
use tally_core::{Count, Document, Extraction, Lead, NamedPerson, Place, Published};
use tally_store::Ledger;

const ADDED: u64 = 1_000;
const ROUNDS: usize = 3;

/// A small deterministic generator, so that every run links the same ledger.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

const FIRST: [&str; 40] = [
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Daniel",
    "Lisa",
    "Matthew",
    "Nancy",
    "Anthony",
    "Betty",
    "Mark",
    "Sandra",
    "Donald",
    "Ashley",
    "Steven",
    "Kimberly",
    "Andrew",
    "Emily",
    "Joshua",
    "Donna",
    "Kevin",
    "Michelle",
    "Brian",
    "Carol",
];
const LAST: [&str; 100] = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Gomez",
    "Phillips",
    "Evans",
    "Turner",
    "Diaz",
    "Parker",
    "Cruz",
    "Edwards",
    "Collins",
    "Reyes",
    "Stewart",
    "Morris",
    "Morales",
    "Murphy",
    "Cook",
    "Rogers",
    "Gutierrez",
    "Ortiz",
    "Morgan",
    "Cooper",
    "Peterson",
    "Bailey",
    "Reed",
    "Kelly",
    "Howard",
    "Ramos",
    "Kim",
    "Cox",
    "Ward",
    "Richardson",
    "Watson",
    "Brooks",
    "Chavez",
    "Wood",
    "James",
    "Bennett",
    "Gray",
    "Mendoza",
    "Ruiz",
    "Hughes",
    "Price",
    "Alvarez",
    "Castillo",
    "Sanders",
    "Patel",
    "Myers",
    "Long",
    "Ross",
    "Foster",
    "Jimenez",
];
const WORDS: [&str; 24] = [
    "police",
    "said",
    "shooting",
    "man",
    "woman",
    "street",
    "night",
    "officers",
    "found",
    "victim",
    "hospital",
    "suspect",
    "home",
    "car",
    "neighbours",
    "shots",
    "fired",
    "scene",
    "investigating",
    "witnesses",
    "avenue",
    "morning",
    "block",
    "gunfire",
];

const SYLLABLES: [&str; 20] = [
    "kel", "bro", "mar", "ton", "vi", "lan", "dor", "sha", "pe", "ri", "go", "na", "wes", "tal", "fen", "ra",
    "mo", "quin", "ha", "zel",
];

fn report(n: u64, rng: &mut Rng) -> (Document, Extraction) {
    let town = rng.next(400);
    let day = NaiveDate::from_ymd_opt(2014, 1, 1).unwrap() + Days::new(rng.next(3 * 365));
    let words: Vec<&str> = (0..60)
        .map(|_| WORDS[rng.next(WORDS.len() as u64) as usize])
        .collect();
    let mut text = words.join(" ");
    // Made-up names of a bar and a hamlet, from pools of 8,000 and 160,000: the first in a
    // dozen reports of the ledger, the second in one or two, as rare words go.
    let mut coined = |syllables: u32| -> String {
        let word: String = (0..syllables)
            .map(|_| SYLLABLES[rng.next(SYLLABLES.len() as u64) as usize])
            .collect();
        let mut chars = word.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_ascii_uppercase().to_string() + chars.as_str()
        })
    };
    let (bar, hamlet) = (coined(3), coined(4));
    text.push_str(&format!(" outside the {bar} Tavern in {hamlet}."));
    if rng.next(2) == 0 {
        const SUFFIXES: [&str; 10] = [
            "Street",
            "Avenue",
            "Road",
            "Drive",
            "Lane",
            "Boulevard",
            "Court",
            "Place",
            "Way",
            "Parkway",
        ];
        let street = format!(
            " near {} {}.",
            LAST[rng.next(LAST.len() as u64) as usize],
            SUFFIXES[rng.next(SUFFIXES.len() as u64) as usize]
        );
        text.push_str(&street);
    }
    let mut doc = Document::new(format!("r{n:07}"), text);
    // Three hundred outlets, so that learning their homes has work to do.
    doc.url = Some(format!("https://www.station{}.example/news/{n}", rng.next(300)));
    doc.published = Some(Published::Date(day + Days::new(rng.next(2))));
    let people = if rng.next(2) == 0 {
        let name = format!(
            "{} {}",
            FIRST[rng.next(FIRST.len() as u64) as usize],
            LAST[rng.next(LAST.len() as u64) as usize]
        );
        vec![NamedPerson {
            name,
            age: Some(20 + rng.next(40) as u32),
            status: None,
            role: Some("victim".into()),
            start: 0,
            end: 0,
        }]
    } else {
        Vec::new()
    };
    let lead = Lead {
        killed: Some(Count::exact(rng.next(5))),
        cause: Some("shooting".into()),
        place: Some(Place {
            name: format!("Town {town}"),
            admin1: Some(format!("State {}", town % 50)),
            country: Some("US".into()),
            lat: None,
            lon: None,
            where_prec: 1,
        }),
        date: Some(day),
        ..Lead::default()
    };
    let extraction = Extraction {
        lead: Some(lead),
        people,
        ..Extraction::default()
    };
    (doc, extraction)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    // TALLY_BENCH_REPORTS sets a smaller ledger for a quick look.
    let reports: u64 = std::env::var("TALLY_BENCH_REPORTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let template = dir.path().join("template.db");
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let build = Instant::now();
    {
        let mut ledger = Ledger::open(&template).expect("a new ledger");
        for n in 0..reports {
            let (doc, extraction) = report(n, &mut rng);
            ledger.store(&doc, &extraction).expect("stored");
        }
    }
    eprintln!("built a ledger of {reports} reports in {:.1?}", build.elapsed());
    let added: Vec<(Document, Extraction)> =
        (reports..reports + ADDED).map(|n| report(n, &mut rng)).collect();
    let (mut full, mut more) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let path = dir.path().join(format!("round{round}.db"));
        std::fs::copy(&template, &path).expect("copied");
        let mut ledger = Ledger::open(&path).expect("opened");
        // What `tally link` does in the ledger: learn outlets' homes, find the reports to
        // read again with them (reading them is extraction's cost, measured apart), link.
        let start = Instant::now();
        ledger.learn_homes().expect("homes learnt");
        ledger.awaiting_home().expect("reports found");
        let linked = ledger.link_unlinked().expect("linked");
        full.push(start.elapsed());
        for (doc, extraction) in &added {
            ledger.store(doc, extraction).expect("stored");
        }
        let start = Instant::now();
        ledger.learn_homes().expect("homes learnt");
        ledger.awaiting_home().expect("reports found");
        let again = ledger.link_unlinked().expect("linked");
        more.push(start.elapsed());
        eprintln!(
            "round {round}: {} reports into {} incidents in {:.2?}; {} more in {:.3?}",
            linked.joined + linked.opened,
            linked.opened,
            full[round],
            again.joined + again.opened,
            more[round]
        );
    }
    println!(
        "link {reports} reports: median {:.2?}; add {ADDED} to them: median {:.3?} ({ROUNDS} rounds)",
        median(full),
        median(more)
    );
}
