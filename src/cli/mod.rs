//! The command line: one `Command` enum; the doc comments are the Swedish help texts. clap's
//! own words (usage, headings, possible, default and environment values) are replaced by
//! Swedish in [`command`], which is what `resurs` parses with and makes help, completions and
//! the man page from.

pub mod error;
pub mod resolve;
mod swedish;
mod values;

pub use swedish::{command, help_for};
pub use values::{ALLA, is_list};
use values::{ett_i_taget, parse_datum, status_or_alla};

use std::path::{Path, PathBuf};

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use crate::date::Datum;
use crate::model::{Kanal, Status};

/// The help of `--data`, before and after the command.
const DATA_HELP: &str = "Datamappen; annars miljövariabeln RESURS_DATA, annars ./data (eller den \
     aktuella mappen om den har en resurs.toml)";

/// The help of `--idag`, before and after the command.
const IDAG_HELP: &str =
    "Räkna med detta datum som dagens (ÅÅÅÅ-MM-DD), t.ex. för att återskapa en körning";

/// Resurskarta: vem gör vad för människor i en utsatt situation.
///
/// Håller en resurskarta som en mapp med TOML-filer: aktörer, deras insatser och de behov
/// som identifierats. Kontrollera mappen med `resurs validera`, sök med `resurs sok` och se
/// vilka behov som är täckta med `resurs matcha`. Hjälp för ett kommando: `resurs hjalp sok`
/// eller `resurs sok --help`.
#[derive(Debug, Parser)]
#[command(
    name = "resurs",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Kommandon",
    subcommand_value_name = "KOMMANDO"
)]
pub struct Cli {
    // `--data` and `--idag` are also accepted before the command (as in CI scripts and the
    // tests); they are not global, so commands that read no data folder do not show them.
    #[arg(long, value_name = "MAPP", help = DATA_HELP)]
    pub data: Option<PathBuf>,

    #[arg(long, value_name = "DATUM", value_parser = parse_datum, help = IDAG_HELP)]
    pub idag: Option<Datum>,

    /// Visa hjälp
    #[arg(short = 'h', long = "help", global = true, action = ArgAction::Help, display_order = 1000)]
    help: Option<bool>,

    /// Visa version
    #[arg(short = 'V', long = "version", action = ArgAction::Version, display_order = 1001)]
    version: Option<bool>,

    #[command(subcommand)]
    pub command: Command,
}

/// `--data` after the command, for the commands that read a data folder. Global so that it
/// can also follow `ny aktor`, `ny insats` and `ny behov`; its own id keeps it apart from the
/// `--data` before the command.
#[derive(Debug, Args)]
pub struct Datamapp {
    #[arg(id = "datamapp", long = "data", global = true, value_name = "MAPP", help = DATA_HELP)]
    data: Option<PathBuf>,
}

/// `--idag` after the command, for the commands that use today's date.
#[derive(Debug, Args)]
pub struct Idag {
    #[arg(id = "dagens_datum", long = "idag", global = true, value_name = "DATUM",
          value_parser = parse_datum, help = IDAG_HELP)]
    idag: Option<Datum>,
}

impl Datamapp {
    /// The data folder: `--data` after the command, else before it (`before`), else
    /// RESURS_DATA, else `./data`, or the current folder when it has a `resurs.toml`.
    pub fn folder(&self, before: Option<&Path>) -> PathBuf {
        if let Some(p) = self.data.as_deref().or(before) {
            return p.to_owned();
        }
        if let Some(p) = std::env::var_os("RESURS_DATA").filter(|p| !p.is_empty()) {
            return p.into();
        }
        if Path::new("resurs.toml").is_file() {
            PathBuf::from(".")
        } else {
            PathBuf::from("data")
        }
    }
}

impl Idag {
    /// Today: `--idag` after the command, else before it (`before`), else the calendar.
    pub fn date(&self, before: Option<Datum>) -> anyhow::Result<Datum> {
        match self.idag.or(before) {
            Some(d) => Ok(d),
            None => Datum::today(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Kontrollera datamappen: alla fel och varningar med fil, rad och förslag
    Validera(ValideraArgs),
    /// Sök insatser: vem erbjuder vad, var, för vem och på vilket språk
    Sok(SokArgs),
    /// Visa en aktör (med dess insatser), en insats eller ett behov i sin helhet
    Visa(VisaArgs),
    /// Lista aktörer, insatser, behov eller ett vokabulärs värden
    Lista(ListaArgs),
    /// Matcha behov mot insatser: vad som är täckt, delvis täckt (och varför) och vad som saknas
    Matcha(MatchaArgs),
    /// Uppföljning: de åtgärder som utlovats, per ansvarig aktör, försenade markerade
    Uppfoljning(UppfoljningArgs),
    /// Rapport: resurskartan i Markdown eller som en fristående HTML-sida
    Rapport(RapportArgs),
    /// Ny datafil: en aktör, en insats eller ett behov, från en mall med alla fält
    #[command(subcommand_help_heading = "Vad", subcommand_value_name = "VAD")]
    Ny(NyArgs),
    /// Skapa en ny datamapp (ett datarepo) med vokabulärer, README, CI-arbetsflöde och scheman
    Init(InitArgs),
    /// Skriv om datafilerna i kanonisk form (nyckelordning, citattecken, listor); kommentarer behålls
    Fmt(FmtArgs),
    /// Förklara en problemkod med ett exempel och hur man rättar det
    Forklara(ForklaraArgs),
    /// Skriv skalkomplettering för bash, zsh eller fish
    Completions(CompletionsArgs),
    /// Skriv en man-sida (roff) till standard ut
    Man,
    /// Skriv JSON Schemas för datafilerna (för editorer och andra verktyg)
    Schema(SchemaArgs),
    /// Visa hjälp för resurs eller för ett kommando, t.ex. `resurs hjalp sok`
    #[command(alias = "help", alias = "hjälp")]
    Hjalp(HjalpArgs),
}

#[derive(Debug, Args)]
pub struct HjalpArgs {
    /// Kommandot, t.ex. sok eller ny aktor
    #[arg(value_name = "KOMMANDO")]
    pub kommando: Vec<String>,
}

#[derive(Debug, Args)]
pub struct SokArgs {
    /// Fritext: söks i insatsens namn och beskrivning, aktörens namn och behovens namn och synonymer
    #[arg(value_name = "FRITEXT")]
    pub fritext: Vec<String>,
    /// Behov: id, namn eller synonym (t.ex. samtalsstod, Samtalsstöd, stödsamtal), eller en grupp
    #[arg(long, value_name = "BEHOV", value_parser = ett_i_taget)]
    pub behov: Vec<String>,
    /// Målgrupp (t.ex. foraldrar, volontärer) eller en grupp av målgrupper (t.ex. migranter);
    /// insatser för alla räknas in
    #[arg(long, value_name = "MÅLGRUPP", value_parser = ett_i_taget)]
    pub malgrupp: Vec<String>,
    /// Kommun (namn eller kod); insatser i kommunens län och i hela riket räknas in
    #[arg(long, value_name = "KOMMUN", conflicts_with = "omrade")]
    pub kommun: Option<String>,
    /// Område: kommun, län (namn eller kod) eller riket
    #[arg(long, value_name = "OMRÅDE")]
    pub omrade: Option<String>,
    /// Språk (namn eller kod, t.ex. ukrainska eller uk); insatser med tolk visas efter
    #[arg(long, value_name = "SPRÅK", value_parser = ett_i_taget)]
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
    #[arg(long, value_name = "KANAL", value_enum)]
    pub kanal: Vec<Kanal>,
    /// Aktör (id eller namn)
    #[arg(long, value_name = "AKTÖR")]
    pub aktor: Vec<String>,
    /// Status (standard: aktiv och planerad)
    #[arg(long, value_name = "STATUS", value_parser = status_or_alla())]
    pub status: Vec<String>,
    /// Utdataformat
    #[arg(long, value_enum, default_value_t = SokFormat::Tabell, value_name = "FORMAT")]
    pub format: SokFormat,
    #[command(flatten)]
    pub datamapp: Datamapp,
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
    #[arg(value_name = "BEHOV-ID")]
    pub behov: Vec<String>,
    /// Visa bara luckor: behov som är delvis täckta eller saknar insatser
    #[arg(long)]
    pub luckor: bool,
    /// Utdataformat
    #[arg(long, value_enum, default_value_t = ListFormat::Tabell, value_name = "FORMAT")]
    pub format: ListFormat,
    #[command(flatten)]
    pub datamapp: Datamapp,
}

#[derive(Debug, Args)]
pub struct UppfoljningArgs {
    /// Bara åtgärder som denna aktör ansvarar för (id eller namn)
    #[arg(long, value_name = "AKTÖR")]
    pub aktor: Option<String>,
    /// Utdataformat
    #[arg(long, value_enum, default_value_t = ListFormat::Tabell, value_name = "FORMAT")]
    pub format: ListFormat,
    #[command(flatten)]
    pub datamapp: Datamapp,
    #[command(flatten)]
    pub dagens: Idag,
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
    /// Format; annars efter filändelsen i -o (.html och .htm ger html, .md ger md), annars md
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<RapportFormat>,
    /// Skriv till filen i stället för till standard ut (`-` är standard ut). Bara en vanlig
    /// fil skrivs: en länk, en enhet eller en pipe ersätts aldrig
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
    #[arg(long, value_name = "BEHOV", value_parser = ett_i_taget)]
    pub behov: Vec<String>,
    #[command(flatten)]
    pub datamapp: Datamapp,
    #[command(flatten)]
    pub dagens: Idag,
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
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub datamapp: Datamapp,
}

#[derive(Debug, Args)]
pub struct ListaArgs {
    /// Vad som ska listas
    #[arg(value_enum, value_name = "VAD")]
    pub vad: ListaVad,
    #[command(flatten)]
    pub datamapp: Datamapp,
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
    #[command(flatten)]
    pub datamapp: Datamapp,
    #[command(flatten)]
    pub dagens: Idag,
}

#[derive(Debug, Args)]
pub struct NyArgs {
    #[command(subcommand)]
    pub vad: NyVad,
    #[command(flatten)]
    pub datamapp: Datamapp,
    #[command(flatten)]
    pub dagens: Idag,
}

#[derive(Debug, Subcommand)]
pub enum NyVad {
    /// En ny aktör: aktorer/ID/aktor.toml
    Aktor {
        /// Aktörens id: små bokstäver a–z, siffror och bindestreck (t.ex. rodakorset-vaxjo)
        #[arg(value_name = "ID")]
        id: String,
        /// Aktörens namn
        #[arg(long, value_name = "NAMN")]
        namn: String,
        /// Aktörstyp (t.ex. kommun, ideell-forening); se `resurs lista aktorstyper`
        #[arg(long, value_name = "TYP")]
        typ: String,
        /// Område där aktören verkar (kommun, län eller riket); kan upprepas
        #[arg(long, value_name = "OMRÅDE", value_parser = ett_i_taget)]
        omrade: Vec<String>,
    },
    /// En ny insats: aktorer/AKTÖR/insatser/ID.toml
    Insats {
        /// AKTÖR/ID, t.ex. rodakorset-vaxjo/traffpunkt
        #[arg(value_name = "AKTÖR/ID")]
        id: String,
        /// Insatsens namn
        #[arg(long, value_name = "NAMN")]
        namn: String,
        /// Behov som insatsen svarar mot; kan upprepas
        #[arg(long, value_name = "BEHOV", value_parser = ett_i_taget)]
        behov: Vec<String>,
        /// Målgrupp; kan upprepas
        #[arg(long, value_name = "MÅLGRUPP", value_parser = ett_i_taget)]
        malgrupp: Vec<String>,
        /// Status
        #[arg(long, value_name = "STATUS", value_enum, default_value_t = Status::Aktiv)]
        status: Status,
    },
    /// Ett nytt behov: behov/ID.toml
    Behov {
        /// Behovets id, t.ex. samtalsstod-ukrainska
        #[arg(value_name = "ID")]
        id: String,
        /// Kort rubrik
        #[arg(long, value_name = "TITEL")]
        titel: String,
        /// Behovskategori; kan upprepas
        #[arg(long, value_name = "BEHOV", value_parser = ett_i_taget)]
        kategori: Vec<String>,
        /// Målgrupp; kan upprepas
        #[arg(long, value_name = "MÅLGRUPP", value_parser = ett_i_taget)]
        malgrupp: Vec<String>,
        /// Område; kan upprepas
        #[arg(long, value_name = "OMRÅDE", value_parser = ett_i_taget)]
        omrade: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Mappen som ska skapas (den får inte finnas med innehåll); med --bara-ci en befintlig
    /// datamapp (standard: den här mappen)
    #[arg(value_name = "KATALOG", required_unless_present = "bara_ci")]
    pub katalog: Option<PathBuf>,
    /// Resurskartans namn
    #[arg(
        long,
        value_name = "NAMN",
        default_value = "Resurskarta",
        conflicts_with = "bara_ci"
    )]
    pub namn: String,
    /// Hemlänets kod eller namn, t.ex. 07 eller "Kronobergs län"
    #[arg(long, value_name = "LÄN", conflicts_with = "bara_ci")]
    pub lan: Option<String>,
    #[arg(long, value_name = "URL", help = concat!(
        "Adressen till resurs på GitHub, som arbetsflödet och README:n hänvisar till (standard: ",
        env!("CARGO_PKG_REPOSITORY"),
        ")"
    ))]
    pub kalla: Option<String>,
    /// Skriv bara om arbetsflödet (.github/workflows/validera.yml och .github/zizmor.yml) i en
    /// befintlig datamapp, för den här versionen av resurs
    #[arg(long)]
    pub bara_ci: bool,
    #[command(flatten)]
    pub dagens: Idag,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Ändra inget; slutkod 1 och filernas namn om någon skulle ändras
    #[arg(long)]
    pub check: bool,
    #[command(flatten)]
    pub datamapp: Datamapp,
}

#[derive(Debug, Args)]
pub struct ForklaraArgs {
    /// Problemkoden, t.ex. E004
    #[arg(value_name = "KOD")]
    pub kod: String,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Skalet
    #[arg(value_enum, value_name = "SKAL")]
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
    #[arg(value_name = "NAMN")]
    pub namn: Option<String>,
    /// Skriv alla scheman som filer i den här mappen i stället för till standard ut
    #[arg(long, value_name = "MAPP")]
    pub ut: Option<PathBuf>,
    /// Skriv över befintliga filer i mappen
    #[arg(long)]
    pub skriv_over: bool,
}
