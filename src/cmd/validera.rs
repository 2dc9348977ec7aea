//! `resurs validera`.

use std::path::Path;

use crate::cli::{DiagFormat, ValideraArgs};
use crate::date::Datum;
use crate::exit;
use crate::problem::Severity;
use crate::render::diagnostics::{self, Counts};
use crate::validate::{Options, validate};

pub fn validera(data: &Path, today: Datum, args: &ValideraArgs) -> anyhow::Result<i32> {
    let ds = crate::load::load(data)?;
    let problems = validate(&ds, &Options { today });
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
            eprintln!("{summary}");
        }
        DiagFormat::Json => super::print(&diagnostics::json(&problems))?,
        DiagFormat::Github => {
            super::print(&diagnostics::github(&problems, data))?;
            eprintln!("{summary}");
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
