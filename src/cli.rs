//! The command line: one `Command` enum; the doc comments are the Swedish help texts.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use crate::date::Datum;

/// The help layout, with Swedish headings.
const TEMPLATE: &str = "{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";

/// Resurskarta: vem gör vad för människor i en utsatt situation.
///
/// Håller en resurskarta som en mapp med TOML-filer: aktörer, deras insatser och de behov
/// som identifierats. Kontrollera mappen med `resurs validera`, sök med `resurs sok` och se
/// vilka behov som är täckta med `resurs matcha`.
#[derive(Debug, Parser)]
#[command(
    name = "resurs",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    help_template = TEMPLATE,
    override_usage = "resurs [FLAGGOR] <KOMMANDO>",
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
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Validera(ValideraArgs),
    /// Sök insatser: vem erbjuder vad, var, för vem och på vilket språk
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Sok(SokArgs),
    /// Visa en aktör (med dess insatser), en insats eller ett behov i sin helhet
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Visa(VisaArgs),
    /// Lista aktörer, insatser, behov eller ett vokabulärs värden
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Lista(ListaArgs),
    /// Matcha behov mot insatser: vad som är täckt, delvis täckt (och varför) och vad som saknas
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Matcha(MatchaArgs),
    /// Uppföljning: de åtgärder som utlovats, per ansvarig aktör, försenade markerade
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Uppfoljning(UppfoljningArgs),
    /// Rapport: resurskartan i Markdown eller som en fristående HTML-sida
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Rapport(RapportArgs),
    /// Ny datafil: en aktör, en insats eller ett behov, från en mall med alla fält
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor", subcommand_help_heading = "Vad", subcommand_value_name = "VAD")]
    Ny(NyArgs),
    /// Skapa en ny datamapp (ett datarepo) med vokabulärer, README, CI-arbetsflöde och scheman
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Init(InitArgs),
    /// Skriv om datafilerna i kanonisk form (nyckelordning, citattecken, listor); kommentarer behålls
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Fmt(FmtArgs),
    /// Förklara en problemkod med ett exempel och hur man rättar det
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Forklara(ForklaraArgs),
    /// Skriv skalkomplettering för bash, zsh eller fish
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Completions(CompletionsArgs),
    /// Skriv en man-sida (roff) till standard ut
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Man,
    /// Skriv JSON Schemas för datafilerna (för editorer och andra verktyg)
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Schema(SchemaArgs),
}

#[derive(Debug, Args)]
pub struct SokArgs {
    /// Fritext: söks i insatsens namn och beskrivning, aktörens namn och behovens namn och synonymer
    #[arg(value_name = "FRITEXT", help_heading = "Argument")]
    pub fritext: Vec<String>,
    /// Behov: id, namn eller synonym (t.ex. samtalsstod, Samtalsstöd, stödsamtal), eller en grupp
    #[arg(long, value_name = "BEHOV")]
    pub behov: Vec<String>,
    /// Målgrupp (t.ex. foraldrar, volontärer); insatser för alla räknas in
    #[arg(long, value_name = "MÅLGRUPP")]
    pub malgrupp: Vec<String>,
    /// Kommun (namn eller kod); insatser i kommunens län och i hela riket räknas in
    #[arg(long, value_name = "KOMMUN", conflicts_with = "omrade")]
    pub kommun: Option<String>,
    /// Område: kommun, län (namn eller kod) eller riket
    #[arg(long, value_name = "OMRÅDE")]
    pub omrade: Option<String>,
    /// Språk (namn eller kod, t.ex. ukrainska eller uk); insatser med tolk visas efter
    #[arg(long, value_name = "SPRÅK")]
    pub sprak: Vec<String>,
    /// Bara insatser där tolk kan ordnas
    #[arg(long)]
    pub tolk: bool,
    /// Bara kostnadsfria insatser
    #[arg(long)]
    pub kostnadsfri: bool,
    /// Sök utan sökindex: läs varje insatsfil (indexet ligger i RESURS_CACHE, annars
    /// ~/.cache/resurs, och används för mappar med över 2 000 filer)
    #[arg(long)]
    pub utan_index: bool,
    /// Kanal
    #[arg(long, value_name = "KANAL", value_parser = ["plats", "telefon", "digitalt", "uppsokande"])]
    pub kanal: Vec<String>,
    /// Aktör (id eller namn)
    #[arg(long, value_name = "AKTÖR")]
    pub aktor: Vec<String>,
    /// Status (standard: aktiv och planerad)
    #[arg(long, value_name = "STATUS", value_parser = ["aktiv", "planerad", "pausad", "avslutad", "alla"])]
    pub status: Vec<String>,
    /// Utdataformat
    #[arg(long, value_enum, default_value_t = SokFormat::Tabell, value_name = "FORMAT")]
    pub format: SokFormat,
}

/// The output formats of `sok`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SokFormat {
    /// En tabell som passar terminalen
    Tabell,
    /// En JSON-lista
    Json,
    /// CSV för Excel (semikolon, UTF-8 med BOM)
    Csv,
    /// En Markdown-tabell
    Md,
}

#[derive(Debug, Args)]
pub struct MatchaArgs {
    /// Bara dessa behov (id); annars alla aktuella
    #[arg(value_name = "BEHOV-ID", help_heading = "Argument")]
    pub behov: Vec<String>,
    /// Visa bara luckor: behov som är delvis täckta eller saknar insatser
    #[arg(long)]
    pub luckor: bool,
    /// Utdataformat
    #[arg(long, value_enum, default_value_t = ListFormat::Tabell, value_name = "FORMAT")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct UppfoljningArgs {
    /// Bara åtgärder som denna aktör ansvarar för (id eller namn)
    #[arg(long, value_name = "AKTÖR")]
    pub aktor: Option<String>,
    /// Utdataformat
    #[arg(long, value_enum, default_value_t = ListFormat::Tabell, value_name = "FORMAT")]
    pub format: ListFormat,
}

/// The output formats of `matcha` and `uppfoljning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// För terminalen
    Tabell,
    /// En JSON-lista
    Json,
    /// Markdown
    Md,
}

#[derive(Debug, Args)]
pub struct RapportArgs {
    /// Format
    #[arg(long, value_enum, default_value_t = RapportFormat::Md, value_name = "FORMAT")]
    pub format: RapportFormat,
    /// Skriv till filen i stället för till standard ut
    #[arg(short = 'o', long = "ut", value_name = "FIL")]
    pub ut: Option<PathBuf>,
    /// Skriv över filen om den redan finns
    #[arg(long)]
    pub skriv_over: bool,
    /// Publik version: utan interna kontakter, interna anteckningar och skyddade adresser
    #[arg(long)]
    pub publik: bool,
    /// Bara det som når kommunen (namn eller kod)
    #[arg(long, value_name = "KOMMUN")]
    pub kommun: Option<String>,
    /// Bara dessa behov (id, namn, synonym eller grupp)
    #[arg(long, value_name = "BEHOV")]
    pub behov: Vec<String>,
}

/// The formats of `rapport`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RapportFormat {
    /// Markdown
    Md,
    /// En fristående HTML-sida
    Html,
}

#[derive(Debug, Args)]
pub struct VisaArgs {
    /// Id: en aktör (rodakorset-vaxjo), en insats (rodakorset-vaxjo/traffpunkt) eller ett behov
    #[arg(value_name = "ID", help_heading = "Argument")]
    pub id: String,
}

#[derive(Debug, Args)]
pub struct ListaArgs {
    /// Vad som ska listas
    #[arg(value_enum, value_name = "VAD", help_heading = "Argument")]
    pub vad: ListaVad,
}

/// What `lista` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListaVad {
    /// Alla aktörer
    Aktorer,
    /// Alla insatser
    Insatser,
    /// Alla identifierade behov
    Behov,
    /// Behovskategorierna, gruppvis
    Kategorier,
    /// Målgrupperna
    Malgrupper,
    /// Län och kommuner
    Omraden,
    /// Språken
    Sprak,
    /// Aktörstyperna
    Aktorstyper,
}

#[derive(Debug, Args)]
pub struct ValideraArgs {
    /// Utdataformat
    #[arg(long, value_enum, default_value_t = DiagFormat::Text, value_name = "FORMAT")]
    pub format: DiagFormat,
    /// Låt även varningar ge felkod 1
    #[arg(long)]
    pub strikt: bool,
    /// Granskningsålder och stil kontrolleras bara i filer som ändrats sedan git-referensen
    /// (t.ex. origin/main); hänvisningar kontrolleras alltid i hela mappen
    #[arg(long, value_name = "REF")]
    pub andrade_sedan: Option<String>,
}

#[derive(Debug, Args)]
pub struct NyArgs {
    #[command(subcommand)]
    pub vad: NyVad,
}

#[derive(Debug, Subcommand)]
pub enum NyVad {
    /// En ny aktör: aktorer/ID/aktor.toml
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Aktor {
        /// Aktörens id: små bokstäver a–z, siffror och bindestreck (t.ex. rodakorset-vaxjo)
        #[arg(value_name = "ID", help_heading = "Argument")]
        id: String,
        /// Aktörens namn
        #[arg(long, value_name = "NAMN")]
        namn: String,
        /// Aktörstyp (t.ex. kommun, ideell-forening); se `resurs lista aktorstyper`
        #[arg(long, value_name = "TYP")]
        typ: String,
        /// Område där aktören verkar (kommun, län eller riket); kan upprepas
        #[arg(long, value_name = "OMRÅDE")]
        omrade: Vec<String>,
    },
    /// En ny insats: aktorer/AKTÖR/insatser/ID.toml
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Insats {
        /// AKTÖR/ID, t.ex. rodakorset-vaxjo/traffpunkt
        #[arg(value_name = "AKTÖR/ID", help_heading = "Argument")]
        id: String,
        /// Insatsens namn
        #[arg(long, value_name = "NAMN")]
        namn: String,
        /// Behov som insatsen svarar mot; kan upprepas
        #[arg(long, value_name = "BEHOV")]
        behov: Vec<String>,
        /// Målgrupp; kan upprepas
        #[arg(long, value_name = "MÅLGRUPP")]
        malgrupp: Vec<String>,
        /// Status
        #[arg(long, value_name = "STATUS", default_value = "aktiv", value_parser = ["aktiv", "planerad", "pausad", "avslutad"])]
        status: String,
    },
    /// Ett nytt behov: behov/ID.toml
    #[command(help_template = TEMPLATE, next_help_heading = "Flaggor")]
    Behov {
        /// Behovets id, t.ex. samtalsstod-ukrainska
        #[arg(value_name = "ID", help_heading = "Argument")]
        id: String,
        /// Kort rubrik
        #[arg(long, value_name = "TITEL")]
        titel: String,
        /// Behovskategori; kan upprepas
        #[arg(long, value_name = "BEHOV")]
        kategori: Vec<String>,
        /// Målgrupp; kan upprepas
        #[arg(long, value_name = "MÅLGRUPP")]
        malgrupp: Vec<String>,
        /// Område; kan upprepas
        #[arg(long, value_name = "OMRÅDE")]
        omrade: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Mappen som ska skapas (den får inte finnas med innehåll)
    #[arg(value_name = "KATALOG", help_heading = "Argument")]
    pub katalog: PathBuf,
    /// Resurskartans namn
    #[arg(long, value_name = "NAMN", default_value = "Resurskarta")]
    pub namn: String,
    /// Hemlänets kod eller namn, t.ex. 07 eller "Kronobergs län"
    #[arg(long, value_name = "LÄN")]
    pub lan: Option<String>,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Ändra inget; slutkod 1 och filernas namn om någon skulle ändras
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Args)]
pub struct ForklaraArgs {
    /// Problemkoden, t.ex. E004
    #[arg(value_name = "KOD", help_heading = "Argument")]
    pub kod: String,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Skalet
    #[arg(value_enum, value_name = "SKAL", help_heading = "Argument")]
    pub skal: clap_complete::Shell,
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
    #[arg(value_name = "NAMN", help_heading = "Argument")]
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
