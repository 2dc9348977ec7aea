//! The parsers of flag values: a list where one value is wanted, a date, the statuses of
//! `sok --status`.

use clap::builder::PossibleValue;

use crate::date::Datum;
use crate::model::Status;

/// Whether a flag's value is a list (`a,b`, or `a,` as the shell leaves `--behov a, b`). A
/// comma followed by a space is part of a name, as in "Mötesplatser, fritid och idrott".
pub fn is_list(value: &str) -> bool {
    value
        .char_indices()
        .any(|(i, c)| c == ',' && !value[i + 1..].starts_with(' '))
}

/// One value of a repeatable flag: a list is refused, so that `--behov a,b` says to repeat
/// the flag (see [`crate::cli::error`]) instead of looking for a need called "a,b".
pub(super) fn ett_i_taget(s: &str) -> Result<String, &'static str> {
    if is_list(s) {
        Err("ett värde i taget")
    } else {
        Ok(s.to_owned())
    }
}

/// A date as `ÅÅÅÅ-MM-DD`.
pub(super) fn parse_datum(s: &str) -> Result<Datum, String> {
    Datum::parse(s).ok_or_else(|| format!("`{s}` är inget datum; skriv ÅÅÅÅ-MM-DD"))
}

/// The statuses of an offering, and `alla` for all of them (`sok --status`).
pub(super) fn status_or_alla() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        Status::ALL
            .iter()
            .map(|s| PossibleValue::new(s.as_str()))
            .chain([PossibleValue::new(ALLA)]),
    )
}

/// `--status alla`: every status.
pub const ALLA: &str = "alla";
