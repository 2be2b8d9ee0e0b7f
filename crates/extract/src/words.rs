//! Word lists the rules share: kinds of harm, victims, qualifiers, reporting cues, roles.

use tally_core::{ClaimKind, Qualifier, Rate};

/// `pub fn $name(word) -> bool`: membership in the union of word lists, as a set built once.
macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident, $($list:expr),+) => {
        $(#[$doc])*
        pub fn $name(word: &str) -> bool {
            static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
                std::sync::LazyLock::new(|| [$($list),+].iter().flat_map(|list| list.iter().copied()).collect());
            SET.contains(word)
        }
    };
}

/// Nouns that are themselves the thing counted: "151 civilian deaths", "1,094 airstrikes".
pub fn kind_noun(word: &str) -> Option<ClaimKind> {
    Some(match word {
        "deaths" | "death" | "dead" | "fatalities" | "bodies" | "corpses" | "killed" => ClaimKind::Killed,
        "injuries" | "injured" | "wounded" => ClaimKind::Injured,
        "airstrikes" | "air-strikes" | "strikes" | "raids" | "air-raids" | "airraids" | "sorties"
        | "airstrike" | "strike" | "raid" => ClaimKind::Airstrikes,
        "attacks" | "bombings" | "attack" | "assaults" | "explosions" => ClaimKind::Attacks,
        "arrests" | "detainees" | "arrested" | "detained" | "abducted" | "hostages" => ClaimKind::Detained,
        "displaced" | "idps" => ClaimKind::Displaced,
        "missing" => ClaimKind::Missing,
        _ => return None,
    })
}

/// Verbs and participles that give a kind when they follow the counted noun
/// ("27 civilians are killed") or precede the figure ("killing 12").
pub fn kind_verb(word: &str) -> Option<ClaimKind> {
    Some(match word {
        "killed" | "killing" | "kill" | "kills" | "died" | "dead" | "perished" | "slain" | "murdered"
        | "executed" | "massacred" | "beheaded" | "die" | "dies" | "dying" | "lost" => ClaimKind::Killed,
        "injured" | "injuring" | "injure" | "injures" | "wounded" | "wounding" | "wound" | "wounds"
        | "hurt" | "maimed" | "hospitalized" | "hospitalised" => ClaimKind::Injured,
        "trapped" | "besieged" | "stranded" | "trapping" => ClaimKind::Trapped,
        "displaced" | "displacing" | "fled" | "uprooted" | "flee" | "fleeing" => ClaimKind::Displaced,
        "missing" | "disappeared" => ClaimKind::Missing,
        "detained" | "detaining" | "arrested" | "arresting" | "abducted" | "abducting" | "kidnapped"
        | "captured" | "capturing" | "jailed" | "imprisoned" | "detain" | "arrest" => ClaimKind::Detained,
        "destroyed" | "destroying" | "demolished" | "razed" | "flattened" | "levelled" | "leveled"
        | "destroy" => ClaimKind::Destroyed,
        _ => return None,
    })
}

/// Words that may stand between a counted noun and its verb: "are still trapped".
pub fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "are"
            | "were"
            | "was"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "being"
            | "be"
            | "still"
            | "reportedly"
            | "also"
            | "all"
            | "now"
            | "already"
            | "later"
            | "feared"
            | "believed"
            | "thought"
            | "said"
            | "to"
            | "reported"
            | "confirmed"
            | "allegedly"
            | "who"
            | "which"
            | "that"
            | "subsequently"
            | "then"
            | "apparently"
            | "likely"
            | "mostly"
            | "mainly"
            | "either"
            | "got"
            | "get"
            | "gets"
            | "left"
            | "found"
            | "lie"
            | "lay"
            | "remain"
            | "remained"
            | "remains"
            | "not"
            | "since"
            | "so"
            | "far"
            | "their"
            | "lives"
            | "life"
            | "estimated"
            | "known"
            | "presumed"
            | "shot"
            | "more"
            | "critically"
            | "seriously"
            | "badly"
            | "severely"
            | "slightly"
            | "fatally"
            | "accidentally"
            | "in"
    )
}

/// People a figure may count who are not fighters; [`COMBATANT_NOUNS`] holds the others.
pub const CIVILIAN_NOUNS: &[&str] = &[
    "civilians",
    "civilian",
    "people",
    "persons",
    "person",
    "children",
    "child",
    "kids",
    "women",
    "woman",
    "men",
    "man",
    "boys",
    "boy",
    "girls",
    "girl",
    "residents",
    "resident",
    "members",
    "member",
    "workers",
    "journalists",
    "journalist",
    "doctors",
    "medics",
    "families",
    "family",
    "individuals",
    "others",
    "students",
    "worshippers",
    "passengers",
    "refugees",
    "migrants",
    "villagers",
    "protesters",
    "demonstrators",
    "infants",
    "babies",
    "toddlers",
    "staff",
    "volunteers",
    "teachers",
    "pupils",
    "patients",
    "victims",
    "detainees",
    "prisoners",
    "inmates",
    "shoppers",
    "farmers",
    "relatives",
    "siblings",
    "brothers",
    "sisters",
    "minors",
    "adults",
    "elderly",
    "defectors",
    "inhabitants",
    "displaced",
    "nationals",
    "citizens",
    "syrians",
    "iraqis",
    "kurds",
    "yazidis",
    "christians",
    "shiites",
    "sunnis",
    "alawites",
    "peoples",
    "paramedics",
    "nurses",
    "rescuers",
    "aid",
    "entourage",
    "bystanders",
    "pedestrians",
    "hostages",
    "wounded",
    "injured",
    "dead",
    "agent",
    "guard",
    "homeowner",
    "pedestrian",
    "shopper",
    "relative",
    "friend",
    "cousin",
    "nephew",
    "niece",
    "grandmother",
    "grandfather",
    "girlfriend",
    "boyfriend",
    "roommate",
    "inmate",
    "hunter",
    "jogger",
    "youth",
    "juvenile",
    "adult",
    "patron",
    "manager",
    "owner",
    "stepfather",
    "stepson",
    "fiancee",
    "toddler",
    "infant",
    "teen",
    "victim",
    "mother",
    "father",
    "son",
    "daughter",
    "husband",
    "wife",
    "brother",
    "sister",
    "neighbor",
    "driver",
    "motorist",
    "passenger",
    "bystander",
    "clerk",
    "cashier",
    "customer",
    "employee",
    "deputy",
    "trooper",
    "teenagers",
    "teenager",
    "teens",
    "youths",
    "juveniles",
    "males",
    "females",
    "guests",
    "friends",
    "cousins",
    "neighbors",
    "neighbours",
    "drivers",
    "customers",
    "employees",
    "clerks",
    "patrons",
    "partygoers",
    "spectators",
    "fans",
    "roommates",
    "deputies",
    "troopers",
    "agents",
];

pub const BUILDING_NOUNS: &[&str] = &[
    "houses",
    "homes",
    "buildings",
    "hospitals",
    "schools",
    "bakeries",
    "mosques",
    "churches",
    "bridges",
    "shops",
    "markets",
    "vehicles",
    "cars",
    "tanks",
    "facilities",
    "clinics",
    "structures",
    "apartments",
    "villages",
    "hospital",
    "school",
    "bakery",
    "mosque",
    "bridge",
    "trucks",
    "ambulances",
    "wells",
    "factories",
];

pub const COMBATANT_NOUNS: &[&str] = &[
    "fighters",
    "fighter",
    "militants",
    "militant",
    "soldiers",
    "soldier",
    "troops",
    "rebels",
    "rebel",
    "jihadists",
    "jihadist",
    "insurgents",
    "terrorists",
    "gunmen",
    "combatants",
    "personnel",
    "servicemen",
    "mercenaries",
    "guards",
    "commanders",
    "commander",
    "recruits",
    "policemen",
    "policeman",
    "officers",
    "officer",
];

word_set!(
    /// Who a figure may count: people of any kind, fighters included.
    is_victim_noun,
    CIVILIAN_NOUNS,
    COMBATANT_NOUNS
);
word_set!(
    /// Fighters of any kind: "militants", "soldiers", "troops".
    is_combatant_noun,
    COMBATANT_NOUNS
);
word_set!(
    /// Things a figure may count as destroyed: "houses", "hospitals".
    is_building_noun,
    BUILDING_NOUNS
);

/// Things gunfire strikes besides people, beyond the buildings of [`is_building_noun`]: "Other
/// residences were also struck", "a car was hit".
pub fn is_struck_thing(word: &str) -> bool {
    matches!(
        word,
        "residence"
            | "residences"
            | "house"
            | "home"
            | "car"
            | "vehicle"
            | "building"
            | "window"
            | "windows"
            | "wall"
            | "walls"
            | "door"
            | "truck"
            | "apartment"
    )
}

/// Animals a figure may count instead of people: "injured two of the family dogs".
pub fn is_animal(word: &str) -> bool {
    matches!(
        word,
        "dog"
            | "dogs"
            | "puppy"
            | "puppies"
            | "cat"
            | "cats"
            | "kitten"
            | "kittens"
            | "pet"
            | "pets"
            | "animal"
            | "animals"
            | "horse"
            | "horses"
            | "cow"
            | "cows"
            | "cattle"
            | "goat"
            | "goats"
            | "sheep"
            | "pig"
            | "pigs"
            | "deer"
            | "chickens"
    )
}

/// A singular victim that counts one with "a"/"an": "a civilian was killed".
pub fn is_singular_victim(word: &str) -> bool {
    matches!(
        word,
        "civilian"
            | "child"
            | "woman"
            | "man"
            | "person"
            | "boy"
            | "girl"
            | "soldier"
            | "fighter"
            | "journalist"
            | "doctor"
            | "resident"
            | "policeman"
            | "officer"
            | "militant"
            | "rebel"
            | "teenager"
            | "baby"
            | "toddler"
            | "nurse"
            | "paramedic"
            | "farmer"
            | "student"
            | "worker"
            | "commander"
            | "volunteer"
            | "medic"
            | "teen"
            | "victim"
            | "infant"
            | "mother"
            | "father"
            | "son"
            | "daughter"
            | "husband"
            | "wife"
            | "brother"
            | "sister"
            | "neighbor"
            | "driver"
            | "motorist"
            | "passenger"
            | "bystander"
            | "clerk"
            | "cashier"
            | "customer"
            | "employee"
            | "deputy"
            | "trooper"
            | "agent"
            | "guard"
            | "homeowner"
            | "pedestrian"
            | "shopper"
            | "relative"
            | "friend"
            | "cousin"
            | "nephew"
            | "niece"
            | "grandmother"
            | "grandfather"
            | "girlfriend"
            | "boyfriend"
            | "roommate"
            | "inmate"
            | "hunter"
            | "jogger"
            | "youth"
            | "juvenile"
            | "adult"
            | "patron"
            | "manager"
            | "owner"
            | "stepfather"
            | "suspect"
            | "gunman"
    )
}

/// Words that may stand between "a" and the victim it counts: "a 21-year-old man", "a
/// young Memphis mother". Ages are read by the caller.
pub fn is_victim_modifier(word: &str) -> bool {
    matches!(
        word,
        "young"
            | "teenage"
            | "elderly"
            | "local"
            | "unidentified"
            | "unarmed"
            | "pregnant"
            | "off-duty"
            | "retired"
            | "former"
            | "black"
            | "white"
            | "hispanic"
            | "innocent"
            | "high"
            | "school"
            | "college"
            | "year-old"
            | "month-old"
            | "old"
            | "-"
    )
}

/// Whether a token ends a clause: a comma, full stop, semicolon or colon.
pub fn is_clause_break(word: &str) -> bool {
    matches!(word, "," | "." | ";" | ":")
}

/// Whether a word (lower case, without its full stop) ends a street's name: "Main
/// Street", "Pennsylvania Ave", "Shagbark Lane".
pub fn is_street_word(word: &str) -> bool {
    matches!(
        word,
        "street"
            | "st"
            | "avenue"
            | "ave"
            | "road"
            | "rd"
            | "boulevard"
            | "blvd"
            | "drive"
            | "lane"
            | "way"
            | "court"
            | "parkway"
            | "highway"
            | "pike"
            | "circle"
            | "terrace"
    )
}

/// Words after a number that make it a measure, not a count of people or things.
pub fn is_unit(word: &str) -> bool {
    matches!(
        word,
        "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "km"
            | "kilometres"
            | "kilometers"
            | "kilometre"
            | "kilometer"
            | "miles"
            | "mile"
            | "metres"
            | "meters"
            | "metre"
            | "meter"
            | "percent"
            | "per"
            | "dollars"
            | "euros"
            | "pounds"
            | "times"
            | "points"
            | "votes"
            | "tonnes"
            | "tons"
            | "kg"
            | "kilograms"
            | "feet"
            | "foot"
            | "am"
            | "pm"
            | "a.m"
            | "p.m"
            | "gmt"
            | "utc"
            | "mm"
            | "strong"
            | "year-old"
            | "years-old"
            | "month-old"
            | "storey"
            | "floor"
            | "pages"
            | "decades"
            | "centuries"
            | "acres"
            | "hectares"
            | "litres"
            | "barrels"
            | "calibre"
            | "caliber"
            | "degrees"
            | "st"
            | "nd"
            | "rd"
            | "th"
            | "billion"
            | "nights"
            | "night"
            | "round"
            | "rounds"
            | "page"
            | "session"
            | "sessions"
    )
}

/// Words before a number that make it a label: "aged 12", "Resolution 2254".
pub fn is_label(word: &str) -> bool {
    matches!(
        word,
        "aged"
            | "age"
            | "ages"
            | "no"
            | "number"
            | "resolution"
            | "$"
            | "£"
            | "€"
            | "route"
            | "highway"
            | "article"
            | "chapter"
            | "flight"
            | "paragraph"
            | "version"
            | "m"
            | "us$"
            | "usd"
            | "mr"
            | "the"
            // "the Zone 5 officers", "Precinct 12", "Apartment 4", "Exit 42": places' numbers.
            | "zone"
            | "precinct"
            | "ward"
            | "sector"
            | "apartment"
            | "apt"
            | "suite"
            | "room"
            | "exit"
            | "interstate"
    )
}

/// A qualifier phrase ending just before a number, as (words, qualifier); longest first.
pub const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["an", "estimated"], Qualifier::About),
    (&["close", "to"], Qualifier::About),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["more", "than"], Qualifier::MoreThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["nearly"], Qualifier::About),
    (&["almost"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
];

/// Vague amounts and the figure ACLED's convention codes them as. "scores" (a score is
/// twenty) and "thousands" are tally's extensions, coded by the same reading.
pub fn vague_amount(word: &str) -> Option<u64> {
    Some(match word {
        "several" | "many" | "numerous" | "multiple" | "countless" => 10,
        "dozens" => 12,
        "scores" => 20,
        "hundreds" => 100,
        "thousands" => 1000,
        _ => return None,
    })
}

/// Rate words after a figure: "daily", "a day", "per week".
pub fn rate_word(word: &str) -> Option<Rate> {
    Some(match word {
        "daily" | "day" => Rate::Day,
        "weekly" | "week" => Rate::Week,
        "monthly" | "month" => Rate::Month,
        "annually" | "yearly" | "year" => Rate::Year,
        _ => return None,
    })
}

/// The verbs that put a name beside speech ("said Georgia Jackson", "said the boy's mother,
/// X"): narrower than [`is_reporting_verb`], which takes in what officials "confirmed".
pub fn is_speech_verb(word: &str) -> bool {
    matches!(word, "said" | "says" | "told")
}

/// Verbs by which a claimant asserts something.
pub fn is_reporting_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "noted"
            | "notes"
            | "added"
            | "adds"
            | "stated"
            | "states"
            | "announced"
            | "announces"
            | "reported"
            | "reports"
            | "claimed"
            | "claims"
            | "estimated"
            | "estimates"
            | "confirmed"
            | "confirms"
            | "revealed"
            | "reveals"
            | "underlined"
            | "stressed"
            | "explained"
            | "documented"
            | "recorded"
            | "warned"
            | "wrote"
            | "tweeted"
            | "posted"
            | "insisted"
            | "alleged"
            | "denied"
            | "denies"
            | "counted"
            | "tallied"
            | "cited"
            | "quoted"
            | "affirmed"
            | "declared"
            | "acknowledged"
            | "admitted"
            | "asserted"
            | "indicated"
            | "pointed"
            | "published"
            | "underscored"
            | "emphasised"
            | "emphasized"
            | "described"
            | "accused"
            | "blamed"
            | "recalled"
    )
}

word_set!(
    /// Nouns that name what a person does, read as their role: "local media activist".
    is_role_noun,
    ROLE_NOUNS
);

/// Titles before a name, kept as part of the role: "Gen. Ahmed", "President Assad".
pub fn is_title(word: &str) -> bool {
    matches!(
        word,
        "shooter"
            | "gunman"
            | "suspect"
            | "victim"
            | "lawmaker"
            | "president"
            | "gen"
            | "general"
            | "dr"
            | "mr"
            | "mrs"
            | "ms"
            | "colonel"
            | "col"
            | "brig"
            | "brigadier"
            | "major"
            | "maj"
            | "minister"
            | "sheikh"
            | "lt"
            | "lieutenant"
            | "captain"
            | "capt"
            | "sgt"
            | "sergeant"
            | "admiral"
            | "adm"
            | "prof"
            | "professor"
            | "senator"
            | "sen"
            | "king"
            | "prince"
            | "emir"
            | "imam"
            | "father"
            | "rev"
            | "ambassador"
            | "commander"
            | "spokesman"
            | "secretary"
            | "envoy"
            | "officer"
            | "deputy"
            | "trooper"
    )
}

/// Officials' titles before a name: theirs are the quotes, not the incident.
pub fn is_official(word: &str) -> bool {
    matches!(
        word,
        "mayor"
            | "coach"
            | "sheriff"
            | "chief"
            | "judge"
            | "detective"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "prosecutor"
            | "governor"
            | "gov"
            | "councilman"
            | "councilwoman"
            | "pastor"
            | "coroner"
            | "superintendent"
            | "principal"
    )
}

/// Lower-case parts of Arabic, Kurdish and European names: "Musa al Khalafa", "bin Sultan".
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "al" | "el"
            | "bin"
            | "ibn"
            | "bint"
            | "abu"
            | "de"
            | "del"
            | "der"
            | "van"
            | "von"
            | "da"
            | "di"
            | "le"
            | "la"
            | "ad"
            | "as"
            | "ash"
            | "ar"
            | "az"
            | "abd"
    )
}

pub use tally_core::is_calendar_word;

/// A maker of cars, whose name begins a car's: "Nissan Maxima", "a silver Toyota Camry",
/// "Chevrolet Cruze". As a first name none is common.
pub fn is_car_make(word: &str) -> bool {
    matches!(
        word,
        "nissan"
            | "toyota"
            | "chevrolet"
            | "chevy"
            | "honda"
            | "hyundai"
            | "kia"
            | "lexus"
            | "mercedes"
            | "bmw"
            | "audi"
            | "volkswagen"
            | "pontiac"
            | "gmc"
            | "mazda"
            | "subaru"
            | "infiniti"
            | "acura"
            | "oldsmobile"
            | "volvo"
            | "buick"
            | "cadillac"
            | "chrysler"
            | "jeep"
            | "dodge"
            | "ford"
            | "mitsubishi"
            | "saturn"
    )
}

/// Capitalised words that start sentences or headings but never names.
pub fn is_not_name(word: &str) -> bool {
    is_calendar_word(word)
        || tally_core::is_number_word(word)
        || matches!(
            word,
            // "Fort Riley", "Camp Lejeune", "Port Arthur": a base or a town, no one's name.
            "fort"
                | "camp"
                | "port"
                | "the"
                | "a"
                | "an"
                | "in"
                | "on"
                | "at"
                | "but"
                | "and"
                | "however"
                | "while"
                | "according"
                | "despite"
                | "after"
                | "before"
                | "as"
                | "if"
                | "when"
                | "since"
                | "this"
                | "that"
                | "these"
                | "those"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "there"
                | "his"
                | "her"
                | "their"
                | "our"
                | "my"
                | "its"
                | "what"
                | "who"
                | "why"
                | "how"
                | "where"
                | "between"
                | "neither"
                | "either"
                | "inside"
                | "from"
                | "to"
                | "for"
                | "with"
                | "without"
                | "by"
                | "of"
                | "yet"
                | "so"
                | "also"
                | "meanwhile"
                | "earlier"
                | "later"
                | "last"
                | "more"
                | "some"
                | "many"
                | "most"
                | "all"
                | "several"
                | "other"
                | "others"
                // A page's furniture and the words of headlines and captions: "Share",
                // "Videos", "Student", "Sophomore", "Unlawful Possession", "Additionally".
                | "share"
                | "view"
                | "investigation"
                | "videos"
                | "video"
                | "student"
                | "sophomore"
                | "freshman"
                | "neighbor"
                | "firefighter"
                | "detectives"
                | "suicide"
                | "shooting"
                | "unlawful"
                | "criminal"
                | "multiple"
                | "additionally"
                | "although"
                | "were"
                | "both"
                | "during"
                | "over"
                | "under"
                | "among"
                | "national"
                | "international"
                | "syrian"
                | "russian"
                | "iraqi"
                | "american"
                | "turkish"
                | "british"
                | "french"
                | "kurdish"
                | "arab"
                | "western"
                | "islamic"
                | "state"
                | "human"
                | "rights"
                | "united"
                | "nations"
                | "un"
                | "us"
                | "council"
                | "security"
                | "ministry"
                | "defence"
                | "defense"
                | "army"
                | "forces"
                | "government"
                | "coalition"
                | "observatory"
                | "hospital"
                | "river"
                | "city"
                | "province"
                | "governorate"
                | "countryside"
                | "street"
                | "square"
                | "reuters"
                | "afp"
                | "ap"
                | "rt"
                | "bbc"
                | "cnn"
                | "sana"
                | "read"
                | "related"
                | "no"
                | "not"
                | "do"
                | "does"
                | "did"
                | "can"
                | "could"
                | "will"
                | "would"
                | "should"
                | "may"
                | "might"
                | "must"
                | "given"
                | "describing"
                | "unacceptable"
                | "until"
                | "within"
                | "god"
                | "allah"
                | "here"
                | "now"
                | "then"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "please"
                | "thank"
                | "thanks"
                // "Four U.S. Marines", "Daughter Killed", "Largest Outbreak": headline words
                // and the counted, never a person's name.
                | "u.s"
                | "u.s."
                | "marines"
                | "soldiers"
                | "officers"
                | "killed"
                | "dead"
                | "shot"
                | "wounded"
                | "injured"
                | "largest"
                | "outbreak"
                | "daughter"
                | "son"
                | "mother"
                | "father"
                | "victim"
                | "victims"
                | "suspect"
                | "suspects"
                | "boy"
                | "girl"
                | "teen"
                | "teens"
                | "man"
                | "woman"
                | "men"
                | "women"
                | "people"
                | "fatally"
                | "accidentally"
                | "pregnant"
                | "outside"
                | "blocks"
                | "identify"
                | "identified"
        )
}

/// Words that may link a toll to its figure: "the toll rose to", "a death toll of".
pub fn is_toll_link(word: &str) -> bool {
    matches!(
        word,
        "rose"
            | "risen"
            | "rises"
            | "rising"
            | "climbed"
            | "climbs"
            | "reached"
            | "reaches"
            | "stood"
            | "stands"
            | "is"
            | "was"
            | "of"
            | "to"
            | "at"
            | "hit"
            | "jumped"
            | "increased"
            | "has"
            | "had"
            | "now"
            | "been"
            | "climbing"
            | "passed"
            | "topped"
            | "exceeded"
            | "put"
            | "puts"
            | "putting"
            | "the"
            | "more"
            | "than"
            | "least"
            | "about"
            | "around"
            | "some"
            | "nearly"
            | "almost"
            | "over"
            | "up"
            | "from"
            | "dead"
            | "death"
    )
}

/// Past forms that take the figure as their object: "killed 12", "destroyed 60 houses".
pub fn is_active_past(word: &str) -> bool {
    matches!(
        word,
        "killed"
            | "kill"
            | "kills"
            | "wounded"
            | "injured"
            | "arrested"
            | "detained"
            | "abducted"
            | "destroyed"
            | "displaced"
            | "captured"
            | "executed"
            | "claimed"
    )
}

/// Words that make the actor before them the doer: its verb of harm, or its weapon.
pub fn is_agent_word(word: &str) -> bool {
    matches!(
        word,
        "killed"
            | "kill"
            | "kills"
            | "killing"
            | "bombed"
            | "bombs"
            | "bombing"
            | "bombings"
            | "shelled"
            | "shells"
            | "shelling"
            | "struck"
            | "strike"
            | "strikes"
            | "hit"
            | "hits"
            | "targeted"
            | "targets"
            | "launched"
            | "launch"
            | "launches"
            | "carried"
            | "conducted"
            | "conducts"
            | "pounded"
            | "pound"
            | "pounds"
            | "attacked"
            | "attack"
            | "attacks"
            | "executed"
            | "executes"
            | "execute"
            | "dropped"
            | "drops"
            | "fired"
            | "fires"
            | "shot"
            | "shoots"
            | "massacred"
            | "stormed"
            | "detonated"
            | "raided"
            | "raids"
            | "airstrikes"
            | "airstrike"
            | "air"
            | "warplanes"
            | "warplane"
            | "jets"
            | "jet"
            | "aircraft"
            | "planes"
            | "plane"
            | "helicopters"
            | "helicopter"
            | "artillery"
            | "rockets"
            | "rocket"
            | "missiles"
            | "missile"
            | "mortar"
            | "mortars"
            | "fire"
            | "barrel"
            | "bombardment"
            | "offensive"
            | "assault"
            | "claimed"
            | "used"
            | "blew"
            | "abducted"
            | "kidnapped"
            | "detained"
            | "arrested"
            | "destroyed"
            | "besieged"
            | "besieging"
            | "bombers"
            | "bomber"
            | "suicide"
            | "sniper"
            | "snipers"
            | "gunmen"
            | "drone"
            | "drones"
            | "wounded"
            | "injured"
            | "have"
            | "has"
            | "had"
    )
}

/// Words after an actor that make it a place or a target: "IS-held", "ISIS stronghold".
pub fn is_held_word(word: &str) -> bool {
    matches!(
        word,
        "held"
            | "stronghold"
            | "strongholds"
            | "positions"
            | "position"
            | "territory"
            | "territories"
            | "areas"
            | "area"
            | "bastion"
            | "capital"
            | "controlled"
            | "control"
            | "targets"
            | "hideouts"
            | "bases"
            | "base"
            | "camp"
            | "camps"
            | "headquarters"
            | "checkpoint"
            | "checkpoints"
            | "convoy"
            | "lines"
            | "neighbourhoods"
            | "neighborhoods"
            | "districts"
            | "enclave"
    )
}

/// Verbs that move a toll to a figure: "rose to 43", "reached 112", "stood at 30".
pub fn is_toll_verb(word: &str) -> bool {
    matches!(
        word,
        "rose"
            | "risen"
            | "rises"
            | "climbed"
            | "climbs"
            | "reached"
            | "reaches"
            | "stood"
            | "stands"
            | "hit"
            | "jumped"
            | "increased"
            | "passed"
            | "topped"
            | "exceeded"
            | "mounted"
            | "soared"
    )
}

/// Words that can begin a figure: number words, vague amounts, and "a", "an", "one".
pub fn can_start_figure(word: &str) -> bool {
    static STARTS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            let numbers = [
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
                "twenty",
                "thirty",
                "forty",
                "fifty",
                "sixty",
                "seventy",
                "eighty",
                "ninety",
                "a",
                "an",
            ];
            let vague = [
                "several",
                "many",
                "numerous",
                "multiple",
                "countless",
                "dozens",
                "scores",
                "hundreds",
                "thousands",
            ];
            numbers.into_iter().chain(vague).collect()
        });
    STARTS.contains(word)
        || word.as_bytes().contains(&b'-')
            && word
                .split_once('-')
                .is_some_and(|(tens, _)| STARTS.contains(tens))
}

/// Whether a token with this [`crate::tokens::word_hash`] may be a role noun: a set of
/// hashes answers most tokens, which are not, without comparing strings.
pub fn might_be_role_noun(hash: u64) -> bool {
    static HASHES: std::sync::LazyLock<rustc_hash::FxHashSet<u64>> =
        std::sync::LazyLock::new(|| ROLE_NOUNS.iter().map(|w| crate::tokens::word_hash(w)).collect());
    HASHES.contains(&hash)
}

/// Nouns that name what a person does: "activist", "spokesman", "commissioner".
const ROLE_NOUNS: &[&str] = &[
    "activist",
    "journalist",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "minister",
    "commander",
    "chief",
    "director",
    "head",
    "envoy",
    "ambassador",
    "president",
    "general",
    "correspondent",
    "doctor",
    "resident",
    "witness",
    "analyst",
    "researcher",
    "coordinator",
    "leader",
    "governor",
    "secretary",
    "representative",
    "commissioner",
    "monitor",
    "reporter",
    "medic",
    "nurse",
    "surgeon",
    "volunteer",
    "rescuer",
    "mayor",
    "lawyer",
    "colonel",
    "founder",
    "chairman",
    "negotiator",
    "mediator",
    "officer",
    "expert",
    "professor",
    "photographer",
    "dr",
    "gen",
    "col",
    "cleric",
    "sheikh",
    "brigadier",
    "major",
    "lieutenant",
    "captain",
    "sergeant",
    "admiral",
    "senator",
    "deputy",
    "adviser",
    "advisor",
    "aide",
    "editor",
    "writer",
    "blogger",
    "manager",
    "worker",
    "father",
    "mother",
    "survivor",
    "farmer",
    "teacher",
    "paramedic",
    "defector",
    "ruler",
];

/// Whether a word ends some qualifier phrase ("than", "least", "some"…).
pub fn ends_qualifier(word: &str) -> bool {
    matches!(
        word,
        "as" | "estimated"
            | "least"
            | "most"
            | "of"
            | "than"
            | "to"
            | "about"
            | "above"
            | "almost"
            | "approx"
            | "approximately"
            | "around"
            | "below"
            | "nearly"
            | "over"
            | "roughly"
            | "some"
            | "under"
    )
}

/// A word after a town that makes the town someone's home rather than where something
/// happened: "an Indianapolis man dies in Gary shooting", "the Richmond couple".
pub fn is_resident_noun(word: &str) -> bool {
    matches!(
        word,
        "man"
            | "men"
            | "woman"
            | "women"
            | "teen"
            | "teens"
            | "teenager"
            | "teenagers"
            | "boy"
            | "boys"
            | "girl"
            | "girls"
            | "resident"
            | "residents"
            | "native"
            | "natives"
            | "couple"
            | "family"
            | "youth"
            | "mother"
            | "father"
            | "mom"
            | "dad"
            | "son"
            | "daughter"
            | "grandmother"
            | "grandfather"
            | "toddler"
            | "student"
            | "rapper"
            | "pastor"
    )
}

/// A word after a place that makes it a part of a city: "in the Brighton Park
/// neighborhood", "the Englewood community".
pub fn is_neighbourhood_noun(word: &str) -> bool {
    matches!(
        word,
        "neighborhood" | "neighbourhood" | "neighborhoods" | "neighbourhoods" | "community" | "section"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_qualifier_ends_in_a_word_ends_qualifier_knows() {
        for (phrase, _) in super::QUALIFIERS {
            assert!(super::ends_qualifier(phrase.last().unwrap()), "{phrase:?}");
        }
    }
}
