//! Snapshot files: what a command is expected to print, kept as a plain file under
//! tests/fixtures/ and compared byte for byte with snapbox, which shows a line diff on a
//! mismatch. `SNAPSHOTS=overwrite` rewrites the files instead (never when `CI` is set, so that
//! CI fails rather than writes). What differs from run to run (temporary folders, the crate's
//! version) is replaced by a placeholder before the comparison. tests/ogonblicksbilder.rs fails
//! on a snapshot file that no test reads. How to update and review them: tests/README.md.

use std::path::Path;

use snapbox::assert::Action;

/// The variable that says what a mismatch does: `overwrite` rewrites the snapshot file.
pub const SNAPSHOTS: &str = "SNAPSHOTS";

/// Is `name` the name of a snapshot file? Snapshots are `_forvantat…` (and the report's
/// `_rapport.…`); the leading `_` keeps them out of the data folder a test builds.
pub fn is_snapshot_name(name: &str) -> bool {
    name.starts_with("_forvantat") || name.starts_with("_rapport.")
}

/// What a mismatch does, given the values of `CI` and `SNAPSHOTS`: the file is rewritten only
/// when asked for, and never on CI.
pub fn action_for(ci: Option<&str>, snapshots: Option<&str>) -> Action {
    let on_ci = ci.is_some_and(|v| !matches!(v, "" | "0" | "false"));
    match snapshots {
        None | Some("" | "verify") => Action::Verify,
        Some("overwrite") if on_ci => Action::Verify,
        Some("overwrite") => Action::Overwrite,
        Some(other) => panic!("{SNAPSHOTS}={other}: värdet ska vara `overwrite` eller `verify`"),
    }
}

fn action() -> Action {
    assert!(
        std::env::var_os("RESURS_UPPDATERA").is_none(),
        "RESURS_UPPDATERA används inte längre: kör `{SNAPSHOTS}=overwrite cargo test` och granska \
         `git diff` (tests/README.md)"
    );
    action_for(
        std::env::var("CI").ok().as_deref(),
        std::env::var(SNAPSHOTS).ok().as_deref(),
    )
}

/// The placeholders written in a snapshot for what differs between runs: `[TEMP]` for a
/// temporary folder made by `tempfile` (`$TMPDIR/.tmpXXXXXX`), `[VERSION]` for the crate's
/// version where the output says `resurs <version>`. (Dates need none: `--idag` fixes them.)
pub fn redactions() -> snapbox::Redactions {
    let mut redactions = snapbox::Redactions::new();
    let version = regex::escape(env!("CARGO_PKG_VERSION"));
    redactions
        .insert(
            "[VERSION]",
            regex::Regex::new(&format!("resurs (?<redacted>{version})")).unwrap(),
        )
        .unwrap();
    let temp = regex::escape(&std::env::temp_dir().join(".tmp").display().to_string());
    redactions
        .insert(
            "[TEMP]",
            regex::Regex::new(&format!("{temp}[0-9A-Za-z]{{6}}")).unwrap(),
        )
        .unwrap();
    redactions
}

/// Compares `actual`, with its placeholders put in, with the snapshot file byte for byte: a
/// mismatch is an error with the line diff, or with `Action::Overwrite` the file is rewritten.
pub fn compare(expected_file: &Path, actual: &str, action: Action) -> Result<(), String> {
    let actual = redactions().redact(actual);
    let on_disk = std::fs::read(expected_file).ok();
    if on_disk.as_deref() == Some(actual.as_bytes()) {
        return Ok(());
    }
    if action == Action::Overwrite {
        std::fs::write(expected_file, &actual)
            .map_err(|e| format!("{}: {e}", expected_file.display()))?;
        eprintln!("skrev om {}", expected_file.display());
        return Ok(());
    }
    let expected = snapbox::Data::read_from(expected_file, Some(snapbox::data::DataFormat::Text));
    let diff = match snapbox::Assert::new().action(Action::Verify).try_eq(
        Some(&"utdata"),
        snapbox::Data::text(actual),
        expected.raw(),
    ) {
        Err(diff) => diff.to_string(),
        // snapbox reads `\r\n` as `\n`; a snapshot is the exact bytes.
        Ok(()) => format!(
            "{}: samma text men andra radslut (\\r\\n)\n",
            expected_file.display()
        ),
    };
    let ci = if std::env::var(SNAPSHOTS).is_ok_and(|v| v == "overwrite") {
        " (CI är satt, så inget skrivs om här)"
    } else {
        ""
    };
    Err(format!(
        "{diff}Utdata skiljer sig från ögonblicksbilden{ci}. Är ändringen avsedd: kör \
         `{SNAPSHOTS}=overwrite cargo test --test …` och granska `git diff` (tests/README.md)."
    ))
}

/// [`compare`] with the action the environment asks for, for a snapshot file named as one
/// (`_forvantat…`) under tests/fixtures/, where tests/ogonblicksbilder.rs looks for unused ones.
pub fn check(expected_file: &Path, actual: &str) -> Result<(), String> {
    let name = expected_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assert!(
        expected_file.starts_with(super::fixtures()) && is_snapshot_name(&name),
        "{}: en ögonblicksbild ligger under tests/fixtures/ och heter `_forvantat…`",
        expected_file.display()
    );
    compare(expected_file, actual, action())
}
