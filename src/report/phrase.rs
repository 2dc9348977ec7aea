//! The words a report says of its own, as message ids with their arguments: the builders say
//! *what* to say (a status, a cost, a protected address), and one catalogue per language says
//! it in words ([`super::sv`], Swedish, the only one so far). A second language is a second
//! catalogue; no builder changes.

use crate::matching::Tackning;
use crate::model::{AtgardStatus, Kostnad, Prioritet, Status};

/// A phrase of the report, with its arguments (data, written out escaped by the renderer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phrase {
    /// The title of a data folder without one of its own.
    DefaultTitle,
    /// An offering's status: "aktiv", "planerad", …
    Status(Status),
    /// A need's priority: "hög", "medel", "låg".
    Prioritet(Prioritet),
    /// A follow-up action's status: "öppen", "pågår".
    AtgardStatus(AtgardStatus),
    /// A need's coverage: "täckt", "delvis", "saknas".
    Tackning(Tackning),
    /// A cost, with the data's own description of it.
    Kostnad {
        kind: Kostnad,
        beskrivning: Option<String>,
    },
    /// A protected address, shown in an internal report only, with a warning.
    SkyddadAdress(String),
}

/// Text a report shows: from the data as it is, or a phrase of the report's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Data(String),
    Phrase(Phrase),
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Text::Data(s) => f.write_str(s),
            Text::Phrase(p) => p.fmt(f),
        }
    }
}
