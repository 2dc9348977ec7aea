//! Shared test harness: builds a data folder from the `bas` fixture plus a case's overlay in a
//! temporary directory, and runs the real binary over it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub mod snapshot;

/// The fixed "today" of every test, so that staleness rules do not change with the calendar.
pub const IDAG: &str = "2026-11-25";

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let name = rel.to_string_lossy();
        if name.starts_with('_') {
            continue;
        }
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A data folder made of fixture folders laid on top of each other (relative to
/// `tests/fixtures/`; files named `_…` at a layer's top level are skipped).
pub fn layered(layers: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for layer in layers {
        copy_dir(&fixtures().join(layer), dir.path());
    }
    dir
}

/// A data folder: `bas`, then the case folder's files on top (files named `_…` at the case's
/// top level are test metadata), then the paths listed in `_ta-bort.txt` removed.
pub fn case_folder(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("bas"), dir.path());
    let case_dir = fixtures().join("fall").join(case);
    if case_dir.exists() {
        copy_dir(&case_dir, dir.path());
        if let Ok(list) = std::fs::read_to_string(case_dir.join("_ta-bort.txt")) {
            for rel in list.lines().filter(|l| !l.trim().is_empty()) {
                let p = dir.path().join(rel.trim());
                if p.is_dir() {
                    std::fs::remove_dir_all(&p).unwrap();
                } else {
                    std::fs::remove_file(&p).unwrap();
                }
            }
        }
    }
    dir
}

/// Makes `n` copies `aktorer/kopia-0000`… of the actor folder `aktorer/<from>` in `root`, each
/// with its `aktor.toml` and one offering: `offering(i)` gives its file name and text.
pub fn copy_actor(root: &Path, from: &str, n: usize, offering: impl Fn(usize) -> (String, String)) {
    let text = std::fs::read_to_string(root.join("aktorer").join(from).join("aktor.toml")).unwrap();
    for i in 0..n {
        let dir = root.join(format!("aktorer/kopia-{i:04}"));
        std::fs::create_dir_all(dir.join("insatser")).unwrap();
        std::fs::write(dir.join("aktor.toml"), &text).unwrap();
        let (name, content) = offering(i);
        std::fs::write(dir.join("insatser").join(name), content).unwrap();
    }
}

/// The `resurs` binary in an environment of its own: no RESURS_DATA, no COLUMNS (tables are
/// not wrapped unless a test asks for a width, whatever the shell exports), no RESURS_NU, and
/// its search indexes in a folder of their own.
pub fn bin() -> Command {
    let mut cmd = Command::cargo_bin("resurs").unwrap();
    cmd.env_remove("RESURS_DATA")
        .env_remove("COLUMNS")
        .env_remove("RESURS_NU")
        // Search indexes of test folders go to a folder of their own, never to ~/.cache.
        .env(
            "RESURS_CACHE",
            std::env::temp_dir().join("resurs-test-cache"),
        );
    cmd
}

/// `resurs --data DIR --idag IDAG`.
fn command(data: &Path) -> Command {
    let mut cmd = bin();
    cmd.arg("--data").arg(data).args(["--idag", IDAG]);
    cmd
}

/// Runs `resurs --data DIR --idag IDAG ARGS…` with `COLUMNS` set to `columns`.
pub fn resurs_at_width(data: &Path, columns: usize, args: &[&str]) -> Output {
    command(data)
        .env("COLUMNS", columns.to_string())
        .args(args)
        .output()
        .unwrap()
}

/// Runs `resurs --data DIR --idag IDAG ARGS…`.
pub fn resurs(data: &Path, args: &[&str]) -> Output {
    command(data).args(args).output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Compares `actual` with the snapshot file `expected_file` (under tests/fixtures/, named
/// `_forvantat…`): on a mismatch the test fails with a line diff; with `SNAPSHOTS=overwrite`
/// (not on CI) the file is rewritten instead (review `git diff` before committing).
#[track_caller]
pub fn assert_expected(expected_file: &Path, actual: &str) {
    if let Err(failure) = snapshot::check(expected_file, actual) {
        panic!("{failure}");
    }
}

/// `git ARGS…` in `dir`, as a test user (no signing, branch `main`); fails the test when git
/// does, and returns what it printed.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.se",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The bounded proptest runs of `cargo test` (FUZZING.md): 64 cases each.
pub fn proptest_config() -> proptest::prelude::ProptestConfig {
    proptest::prelude::ProptestConfig {
        cases: 64,
        ..proptest::prelude::ProptestConfig::default()
    }
}

/// The `bas` fixture, loaded once per test binary: what single files are checked against.
pub fn bas() -> &'static resurs::dataset::Dataset {
    static BASE: std::sync::OnceLock<resurs::dataset::Dataset> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        resurs::load::load(
            &fixtures().join("bas"),
            &resurs::load::LoadOptions::default(),
        )
        .unwrap()
    })
}

/// A copy of the repository's `data/`, to write into.
pub fn data_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        dir.path(),
    );
    dir
}

/// The ids of the hits of `sok ARGS --format json` over `data`, in order, and stderr; the
/// search must succeed.
pub fn sok_ids(data: &Path, args: &[&str]) -> (Vec<String>, String) {
    let mut all = vec!["sok"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let out = resurs(data, &all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids = json
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_owned())
        .collect();
    (ids, stderr(&out))
}
