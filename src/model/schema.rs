//! JSON Schemas (draft-07) generated from the model: the committed files in `schemas/` that
//! editors use, and the schemas [`crate::checks::shape`] checks every file against.

use std::sync::OnceLock;

use schemars::Schema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::model::{
    Aktor, AktorstypVokabular, Behov, BehovVokabular, Insats, Installningar, MalgruppVokabular,
    OmradeVokabular, SprakVokabular,
};

/// The kinds of file in a data folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Installningar,
    Aktor,
    Insats,
    Behov,
    VokBehov,
    VokMalgrupper,
    VokAktorstyper,
    VokOmraden,
    VokSprak,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Installningar,
        Kind::Aktor,
        Kind::Insats,
        Kind::Behov,
        Kind::VokBehov,
        Kind::VokMalgrupper,
        Kind::VokAktorstyper,
        Kind::VokOmraden,
        Kind::VokSprak,
    ];

    /// The schema's file name in `schemas/`.
    pub fn schema_file(self) -> &'static str {
        match self {
            Kind::Installningar => "resurs.schema.json",
            Kind::Aktor => "aktor.schema.json",
            Kind::Insats => "insats.schema.json",
            Kind::Behov => "behov.schema.json",
            Kind::VokBehov => "vokabular-behov.schema.json",
            Kind::VokMalgrupper => "vokabular-malgrupper.schema.json",
            Kind::VokAktorstyper => "vokabular-aktorstyper.schema.json",
            Kind::VokOmraden => "vokabular-omraden.schema.json",
            Kind::VokSprak => "vokabular-sprak.schema.json",
        }
    }

    /// Which data files the schema applies to (a glob relative to the data folder).
    pub fn glob(self) -> &'static str {
        match self {
            Kind::Installningar => "resurs.toml",
            Kind::Aktor => "aktorer/*/aktor.toml",
            Kind::Insats => "aktorer/*/insatser/*.toml",
            Kind::Behov => "behov/*.toml",
            Kind::VokBehov => "vokabular/behov.toml",
            Kind::VokMalgrupper => "vokabular/malgrupper.toml",
            Kind::VokAktorstyper => "vokabular/aktorstyper.toml",
            Kind::VokOmraden => "vokabular/omraden.toml",
            Kind::VokSprak => "vokabular/sprak.toml",
        }
    }

    /// The file of an entry of this kind, relative to the data folder: `aktor-id`,
    /// `aktor-id/insats-id` or `behov-id` → its path. `None` for settings and vocabularies,
    /// and for an offering id without its actor.
    pub fn entry_file(self, id: &str) -> Option<std::path::PathBuf> {
        let p = std::path::Path::new;
        match self {
            Kind::Aktor => Some(p("aktorer").join(id).join("aktor.toml")),
            Kind::Insats => id.split_once('/').map(|(aktor, insats)| {
                p("aktorer")
                    .join(aktor)
                    .join("insatser")
                    .join(format!("{insats}.toml"))
            }),
            Kind::Behov => Some(p("behov").join(format!("{id}.toml"))),
            _ => None,
        }
    }

    /// What the file is, in Swedish, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Installningar => "inställningarna",
            Kind::Aktor => "en aktör",
            Kind::Insats => "en insats",
            Kind::Behov => "ett behov",
            Kind::VokBehov => "behovskategorierna",
            Kind::VokMalgrupper => "målgrupperna",
            Kind::VokAktorstyper => "aktörstyperna",
            Kind::VokOmraden => "områdena",
            Kind::VokSprak => "språken",
        }
    }

    fn generate(self) -> Schema {
        let mut generator = SchemaSettings::draft07().into_generator();
        let mut schema = match self {
            Kind::Installningar => generator.root_schema_for::<Installningar>(),
            Kind::Aktor => generator.root_schema_for::<Aktor>(),
            Kind::Insats => generator.root_schema_for::<Insats>(),
            Kind::Behov => generator.root_schema_for::<Behov>(),
            Kind::VokBehov => generator.root_schema_for::<BehovVokabular>(),
            Kind::VokMalgrupper => generator.root_schema_for::<MalgruppVokabular>(),
            Kind::VokAktorstyper => generator.root_schema_for::<AktorstypVokabular>(),
            Kind::VokOmraden => generator.root_schema_for::<OmradeVokabular>(),
            Kind::VokSprak => generator.root_schema_for::<SprakVokabular>(),
        };
        schema.insert(
            "$id".into(),
            format!("https://resurs.invalid/schemas/{}", self.schema_file()).into(),
        );
        schema
    }
}

/// The schema of a kind, as JSON (generated once per process).
pub fn schema(kind: Kind) -> &'static Value {
    static CACHE: OnceLock<Vec<Value>> = OnceLock::new();
    let all = CACHE.get_or_init(|| Kind::ALL.iter().map(|k| k.generate().to_value()).collect());
    let i = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    &all[i]
}

/// The schema of a kind as the pretty-printed text committed in `schemas/`.
pub fn schema_text(kind: Kind) -> String {
    let mut text = serde_json::to_string_pretty(schema(kind)).unwrap_or_default();
    text.push('\n');
    text
}
