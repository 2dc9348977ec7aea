//! Searching offerings: filters that combine with AND (a filter given twice is OR within it),
//! area containment (a kommun is served by its län and by riket), languages with interpreters
//! as the fallback, and fuzzy free text. Returns ranked hits; rendering is elsewhere.

pub mod loosen;

use std::cmp::Reverse;

use crate::dataset::{Area, Areas, Dataset, Entry};
use crate::model::{Aktor, Insats, Kanal, Kostnad, Status};
use crate::text::word_score;

/// A resolved search: ids and areas, not user-typed text.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub fritext: Option<String>,
    /// Category ids; an offering with any of them matches.
    pub behov: Vec<String>,
    pub malgrupper: Vec<String>,
    pub omrade: Option<Area>,
    pub sprak: Vec<String>,
    /// Only offerings where an interpreter can be arranged.
    pub tolk: bool,
    pub kostnadsfri: bool,
    pub kanaler: Vec<Kanal>,
    pub aktorer: Vec<String>,
    /// Empty: aktiv and planerad.
    pub status: Vec<Status>,
}

/// One offering found, with why it matched.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    /// `aktor-id/insats-id`.
    pub id: &'a str,
    pub insats: &'a Entry<Insats>,
    pub aktor: Option<&'a Entry<Aktor>>,
    /// 0 the area itself, 1 its län, 2 riket (only with an area filter).
    pub omrade_rank: u8,
    /// The language was not offered, but an interpreter can be arranged.
    pub via_tolk: bool,
    /// Free-text relevance (higher is better).
    pub score: u32,
    /// Why it matched, in Swedish, one reason per filter.
    pub traff: Vec<String>,
}

impl Hit<'_> {
    pub fn aktor_namn(&self) -> &str {
        self.aktor
            .map_or(Dataset::aktor_of(self.id), |a| a.data.namn.as_str())
    }
}

/// The default statuses: what is offered now, and what is on its way.
pub const DEFAULT_STATUS: [Status; 2] = [Status::Aktiv, Status::Planerad];

/// Runs a query over every offering of files without errors, best first.
pub fn search<'a>(ds: &'a Dataset, q: &Query) -> Vec<Hit<'a>> {
    if q.fritext.is_some() {
        ds.require_free_text("sok --fritext");
    }
    let areas = ds.vokabular.omraden.as_ref();
    let mut hits: Vec<Hit<'a>> = ds
        .insatser
        .iter()
        .filter(|(_, e)| !ds.is_broken(&e.file))
        .filter_map(|(id, e)| matches(ds, areas, id, e, q))
        .collect();
    hits.sort_by(|a, b| {
        let key = |h: &Hit<'_>| {
            (
                h.omrade_rank,
                h.via_tolk,
                !h.insats.data.is_active(),
                Reverse(h.score),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| crate::text::fold(a.aktor_namn()).cmp(&crate::text::fold(b.aktor_namn())))
            .then_with(|| a.insats.data.namn.cmp(&b.insats.data.namn))
    });
    hits
}

fn matches<'a>(
    ds: &'a Dataset,
    areas: Option<&Areas>,
    id: &'a str,
    e: &'a Entry<Insats>,
    q: &Query,
) -> Option<Hit<'a>> {
    let x = &e.data;
    let aktor = ds.aktorer.get(Dataset::aktor_of(id));
    let mut traff = Vec::new();
    let v = &ds.vokabular;

    let statuses: &[Status] = if q.status.is_empty() {
        &DEFAULT_STATUS
    } else {
        &q.status
    };
    if !statuses.contains(&x.status) {
        return None;
    }
    if !q.aktorer.is_empty() && !q.aktorer.iter().any(|a| a == Dataset::aktor_of(id)) {
        return None;
    }
    if !q.behov.is_empty() {
        let found: Vec<&String> = x.behov.iter().filter(|b| q.behov.contains(b)).collect();
        if found.is_empty() {
            return None;
        }
        let names: Vec<&str> = found.iter().map(|b| v.kategori_namn(b)).collect();
        traff.push(format!("behov: {}", names.join(", ")));
    }
    if !q.malgrupper.is_empty() {
        if x.malgrupper.iter().any(|m| q.malgrupper.contains(m)) {
            let names: Vec<&str> = x
                .malgrupper
                .iter()
                .filter(|m| q.malgrupper.contains(m))
                .map(|m| v.malgrupp_namn(m))
                .collect();
            traff.push(format!("målgrupp: {}", names.join(", ")));
        } else if x.malgrupper.iter().any(|m| m == "alla") {
            traff.push("målgrupp: alla".to_owned());
        } else {
            return None;
        }
    }
    let mut omrade_rank = 0;
    if let (Some(wanted), Some(areas)) = (&q.omrade, areas) {
        let offered = areas.resolve_all(ds.insats_omraden(id, x));
        let best = offered
            .iter()
            .filter_map(|o| Areas::reach(o, wanted).map(|r| (r, o)))
            .min_by_key(|(r, _)| *r)?;
        omrade_rank = best.0;
        traff.push(format!("område: {}", areas.name(best.1)));
    }
    let mut via_tolk = false;
    if !q.sprak.is_empty() {
        let sprak = x.languages();
        let direct: Vec<&String> = sprak.iter().filter(|s| q.sprak.contains(s)).collect();
        if !direct.is_empty() {
            let names: Vec<&str> = direct.iter().map(|s| v.sprak_namn(s)).collect();
            traff.push(format!("språk: {}", names.join(", ")));
        } else if x.tolk {
            via_tolk = true;
            traff.push("språk: med tolk".to_owned());
        } else {
            return None;
        }
    }
    if q.tolk {
        if !x.tolk {
            return None;
        }
        traff.push("tolk finns".to_owned());
    }
    if q.kostnadsfri {
        if x.kostnad != Some(Kostnad::Kostnadsfri) {
            return None;
        }
        traff.push("kostnadsfri".to_owned());
    }
    if !q.kanaler.is_empty() {
        if !x.kanaler.iter().any(|k| q.kanaler.contains(k)) {
            return None;
        }
        traff.push("kanal".to_owned());
    }
    let mut score = 0;
    if let Some(text) = q.fritext.as_deref().filter(|t| !t.trim().is_empty()) {
        score = free_text(ds, x, aktor.map(|a| &*a.data), text)?;
        traff.push(format!("fritext: {text}"));
    }
    Some(Hit {
        id,
        insats: e,
        aktor,
        omrade_rank,
        via_tolk,
        score,
        traff,
    })
}

/// Every word must match one of the fields; the score weighs the name highest.
fn free_text(ds: &Dataset, x: &Insats, aktor: Option<&Aktor>, text: &str) -> Option<u32> {
    let v = &ds.vokabular;
    let mut labels: Vec<&str> = Vec::new();
    for b in &x.behov {
        if let Some(t) = v.kategorier.as_ref().and_then(|l| l.get(b)) {
            labels.push(&t.namn);
            labels.extend(t.synonymer.iter().map(String::as_str));
        }
    }
    let mut total = 0;
    for word in text.split_whitespace() {
        let mut best = 0;
        let mut consider = |field: &str, weight: u32| {
            if let Some(s) = word_score(word, field) {
                best = best.max(s * weight);
            }
        };
        consider(&x.namn, 3);
        for l in &labels {
            consider(l, 2);
        }
        if let Some(a) = aktor {
            consider(&a.namn, 2);
        }
        consider(&x.beskrivning, 1);
        if best == 0 {
            return None;
        }
        total += best;
    }
    Some(total)
}
