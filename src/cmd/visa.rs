//! `resurs visa ID`.

use std::path::Path;

use crate::cli::VisaArgs;
use crate::exit;
use crate::render::show;

pub fn visa(data: &Path, args: &VisaArgs) -> anyhow::Result<i32> {
    let ds = super::load_for_reading(data)?;
    let r = crate::query::post(&ds, &args.id)?;
    if let Some(n) = r.notice {
        eprintln!("{n}");
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
