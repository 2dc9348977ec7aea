//! Letting the free text go ([`crate::dataset::FreeText::Dropped`]): the fields the model marks
//! as free text ([`crate::model::free_text`]) are taken out of a checked document before its
//! typed entry is made, so that they are never copied. On a national folder that text is most
//! of the memory, and memory is time.

use std::borrow::Cow;

use toml::de::{DeTable, DeValue};

use crate::model::free_text::{FIELDS, Prose};
use crate::model::schema::Kind;

/// Takes the free text out of `doc`, a file of `kind`: a required text is left empty, an
/// optional one is left out, and a `kontaktvag` that is not blank stays a text, but not its
/// words (whether an offering says how to reach it is a rule, W009). Names and titles stay.
pub(super) fn strip_free_text(doc: &mut toml::Spanned<DeTable<'_>>, kind: Kind) {
    if !matches!(kind, Kind::Aktor | Kind::Insats | Kind::Behov) {
        return;
    }
    let table = doc.get_mut();
    for field in &FIELDS {
        let Some(&(_, required)) = field.kinds.iter().find(|(k, _)| *k == kind) else {
            continue;
        };
        match field.prose {
            Prose::Heading => {}
            Prose::Text | Prose::Internal if required => {
                if let Some(v) = table.get_mut(field.key) {
                    if matches!(v.get_ref(), DeValue::String(_)) {
                        *v.get_mut() = DeValue::String(Cow::Borrowed(""));
                    }
                }
            }
            Prose::Text | Prose::Internal => {
                table.remove(field.key);
            }
            Prose::Presence => {
                if let Some(v) = table.get_mut(field.key) {
                    if let DeValue::String(text) = v.get_mut() {
                        if !text.trim().is_empty() {
                            *text = Cow::Borrowed("…");
                        }
                    }
                }
            }
        }
    }
}
