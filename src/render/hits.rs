//! Search hits as a terminal table, JSON, CSV for Excel and Markdown.

use std::fmt::Write as _;

use serde::Serialize;

use crate::dataset::Dataset;
use crate::search::Hit;
use crate::text::words::count;

/// The cells of one hit, shared by table, CSV and Markdown.
struct Row {
    id: String,
    insats: String,
    aktor: String,
    behov: String,
    malgrupp: String,
    omrade: String,
    sprak: String,
    kontakt: String,
    status: &'static str,
    tolk: bool,
}

/// What kind of contact [`contact`] found.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    Telefon,
    Epost,
    Webb,
}

/// A phone number, e-mail address or web address of the offering, else of its actor, and
/// which it is. Contact persons are not shown here (they may be internal).
fn contact<'a>(h: &Hit<'a>) -> Option<(&'a str, Way)> {
    let pick = |t: &'a Option<String>, e: &'a Option<String>, w: &'a Option<String>| {
        t.as_deref()
            .map(|v| (v, Way::Telefon))
            .or(e.as_deref().map(|v| (v, Way::Epost)))
            .or(w.as_deref().map(|v| (v, Way::Webb)))
    };
    let x = &h.insats.data;
    pick(&x.telefon, &x.epost, &x.webb).or_else(|| {
        h.aktor
            .and_then(|a| pick(&a.data.telefon, &a.data.epost, &a.data.webb))
    })
}

/// A phone number, e-mail address or web address of the offering, else of its actor.
pub fn kontakt(h: &Hit<'_>) -> String {
    contact(h).map(|(v, _)| v.to_owned()).unwrap_or_default()
}

fn row(ds: &Dataset, h: &Hit<'_>) -> Row {
    let v = &ds.vokabular;
    let x = &h.insats.data;
    let malgrupp = v.for_vem(x);
    let mut sprak = x.languages().join(", ");
    if h.via_tolk {
        sprak.push_str(" (med tolk)");
    } else if x.tolk {
        sprak.push_str(" (tolk)");
    }
    let mut insats = x.namn.clone();
    if !x.is_active() {
        let _ = write!(insats, " ({})", x.status.as_str());
    }
    Row {
        id: h.id.to_owned(),
        insats,
        aktor: h.aktor_namn().to_owned(),
        behov: x
            .behov
            .iter()
            .map(|b| v.kategori_namn(b))
            .collect::<Vec<_>>()
            .join(", "),
        malgrupp,
        omrade: ds.omrade_namn(ds.insats_omraden(h.id, x)).join(", "),
        sprak,
        kontakt: kontakt(h),
        status: x.status.as_str(),
        tolk: x.tolk,
    }
}

/// "4 insatser hos 3 aktörer."
pub fn summary(hits: &[Hit<'_>]) -> String {
    let mut actors: Vec<&str> = hits.iter().map(|h| Dataset::aktor_of(h.id)).collect();
    actors.sort_unstable();
    actors.dedup();
    format!(
        "{} hos {}.",
        count(hits.len(), "insats", "insatser"),
        count(actors.len(), "aktör", "aktörer")
    )
}

/// A table that fits the terminal, and the summary line.
pub fn table(ds: &Dataset, hits: &[Hit<'_>]) -> String {
    table_at(ds, hits, crate::render::table::terminal_width())
}

/// A table that fits `width` (see [`crate::render::table::grid`]), and the summary line.
pub fn table_at(ds: &Dataset, hits: &[Hit<'_>], width: Option<usize>) -> String {
    let rows: Vec<Vec<String>> = hits
        .iter()
        .map(|h| {
            let r = row(ds, h);
            vec![
                format!("{}\n{}", r.insats, r.id),
                r.aktor,
                r.behov,
                r.malgrupp,
                r.omrade,
                r.sprak,
                r.kontakt,
            ]
        })
        .collect();
    let header = [
        "Insats",
        "Aktör",
        "Behov",
        "Målgrupp",
        "Område",
        "Språk",
        "Kontakt",
    ];
    format!(
        "{}{}",
        crate::render::table::grid(&header, &rows, width),
        crate::render::table::wrap(
            &format!(
                "{} `resurs visa ID` visar en insats i sin helhet.",
                summary(hits)
            ),
            width,
            "",
            ""
        )
    )
}

/// Markdown: a table with the same columns, and the summary. Every value from the data is
/// written through [`markdown`](crate::render::escape::markdown), so it is shown literally;
/// a contact that is a web or e-mail address is a link.
pub fn markdown(ds: &Dataset, hits: &[Hit<'_>]) -> String {
    use crate::render::escape::markdown::{code, email_address, text, web_address};
    let mut out = String::from(
        "| Insats | Aktör | Behov | Målgrupp | Område | Språk | Kontakt |\n|---|---|---|---|---|---|---|\n",
    );
    for h in hits {
        let r = row(ds, h);
        let kontakt = match contact(h) {
            Some((w, Way::Webb)) => web_address(w),
            Some((m, Way::Epost)) => email_address(m),
            _ => text(&r.kontakt),
        };
        let _ = writeln!(
            out,
            "| {} ({}) | {} | {} | {} | {} | {} | {kontakt} |",
            text(&r.insats),
            code(&r.id),
            text(&r.aktor),
            text(&r.behov),
            text(&r.malgrupp),
            text(&r.omrade),
            text(&r.sprak),
        );
    }
    let _ = writeln!(out, "\n{}", summary(hits));
    out
}

/// CSV for a spreadsheet (Excel in Swedish): UTF-8 with BOM, `;` as separator, CRLF line ends,
/// and every cell neutralised by [`csv::cell`](crate::render::escape::csv::cell) so that none
/// is read as a formula.
pub fn csv(ds: &Dataset, hits: &[Hit<'_>]) -> String {
    let rows = hits.iter().map(|h| {
        let r = row(ds, h);
        [
            r.id,
            h.insats.data.namn.clone(),
            r.aktor,
            r.behov,
            r.malgrupp,
            r.omrade,
            h.insats.data.languages().join(", "),
            if r.tolk { "ja".into() } else { "nej".into() },
            r.status.to_owned(),
            r.kontakt,
        ]
    });
    crate::render::escape::csv::sheet(
        &[
            "id",
            "insats",
            "aktör",
            "behov",
            "målgrupp",
            "område",
            "språk",
            "tolk",
            "status",
            "kontakt",
        ],
        rows,
    )
}

#[derive(Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    aktor: &'a str,
    aktor_namn: &'a str,
    namn: &'a str,
    behov: &'a [String],
    malgrupper: &'a [String],
    omraden: &'a [String],
    sprak: &'a [String],
    tolk: bool,
    med_tolk: bool,
    status: &'static str,
    kontakt: String,
    traff: &'a [String],
}

/// JSON: an array of hits (documented in the README).
pub fn json(ds: &Dataset, hits: &[Hit<'_>]) -> String {
    let items: Vec<JsonHit<'_>> = hits
        .iter()
        .map(|h| JsonHit {
            id: h.id,
            aktor: Dataset::aktor_of(h.id),
            aktor_namn: h.aktor_namn(),
            namn: &h.insats.data.namn,
            behov: &h.insats.data.behov,
            malgrupper: &h.insats.data.malgrupper,
            omraden: ds.insats_omraden(h.id, &h.insats.data),
            sprak: h.insats.data.languages(),
            tolk: h.insats.data.tolk,
            med_tolk: h.via_tolk,
            status: h.insats.data.status.as_str(),
            kontakt: kontakt(h),
            traff: &h.traff,
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
