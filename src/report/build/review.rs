//! The entries due for review: the actors and offerings in the report last reviewed at least
//! `granskning.varna_efter_manader` months ago, oldest first.

use super::Scope;
use super::offerings::Row;
use crate::report::model::{ActorSection, Review};

pub(super) fn due(s: &Scope<'_>, aktorer: &[ActorSection], rows: &[Row]) -> Vec<Review> {
    let ds = s.ds;
    let today = s.opts.today;
    let g = ds
        .installningar
        .as_ref()
        .map(|i| i.granskning)
        .unwrap_or_default();
    let limit = i32::try_from(g.varna_efter_manader).unwrap_or(i32::MAX);
    let mut granska: Vec<Review> = Vec::new();
    for a in aktorer.iter().filter_map(|a| ds.aktorer.get(&a.id)) {
        let m = a.data.senast_granskad.months_until(today);
        if m >= limit {
            granska.push(Review {
                namn: a.data.namn.clone(),
                fil: a.file.to_string_lossy().replace('\\', "/"),
                senast_granskad: a.data.senast_granskad,
                manader: m,
            });
        }
    }
    for o in rows.iter().map(|r| &r.offering) {
        if let Some(e) = ds.insatser.get(&o.id) {
            let m = e.data.senast_granskad.months_until(today);
            if m >= limit {
                granska.push(Review {
                    namn: format!("{}: {}", o.aktor_namn, o.namn),
                    fil: e.file.to_string_lossy().replace('\\', "/"),
                    senast_granskad: e.data.senast_granskad,
                    manader: m,
                });
            }
        }
    }
    granska.sort_by(|a, b| {
        a.senast_granskad
            .cmp(&b.senast_granskad)
            .then_with(|| a.fil.cmp(&b.fil))
    });
    granska
}
