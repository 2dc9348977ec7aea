//! The map: every offering in the report as a row ([`rows`]), and the rows ordered as the map
//! shows them, groups → categories → offerings ([`map`]).

use rayon::prelude::*;

use super::Scope;
use crate::dataset::{Area, Dataset, Entry, Vokabular};
use crate::model::{Insats, Kontakt, Plats, Status};
use crate::report::audience::Audience;
use crate::report::model::{Category, Group, Offering, Person, Place, Way};
use crate::report::phrase::{Phrase, Text};

/// An offering in the report, with the areas it reaches (for the map's kommun filter).
pub(super) struct Row {
    pub offering: Offering,
    pub areas: Vec<Area>,
}

/// Ways to reach someone, in the order they are shown: phone, e-mail, web.
pub(super) fn ways(
    webb: Option<&String>,
    epost: Option<&String>,
    telefon: Option<&String>,
) -> Vec<Way> {
    let mut w = Vec::new();
    if let Some(x) = telefon {
        w.push(Way::Telefon(x.clone()));
    }
    if let Some(x) = epost {
        w.push(Way::Epost(x.clone()));
    }
    if let Some(x) = webb {
        w.push(Way::Webb(x.clone()));
    }
    w
}

/// The named contacts this audience may see.
pub(super) fn people(kontakter: &[Kontakt], audience: Audience) -> Vec<Person> {
    kontakter
        .iter()
        .filter(|k| audience.shows_contact(k))
        .map(|k| Person {
            text: [&k.namn, &k.roll]
                .into_iter()
                .filter_map(|s| s.as_deref())
                .collect::<Vec<_>>()
                .join(", "),
            ways: ways(None, k.epost.as_ref(), k.telefon.as_ref()),
            publik: k.publik,
        })
        .collect()
}

/// The words the map's filter finds an offering by, beyond what its row shows.
fn search_words(v: &Vokabular, x: &Insats, aktor: &str, var: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for b in &x.behov {
        out.push(b.clone());
        if let Some(t) = v.kategorier.as_ref().and_then(|l| l.get(b)) {
            out.push(t.namn.clone());
            out.extend(t.synonymer.iter().cloned());
        }
    }
    for m in &x.malgrupper {
        if let Some(t) = v.malgrupper.as_ref().and_then(|l| l.get(m)) {
            out.push(t.namn.clone());
            out.extend(t.synonymer.iter().cloned());
        }
    }
    out.extend(var.iter().cloned());
    out.push(aktor.to_owned());
    out
}

/// Area codes an offering reaches, for the map's kommun filter.
fn codes(areas: &[Area]) -> Vec<String> {
    areas
        .iter()
        .map(|a| match a {
            Area::Riket => "riket".to_owned(),
            Area::Lan(k) | Area::Kommun(k) => k.clone(),
        })
        .collect()
}

fn cost(x: &Insats) -> Option<Text> {
    match (x.kostnad, &x.kostnad_beskrivning) {
        (Some(kind), d) => Some(Text::Phrase(Phrase::Kostnad {
            kind,
            beskrivning: d.clone(),
        })),
        (None, d) => d.clone().map(Text::Data),
    }
}

/// The place: its name, its address (a protected one only for an internal report, marked),
/// its kommun.
fn place(ds: &Dataset, p: &Plats, audience: Audience) -> Place {
    let mut parts = Vec::new();
    if let Some(n) = &p.namn {
        parts.push(Text::Data(n.clone()));
    }
    match &p.adress {
        Some(a) if !p.skyddad => parts.push(Text::Data(a.clone())),
        Some(a) if audience.shows_protected_address() => {
            parts.push(Text::Phrase(Phrase::SkyddadAdress(a.clone())));
        }
        _ => {}
    }
    if let Some(k) = &p.kommun {
        parts.push(Text::Data(ds.omrade_namn(std::slice::from_ref(k)).join("")));
    }
    Place { parts }
}

fn row(scope: &Scope<'_>, id: &str, entry: &Entry<Insats>) -> Option<Row> {
    let ds = scope.ds;
    let v = &ds.vokabular;
    let x = &entry.data;
    if ds.is_broken(&entry.file) || x.status == Status::Avslutad || !scope.wants(&x.behov) {
        return None;
    }
    let written = ds.insats_omraden(id, x);
    if !scope.reaches(written) {
        return None;
    }
    let aktor = ds.aktorer.get(Dataset::aktor_of(id));
    let for_vem = v.for_vem(x);
    let resolved = scope.resolve(written);
    let aktor_namn =
        aktor.map_or_else(|| Dataset::aktor_of(id).to_owned(), |a| a.data.namn.clone());
    let var = ds.omrade_namn(written);
    let offering = Offering {
        id: id.to_owned(),
        namn: x.namn.clone(),
        aktor_id: Dataset::aktor_of(id).to_owned(),
        sokord: search_words(v, x, &aktor_namn, &var),
        aktor_namn,
        planerad: !x.is_active(),
        status: Phrase::Status(x.status),
        behov: x.behov.clone(),
        for_vem,
        var,
        omrade_koder: codes(&resolved),
        sprak: x
            .languages()
            .iter()
            .map(|s| v.sprak_namn(s).to_owned())
            .collect(),
        tolk: x.tolk,
        kostnad: cost(x),
        kontaktvag: x.kontaktvag.clone(),
        tider: x.tider.clone(),
        plats: x
            .plats
            .as_ref()
            .map(|p| place(ds, p, scope.audience))
            .filter(|p| !p.is_empty()),
        // An offering without ways of its own is reached through its actor's.
        ways: match (
            ways(x.webb.as_ref(), x.epost.as_ref(), x.telefon.as_ref()),
            aktor,
        ) {
            (own, Some(a)) if own.is_empty() => ways(
                a.data.webb.as_ref(),
                a.data.epost.as_ref(),
                a.data.telefon.as_ref(),
            ),
            (own, _) => own,
        },
        kontakter: people(&x.kontakt, scope.audience),
        beskrivning: x.beskrivning.clone(),
        intern: scope.audience.note(x.intern_anteckning.as_ref()),
    };
    Some(Row {
        offering,
        areas: resolved,
    })
}

/// The offerings in the report, in id order.
pub(super) fn rows(s: &Scope<'_>) -> Vec<Row> {
    let all: Vec<(&String, &Entry<Insats>)> = s.ds.insatser.iter().collect();
    all.into_par_iter()
        .filter_map(|(id, e)| row(s, id, e))
        .collect()
}

/// The map: groups → categories → offerings; empty categories and groups are left out.
pub(super) fn map(s: &Scope<'_>, rows: &[Row]) -> Vec<Group> {
    let v = &s.ds.vokabular;
    let mut karta = Vec::new();
    for g in &v.behov_raw.grupp {
        let mut kategorier = Vec::new();
        for k in v.behov_raw.kategori.iter().filter(|k| k.grupp == g.id) {
            let insatser: Vec<Offering> = rows
                .iter()
                .map(|r| &r.offering)
                .filter(|o| o.behov.contains(&k.id))
                .cloned()
                .collect();
            if !insatser.is_empty() {
                kategorier.push(Category {
                    id: k.id.clone(),
                    namn: k.namn.clone(),
                    insatser,
                });
            }
        }
        if !kategorier.is_empty() {
            karta.push(Group {
                id: g.id.clone(),
                namn: g.namn.clone(),
                kategorier,
            });
        }
    }
    karta
}
