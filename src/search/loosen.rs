//! Why a search found nothing: what each filter left alone would give when the others stay
//! (`utan --sprak: 3 insatser`), which filters emptied the result on their own, and the
//! closest offerings: those of the same need groups that pass every other filter.

use crate::dataset::Dataset;
use crate::model::Status;
use crate::search::{Hit, Query, search};

/// One filter taken away, and what the search gives then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loosened {
    /// The filter as the user wrote it, with the value as it was understood
    /// (`--sprak ukrainska`, `--kommun Växjö`).
    pub filter: String,
    /// Whether the filter is taken away (`utan --sprak`) rather than widened (`med --status
    /// alla`).
    pub utan: bool,
    /// How many offerings the search finds without it.
    pub hits: usize,
    /// What the offerings found without it lack, in Swedish (`ingen på ukrainska eller med
    /// tolk`).
    pub note: Option<String>,
}

/// The explanation of an empty search.
#[derive(Debug, Clone)]
pub struct Empty<'a> {
    /// Every filter in use, loosened one at a time, in the order of the command line.
    pub loosened: Vec<Loosened>,
    /// The need groups searched for the closest offerings (their names), and those offerings.
    pub groups: Vec<String>,
    pub closest: Vec<Hit<'a>>,
}

impl Empty<'_> {
    /// The filters that emptied the result: without any one of them alone there are hits.
    pub fn culprits(&self) -> Vec<&Loosened> {
        self.loosened.iter().filter(|l| l.hits > 0).collect()
    }
}

/// Explains why `q` finds nothing in `ds` (which must hold every offering, not only those of
/// the query's needs). Each loosening is one more search: linear in the offerings.
pub fn explain<'a>(ds: &'a Dataset, q: &Query) -> Empty<'a> {
    let v = &ds.vokabular;
    let mut loosened = Vec::new();
    let mut try_without = |filter: String,
                           strip: &dyn Fn(&mut Query),
                           note: &dyn Fn(&[Hit<'_>]) -> Option<String>| {
        let mut wider = q.clone();
        strip(&mut wider);
        let hits = search(ds, &wider);
        let (utan, filter) = match filter.strip_prefix("med ") {
            Some(rest) => (false, rest.to_owned()),
            None => (true, filter),
        };
        loosened.push(Loosened {
            filter,
            utan,
            hits: hits.len(),
            note: if hits.is_empty() { None } else { note(&hits) },
        });
    };
    let none = |_: &[Hit<'_>]| None;
    let names = |ids: &[String], name: &dyn Fn(&str) -> String| {
        ids.iter().map(|i| name(i)).collect::<Vec<_>>().join(" / ")
    };
    if !q.behov.is_empty() {
        let label = names(&q.behov, &|id| v.kategori_namn(id).to_owned());
        try_without(format!("--behov {label}"), &|w| w.behov.clear(), &none);
    }
    if !q.malgrupper.is_empty() {
        let label = names(&q.malgrupper, &|id| v.malgrupp_namn(id).to_owned());
        try_without(
            format!("--malgrupp {label}"),
            &|w| w.malgrupper.clear(),
            &none,
        );
    }
    if let Some(area) = &q.omrade {
        let name = v
            .omraden
            .as_ref()
            .map_or_else(String::new, |a| a.name(area));
        let flag = if matches!(area, crate::dataset::Area::Kommun(_)) {
            "--kommun"
        } else {
            "--omrade"
        };
        try_without(format!("{flag} {name}"), &|w| w.omrade = None, &none);
    }
    if !q.sprak.is_empty() {
        let label = names(&q.sprak, &|kod| v.sprak_namn(kod).to_owned());
        let tolk_note = |hits: &[Hit<'_>]| {
            let with_tolk = hits.iter().filter(|h| h.insats.data.tolk).count();
            Some(if with_tolk == 0 {
                format!("ingen av dem på {label} eller med tolk")
            } else {
                format!("ingen av dem på {label}; med tolk: {with_tolk}")
            })
        };
        try_without(format!("--sprak {label}"), &|w| w.sprak.clear(), &tolk_note);
    }
    if q.tolk {
        try_without("--tolk".to_owned(), &|w| w.tolk = false, &none);
    }
    if q.kostnadsfri {
        try_without(
            "--kostnadsfri".to_owned(),
            &|w| w.kostnadsfri = false,
            &none,
        );
    }
    if !q.kanaler.is_empty() {
        try_without("--kanal".to_owned(), &|w| w.kanaler.clear(), &none);
    }
    if !q.aktorer.is_empty() {
        let label = q.aktorer.join(" / ");
        try_without(format!("--aktor {label}"), &|w| w.aktorer.clear(), &none);
    }
    if let Some(text) = &q.fritext {
        try_without(
            format!("fritexten \"{text}\""),
            &|w| w.fritext = None,
            &none,
        );
    }
    // Paused and ended offerings are left out unless asked for.
    let all = Status::ALL;
    if q.status.len() < all.len() {
        let filter = if q.status.is_empty() {
            "med --status alla"
        } else {
            "--status"
        };
        try_without(filter.to_owned(), &|w| w.status = all.to_vec(), &none);
    }

    // The closest: the same need groups, every other filter kept.
    let mut groups: Vec<String> = Vec::new();
    let mut kategorier: Vec<String> = Vec::new();
    for k in &q.behov {
        let Some(g) = v
            .behov_raw
            .kategori
            .iter()
            .find(|c| &c.id == k)
            .map(|c| &c.grupp)
        else {
            continue;
        };
        if let Some(name) = v
            .grupper
            .as_ref()
            .and_then(|l| l.get(g))
            .map(|t| t.namn.clone())
        {
            if !groups.contains(&name) {
                groups.push(name);
            }
        }
        for id in v.kategorier_i_grupp(g) {
            if !q.behov.iter().any(|b| b == id) && !kategorier.iter().any(|c| c == id) {
                kategorier.push(id.to_owned());
            }
        }
    }
    let closest = if kategorier.is_empty() {
        Vec::new()
    } else {
        let mut near = q.clone();
        near.behov = kategorier;
        search(ds, &near)
    };
    Empty {
        loosened,
        groups,
        closest,
    }
}

/// The explanation as lines of text for a terminal or stderr.
pub fn text(ds: &Dataset, e: &Empty<'_>) -> String {
    use std::fmt::Write as _;
    let v = &ds.vokabular;
    let mut out = String::from("Inga insatser matchar sökningen.\n");
    let culprits = e.culprits();
    match culprits.as_slice() {
        [] if e.loosened.len() > 1 => out.push_str(
            "Inget filter ensamt tömde resultatet: det blir tomt även utan vart och ett av dem. Pröva färre filter.\n",
        ),
        [] => {}
        [one] => {
            let how = if one.utan { "" } else { "att inte söka " };
            let _ = writeln!(out, "Det som tömde resultatet: {how}{}.", one.filter);
        }
        many => {
            let list: Vec<&str> = many.iter().map(|l| l.filter.as_str()).collect();
            let _ = writeln!(
                out,
                "Vart och ett av dessa filter tömde resultatet: {}.",
                list.join(", ")
            );
        }
    }
    if !e.loosened.is_empty() {
        out.push_str("Ett filter i taget lättat:\n");
        for l in &e.loosened {
            let count = crate::text::words::count(l.hits, "insats", "insatser");
            let how = if l.utan { "utan" } else { "med" };
            match &l.note {
                Some(n) => {
                    let _ = writeln!(out, "  {how} {}: {count} ({n})", l.filter);
                }
                None => {
                    let _ = writeln!(out, "  {how} {}: {count}", l.filter);
                }
            }
        }
    }
    if !e.closest.is_empty() {
        let _ = writeln!(
            out,
            "Närmast, i samma behovsgrupp ({}) och med övriga filter:",
            e.groups.join(", ")
        );
        for h in e.closest.iter().take(5) {
            let behov: Vec<&str> = h
                .insats
                .data
                .behov
                .iter()
                .map(|b| v.kategori_namn(b))
                .collect();
            let mut why = behov.join(", ");
            if h.via_tolk {
                why.push_str("; med tolk");
            }
            let _ = writeln!(
                out,
                "  {}\n      {} – {}; {why}",
                h.id,
                h.insats.data.namn,
                h.aktor_namn(),
            );
        }
        if e.closest.len() > 5 {
            let _ = writeln!(out, "  … och {} till.", e.closest.len() - 5);
        }
    }
    out.push_str("Visa en insats med `resurs visa ID`.\n");
    out
}
