//! `resurs rapport`: builds the report, writes it to stdout or to a new file.

use std::path::Path;

use crate::cli::{RapportArgs, RapportFormat};
use crate::date::Datum;
use crate::exit;
use crate::report::{self, Options};

/// The data folder's commit, when it is in a git repository (with a note when it has
/// uncommitted changes); `None` when git or the repository is missing. git runs with the
/// repository's own programs switched off (see [`crate::git`]).
fn commit(data: &Path) -> Option<String> {
    let repo = crate::git::Repo::open(data).ok()?;
    let out = repo
        .run(&["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let full = String::from_utf8(out.stdout).ok()?;
    let full = full.trim();
    if !crate::git::is_hash(full) {
        return None;
    }
    let hash = &full[..12];
    let dirty = repo
        .run(&[
            "status",
            "--porcelain",
            "-z",
            "--ignore-submodules=all",
            "--",
            ".",
        ])
        .ok()
        .is_some_and(|o| o.status.success() && !o.stdout.is_empty());
    Some(if dirty {
        format!("{hash} (med ändringar som inte är incheckade)")
    } else {
        hash.to_owned()
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
    // `-o -` is standard output. A file is written only as a regular file: a device, a pipe
    // or a link (`-o /dev/stdout`) is never replaced.
    let ut = args.ut.as_deref().filter(|p| *p != Path::new("-"));
    if let Some(out) = ut {
        let what = match super::write::at(out)? {
            super::write::At::Dir => Some("en mapp"),
            super::write::At::Other(what) => Some(what),
            super::write::At::File(_) if !args.skriv_over => anyhow::bail!(
                "`{}` finns redan; lägg till --skriv-over för att ersätta den",
                out.display()
            ),
            _ => None,
        };
        if let Some(what) = what {
            anyhow::bail!(
                "`{}` är {what}; rapporten skrivs bara till en vanlig fil. Utelämna -o (eller skriv `-o -`) för att få den på standard ut.",
                out.display()
            );
        }
    }
    let ds = super::load(data, super::READING)?;
    let mut opts = Options {
        audience: report::Audience::from_publik(args.publik),
        omrade: None,
        behov: Vec::new(),
        today,
        commit: crate::timing::stage("git", || commit(data)),
    };
    if let Some(k) = &args.kommun {
        let r = crate::cli::resolve::omrade(
            &ds,
            k,
            crate::cli::resolve::AreaKind::Kommun,
            crate::cli::resolve::Mode::Read,
        )?;
        if let Some(n) = r.notice {
            super::note(&n);
        }
        opts.omrade = Some(r.value);
    }
    for b in &args.behov {
        let r = crate::cli::resolve::behov(&ds, b)?;
        if let Some(n) = r.notice {
            super::note(&n);
        }
        opts.behov.extend(r.value);
    }
    let rep = crate::timing::stage("bygga rapporten", || report::build(&ds, &opts));
    let text = crate::timing::stage("skriva rapporten", || match format {
        RapportFormat::Md => crate::render::report::markdown::render(&rep),
        RapportFormat::Html => crate::render::report::html::render(&rep),
    });
    match ut {
        Some(path) => {
            super::write_file(path, &text, args.skriv_over)?;
            super::note(&format!("Rapporten skrevs till {}.", path.display()));
        }
        None => super::print_data(&text)?,
    }
    Ok(exit::OK)
}
