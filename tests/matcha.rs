//! Needs against offerings: each criterion and grade through the library, and `resurs matcha`
//! as users run it, over `tests/fixtures/bas` + `matcha` and `data/` (`resurs uppfoljning`:
//! tests/uppfoljning.rs).

mod common;

use std::path::Path;

use common::{assert_expected, fixtures, layered, resurs, stderr, stdout};
use resurs::dataset::Dataset;
use resurs::matching::{Tackning, coverage, match_needs, need_shortfalls, shortfalls};

fn load() -> (tempfile::TempDir, Dataset) {
    let dir = layered(&["bas", "matcha"]);
    let ds = resurs::load::load(dir.path(), &resurs::load::LoadOptions::default()).unwrap();
    (dir, ds)
}

fn brister(ds: &Dataset, behov: &str, insats: &str) -> Vec<String> {
    let need = &ds.behov[behov].data;
    shortfalls(ds, need, insats, &ds.insatser[insats].data)
}

#[test]
fn an_offering_that_fits_on_every_criterion_has_no_shortfalls() {
    let (_d, ds) = load();
    assert!(brister(&ds, "mat-vaxjo", "rodakorset-vaxjo/matkassar").is_empty());
    // The län of the offering contains the need's kommun; the offering is for everyone.
    assert!(brister(&ds, "samtal-volontarer", "diakonicentrum/samtalsstod").is_empty());
}

#[test]
fn target_group_must_overlap_or_be_everyone() {
    let (_d, ds) = load();
    assert_eq!(
        brister(&ds, "samtal-volontarer", "foraldraforening/foraldragrupp"),
        ["fel målgrupp: erbjuds till föräldrar, behovet gäller volontärer och ideella"]
    );
}

#[test]
fn an_area_of_the_offering_must_contain_an_area_of_the_need() {
    let (_d, ds) = load();
    assert_eq!(
        brister(&ds, "mat-lan", "rodakorset-vaxjo/matkassar"),
        ["fel område: erbjuds i Växjö, behovet gäller Kronobergs län"]
    );
}

#[test]
fn a_language_of_the_need_must_be_offered_or_an_interpreter_arranged() {
    let (_d, ds) = load();
    assert_eq!(
        brister(&ds, "samtalsstod-ukrainska", "diakonicentrum/samtalsstod"),
        ["bara på svenska och engelska, ingen tolk"]
    );
    // Interpreter: the language is fine; the group and the area are not.
    assert_eq!(
        brister(
            &ds,
            "samtalsstod-ukrainska",
            "foraldraforening/foraldragrupp"
        ),
        [
            "fel målgrupp: erbjuds till föräldrar, behovet gäller alla",
            "fel område: erbjuds i Alvesta, behovet gäller Kronobergs län"
        ]
    );
}

#[test]
fn planned_and_paused_offerings_are_partial_and_ended_ones_are_no_candidates() {
    let (_d, ds) = load();
    assert_eq!(
        brister(&ds, "terapi-alvesta", "foraldraforening/planerad-terapi"),
        ["planerad, inte startad"]
    );
    assert_eq!(
        brister(&ds, "terapi-alvesta", "foraldraforening/pausad-terapi"),
        ["pausad"]
    );
    let c = coverage(&ds, &ds.behov["mat-lan"]);
    assert!(
        c.kandidater
            .iter()
            .all(|k| k.id != "foraldraforening/avslutad-mat")
    );
}

#[test]
fn grades_are_covered_partly_covered_or_missing() {
    let (_d, ds) = load();
    let grade = |id: &str| coverage(&ds, &ds.behov[id]).tackning;
    assert_eq!(grade("mat-vaxjo"), Tackning::Tackt);
    assert_eq!(grade("mat-lan"), Tackning::Delvis);
    assert_eq!(grade("terapi-alvesta"), Tackning::Delvis);
    assert_eq!(grade("klader"), Tackning::Saknas);
    // Each category must be met: mat is, kläder is not.
    assert_eq!(grade("mat-och-klader"), Tackning::Delvis);
    let c = coverage(&ds, &ds.behov["mat-och-klader"]);
    assert_eq!(
        need_shortfalls(&ds, &c),
        ["ingen insats för Kläder och hygienartiklar"]
    );
    assert_eq!(
        need_shortfalls(&ds, &coverage(&ds, &ds.behov["klader"])),
        ["ingen insats för Kläder och hygienartiklar"]
    );
}

#[test]
fn needs_are_listed_worst_first_then_by_priority_then_by_date() {
    let (_d, ds) = load();
    let order: Vec<&str> = match_needs(&ds, &[])
        .iter()
        .map(|c| c.behov.id.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "klader",
            "samtalsstod-ukrainska",
            "mat-lan",
            "mat-och-klader",
            "terapi-alvesta",
            "mat-vaxjo",
            "samtal-volontarer"
        ]
    );
    // Only current needs by default; a named need is graded whatever its status.
    let named = match_needs(&ds, &["hanterat".to_owned()]);
    assert_eq!(named.len(), 1);
}

#[test]
fn matcha_prints_a_table_json_and_markdown() {
    let d = layered(&["bas", "matcha"]);
    let out = resurs(d.path(), &["matcha", "--format", "md"]);
    assert_expected(&fixtures().join("matcha/_forvantat.md"), &stdout(&out));
    let out = resurs(d.path(), &["matcha", "--format", "json"]);
    assert_expected(&fixtures().join("matcha/_forvantat.json"), &stdout(&out));
    let out = resurs(d.path(), &["matcha"]);
    let text = stdout(&out);
    assert!(text.contains("│ Behov"), "{text}");
    assert!(
        text.ends_with("7 behov: 2 täckta, 4 delvis, 1 saknas.\n"),
        "{text}"
    );
}

#[test]
fn luckor_shows_only_partly_covered_and_missing_needs() {
    let d = layered(&["bas", "matcha"]);
    let out = resurs(d.path(), &["matcha", "--luckor", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let grades: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["tackning"].as_str().unwrap())
        .collect();
    assert_eq!(grades, ["saknas", "delvis", "delvis", "delvis", "delvis"]);
    // The summary still counts every need.
    let out = resurs(d.path(), &["matcha", "--luckor", "--format", "md"]);
    assert!(stdout(&out).ends_with("\n7 behov: 2 täckta, 4 delvis, 1 saknas.\n"));
}

#[test]
fn matcha_named_needs_and_unknown_ids() {
    let d = layered(&["bas", "matcha"]);
    let out = resurs(
        d.path(),
        &["matcha", "mat-lan", "klader", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json[0]["behov"], "klader");
    assert_eq!(json[1]["behov"], "mat-lan");
    assert_eq!(json[1]["insatser"][0]["id"], "rodakorset-vaxjo/matkassar");
    assert_eq!(json[1]["insatser"][0]["full"], false);
    // A reading command takes a clear typo and says so; something unlike any need fails.
    let out = resurs(d.path(), &["matcha", "mat-lna"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("tolkar 'mat-lna' som ") && stderr(&out).contains("(mat-lan)"),
        "{}",
        stderr(&out)
    );
    let out = resurs(d.path(), &["matcha", "kladesbytarhjalp"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("fel: inget behov har id:t `kladesbytarhjalp`")
            && stderr(&out).ends_with("Se alla med `resurs lista behov`.\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_kronoberg_meeting_as_matched() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = resurs(&data, &["matcha", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let grade = |id: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|c| c["behov"] == id)
            .map(|c| c["tackning"].as_str().unwrap().to_owned())
            .unwrap()
    };
    // Nobody offered anything about violence: the Familjefrid follow-up is the answer.
    assert_eq!(grade("kunskap-om-vald-och-trafficking"), "saknas");
    assert_eq!(grade("vald-i-nara-relation-vid-aterforening"), "saknas");
    // Helpers: courses exist, debriefing does not.
    assert_eq!(grade("stod-till-hjalpare"), "delvis");
    // LNU's students offer psychotherapy, but not with an interpreter.
    assert_eq!(grade("terapi-vuxna-migranter"), "delvis");
    // The women's group is for women only, so far.
    assert_eq!(grade("igenkanning"), "delvis");
    let out = resurs(&data, &["matcha"]);
    assert!(
        stdout(&out).ends_with("12 behov: 3 täckta, 7 delvis, 2 saknas.\n"),
        "{}",
        stdout(&out)
    );
}
