//! The open follow-up actions of the needs in the report.

use std::collections::BTreeSet;

use super::Scope;
use crate::followup::followups;
use crate::model::AtgardStatus;
use crate::report::model::{Action, NeedSection};
use crate::report::phrase::Phrase;

pub(super) fn open(s: &Scope<'_>, behov: &[NeedSection]) -> Vec<Action> {
    let shown: BTreeSet<&str> = behov.iter().map(|b| b.id.as_str()).collect();
    followups(s.ds, s.opts.today, None)
        .into_iter()
        .filter(|f| f.atgard.status != AtgardStatus::Klar && shown.contains(f.behov.id.as_str()))
        .map(|f| Action {
            ansvarig: f.ansvarig_label(),
            beskrivning: f.atgard.beskrivning.clone(),
            status: Phrase::AtgardStatus(f.atgard.status),
            senast: f.atgard.senast,
            forsenad: f.forsenad,
            behov_id: f.behov.id.clone(),
            behov_titel: f.behov.data.titel.clone(),
            intern: s.audience.note(f.atgard.intern_anteckning.as_ref()),
        })
        .collect()
}
