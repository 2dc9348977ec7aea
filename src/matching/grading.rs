//! Grading: each need against the prepared offerings. A need is covered when each of its
//! categories has an offering that fits on every [`Criterion`]; the closest candidates are
//! kept, with their shortfalls in words.

use rayon::prelude::*;

use super::criteria::{Criterion, Failed, explain};
use super::offers::{Bits, Offers, Prepared};
use super::{Candidate, Coverage, SHOWN, Tackning};
use crate::dataset::{AreaNumber, Dataset, Entry};
use crate::model::{Behov, BehovStatus};

/// A need, encoded like the offerings.
struct NeedBits<'n> {
    need: &'n Behov,
    groups: Bits,
    areas: Vec<AreaNumber>,
    sprak: Bits,
}

/// Which criteria an offering fails for a need, on the prepared bits: as
/// [`criteria::failed`](super::criteria::failed) decides on the written values.
fn failed(n: &NeedBits<'_>, p: &Prepared<'_>) -> Failed {
    let mut bits = Failed::NONE;
    let group_ok = p.alla
        || p.groups.set & n.groups.set != 0
        || ((p.groups.other || n.groups.other)
            && p.entry
                .data
                .malgrupper
                .iter()
                .any(|m| n.need.malgrupper.contains(m)));
    if !group_ok {
        bits.add(Criterion::Malgrupp);
    }
    if !n.areas.is_empty()
        && !p
            .areas()
            .iter()
            .any(|&o| n.areas.iter().any(|&w| o.covers(w)))
    {
        bits.add(Criterion::Omrade);
    }
    if !n.need.sprak.is_empty() && !p.tolk {
        let ok = p.sprak.set & n.sprak.set != 0
            || ((p.sprak.other || n.sprak.other)
                && p.entry
                    .data
                    .languages()
                    .iter()
                    .any(|s| n.need.sprak.contains(s)));
        if !ok {
            bits.add(Criterion::Sprak);
        }
    }
    if !p.aktiv {
        bits.add(Criterion::Status);
    }
    bits
}

/// The need's areas as numbers (none without an area vocabulary).
fn need_areas(ds: &Dataset, need: &Behov) -> Vec<AreaNumber> {
    ds.vokabular
        .omraden
        .as_ref()
        .map(|a| {
            a.resolve_all(&need.omraden)
                .iter()
                .map(crate::dataset::Area::number)
                .collect()
        })
        .unwrap_or_default()
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
    grade(ds, needs)
}

/// Grades exactly the given needs, worst first, then by priority, then oldest first.
pub fn grade<'a>(ds: &'a Dataset, needs: Vec<&'a Entry<Behov>>) -> Vec<Coverage<'a>> {
    let offers = crate::timing::stage("förbereda insatserna", || Offers::new(ds));
    let mut out: Vec<Coverage<'a>> = crate::timing::stage("gradera behoven", || {
        needs
            .into_par_iter()
            .map(|b| coverage_with(ds, &offers, b))
            .collect()
    });
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
    coverage_with(ds, &Offers::new(ds), behov)
}

/// [`coverage`] with the offerings prepared once.
pub fn coverage_with<'a>(
    ds: &'a Dataset,
    offers: &Offers<'a>,
    behov: &'a Entry<Behov>,
) -> Coverage<'a> {
    let need = &behov.data;
    let n = NeedBits {
        need,
        groups: Bits::of(&need.malgrupper, &offers.groups),
        areas: need_areas(ds, need),
        sprak: Bits::of(&need.sprak, &offers.languages),
    };
    // Per category: whether any offering offers it, and whether one fits on every criterion.
    // A full match must cover the need's area, so only the offerings given in a covering area
    // are graded for that (all of them when the need names no area).
    let no_list: &[usize] = &[];
    let lists: Vec<&[usize]> = need
        .kategorier
        .iter()
        .map(|k| {
            offers
                .by_category
                .get(k.as_str())
                .map_or(no_list, Vec::as_slice)
        })
        .collect();
    let mut full: Vec<usize> = Vec::new();
    let mut saknade: Vec<String> = Vec::new();
    let mut ofullstandiga: Vec<String> = Vec::new();
    for (k, list) in need.kategorier.iter().zip(&lists) {
        let before = full.len();
        if n.areas.is_empty() {
            full.extend(
                list.iter()
                    .filter(|&&i| failed(&n, &offers.list[i]).is_empty()),
            );
        } else if let Some(by_area) = offers.by_category_area.get(k.as_str()) {
            for w in &n.areas {
                for a in w.covering() {
                    let near = by_area.get(&a).map_or(no_list, Vec::as_slice);
                    full.extend(
                        near.iter()
                            .filter(|&&i| failed(&n, &offers.list[i]).is_empty()),
                    );
                }
            }
        }
        if list.is_empty() {
            saknade.push(k.clone());
        } else if full.len() == before {
            ofullstandiga.push(k.clone());
        }
    }
    full.sort_unstable();
    full.dedup();
    // Every offering of the need's categories, in id order (the prepared list follows the
    // sorted ids).
    let all: std::borrow::Cow<'_, [usize]> = if lists.len() == 1 {
        std::borrow::Cow::Borrowed(lists[0])
    } else {
        let mut v: Vec<usize> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        v.sort_unstable();
        v.dedup();
        std::borrow::Cow::Owned(v)
    };
    let tackning = if all.is_empty() {
        Tackning::Saknas
    } else if saknade.is_empty() && ofullstandiga.is_empty() {
        Tackning::Tackt
    } else {
        Tackning::Delvis
    };
    // The closest: full ones, then by fewest failed criteria, then by id. The partial ones
    // are graded in id order until enough fail on one criterion only; only when too few do,
    // is every candidate graded.
    let mut chosen: Vec<usize> = full.iter().take(SHOWN).copied().collect();
    let mut graded: Vec<(Failed, usize)> = Vec::new();
    let mut one = 0;
    for &i in all.iter() {
        let bits = failed(&n, &offers.list[i]);
        graded.push((bits, i));
        if bits.count() == 1 {
            one += 1;
            if one == SHOWN {
                break;
            }
        }
    }
    let mut partial = 0;
    for count in 1..=Criterion::ALL.len() {
        for (bits, i) in &graded {
            if partial == SHOWN {
                break;
            }
            if bits.count() == count {
                chosen.push(*i);
                partial += 1;
            }
        }
    }
    let kandidater = chosen
        .into_iter()
        .map(|i| {
            let p = &offers.list[i];
            Candidate {
                id: p.id,
                insats: p.entry,
                brister: explain(ds, need, p.id, &p.entry.data, failed(&n, p)),
            }
        })
        .collect();
    Coverage {
        behov,
        tackning,
        kandidater,
        antal_kandidater: all.len(),
        saknade,
        ofullstandiga,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every need against every offering of data/: the bits fail the criteria that the
    /// written values fail, so that the words name exactly what graded a candidate down.
    #[test]
    fn bits_fail_as_the_written_values() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let ds = crate::load::load(&root, &crate::load::LoadOptions::default()).unwrap();
        let offers = Offers::new(&ds);
        assert!(!offers.list.is_empty() && !ds.behov.is_empty());
        for b in ds.behov.values() {
            let need = &b.data;
            let n = NeedBits {
                need,
                groups: Bits::of(&need.malgrupper, &offers.groups),
                areas: need_areas(&ds, need),
                sprak: Bits::of(&need.sprak, &offers.languages),
            };
            for p in &offers.list {
                assert_eq!(
                    failed(&n, p),
                    super::super::criteria::failed(&ds, need, p.id, &p.entry.data),
                    "{} {}",
                    b.id,
                    p.id
                );
            }
        }
    }
}
