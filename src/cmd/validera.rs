//! `resurs validera`.

use std::path::Path;

use crate::cli::{DiagFormat, ValideraArgs};
use crate::date::Datum;
use crate::diagnostic::Severity;
use crate::exit;
use crate::load::{FreeText, LoadOptions};
use crate::render::diagnostics::{self, Counts};
use crate::validate::{Options, validate};

pub fn validera(data: &Path, today: Datum, args: &ValideraArgs) -> anyhow::Result<i32> {
    // Every check; the free text no rule reads is let go as each file is checked.
    let ds = super::load(
        data,
        LoadOptions {
            free_text: FreeText::Dropped,
            ..LoadOptions::default()
        },
    )?;
    let mut problems = crate::timing::stage("validera", || validate(&ds, &Options { today }));
    if let Some(reference) = &args.andrade_sedan {
        let changed = changed_since(data, reference)?;
        problems.retain(|p| !p.code.is_upkeep() || changed.contains(&p.file_display()));
    }
    let counts = Counts {
        aktorer: ds.aktorer.len(),
        insatser: ds.insatser.len(),
        behov: ds.behov.len(),
    };
    let summary = diagnostics::summary(&problems, counts);
    match args.format {
        DiagFormat::Text => {
            let mut out = diagnostics::text(&problems, data);
            out.push_str(&summary);
            out.push('\n');
            super::print(&out)?;
        }
        DiagFormat::Kort => {
            super::print(&diagnostics::short(&problems))?;
            super::note(&summary);
        }
        DiagFormat::Json => super::print_data(&diagnostics::json(&problems))?,
        DiagFormat::Github => {
            super::print(&diagnostics::github(&problems, data))?;
            super::note(&summary);
        }
    }
    let errors = problems.iter().any(|p| p.severity == Severity::Fel);
    let warnings = problems.iter().any(|p| p.severity == Severity::Varning);
    Ok(if errors || (args.strikt && warnings) {
        exit::DATA_ERRORS
    } else {
        exit::OK
    })
}

/// Files (relative to the data folder) changed since a git ref, committed or not, plus new ones.
/// The ref is resolved to a commit first, so that nothing in it reaches git as an option, and
/// git runs with the repository's own programs switched off (see [`crate::git`]).
fn changed_since(
    data: &Path,
    reference: &str,
) -> anyhow::Result<std::collections::BTreeSet<String>> {
    let shown = reference.escape_debug();
    if reference.is_empty() || reference.starts_with('-') {
        anyhow::bail!(
            "kan inte jämföra med `{shown}`: en git-referens kan inte vara tom eller börja med `-`; \
             ange en gren, en tagg eller en commit, t.ex. `--andrade-sedan origin/main`"
        );
    }
    let repo =
        crate::git::Repo::open(data).map_err(|e| anyhow::anyhow!("git kan inte köras: {e}"))?;
    let git = |args: &[&str]| -> anyhow::Result<Vec<u8>> {
        let out = repo
            .run(args)
            .map_err(|e| anyhow::anyhow!("git kan inte köras: {e}"))?;
        if !out.status.success() {
            anyhow::bail!(
                "kan inte jämföra med `{shown}`: {}",
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .next()
                    .unwrap_or("git svarade med ett fel")
                    .escape_debug()
            );
        }
        Ok(out.stdout)
    };
    let commit = format!("{reference}^{{commit}}");
    let resolved = repo
        .run(&[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &commit,
        ])
        .map_err(|e| anyhow::anyhow!("git kan inte köras: {e}"))?;
    let hash = String::from_utf8_lossy(&resolved.stdout).trim().to_owned();
    if !resolved.status.success() || !crate::git::is_hash(&hash) {
        anyhow::bail!(
            "kan inte jämföra med `{shown}`: git känner inte till någon commit med det namnet i `{}`",
            data.display()
        );
    }
    let names = |out: Vec<u8>| -> Vec<String> {
        out.split(|b| *b == 0)
            .filter(|n| !n.is_empty())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect()
    };
    let mut files: std::collections::BTreeSet<String> = names(git(&[
        "diff",
        "--name-only",
        "-z",
        "--relative",
        "--no-ext-diff",
        "--no-textconv",
        "--ignore-submodules=all",
        "--end-of-options",
        &hash,
        "--",
        ".",
    ])?)
    .into_iter()
    .collect();
    files.extend(names(git(&[
        "ls-files",
        "-z",
        "--others",
        "--exclude-standard",
        "--",
        ".",
    ])?));
    Ok(files)
}
