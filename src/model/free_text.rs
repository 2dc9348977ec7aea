//! Which fields of the data format are free text: prose written by people for people, which no
//! rule across files reads word by word. Marked once, here, and read by the two places that
//! treat free text apart: the privacy scan, which looks in it for contact details that bypass
//! `kontakt` and its `publik` flag (W007, W008), and a load without the free text
//! ([`crate::load::LoadOptions::free_text`]), which lets it go as each file is read.

use crate::model::schema::Kind;

/// What a free-text field is, for the privacy scan and for a load without the free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prose {
    /// A name, a title or a source: every listing shows it, so it is always kept. Scanned.
    Heading,
    /// Prose only `visa`, `sok --fritext` and the reports read: let go. Scanned.
    Text,
    /// Prose whose presence is a rule (`kontaktvag`, W009): a text that is not blank is kept
    /// as "…", a stand-in with none of its words. Scanned.
    Presence,
    /// An internal note, never shown publicly: a person's number may stand in it, so it is not
    /// scanned. Let go.
    Internal,
}

/// A free-text field.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub prose: Prose,
    /// The kinds of data file with this key at the top, each with whether it is required there
    /// (a required text is left empty when it is let go, an optional one is left out).
    pub kinds: &'static [(Kind, bool)],
}

/// Every free-text field at the top of a data file. The privacy scan reads the keys (at the top
/// of any data file, and in a need's `[[atgard]]`, whose `beskrivning` and
/// `intern_anteckning` are the same kinds of text); a lean load lets go of the fields at the
/// top of the kinds listed, in this order.
pub const FIELDS: [Field; 10] = [
    Field {
        key: "namn",
        prose: Prose::Heading,
        kinds: &[(Kind::Aktor, true), (Kind::Insats, true)],
    },
    Field {
        key: "titel",
        prose: Prose::Heading,
        kinds: &[(Kind::Behov, true)],
    },
    Field {
        key: "kalla",
        prose: Prose::Heading,
        kinds: &[(Kind::Behov, false)],
    },
    Field {
        key: "beskrivning",
        prose: Prose::Text,
        kinds: &[
            (Kind::Aktor, true),
            (Kind::Insats, true),
            (Kind::Behov, false),
        ],
    },
    Field {
        key: "behovsbild",
        prose: Prose::Text,
        kinds: &[(Kind::Aktor, false)],
    },
    Field {
        key: "kostnad_beskrivning",
        prose: Prose::Text,
        kinds: &[(Kind::Insats, false)],
    },
    Field {
        key: "tider",
        prose: Prose::Text,
        kinds: &[(Kind::Insats, false)],
    },
    Field {
        key: "kapacitet",
        prose: Prose::Text,
        kinds: &[(Kind::Insats, false)],
    },
    Field {
        key: "kontaktvag",
        prose: Prose::Presence,
        kinds: &[(Kind::Insats, false)],
    },
    Field {
        key: "intern_anteckning",
        prose: Prose::Internal,
        kinds: &[
            (Kind::Aktor, false),
            (Kind::Insats, false),
            (Kind::Behov, false),
        ],
    },
];

/// Whether the value of `key` is free text the privacy scan looks at for contact details.
pub fn scanned(key: &str) -> bool {
    FIELDS
        .iter()
        .any(|f| f.key == key && f.prose != Prose::Internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field is a text of the kinds it names, required exactly where the model says so:
    /// the table cannot drift from the types.
    #[test]
    fn fields_are_texts_of_the_model() {
        for field in FIELDS {
            assert!(!field.kinds.is_empty(), "{}", field.key);
            for &(kind, required) in field.kinds {
                let schema = crate::model::schema::schema(kind);
                let property = &schema["properties"][field.key];
                assert!(
                    property["type"] == "string" || property["type"][0] == "string",
                    "{kind:?}.{}: {property}",
                    field.key
                );
                let listed = schema["required"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|k| k == field.key));
                assert_eq!(listed, required, "{kind:?}.{}", field.key);
            }
        }
    }

    /// The scan's keys: every text but the internal notes.
    #[test]
    fn internal_notes_are_not_scanned() {
        assert!(scanned("beskrivning") && scanned("kontaktvag") && scanned("namn"));
        assert!(!scanned("intern_anteckning"));
        assert!(!scanned("epost"), "not free text");
    }
}
