//! Who a report is for, decided once: an internal report shows everything; a public one
//! (`--publik`) leaves out every contact not marked public, every internal note and every
//! protected address. The builders ask the [`Audience`]; no renderer decides anything about
//! privacy, so none can leak what a public report leaves out.

use crate::model::Kontakt;

/// Who a report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    /// The network itself: contacts, notes and protected addresses included.
    #[default]
    Internal,
    /// Anyone: only what the data marks public.
    Public,
}

impl Audience {
    /// `--publik` in words of the type.
    pub fn from_publik(publik: bool) -> Self {
        if publik {
            Audience::Public
        } else {
            Audience::Internal
        }
    }

    pub fn is_public(self) -> bool {
        self == Audience::Public
    }

    /// Whether a named contact is shown.
    pub fn shows_contact(self, k: &Kontakt) -> bool {
        !self.is_public() || k.publik
    }

    /// An internal note, when this audience may read it.
    pub fn note(self, note: Option<&String>) -> Option<String> {
        note.filter(|_| !self.is_public()).cloned()
    }

    /// Whether a protected address is shown (marked as protected).
    pub fn shows_protected_address(self) -> bool {
        !self.is_public()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(publik: bool) -> Kontakt {
        Kontakt {
            namn: Some("Anna".into()),
            roll: None,
            epost: None,
            telefon: None,
            publik,
        }
    }

    #[test]
    fn a_public_report_leaves_out_what_is_internal() {
        let note = Some("intern".to_owned());
        let public = Audience::from_publik(true);
        assert!(public.shows_contact(&contact(true)));
        assert!(!public.shows_contact(&contact(false)));
        assert_eq!(public.note(note.as_ref()), None);
        assert!(!public.shows_protected_address());

        let internal = Audience::from_publik(false);
        assert!(internal.shows_contact(&contact(false)));
        assert_eq!(internal.note(note.as_ref()), note);
        assert!(internal.shows_protected_address());
    }
}
