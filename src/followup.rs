//! Follow-up actions (`[[atgard]]`) across all needs: who promised what, what is late.

use crate::dataset::{Dataset, Entry};
use crate::date::Datum;
use crate::model::{Atgard, AtgardStatus, Behov};

/// One action with its need and whether it is overdue.
#[derive(Debug, Clone)]
pub struct Followup<'a> {
    pub behov: &'a Entry<Behov>,
    pub atgard: &'a Atgard,
    /// The responsible actor's name, when the actor exists.
    pub ansvarig_namn: Option<&'a str>,
    /// Not done and `senast` has passed.
    pub forsenad: bool,
}

impl Followup<'_> {
    /// The group heading: "Rädda Barnen (raddabarnen-kronoberg)" or "Utan ansvarig".
    pub fn ansvarig_label(&self) -> String {
        match (&self.atgard.ansvarig, self.ansvarig_namn) {
            (Some(id), Some(name)) => format!("{name} ({id})"),
            (Some(id), None) => id.clone(),
            (None, _) => "Utan ansvarig".to_owned(),
        }
    }
}

/// Every action, grouped by responsible actor (by name; those without one last); within a
/// group open and ongoing before done, overdue first, then by deadline. `aktor` filters.
pub fn followups<'a>(ds: &'a Dataset, today: Datum, aktor: Option<&str>) -> Vec<Followup<'a>> {
    let mut items: Vec<Followup<'a>> = ds
        .behov
        .values()
        .filter(|b| !ds.is_broken(&b.file))
        .flat_map(|b| b.data.atgard.iter().map(move |a| (b, a)))
        .filter(|(_, a)| aktor.is_none_or(|id| a.ansvarig.as_deref() == Some(id)))
        .map(|(behov, atgard)| Followup {
            behov,
            atgard,
            ansvarig_namn: atgard
                .ansvarig
                .as_ref()
                .and_then(|id| ds.aktorer.get(id))
                .map(|a| a.data.namn.as_str()),
            forsenad: atgard.status != AtgardStatus::Klar
                && atgard.senast.is_some_and(|s| s < today),
        })
        .collect();
    items.sort_by(|a, b| {
        let key = |f: &Followup<'_>| {
            (
                f.atgard.ansvarig.is_none(),
                crate::text::fold(&f.ansvarig_label()),
                f.atgard.status == AtgardStatus::Klar,
                !f.forsenad,
                f.atgard.senast.unwrap_or(Datum {
                    year: 9999,
                    month: 12,
                    day: 31,
                }),
                f.behov.id.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    items
}
