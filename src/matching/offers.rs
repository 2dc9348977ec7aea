//! The offerings prepared once for grading many needs: target groups and languages as bit
//! sets, areas as [`AreaNumber`]s, indexed by category and by area, so that grading one
//! candidate is a few integer operations.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::dataset::{AreaNumber, Dataset, Entry};
use crate::model::{Insats, Status};

/// The offerings prepared once for matching many needs: target groups and languages as bit
/// sets, areas as numbers, indexed by category, so that grading one candidate is a few integer
/// operations. Offerings of broken files and ended ones are left out.
pub struct Offers<'a> {
    pub(super) list: Vec<Prepared<'a>>,
    pub(super) by_category: HashMap<&'a str, Vec<usize>>,
    /// Per category, the offerings by each area number they are given in: a need looks for
    /// full matches only among the offerings whose area can cover its own.
    pub(super) by_category_area: HashMap<&'a str, HashMap<AreaNumber, Vec<usize>>>,
    pub(super) groups: HashMap<&'a str, u32>,
    pub(super) languages: HashMap<&'a str, u32>,
}

/// Everything grading needs, in one place in memory (the entries themselves are scattered).
pub(super) struct Prepared<'a> {
    pub(super) id: &'a str,
    pub(super) entry: &'a Entry<Insats>,
    pub(super) groups: Bits,
    pub(super) alla: bool,
    pub(super) tolk: bool,
    pub(super) aktiv: bool,
    /// Up to four areas inline (more are rare; then `more_areas` holds them all).
    areas: [AreaNumber; 4],
    n_areas: u8,
    more_areas: Option<Box<[AreaNumber]>>,
    pub(super) sprak: Bits,
}

impl Prepared<'_> {
    pub(super) fn areas(&self) -> &[AreaNumber] {
        self.more_areas
            .as_deref()
            .unwrap_or(&self.areas[..usize::from(self.n_areas)])
    }
}

/// A set of vocabulary indexes; an index past 127 (a very large vocabulary) sets `other`,
/// and then the exact comparison decides.
#[derive(Clone, Copy, Default)]
pub(super) struct Bits {
    pub(super) set: u128,
    pub(super) other: bool,
}

impl Bits {
    pub(super) fn of<'v>(
        words: impl IntoIterator<Item = &'v String>,
        index: &HashMap<&str, u32>,
    ) -> Self {
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
                let all: Vec<AreaNumber> = areas
                    .map(|a| {
                        a.resolve_all(ds.insats_omraden(id, &e.data))
                            .iter()
                            .map(crate::dataset::Area::number)
                            .collect()
                    })
                    .unwrap_or_default();
                let mut inline = [AreaNumber::RIKET; 4];
                for (slot, a) in inline.iter_mut().zip(&all) {
                    *slot = *a;
                }
                Prepared {
                    id,
                    entry: e,
                    groups: Bits::of(&e.data.malgrupper, &groups),
                    alla: e.data.malgrupper.iter().any(|m| m == "alla"),
                    tolk: e.data.tolk,
                    aktiv: e.data.is_active(),
                    areas: inline,
                    n_areas: u8::try_from(all.len().min(4)).unwrap_or(4),
                    more_areas: (all.len() > 4).then(|| all.into_boxed_slice()),
                    sprak: Bits::of(e.data.languages(), &languages),
                }
            })
            .collect();
        let mut by_category: HashMap<&'a str, Vec<usize>> = HashMap::new();
        let mut by_category_area: HashMap<&'a str, HashMap<AreaNumber, Vec<usize>>> =
            HashMap::new();
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
