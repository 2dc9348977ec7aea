//! A report with the same text in every field that comes from data: for fuzzing the renderers
//! and for the XSS tests, which put hostile text everywhere at once.

use super::audience::Audience;
use super::model::{
    Action, ActorOffering, ActorSection, Category, FilterKommun, Group, NeedCandidate, NeedSection,
    Offering, Person, Place, Report, Review, Summary, Way,
};
use super::phrase::{Phrase, Text};
use crate::date::Datum;
use crate::matching::Tackning;
use crate::model::{AtgardStatus, Prioritet, Status};

/// A report with `text` in every field that comes from data (names, ids, descriptions, links,
/// contacts, notes), for an internal audience (which sees the most).
#[doc(hidden)]
pub fn sample(text: &str) -> Report {
    let t = || text.to_owned();
    let ways = vec![Way::Webb(t()), Way::Epost(t()), Way::Telefon(t())];
    let person = Person {
        text: t(),
        ways: ways.clone(),
        publik: false,
    };
    let offering = Offering {
        id: t(),
        namn: t(),
        aktor_id: t(),
        aktor_namn: t(),
        planerad: true,
        status: Phrase::Status(Status::Planerad),
        behov: vec![t()],
        for_vem: t(),
        var: vec![t()],
        omrade_koder: vec![t()],
        sprak: vec![t()],
        tolk: true,
        kostnad: Some(Text::Data(t())),
        kontaktvag: Some(t()),
        tider: Some(t()),
        plats: Some(Place {
            parts: vec![Text::Data(t())],
        }),
        ways: ways.clone(),
        kontakter: vec![person.clone()],
        beskrivning: t(),
        intern: Some(t()),
        sokord: vec![t()],
    };
    Report {
        titel: Text::Data(t()),
        beskrivning: Some(t()),
        datum: Datum {
            year: 2026,
            month: 11,
            day: 25,
        },
        commit: Some(t()),
        audience: Audience::Internal,
        urval: vec![t()],
        summary: Summary::default(),
        karta: vec![Group {
            id: t(),
            namn: t(),
            kategorier: vec![Category {
                id: t(),
                namn: t(),
                insatser: vec![offering],
            }],
        }],
        aktorer: vec![ActorSection {
            id: t(),
            namn: t(),
            typ: t(),
            var: vec![t()],
            beskrivning: t(),
            behovsbild: Some(t()),
            ways,
            kontakter: vec![person],
            intern: Some(t()),
            insatser: vec![ActorOffering {
                id: t(),
                namn: t(),
                status: Phrase::Status(Status::Aktiv),
            }],
        }],
        behov: vec![NeedSection {
            id: t(),
            titel: t(),
            tackning: Tackning::Delvis,
            prioritet: Some(Phrase::Prioritet(Prioritet::Hog)),
            var: vec![t()],
            beskrivning: Some(t()),
            lyft_av: vec![t()],
            brister: vec![t()],
            kandidater: vec![NeedCandidate {
                id: t(),
                namn: t(),
                full: false,
                brister: vec![t()],
            }],
            intern: Some(t()),
        }],
        atgarder: vec![Action {
            ansvarig: t(),
            beskrivning: t(),
            status: Phrase::AtgardStatus(AtgardStatus::Oppen),
            senast: None,
            forsenad: true,
            behov_id: t(),
            behov_titel: t(),
            intern: Some(t()),
        }],
        granska: vec![Review {
            namn: t(),
            fil: t(),
            senast_granskad: Datum {
                year: 2020,
                month: 1,
                day: 1,
            },
            manader: 70,
        }],
        kommuner: vec![FilterKommun {
            kod: t(),
            namn: t(),
            inom: vec![t(), "riket".into()],
        }],
    }
}
