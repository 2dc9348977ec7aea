//! One function per command: parse nothing, print the result, return the exit code.

mod lista;
mod matcha;
mod schema;
mod sok;
mod validera;
mod visa;

pub use lista::lista;
pub use matcha::{matcha, uppfoljning};
pub use schema::schema;
pub use sok::sok;
pub use validera::validera;
pub use visa::visa;

/// Loads the data folder for a command that reads it; says on stderr how many files were
/// skipped because of errors.
pub fn load_for_reading(data: &std::path::Path) -> anyhow::Result<crate::dataset::Dataset> {
    let ds = crate::load::load(data)?;
    let n = ds.broken_files.len();
    if n > 0 {
        eprintln!(
            "{} hoppades över; kör `resurs validera`",
            crate::render::count(n, "fil", "filer")
        );
    }
    Ok(ds)
}

use std::io::Write;

/// Writes to stdout; a closed pipe (`resurs … | head`) is not an error.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
