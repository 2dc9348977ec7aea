//! The `resurs` binary: parses the command line (with Swedish messages), runs the library's
//! [`resurs::run`] and turns its result into an exit code.

use clap::FromArgMatches as _;
use clap::error::ErrorKind;

// Loading a national folder makes a few million small allocations on every core; glibc's
// per-thread heaps grow them with an `mprotect` call at a time (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = resurs::cli::command();
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|m| resurs::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            e.exit()
        }
        Err(e) => {
            let message = resurs::cli::error::swedish(&e, &command, &args);
            resurs::note(&message);
            std::process::exit(resurs::exit::USAGE);
        }
    };
    let code = resurs::run(cli).unwrap_or_else(|e| {
        resurs::note(&format!("fel: {e:#}"));
        resurs::exit::USAGE
    });
    std::process::exit(code);
}
