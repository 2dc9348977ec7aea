//! Every problem code as a type: one row per code with its severity, whether it is an upkeep
//! rule and its one-line Swedish title (the README's table), so that adding a code is a
//! change the compiler walks you through: its explanation for `resurs forklara` is an
//! exhaustive match in [`super::explain`].

use super::Severity;

/// Declares [`Code`] from its rows: the enum, [`Code::ALL`] and the methods that read a row.
macro_rules! codes {
    ($($code:ident: $severity:ident, upkeep = $upkeep:literal, $title:literal;)*) => {
        /// A stable problem code (`E004`), listed in the README and explained by
        /// `resurs forklara`. Ordered as the README lists them: errors, then warnings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($code,)*
        }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            /// The code as written in the output and the README: `E004`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code),)*
                }
            }

            /// How serious a problem with this code is.
            pub const fn severity(self) -> Severity {
                match self {
                    $(Code::$code => Severity::$severity,)*
                }
            }

            /// Whether it is a rule about upkeep (staleness, expiry, style), which
            /// `validera --andrade-sedan` applies only to the files a contributor changed;
            /// every other rule is checked over the whole folder.
            pub const fn is_upkeep(self) -> bool {
                match self {
                    $(Code::$code => $upkeep,)*
                }
            }

            /// The one-line Swedish title: the README's table and `resurs forklara`'s first line.
            pub const fn title(self) -> &'static str {
                match self {
                    $(Code::$code => $title,)*
                }
            }
        }
    };
}

codes! {
    E001: Fel, upkeep = false, "TOML-syntaxfel";
    E002: Fel, upkeep = false, "okänd nyckel";
    E003: Fel, upkeep = false, "obligatorisk nyckel saknas";
    E004: Fel, upkeep = false, "okänt värde i en vokabulär (behov, målgrupp, aktörstyp, språk)";
    E005: Fel, upkeep = false, "fel typ av värde";
    E006: Fel, upkeep = false, "id som bryter mot namnregeln";
    E007: Fel, upkeep = false, "fil på fel plats eller med fel filändelse";
    E008: Fel, upkeep = false, "hänvisning till en aktör som inte finns";
    E009: Fel, upkeep = false, "okänt område (kommun, län eller riket)";
    E010: Fel, upkeep = false, "ogiltig e-postadress";
    E011: Fel, upkeep = false, "ogiltigt telefonnummer";
    E012: Fel, upkeep = false, "ogiltig webbadress";
    E013: Fel, upkeep = false, "ogiltigt organisationsnummer";
    E014: Fel, upkeep = false, "giltig_till före giltig_fran";
    E015: Fel, upkeep = false, "min_alder över max_alder";
    E016: Fel, upkeep = true, "uppgifterna har inte granskats på för länge (fel_efter_manader)";
    E017: Fel, upkeep = false, "text som ser ut som ett personnummer eller samordningsnummer";
    E018: Fel, upkeep = false, "filen kan inte läsas (teckenkodning, behörighet, länk, mapp)";
    E019: Fel, upkeep = false, "tom fil";
    E020: Fel, upkeep = false, "datamappen har inga datafiler";
    E021: Fel, upkeep = false, "en nödvändig fil saknas (resurs.toml, en vokabulär, aktor.toml)";
    E022: Fel, upkeep = false, "dubblett i en vokabulär eller ogiltig vokabulär";
    E023: Fel, upkeep = false, "tomt värde där ett värde krävs (tom lista eller tom text)";
    E024: Fel, upkeep = false, "ogiltigt värde i resurs.toml";
    E025: Fel, upkeep = false, "filen är större än gränsen (max_filstorlek_kb)";
    W001: Varning, upkeep = true, "uppgifterna har inte granskats på länge (varna_efter_manader)";
    W002: Varning, upkeep = true, "aktiv insats vars giltig_till har passerat";
    W003: Varning, upkeep = true, "filen börjar med en BOM";
    W004: Varning, upkeep = true, "filen har Windows-radslut (CRLF)";
    W005: Varning, upkeep = true, "senast_granskad ligger i framtiden";
    W006: Varning, upkeep = false, "okänd TOML-fil i datamappens rot";
    W007: Varning, upkeep = false, "e-postadress i fritext (kringgår `kontakt` och `publik`)";
    W008: Varning, upkeep = false, "telefonnummer i fritext (kringgår `kontakt` och `publik`)";
    W009: Varning, upkeep = false, "insats utan publikt sätt att nå den (telefon, e-post, webb, kontakt, kontaktväg eller plats)";
    W010: Varning, upkeep = false, "styrtecken eller tecken som vänder textens riktning i en text";
    W011: Varning, upkeep = false, "samma värde flera gånger i en lista";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A text that names no code (`resurs forklara E999`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode;

impl std::str::FromStr for Code {
    type Err = UnknownCode;

    /// A code in any case, with spaces around it: `e004`, ` W001 `.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
            .ok_or(UnknownCode)
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_in_any_case_and_nothing_else() {
        assert_eq!("e004".parse(), Ok(Code::E004));
        assert_eq!(" W011\n".parse(), Ok(Code::W011));
        for bad in ["E999", "E04", "E0044", "", "fel"] {
            assert_eq!(bad.parse::<Code>(), Err(UnknownCode), "{bad}");
        }
    }

    #[test]
    fn each_code_is_named_for_its_severity_and_sorted() {
        for c in Code::ALL {
            let letter = match c.severity() {
                Severity::Fel => 'E',
                Severity::Varning => 'W',
            };
            assert!(c.as_str().starts_with(letter), "{c}");
            assert_eq!(c.as_str().parse(), Ok(*c));
        }
        assert!(Code::ALL.windows(2).all(|w| w[0].as_str() < w[1].as_str()));
    }
}
