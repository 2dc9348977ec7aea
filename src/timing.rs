//! Stage timings for benchmarking: with `RESURS_TIDER=1` in the environment, each stage of a
//! run says on stderr how long it took. Off by default; prints nothing then.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("RESURS_TIDER").is_some_and(|v| !v.is_empty()))
}

/// Runs `f`, and when timings are on, prints `tid: <name> <ms> ms` on stderr.
pub fn stage<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let out = f();
    eprintln!(
        "tid: {name} {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    out
}
