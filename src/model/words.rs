//! The ids and Swedish words of the model's enums, in one place: the id is what the data and
//! the command line write (`planerad`), the label what people read (`planerad (på gång)`).
//! The command line takes its lists of values from here ([`clap::ValueEnum`]), so that a new
//! value is added once.

use clap::ValueEnum;
use clap::builder::PossibleValue;

use super::{AtgardStatus, BehovStatus, Kanal, Kostnad, Prioritet, Status};

/// An enum's values as the command line takes them: its ids, without the doc comments the
/// derive would show as help (they are written for the JSON Schemas).
macro_rules! value_enum {
    ($t:ty) => {
        impl ValueEnum for $t {
            fn value_variants<'a>() -> &'a [Self] {
                &Self::ALL
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(PossibleValue::new(self.as_str()))
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

value_enum!(Status);
value_enum!(Kanal);

impl Status {
    /// Every status, in the order lists and help show them.
    pub const ALL: [Status; 4] = [
        Status::Aktiv,
        Status::Planerad,
        Status::Pausad,
        Status::Avslutad,
    ];

    /// The id, as in data: "aktiv", "planerad", "pausad", "avslutad".
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Aktiv => "aktiv",
            Status::Planerad => "planerad",
            Status::Pausad => "pausad",
            Status::Avslutad => "avslutad",
        }
    }

    /// For people, where there is room to explain: "planerad (på gång)".
    pub fn label(self) -> &'static str {
        match self {
            Status::Planerad => "planerad (på gång)",
            other => other.as_str(),
        }
    }
}

impl BehovStatus {
    /// The id, as in data (and the word people read): "aktuellt", "hanterat", "inaktuellt".
    pub fn as_str(self) -> &'static str {
        match self {
            BehovStatus::Aktuellt => "aktuellt",
            BehovStatus::Hanterat => "hanterat",
            BehovStatus::Inaktuellt => "inaktuellt",
        }
    }
}

impl AtgardStatus {
    /// The id, as in data: "oppen", "pagar", "klar".
    pub fn as_str(self) -> &'static str {
        match self {
            AtgardStatus::Oppen => "oppen",
            AtgardStatus::Pagar => "pagar",
            AtgardStatus::Klar => "klar",
        }
    }

    /// For people: "öppen", "pågår", "klar".
    pub fn label(self) -> &'static str {
        match self {
            AtgardStatus::Oppen => "öppen",
            AtgardStatus::Pagar => "pågår",
            AtgardStatus::Klar => "klar",
        }
    }
}

impl Prioritet {
    /// The id, as in data: "hog", "medel", "lag".
    pub fn as_str(self) -> &'static str {
        match self {
            Prioritet::Hog => "hog",
            Prioritet::Medel => "medel",
            Prioritet::Lag => "lag",
        }
    }

    /// For people: "hög", "medel", "låg".
    pub fn label(self) -> &'static str {
        match self {
            Prioritet::Hog => "hög",
            Prioritet::Medel => "medel",
            Prioritet::Lag => "låg",
        }
    }
}

impl Kanal {
    /// Every channel, in the order of the data format.
    pub const ALL: [Kanal; 4] = [
        Kanal::Plats,
        Kanal::Telefon,
        Kanal::Digitalt,
        Kanal::Uppsokande,
    ];

    /// The id, as in data (and the word people read): "plats", "telefon", "digitalt",
    /// "uppsokande".
    pub fn as_str(self) -> &'static str {
        match self {
            Kanal::Plats => "plats",
            Kanal::Telefon => "telefon",
            Kanal::Digitalt => "digitalt",
            Kanal::Uppsokande => "uppsokande",
        }
    }
}

impl Kostnad {
    /// The id, as in data (and the word people read): "kostnadsfri", "avgift".
    pub fn as_str(self) -> &'static str {
        match self {
            Kostnad::Kostnadsfri => "kostnadsfri",
            Kostnad::Avgift => "avgift",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serialized(v: impl serde::Serialize) -> String {
        serde_json::to_value(v)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The ids are the ones serde reads and writes: one spelling per value.
    #[test]
    fn ids_are_the_serialized_names() {
        for s in Status::ALL {
            assert_eq!(serialized(s), s.as_str());
        }
        for k in Kanal::ALL {
            assert_eq!(serialized(k), k.as_str());
        }
        for s in [
            BehovStatus::Aktuellt,
            BehovStatus::Hanterat,
            BehovStatus::Inaktuellt,
        ] {
            assert_eq!(serialized(s), s.as_str());
        }
        for s in [AtgardStatus::Oppen, AtgardStatus::Pagar, AtgardStatus::Klar] {
            assert_eq!(serialized(s), s.as_str());
        }
        for p in [Prioritet::Hog, Prioritet::Medel, Prioritet::Lag] {
            assert_eq!(serialized(p), p.as_str());
        }
        for k in [Kostnad::Kostnadsfri, Kostnad::Avgift] {
            assert_eq!(serialized(k), k.as_str());
        }
    }
}
