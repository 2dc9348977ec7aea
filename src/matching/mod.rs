//! Needs × offerings: for each identified need, the offerings whose categories meet it, each
//! graded on target group, area, language and status, with every shortfall named in Swedish.
//! Area semantics and vocabulary labels come from the dataset, as for search.
//!
//! The rooms: [`offers`] prepares the offerings once (bit sets and area numbers),
//! [`grading`] grades needs against them, and [`criteria`] names the criteria and says each
//! failed one in Swedish.

pub mod criteria;
pub mod grading;
pub mod offers;

pub use criteria::{Criterion, Failed, missing_reason, need_shortfalls, shortfalls};
pub use grading::{coverage, coverage_with, grade, match_needs};
pub use offers::Offers;

use crate::dataset::Entry;
use crate::model::{Behov, Insats};

/// How well a need is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tackning {
    /// No offering meets any of its categories.
    Saknas,
    /// Offerings exist, but none fits on every criterion.
    Delvis,
    /// At least one offering fits on every criterion.
    Tackt,
}

impl Tackning {
    pub fn as_str(self) -> &'static str {
        match self {
            Tackning::Tackt => "tackt",
            Tackning::Delvis => "delvis",
            Tackning::Saknas => "saknas",
        }
    }

    /// For people: "täckt", "delvis", "saknas".
    pub fn label(self) -> &'static str {
        match self {
            Tackning::Tackt => "täckt",
            Tackning::Delvis => "delvis",
            Tackning::Saknas => "saknas",
        }
    }
}

/// An offering that meets one of a need's categories, and what keeps it from meeting the need.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub id: &'a str,
    pub insats: &'a Entry<Insats>,
    /// Empty for a full match.
    pub brister: Vec<String>,
}

impl Candidate<'_> {
    pub fn full(&self) -> bool {
        self.brister.is_empty()
    }
}

/// A need with its grade and its closest candidates.
#[derive(Debug, Clone)]
pub struct Coverage<'a> {
    pub behov: &'a Entry<Behov>,
    pub tackning: Tackning,
    /// Full matches first, then partial ones by fewest shortfalls; at most [`SHOWN`] of each.
    pub kandidater: Vec<Candidate<'a>>,
    /// How many offerings meet one of the need's categories at all.
    pub antal_kandidater: usize,
    /// The need's categories that no candidate offers at all.
    pub saknade: Vec<String>,
    /// The need's categories that candidates offer, but none fully.
    pub ofullstandiga: Vec<String>,
}

/// How many full, and how many partial, candidates a need lists (a national folder can have
/// thousands; the grade takes all of them into account).
pub const SHOWN: usize = 10;

impl Coverage<'_> {
    /// The candidate to name first: a partial one for a category that lacks a full match,
    /// else the best full match.
    pub fn closest(&self) -> Option<&Candidate<'_>> {
        self.kandidater
            .iter()
            .find(|c| {
                !c.full()
                    && c.insats
                        .data
                        .behov
                        .iter()
                        .any(|k| self.ofullstandiga.contains(k))
            })
            .or_else(|| self.kandidater.first())
    }
}
