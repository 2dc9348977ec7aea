//! `resurs` keeps a resource map (resurskarta) as a folder of TOML files: who does what for
//! people in a vulnerable situation. The library loads, validates and renders; only [`run`]
//! prints, and `main` turns its result into an exit code.

pub mod cli;
pub mod cli_error;
pub mod dataset;
pub mod date;
pub mod explain;
pub mod folder;
pub mod followup;
pub mod format;
pub mod index;
pub mod load;
pub mod loosen;
pub mod matching;
pub mod model;
pub mod problem;
pub mod query;
pub mod render;
pub mod report;
pub mod schema;
pub mod search;
pub mod structure;
pub mod template;
pub mod text;
pub mod timing;
pub mod validate;

mod cmd;

pub use cmd::taplo_config;

pub use cli::Cli;

/// Exit codes: 0 all well, 1 the data has errors, 2 usage errors or an unusable data folder.
pub mod exit {
    pub const OK: i32 = 0;
    pub const DATA_ERRORS: i32 = 1;
    pub const USAGE: i32 = 2;
}

/// Runs one command and returns its exit code. Errors are usage errors or an unusable data
/// folder (exit code 2); problems in the data are reported, not returned as errors.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    let today = match cli.idag {
        Some(d) => d,
        None => date::Datum::today()?,
    };
    match cli.command {
        cli::Command::Validera(args) => cmd::validera(&cli.data, today, &args),
        cli::Command::Sok(args) => cmd::sok(&cli.data, &args),
        cli::Command::Visa(args) => cmd::visa(&cli.data, &args),
        cli::Command::Lista(args) => cmd::lista(&cli.data, args.vad),
        cli::Command::Matcha(args) => cmd::matcha(&cli.data, &args),
        cli::Command::Uppfoljning(args) => cmd::uppfoljning(&cli.data, today, &args),
        cli::Command::Rapport(args) => cmd::rapport(&cli.data, today, &args),
        cli::Command::Ny(args) => cmd::ny(&cli.data, today, &args.vad),
        cli::Command::Init(args) => {
            cmd::init(&args.katalog, &args.namn, args.lan.as_deref(), today)
        }
        cli::Command::Fmt(args) => cmd::fmt(&cli.data, args.check),
        cli::Command::Forklara(args) => cmd::forklara(&args.kod),
        cli::Command::Completions(args) => cmd::completions(args.skal),
        cli::Command::Man => cmd::man(),
        cli::Command::Schema(args) => cmd::schema(&args),
    }
}
