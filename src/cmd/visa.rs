//! `resurs visa ID`.

use std::path::Path;

use anyhow::bail;

use crate::cli::VisaArgs;
use crate::exit;
use crate::render::show;

pub fn visa(data: &Path, args: &VisaArgs) -> anyhow::Result<i32> {
    let ds = super::load_for_reading(data)?;
    let id = args.id.trim().trim_end_matches(".toml");
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
    if parts.is_empty() {
        let ids = ds
            .aktorer
            .keys()
            .chain(ds.insatser.keys())
            .chain(ds.behov.keys())
            .map(String::as_str);
        let close = crate::text::closest_str(id, ids);
        // Also by name: `visa "Röda Korset"`.
        let by_name: Vec<&str> = ds
            .aktorer
            .values()
            .filter(|a| crate::text::fold(&a.data.namn).contains(&crate::text::fold(id)))
            .map(|a| a.id.as_str())
            .chain(
                ds.insatser
                    .values()
                    .filter(|i| crate::text::fold(&i.data.namn) == crate::text::fold(id))
                    .map(|i| i.id.as_str()),
            )
            .collect();
        let mut all: Vec<&str> = by_name.into_iter().chain(close).collect();
        all.dedup();
        all.truncate(5);
        let listed: Vec<String> = all.iter().map(|c| format!("`{c}`")).collect();
        if listed.is_empty() {
            bail!(
                "inget med id `{id}` finns.\nSe alla med `resurs lista aktorer`, `resurs lista insatser` eller `resurs lista behov`."
            );
        }
        bail!(
            "inget med id `{id}` finns. Närmast: {}.\nSe alla med `resurs lista aktorer`, `resurs lista insatser` eller `resurs lista behov`.",
            listed.join(", ")
        );
    }
    super::print(&parts.join("\n"))?;
    Ok(exit::OK)
}
