//! `resurs matcha` and `resurs uppfoljning`.

use std::path::Path;

use crate::cli::{ListFormat, MatchaArgs, UppfoljningArgs};
use crate::date::Datum;
use crate::exit;
use crate::followup::followups;
use crate::load::{FreeText, LoadOptions};
use crate::matching::{Tackning, match_needs};
use crate::render::coverage;

pub fn matcha(data: &Path, args: &MatchaArgs) -> anyhow::Result<i32> {
    // `matcha` shows no descriptions: the free text is let go as each file is read.
    let ds = super::load(
        data,
        LoadOptions {
            free_text: FreeText::Dropped,
            ..super::READING
        },
    )?;
    let mut behov = Vec::new();
    for written in &args.behov {
        let r = crate::cli::resolve::behov_post(&ds, written)?;
        if let Some(n) = r.notice {
            super::note(&n);
        }
        behov.push(r.value);
    }
    let all = match_needs(&ds, &behov);
    let shown: Vec<_> = all
        .iter()
        .filter(|c| !args.luckor || c.tackning != Tackning::Tackt)
        .cloned()
        .collect();
    let out = crate::timing::stage("skriva ut", || match args.format {
        ListFormat::Tabell => coverage::table(&ds, &shown, &all),
        ListFormat::Json => coverage::json(&ds, &shown),
        ListFormat::Md => coverage::markdown(&ds, &shown, &all),
    });
    if matches!(args.format, ListFormat::Tabell) {
        super::print(&out)?;
    } else {
        super::print_data(&out)?;
    }
    Ok(exit::OK)
}

pub fn uppfoljning(data: &Path, today: Datum, args: &UppfoljningArgs) -> anyhow::Result<i32> {
    let ds = super::load(data, super::READING)?;
    let aktor = match &args.aktor {
        Some(a) => {
            let r = crate::cli::resolve::aktor(&ds, a, crate::cli::resolve::Mode::Read)?;
            if let Some(n) = r.notice {
                super::note(&n);
            }
            Some(r.value)
        }
        None => None,
    };
    let items = followups(&ds, today, aktor.as_deref());
    let out = match args.format {
        ListFormat::Tabell => coverage::followup_text(&items, today),
        ListFormat::Json => coverage::followup_json(&items),
        ListFormat::Md => coverage::followup_markdown(&items, today),
    };
    if matches!(args.format, ListFormat::Tabell) {
        super::print(&out)?;
    } else {
        super::print_data(&out)?;
    }
    Ok(exit::OK)
}
