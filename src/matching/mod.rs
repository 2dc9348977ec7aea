//! Needs × offerings: for each identified need, the offerings whose categories meet it, each
//! graded on target group, area, language and status, with every shortfall named in Swedish.
//! Area semantics and vocabulary labels come from the dataset, as for search.

use crate::text::words::and_list;
use std::collections::HashMap;

use rayon::prelude::*;

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

/// A need with its grade and its closest candidates.
#[derive(Debug, Clone)]
pub struct Coverage<'a> {
    pub behov: &'a Entry<Behov>,
    pub tackning: Tackning,
    /// Full matches first, then partial ones by fewest shortfalls; at most [`SHOWN`] of each.
    pub kandidater: Vec<Candidate<'a>>,
    /// How many offerings meet one of the need's categories at all.
    pub antal_kandidater: usize,
    /// The need's categories that no candidate offers at all.
    pub saknade: Vec<String>,
    /// The need's categories that candidates offer, but none fully.
    pub ofullstandiga: Vec<String>,
}

/// How many full, and how many partial, candidates a need lists (a national folder can have
/// thousands; the grade takes all of them into account).
pub const SHOWN: usize = 10;

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

/// The offerings prepared once for matching many needs: target groups and languages as bit
/// sets, areas as numbers, indexed by category, so that grading one candidate is a few integer
/// operations. Offerings of broken files and ended ones are left out.
pub struct Offers<'a> {
    list: Vec<Prepared<'a>>,
    by_category: HashMap<&'a str, Vec<usize>>,
    /// Per category, the offerings by each area number they are given in: a need looks for
    /// full matches only among the offerings whose area can cover its own.
    by_category_area: HashMap<&'a str, HashMap<u32, Vec<usize>>>,
    groups: HashMap<&'a str, u32>,
    languages: HashMap<&'a str, u32>,
}

/// Everything grading needs, in one place in memory (the entries themselves are scattered).
struct Prepared<'a> {
    id: &'a str,
    entry: &'a Entry<Insats>,
    groups: Bits,
    alla: bool,
    tolk: bool,
    aktiv: bool,
    /// Up to four areas inline (more are rare; then `more_areas` holds them all).
    areas: [u32; 4],
    n_areas: u8,
    more_areas: Option<Box<[u32]>>,
    sprak: Bits,
}

impl Prepared<'_> {
    fn areas(&self) -> &[u32] {
        self.more_areas
            .as_deref()
            .unwrap_or(&self.areas[..usize::from(self.n_areas)])
    }
}

/// A set of vocabulary indexes; an index past 127 (a very large vocabulary) sets `other`,
/// and then the exact comparison decides.
#[derive(Clone, Copy, Default)]
struct Bits {
    set: u128,
    other: bool,
}

impl Bits {
    fn of<'v>(words: impl IntoIterator<Item = &'v String>, index: &HashMap<&str, u32>) -> Self {
        let mut b = Bits::default();
        for w in words {
            match index.get(w.as_str()) {
                Some(&i) if i < 128 => b.set |= 1 << i,
                _ => b.other = true,
            }
        }
        b
    }
}

/// An area as a number: riket 0, a län 100 + its code, a kommun 10,000 + its code (SCB codes:
/// a kommun's first two digits are its län, so 0184 Solna is 10,184, in län 101).
fn area_number(a: &Area) -> u32 {
    match a {
        Area::Riket => 0,
        Area::Lan(k) => 100 + k.parse::<u32>().unwrap_or(0),
        Area::Kommun(k) => 10_000 + k.parse::<u32>().unwrap_or(0),
    }
}

/// The län number of a kommun number.
fn lan_of(kommun: u32) -> u32 {
    (kommun - 10_000) / 100 + 100
}

/// The offered areas that cover a wanted one: riket, the area itself, and a kommun's län.
fn covering(wanted: u32) -> impl Iterator<Item = u32> {
    let lan = (wanted >= 10_000).then(|| lan_of(wanted));
    [Some(0), Some(wanted), lan].into_iter().flatten()
}

/// Whether the offered area covers the wanted one (as [`Areas::contains`], on numbers).
fn covers(offered: u32, wanted: u32) -> bool {
    match offered {
        0 => true,
        1..=9_999 => wanted == offered || (wanted >= 10_000 && lan_of(wanted) == offered),
        _ => wanted == offered,
    }
}

impl<'a> Offers<'a> {
    pub fn new(ds: &'a Dataset) -> Self {
        let index = |lex: Option<&'a crate::text::Lexicon>| -> HashMap<&'a str, u32> {
            lex.map(|l| {
                l.terms()
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (t.id.as_str(), u32::try_from(i).unwrap_or(u32::MAX)))
                    .collect()
            })
            .unwrap_or_default()
        };
        let groups = index(ds.vokabular.malgrupper.as_ref());
        let languages = index(ds.vokabular.sprak.as_ref());
        let areas = ds.vokabular.omraden.as_ref();
        let entries: Vec<(&'a String, &'a Entry<Insats>)> = ds.insatser.iter().collect();
        let list: Vec<Prepared<'a>> = entries
            .into_par_iter()
            .filter(|(_, e)| e.data.status != Status::Avslutad && !ds.is_broken(&e.file))
            .map(|(id, e)| {
                let all: Vec<u32> = areas
                    .map(|a| {
                        a.resolve_all(ds.insats_omraden(id, &e.data))
                            .iter()
                            .map(area_number)
                            .collect()
                    })
                    .unwrap_or_default();
                let mut inline = [0; 4];
                for (slot, a) in inline.iter_mut().zip(&all) {
                    *slot = *a;
                }
                Prepared {
                    id,
                    entry: e,
                    groups: Bits::of(&e.data.malgrupper, &groups),
                    alla: e.data.malgrupper.iter().any(|m| m == "alla"),
                    tolk: e.data.tolk,
                    aktiv: e.data.status == Status::Aktiv,
                    areas: inline,
                    n_areas: u8::try_from(all.len().min(4)).unwrap_or(4),
                    more_areas: (all.len() > 4).then(|| all.into_boxed_slice()),
                    sprak: Bits::of(&Dataset::insats_sprak(&e.data), &languages),
                }
            })
            .collect();
        let mut by_category: HashMap<&'a str, Vec<usize>> = HashMap::new();
        let mut by_category_area: HashMap<&'a str, HashMap<u32, Vec<usize>>> = HashMap::new();
        for (i, p) in list.iter().enumerate() {
            for k in &p.entry.data.behov {
                by_category.entry(k.as_str()).or_default().push(i);
                let by_area = by_category_area.entry(k.as_str()).or_default();
                for &a in p.areas() {
                    by_area.entry(a).or_default().push(i);
                }
            }
        }
        Self {
            list,
            by_category,
            by_category_area,
            groups,
            languages,
        }
    }
}

const FEL_MALGRUPP: u8 = 1;
const FEL_OMRADE: u8 = 2;
const FEL_SPRAK: u8 = 4;
const EJ_AKTIV: u8 = 8;

/// A need, encoded like the offerings.
struct NeedBits<'n> {
    need: &'n Behov,
    groups: Bits,
    areas: Vec<u32>,
    sprak: Bits,
}

/// Which criteria an offering fails for a need, as bits (the same criteria as [`shortfalls`],
/// which says them in words).
fn failed(n: &NeedBits<'_>, p: &Prepared<'_>) -> u8 {
    let mut bits = 0;
    let group_ok = p.alla
        || p.groups.set & n.groups.set != 0
        || ((p.groups.other || n.groups.other)
            && p.entry
                .data
                .malgrupper
                .iter()
                .any(|m| n.need.malgrupper.contains(m)));
    if !group_ok {
        bits |= FEL_MALGRUPP;
    }
    if !n.areas.is_empty()
        && !p
            .areas()
            .iter()
            .any(|&o| n.areas.iter().any(|&w| covers(o, w)))
    {
        bits |= FEL_OMRADE;
    }
    if !n.need.sprak.is_empty() && !p.tolk {
        let ok = p.sprak.set & n.sprak.set != 0
            || ((p.sprak.other || n.sprak.other)
                && Dataset::insats_sprak(&p.entry.data)
                    .iter()
                    .any(|s| n.need.sprak.contains(s)));
        if !ok {
            bits |= FEL_SPRAK;
        }
    }
    if !p.aktiv {
        bits |= EJ_AKTIV;
    }
    bits
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
        areas: ds
            .vokabular
            .omraden
            .as_ref()
            .map(|a| {
                a.resolve_all(&need.omraden)
                    .iter()
                    .map(area_number)
                    .collect()
            })
            .unwrap_or_default(),
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
            full.extend(list.iter().filter(|&&i| failed(&n, &offers.list[i]) == 0));
        } else if let Some(by_area) = offers.by_category_area.get(k.as_str()) {
            for w in &n.areas {
                for a in covering(*w) {
                    let near = by_area.get(&a).map_or(no_list, Vec::as_slice);
                    full.extend(near.iter().filter(|&&i| failed(&n, &offers.list[i]) == 0));
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
    let mut graded: Vec<(u8, usize)> = Vec::new();
    let mut one = 0;
    for &i in all.iter() {
        let bits = failed(&n, &offers.list[i]);
        graded.push((bits, i));
        if bits.is_power_of_two() {
            one += 1;
            if one == SHOWN {
                break;
            }
        }
    }
    let mut partial = 0;
    for count in 1..=4 {
        for (bits, i) in &graded {
            if partial == SHOWN {
                break;
            }
            if bits.count_ones() == count {
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
                brister: shortfalls(ds, need, p.id, &p.entry.data),
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

    /// Every area of Sweden, against every other: the numbers agree with [`Areas::contains`],
    /// and `covering` names exactly the covering areas (a kommun code below 1000, as 0184
    /// Solna, once made every Stockholm kommun one area).
    #[test]
    fn area_numbers_cover_as_areas_contain() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/vokabular/omraden.toml"),
        )
        .unwrap();
        let vok: crate::model::OmradeVokabular = toml::from_str(&text).unwrap();
        let mut all = vec![Area::Riket];
        all.extend(vok.lan.iter().map(|l| Area::Lan(l.kod.clone())));
        all.extend(vok.kommun.iter().map(|k| Area::Kommun(k.kod.clone())));
        assert!(all.len() > 300);
        for offered in &all {
            for wanted in &all {
                let (o, w) = (area_number(offered), area_number(wanted));
                assert_eq!(
                    covers(o, w),
                    Areas::contains(offered, wanted),
                    "{offered:?} {wanted:?}"
                );
                assert_eq!(
                    covering(w).any(|c| c == o),
                    covers(o, w),
                    "{offered:?} {wanted:?}"
                );
            }
        }
    }

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
