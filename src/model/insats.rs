//! What an offering answers about itself, decided once: the languages it is given in (Swedish
//! unless it says otherwise) and the ages it is for, in Swedish words. Who it is for in words
//! needs the target groups' labels: [`Vokabular::for_vem`](crate::dataset::Vokabular::for_vem).

use std::sync::LazyLock;

use super::{Insats, Status};

/// The languages of an offering that names none.
static SWEDISH: LazyLock<[String; 1]> = LazyLock::new(|| ["sv".to_owned()]);

impl Insats {
    /// The languages it is given in: its own `sprak`, else Swedish.
    pub fn languages(&self) -> &[String] {
        self.sprak.as_deref().unwrap_or(&*SWEDISH)
    }

    /// Whether it is given now (`aktiv`); a planned or paused one is not.
    pub fn is_active(&self) -> bool {
        self.status == Status::Aktiv
    }

    /// Its ages in words: "0–20 år", "från 18 år", "upp till 12 år", or empty.
    pub fn age_range(&self) -> String {
        match (self.min_alder, self.max_alder) {
            (Some(lo), Some(hi)) => format!("{lo}–{hi} år"),
            (Some(lo), None) => format!("från {lo} år"),
            (None, Some(hi)) => format!("upp till {hi} år"),
            (None, None) => String::new(),
        }
    }
}
