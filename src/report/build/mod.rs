//! The builders: a pure function from the dataset to a [`Report`], one file per section of
//! the report (the map's offerings, actors, needs, follow-up actions, review, the filter).
//! Entries from files with errors are left out, as in search; what the audience may not see
//! is left out here ([`Audience`]), before any renderer sees the report.

mod actions;
mod actors;
mod filter;
mod needs;
mod offerings;
mod review;

use crate::dataset::{Area, Areas, Dataset};

use super::Options;
use super::audience::Audience;
use super::model::{Report, Summary};
use super::phrase::{Phrase, Text};

/// What every section builder is given: the dataset and what the report is limited to.
struct Scope<'a> {
    ds: &'a Dataset,
    opts: &'a Options,
    audience: Audience,
    areas: Option<&'a Areas>,
}

impl Scope<'_> {
    /// Whether written areas reach the report's area (always, without one).
    fn reaches(&self, written: &[String]) -> bool {
        match (&self.opts.omrade, self.areas) {
            (Some(wanted), Some(areas)) => areas
                .resolve_all(written)
                .iter()
                .any(|o| Areas::reach(o, wanted).is_some()),
            _ => true,
        }
    }

    /// Whether categories are among the report's (always, without a category filter).
    fn wants(&self, kategorier: &[String]) -> bool {
        self.opts.behov.is_empty() || kategorier.iter().any(|k| self.opts.behov.contains(k))
    }

    fn resolve(&self, written: &[String]) -> Vec<Area> {
        self.areas
            .map(|a| a.resolve_all(written))
            .unwrap_or_default()
    }
}

/// Builds the report.
pub fn build(ds: &Dataset, opts: &Options) -> Report {
    ds.require_free_text("rapport");
    let scope = Scope {
        ds,
        opts,
        audience: opts.audience,
        areas: ds.vokabular.omraden.as_ref(),
    };
    let rows = offerings::rows(&scope);
    let karta = offerings::map(&scope, &rows);
    let aktorer = actors::sections(&scope, &rows);
    let (behov, coverage) = needs::sections(&scope);
    let atgarder = actions::open(&scope, &behov);
    let granska = review::due(&scope, &aktorer, &rows);
    let kommuner = filter::kommuner(&scope, &rows);
    let urval = filter::urval(&scope);
    let summary = Summary {
        aktorer: aktorer.len(),
        insatser: rows.len(),
        behov: behov.len(),
        ..coverage
    };
    let inst = ds.installningar.as_ref();
    Report {
        titel: inst.map_or(Text::Phrase(Phrase::DefaultTitle), |i| {
            Text::Data(i.namn.clone())
        }),
        beskrivning: inst.and_then(|i| i.beskrivning.clone()),
        datum: opts.today,
        commit: opts.commit.clone(),
        audience: opts.audience,
        urval,
        summary,
        karta,
        aktorer,
        behov,
        atgarder,
        granska,
        kommuner,
    }
}
