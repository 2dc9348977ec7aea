//! `matcha` and `uppfoljning` as a table, JSON and Markdown.

use std::fmt::Write as _;

use serde::Serialize;

use crate::dataset::Dataset;
use crate::date::Datum;
use crate::followup::{Followup, age};
use crate::matching::{Coverage, Tackning, need_shortfalls};
use crate::model::AtgardStatus;
use crate::text::words::count;

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

/// Markdown: a table of the needs, and the summary. Every value from the data is written
/// through [`markdown`](crate::render::escape::markdown), so it is shown literally.
pub fn markdown(ds: &Dataset, all: &[Coverage<'_>], total: &[Coverage<'_>]) -> String {
    use crate::render::escape::markdown::{code, text as cell};
    let mut out = String::from("| Behov | Täckning | Närmast | Brister |\n|---|---|---|---|\n");
    for c in all {
        let (near, brister) = closest(ds, c);
        let _ = writeln!(
            out,
            "| {} ({}) | {} | {} | {} |",
            cell(&c.behov.data.titel),
            code(&c.behov.id),
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

/// "5 åtgärder: 4 öppna, 1 pågår, 0 klara; 1 försenad, 3 saknar senast-datum." A count of
/// overdue actions means little when some cannot be overdue, so those are always counted.
pub fn followup_summary(items: &[Followup<'_>]) -> String {
    let n = |s: AtgardStatus| items.iter().filter(|f| f.atgard.status == s).count();
    let late = items.iter().filter(|f| f.forsenad).count();
    let undated = items.iter().filter(|f| f.saknar_senast).count();
    format!(
        "{}: {}, {} pågår, {}; {}, {} saknar senast-datum.",
        count(items.len(), "åtgärd", "åtgärder"),
        count(n(AtgardStatus::Oppen), "öppen", "öppna"),
        n(AtgardStatus::Pagar),
        count(n(AtgardStatus::Klar), "klar", "klara"),
        count(late, "försenad", "försenade"),
        undated
    )
}

/// What follows the summary: since when the oldest action is open, and how to give an action
/// a deadline when some have none.
fn followup_advice(items: &[Followup<'_>], today: Datum) -> String {
    let mut out = String::new();
    if let Some(oldest) = items.iter().filter_map(|f| f.oppen_sedan).min() {
        let _ = write!(
            out,
            "Den äldsta ej klara åtgärden är öppen sedan {oldest} ({}).",
            age(oldest, today)
        );
    }
    if items.iter().any(|f| f.saknar_senast) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(
            "En åtgärd utan senast-datum kan inte bli försenad: skriv `senast = ÅÅÅÅ-MM-DD` \
             under dess `[[atgard]]` i behovsfilen.",
        );
    }
    out
}

/// "öppen sedan 2022-10-20 (4 år 1 mån); saknar senast-datum", "FÖRSENAD: senast 2026-06-30;
/// pågår, öppen sedan …", "klar; senast 2026-02-01".
fn followup_status(f: &Followup<'_>, today: Datum) -> String {
    let mut status = String::new();
    if let (true, Some(s)) = (f.forsenad, f.atgard.senast) {
        let _ = write!(status, "FÖRSENAD: senast {s}; ");
    }
    status.push_str(f.atgard.status.label());
    if let Some(since) = f.oppen_sedan {
        if f.atgard.status != AtgardStatus::Oppen {
            status.push_str(", öppen");
        }
        let _ = write!(status, " sedan {since} ({})", age(since, today));
    }
    match f.atgard.senast {
        Some(_) if f.forsenad => {}
        Some(s) => {
            let _ = write!(status, "; senast {s}");
        }
        None if f.saknar_senast => status.push_str("; saknar senast-datum"),
        None => {}
    }
    status
}

/// Who promised the action, as `visa` shows it: the responsible actor and the internal note
/// (who at the actor took it on), marked as internal.
fn followup_promiser(f: &Followup<'_>) -> String {
    let mut who = match &f.atgard.ansvarig {
        Some(_) => f.ansvarig_label(),
        None => "ingen ansvarig angiven".to_owned(),
    };
    if let Some(note) = &f.atgard.intern_anteckning {
        let _ = write!(who, "; intern anteckning: {note}");
    }
    who
}

/// Grouped by responsible actor, wrapped at spaces to the terminal's width.
pub fn followup_text(items: &[Followup<'_>], today: Datum) -> String {
    followup_text_at(items, today, crate::render::table::terminal_width())
}

/// [`followup_text`] for a given width (none: not wrapped).
pub fn followup_text_at(items: &[Followup<'_>], today: Datum, width: Option<usize>) -> String {
    use crate::render::table::wrap;
    const LABEL: usize = 16;
    let field = |out: &mut String, label: &str, value: &str| {
        let first = format!("    {label:<width$}", width = LABEL - 4);
        out.push_str(&wrap(value, width, &first, &" ".repeat(LABEL)));
    };
    let mut out = String::new();
    let mut current: Option<String> = None;
    for f in items {
        let heading = f.ansvarig_label();
        if current.as_deref() != Some(heading.as_str()) {
            if current.is_some() {
                out.push('\n');
            }
            out.push_str(&wrap(&heading, width, "", "  "));
            current = Some(heading);
        }
        out.push('\n');
        out.push_str(&wrap(&f.atgard.beskrivning, width, "  - ", "    "));
        field(&mut out, "Status:", &followup_status(f, today));
        field(&mut out, "Utlovad av:", &followup_promiser(f));
        field(
            &mut out,
            "Behov:",
            &format!("{} ({})", f.behov.data.titel, f.behov.id),
        );
    }
    if !items.is_empty() {
        out.push('\n');
    }
    out.push_str(&wrap(&followup_summary(items), width, "", ""));
    let advice = followup_advice(items, today);
    if !advice.is_empty() {
        out.push_str(&wrap(&advice, width, "", ""));
    }
    out
}

/// Markdown: a section per responsible actor, an item per action, and the summary. Every
/// value from the data is written through [`markdown`](crate::render::escape::markdown).
pub fn followup_markdown(items: &[Followup<'_>], today: Datum) -> String {
    use crate::render::escape::markdown::{code, text as cell};
    let mut out = String::new();
    let mut current = String::new();
    for f in items {
        let heading = f.ansvarig_label();
        if heading != current {
            let _ = writeln!(
                out,
                "{}## {}\n",
                if current.is_empty() { "" } else { "\n" },
                cell(&heading)
            );
            current = heading;
        }
        let _ = writeln!(
            out,
            "- [{}] {} Utlovad av: {}. Behov: {} ({}).",
            cell(&followup_status(f, today)),
            cell(&f.atgard.beskrivning),
            cell(&followup_promiser(f)),
            cell(&f.behov.data.titel),
            code(&f.behov.id)
        );
    }
    let _ = writeln!(out, "\n{}", followup_summary(items));
    let advice = followup_advice(items, today);
    if !advice.is_empty() {
        let _ = writeln!(out, "\n{advice}");
    }
    out
}

#[derive(Serialize)]
struct JsonActor<'a> {
    id: &'a str,
    namn: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonFollowup<'a> {
    ansvarig: Option<&'a str>,
    ansvarig_namn: Option<&'a str>,
    utlovad_av: Option<JsonActor<'a>>,
    intern_anteckning: Option<&'a str>,
    behov: &'a str,
    behov_titel: &'a str,
    beskrivning: &'a str,
    status: &'static str,
    senast: Option<String>,
    forsenad: bool,
    saknar_senast: bool,
    oppen_sedan: Option<String>,
    alder_dagar: Option<i64>,
}

pub fn followup_json(items: &[Followup<'_>]) -> String {
    let list: Vec<JsonFollowup<'_>> = items
        .iter()
        .map(|f| JsonFollowup {
            ansvarig: f.atgard.ansvarig.as_deref(),
            ansvarig_namn: f.ansvarig_namn,
            utlovad_av: f.atgard.ansvarig.as_deref().map(|id| JsonActor {
                id,
                namn: f.ansvarig_namn,
            }),
            intern_anteckning: f.atgard.intern_anteckning.as_deref(),
            behov: &f.behov.id,
            behov_titel: &f.behov.data.titel,
            beskrivning: &f.atgard.beskrivning,
            status: f.atgard.status.as_str(),
            senast: f.atgard.senast.map(|d| d.to_string()),
            forsenad: f.forsenad,
            saknar_senast: f.saknar_senast,
            oppen_sedan: f.oppen_sedan.map(|d| d.to_string()),
            alder_dagar: f.alder_dagar,
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
