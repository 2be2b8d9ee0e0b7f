//! Incidents in the formats recorders already use (DOMAIN.md): UCDP GED and ACLED CSV,
//! PLOVER JSON and GeoJSON.
//!
//! UCDP and ACLED record organised political violence. An incident with neither a party to
//! a war among its perpetrators nor a weapon of war (an airstrike, shelling, a bomb, a
//! chemical attack) fits neither, and is left out of both; the export says on standard
//! error how many were left out and why. A code that tally cannot know (ACLED's numeric
//! `iso`, UCDP's dyad ids) is left empty, never guessed.

use crate::incidents::name;
use serde_json::{json, Value};
use std::collections::HashMap;
use tally_core::ActorType;
use tally_extract::lexicon::{Actors, Places};
use tally_link::{tally, Tally};
use tally_store::{Citation, StoredIncident};

/// DOMAIN.md's UCDP GED columns, in order.
pub const UCDP_HEADER: [&str; 30] = [
    "id",
    "year",
    "type_of_violence",
    "side_a",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "country",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
];

/// DOMAIN.md's ACLED columns, in order.
pub const ACLED_HEADER: [&str; 25] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "civilian_targeting",
    "iso",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
];

/// One incident with everything the formats ask of it.
pub struct Coded<'a> {
    pub incident: &'a StoredIncident,
    pub tally: Tally,
    pub sources: usize,
    pub grade: String,
    pub citations: Vec<&'a Citation>,
    /// The perpetrators with their types, where the actor lexicon knows them.
    pub parties: Vec<(String, Option<ActorType>)>,
    pub country: Option<String>,
}

impl<'a> Coded<'a> {
    pub fn new(
        incident: &'a StoredIncident,
        citations: &'a HashMap<String, Citation>,
        actors: &Actors,
        places: &Places,
    ) -> Self {
        let t = tally(&incident.members);
        let graded = crate::export::grading(incident);
        let parties = t
            .perpetrators
            .iter()
            .map(|p| {
                (
                    p.clone(),
                    actors.entries.iter().find(|a| &a.name == p).map(|a| a.actor_type),
                )
            })
            .collect();
        let country = t
            .place
            .as_ref()
            .and_then(|p| p.country.as_deref())
            .and_then(|code| {
                places
                    .entries
                    .iter()
                    .find(|e| e.place.where_prec == 6 && e.place.country.as_deref() == Some(code))
                    .map(|e| e.place.name.clone())
            });
        Coded {
            incident,
            sources: graded.sources,
            grade: graded.grade,
            citations: incident
                .members
                .iter()
                .filter_map(|m| citations.get(&m.document))
                .collect(),
            parties,
            country,
            tally: t,
        }
    }

    fn civilians(&self) -> bool {
        !tally_link::grade::are_combatants(self.tally.victims.as_deref())
    }

    /// The first party that is organised: a state's forces, a foreign state, a coalition,
    /// an armed group or a militia.
    fn organised(&self) -> Option<(&str, ActorType)> {
        self.parties.iter().find_map(|(name, t)| match t {
            Some(
                t @ (ActorType::StateForces
                | ActorType::ForeignState
                | ActorType::Coalition
                | ActorType::ArmedGroup
                | ActorType::Militia),
            ) => Some((name.as_str(), *t)),
            _ => None,
        })
    }

    /// ACLED's event type and sub-event type, or why the incident is not ACLED's.
    pub fn acled_type(&self) -> Result<(&'static str, &'static str), &'static str> {
        let remote = "Explosions/Remote violence";
        match self.tally.cause.as_deref() {
            Some("airstrike") => return Ok((remote, "Air/drone strike")),
            Some("shelling") => return Ok((remote, "Shelling/artillery/missile attack")),
            Some("explosion") => return Ok((remote, "Remote explosive/landmine/IED")),
            Some("chemical") => return Ok((remote, "Chemical weapon")),
            _ => {}
        }
        if self.organised().is_none() {
            return Err(
                "no party to a war among the perpetrators and no weapon of war (a criminal shooting, say)",
            );
        }
        Ok(if self.civilians() {
            ("Violence against civilians", "Attack")
        } else {
            ("Battles", "Armed clash")
        })
    }

    /// UCDP's type of violence with its two sides, or why the incident is not UCDP's.
    pub fn ucdp_type(&self) -> Result<(u8, String, String), &'static str> {
        let Some((side_a, kind)) = self.organised() else {
            return Err("no party to a war among the perpetrators (UCDP needs a side A)");
        };
        if self.civilians() {
            return Ok((3, side_a.to_string(), "Civilians".to_string()));
        }
        let other = self
            .parties
            .iter()
            .map(|(n, _)| n.clone())
            .find(|n| n != side_a)
            .unwrap_or_default();
        let state = matches!(
            kind,
            ActorType::StateForces | ActorType::ForeignState | ActorType::Coalition
        );
        Ok((if state { 1 } else { 2 }, side_a.to_string(), other))
    }

    fn date_prec(&self) -> u8 {
        match (self.tally.start, self.tally.end) {
            (Some(a), Some(b)) => match (b - a).num_days() {
                0 => 1,
                1..=5 => 2,
                6..=7 => 3,
                8..=31 => 4,
                _ => 5,
            },
            _ => 5,
        }
    }

    fn join(&self, field: impl Fn(&Citation) -> Option<String>) -> String {
        let mut values: Vec<String> = self.citations.iter().filter_map(|c| field(c)).collect();
        values.dedup();
        values.join(";")
    }
}

fn num(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

pub fn ucdp_row(c: &Coded<'_>) -> Result<Vec<String>, &'static str> {
    let (violence, side_a, side_b) = c.ucdp_type()?;
    let t = &c.tally;
    let place = t.place.as_ref();
    let best = t.killed.map_or(0, |r| r.best);
    let fighters = t.combatants_killed.map_or(0, |r| r.best).min(best);
    let (deaths_civilians, deaths_unknown) = if violence == 3 {
        (best - fighters, fighters)
    } else {
        (0, best)
    };
    Ok(vec![
        c.incident.id.to_string(),
        num(t.start.map(|d| chrono::Datelike::year(&d))),
        violence.to_string(),
        side_a,
        side_b,
        c.sources.to_string(),
        c.incident
            .members
            .iter()
            .map(|m| m.document.clone())
            .collect::<Vec<_>>()
            .join(";"),
        c.join(|x| x.outlet.clone()),
        c.join(|x| x.published.as_ref().map(|p| p.chars().take(10).collect())),
        c.join(|x| x.title.clone()),
        String::new(),
        num(place.map(|p| p.where_prec)),
        num(place.map(|p| p.name.clone())),
        num(place.map(|p| match &p.admin1 {
            Some(a) => format!("{}, {a}", p.name),
            None => p.name.clone(),
        })),
        num(place.and_then(|p| p.admin1.clone())),
        String::new(),
        num(place.and_then(|p| p.lat)),
        num(place.and_then(|p| p.lon)),
        num(c.country.clone()),
        if c.sources >= 2 { "1" } else { "2" }.to_string(),
        c.date_prec().to_string(),
        num(t.start),
        num(t.end.or(t.start)),
        "0".into(),
        "0".into(),
        deaths_civilians.to_string(),
        deaths_unknown.to_string(),
        best.to_string(),
        t.killed.map_or(0, |r| r.high).to_string(),
        t.killed.map_or(0, |r| r.low).to_string(),
    ])
}

pub fn acled_row(c: &Coded<'_>) -> Result<Vec<String>, &'static str> {
    let (event_type, sub_event_type) = c.acled_type()?;
    let t = &c.tally;
    let place = t.place.as_ref();
    let country = c.country.clone().unwrap_or_default();
    let actor1 = c
        .organised()
        .map(|(n, _)| n.to_string())
        .or_else(|| t.perpetrators.first().cloned())
        .unwrap_or_else(|| format!("Unidentified Armed Group ({country})"));
    let civilians = c.civilians();
    let geo_precision = match place.map(|p| p.where_prec) {
        Some(1) => 1,
        Some(2 | 3) => 2,
        _ => 3,
    };
    let time_precision = match c.date_prec() {
        1 => 1,
        2 | 3 => 2,
        _ => 3,
    };
    let killed = t.killed.map_or(0, |r| r.best);
    let notes = format!(
        "{} {}: {} killed{}; tally incident {} from {} report(s), {} independent.",
        num(t.start),
        place.map_or("an unnamed place".to_string(), |p| p.name.clone()),
        killed,
        t.injured
            .map_or(String::new(), |r| format!(", {} injured", r.best)),
        name(c.incident.id),
        c.incident.members.len(),
        c.sources
    );
    Ok(vec![
        format!(
            "{}{}",
            place.and_then(|p| p.country.clone()).unwrap_or_default(),
            c.incident.id
        ),
        num(t.start),
        num(t.start.map(|d| chrono::Datelike::year(&d))),
        time_precision.to_string(),
        "Political violence".into(),
        event_type.into(),
        sub_event_type.into(),
        actor1,
        String::new(),
        if civilians {
            format!("Civilians ({country})")
        } else {
            String::new()
        },
        String::new(),
        if civilians && event_type == "Violence against civilians" {
            "Civilian targeting".into()
        } else {
            String::new()
        },
        String::new(),
        country,
        num(place.and_then(|p| p.admin1.clone())),
        String::new(),
        String::new(),
        num(place.map(|p| p.name.clone())),
        num(place.and_then(|p| p.lat)),
        num(place.and_then(|p| p.lon)),
        geo_precision.to_string(),
        c.join(|x| x.outlet.clone().or_else(|| x.url.clone())),
        String::new(),
        notes,
        killed.to_string(),
    ])
}

/// A GeoJSON feature, or `None` for an incident without coordinates.
pub fn feature(c: &Coded<'_>) -> Option<Value> {
    let place = c.tally.place.as_ref()?;
    let (lat, lon) = (place.lat?, place.lon?);
    let range =
        |r: Option<tally_link::Range>| r.map(|r| json!({"low": r.low, "best": r.best, "high": r.high}));
    Some(json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "incident": name(c.incident.id),
            "date_start": c.tally.start,
            "date_end": c.tally.end,
            "place": place.name,
            "admin1": place.admin1,
            "country": place.country,
            "where_prec": place.where_prec,
            "killed": range(c.tally.killed),
            "injured": range(c.tally.injured),
            "cause": c.tally.cause,
            "reports": c.incident.members.len(),
            "independent_sources": c.sources,
            "grade": c.grade,
        }
    }))
}

/// A PLOVER event (the Open Event Data Alliance's ontology, DOMAIN.md's fields).
pub fn plover(c: &Coded<'_>) -> Value {
    let t = &c.tally;
    let place = t.place.as_ref();
    let resolution = match place.map(|p| p.where_prec) {
        Some(1 | 2) => "city",
        Some(3..=5) => "region",
        Some(_) => "country",
        None => "none",
    };
    let first = c.citations.first();
    json!({
        "id": name(c.incident.id),
        "date": t.start,
        "enddate": t.end,
        "actor": t.perpetrators,
        "recipient": t.victims.iter().collect::<Vec<_>>(),
        "event": ["ASSAULT"],
        "event_loc": {
            "geonameid": null,
            "lat": place.and_then(|p| p.lat),
            "lon": place.and_then(|p| p.lon),
            "country_code": place.and_then(|p| p.country.clone()),
            "resolution": resolution,
        },
        "text_info": {"start": null, "end": null},
        "cite_info": {
            "url": first.and_then(|c| c.url.clone()),
            "title": first.and_then(|c| c.title.clone()),
            "publication": first.and_then(|c| c.outlet.clone()),
        },
        "dead": t.killed.map(|r| r.best),
        "injured": t.injured.map(|r| r.best),
    })
}
