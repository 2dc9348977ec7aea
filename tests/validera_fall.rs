//! One fixture folder per validation rule (tests/fixtures/fall/<case>/), run through the real
//! binary; the exact output a user sees is compared with `_forvantat.txt` in the case folder.
//! See tests/README.md for how to add a case.

mod common;

use common::{assert_expected, case_folder, fixtures, resurs, stderr, stdout};

/// Runs `validera --format kort` over the case and checks stdout, the summary on stderr and the
/// exit code (1 when there is an error, else 0).
fn check_case(case: &str) {
    let dir = case_folder(case);
    let out = resurs(dir.path(), &["validera", "--format", "kort"]);
    let text = format!("{}--- stderr\n{}", stdout(&out), stderr(&out));
    assert_expected(
        &fixtures().join("fall").join(case).join("_forvantat.txt"),
        &text,
    );
    let has_error = stdout(&out).contains(": fel[");
    assert_eq!(
        out.status.code(),
        Some(i32::from(has_error)),
        "{case}: exit code"
    );
}

macro_rules! cases {
    ($($name:ident),* $(,)?) => {
        $(#[test] fn $name() { check_case(stringify!($name)); })*
    };
}

cases! {
    e001_syntaxfel,
    e002_okand_nyckel,
    e003_saknad_nyckel,
    e004_vokabular,
    e005_fel_typ,
    e006_ogiltigt_id,
    e007_fel_plats,
    e008_okand_aktor,
    e009_okant_omrade,
    e010_kontaktvagar,
    e014_datum_och_alder,
    e017_personnummer,
    e019_tom_fil,
    e020_inga_data,
    e021_saknad_fil,
    e022_vokabular,
    e023_tom_lista,
    e024_resurs_toml,
    w001_granskning,
    w001_egna_granser,
    w006_rotfil,
    w009_onabar,
}

#[test]
fn every_case_folder_has_a_test() {
    let listed = include_str!("validera_fall.rs");
    for entry in std::fs::read_dir(fixtures().join("fall")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            listed.contains(&format!("    {name},")),
            "tests/fixtures/fall/{name} saknar ett test i cases!"
        );
    }
}

/// `validera` lets the free text go once each file is checked: over every case, data/ and the
/// example map, it finds exactly what a full load finds, and the text really is gone.
#[test]
fn validation_without_free_text_finds_the_same() {
    let opts = resurs::validate::Options {
        today: resurs::date::Datum::new(2026, 11, 25).unwrap(),
    };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut folders = vec![root.join("data"), root.join("examples/exempelkarta")];
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(fixtures().join("fall")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        cases.push(case_folder(&name));
    }
    folders.extend(cases.iter().map(|d| d.path().to_path_buf()));
    for dir in &folders {
        let full = resurs::load::load(dir, &resurs::load::LoadOptions::default()).unwrap();
        let lean = resurs::load::load(
            dir,
            &resurs::load::LoadOptions {
                free_text: resurs::load::FreeText::Dropped,
                ..resurs::load::LoadOptions::default()
            },
        )
        .unwrap();
        assert_eq!(
            resurs::validate::validate(&full, &opts),
            resurs::validate::validate(&lean, &opts),
            "{}",
            dir.display()
        );
        assert!(
            lean.insatser
                .values()
                .all(|e| e.data.beskrivning.is_empty())
        );
        // And the dataset says so: an emptied description is not an empty one.
        assert_eq!(full.free_text, resurs::load::FreeText::Kept);
        assert_eq!(lean.free_text, resurs::load::FreeText::Dropped);
    }
    assert!(folders.len() > 20);
}

/// data/ loaded as `validera` and `matcha` load it: without the free text.
fn without_free_text() -> resurs::dataset::Dataset {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let opts = resurs::load::LoadOptions {
        free_text: resurs::load::FreeText::Dropped,
        ..resurs::load::LoadOptions::default()
    };
    resurs::load::load(&data, &opts).unwrap()
}

/// What shows free text refuses a dataset without it, instead of showing each emptied
/// description as one nobody wrote: `visa`…
#[test]
#[should_panic(expected = "visa reads free text, but the folder was loaded without it")]
fn visa_refuses_a_dataset_without_free_text() {
    let lean = without_free_text();
    let (_, e) = lean.insatser.iter().next().unwrap();
    let _ = resurs::render::show::insats(&lean, e);
}

/// … the reports …
#[test]
#[should_panic(expected = "rapport reads free text, but the folder was loaded without it")]
fn a_report_refuses_a_dataset_without_free_text() {
    let opts = resurs::report::Options {
        publik: true,
        omrade: None,
        behov: Vec::new(),
        today: resurs::date::Datum::new(2026, 11, 25).unwrap(),
        commit: None,
    };
    let _ = resurs::report::build(&without_free_text(), &opts);
}

/// … and a search in the free text.
#[test]
#[should_panic(expected = "sok --fritext reads free text, but the folder was loaded without it")]
fn a_search_in_free_text_refuses_a_dataset_without_it() {
    let q = resurs::search::Query {
        fritext: Some("samtal".to_owned()),
        ..resurs::search::Query::default()
    };
    let _ = resurs::search::search(&without_free_text(), &q);
}
