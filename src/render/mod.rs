//! Turning results into text: the diagnostic formats of `validera`.

pub mod coverage;
pub mod diagnostics;
pub mod escape;
pub mod hits;
pub mod report;
pub mod sanitize;
pub mod show;
pub mod table;
