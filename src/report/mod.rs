//! The resource map as a report: a pure function from the dataset to a [`Report`], what to
//! show, already filtered and with privacy applied for its [`Audience`]. The renderers
//! (Markdown and HTML, in `crate::render::report`) only write a report out, so none can leak
//! what a public report leaves out.
//!
//! - [`model`]: the view model, what a report is made of;
//! - `build/`: the builders, one per section ([`build()`]);
//! - [`audience`]: who the report is for, and what that leaves out;
//! - [`phrase`] and [`sv`]: the words the report says of its own, as message ids, and the
//!   Swedish catalogue that puts them into words;
//! - [`sample`](mod@sample): a report with the same text everywhere, for fuzzing and tests.

pub mod audience;
mod build;
pub mod model;
pub mod phrase;
pub mod sample;
pub mod sv;

pub use audience::Audience;
pub use build::build;
pub use model::*;
pub use phrase::{Phrase, Text};
pub use sample::sample;

use crate::dataset::Area;
use crate::date::Datum;

/// What the report is made of and for whom.
#[derive(Debug, Clone)]
pub struct Options {
    /// Who the report is for: a public one leaves out every non-public contact, internal note
    /// and protected address.
    pub audience: Audience,
    /// Only what reaches this area.
    pub omrade: Option<Area>,
    /// Only these categories.
    pub behov: Vec<String>,
    pub today: Datum,
    /// The commit of the data folder, when it is in a git repository.
    pub commit: Option<String>,
}
