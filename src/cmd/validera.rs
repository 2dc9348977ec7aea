//! `resurs validera`.

use std::path::Path;

use crate::cli::{DiagFormat, ValideraArgs};
use crate::date::Datum;
use crate::exit;
use crate::problem::Severity;
use crate::render::diagnostics::{self, Counts};
use crate::validate::{Options, validate};

pub fn validera(data: &Path, today: Datum, args: &ValideraArgs) -> anyhow::Result<i32> {
    let ds = super::load(data)?;
    let mut problems = crate::timing::stage("validera", || validate(&ds, &Options { today }));
    if let Some(reference) = &args.andrade_sedan {
        let changed = changed_since(data, reference)?;
        problems.retain(|p| !UPKEEP.contains(&p.code) || changed.contains(&p.file_display()));
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

/// Rules about upkeep (staleness, expiry, style) that `--andrade-sedan` applies only to the
/// files a contributor changed; everything else is checked over the whole folder.
pub const UPKEEP: [&str; 6] = ["W001", "E016", "W005", "W002", "W003", "W004"];

/// Files (relative to the data folder) changed since a git ref, committed or not, plus new ones.
fn changed_since(
    data: &Path,
    reference: &str,
) -> anyhow::Result<std::collections::BTreeSet<String>> {
    let git = |args: &[&str]| -> anyhow::Result<String> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(data)
            .args(args)
            .output()
            .map_err(|e| anyhow::anyhow!("git kan inte köras: {e}"))?;
        if !out.status.success() {
            anyhow::bail!(
                "kan inte jämföra med `{reference}`: {}",
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .next()
                    .unwrap_or("git svarade med ett fel")
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let mut files: std::collections::BTreeSet<String> =
        git(&["diff", "--name-only", "--relative", reference, "--", "."])?
            .lines()
            .map(str::to_owned)
            .collect();
    files.extend(
        git(&["ls-files", "--others", "--exclude-standard", "--", "."])?
            .lines()
            .map(str::to_owned),
    );
    Ok(files)
}
