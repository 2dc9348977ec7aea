//! `resurs rapport`: builds the report, writes it to stdout or to a new file.

use std::path::Path;
use std::process::Command;

use crate::cli::{RapportArgs, RapportFormat};
use crate::date::Datum;
use crate::exit;
use crate::report::{self, Options};

/// The data folder's commit, when it is in a git repository (with a note when it has
/// uncommitted changes); `None` when git or the repository is missing.
fn commit(data: &Path) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(data)
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let hash = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    let dirty = Command::new("git")
        .arg("-C")
        .arg(data)
        .args(["status", "--porcelain", "--", "."])
        .output()
        .ok()
        .is_some_and(|o| !o.stdout.is_empty());
    Some(if dirty {
        format!("{hash} (med ändringar som inte är incheckade)")
    } else {
        hash
    })
}

/// The format: `--format`, else what the extension of `-o` says (`.html`, `.htm`: HTML; `.md`:
/// Markdown; in any case), else Markdown. A `--format` the extension contradicts is an error.
fn format(args: &RapportArgs) -> anyhow::Result<RapportFormat> {
    let ext = args
        .ut
        .as_deref()
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_lowercase());
    let by_name = match ext.as_deref() {
        Some("html" | "htm") => Some(RapportFormat::Html),
        Some("md") => Some(RapportFormat::Md),
        _ => None,
    };
    match (args.format, by_name) {
        (Some(f), Some(n)) if f != n => {
            let (file, given) = match n {
                RapportFormat::Html => ("en HTML-fil", "md"),
                RapportFormat::Md => ("en Markdown-fil", "html"),
            };
            anyhow::bail!(
                "`{}` är {file}, men `--format {given}` gavs; ta bort `--format` eller byt filändelse",
                args.ut.as_deref().unwrap_or(Path::new("")).display(),
            )
        }
        (f, n) => Ok(f.or(n).unwrap_or(RapportFormat::Md)),
    }
}

pub fn rapport(data: &Path, today: Datum, args: &RapportArgs) -> anyhow::Result<i32> {
    let format = format(args)?;
    if let Some(out) = &args.ut {
        if out.exists() && !args.skriv_over {
            anyhow::bail!(
                "`{}` finns redan; lägg till --skriv-over för att ersätta den",
                out.display()
            );
        }
    }
    let ds = super::load_for_reading(data)?;
    let mut opts = Options {
        publik: args.publik,
        omrade: None,
        behov: Vec::new(),
        today,
        commit: crate::timing::stage("git", || commit(data)),
    };
    if let Some(k) = &args.kommun {
        let r = crate::query::omrade(
            &ds,
            k,
            crate::query::AreaKind::Kommun,
            crate::query::Mode::Read,
        )?;
        if let Some(n) = r.notice {
            super::note(&n);
        }
        opts.omrade = Some(r.value);
    }
    for b in &args.behov {
        let r = crate::query::behov(&ds, b)?;
        if let Some(n) = r.notice {
            super::note(&n);
        }
        opts.behov.extend(r.value);
    }
    let rep = crate::timing::stage("bygga rapporten", || report::build(&ds, &opts));
    let text = crate::timing::stage("skriva rapporten", || match format {
        RapportFormat::Md => report::markdown::render(&rep),
        RapportFormat::Html => report::html::render(&rep),
    });
    match &args.ut {
        Some(path) => {
            super::write_file(path, &text, args.skriv_over)?;
            super::note(&format!("Rapporten skrevs till {}.", path.display()));
        }
        None => super::print_data(&text)?,
    }
    Ok(exit::OK)
}
