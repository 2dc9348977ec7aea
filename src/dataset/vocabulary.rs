//! The vocabularies of a folder (needs, target groups, actor types, languages, areas),
//! prepared for look-ups, and the Swedish labels they give the ids written in the data.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::area::Areas;
use crate::model::{
    AktorstypVokabular, BehovVokabular, Insats, MalgruppVokabular, OmradeVokabular, SprakVokabular,
};
use crate::text::{Lexicon, Term};

/// The five vocabularies, prepared for look-ups. A vocabulary that could not be loaded is
/// `None`, and values against it are not checked (its own file's problems say why).
#[derive(Debug, Clone, Default)]
pub struct Vokabular {
    pub kategorier: Option<Lexicon>,
    pub grupper: Option<Lexicon>,
    /// Categories and groups together: what a user may type for a need.
    pub behov_och_grupper: Option<Lexicon>,
    pub behov_raw: BehovVokabular,
    pub malgrupper: Option<Lexicon>,
    /// The groups of target groups (`migranter`), and their members by group id.
    pub malgrupp_grupper: Option<Lexicon>,
    /// In file order, as `(group id, member ids)`.
    pub malgrupp_medlemmar: Vec<(String, Vec<String>)>,
    /// Target groups and their groups together: what a user may type to search.
    pub malgrupper_och_grupper: Option<Lexicon>,
    pub aktorstyper: Option<Lexicon>,
    pub sprak: Option<Lexicon>,
    pub omraden: Option<Areas>,
    /// The files the vocabularies came from.
    pub files: BTreeMap<&'static str, PathBuf>,
}

impl Vokabular {
    pub fn build(
        behov: Option<(BehovVokabular, PathBuf)>,
        malgrupper: Option<(MalgruppVokabular, PathBuf)>,
        aktorstyper: Option<(AktorstypVokabular, PathBuf)>,
        omraden: Option<(OmradeVokabular, PathBuf)>,
        sprak: Option<(SprakVokabular, PathBuf)>,
    ) -> Self {
        let mut v = Vokabular::default();
        if let Some((b, file)) = behov {
            v.kategorier = Some(Lexicon::new(
                b.kategori
                    .iter()
                    .map(|k| Term {
                        id: k.id.clone(),
                        namn: k.namn.clone(),
                        synonymer: k.synonymer.clone(),
                    })
                    .collect(),
            ));
            v.grupper = Some(Lexicon::new(
                b.grupp
                    .iter()
                    .map(|g| Term {
                        id: g.id.clone(),
                        namn: g.namn.clone(),
                        synonymer: Vec::new(),
                    })
                    .collect(),
            ));
            v.behov_och_grupper = Some(Lexicon::new(
                b.kategori
                    .iter()
                    .map(|k| Term {
                        id: k.id.clone(),
                        namn: k.namn.clone(),
                        synonymer: k.synonymer.clone(),
                    })
                    .chain(b.grupp.iter().map(|g| Term {
                        id: g.id.clone(),
                        namn: g.namn.clone(),
                        synonymer: Vec::new(),
                    }))
                    .collect(),
            ));
            v.behov_raw = b;
            v.files.insert("behov", file);
        }
        if let Some((m, file)) = malgrupper {
            let members: Vec<Term> = m
                .malgrupp
                .into_iter()
                .map(|o| Term {
                    id: o.id,
                    namn: o.namn,
                    synonymer: o.synonymer,
                })
                .collect();
            let groups: Vec<Term> = m
                .grupp
                .iter()
                .map(|g| Term {
                    id: g.id.clone(),
                    namn: g.namn.clone(),
                    synonymer: g.synonymer.clone(),
                })
                .collect();
            v.malgrupper_och_grupper = Some(Lexicon::new(
                members.iter().chain(&groups).cloned().collect(),
            ));
            v.malgrupper = Some(Lexicon::new(members));
            v.malgrupp_grupper = Some(Lexicon::new(groups));
            v.malgrupp_medlemmar = m.grupp.into_iter().map(|g| (g.id, g.malgrupper)).collect();
            v.files.insert("malgrupper", file);
        }
        if let Some((t, file)) = aktorstyper {
            v.aktorstyper = Some(Lexicon::new(
                t.typ
                    .into_iter()
                    .map(|o| Term {
                        id: o.id,
                        namn: o.namn,
                        synonymer: o.synonymer,
                    })
                    .collect(),
            ));
            v.files.insert("aktorstyper", file);
        }
        if let Some((s, file)) = sprak {
            v.sprak = Some(Lexicon::new(
                s.sprak
                    .into_iter()
                    .map(|o| Term {
                        id: o.kod,
                        namn: o.namn,
                        synonymer: o.synonymer,
                    })
                    .collect(),
            ));
            v.files.insert("sprak", file);
        }
        if let Some((o, file)) = omraden {
            v.omraden = Some(Areas::new(&o));
            v.files.insert("omraden", file);
        }
        v
    }

    /// The label of a category, or the id when it is unknown.
    pub fn kategori_namn<'a>(&'a self, id: &'a str) -> &'a str {
        self.kategorier
            .as_ref()
            .and_then(|l| l.get(id))
            .map_or(id, |t| t.namn.as_str())
    }

    /// The label of a target group, or the id.
    pub fn malgrupp_namn<'a>(&'a self, id: &'a str) -> &'a str {
        self.malgrupper
            .as_ref()
            .and_then(|l| l.get(id))
            .map_or(id, |t| t.namn.as_str())
    }

    /// The labels of target groups in running text: lower case ("föräldrar").
    pub fn malgrupp_ord(&self, ids: &[String]) -> Vec<String> {
        ids.iter()
            .map(|m| self.malgrupp_namn(m).to_lowercase())
            .collect()
    }

    /// Who an offering is for, in words: its target groups and its ages, "föräldrar, unga
    /// 0–20 år".
    pub fn for_vem(&self, x: &Insats) -> String {
        let mut out = self.malgrupp_ord(&x.malgrupper).join(", ");
        let ages = x.age_range();
        if !ages.is_empty() {
            out.push(' ');
            out.push_str(&ages);
        }
        out
    }

    /// The label of an actor type, or the id.
    pub fn aktorstyp_namn<'a>(&'a self, id: &'a str) -> &'a str {
        self.aktorstyper
            .as_ref()
            .and_then(|l| l.get(id))
            .map_or(id, |t| t.namn.as_str())
    }

    /// The Swedish name of a language, or the code.
    pub fn sprak_namn<'a>(&'a self, kod: &'a str) -> &'a str {
        self.sprak
            .as_ref()
            .and_then(|l| l.get(kod))
            .map_or(kod, |t| t.namn.as_str())
    }

    /// Every category id, in vocabulary order.
    pub fn kategori_ids(&self) -> Vec<String> {
        self.behov_raw
            .kategori
            .iter()
            .map(|k| k.id.clone())
            .collect()
    }

    /// The target groups of a group of them (none for a target group or an unknown id).
    pub fn malgrupper_i_grupp(&self, grupp: &str) -> Vec<&str> {
        self.malgrupp_medlemmar
            .iter()
            .find(|(g, _)| g == grupp)
            .map(|(_, m)| m.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The categories of a group, in vocabulary order.
    pub fn kategorier_i_grupp(&self, grupp: &str) -> Vec<&str> {
        self.behov_raw
            .kategori
            .iter()
            .filter(|k| k.grupp == grupp)
            .map(|k| k.id.as_str())
            .collect()
    }
}
