//! `resurs visa`: one actor, offering or need in full, as plain text for the terminal. This is
//! the coordinator's own view of the data folder, so internal notes and contacts are shown,
//! marked as internal.

use std::fmt::Write as _;

use crate::dataset::{Dataset, Entry};
use crate::model::{Aktor, Behov, Insats, Kontakt, Prioritet};
use crate::render::escape::terminal;

const WIDTH: usize = 16;

/// A field on one line: a newline in the value is shown as `\n`, so it cannot make a field
/// of its own.
fn field(out: &mut String, label: &str, value: &str) {
    if !value.is_empty() {
        let value = terminal::line(value);
        let _ = writeln!(out, "{:<WIDTH$}{value}", format!("{label}:"));
    }
}

fn block(out: &mut String, title: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}");
    for line in text.trim_end().lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "  {line}");
        }
    }
}

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "ja",
        Some(false) => "nej",
        None => "",
    }
}

fn contacts(out: &mut String, kontakter: &[Kontakt]) {
    if kontakter.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nKontakter");
    for k in kontakter {
        let parts: Vec<&str> = [&k.namn, &k.roll, &k.epost, &k.telefon]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        let vis = if k.publik { "publik" } else { "intern" };
        let _ = writeln!(out, "  - {} ({vis})", terminal::line(&parts.join(", ")));
    }
}

fn labels<'a>(ids: &'a [String], name: impl Fn(&'a str) -> &'a str) -> String {
    ids.iter()
        .map(|id| {
            let n = name(id);
            if n == id {
                id.clone()
            } else {
                format!("{n} ({id})")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn aktor_label(ds: &Dataset, id: &str) -> String {
    ds.aktorer
        .get(id)
        .map_or_else(|| id.to_owned(), |a| format!("{} ({id})", a.data.namn))
}

/// An actor with its offerings.
pub fn aktor(ds: &Dataset, e: &Entry<Aktor>) -> String {
    ds.require_free_text("visa");
    let a = &e.data;
    let v = &ds.vokabular;
    let mut out = format!("{} (aktör: {})\n", terminal::line(&a.namn), e.id);
    field(&mut out, "Typ", v.aktorstyp_namn(&a.typ));
    field(&mut out, "Område", &ds.omrade_namn(&a.omraden).join(", "));
    field(&mut out, "Webb", a.webb.as_deref().unwrap_or_default());
    field(&mut out, "E-post", a.epost.as_deref().unwrap_or_default());
    field(
        &mut out,
        "Telefon",
        a.telefon.as_deref().unwrap_or_default(),
    );
    field(
        &mut out,
        "Org.nr",
        a.organisationsnummer.as_deref().unwrap_or_default(),
    );
    field(&mut out, "Granskad", &a.senast_granskad.to_string());
    block(&mut out, "Beskrivning", &a.beskrivning);
    block(
        &mut out,
        "Behovsbild",
        a.behovsbild.as_deref().unwrap_or_default(),
    );
    contacts(&mut out, &a.kontakt);
    block(
        &mut out,
        "Intern anteckning",
        a.intern_anteckning.as_deref().unwrap_or_default(),
    );
    let prefix = format!("{}/", e.id);
    let own: Vec<&Entry<Insats>> = ds
        .insatser
        .values()
        .filter(|i| i.id.starts_with(&prefix))
        .collect();
    if !own.is_empty() {
        let _ = writeln!(out, "\nInsatser ({})", own.len());
        for i in own {
            let _ = writeln!(
                out,
                "  - {} ({}) – {}",
                terminal::line(&i.data.namn),
                i.id,
                i.data.status.label()
            );
        }
    }
    terminal::text(&out).into_owned()
}

/// One offering.
pub fn insats(ds: &Dataset, e: &Entry<Insats>) -> String {
    ds.require_free_text("visa");
    let x = &e.data;
    let v = &ds.vokabular;
    let mut out = format!("{} (insats: {})\n", terminal::line(&x.namn), e.id);
    field(
        &mut out,
        "Aktör",
        &aktor_label(ds, Dataset::aktor_of(&e.id)),
    );
    field(&mut out, "Status", x.status.label());
    field(&mut out, "Behov", &labels(&x.behov, |b| v.kategori_namn(b)));
    field(
        &mut out,
        "Målgrupper",
        &labels(&x.malgrupper, |m| v.malgrupp_namn(m)),
    );
    let omraden = ds.omrade_namn(ds.insats_omraden(&e.id, x)).join(", ");
    let omraden = if x.omraden.is_none() && !omraden.is_empty() {
        format!("{omraden} (aktörens)")
    } else {
        omraden
    };
    field(&mut out, "Område", &omraden);
    field(
        &mut out,
        "Språk",
        &labels(x.languages(), |s| v.sprak_namn(s)),
    );
    field(&mut out, "Tolk", if x.tolk { "kan ordnas" } else { "nej" });
    let kostnad = match (x.kostnad, x.kostnad_beskrivning.as_deref()) {
        (Some(kind), d) => format!(
            "{}{}",
            kind.as_str(),
            d.map(|d| format!(" – {d}")).unwrap_or_default()
        ),
        (None, d) => d.unwrap_or_default().to_owned(),
    };
    field(&mut out, "Kostnad", &kostnad);
    let kanaler: Vec<&str> = x.kanaler.iter().map(|k| k.as_str()).collect();
    field(&mut out, "Kanaler", &kanaler.join(", "));
    field(&mut out, "Tider", x.tider.as_deref().unwrap_or_default());
    if let Some(p) = &x.plats {
        let parts: Vec<&str> = [&p.namn, &p.adress, &p.kommun]
            .into_iter()
            .filter_map(|s| s.as_deref())
            .collect();
        let skyddad = if p.skyddad {
            " (skyddad adress: visas aldrig publikt)"
        } else {
            ""
        };
        field(&mut out, "Plats", &format!("{}{skyddad}", parts.join(", ")));
    }
    field(
        &mut out,
        "Kapacitet",
        x.kapacitet.as_deref().unwrap_or_default(),
    );
    let alder = x.age_range();
    field(&mut out, "Ålder", &alder);
    field(&mut out, "Remiss", yes_no(x.remiss));
    field(&mut out, "Anonymt", yes_no(x.anonymt));
    field(&mut out, "Journalförs", yes_no(x.journalfors));
    let giltig = match (x.giltig_fran, x.giltig_till) {
        (Some(from), Some(to)) => format!("{from} – {to}"),
        (Some(from), None) => format!("från {from}"),
        (None, Some(to)) => format!("till {to}"),
        (None, None) => String::new(),
    };
    field(&mut out, "Giltig", &giltig);
    let partners: Vec<String> = x
        .samarbetspartner
        .iter()
        .map(|p| aktor_label(ds, p))
        .collect();
    field(&mut out, "Samarbetar med", &partners.join(", "));
    field(&mut out, "Webb", x.webb.as_deref().unwrap_or_default());
    field(&mut out, "E-post", x.epost.as_deref().unwrap_or_default());
    field(
        &mut out,
        "Telefon",
        x.telefon.as_deref().unwrap_or_default(),
    );
    field(&mut out, "Granskad", &x.senast_granskad.to_string());
    block(&mut out, "Beskrivning", &x.beskrivning);
    block(
        &mut out,
        "Så tar man del av insatsen",
        x.kontaktvag.as_deref().unwrap_or_default(),
    );
    contacts(&mut out, &x.kontakt);
    block(
        &mut out,
        "Intern anteckning",
        x.intern_anteckning.as_deref().unwrap_or_default(),
    );
    terminal::text(&out).into_owned()
}

/// One need with its follow-up actions.
pub fn behov(ds: &Dataset, e: &Entry<Behov>) -> String {
    ds.require_free_text("visa");
    let b = &e.data;
    let v = &ds.vokabular;
    let mut out = format!("{} (behov: {})\n", terminal::line(&b.titel), e.id);
    field(&mut out, "Status", b.status.as_str());
    field(
        &mut out,
        "Prioritet",
        b.prioritet.map_or("", Prioritet::label),
    );
    field(
        &mut out,
        "Kategorier",
        &labels(&b.kategorier, |k| v.kategori_namn(k)),
    );
    field(
        &mut out,
        "Målgrupper",
        &labels(&b.malgrupper, |m| v.malgrupp_namn(m)),
    );
    field(&mut out, "Område", &ds.omrade_namn(&b.omraden).join(", "));
    field(&mut out, "Språk", &labels(&b.sprak, |s| v.sprak_namn(s)));
    let lyft: Vec<String> = b.lyft_av.iter().map(|a| aktor_label(ds, a)).collect();
    field(&mut out, "Lyft av", &lyft.join(", "));
    field(&mut out, "Källa", b.kalla.as_deref().unwrap_or_default());
    field(&mut out, "Datum", &b.datum.to_string());
    block(
        &mut out,
        "Beskrivning",
        b.beskrivning.as_deref().unwrap_or_default(),
    );
    if !b.atgard.is_empty() {
        let _ = writeln!(out, "\nÅtgärder");
        for a in &b.atgard {
            let mut line = format!("  - [{}] {}", a.status.label(), a.beskrivning);
            if let Some(ansvarig) = &a.ansvarig {
                let _ = write!(line, " Ansvarig: {}.", aktor_label(ds, ansvarig));
            }
            if let Some(senast) = a.senast {
                let _ = write!(line, " Senast {senast}.");
            }
            if let Some(note) = &a.intern_anteckning {
                let _ = write!(line, " (Intern: {note})");
            }
            let _ = writeln!(out, "{}", terminal::line(&line));
        }
    }
    block(
        &mut out,
        "Intern anteckning",
        b.intern_anteckning.as_deref().unwrap_or_default(),
    );
    terminal::text(&out).into_owned()
}
