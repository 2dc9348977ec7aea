//! clap's usage errors, told in Swedish: one line of cause, one line of way out.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

fn context(e: &Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

/// The Swedish text for a usage error.
pub fn swedish(e: &Error) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let suggested = context(e, ContextKind::SuggestedArg)
        .or_else(|| context(e, ContextKind::SuggestedSubcommand))
        .or_else(|| context(e, ContextKind::SuggestedValue));
    let valid =
        context(e, ContextKind::ValidValue).or_else(|| context(e, ContextKind::ValidSubcommand));
    let cause = match e.kind() {
        ErrorKind::UnknownArgument => format!("okänd flagga `{arg}`"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "okänt kommando `{}`",
                context(e, ContextKind::InvalidSubcommand).unwrap_or_default()
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("`{arg}` behöver ett värde"),
        ErrorKind::InvalidValue => format!("`{value}` är inget giltigt värde för `{arg}`"),
        ErrorKind::MissingRequiredArgument => format!("det här saknas: {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "ange ett kommando".to_owned()
        }
        ErrorKind::ValueValidation => {
            let detail = e.source().map(ToString::to_string).unwrap_or_default();
            format!("`{value}` för `{arg}`: {detail}")
        }
        ErrorKind::ArgumentConflict => format!(
            "`{arg}` kan inte kombineras med `{}`",
            context(e, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("för många värden för `{arg}`")
        }
        _ => e.kind().to_string(),
    };
    let mut out = format!("fel: {cause}\n");
    if let Some(s) = suggested {
        let _ = writeln!(out, "Menade du `{s}`?");
    } else if let Some(v) = valid {
        let _ = writeln!(out, "Möjliga värden: {v}");
    }
    out.push_str("Se `resurs --help`.\n");
    out
}

use std::error::Error as _;
use std::fmt::Write as _;
