//! The report ([`crate::report::Report`]) written out: as Markdown ([`markdown`]) and as one
//! self-contained HTML file ([`html`]), each by compile-time-checked askama templates in
//! `templates/report/`. Every value from the data is escaped by the template's escaper for
//! its context ([`escape`]: HTML, or Markdown through [`crate::render::escape::markdown`]);
//! Markdown written in the data goes through [`crate::render::sanitize`]. Words of the
//! report's own are [`crate::report::Phrase`]s, put into Swedish by the catalogue.

pub mod escape;
pub mod html;
pub mod markdown;

use std::borrow::Borrow;

use crate::matching::Tackning;
use crate::report::Phrase;
use crate::text::words::{and_list, count};

/// What a count counts, for [`Count`].
#[derive(Debug, Clone, Copy)]
pub enum Counted {
    Aktorer,
    Insatser,
    Behov,
    Tackta,
    OppnaAtgarder,
    Manader,
}

/// A number with the word for what it counts, in Swedish ("1 aktör", "3 aktörer").
pub struct Count(pub Counted, pub usize);

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (one, many) = match self.0 {
            Counted::Aktorer => ("aktör", "aktörer"),
            Counted::Insatser => ("insats", "insatser"),
            Counted::Behov => ("behov", "behov"),
            Counted::Tackta => ("täckt", "täckta"),
            Counted::OppnaAtgarder => ("öppen åtgärd", "öppna åtgärder"),
            Counted::Manader => ("månad", "månader"),
        };
        f.write_str(&count(self.1, one, many))
    }
}

/// What both formats' templates call to put numbers and lists into words (askama passes
/// a template's arguments by reference, or by value when they are plain values).
trait Words {
    /// A count with its noun.
    fn n(&self, what: impl Borrow<Counted>, n: impl Borrow<usize>) -> Count {
        Count(*what.borrow(), *n.borrow())
    }

    /// Months as a count (a negative number of months, a review date in the future, is none).
    fn months(&self, m: impl Borrow<i32>) -> Count {
        Count(Counted::Manader, usize::try_from(*m.borrow()).unwrap_or(0))
    }

    /// A need's coverage in words.
    fn tackning(&self, t: impl Borrow<Tackning>) -> Phrase {
        Phrase::Tackning(*t.borrow())
    }

    /// "a, b och c".
    fn and_list(&self, items: &[String]) -> String {
        and_list(items)
    }
}
