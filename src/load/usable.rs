//! Whether a data folder can be loaded at all, decided before any file of it is read: it
//! exists, it is a folder that can be listed, and it does not need a newer `resurs` than this
//! one (`kraver` in `resurs.toml`). These fail the command (exit code 2); everything else wrong
//! with a folder is a [`crate::diagnostic::Problem`] of the load.

use std::path::Path;

use anyhow::{Context, Result, bail};
use toml::de::DeTable;

use crate::source::decode;

/// Fails when the data folder itself cannot be used.
pub(super) fn usable(root: &Path) -> Result<()> {
    let meta = std::fs::metadata(root).with_context(|| {
        format!(
            "datamappen `{}` finns inte eller kan inte läsas",
            root.display()
        )
    })?;
    if !meta.is_dir() {
        bail!("`{}` är inte en mapp", root.display());
    }
    std::fs::read_dir(root)
        .with_context(|| format!("datamappen `{}` kan inte läsas", root.display()))?;
    check_kraver(root)
}

/// The version of this `resurs` as `(major, minor)`.
pub fn running_version() -> (u64, u64) {
    let part = |s: &str| s.parse().unwrap_or(0);
    (
        part(env!("CARGO_PKG_VERSION_MAJOR")),
        part(env!("CARGO_PKG_VERSION_MINOR")),
    )
}

/// `"0.3"` as `(0, 3)`: `kraver` is a major and a minor version.
fn parse_kraver(s: &str) -> Option<(u64, u64)> {
    let (major, minor) = s.split_once('.')?;
    let number = |p: &str| {
        (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    Some((number(major)?, number(minor)?))
}

/// Fails when `resurs.toml` says the folder needs a newer `resurs` than this one (`kraver`).
/// Checked before anything else is read: a newer folder may hold keys this version does not
/// know, and one line saying which version is needed helps more than errors about each of them.
/// A settings file that cannot be read or parsed is left to the usual checks.
pub fn check_kraver(root: &Path) -> Result<()> {
    let path = root.join("resurs.toml");
    let small = std::fs::symlink_metadata(&path)
        .is_ok_and(|m| m.is_file() && m.len() <= u64::from(crate::model::MAX_FILSTORLEK_KB) * 1024);
    if !small {
        return Ok(());
    }
    let Ok(bytes) = std::fs::read(&path) else {
        return Ok(());
    };
    let Ok((text, _)) = decode(&bytes) else {
        return Ok(());
    };
    let Ok(doc) = DeTable::parse(text) else {
        return Ok(());
    };
    let Some(value) = doc.get_ref().get("kraver") else {
        return Ok(());
    };
    // Another type than a string is a structural error, reported with the others.
    let toml::de::DeValue::String(given) = value.get_ref() else {
        return Ok(());
    };
    let line = 1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..value.span().start]).count();
    let (major, minor) = running_version();
    let Some(needed) = parse_kraver(given) else {
        bail!(
            "resurs.toml:{line}: `kraver = \"{}\"` är ingen version; skriv huvud- och delversion, till exempel `kraver = \"{major}.{minor}\"`",
            given.escape_debug()
        );
    };
    if needed > (major, minor) {
        bail!(
            "resurs.toml:{line}: datamappen kräver resurs {}.{} men detta är resurs {}; höj versionen i .github/workflows/validera.yml (kör `resurs init --bara-ci` med en nyare resurs)",
            needed.0,
            needed.1,
            env!("CARGO_PKG_VERSION")
        );
    }
    Ok(())
}
