//! `matcha` and `uppfoljning` as a table, JSON and Markdown.

use std::fmt::Write as _;

use serde::Serialize;

use crate::dataset::Dataset;
use crate::followup::Followup;
use crate::matching::{Coverage, Tackning, need_shortfalls};
use crate::model::AtgardStatus;
use crate::render::count;

/// "Aktör: Insats" for the closest candidate, and why the need is not fully met.
fn closest(ds: &Dataset, c: &Coverage<'_>) -> (String, String) {
    let brister = need_shortfalls(ds, c).join("; ");
    match c.closest() {
        None => ("–".to_owned(), brister),
        Some(k) => {
            let aktor = ds
                .aktorer
                .get(Dataset::aktor_of(k.id))
                .map_or(Dataset::aktor_of(k.id), |a| a.data.namn.as_str());
            let name = format!("{aktor}: {}", k.insats.data.namn);
            let more = c.antal_kandidater - 1;
            let name = if more > 0 {
                format!("{name} (+{more})")
            } else {
                name
            };
            (name, brister)
        }
    }
}

/// "8 behov: 2 täckta, 4 delvis, 2 saknas."
pub fn summary(all: &[Coverage<'_>]) -> String {
    let n = |t: Tackning| all.iter().filter(|c| c.tackning == t).count();
    format!(
        "{}: {}, {} delvis, {} saknas.",
        count(all.len(), "behov", "behov"),
        count(n(Tackning::Tackt), "täckt", "täckta"),
        n(Tackning::Delvis),
        n(Tackning::Saknas)
    )
}

/// A table that fits the terminal, and the summary line.
pub fn table(ds: &Dataset, all: &[Coverage<'_>], total: &[Coverage<'_>]) -> String {
    table_at(ds, all, total, crate::render::table::terminal_width())
}

/// A table that fits `width` (see [`crate::render::table::grid`]), and the summary line.
pub fn table_at(
    ds: &Dataset,
    all: &[Coverage<'_>],
    total: &[Coverage<'_>],
    width: Option<usize>,
) -> String {
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|c| {
            let (near, brister) = closest(ds, c);
            vec![
                format!("{}\n{}", c.behov.data.titel, c.behov.id),
                c.tackning.label().to_owned(),
                near,
                brister,
            ]
        })
        .collect();
    let mut out = if all.is_empty() {
        String::new()
    } else {
        crate::render::table::grid(&["Behov", "Täckning", "Närmast", "Brister"], &rows, width)
    };
    out.push_str(&crate::render::table::wrap(&summary(total), width, "", ""));
    out
}

pub fn markdown(ds: &Dataset, all: &[Coverage<'_>], total: &[Coverage<'_>]) -> String {
    let cell = |s: &str| crate::render::table::clean(s, false).replace('|', "\\|");
    let mut out = String::from("| Behov | Täckning | Närmast | Brister |\n|---|---|---|---|\n");
    for c in all {
        let (near, brister) = closest(ds, c);
        let _ = writeln!(
            out,
            "| {} (`{}`) | {} | {} | {} |",
            cell(&c.behov.data.titel),
            c.behov.id,
            c.tackning.label(),
            cell(&near),
            cell(&brister)
        );
    }
    let _ = writeln!(out, "\n{}", summary(total));
    out
}

#[derive(Serialize)]
struct JsonCandidate<'a> {
    id: &'a str,
    full: bool,
    brister: &'a [String],
}

#[derive(Serialize)]
struct JsonCoverage<'a> {
    behov: &'a str,
    titel: &'a str,
    tackning: &'static str,
    antal_insatser: usize,
    insatser: Vec<JsonCandidate<'a>>,
    brister: Vec<String>,
}

pub fn json(ds: &Dataset, all: &[Coverage<'_>]) -> String {
    let items: Vec<JsonCoverage<'_>> = all
        .iter()
        .map(|c| JsonCoverage {
            behov: &c.behov.id,
            titel: &c.behov.data.titel,
            tackning: c.tackning.as_str(),
            antal_insatser: c.antal_kandidater,
            insatser: c
                .kandidater
                .iter()
                .map(|k| JsonCandidate {
                    id: k.id,
                    full: k.full(),
                    brister: &k.brister,
                })
                .collect(),
            brister: need_shortfalls(ds, c),
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

fn status_label(s: AtgardStatus) -> &'static str {
    match s {
        AtgardStatus::Oppen => "öppen",
        AtgardStatus::Pagar => "pågår",
        AtgardStatus::Klar => "klar",
    }
}

fn status_id(s: AtgardStatus) -> &'static str {
    match s {
        AtgardStatus::Oppen => "oppen",
        AtgardStatus::Pagar => "pagar",
        AtgardStatus::Klar => "klar",
    }
}

/// "5 åtgärder: 4 öppna, 1 pågår, 0 klara; 1 försenad."
pub fn followup_summary(items: &[Followup<'_>]) -> String {
    let n = |s: AtgardStatus| items.iter().filter(|f| f.atgard.status == s).count();
    let late = items.iter().filter(|f| f.forsenad).count();
    format!(
        "{}: {}, {} pågår, {}; {}.",
        count(items.len(), "åtgärd", "åtgärder"),
        count(n(AtgardStatus::Oppen), "öppen", "öppna"),
        n(AtgardStatus::Pagar),
        count(n(AtgardStatus::Klar), "klar", "klara"),
        count(late, "försenad", "försenade")
    )
}

fn followup_line(f: &Followup<'_>) -> String {
    let mut status = status_label(f.atgard.status).to_owned();
    if let Some(s) = f.atgard.senast {
        if f.forsenad {
            let _ = write!(status, ", FÖRSENAD: senast {s}");
        } else {
            let _ = write!(status, ", senast {s}");
        }
    }
    format!(
        "[{status}] {} (behov: {}, {})",
        f.atgard.beskrivning, f.behov.data.titel, f.behov.id
    )
}

/// Grouped by responsible actor, as text.
pub fn followup_text(items: &[Followup<'_>]) -> String {
    let mut out = String::new();
    let mut current: Option<String> = None;
    for f in items {
        let heading = f.ansvarig_label();
        if current.as_deref() != Some(heading.as_str()) {
            if current.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "{heading}");
            current = Some(heading);
        }
        let _ = writeln!(out, "  {}", followup_line(f));
    }
    if !items.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "{}", followup_summary(items));
    out
}

pub fn followup_markdown(items: &[Followup<'_>]) -> String {
    let mut out = String::new();
    let mut current = String::new();
    for f in items {
        let heading = f.ansvarig_label();
        if heading != current {
            let _ = writeln!(
                out,
                "{}## {heading}\n",
                if current.is_empty() { "" } else { "\n" }
            );
            current = heading;
        }
        let _ = writeln!(out, "- {}", followup_line(f).replace('|', "\\|"));
    }
    let _ = writeln!(out, "\n{}", followup_summary(items));
    out
}

#[derive(Serialize)]
struct JsonFollowup<'a> {
    ansvarig: Option<&'a str>,
    ansvarig_namn: Option<&'a str>,
    behov: &'a str,
    behov_titel: &'a str,
    beskrivning: &'a str,
    status: &'static str,
    senast: Option<String>,
    forsenad: bool,
}

pub fn followup_json(items: &[Followup<'_>]) -> String {
    let list: Vec<JsonFollowup<'_>> = items
        .iter()
        .map(|f| JsonFollowup {
            ansvarig: f.atgard.ansvarig.as_deref(),
            ansvarig_namn: f.ansvarig_namn,
            behov: &f.behov.id,
            behov_titel: &f.behov.data.titel,
            beskrivning: &f.atgard.beskrivning,
            status: status_id(f.atgard.status),
            senast: f.atgard.senast.map(|d| d.to_string()),
            forsenad: f.forsenad,
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
