//! The actors' sections: every actor with offerings in the report, and, without a category
//! filter, every actor whose area reaches the report's.

use std::collections::BTreeMap;

use super::Scope;
use super::offerings::{Row, people, ways};
use crate::report::model::{ActorOffering, ActorSection, Offering};

pub(super) fn sections(s: &Scope<'_>, rows: &[Row]) -> Vec<ActorSection> {
    let ds = s.ds;
    let v = &ds.vokabular;
    let mut by_actor: BTreeMap<&str, Vec<&Offering>> = BTreeMap::new();
    for o in rows.iter().map(|r| &r.offering) {
        by_actor.entry(o.aktor_id.as_str()).or_default().push(o);
    }
    ds.aktorer
        .values()
        .filter(|a| !ds.is_broken(&a.file))
        .filter(|a| {
            by_actor.contains_key(a.id.as_str())
                || (s.opts.behov.is_empty() && s.reaches(&a.data.omraden))
        })
        .map(|a| ActorSection {
            id: a.id.clone(),
            namn: a.data.namn.clone(),
            typ: v.aktorstyp_namn(&a.data.typ).to_owned(),
            var: ds.omrade_namn(&a.data.omraden),
            beskrivning: a.data.beskrivning.clone(),
            behovsbild: a.data.behovsbild.clone(),
            ways: ways(
                a.data.webb.as_ref(),
                a.data.epost.as_ref(),
                a.data.telefon.as_ref(),
            ),
            kontakter: people(&a.data.kontakt, s.audience),
            intern: s.audience.note(a.data.intern_anteckning.as_ref()),
            insatser: by_actor
                .get(a.id.as_str())
                .into_iter()
                .flatten()
                .map(|o| ActorOffering {
                    id: o.id.clone(),
                    namn: o.namn.clone(),
                    status: o.status.clone(),
                })
                .collect(),
        })
        .collect()
}
