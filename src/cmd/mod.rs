//! One function per command: parse nothing, print the result, return the exit code.

mod schema;
mod validera;

pub use schema::schema;
pub use validera::validera;

use std::io::Write;

/// Writes to stdout; a closed pipe (`resurs … | head`) is not an error.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
