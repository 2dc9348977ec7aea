//! The snapshot files themselves (tests/common/snapshot.rs): none lies unused, a mismatch is a
//! diff and not a rewrite on CI, and the placeholders stand where the output varies.

mod common;

use std::path::Path;

use common::snapshot::{self, compare};
use common::{bin, fixtures, layered, resurs, stderr};
use snapbox::assert::Action;

/// Every snapshot file under tests/fixtures/ belongs to a test: `fall/<case>/_forvantat.txt`
/// to the case tests/validera_fall.rs finds there, any other to a test whose source names its
/// path (as `"matcha/_rapport.md"`). A snapshot left behind by a removed test fails here.
#[test]
fn every_snapshot_file_is_read_by_a_test() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let sources: Vec<String> = walkdir::WalkDir::new(&tests)
        .into_iter()
        .filter_entry(|e| e.file_name() != "node_modules" && e.file_name() != "fixtures")
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .filter(|e| e.path() != tests.join("ogonblicksbilder.rs"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    let (mut cases, mut named, mut unused) = (0, 0, Vec::new());
    for entry in walkdir::WalkDir::new(fixtures()) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || !snapshot::is_snapshot_name(&name) {
            continue;
        }
        let rel = entry.path().strip_prefix(fixtures()).unwrap();
        let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
        if parts.len() == 3 && parts[0] == "fall" && parts[2] == "_forvantat.txt" {
            cases += 1;
        } else if sources
            .iter()
            .any(|s| s.contains(&format!("\"{}\"", parts.join("/"))))
        {
            named += 1;
        } else {
            unused.push(format!("tests/fixtures/{}", parts.join("/")));
        }
    }
    assert!(
        unused.is_empty(),
        "ögonblicksbilder som inget test läser (ta bort dem, eller namnge sökvägen i testet \
         som läser dem): {unused:?}"
    );
    assert!(cases >= 20 && named >= 6, "{cases} fall, {named} andra");
}

/// `CI` (as GitHub and .ci/run set it) wins over `SNAPSHOTS=overwrite`.
#[test]
fn snapshots_are_rewritten_only_when_asked_and_never_on_ci() {
    let cases = [
        (None, None, Action::Verify),
        (None, Some("overwrite"), Action::Overwrite),
        (Some("true"), Some("overwrite"), Action::Verify),
        (Some("1"), Some("overwrite"), Action::Verify),
        (Some("false"), Some("overwrite"), Action::Overwrite),
        (Some("true"), Some("verify"), Action::Verify),
    ];
    for (ci, snapshots, action) in cases {
        assert_eq!(
            snapshot::action_for(ci, snapshots),
            action,
            "CI={ci:?} SNAPSHOTS={snapshots:?}"
        );
    }
}

/// A snapshot file with `text` in a temporary folder.
fn snapshot_file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("_forvantat.txt");
    std::fs::write(&file, text).unwrap();
    (dir, file)
}

#[test]
fn a_mismatch_is_a_line_diff_and_the_file_is_left_alone() {
    let (dir, file) = snapshot_file("a\nb\nc\n");
    assert_eq!(compare(&file, "a\nb\nc\n", Action::Verify), Ok(()));

    let failure = compare(&file, "a\nB\nc\n", Action::Verify).unwrap_err();
    assert!(failure.contains("- b\n"), "{failure}");
    assert!(failure.contains("+ B\n"), "{failure}");
    assert!(failure.contains("SNAPSHOTS=overwrite"), "{failure}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "a\nb\nc\n");

    // Exact bytes: a missing last newline and `\r\n` line ends are differences too.
    let failure = compare(&file, "a\nb\nc", Action::Verify).unwrap_err();
    assert!(failure.contains("+ c∅"), "{failure}");
    let failure = compare(&file, "a\r\nb\r\nc\r\n", Action::Verify).unwrap_err();
    assert!(failure.contains("radslut"), "{failure}");

    let failure = compare(&dir.path().join("_saknas.txt"), "x\n", Action::Verify).unwrap_err();
    assert!(failure.contains("_saknas.txt"), "{failure}");
    assert!(!dir.path().join("_saknas.txt").exists());
}

#[test]
fn overwrite_writes_the_output_exactly() {
    let (dir, file) = snapshot_file("gammal\n");
    assert_eq!(compare(&file, "ny\r\ntext", Action::Overwrite), Ok(()));
    assert_eq!(std::fs::read(&file).unwrap(), b"ny\r\ntext");
    let new = dir.path().join("_forvantat-ny.txt");
    assert_eq!(compare(&new, "ny\n", Action::Overwrite), Ok(()));
    assert_eq!(std::fs::read_to_string(&new).unwrap(), "ny\n");
}

/// A temporary data folder and the version, as the binary prints them, become placeholders.
#[test]
fn temporary_folders_and_the_version_are_placeholders() {
    let d = layered(&["bas"]);
    let out_dir = tempfile::tempdir().unwrap();
    let existing = out_dir.path().join("rapport.md");
    std::fs::write(&existing, "finns").unwrap();
    let out = resurs(d.path(), &["rapport", "--ut", existing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        snapshot::redactions().redact(&stderr(&out)),
        "fel: `[TEMP]/rapport.md` finns redan; lägg till --skriv-over för att ersätta den\n"
    );

    let out = bin().arg("--version").output().unwrap();
    assert_eq!(
        snapshot::redactions().redact(&String::from_utf8(out.stdout).unwrap()),
        "resurs [VERSION]\n"
    );
    // Only where the output says `resurs <version>`: a bare number is data.
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(
        snapshot::redactions().redact(&format!("version {version}")),
        format!("version {version}")
    );
}
