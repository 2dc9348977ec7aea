//! Follow-up actions (`[[atgard]]`) across all needs: who promised what, since when, what
//! is late and what has no deadline to be late against.

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
    /// Not done: the date of the need, which is when the action was promised at the latest.
    pub oppen_sedan: Option<Datum>,
    /// Not done: days from `oppen_sedan` to today.
    pub alder_dagar: Option<i64>,
    /// Not done and without a `senast` date, so it can never become overdue.
    pub saknar_senast: bool,
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
/// group open and ongoing before done, overdue first, then by deadline, then oldest first.
/// `aktor` filters.
pub fn followups<'a>(ds: &'a Dataset, today: Datum, aktor: Option<&str>) -> Vec<Followup<'a>> {
    let mut items: Vec<Followup<'a>> = ds
        .behov
        .values()
        .filter(|b| !ds.is_broken(&b.file))
        .flat_map(|b| b.data.atgard.iter().map(move |a| (b, a)))
        .filter(|(_, a)| aktor.is_none_or(|id| a.ansvarig.as_deref() == Some(id)))
        .map(|(behov, atgard)| {
            let open = atgard.status != AtgardStatus::Klar;
            let since = open.then_some(behov.data.datum);
            Followup {
                behov,
                atgard,
                ansvarig_namn: atgard
                    .ansvarig
                    .as_ref()
                    .and_then(|id| ds.aktorer.get(id))
                    .map(|a| a.data.namn.as_str()),
                forsenad: open && atgard.senast.is_some_and(|s| s < today),
                oppen_sedan: since,
                alder_dagar: since.map(|d| d.days_until(today)),
                saknar_senast: open && atgard.senast.is_none(),
            }
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
                f.behov.data.datum,
                f.behov.id.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    items
}

/// How long ago `since` was, in words: "4 år 1 mån", "3 mån", "12 dagar", "1 dag", "i dag".
pub fn age(since: Datum, today: Datum) -> String {
    let months = since.months_until(today);
    if months >= 12 {
        let (y, m) = (months / 12, months % 12);
        if m == 0 {
            format!("{y} år")
        } else {
            format!("{y} år {m} mån")
        }
    } else if months >= 1 {
        format!("{months} mån")
    } else {
        match since.days_until(today) {
            0 => "i dag".to_owned(),
            1 => "1 dag".to_owned(),
            d if d > 1 => format!("{d} dagar"),
            _ => "datum i framtiden".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        Datum::parse(s).unwrap()
    }

    #[test]
    fn ages_in_words() {
        assert_eq!(age(d("2022-10-20"), d("2026-11-25")), "4 år 1 mån");
        assert_eq!(age(d("2022-10-20"), d("2026-10-20")), "4 år");
        assert_eq!(age(d("2026-08-30"), d("2026-11-25")), "2 mån");
        assert_eq!(age(d("2026-11-13"), d("2026-11-25")), "12 dagar");
        assert_eq!(age(d("2026-11-24"), d("2026-11-25")), "1 dag");
        assert_eq!(age(d("2026-11-25"), d("2026-11-25")), "i dag");
        assert_eq!(age(d("2026-12-01"), d("2026-11-25")), "datum i framtiden");
    }
}
