//! The types of the data format (`shared/design/dataformat.md`): one struct per kind of file.
//!
//! The structs are strict (`deny_unknown_fields`) and their doc comments are Swedish on purpose:
//! they become the descriptions in the JSON Schemas that editors show to contributors.
//!
//! This file holds the settings and the entries (actor, offering, need); [`vocabulary`] the
//! vocabulary files; [`words`] the ids and Swedish words of the enums; [`insats`] what an
//! offering answers about itself (who it is for, in which languages).

pub mod free_text;
pub mod insats;
pub mod schema;
pub mod vocabulary;
pub mod words;

pub use vocabulary::{
    Aktorstyp, AktorstypVokabular, BehovVokabular, Grupp, Kategori, MalgruppGrupp,
    MalgruppVokabular, Omrade, OmradeVokabular, Ord, Sprak, SprakVokabular,
};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Datum;

/// Inställningar för datamappen (resurs.toml).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Installningar {
    /// Resurskartans titel i rapporter, t.ex. "Resurskarta Kronoberg".
    pub namn: String,
    /// Vad resurskartan omfattar (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beskrivning: Option<String>,
    /// Hemlänets kod, t.ex. "07" för Kronobergs län.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lan: Option<String>,
    /// Den lägsta version av resurs som datamappen kräver (huvud- och delversion, t.ex. "0.1").
    /// En äldre resurs säger då vilken version som behövs i stället för att läsa fel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]+\.[0-9]+$"))]
    pub kraver: Option<String>,
    /// När uppgifter räknas som inaktuella.
    #[serde(default)]
    pub granskning: Granskning,
    /// Största tillåtna storlek för en datafil i kilobyte (standard 1024); större filer läses inte.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_filstorlek_kb: Option<u32>,
}

/// The default size limit of a data file, in kilobytes.
pub const MAX_FILSTORLEK_KB: u32 = 1024;

/// Gränser för hur gammalt `senast_granskad` får vara.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Granskning {
    /// Varning när uppgifterna är äldre än så här många månader (standard 12).
    #[serde(default = "default_varna")]
    pub varna_efter_manader: u32,
    /// Fel när uppgifterna är äldre än så här många månader (standard 24).
    #[serde(default = "default_fel")]
    pub fel_efter_manader: u32,
}

fn default_varna() -> u32 {
    12
}
fn default_fel() -> u32 {
    24
}

impl Default for Granskning {
    fn default() -> Self {
        Self {
            varna_efter_manader: default_varna(),
            fel_efter_manader: default_fel(),
        }
    }
}

/// En aktör: en organisation eller enhet (aktorer/<id>/aktor.toml). Id:t är mappens namn.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Aktor {
    /// Aktörens namn, t.ex. "Röda Korset Växjö".
    pub namn: String,
    /// Typ av aktör: ett id ur vokabular/aktorstyper.toml, t.ex. "kommun" eller "ideell-forening".
    pub typ: String,
    /// Vad aktören gör idag (markdown).
    pub beskrivning: String,
    /// Var aktören verkar: kommun eller län (namn eller SCB-kod), eller "riket". Minst ett.
    #[schemars(length(min = 1))]
    pub omraden: Vec<String>,
    /// Aktörens egen bild av behoven den ser (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub behovsbild: Option<String>,
    /// Webbplats (http eller https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webb: Option<String>,
    /// Funktionsadress för e-post, t.ex. info@exempel.se.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epost: Option<String>,
    /// Telefonnummer, t.ex. "0470-433 88".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telefon: Option<String>,
    /// Organisationsnummer, NNNNNN-NNNN (kontrollsiffran kontrolleras).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisationsnummer: Option<String>,
    /// När någon senast bekräftade att uppgifterna stämmer (datum utan citattecken).
    pub senast_granskad: Datum,
    /// Kontaktpersoner. En namngiven person är intern om den inte markeras publik.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kontakt: Vec<Kontakt>,
    /// Intern anteckning; visas aldrig i en publik rapport.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intern_anteckning: Option<String>,
}

/// En kontaktperson eller kontaktroll. Minst ett av `namn` och `roll`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kontakt {
    /// Personens namn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namn: Option<String>,
    /// Roll, t.ex. "behandlare" eller "volontärsamordnare".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll: Option<String>,
    /// E-postadress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epost: Option<String>,
    /// Telefonnummer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telefon: Option<String>,
    /// true: får visas i publika rapporter. Standard false: kontakten är intern.
    #[serde(default)]
    pub publik: bool,
}

/// En insats som en aktör erbjuder (aktorer/<aktör>/insatser/<id>.toml). Id:t är filens namn.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Insats {
    /// Insatsens namn, t.ex. "Föräldrastöd för ukrainska familjer".
    pub namn: String,
    /// Vad insatsen är (markdown).
    pub beskrivning: String,
    /// Behovskategorier som insatsen svarar mot: id ur vokabular/behov.toml, minst en.
    #[schemars(length(min = 1))]
    pub behov: Vec<String>,
    /// Vilka insatsen är till för: id ur vokabular/malgrupper.toml, minst en ("alla" = alla).
    #[schemars(length(min = 1))]
    pub malgrupper: Vec<String>,
    /// aktiv, planerad ("på gång"), pausad eller avslutad.
    pub status: Status,
    /// Var insatsen ges. Saknas den gäller aktörens områden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub omraden: Option<Vec<String>>,
    /// Språk som insatsen ges på (ISO 639-1-koder, t.ex. "sv", "uk"). Standard: svenska.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sprak: Option<Vec<String>>,
    /// true om tolk kan ordnas.
    #[serde(default)]
    pub tolk: bool,
    /// kostnadsfri eller avgift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kostnad: Option<Kostnad>,
    /// Mer om kostnaden, t.ex. "50 kr per tillfälle".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kostnad_beskrivning: Option<String>,
    /// Hur insatsen ges: plats, telefon, digitalt, uppsokande.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kanaler: Vec<Kanal>,
    /// När, t.ex. "Lördagar 14.00–17.30".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tider: Option<String>,
    /// Var insatsen ges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plats: Option<Plats>,
    /// Hur man tar del av insatsen, t.ex. "Ring och boka" (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kontaktvag: Option<String>,
    /// true om insatsen kräver remiss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remiss: Option<bool>,
    /// true om man kan vara anonym.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymt: Option<bool>,
    /// true om insatsen journalförs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journalfors: Option<bool>,
    /// Kapacitet, t.ex. "upp till fem samtal".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kapacitet: Option<String>,
    /// Lägsta ålder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_alder: Option<u32>,
    /// Högsta ålder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_alder: Option<u32>,
    /// Första dag insatsen gäller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub giltig_fran: Option<Datum>,
    /// Sista dag insatsen gäller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub giltig_till: Option<Datum>,
    /// Andra aktörer som ordnar insatsen tillsammans med aktören: aktörs-id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub samarbetspartner: Vec<String>,
    /// Webbplats (http eller https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webb: Option<String>,
    /// Funktionsadress för e-post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epost: Option<String>,
    /// Telefonnummer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telefon: Option<String>,
    /// Kontaktpersoner. En namngiven person är intern om den inte markeras publik.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kontakt: Vec<Kontakt>,
    /// När någon senast bekräftade att uppgifterna stämmer.
    pub senast_granskad: Datum,
    /// Intern anteckning; visas aldrig i en publik rapport.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intern_anteckning: Option<String>,
}

/// En insats status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Insatsen ges nu.
    Aktiv,
    /// På gång, inte startad.
    Planerad,
    /// Tillfälligt uppehåll.
    Pausad,
    /// Ges inte längre.
    Avslutad,
}

/// Kostnad för den som tar del av insatsen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kostnad {
    /// Gratis.
    Kostnadsfri,
    /// Kostar något; se kostnad_beskrivning.
    Avgift,
}

/// Hur en insats ges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kanal {
    /// På en plats.
    Plats,
    /// Per telefon.
    Telefon,
    /// Digitalt: chatt, video, webb.
    Digitalt,
    /// Uppsökande: man kommer till personen.
    Uppsokande,
}

/// Platsen där en insats ges.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plats {
    /// Platsens namn, t.ex. "Stadsbiblioteket".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namn: Option<String>,
    /// Gatuadress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adress: Option<String>,
    /// Kommun (namn eller SCB-kod).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kommun: Option<String>,
    /// true: adressen visas aldrig i en publik rapport (t.ex. ett boende).
    #[serde(default)]
    pub skyddad: bool,
}

/// Ett identifierat behov (behov/<id>.toml). Id:t är filens namn.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Behov {
    /// Kort rubrik, t.ex. "Psykologiskt stöd till volontärer".
    pub titel: String,
    /// Mer om behovet (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beskrivning: Option<String>,
    /// Behovskategorier: id ur vokabular/behov.toml, minst en.
    #[schemars(length(min = 1))]
    pub kategorier: Vec<String>,
    /// Vilka som har behovet: id ur vokabular/malgrupper.toml, minst en.
    #[schemars(length(min = 1))]
    pub malgrupper: Vec<String>,
    /// Var behovet finns: kommun eller län (namn eller SCB-kod), eller "riket". Minst ett.
    #[schemars(length(min = 1))]
    pub omraden: Vec<String>,
    /// Språk som de berörda behöver (ISO 639-1-koder).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sprak: Vec<String>,
    /// Aktörer som lyfte behovet: aktörs-id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lyft_av: Vec<String>,
    /// Var behovet identifierades, t.ex. "Samverkansmöte psykisk hälsa, oktober 2022".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kalla: Option<String>,
    /// När behovet identifierades.
    pub datum: Datum,
    /// hog, medel eller lag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prioritet: Option<Prioritet>,
    /// aktuellt, hanterat eller inaktuellt.
    pub status: BehovStatus,
    /// Uppföljande åtgärder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub atgard: Vec<Atgard>,
    /// Intern anteckning; visas aldrig i en publik rapport.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intern_anteckning: Option<String>,
}

/// Ett behovs prioritet.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Prioritet {
    /// Hög.
    Hog,
    /// Medel.
    Medel,
    /// Låg.
    Lag,
}

/// Ett behovs status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum BehovStatus {
    /// Behovet finns nu.
    Aktuellt,
    /// Behovet har fått ett svar.
    Hanterat,
    /// Behovet finns inte längre.
    Inaktuellt,
}

/// En uppföljande åtgärd: vem som ska göra vad.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Atgard {
    /// Vad som ska göras.
    pub beskrivning: String,
    /// Ansvarig aktör: aktörs-id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ansvarig: Option<String>,
    /// oppen, pagar eller klar (standard oppen).
    #[serde(default)]
    pub status: AtgardStatus,
    /// Senast klar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senast: Option<Datum>,
    /// Intern anteckning, t.ex. vem hos aktören som åtog sig det; visas aldrig publikt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intern_anteckning: Option<String>,
}

/// En åtgärds status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AtgardStatus {
    /// Inte påbörjad.
    #[default]
    Oppen,
    /// Pågår.
    Pagar,
    /// Klar.
    Klar,
}
