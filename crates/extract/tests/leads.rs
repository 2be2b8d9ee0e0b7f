//! Leads of reports as feeds and archives hand them over: a record's text as it came, page
//! furniture and all, with its headline beside it (no scrape cleaning in between).

use chrono::NaiveDate;
use tally_core::{Document, Lead, Published};
use tally_extract::{extract, ExtractConfig, Extractor};

fn lead_of(title: &str, body: &str) -> Lead {
    lead_on(title, body, NaiveDate::from_ymd_opt(2017, 1, 24).unwrap())
}

fn lead_on(title: &str, body: &str, published: NaiveDate) -> Lead {
    let ex = Extractor::new(ExtractConfig::default()).expect("built-in lexicons compile");
    let mut doc = Document::new("record", body.to_string());
    doc.title = Some(title.to_string());
    doc.published = Some(Published::Date(published));
    extract(&doc, &ex).lead.expect("a lead")
}

fn key(count: Option<tally_core::Count>) -> Option<u64> {
    count.and_then(|c| c.key())
}

/// The lead's wounded, as the scorers read a count.
fn wounded(title: &str, body: &str) -> Option<u64> {
    key(lead_of(title, body).injured)
}

/// The day the lead of a report published on `published` dates its event by.
fn dated(title: &str, body: &str, published: NaiveDate) -> Option<NaiveDate> {
    lead_on(title, body, published).date
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a day of the calendar")
}

/// Where the lead of a report puts its event.
fn placed(title: &str, body: &str) -> (String, Option<String>) {
    place(&lead_of(title, body))
}

/// A town with its state, as `place` gives it.
fn at(town: &str, state: &str) -> (String, Option<String>) {
    (town.to_string(), Some(state.to_string()))
}

fn place(lead: &Lead) -> (String, Option<String>) {
    let p = lead.place.as_ref().expect("a place");
    (p.name.clone(), p.admin1.clone())
}

#[test]
fn the_opening_is_read_below_the_pages_furniture() {
    // The headline again, a stamp, an update's stamp and a byline fill the body's first
    // four lines; the copy's first sentence comes after them.
    let lead = lead_of(
        "Boy hurt by his own gun in Effingham",
        "Boy hurt by his own gun in Effingham\n\n\
         Published on January 23 2017 12:30 pm\n\n\
         Last Updated on January 24 2017 6:05 am\n\n\
         Written by Dale Porter\n\n\
         A boy was taken to a hospital in Effingham on Monday with an apparently self-inflicted gunshot wound.\n\n\
         The police chief said officers were called to a house on Grove Street shortly before noon.",
    );
    assert_eq!(key(lead.injured), Some(1));
    assert_eq!(lead.cause.as_deref(), Some("shooting"));
    assert_eq!(
        place(&lead),
        ("Effingham".to_string(), Some("Illinois".to_string()))
    );
    // A video player's notice is furniture too.
    let lead = lead_of(
        "Three dead in apartment shooting",
        "Please enable Javascript to watch this video\n\n\
         ST CHARLES , Ill -- Three people are dead and a fourth is wounded after a shooting inside an apartment.\n\n\
         Police say there is no threat to the public.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(3), Some(1)));
}

#[test]
fn a_headline_read_alone_is_no_furniture() {
    // A body of nothing but its headline (the page held only a sign-in form) still tells
    // the incident.
    let lead = lead_of("Two wounded in Dayton shooting", "Two wounded in Dayton shooting");
    assert_eq!(key(lead.injured), Some(2));
}

#[test]
fn a_saints_town_however_copy_spells_it() {
    for dateline in [
        "ST CHARLES , Ill --",
        "St Charles, Ill. --",
        "Saint Charles, Ill. --",
    ] {
        let lead = lead_of(
            "Man wounded in shooting",
            &format!("{dateline} A man was wounded in a shooting outside a bar early Sunday, police said."),
        );
        assert_eq!(
            place(&lead),
            ("St. Charles".to_string(), Some("Illinois".to_string())),
            "{dateline}"
        );
    }
    let lead = lead_of(
        "Woman shot in Saint Louis",
        "A woman was shot in Saint Louis on Sunday night, police said.",
    );
    assert_eq!(place(&lead).1.as_deref(), Some("Missouri"));
}

#[test]
fn a_mounts_and_a_forts_town_however_copy_spells_it() {
    assert_eq!(
        placed(
            "3 charged after teen shot",
            "MT. JULIET, Tenn. -- A 15-year-old was shot while friends played with a gun, police said.",
        ),
        at("Mount Juliet", "Tennessee")
    );
    assert_eq!(
        placed(
            "Woman kills daughter, herself",
            "FT. LAUDERDALE, Fla. -- A woman shot and killed her daughter and then herself, police said.",
        ),
        at("Fort Lauderdale", "Florida")
    );
}

#[test]
fn a_quarter_of_miami_dade_is_filed_under_miami() {
    assert_eq!(
        placed(
            "3 teens shot in northwest Miami-Dade",
            "Three teenagers were wounded in a drive-by shooting in northwest Miami-Dade on Tuesday night, police said.",
        ),
        at("Miami", "Florida")
    );
}

#[test]
fn streets_named_for_a_state_or_like_a_street_are_no_places() {
    let lead = lead_of(
        "Woman dies after being shot near Twain and Maryland",
        "A woman was shot inside a parked car about 4:30 a.m. today in the 3700 block of Cambridge, \
         near East Twain Avenue and just west of South Maryland Parkway, according to Metro.",
    );
    let state = lead.place.as_ref().and_then(|p| p.admin1.clone());
    assert_ne!(state.as_deref(), Some("Maryland"));
    assert_ne!(state.as_deref(), Some("California"), "Parkway, California");
}

#[test]
fn a_block_of_a_street_named_for_a_town_is_no_town() {
    let lead = lead_of(
        "Man killed on the West Side",
        "A man was killed in a shooting on the West Side late Tuesday.\n\n\
         Officers found him in the 3200 block of West Lexington about 11 p.m., police said.",
    );
    assert!(lead.place.is_none(), "{:?}", lead.place);
}

#[test]
fn a_house_number_counts_no_one() {
    let injured = wounded(
        "Four men shot at house party in Queens",
        "Four men were shot at a house party in Queens on Sunday night, police said.\n\n\
         Officers found the four injured men at 32-14 106th St. around 9:50 p.m.\n\n\
         All four were taken to a hospital in stable condition.",
    );
    assert_eq!(injured, Some(4));
}

#[test]
fn the_dead_were_in_critical_condition_before_they_died() {
    let lead = lead_of(
        "Boy, 7, dies after accidental shooting",
        "A 7-year-old boy was fatally shot in his home in Adelanto on Thursday, deputies said.\n\n\
         The family reported the shooting in the 18000 block of Bellflower Street around 4:50 p.m.\n\n\
         The boy was taken to a hospital in critical condition and pronounced dead an hour later.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(1), None));
    // Someone else's critical condition is a survivor's.
    let lead = lead_of(
        "Man killed, woman hurt in shooting",
        "A man was fatally shot in his home in Adelanto on Thursday, deputies said.\n\n\
         The family reported the shooting in the 18000 block of Bellflower Street around 4:50 p.m.\n\n\
         His wife was taken to a hospital in critical condition.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(1), Some(1)));
}

#[test]
fn a_trials_report_that_never_dates_the_shooting_leaves_it_undated() {
    // Published on 24 January 2017; the killing was some day before, the copy never says
    // which.
    let lead = lead_of(
        "Man pleads guilty in fatal shooting of neighbor",
        "A Dayton man pleaded guilty to murder in the fatal shooting of his neighbor, prosecutors said.\n\n\
         The man faces 15 years to life in prison when he is sentenced next month.",
    );
    assert_eq!(key(lead.killed), Some(1));
    assert_eq!(lead.date, None);
    // A convicted felon's new shooting is no trial's report: it keeps its day.
    assert_eq!(
        dated(
            "Convicted felon arrested after accidentally shooting himself",
            "A convicted felon is back behind bars, where he is recovering from a self-inflicted gunshot wound.\n\n\
             According to the police report, officers were called to Elm Drive near Shelley Street around 5:15 p.m. Sunday evening.\n\n\
             When officers arrived, they found Marcus Hale, 26, suffering from a gunshot wound to the leg.\n\n\
             He was treated at a hospital and charged with possession of a firearm by a felon.",
            day(2017, 2, 19),
        ),
        Some(day(2017, 2, 19))
    );
}

#[test]
fn where_someone_was_taken_or_caught_is_no_scene() {
    // The hospital's town gives only its state (and there, the West Side is Chicago's).
    assert_eq!(
        placed(
            "Man shot on the West Side",
            "A man was shot Sunday afternoon on the West Side, police said.\n\n\
             He was taken to Advocate Christ Medical Center in Oak Lawn, where he died.",
        ),
        at("Chicago", "Illinois")
    );
    // Nor is where the suspect was caught.
    let lead = lead_of(
        "Father charged in shooting of girl, 1",
        "CINCINNATI -- A father was charged Monday after his 1-year-old daughter was shot inside a home on Fehr Road.\n\n\
         He was arrested in the 3900 block of Harding Avenue in Cheviot around 5:30 p.m., police said.",
    );
    assert_eq!(place(&lead).0, "Cincinnati");
    // An arrest in a town's shooting names the shooting's town; so does a shooting at a
    // centre that is no hospital.
    let lead = lead_of(
        "Teenager arrested in North Charleston shooting of child",
        "A teenager was arrested in the North Charleston shooting of a 7-year-old boy, police said.",
    );
    assert_eq!(place(&lead).0, "North Charleston");
    let lead = lead_of(
        "Two wounded in shooting at recreation center",
        "Two men were wounded in a shooting at the Hollywood Recreation Center in Las Vegas on Sunday.",
    );
    assert_eq!(place(&lead).0, "Las Vegas");
}

#[test]
fn a_city_county_force_without_its_hyphen_names_the_city() {
    // A city and county sharing a force, written without its hyphen.
    assert_eq!(
        placed(
            "Block closed after shooting",
            "Savannah Chatham Metropolitan Police responded to a shooting on Indiana Avenue after a man was shot around 1 p.m. Saturday.",
        ),
        at("Savannah", "Georgia")
    );
}

#[test]
fn someone_else_hurt_is_told_further_down_a_report_of_a_death() {
    let lead = lead_of(
        "Teen charged with murder in convenience store shooting",
        "A 16-year-old was charged with murder Thursday in a fatal shooting at a Durham convenience store.\n\n\
         The teen is charged in the death of a 41-year-old clerk, according to police.\n\n\
         Police said the shooting stemmed from an attempted robbery.\n\n\
         Both the clerk and the teen, who was also wounded during the robbery, were taken to a hospital.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(1), Some(1)));
    // Another of the dead, told further down, is no one hurt besides them.
    let lead = lead_of(
        "Mother, toddler killed in shooting",
        "A woman and her toddler were killed in a shooting at their home on Sunday, police said.\n\n\
         Officers found the woman dead in the living room.\n\n\
         A neighbor called 911 after hearing shots.\n\n\
         Police said the toddler also suffered a gunshot wound and was later pronounced dead at a hospital.",
    );
    assert_eq!(key(lead.injured), None);
}

#[test]
fn those_who_shot_and_a_zones_number_count_no_one_hurt() {
    let lead = lead_of(
        "Officers who shot homeowner return to work",
        "Two police officers who shot and killed a Larimer homeowner 10 days ago returned to work Tuesday, police said.\n\n\
         The Zone 5 officers shot the man after he fired at an intruder, investigators said.",
    );
    assert_eq!(key(lead.killed), Some(1));
    assert_eq!(key(lead.combatants_killed), None);
    assert_eq!(key(lead.injured), None);
}

#[test]
fn a_headline_with_more_dead_is_the_later_telling() {
    let injured = wounded(
        "Police: Two dead, two injured in northeast Charlotte shooting",
        "A shooting near an elementary school on Thursday left one person dead and three others injured, police said.\n\n\
         Officers found the victims outside a home on Holland Avenue.",
    );
    assert_eq!(injured, Some(2));
}

#[test]
fn a_headlines_list_of_the_wounded_counts_them() {
    assert_eq!(
        wounded(
            "10-year-old girl, 14-year-old boy injured in Newport News shooting",
            "Police said the two were hit by gunfire while walking home on Jefferson Avenue on Monday evening.",
        ),
        Some(2)
    );
    // Not a list across the speaker's colon, nor the dead.
    assert_eq!(
        wounded(
            "Grandmother: Boy shot sister in face by accident",
            "A 6-year-old girl was shot in the face by her brother on Monday, police said.",
        ),
        Some(1)
    );
    assert_eq!(
        wounded(
            "Mother, 8-year-old son shot and killed in New Stanton",
            "A mother and her son were found dead in their home on Monday, state police said.",
        ),
        None
    );
}

#[test]
fn an_arrests_report_dates_the_shooting_not_the_arrest() {
    let thursday = day(2017, 4, 6);
    // The opening dates only the arrest; the shooting's day comes a few sentences down.
    assert_eq!(
        dated(
            "Man held in quadruple shooting in Flint",
            "FLINT - A 20-year-old man was arrested Monday in connection with a shooting that left three \
             men wounded and a woman dead on the city's north side.\n\n\
             Darnell Pryce is accused of killing the woman last month.\n\n\
             He was booked into the county jail on Monday.\n\n\
             Police said the shooting was reported March 26 after a fight outside a party store.",
            thursday,
        ),
        Some(day(2017, 3, 26))
    );
    // A day that names the shooting dates it, though a charge comes just before it.
    assert_eq!(
        dated(
            "Suspect charged in salon shooting",
            "A man has been charged in the Saturday afternoon shooting of four people outside a salon, \
             police said Wednesday.\n\n\
             He was arrested late Monday in Eastlake.",
            thursday,
        ),
        Some(day(2017, 4, 1))
    );
}

#[test]
fn a_running_total_to_the_end_of_the_year_is_no_toll() {
    // The year's count ends after the report's day, and is still a running total.
    let lead = lead_on(
        "Boy, 10, wounded on North Side",
        "A 10-year-old boy was shot in the leg on the North Side of Minneapolis on Tuesday night.\n\n\
         Police say there have been 131 people wounded by gunfire in the city so far this year.",
        NaiveDate::from_ymd_opt(2016, 6, 8).unwrap(),
    );
    assert_eq!(key(lead.injured), Some(1));
}

#[test]
fn someone_else_hurt_past_a_semicolon_of_a_death() {
    let lead = lead_of(
        "Man arrested in fatal shooting at grocery store",
        "Police have arrested a man in a fatal shooting outside a grocery store on Monday.\n\n\
         Officers said the suspect turned himself in on Tuesday.\n\n\
         He is being held at the county jail.\n\n\
         According to police, three men were arguing outside the store. A 50-year-old man was \
         shot and killed; a second man was critically injured.",
    );
    assert_eq!(key(lead.injured), Some(1));
}

#[test]
fn a_bracketed_stamp_dates_the_copy_not_its_toll() {
    // The record's day is the first posting; the bracketed stamp, the page's revision.
    assert_eq!(
        dated(
            "Toddler dies after shooting himself in Saginaw",
            "More Video...\n\n(01/25/16) - A toddler has been killed after police say he accidentally shot himself.\n\n\
             The call came in shortly after 11 p.m. Wednesday for a 3-year-old who had been shot at a home on the east side.",
            day(2016, 1, 21),
        ),
        Some(day(2016, 1, 20))
    );
}

#[test]
fn a_city_police_force_by_its_initials_names_its_city() {
    assert_eq!(
        placed(
            "NOPD: Two wounded in shooting near parade route",
            "Two people were wounded in a shooting near a parade route on Saturday evening, NOPD said. \
             Both were taken to a hospital in stable condition.",
        ),
        at("New Orleans", "Louisiana")
    );
}

#[test]
fn a_headlines_town_in_copy_that_names_no_other() {
    // No state, no other town, and an outlet the ledger knows nothing of: the headline's
    // "in Woonsocket" still places the story.
    assert_eq!(
        placed(
            "Teen wounded in Woonsocket shooting",
            "A 17-year-old was shot in the leg on Monday night, police said. He was taken to a \
             hospital and is expected to survive.",
        ),
        at("Woonsocket", "Rhode Island")
    );
    // Beside the city it is a quarter of, a neighbourhood's name is no town of elsewhere.
    let lead = lead_of(
        "Young child shot in Roxbury",
        "A 3-year-old was wounded by a stray bullet on Sunday, Boston police said.",
    );
    assert_ne!(place(&lead).1.as_deref(), Some("Wisconsin"));
}

#[test]
fn a_death_that_could_have_happened_is_none() {
    let lead = lead_of(
        "Woman struck by stray bullet speaks out",
        "Two teenagers face charges after a bystander was struck by a stray bullet during an \
         argument on a Paterson street on Wednesday night.\n\n\
         Officers found a 58-year-old woman with a gunshot wound to the leg.\n\n\
         She said she was getting out of her car when she heard several shots.\n\n\
         \"They can't be shooting people like that,\" she said. \"They could have killed someone. \
         I could have been killed.\"",
    );
    assert_eq!(key(lead.killed), None);
    assert_eq!(key(lead.injured), Some(1));
}

#[test]
fn a_side_of_the_city_in_a_report_put_only_in_its_state() {
    assert_eq!(
        placed(
            "Boy, 16, shot in head on Far South Side",
            "A 16-year-old boy was shot in the head on the Far South Side on Thursday night, police \
             said. He was taken to a hospital in critical condition. Illinois lawmakers have \
             debated new gun rules this week.",
        ),
        at("Chicago", "Illinois")
    );
}

#[test]
fn wounded_told_in_so_many_words_outlast_a_count_of_everyone_shot() {
    // Three shot, all three dead by the count below; the opening still says one lived.
    let lead = lead_of(
        "Two sought in Eastside triple shooting",
        "Police are searching for two men after a shooting that left two people dead and one person wounded early Saturday.\n\n\
         Officers arriving at the duplex found three people had been shot, police said.\n\n\
         Three men died at the scene, a spokesman said.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(3), Some(1)));
}

#[test]
fn someone_also_hit_was_hurt_but_a_house_also_struck_was_not() {
    let lead = lead_of(
        "Teen dies after drive-by on Kessler Avenue",
        "A 17-year-old boy died after he was shot in a drive-by late Friday, deputies said.\n\n\
         The boy was standing in a driveway when a car pulled up and someone inside opened fire.\n\n\
         He was taken to a hospital, where he died.\n\n\
         A 19-year-old woman was also hit during the shooting, but her injuries were not life-threatening, a spokesman said.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(1), Some(1)));
    let lead = lead_of(
        "Girl, 12, killed by stray gunfire in her bedroom",
        "A 12-year-old girl died after she was shot early Sunday, police said.\n\n\
         Investigators said the girl was asleep when she was struck by gunfire from the street.\n\n\
         Her mother found her in her bed.\n\n\
         Two houses nearby were also struck by gunfire. No one has been arrested.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(1), None));
}

#[test]
fn a_headline_tells_one_wounded_beside_the_dead_unless_they_died() {
    let body =
        "A man was shot and killed Tuesday evening outside a corner store on Delmar Avenue, police said.\n\n\
                Officers found him on the sidewalk with wounds to the chest. He died at the scene.";
    assert_eq!(
        wounded("1 dead, 9-year-old boy injured in Delmar Avenue shooting", body),
        Some(1)
    );
    assert_eq!(
        wounded("Gunman kills man, wounds boy outside Delmar store", body),
        Some(1)
    );
    assert_eq!(wounded("Man wounded in Delmar Avenue shooting dies", body), None);
}

#[test]
fn a_headline_parts_the_dead_from_one_shot() {
    let body = "Three women were shot to death at a farmhouse outside Centre early Monday.\n\n\
                A man accused of killing three women and shooting a man is in the county jail.\n\n\
                Deputies said the suspect shot and killed three women who lived at the home. He then shot and injured a man.";
    let lead = lead_of("3 women killed, man shot at Centre farmhouse", body);
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(3), Some(1)));
    // The one shot is the one who died: no one else is told of.
    let body = "A woman shot in the head Sunday at her home on Pine Street has died, police said.\n\n\
                Officers said her 4-year-old son found a loaded handgun in a bedroom.";
    assert_eq!(wounded("Mother shot in head by 4-year-old son dies", body), None);
}

#[test]
fn as_many_dead_as_shot_leaves_the_wounded_untold_not_none() {
    // "shot a 7-year-old boy" counts the one shot, who died: the report tells of no one
    // wounded, which is not a count of none that outvotes another report's.
    let lead = lead_of(
        "Boy, 6, dies after he is shot by another child in Lenoir parking lot",
        "LENOIR (WXYZ) - A six-year-old boy has died after being shot by another child inside a parked car in Lenoir on Monday afternoon, police say.\n\n\
         Police say three children were left alone in the car outside a pharmacy while their mother went inside.\n\n\
         One child found a pistol in the mother's purse and accidentally shot a 6-year-old boy also in the car, according to police.",
    );
    assert_eq!(key(lead.killed), Some(1));
    assert!(
        lead.injured.is_none_or(|c| c.key() != Some(0)),
        "{:?}",
        lead.injured
    );
}

#[test]
fn a_headline_tells_the_wounded_by_age_by_others_or_by_their_condition() {
    let body = "Two people were shot and killed Saturday night at a house on Birch Street, police said.\n\n\
                Officers found both victims inside the home. Both died at the scene.";
    assert_eq!(
        wounded("2 dead, 4-year-old hurt in Birch Street shooting", body),
        Some(1)
    );
    assert_eq!(
        wounded(
            "Couple dead, daughter in critical condition after Birch Street shooting",
            body
        ),
        Some(1)
    );
    assert_eq!(
        wounded("Two dead, others wounded in Birch Street shooting", body),
        Some(1)
    );
}

#[test]
fn a_datelines_town_outweighs_a_headline_place_of_another_state() {
    assert_eq!(
        placed(
            "Shooting along Uptown parade route 'accidental discharge'",
            "Please enable Javascript to watch this video\n\n\
             NEW ORLEANS (WXYZ) - The shooting that marred a sunny day along the Uptown parade route was an accidental discharge, police said.\n\n\
             Officers heard a single gunshot near Napoleon Avenue and found a man who had been shot in the leg.",
        ),
        at("New Orleans", "Louisiana")
    );
}

#[test]
fn washington_state_in_lower_case_is_the_state() {
    assert_eq!(
        placed(
            "4th victim in Belfair murder-suicide identified",
            "A A\n\n\
             BELFAIR — Authorities in Washington state have released the name of the fourth victim in a standoff that left five people dead, including the gunman.\n\n\
             The county coroner says a 68-year-old woman was among the four people whose bodies were found after the standoff.",
        ),
        at("Belfair", "Washington")
    );
}

#[test]
fn someone_also_shot_beside_the_dead_was_wounded() {
    let lead = lead_of(
        "Teen charged with murder in Elmwood store shooting",
        "A 17-year-old was charged with murder Thursday in connection with a fatal shooting at an Elmwood convenience store on Tuesday.\n\n\
         Darnell Hughes, of Elmwood, is charged in the shooting death of 52-year-old Walter Price at the store on Ridge Road, police said.\n\n\
         Police said the shooting stemmed from an attempted robbery.\n\n\
         Both Price and Hughes, who was also shot during the robbery, were taken to a hospital.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(1), Some(1)));
    assert_eq!(
        wounded(
            "Store clerk who fatally shot robber also hit second suspect, deputies say",
            "A store clerk shot and killed a man who tried to rob a gas station on Friday, deputies said.",
        ),
        Some(1)
    );
}

#[test]
fn others_also_shot_in_the_home_were_wounded() {
    let lead = lead_of(
        "Two killed in Eastgate home",
        "Police are releasing more details on the shootings Friday night that left two dead.\n\n\
         Officers say a 27-year-old man answered the door of his home on Kossuth Avenue and was shot in the neck.\n\n\
         A 26-year-old woman was then shot in the back.\n\n\
         Both died a short time later at hospitals.\n\n\
         Police say two others in the home were also shot, but are expected to survive.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(2), Some(1)));
}

#[test]
fn others_wounded_further_down_are_beside_the_dead() {
    let lead = lead_of(
        "Police name suspect in barbershop shooting",
        "Police say they have identified a suspect in a barbershop shooting that killed three people.\n\n\
         The shooting happened just before 6 p.m. Saturday at a shop on Miles Road.\n\n\
         Officers found three men dead inside when they arrived.\n\n\
         Detectives said the gunman walked in and opened fire without a word.\n\n\
         Witnesses told police he left in a silver sedan.\n\n\
         Police have asked anyone who saw the car to call them.\n\n\
         The shop had been open for two years, its owner said.\n\n\
         Neighbors said they heard at least ten shots.\n\n\
         Three others were wounded.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(3), Some(3)));
}

#[test]
fn a_fourth_victim_shot_who_lived_is_wounded() {
    let lead = lead_of(
        "Gunman kills three musicians, then himself",
        "A musician shot two members of a band and a third musician before killing himself early Monday, police said.\n\n\
         The shooting happened in a converted warehouse where the musicians lived.\n\n\
         Police found the three victims dead inside.\n\n\
         A fourth shooting victim was shot twice in the arm but is expected to survive.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(3), Some(1)));
}

#[test]
fn the_dead_of_a_gun_battle_come_out_of_those_shot() {
    let lead = lead_of(
        "One dead, three wounded in gunfight",
        "NORTH FAIRVIEW, Ohio (WXYZ) - Four people were shot in North Fairview on Tuesday evening, one of them was killed. Police identified him as a 24-year-old man.\n\n\
         Officers said it started as a gun battle in the middle of Main Street in front of a convenience store. The man was pronounced dead at the scene.\n\n\
         Three other men were sent to the hospital.",
    );
    assert_eq!(key(lead.injured), Some(3));
}

#[test]
fn others_also_struck_far_down_were_wounded() {
    let lead = lead_of(
        "Police investigate deadly shooting on Grant Avenue",
        "A man was shot and killed late Saturday outside a bar on Grant Avenue, police said.\n\n\
         Officers were called to the bar at about 11:40 p.m. after reports of gunfire.\n\n\
         They found the man lying in the parking lot.\n\n\
         He was pronounced dead at the scene.\n\n\
         Witnesses told police an argument inside the bar spilled outside.\n\n\
         A man in a dark hooded sweatshirt then fired several shots.\n\n\
         He ran north on Grant Avenue, witnesses said.\n\n\
         Police have not said whether they know who he is.\n\n\
         The bar's owner said the man who died was a regular.\n\n\
         Two other men were also struck by bullets. Their injuries are not life-threatening.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(1), Some(1)));
}

#[test]
fn shot_then_killed_in_a_headline_counts_the_dead_not_the_wounded() {
    assert_eq!(
        wounded(
            "Two young girls shot, killed by father in murder and suicide attempt",
            "Two young girls were shot and killed and their father is on life support after an apparent murder and suicide attempt, deputies said.\n\n\
             Deputies found the girls in a bedroom of the home on Ridge Road.",
        ),
        None
    );
    assert_eq!(
        wounded(
            "Four people shot in the head, killed; bodies found in basement",
            "Four people were found shot in the head in a townhouse on Thursday afternoon, police said.\n\n\
             Autopsies showed all four died from a single gunshot to the head.",
        ),
        None
    );
}

#[test]
fn the_hurt_or_killed_in_one_figure_are_no_toll_of_the_wounded() {
    assert_eq!(
        wounded(
            "Girl, 2, shot in argument, declared brain-dead",
            "Kayla Moore is the latest child to fall victim to violence in the past two months. Eight have been hurt or killed by gunfire. (Photo: Family photo)\n\n\
             Kayla Moore will not live to see her third birthday, according to relatives.\n\n\
             The 2-year-old girl, who was shot in the head during an argument, was declared brain-dead on Friday, her great-uncle said.",
        ),
        None
    );
}

#[test]
fn a_datelines_town_the_gazetteer_lacks_is_still_the_town() {
    let lead = lead_of(
        "Sheriff names victims of rural Missouri shooting",
        "TYRONE, Mo. (AP) — A man shot and killed seven people in a small town in southern Missouri before killing himself, the sheriff said Saturday.\n\n\
         The sheriff said the victims were found in four homes.",
    );
    let place = lead.place.expect("a place");
    assert_eq!(
        (place.name.as_str(), place.admin1.as_deref(), place.where_prec),
        ("Tyrone", Some("Missouri"), 1)
    );
    // No coordinates: the gazetteer does not know where it is.
    assert_eq!((place.lat, place.lon), (None, None));
}

#[test]
fn one_and_another_of_the_dead_are_no_one_else_hurt() {
    let lead = lead_of(
        "4 shot dead in Clarkston; suspect in custody",
        "Four people were shot to death Sunday in Clarkston, and a suspect is in custody, police said.\n\n\
         The chief said the shooting began at a house on Pike Street over a drug deal.\n\n\
         Police said the victims were two men and a couple who lived next door.\n\n\
         He said one of the first two victims was shot inside the house and another was shot outside.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(4), None));
}

#[test]
fn a_town_named_like_a_word_needs_its_state() {
    // A page's greeting is no town of North Carolina.
    let lead = lead_of(
        "Boy wounded at Kingsport armory",
        "Welcome back. Please sign in\n\n\
         KINGSPORT, Tenn. — A 12-year-old boy was shot and wounded Saturday at a National Guard armory, police said.",
    );
    assert_eq!(place(&lead), at("Kingsport", "Tennessee"));
    // Its state after it makes it the town.
    assert_eq!(
        placed(
            "Man killed in Hope",
            "HOPE, Ark. — A man was shot and killed outside a store on Friday night, police said.",
        ),
        at("Hope", "Arkansas")
    );
    assert_eq!(
        placed(
            "Teen shot near park",
            "A teenager was shot in the leg Tuesday in Independence, Mo., and is expected to recover.",
        ),
        at("Independence", "Missouri")
    );
}

#[test]
fn a_headlines_month_dates_a_follow_ups_shooting() {
    let lead = lead_on(
        "Detectives seek new leads in November shooting of 9-year-old girl",
        "Detectives are still looking for two men who fired into a home on the east side last fall, \
         wounding a 9-year-old girl as she slept.\n\n\
         On Monday, police released a sketch of one of the men.",
        day(2017, 1, 18),
    );
    assert_eq!(
        (lead.date, lead.date_end),
        (Some(day(2016, 11, 1)), Some(day(2016, 11, 30)))
    );
    // A day of that month further down says more; the report's own month is no follow-up's.
    let told = "Police said Friday that no charges will be filed.\n\n\
                The shooting happened about 1 a.m. on October 23 outside a bar.";
    assert_eq!(
        dated("No charges in October shooting downtown", told, day(2016, 11, 8)),
        Some(day(2016, 10, 23))
    );
    assert_eq!(
        dated(
            "Man wounded in January shooting",
            "A man was shot in the arm Sunday night, police said.",
            day(2017, 1, 24)
        ),
        Some(day(2017, 1, 22))
    );
}

#[test]
fn an_arrests_report_dates_the_shooting_by_the_day_it_tells_of_before_the_arrest() {
    let told = "Officers arrested a teenage gunman Thursday night for the fatal shooting of a 16-year-old boy in Queens, police said.\n\n\
                Police arrested Jalen Marsh, 18, for shooting Devon Pike in the chest outside a deli on Linden Boulevard near 130th Street around 6 p.m. Jan. 6, police said.\n\n\
                Devon was taken to a hospital, where he died two days later.";
    assert_eq!(
        dated(
            "Man charged after friend wounded at party",
            told,
            day(2017, 1, 17)
        ),
        Some(day(2017, 1, 6))
    );
}

/// The people a report of `body`, published on `published`, names.
fn people_on(title: &str, body: &str, published: NaiveDate) -> Vec<String> {
    let ex = Extractor::new(ExtractConfig::default()).expect("built-in lexicons compile");
    let mut doc = Document::new("record", body.to_string());
    doc.title = Some(title.to_string());
    doc.published = Some(Published::Date(published));
    extract(&doc, &ex).people.into_iter().map(|p| p.name).collect()
}

#[test]
fn a_victim_the_copy_dates_days_before_the_shooting_is_another_shootings() {
    let body = "A teenager was shot and killed Tuesday afternoon near a downtown park, police said.\n\n\
                Family members said the victim is 16-year-old Darius Webb, a student at Central High School.\n\n\
                Webb is the second Central student killed in a week. Marcus Lyle, 17, was shot and killed Feb. 1 while walking home.";
    assert_eq!(
        people_on("Teen killed near downtown park", body, day(2017, 2, 8)),
        ["Darius Webb"]
    );
    // A follow-up that names only its own victim, by the day the shooting was, keeps them.
    let body =
        "The shooting death of a Columbus teen has been ruled accidental, the coroner said Tuesday.\n\n\
                Spencer Hale, 13, was struck by a bullet at a home on Ferry Road on December 29.";
    assert_eq!(
        people_on("Teen's shooting death ruled accidental", body, day(2017, 3, 28)),
        ["Spencer Hale"]
    );
}

#[test]
fn a_report_that_says_its_wounded_will_live_says_so() {
    let lead = lead_of(
        "Teen wounded in drive-by",
        "A 16-year-old boy was shot in the leg Sunday night on the east side, police said. He is expected to survive.",
    );
    assert!(lead.survives);
    let lead = lead_of(
        "Woman shot at home",
        "A woman was shot Friday at her home. She was not expected to be home until morning, police said.",
    );
    assert!(!lead.survives);
}

#[test]
fn a_victim_who_succumbed_is_dead() {
    let lead = lead_of(
        "Husband shoots wife he took for a burglar",
        "Deputies found a 48-year-old woman on the front porch with a gunshot wound to the neck.\n\n\
         Paramedics arrived, but she succumbed to her injuries and was pronounced deceased at the scene.",
    );
    assert_eq!((key(lead.killed), key(lead.injured)), (Some(1), None));
}
