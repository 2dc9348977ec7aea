//! Loading and validating one file: the first byte picks the kind of file, the rest is the
//! file's bytes. Checked against the vocabularies and actors of `data/`. Must never panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use resurs::dataset::Dataset;
use resurs::date::Datum;
use resurs::model::schema::Kind;

fn base() -> &'static Dataset {
    static BASE: OnceLock<Dataset> = OnceLock::new();
    BASE.get_or_init(|| resurs::load::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../data"),
            &resurs::load::LoadOptions::default(),
        )
        .unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else { return };
    let (kind, rel) = match which % 4 {
        0 => (Kind::Aktor, "aktorer/fuzz/aktor.toml"),
        1 => (Kind::Insats, "aktorer/fuzz/insatser/fuzz.toml"),
        2 => (Kind::Behov, "behov/fuzz.toml"),
        _ => (Kind::VokBehov, "vokabular/behov.toml"),
    };
    let today = Datum::new(2026, 11, 25).unwrap();
    let problems = resurs::validate::check_one(base(), kind, Path::new(rel), bytes, today);
    for p in &problems {
        assert!(p.line >= 1 && p.column >= 1, "{p:?}");
        assert!(!p.message.is_empty());
    }
    // The diagnostic renderers take every problem.
    let _ = resurs::render::diagnostics::short(&problems);
    let _ = resurs::render::diagnostics::json(&problems);
});
