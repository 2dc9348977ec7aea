//! The criteria an offering is graded on for a need, written once: each [`Criterion`] is a bit
//! of a grade ([`Failed`]) and has its Swedish words here, the one table from a failed
//! criterion to what `matcha`, `rapport` and every other output say about it.

use crate::dataset::{Area, Areas, Dataset};
use crate::model::{Behov, Insats, Status};
use crate::text::words::and_list;

/// What an offering must fit, besides a category, to meet a need fully.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    /// One of its target groups is the need's (or it is for everyone, `alla`).
    Malgrupp,
    /// One of its areas covers one of the need's.
    Omrade,
    /// It is given in one of the need's languages, or with an interpreter.
    Sprak,
    /// It is given now (`aktiv`).
    Status,
}

impl Criterion {
    /// Every criterion, in the order their shortfalls are said.
    pub const ALL: [Criterion; 4] = [
        Criterion::Malgrupp,
        Criterion::Omrade,
        Criterion::Sprak,
        Criterion::Status,
    ];

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The criteria an offering fails for a need, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Failed(u8);

impl Failed {
    /// No criterion failed: a full match.
    pub const NONE: Failed = Failed(0);

    #[inline]
    pub fn add(&mut self, c: Criterion) {
        self.0 |= c.bit();
    }

    #[inline]
    pub fn has(self, c: Criterion) -> bool {
        self.0 & c.bit() != 0
    }

    #[inline]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many criteria failed.
    #[inline]
    pub fn count(self) -> usize {
        self.0.count_ones() as usize
    }
}

/// Why a need is not fully met, in plain Swedish: the categories nothing offers, and the
/// shortfalls of the closest partial candidate. Empty for a covered need.
pub fn need_shortfalls(ds: &Dataset, c: &super::Coverage<'_>) -> Vec<String> {
    if c.tackning == super::Tackning::Saknas {
        return vec![missing_reason(ds, &c.behov.data)];
    }
    let mut out = Vec::new();
    if !c.saknade.is_empty() {
        out.push(no_offering(ds, &c.saknade));
    }
    if !c.ofullstandiga.is_empty() {
        if let Some(k) = c.closest().filter(|k| !k.full()) {
            out.extend(k.brister.iter().cloned());
        }
    }
    out
}

/// Every criterion the offering (`id`, `x`) fails for the need, in plain Swedish.
pub fn shortfalls(ds: &Dataset, need: &Behov, id: &str, x: &Insats) -> Vec<String> {
    explain(ds, need, id, x, failed(ds, need, id, x))
}

/// Which criteria the offering fails for the need, decided on the written values. Grading
/// decides the same on bit sets and area numbers (`grading::failed`, held to this by a test).
pub fn failed(ds: &Dataset, need: &Behov, id: &str, x: &Insats) -> Failed {
    let mut f = Failed::NONE;
    if !x
        .malgrupper
        .iter()
        .any(|m| m == "alla" || need.malgrupper.contains(m))
    {
        f.add(Criterion::Malgrupp);
    }
    if let Some(areas) = &ds.vokabular.omraden {
        let wanted = areas.resolve_all(&need.omraden);
        if !wanted.is_empty()
            && !areas
                .resolve_all(ds.insats_omraden(id, x))
                .iter()
                .any(|o| wanted.iter().any(|w| Areas::contains(o, w)))
        {
            f.add(Criterion::Omrade);
        }
    }
    if !need.sprak.is_empty() && !x.tolk && !x.languages().iter().any(|s| need.sprak.contains(s)) {
        f.add(Criterion::Sprak);
    }
    if !x.is_active() {
        f.add(Criterion::Status);
    }
    f
}

/// The failed criteria in plain Swedish, one phrase per criterion.
pub fn explain(ds: &Dataset, need: &Behov, id: &str, x: &Insats, failed: Failed) -> Vec<String> {
    Criterion::ALL
        .into_iter()
        .filter(|&c| failed.has(c))
        .filter_map(|c| words(ds, need, id, x, c))
        .collect()
}

/// What a failed criterion means for this offering and need: "fel målgrupp: erbjuds till
/// föräldrar, behovet gäller volontärer".
fn words(ds: &Dataset, need: &Behov, id: &str, x: &Insats, c: Criterion) -> Option<String> {
    let v = &ds.vokabular;
    match c {
        Criterion::Malgrupp => Some(format!(
            "fel målgrupp: erbjuds till {}, behovet gäller {}",
            and_list(&v.malgrupp_ord(&x.malgrupper)),
            and_list(&v.malgrupp_ord(&need.malgrupper))
        )),
        Criterion::Omrade => {
            let areas = v.omraden.as_ref()?;
            let names =
                |list: &[Area]| and_list(&list.iter().map(|a| areas.name(a)).collect::<Vec<_>>());
            Some(format!(
                "fel område: erbjuds i {}, behovet gäller {}",
                names(&areas.resolve_all(ds.insats_omraden(id, x))),
                names(&areas.resolve_all(&need.omraden))
            ))
        }
        Criterion::Sprak => {
            let names: Vec<String> = x
                .languages()
                .iter()
                .map(|s| v.sprak_namn(s).to_owned())
                .collect();
            Some(format!("bara på {}, ingen tolk", and_list(&names)))
        }
        Criterion::Status => match x.status {
            Status::Planerad => Some("planerad, inte startad".to_owned()),
            Status::Pausad => Some("pausad".to_owned()),
            Status::Aktiv | Status::Avslutad => None,
        },
    }
}

/// Why a need has no candidate at all: "ingen insats för Terapi och traumabehandling".
pub fn missing_reason(ds: &Dataset, need: &Behov) -> String {
    no_offering(ds, &need.kategorier)
}

/// "ingen insats för Samtalsstöd och Terapi".
fn no_offering(ds: &Dataset, kategorier: &[String]) -> String {
    let names: Vec<String> = kategorier
        .iter()
        .map(|k| ds.vokabular.kategori_namn(k).to_owned())
        .collect();
    format!("ingen insats för {}", and_list(&names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_criterion_is_its_own_bit() {
        let mut f = Failed::NONE;
        assert!(f.is_empty());
        for (n, c) in Criterion::ALL.into_iter().enumerate() {
            assert!(!f.has(c));
            f.add(c);
            assert!(f.has(c));
            assert_eq!(f.count(), n + 1);
        }
    }
}
