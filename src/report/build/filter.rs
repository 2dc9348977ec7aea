//! What the report is limited to, in words (`urval`), and the kommuner the HTML map's filter
//! offers: those the offerings name, and those of every län they name.

use std::collections::BTreeSet;

use super::Scope;
use super::offerings::Row;
use crate::dataset::{Area, Areas};
use crate::report::model::FilterKommun;

pub(super) fn kommuner(s: &Scope<'_>, rows: &[Row]) -> Vec<FilterKommun> {
    let Some(areas) = s.areas else {
        return Vec::new();
    };
    let mut wanted: BTreeSet<&str> = BTreeSet::new();
    let mut lan: BTreeSet<&Area> = BTreeSet::new();
    for a in rows.iter().flat_map(|r| &r.areas) {
        match a {
            Area::Kommun(k) => {
                wanted.insert(k);
            }
            Area::Lan(_) => {
                lan.insert(a);
            }
            Area::Riket => {}
        }
    }
    for l in lan {
        wanted.extend(
            areas
                .kommuner()
                .iter()
                .filter(|k| Areas::contains(l, &Area::Kommun(k.kod.clone())))
                .map(|k| k.kod.as_str()),
        );
    }
    let mut kommuner: Vec<FilterKommun> = areas
        .kommuner()
        .iter()
        .filter(|k| wanted.contains(k.kod.as_str()))
        .map(|k| FilterKommun {
            kod: k.kod.clone(),
            namn: k.namn.clone(),
            inom: areas
                .covering_codes(&Area::Kommun(k.kod.clone()))
                .into_iter()
                .map(str::to_owned)
                .collect(),
        })
        .collect();
    kommuner.sort_by_key(|k| crate::text::fold(&k.namn));
    kommuner
}

/// The report's area and categories, by name.
pub(super) fn urval(s: &Scope<'_>) -> Vec<String> {
    let mut urval = Vec::new();
    if let (Some(a), Some(areas)) = (&s.opts.omrade, s.areas) {
        urval.push(areas.name(a));
    }
    for b in &s.opts.behov {
        urval.push(s.ds.vokabular.kategori_namn(b).to_owned());
    }
    urval
}
