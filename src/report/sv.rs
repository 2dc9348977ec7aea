//! The Swedish catalogue: every [`Phrase`] of a report in Swedish words ([`words`]). A
//! phrase is written through [`std::fmt::Display`], which says it in Swedish, in one piece
//! (the Markdown escaper must see a value whole); another language would be another
//! catalogue beside this one, chosen by the renderer.

use std::borrow::Cow;
use std::fmt;

use super::model::Place;
use super::phrase::Phrase;
use crate::model::Kostnad;

/// A phrase in Swedish.
pub fn words(p: &Phrase) -> Cow<'static, str> {
    match p {
        Phrase::DefaultTitle => "Resurskarta".into(),
        // The short words the model writes for people (an offering's status is its id).
        Phrase::Status(s) => s.as_str().into(),
        Phrase::Prioritet(p) => p.label().into(),
        Phrase::AtgardStatus(s) => s.label().into(),
        Phrase::Tackning(t) => t.label().into(),
        Phrase::Kostnad { kind, beskrivning } => match (kind, beskrivning) {
            (Kostnad::Kostnadsfri, None) => "Kostnadsfri".into(),
            (Kostnad::Kostnadsfri, Some(d)) => format!("Kostnadsfri ({d})").into(),
            (Kostnad::Avgift, None) => "Avgift".into(),
            (Kostnad::Avgift, Some(d)) => format!("Avgift: {d}").into(),
        },
        Phrase::SkyddadAdress(a) => format!("{a} (skyddad adress – visas inte publikt)").into(),
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&words(self))
    }
}

/// A place as its parts, separated by commas.
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.parts.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AtgardStatus;

    #[test]
    fn phrases_in_swedish() {
        let cost = |kind, d: Option<&str>| {
            Phrase::Kostnad {
                kind,
                beskrivning: d.map(str::to_owned),
            }
            .to_string()
        };
        assert_eq!(cost(Kostnad::Kostnadsfri, None), "Kostnadsfri");
        assert_eq!(
            cost(Kostnad::Kostnadsfri, Some("fika")),
            "Kostnadsfri (fika)"
        );
        assert_eq!(cost(Kostnad::Avgift, Some("50 kr")), "Avgift: 50 kr");
        assert_eq!(
            Phrase::AtgardStatus(AtgardStatus::Pagar).to_string(),
            "pågår"
        );
        assert_eq!(
            Phrase::SkyddadAdress("Gatan 1".into()).to_string(),
            "Gatan 1 (skyddad adress – visas inte publikt)"
        );
    }
}
