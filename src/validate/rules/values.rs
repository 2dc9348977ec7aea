//! The rules for values that name something else: a vocabulary term, a group of terms, an area
//! or an actor; and the same value twice in a list. Each unknown value gets the closest ones as
//! suggestions, within the file's suggestion budget.

use std::path::Path;

use super::{BEHOV, Checker, MALGRUPP, Word};
use crate::dataset::{Area, AreaResolution};
use crate::diagnostic::{Code, Loc, Problem, Seg};
use crate::text::{Lexicon, Resolution};

impl Checker<'_> {
    /// A vocabulary value (`E004`): the id is fine; a label or synonym names the id to write;
    /// anything else gets the closest terms.
    pub(super) fn vocab(
        &mut self,
        lex: Option<&Lexicon>,
        value: &str,
        what: Word,
        file_stem: &str,
        f: &Path,
        path: impl FnOnce() -> Vec<Seg>,
    ) {
        let Some(lex) = lex else { return };
        // The closest terms are looked for only if this file may have more suggestions.
        match lex.resolve_suggesting(value, 0) {
            Resolution::Id(_) => {}
            Resolution::Alias(t) => self.out.push(
                Problem::new(
                    Code::E004,
                    f,
                    Loc::Value(path()),
                    format!(
                        "`{value}` är inget id; skriv {} id `{}`",
                        what.definite, t.id
                    ),
                )
                .label("skriv id:t, inte etiketten")
                .suggest_with_note(t.id.clone(), t.namn.clone()),
            ),
            Resolution::Unknown(close) => {
                let mut p = Problem::new(
                    Code::E004,
                    f,
                    Loc::Value(path()),
                    format!("{} `{value}`", what.unknown),
                )
                .help(format!(
                    "tillåtna värden finns i `vokabular/{file_stem}.toml`"
                ));
                // An ambiguous folded form names its terms without a search.
                let best = match close.first() {
                    Some(t) => Some(*t),
                    None if self.suggestions.allow(&mut p) => {
                        lex.closest(value, 1).first().copied()
                    }
                    None => None,
                };
                if let Some(best) = best {
                    p = p.suggest_with_note(best.id.clone(), best.namn.clone());
                }
                self.out.push(p);
            }
        }
    }

    /// A need category; a group id gets the group's categories as the way out.
    pub(super) fn category(&mut self, value: &str, f: &Path, path: impl FnOnce() -> Vec<Seg>) {
        let v = &self.ds.vokabular;
        let grupp = v.grupper.as_ref().and_then(|g| g.get(value));
        let path = match (grupp, &v.kategorier) {
            (Some(g), Some(kat)) if kat.get(value).is_none() => {
                let members = v.kategorier_i_grupp(&g.id);
                let words = ["behov, inte ett behov", "kategorier"];
                return self.group_instead(value, g, &members, words, f, path);
            }
            _ => path,
        };
        self.vocab(v.kategorier.as_ref(), value, BEHOV, "behov", f, path);
    }

    /// A target group; a group of them (`migranter`) gets its members as the way out.
    pub(super) fn target_group(&mut self, value: &str, f: &Path, path: impl FnOnce() -> Vec<Seg>) {
        let v = &self.ds.vokabular;
        let grupp = v.malgrupp_grupper.as_ref().and_then(|g| g.get(value));
        let path = match (grupp, &v.malgrupper) {
            (Some(g), Some(lex)) if lex.get(value).is_none() => {
                let members = v.malgrupper_i_grupp(&g.id);
                let words = ["målgrupper, inte en målgrupp", "målgrupper"];
                return self.group_instead(value, g, &members, words, f, path);
            }
            _ => path,
        };
        self.vocab(
            v.malgrupper.as_ref(),
            value,
            MALGRUPP,
            "malgrupper",
            f,
            path,
        );
    }

    /// A group written where data names what it groups (`E004`): its members are the way out.
    /// `words`: what it is a group of ("behov, inte ett behov") and what its members are.
    pub(super) fn group_instead(
        &mut self,
        value: &str,
        g: &crate::text::Term,
        members: &[&str],
        words: [&str; 2],
        f: &Path,
        path: impl FnOnce() -> Vec<Seg>,
    ) {
        let list = members
            .iter()
            .map(|m| format!("`{m}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let [of, them] = words;
        let mut p = Problem::new(
            Code::E004,
            f,
            Loc::Value(path()),
            format!("`{value}` är en grupp av {of}"),
        )
        .label(format!("välj en eller flera {them} i gruppen"))
        .help(format!("{them}na i {}: {list}", g.namn));
        if let Some(first) = members.first() {
            p = p.suggest(*first);
        }
        self.out.push(p);
    }

    /// The same value again in a list (`W011`): it says nothing more, and a list of thousands
    /// of copies only costs. One look-up per value.
    pub(super) fn repeated<'v>(
        &mut self,
        key: &str,
        values: impl Iterator<Item = &'v str>,
        f: &Path,
    ) {
        let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, v) in values.enumerate() {
            match first.entry(v) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(i);
                }
                std::collections::hash_map::Entry::Occupied(e) => self.out.push(
                    Problem::new(
                        Code::W011,
                        f,
                        Loc::Value(vec![Seg::Key(key.to_owned()), Seg::Index(i)]),
                        format!("`{v}` står redan i `{key}`"),
                    )
                    .label("en gång till")
                    .help(format!(
                        "ta bort värdet här; det står redan som värde nr {} i listan",
                        e.get() + 1
                    )),
                ),
            }
        }
    }

    /// An area (`E009`); `kommun_only` for a place's kommun.
    pub(super) fn area(
        &mut self,
        value: &str,
        f: &Path,
        path: impl FnOnce() -> Vec<Seg>,
        kommun_only: bool,
    ) {
        let Some(areas) = &self.ds.vokabular.omraden else {
            return;
        };
        if let Some(a) = areas.exact(value) {
            if !kommun_only || matches!(a, Area::Kommun(_)) {
                return;
            }
        }
        match areas.resolve_suggesting(value, false) {
            AreaResolution::Exact(Area::Kommun(_)) => {}
            AreaResolution::Exact(_) if !kommun_only => {}
            AreaResolution::Exact(_) => self.out.push(
                Problem::new(
                    Code::E009,
                    f,
                    Loc::Value(path()),
                    format!("`{value}` är ingen kommun"),
                )
                .help("en plats ligger i en kommun: skriv kommunens namn eller kod"),
            ),
            AreaResolution::Alias(_, name) => self.out.push(
                Problem::new(
                    Code::E009,
                    f,
                    Loc::Value(path()),
                    format!("området `{value}` skrivs `{name}`"),
                )
                .label("skriv namnet exakt som i vokabulären, eller SCB-koden")
                .suggest(name),
            ),
            AreaResolution::Unknown(_) => {
                let mut p = Problem::new(Code::E009, f, Loc::Value(path()), format!("okänt område `{value}`"))
                    .help("skriv en kommun eller ett län (namn eller SCB-kod) ur `vokabular/omraden.toml`, eller `riket`");
                if self.suggestions.allow(&mut p) {
                    if let AreaResolution::Unknown(close) = areas.resolve(value) {
                        if let Some(best) = close.into_iter().next() {
                            p = p.suggest(best);
                        }
                    }
                }
                self.out.push(p);
            }
        }
    }

    /// A reference to an actor (`E008`).
    pub(super) fn aktor_ref(&mut self, id: &str, f: &Path, path: impl FnOnce() -> Vec<Seg>) {
        if self.ds.known_aktor_ids.contains(id) {
            return;
        }
        let ids = self.ds.known_aktor_ids.iter().map(String::as_str);
        let mut p = Problem::new(
            Code::E008,
            f,
            Loc::Value(path()),
            format!("det finns ingen aktör `{id}`"),
        )
        .help("aktörens id är namnet på dess mapp i `aktorer/`");
        // Both look at every actor: only for the first unknown values of a file.
        if self.suggestions.allow(&mut p) {
            let folded = crate::text::fold(id);
            let by_name = self
                .ds
                .aktorer
                .values()
                .find(|a| crate::text::fold(&a.data.namn) == folded)
                .map(|a| a.id.as_str());
            if let Some(best) =
                by_name.or_else(|| crate::text::closest_str(id, ids).first().copied())
            {
                p = p.suggest(best);
            }
        }
        self.out.push(p);
    }
}
