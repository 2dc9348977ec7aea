//! The report's view model: what a report shows, already filtered for its audience and in the
//! order it is shown. The builders ([`super::build`]) fill it from a dataset; the renderers
//! (`crate::render::report`) only write it out. Words the report itself says are
//! [`Phrase`]s, put into words by the catalogue ([`super::sv`]), never text made here.

use super::audience::Audience;
use super::phrase::{Phrase, Text};
use crate::date::Datum;
use crate::matching::Tackning;

/// A way to reach someone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Way {
    Webb(String),
    Epost(String),
    Telefon(String),
}

/// A named contact, already filtered for the audience.
#[derive(Debug, Clone)]
pub struct Person {
    /// Name and role, as "Namn, roll".
    pub text: String,
    pub ways: Vec<Way>,
    /// Marked public in the data; an internal contact is only in an internal report.
    pub publik: bool,
}

/// Where an offering is given, as its parts in the order they are shown.
#[derive(Debug, Clone, Default)]
pub struct Place {
    pub parts: Vec<Text>,
}

impl Place {
    /// Whether it says nothing: no part, or one empty part.
    pub fn is_empty(&self) -> bool {
        match self.parts.as_slice() {
            [] => true,
            [Text::Data(only)] => only.is_empty(),
            _ => false,
        }
    }
}

/// An offering as a row of the map.
#[derive(Debug, Clone)]
pub struct Offering {
    pub id: String,
    pub namn: String,
    pub aktor_id: String,
    pub aktor_namn: String,
    /// Not active (planned or paused): the row says its status.
    pub planerad: bool,
    pub status: Phrase,
    pub behov: Vec<String>,
    /// "föräldrar, unga 0–20 år".
    pub for_vem: String,
    pub var: Vec<String>,
    /// Codes the offering reaches, for the filter: kommun and län codes, or `riket`.
    pub omrade_koder: Vec<String>,
    pub sprak: Vec<String>,
    pub tolk: bool,
    pub kostnad: Option<Text>,
    /// Markdown: how to get it.
    pub kontaktvag: Option<String>,
    pub tider: Option<String>,
    pub plats: Option<Place>,
    pub ways: Vec<Way>,
    pub kontakter: Vec<Person>,
    /// Markdown.
    pub beskrivning: String,
    pub intern: Option<String>,
    /// What the map's filter searches besides the row's text: its categories' ids, labels and
    /// synonyms, its target groups' labels and synonyms, its areas and its actor.
    pub sokord: Vec<String>,
}

/// A category of the map with its offerings.
#[derive(Debug, Clone)]
pub struct Category {
    pub id: String,
    pub namn: String,
    pub insatser: Vec<Offering>,
}

/// A group of categories of the map.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub namn: String,
    pub kategorier: Vec<Category>,
}

/// One of an actor's offerings in the report, as the actor's section lists it.
#[derive(Debug, Clone)]
pub struct ActorOffering {
    pub id: String,
    pub namn: String,
    pub status: Phrase,
}

/// An actor's section.
#[derive(Debug, Clone)]
pub struct ActorSection {
    pub id: String,
    pub namn: String,
    /// The actor type's label.
    pub typ: String,
    pub var: Vec<String>,
    /// Markdown.
    pub beskrivning: String,
    /// Markdown.
    pub behovsbild: Option<String>,
    pub ways: Vec<Way>,
    pub kontakter: Vec<Person>,
    pub intern: Option<String>,
    pub insatser: Vec<ActorOffering>,
}

/// An offering that meets one of a need's categories.
#[derive(Debug, Clone)]
pub struct NeedCandidate {
    pub id: String,
    /// "Aktör: Insats".
    pub namn: String,
    /// Meets the need on every criterion.
    pub full: bool,
    /// What keeps it from meeting the need.
    pub brister: Vec<String>,
}

/// A need with its coverage.
#[derive(Debug, Clone)]
pub struct NeedSection {
    pub id: String,
    pub titel: String,
    pub tackning: Tackning,
    pub prioritet: Option<Phrase>,
    pub var: Vec<String>,
    /// Markdown.
    pub beskrivning: Option<String>,
    pub lyft_av: Vec<String>,
    pub brister: Vec<String>,
    pub kandidater: Vec<NeedCandidate>,
    pub intern: Option<String>,
}

/// An open follow-up action.
#[derive(Debug, Clone)]
pub struct Action {
    pub ansvarig: String,
    pub beskrivning: String,
    pub status: Phrase,
    pub senast: Option<Datum>,
    pub forsenad: bool,
    pub behov_id: String,
    pub behov_titel: String,
    pub intern: Option<String>,
}

/// An entry due for review.
#[derive(Debug, Clone)]
pub struct Review {
    pub namn: String,
    pub fil: String,
    pub senast_granskad: Datum,
    pub manader: i32,
}

/// The counts of the summary.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    pub aktorer: usize,
    pub insatser: usize,
    pub behov: usize,
    pub tackt: usize,
    pub delvis: usize,
    pub saknas: usize,
}

/// A kommun the map's filter offers.
#[derive(Debug, Clone)]
pub struct FilterKommun {
    pub kod: String,
    pub namn: String,
    /// The codes of the areas that cover the kommun (itself, its län, `riket`), for the
    /// script's filter.
    pub inom: Vec<String>,
}

/// Everything a report shows.
#[derive(Debug, Clone)]
pub struct Report {
    pub titel: Text,
    /// Markdown.
    pub beskrivning: Option<String>,
    pub datum: Datum,
    pub commit: Option<String>,
    pub audience: Audience,
    /// The filters, in words ("Växjö", "Samtalsstöd").
    pub urval: Vec<String>,
    pub summary: Summary,
    pub karta: Vec<Group>,
    pub aktorer: Vec<ActorSection>,
    pub behov: Vec<NeedSection>,
    pub atgarder: Vec<Action>,
    pub granska: Vec<Review>,
    /// The kommuner the map's filter offers.
    pub kommuner: Vec<FilterKommun>,
}
