//! The command line: one `Command` enum; the doc comments are the Swedish help texts.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use crate::date::Datum;

/// Resurskarta: vem gör vad för människor i en utsatt situation.
///
/// Håller en resurskarta som en mapp med TOML-filer: aktörer, deras insatser och de behov
/// som identifierats. `resurs validera` kontrollerar mappen.
#[derive(Debug, Parser)]
#[command(
    name = "resurs",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    help_template = "{about-with-newline}\n{usage-heading} {usage}\n\n{all-args}{after-help}",
    subcommand_help_heading = "Kommandon",
    subcommand_value_name = "KOMMANDO",
    next_help_heading = "Flaggor"
)]
pub struct Cli {
    /// Datamappen (annars miljövariabeln RESURS_DATA, annars ./data)
    #[arg(
        long,
        global = true,
        env = "RESURS_DATA",
        default_value = "data",
        value_name = "MAPP"
    )]
    pub data: PathBuf,

    /// Räkna med detta datum som dagens (ÅÅÅÅ-MM-DD), t.ex. för att återskapa en körning
    #[arg(long, global = true, value_name = "DATUM", value_parser = parse_datum)]
    pub idag: Option<Datum>,

    /// Visa hjälp
    #[arg(short = 'h', long = "help", global = true, action = ArgAction::Help)]
    help: Option<bool>,

    /// Visa version
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Kontrollera datamappen: alla fel och varningar med fil, rad och förslag
    Validera(ValideraArgs),
    /// Skriv JSON Schemas för datafilerna (för editorer och andra verktyg)
    Schema(SchemaArgs),
}

#[derive(Debug, Args)]
pub struct ValideraArgs {
    /// Utdataformat
    #[arg(long, value_enum, default_value_t = DiagFormat::Text, value_name = "FORMAT")]
    pub format: DiagFormat,
    /// Låt även varningar ge felkod 1
    #[arg(long)]
    pub strikt: bool,
}

/// The output formats of `validera`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    /// Utdrag ur filen med markering, som rustc
    Text,
    /// En rad per problem: fil:rad:kolumn: fel[KOD]: meddelande
    Kort,
    /// En JSON-lista med kod, niva, fil, rad, kolumn, meddelande, forslag
    Json,
    /// GitHub Actions-annoteringar
    Github,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Bara detta schema: resurs, aktor, insats, behov, vokabular-behov, vokabular-malgrupper,
    /// vokabular-aktorstyper, vokabular-omraden eller vokabular-sprak
    #[arg(value_name = "NAMN")]
    pub namn: Option<String>,
    /// Skriv alla scheman som filer i den här mappen i stället för till standard ut
    #[arg(long, value_name = "MAPP")]
    pub ut: Option<PathBuf>,
    /// Skriv över befintliga filer i mappen
    #[arg(long)]
    pub skriv_over: bool,
}

fn parse_datum(s: &str) -> Result<Datum, String> {
    Datum::parse(s).ok_or_else(|| format!("`{s}` är inget datum; skriv ÅÅÅÅ-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_app() {
        Cli::command().debug_assert();
    }
}
