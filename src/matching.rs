//! Needs × offerings: for each identified need, the offerings whose categories meet it, each
//! graded on target group, area, language and status, with every shortfall named in Swedish.
//! Area semantics and vocabulary labels come from the dataset, as for search.

use crate::dataset::{Area, Areas, Dataset, Entry};
use crate::model::{Behov, BehovStatus, Insats, Prioritet, Status};

/// How well a need is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tackning {
    /// No offering meets any of its categories.
    Saknas,
    /// Offerings exist, but none fits on every criterion.
    Delvis,
    /// At least one offering fits on every criterion.
    Tackt,
}

impl Tackning {
    pub fn as_str(self) -> &'static str {
        match self {
            Tackning::Tackt => "tackt",
            Tackning::Delvis => "delvis",
            Tackning::Saknas => "saknas",
        }
    }

    /// For people: "täckt", "delvis", "saknas".
    pub fn label(self) -> &'static str {
        match self {
            Tackning::Tackt => "täckt",
            Tackning::Delvis => "delvis",
            Tackning::Saknas => "saknas",
        }
    }
}

/// An offering that meets one of a need's categories, and what keeps it from meeting the need.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub id: &'a str,
    pub insats: &'a Entry<Insats>,
    /// Empty for a full match.
    pub brister: Vec<String>,
}

impl Candidate<'_> {
    pub fn full(&self) -> bool {
        self.brister.is_empty()
    }
}

/// A need with its grade and candidates (full matches first, then by fewest shortfalls).
#[derive(Debug, Clone)]
pub struct Coverage<'a> {
    pub behov: &'a Entry<Behov>,
    pub tackning: Tackning,
    pub kandidater: Vec<Candidate<'a>>,
    /// The need's categories that no candidate offers at all.
    pub saknade: Vec<String>,
    /// The need's categories that candidates offer, but none fully.
    pub ofullstandiga: Vec<String>,
}

impl Coverage<'_> {
    /// The candidate to name first: a partial one for a category that lacks a full match,
    /// else the best full match.
    pub fn closest(&self) -> Option<&Candidate<'_>> {
        self.kandidater
            .iter()
            .find(|c| {
                !c.full()
                    && c.insats
                        .data
                        .behov
                        .iter()
                        .any(|k| self.ofullstandiga.contains(k))
            })
            .or_else(|| self.kandidater.first())
    }
}

/// Why a need is not fully met, in plain Swedish: the categories nothing offers, and the
/// shortfalls of the closest partial candidate. Empty for a covered need.
pub fn need_shortfalls(ds: &Dataset, c: &Coverage<'_>) -> Vec<String> {
    if c.tackning == Tackning::Saknas {
        return vec![missing_reason(ds, &c.behov.data)];
    }
    let mut out = Vec::new();
    if !c.saknade.is_empty() {
        let names: Vec<String> = c
            .saknade
            .iter()
            .map(|k| ds.vokabular.kategori_namn(k).to_owned())
            .collect();
        out.push(format!("ingen insats för {}", and_list(&names)));
    }
    if !c.ofullstandiga.is_empty() {
        if let Some(k) = c.closest().filter(|k| !k.full()) {
            out.extend(k.brister.iter().cloned());
        }
    }
    out
}

/// Grades the given needs (all `aktuellt` needs when `ids` is empty), worst first, then by
/// priority, then oldest first.
pub fn match_needs<'a>(ds: &'a Dataset, ids: &[String]) -> Vec<Coverage<'a>> {
    let needs: Vec<&Entry<Behov>> = if ids.is_empty() {
        ds.behov
            .values()
            .filter(|b| b.data.status == BehovStatus::Aktuellt)
            .collect()
    } else {
        ids.iter().filter_map(|id| ds.behov.get(id)).collect()
    };
    let mut out: Vec<Coverage<'a>> = needs.into_iter().map(|b| coverage(ds, b)).collect();
    out.sort_by(|a, b| {
        let prio = |c: &Coverage<'_>| c.behov.data.prioritet.map_or(3, |p| p as u8);
        (a.tackning, prio(a), a.behov.data.datum, &a.behov.id).cmp(&(
            b.tackning,
            prio(b),
            b.behov.data.datum,
            &b.behov.id,
        ))
    });
    out
}

/// One need against every offering. A need is covered (`Tackt`) when each of its categories
/// has an offering that fits on every criterion; partly (`Delvis`) when some offering meets
/// one of its categories; missing (`Saknas`) when none does.
pub fn coverage<'a>(ds: &'a Dataset, behov: &'a Entry<Behov>) -> Coverage<'a> {
    let mut kandidater: Vec<Candidate<'a>> = ds
        .insatser
        .iter()
        .filter(|(_, e)| !ds.is_broken(&e.file))
        .filter(|(_, e)| e.data.status != Status::Avslutad)
        .filter(|(_, e)| {
            e.data
                .behov
                .iter()
                .any(|k| behov.data.kategorier.contains(k))
        })
        .map(|(id, e)| Candidate {
            id,
            insats: e,
            brister: shortfalls(ds, &behov.data, id, &e.data),
        })
        .collect();
    kandidater.sort_by(|a, b| (a.brister.len(), a.id).cmp(&(b.brister.len(), b.id)));
    let offers = |k: &String, full_only: bool| {
        kandidater
            .iter()
            .any(|c| (!full_only || c.full()) && c.insats.data.behov.contains(k))
    };
    let saknade: Vec<String> = behov
        .data
        .kategorier
        .iter()
        .filter(|k| !offers(k, false))
        .cloned()
        .collect();
    let ofullstandiga: Vec<String> = behov
        .data
        .kategorier
        .iter()
        .filter(|k| offers(k, false) && !offers(k, true))
        .cloned()
        .collect();
    let tackning = if kandidater.is_empty() {
        Tackning::Saknas
    } else if saknade.is_empty() && ofullstandiga.is_empty() {
        Tackning::Tackt
    } else {
        Tackning::Delvis
    };
    Coverage {
        behov,
        tackning,
        kandidater,
        saknade,
        ofullstandiga,
    }
}

/// "a, b och c".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

/// Every criterion the offering fails for the need, in plain Swedish.
pub fn shortfalls(ds: &Dataset, need: &Behov, id: &str, x: &Insats) -> Vec<String> {
    let v = &ds.vokabular;
    let mut brister = Vec::new();

    let group_fits = x
        .malgrupper
        .iter()
        .any(|m| m == "alla" || need.malgrupper.contains(m));
    if !group_fits {
        let names = |ids: &[String]| {
            and_list(
                &ids.iter()
                    .map(|m| v.malgrupp_namn(m).to_lowercase())
                    .collect::<Vec<_>>(),
            )
        };
        brister.push(format!(
            "fel målgrupp: erbjuds till {}, behovet gäller {}",
            names(&x.malgrupper),
            names(&need.malgrupper)
        ));
    }

    if let Some(areas) = &v.omraden {
        let offered = areas.resolve_all(ds.insats_omraden(id, x));
        let wanted = areas.resolve_all(&need.omraden);
        let fits = offered
            .iter()
            .any(|o| wanted.iter().any(|w| Areas::contains(o, w)));
        if !fits && !wanted.is_empty() {
            let names =
                |list: &[Area]| and_list(&list.iter().map(|a| areas.name(a)).collect::<Vec<_>>());
            brister.push(format!(
                "fel område: erbjuds i {}, behovet gäller {}",
                names(&offered),
                names(&wanted)
            ));
        }
    }

    if !need.sprak.is_empty() {
        let sprak = Dataset::insats_sprak(x);
        if !x.tolk && !sprak.iter().any(|s| need.sprak.contains(s)) {
            let names: Vec<String> = sprak.iter().map(|s| v.sprak_namn(s).to_owned()).collect();
            brister.push(format!("bara på {}, ingen tolk", and_list(&names)));
        }
    }

    match x.status {
        Status::Planerad => brister.push("planerad, inte startad".to_owned()),
        Status::Pausad => brister.push("pausad".to_owned()),
        Status::Aktiv | Status::Avslutad => {}
    }
    brister
}

/// Why a need has no candidate at all: "ingen insats för Terapi och traumabehandling".
pub fn missing_reason(ds: &Dataset, need: &Behov) -> String {
    let names: Vec<String> = need
        .kategorier
        .iter()
        .map(|k| ds.vokabular.kategori_namn(k).to_owned())
        .collect();
    format!("ingen insats för {}", and_list(&names))
}

/// Sorting weight of a priority: high first, unset last.
pub fn prio_label(p: Option<Prioritet>) -> &'static str {
    match p {
        Some(Prioritet::Hog) => "hög",
        Some(Prioritet::Medel) => "medel",
        Some(Prioritet::Lag) => "låg",
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_swedish() {
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["svenska".into()]), "svenska");
        assert_eq!(
            and_list(&["svenska".into(), "engelska".into()]),
            "svenska och engelska"
        );
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b och c"
        );
    }
}
