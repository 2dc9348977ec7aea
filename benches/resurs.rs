//! Criterion benchmarks of each stage on synthetic folders of about 1,000, 10,000 and 125,000
//! files (made by `examples/generera.rs`, cached in `target/bench-data/`). The whole commands
//! are timed against ripgrep by `benches/riket.sh`; results are in BENCHMARKS.md.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use resurs::date::Datum;
use resurs::load::{Checks, Files, FreeText, LoadOptions};

#[path = "../examples/generera.rs"]
#[allow(dead_code)]
mod generera;

/// (name, actors, offerings per actor, needs): 1k, 10k and 125k files.
const SIZES: [(&str, usize, usize, usize); 3] = [
    ("1k", 160, 5, 40),
    ("10k", 1_600, 5, 400),
    ("125k", 20_000, 5, 5_000),
];

/// What `validera` asks of the load: every check, without the free text.
const VALIDERA: LoadOptions<'static> = LoadOptions {
    checks: Checks::All,
    free_text: FreeText::Dropped,
    files: Files::All,
    progress: &resurs::load::Quiet,
};

fn folder(name: &str, aktorer: usize, per: usize, behov: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bench-data")
        .join(name);
    if !dir.join("resurs.toml").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        generera::generate(&dir, aktorer, per, behov, 1);
    }
    dir
}

fn sizes() -> Vec<(&'static str, PathBuf)> {
    let only = std::env::var("RESURS_BENCH_STORLEK").ok();
    SIZES
        .iter()
        .filter(|(n, ..)| only.as_deref().is_none_or(|o| o == *n))
        .map(|(n, a, p, b)| (*n, folder(n, *a, *p, *b)))
        .collect()
}

fn benches(c: &mut Criterion) {
    let today = Datum::new(2026, 11, 25).unwrap();
    let mut g = c.benchmark_group("resurs");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(2));
    for (name, dir) in sizes() {
        g.bench_with_input(BenchmarkId::new("load", name), &dir, |b, dir| {
            b.iter(|| resurs::load::load(dir, &LoadOptions::default()).unwrap());
        });
        g.bench_with_input(BenchmarkId::new("load-validera", name), &dir, |b, dir| {
            b.iter(|| resurs::load::load(dir, &VALIDERA).unwrap());
        });
        let prefilter = resurs::load::Prefilter::kategorier(&["samtalsstod".to_owned()])
            .only_actors_with_hits();
        let sok = LoadOptions {
            checks: Checks::Quick,
            files: Files::Prefiltered(&prefilter),
            ..LoadOptions::default()
        };
        g.bench_with_input(BenchmarkId::new("load-sok", name), &dir, |b, dir| {
            b.iter(|| resurs::load::load(dir, &sok).unwrap());
        });
        let ds = resurs::load::load(&dir, &LoadOptions::default()).unwrap();
        g.bench_with_input(BenchmarkId::new("validate", name), &ds, |b, ds| {
            b.iter(|| resurs::validate::validate(ds, &resurs::validate::Options { today }));
        });
        let vaxjo = resurs::cli::resolve::omrade(
            &ds,
            "Växjö",
            resurs::cli::resolve::AreaKind::Kommun,
            resurs::cli::resolve::Mode::Read,
        )
        .unwrap()
        .value;
        let query = resurs::search::Query {
            behov: resurs::cli::resolve::behov(&ds, "samtalsstod")
                .unwrap()
                .value,
            omrade: Some(vaxjo.clone()),
            ..resurs::search::Query::default()
        };
        g.bench_with_input(BenchmarkId::new("search", name), &ds, |b, ds| {
            b.iter(|| resurs::search::search(ds, &query).len());
        });
        g.bench_with_input(BenchmarkId::new("matching", name), &ds, |b, ds| {
            b.iter(|| resurs::matching::match_needs(ds, &[]).len());
        });
        let opts = resurs::report::Options {
            audience: resurs::report::Audience::Public,
            omrade: Some(vaxjo),
            behov: Vec::new(),
            today,
            commit: None,
        };
        g.bench_with_input(BenchmarkId::new("report", name), &ds, |b, ds| {
            b.iter(|| {
                resurs::render::report::html::render(&resurs::report::build(ds, &opts)).len()
            });
        });
    }
    g.finish();
}

/// An offering with `n` unknown areas (one problem each), written over a copy of data/:
/// `x0`, `x1`, … in base 36, so 100,000 of them stay under the 1 MB file limit.
fn many_problems(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bench-data")
        .join(format!("problem-{n}"));
    let file = dir.join("aktorer/rodakorset-vaxjo/insatser/manga-omraden.toml");
    if !file.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for entry in walkdir::WalkDir::new(&data) {
            let entry = entry.unwrap();
            let target = dir.join(entry.path().strip_prefix(&data).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
        let areas: Vec<String> = (0..n).map(|i| format!("\"x{}\"", base36(i))).collect();
        let text = format!(
            "namn = \"Många områden\"\nbeskrivning = \"Prov.\"\nbehov = [\"mat\"]\n\
             malgrupper = [\"asylsokande\"]\nstatus = \"aktiv\"\nsenast_granskad = 2026-11-25\n\
             kontaktvag = \"Ring.\"\nomraden = [{}]\n",
            areas.join(",")
        );
        std::fs::write(&file, text).unwrap();
    }
    dir
}

fn base36(mut i: usize) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit(u32::try_from(i % 36).unwrap(), 36).unwrap());
        i /= 36;
        if i == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// `validera` on one file with 1k, 10k and 100k problems: load, rules, positions, and the
/// text format with its source excerpts. Linear: the time per problem stays flat.
fn problems(c: &mut Criterion) {
    let today = Datum::new(2026, 11, 25).unwrap();
    let mut g = c.benchmark_group("problem");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .warm_up_time(Duration::from_secs(1));
    for (name, n) in [("1k", 1_000), ("10k", 10_000), ("100k", 100_000)] {
        let dir = many_problems(n);
        let validate = |dir: &Path| {
            let ds = resurs::load::load(dir, &VALIDERA).unwrap();
            resurs::validate::validate(&ds, &resurs::validate::Options { today })
        };
        assert!(validate(&dir).len() >= n);
        g.bench_with_input(BenchmarkId::new("validera-kort", name), &dir, |b, dir| {
            b.iter(|| resurs::render::diagnostics::short(&validate(dir)).len());
        });
        g.bench_with_input(BenchmarkId::new("validera-text", name), &dir, |b, dir| {
            b.iter(|| resurs::render::diagnostics::text(&validate(dir), dir).len());
        });
    }
    g.finish();
}

criterion_group!(resurs_benches, benches);
criterion_group!(problem_benches, problems);
criterion_main!(resurs_benches, problem_benches);
