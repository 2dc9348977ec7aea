//! The needs and their coverage, gaps first: only the current needs in the report's area and
//! categories are graded. Also the coverage counts of the summary.

use super::Scope;
use crate::dataset::{Dataset, Entry};
use crate::matching::{Tackning, grade, need_shortfalls};
use crate::model::{Behov, BehovStatus};
use crate::report::model::{NeedCandidate, NeedSection, Summary};
use crate::report::phrase::Phrase;

/// The needs' sections, and the summary with its coverage counts filled in.
pub(super) fn sections(s: &Scope<'_>) -> (Vec<NeedSection>, Summary) {
    let ds = s.ds;
    let needs: Vec<&Entry<Behov>> = ds
        .behov
        .values()
        .filter(|b| b.data.status == BehovStatus::Aktuellt)
        .filter(|b| s.wants(&b.data.kategorier))
        .filter(|b| s.reaches(&b.data.omraden))
        .collect();
    let coverage = grade(ds, needs);
    let mut summary = Summary::default();
    let mut behov = Vec::new();
    for c in &coverage {
        let b = &c.behov.data;
        match c.tackning {
            Tackning::Tackt => summary.tackt += 1,
            Tackning::Delvis => summary.delvis += 1,
            Tackning::Saknas => summary.saknas += 1,
        }
        let lyft_av = b
            .lyft_av
            .iter()
            .map(|id| {
                ds.aktorer
                    .get(id)
                    .map_or_else(|| id.clone(), |a| a.data.namn.clone())
            })
            .collect();
        behov.push(NeedSection {
            id: c.behov.id.clone(),
            titel: b.titel.clone(),
            tackning: c.tackning,
            prioritet: b.prioritet.map(Phrase::Prioritet),
            var: ds.omrade_namn(&b.omraden),
            beskrivning: b.beskrivning.clone(),
            lyft_av,
            brister: need_shortfalls(ds, c),
            kandidater: c
                .kandidater
                .iter()
                .map(|k| {
                    let aktor = ds
                        .aktorer
                        .get(Dataset::aktor_of(k.id))
                        .map_or(Dataset::aktor_of(k.id), |a| a.data.namn.as_str());
                    NeedCandidate {
                        id: k.id.to_owned(),
                        namn: format!("{aktor}: {}", k.insats.data.namn),
                        full: k.full(),
                        brister: k.brister.clone(),
                    }
                })
                .collect(),
            intern: s.audience.note(b.intern_anteckning.as_ref()),
        });
    }
    (behov, summary)
}
