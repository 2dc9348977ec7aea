//! `resurs` keeps a resource map (resurskarta) as a folder of TOML files: who does what for
//! people in a vulnerable situation. The library loads, validates and renders; only [`run`]
//! prints, and `main` turns its result into an exit code.

// The rooms, in the order data flows through them (ARCHITECTURE.md draws it). A room uses only
// the rooms above it.

// Utilities every room may use.
pub mod date;
pub mod git;
pub mod text;
pub mod timing;

// 1. A file's text: decoding, the line index, spans.
pub mod source;
// 2. Problems as values, with their codes.
pub mod diagnostic;
// 3. The data format: the model and the schemas generated from it.
pub mod model;
// 4. Checks of one file on its own, run while it is read.
pub mod checks;
// 5. The vocabularies, areas and entries of one folder.
pub mod dataset;
// 6. The folder read into a dataset.
pub mod load;
// 7. What the commands compute from a dataset.
pub mod followup;
pub mod matching;
pub mod report;
pub mod search;
pub mod validate;
// 8. Results turned into text for each kind of output.
pub mod render;
// 9. The command line and the commands.
pub mod cli;
mod cmd;

pub use cmd::fmt::rewrite;

pub use cmd::{note, taplo_config};

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
    use cli::Command as C;
    let Cli {
        data: before,
        idag,
        command,
        ..
    } = cli;
    let before = before.as_deref();
    let today = |d: &cli::Idag| d.date(idag);
    // The data folder of a command that reads one; `validera` reports a missing `resurs.toml`
    // itself (E021), every other command needs it.
    let data = |d: &cli::Datamapp, settings: bool| -> anyhow::Result<std::path::PathBuf> {
        let folder = d.folder(before);
        cmd::data_folder(&folder, settings)?;
        Ok(folder)
    };
    match &command {
        C::Validera(a) => cmd::validera(&data(&a.datamapp, false)?, today(&a.dagens)?, a),
        C::Sok(a) => cmd::sok(&data(&a.datamapp, true)?, a),
        C::Visa(a) => cmd::visa(&data(&a.datamapp, true)?, a),
        C::Lista(a) => cmd::lista(&data(&a.datamapp, true)?, a.vad),
        C::Matcha(a) => cmd::matcha(&data(&a.datamapp, true)?, a),
        C::Uppfoljning(a) => cmd::uppfoljning(&data(&a.datamapp, true)?, today(&a.dagens)?, a),
        C::Rapport(a) => cmd::rapport(&data(&a.datamapp, true)?, today(&a.dagens)?, a),
        C::Ny(a) => cmd::ny(&data(&a.datamapp, true)?, today(&a.dagens)?, &a.vad),
        C::Init(a) => cmd::init(&cmd::InitOptions {
            dir: a.katalog.as_deref(),
            namn: &a.namn,
            lan: a.lan.as_deref(),
            kalla: a.kalla.as_deref(),
            bara_ci: a.bara_ci,
            today: today(&a.dagens)?,
        }),
        C::Fmt(a) => cmd::fmt(&data(&a.datamapp, true)?, a.check),
        C::Forklara(a) => cmd::forklara(&a.kod),
        C::Completions(a) => cmd::completions(a.skal),
        C::Man => cmd::man(),
        C::Schema(a) => cmd::schema(a),
        C::Hjalp(a) => {
            cmd::print_raw(&cli::help_for(&a.kommando)?)?;
            Ok(exit::OK)
        }
    }
}
