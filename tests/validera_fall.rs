//! One fixture folder per validation rule (tests/fixtures/fall/<case>/), run through the real
//! binary; the exact output a user sees is compared with the snapshot `_forvantat.txt` in the
//! case folder. The cases are the folders found there: a new folder is a new case. See
//! tests/README.md for how to add one.

mod common;

use rayon::prelude::*;

use common::{case_folder, fixtures, resurs, snapshot, stderr, stdout};

/// The case folders of tests/fixtures/fall/, sorted.
fn cases() -> Vec<String> {
    let mut cases: Vec<String> = std::fs::read_dir(fixtures().join("fall"))
        .unwrap()
        .map(Result::unwrap)
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    cases
}

/// Runs `validera --format kort` over the case and checks stdout, the summary on stderr and the
/// exit code (1 when there is an error, else 0).
fn check_case(case: &str) -> Result<(), String> {
    let dir = case_folder(case);
    let out = resurs(dir.path(), &["validera", "--format", "kort"]);
    let text = format!("{}--- stderr\n{}", stdout(&out), stderr(&out));
    snapshot::check(
        &fixtures().join("fall").join(case).join("_forvantat.txt"),
        &text,
    )?;
    let has_error = stdout(&out).contains(": fel[");
    if out.status.code() == Some(i32::from(has_error)) {
        Ok(())
    } else {
        Err(format!("slutkoden är {:?}", out.status.code()))
    }
}

/// Every case, each compared with its snapshot; all of them run, and the failure names each
/// case that differs with its diff.
#[test]
fn every_case_gives_its_expected_output() {
    let cases = cases();
    assert!(cases.len() >= 20, "{cases:?}");
    let failures: Vec<String> = cases
        .par_iter()
        .filter_map(|case| {
            check_case(case)
                .err()
                .map(|e| format!("== tests/fixtures/fall/{case}\n{e}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} av {} fall skiljer sig:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
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
    let cases: Vec<_> = cases().iter().map(|c| case_folder(c)).collect();
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
        audience: resurs::report::Audience::Public,
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
