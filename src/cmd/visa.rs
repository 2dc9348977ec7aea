//! `resurs visa ID`.

use std::path::Path;

use crate::cli::VisaArgs;
use crate::exit;
use crate::model::schema::Kind;
use crate::render::show;

pub fn visa(data: &Path, args: &VisaArgs) -> anyhow::Result<i32> {
    let ds = super::load(data, super::READING)?;
    // A file with errors is left out of what is shown: say so rather than "unknown".
    let written = args.id.trim().trim_end_matches(".toml");
    let kinds: &[Kind] = if written.contains('/') {
        &[Kind::Insats]
    } else {
        &[Kind::Aktor, Kind::Behov]
    };
    if let Some(file) = kinds
        .iter()
        .filter_map(|k| k.entry_file(written))
        .find(|f| ds.is_broken(f))
    {
        anyhow::bail!(
            "`{}` har fel och visas inte; kör `resurs validera` och rätta filen först.",
            file.display()
        );
    }
    let r = crate::cli::resolve::post(&ds, &args.id)?;
    if let Some(n) = r.notice {
        super::note(&n);
    }
    let id = r.value.as_str();
    let mut parts = Vec::new();
    if let Some(e) = ds.insatser.get(id) {
        parts.push(show::insats(&ds, e));
    }
    if let Some(e) = ds.aktorer.get(id) {
        parts.push(show::aktor(&ds, e));
    }
    if let Some(e) = ds.behov.get(id) {
        parts.push(show::behov(&ds, e));
    }
    super::print(&parts.join("\n"))?;
    Ok(exit::OK)
}
