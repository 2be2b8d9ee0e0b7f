//! The recorders' formats: UCDP GED and ACLED CSV, GeoJSON and PLOVER, from incidents.

mod common;

use common::{linked_ledger, tally};
use std::path::Path;

const UCDP: &str = "id,year,type_of_violence,side_a,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,country,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low";
const ACLED: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,civilian_targeting,iso,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities";

const REPORTS: &str = r#"{"id": "idlib-1", "outlet": "Wire", "published": "2017-04-05", "title": "Air strikes kill 12 in Saraqib", "text": "Syrian government air strikes killed 12 civilians, among them four children, in the town of Saraqib in Idlib province on Tuesday, rescuers said."}
{"id": "idlib-2", "outlet": "Monitor", "published": "2017-04-05", "title": "Saraqib raids", "text": "The death toll from Syrian government air raids on Saraqib on Tuesday rose to 14 civilians, a war monitor said on Wednesday, adding that dozens were wounded."}
{"id": "tulsa-1", "outlet": "Local", "published": "2017-05-07", "title": "Man shot dead at party", "text": "TULSA, Okla. — A man was shot and killed at a birthday party in north Tulsa late Saturday, police said."}
"#;

fn run(db: &Path, format: &str) -> (String, String) {
    let out = tally(&["export", "--format", format], db);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn ucdp_acled_geojson_and_plover_speak_the_recorders_language() {
    let (_dir, db) = linked_ledger(REPORTS);

    let (ucdp, why) = run(&db, "ucdp");
    let mut rows = csv::Reader::from_reader(ucdp.as_bytes());
    assert_eq!(rows.headers().unwrap().iter().collect::<Vec<_>>().join(","), UCDP);
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1, "{ucdp}");
    let (violence, side_a, side_b, sources, best, adm_1) = (
        &rows[0][2],
        &rows[0][3],
        &rows[0][4],
        &rows[0][5],
        &rows[0][27],
        &rows[0][14],
    );
    assert_eq!(
        (violence, side_a, side_b, sources, best, adm_1),
        ("3", "Syrian government", "Civilians", "2", "14", "Idlib")
    );
    assert!(why.contains("left out 1 incidents"), "{why}");

    let (acled, why) = run(&db, "acled");
    let mut rows = csv::Reader::from_reader(acled.as_bytes());
    assert_eq!(
        rows.headers().unwrap().iter().collect::<Vec<_>>().join(","),
        ACLED
    );
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (&rows[0][4], &rows[0][5], &rows[0][6]),
        (
            "Political violence",
            "Explosions/Remote violence",
            "Air/drone strike"
        )
    );
    assert_eq!(&rows[0][24], "14");
    assert!(why.contains("a criminal shooting"), "{why}");

    let (geojson, _) = run(&db, "geojson");
    let geojson: serde_json::Value = serde_json::from_str(&geojson).unwrap();
    assert_eq!(geojson["type"], "FeatureCollection");
    let features = geojson["features"].as_array().unwrap();
    assert_eq!(features.len(), 2);
    assert!(features
        .iter()
        .all(|f| f["geometry"]["type"] == "Point"
            && f["geometry"]["coordinates"].as_array().unwrap().len() == 2));

    let (plover, _) = run(&db, "plover");
    let plover: serde_json::Value = serde_json::from_str(&plover).unwrap();
    let saraqib = plover
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["dead"] == 14)
        .unwrap();
    assert_eq!(saraqib["actor"][0], "Syrian government");
    assert_eq!(saraqib["event_loc"]["country_code"], "SY");
    assert_eq!(saraqib["date"], "2017-04-04");
}
