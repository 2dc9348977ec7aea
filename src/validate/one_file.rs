//! `validera` on one file's bytes, without a data folder: for the fuzzer (`fuzz/fuzz_targets/
//! validera_fil.rs`) and the tests that try hostile files. It lives here, above the load,
//! because it runs the load's checks and then the rules.

use std::path::Path;

use crate::dataset::Dataset;
use crate::date::Datum;
use crate::diagnostic::Problem;
use crate::model::schema::Kind;

/// Checks one file's bytes as a file of `kind` at `rel` (relative to the data folder), against
/// the vocabularies and actors of `base`, as `validera` would: the file's problems, those of
/// its load and of the rules.
#[doc(hidden)]
pub fn check_one(
    base: &Dataset,
    kind: Kind,
    rel: &Path,
    bytes: &[u8],
    today: Datum,
) -> Vec<Problem> {
    let ds = crate::load::with_file(base, kind, rel, bytes);
    let text = String::from_utf8_lossy(bytes).into_owned();
    crate::validate::validate_with(&ds, &crate::validate::Options { today }, |p| {
        (p == rel).then(|| text.clone())
    })
    .into_iter()
    .filter(|p| p.file == rel)
    .collect()
}
