//! "Did you mean": a vocabulary's ids, labels and synonyms folded once ([`Lexicon`]), looked up
//! exactly, by part or by typo, and ranked for suggestions; [`closest_str`] and [`Folded`] do
//! the same for plain lists of strings.

/// Vocabulary look-ups run for every value of every file: a fast hash (the keys are the
/// vocabularies' own words, not attacker-chosen at scale).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::distance::{edit_distance_within, typo_distance, typo_limit};
use super::{fold, nfc};

/// A folded word prepared for [`closeness`]: its characters counted and the set of them.
#[derive(Debug, Clone, Default)]
pub(super) struct Form {
    text: String,
    chars: usize,
    /// One bit for each character in the text (by its code modulo 64).
    mask: u64,
}

impl Form {
    pub(super) fn new(folded: String) -> Self {
        let (mut chars, mut mask) = (0, 0u64);
        for c in folded.chars() {
            chars += 1;
            mask |= 1 << (u32::from(c) % 64);
        }
        Form {
            text: folded,
            chars,
            mask,
        }
    }

    /// The most edits a candidate may be away from this query.
    fn limit(&self) -> usize {
        match self.chars {
            0..=3 => 1,
            4..=7 => 2,
            _ => 3,
        }
    }
}

/// How close a folded query is to a folded candidate, when it is closer than `below`; `None`
/// when it is not close at all or not that close. Lower is better. Typos (edit distance) and
/// abbreviations (fuzzy subsequence) both count. Cheap for most candidates: the edit distance
/// is at least the difference in length and is given up as soon as it must exceed the limit,
/// a query that is a part or a subsequence of a candidate has no character the candidate
/// lacks, and a stage that cannot score below `below` is skipped.
pub(super) fn closeness(
    query: &Form,
    candidate: &Form,
    matcher: &SkimMatcherV2,
    below: u32,
) -> Option<u32> {
    let (q, qlen) = (query.text.as_str(), query.chars);
    if q.is_empty() || below == 0 {
        return None;
    }
    let limit = query
        .limit()
        .min(usize::try_from(below - 1).unwrap_or(usize::MAX));
    if candidate.chars.abs_diff(qlen) <= limit {
        if let Some(dist) = edit_distance_within(q, &candidate.text, limit) {
            return Some(u32::try_from(dist).unwrap_or(u32::MAX));
        }
    }
    if below <= 10 || query.mask & !candidate.mask != 0 {
        return None;
    }
    let c = candidate.text.as_str();
    if qlen >= 3 && (c.starts_with(q) || (qlen >= 4 && c.contains(q))) {
        return Some(10);
    }
    if below > 20 && qlen >= 4 && candidate.chars >= qlen {
        let score = matcher.fuzzy_match(c, q)?;
        // A good subsequence match: most characters adjacent.
        let per_char = score / i64::try_from(qlen).unwrap_or(1);
        if per_char >= 16 {
            let score = 20 + u32::try_from((40 - per_char.min(40)).max(0)).unwrap_or(0);
            return (score < below).then_some(score);
        }
    }
    None
}

/// One entry of a vocabulary: an id, its Swedish label and the synonyms users may type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub id: String,
    pub namn: String,
    pub synonymer: Vec<String>,
}

/// How a written value relates to a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution<'a> {
    /// The exact id.
    Id(&'a Term),
    /// The id in another case or with diacritics, the label or a synonym: the term is clear,
    /// but a data file must use the id.
    Alias(&'a Term),
    /// Nothing matches; the closest terms, best first (possibly none).
    Unknown(Vec<&'a Term>),
}

/// A vocabulary prepared for look-ups by id, label and synonym, folded or not.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub(super) terms: Vec<Term>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    /// Folded ids, labels and synonyms, in that order of precedence; a folded form shared by
    /// several terms (Håbo and Habo) is ambiguous.
    by_fold: [HashMap<String, Vec<usize>>; 3],
    /// Each term's id, label and synonyms folded, for "did you mean" (folded once, not per
    /// look-up).
    pub(super) folded: Vec<Vec<Form>>,
}

impl Lexicon {
    pub fn new(terms: Vec<Term>) -> Self {
        let mut lx = Self::default();
        for (i, t) in terms.iter().enumerate() {
            lx.by_id.entry(t.id.clone()).or_insert(i);
            lx.by_name.entry(t.namn.clone()).or_insert(i);
            let forms = [
                vec![t.id.as_str()],
                vec![t.namn.as_str()],
                t.synonymer.iter().map(String::as_str).collect(),
            ];
            let mut folded = Vec::with_capacity(2 + t.synonymer.len());
            for (tier, words) in forms.iter().enumerate() {
                for w in words {
                    let f = fold(w);
                    let list = lx.by_fold[tier].entry(f.clone()).or_default();
                    // A term's own forms come one after another: its index is last if there.
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                    folded.push(Form::new(f));
                }
            }
            lx.folded.push(folded);
        }
        lx.terms = terms;
        lx
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Term> {
        self.by_id.get(id).map(|&i| &self.terms[i])
    }

    /// Resolves a written value: exact id; alias (exact label, then folded id, label or
    /// synonym); else the closest terms (or, for an ambiguous folded form, all its terms).
    pub fn resolve(&self, written: &str) -> Resolution<'_> {
        self.resolve_suggesting(written, 3)
    }

    /// [`Lexicon::resolve`] with at most `max` suggestions for an unknown value (none, and no
    /// search for them, with `0`).
    pub fn resolve_suggesting(&self, written: &str, max: usize) -> Resolution<'_> {
        if let Some(t) = self.get(written) {
            return Resolution::Id(t);
        }
        // The same text in another Unicode form (NFD from some editors) is the same word.
        if !written.is_ascii() && !unicode_normalization::is_nfc(written) {
            return self.resolve_suggesting(&nfc(written), max);
        }
        if let Some(&i) = self.by_name.get(written) {
            return Resolution::Alias(&self.terms[i]);
        }
        let folded = fold(written);
        for tier in &self.by_fold {
            match tier.get(&folded).map(Vec::as_slice) {
                Some([i]) => return Resolution::Alias(&self.terms[*i]),
                Some(many) if !many.is_empty() => {
                    return Resolution::Unknown(many.iter().map(|&i| &self.terms[i]).collect());
                }
                _ => {}
            }
        }
        Resolution::Unknown(self.closest(written, max))
    }

    /// The closest terms with their closeness (lower is better), best first.
    pub fn closest_scored(&self, written: &str, max: usize) -> Vec<(u32, &Term)> {
        if max == 0 {
            return Vec::new();
        }
        let query = Form::new(fold(written));
        let matcher = SkimMatcherV2::default();
        // The best `max` so far, best first: a later term must be strictly better than the
        // last of them to count (ties go to the earlier term), so most are given up early.
        let mut top: Vec<(u32, usize)> = Vec::with_capacity(max + 1);
        for (i, forms) in self.folded.iter().enumerate() {
            let mut below = if top.len() == max {
                top[max - 1].0
            } else {
                u32::MAX
            };
            let mut best = None;
            for c in forms {
                if let Some(score) = closeness(&query, c, &matcher, below) {
                    best = Some(score);
                    below = score;
                }
            }
            if let Some(score) = best {
                let at = top.partition_point(|&(s, _)| s <= score);
                top.insert(at, (score, i));
                top.truncate(max);
            }
        }
        top.into_iter().map(|(s, i)| (s, &self.terms[i])).collect()
    }

    /// The terms closest to `written` by typo distance or abbreviation, best first.
    pub fn closest(&self, written: &str, max: usize) -> Vec<&Term> {
        self.closest_scored(written, max)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }
}

/// How a reading command found a term that was not written exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// The beginning, or whole words, of the term's id or name (`lansstyrelsen`,
    /// `Röda Korset`).
    Part,
    /// A typo of the term's id, name or a synonym (`samtalstöd`).
    Typo,
}

/// What [`Lexicon::find`] made of a written value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found<'a> {
    /// The id, the label or a synonym (case and diacritics folded).
    Exact(&'a Term),
    /// Reading only: the one term that a part or a typo points to.
    Taken(&'a Term, Taken),
    /// Several terms fit equally well; a person has to choose.
    Ambiguous(Vec<&'a Term>),
    /// Nothing fits; the closest terms, best first (possibly none), as suggestions only.
    Unknown(Vec<&'a Term>),
}

/// The words of a folded text: runs of letters and digits.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether the folded words `q` stand, whole and in order, in the folded `form`, or `form`
/// begins with `q` (at least three characters).
fn is_part_of(q: &str, qwords: &[&str], form: &str) -> bool {
    if q.chars().count() >= 3 && form.starts_with(q) {
        return true;
    }
    let fwords: Vec<&str> = words(form).collect();
    !qwords.is_empty()
        && fwords.len() >= qwords.len()
        && fwords.windows(qwords.len()).any(|w| w == qwords)
}

impl Lexicon {
    /// Resolves a value as a person typed it. `reading` commands also take, for one term
    /// only, the beginning or whole words of an id or name and a typo within
    /// [`typo_limit`]; writing commands take the id, label or synonym and nothing else. A
    /// fuzzy subsequence never decides: it only orders the suggestions.
    pub fn find(&self, written: &str, reading: bool) -> Found<'_> {
        let suggestions = match self.resolve(written) {
            Resolution::Id(t) | Resolution::Alias(t) => return Found::Exact(t),
            Resolution::Unknown(c) => c,
        };
        let q = fold(&nfc(written));
        // A folded form two terms share (Håbo and Habo): exact, but not clear.
        if self
            .by_fold
            .iter()
            .any(|tier| tier.get(&q).is_some_and(|l| l.len() > 1))
        {
            return Found::Ambiguous(suggestions);
        }
        if !reading {
            return Found::Unknown(suggestions);
        }
        let qwords: Vec<&str> = words(&q).collect();
        let parts: Vec<&Term> = self
            .terms
            .iter()
            .filter(|t| {
                is_part_of(&q, &qwords, &fold(&t.id)) || is_part_of(&q, &qwords, &fold(&t.namn))
            })
            .collect();
        match parts.as_slice() {
            [one] => return Found::Taken(one, Taken::Part),
            [] => {}
            _ => return Found::Ambiguous(parts),
        }
        let qlen = q.chars().count();
        let limit = typo_limit(qlen);
        if limit == 0 {
            return Found::Unknown(suggestions);
        }
        let near = |form: &str| {
            // A longer or shorter form is further away than the limit anyway.
            form.chars().count().abs_diff(qlen) <= limit && typo_distance(&q, form) <= limit
        };
        // A typo of a whole id, name or synonym first; then of as many whole words of an id
        // or name as were typed (`lanstyrelsen` for `Länsstyrelsen Kronoberg`).
        let whole = |t: &Term| {
            [&t.id, &t.namn]
                .into_iter()
                .chain(&t.synonymer)
                .any(|form| near(&fold(form)))
        };
        let in_words = |t: &Term| {
            let n = qwords.len().max(1);
            [fold(&t.id), fold(&t.namn)].iter().any(|form| {
                let w: Vec<&str> = words(form).collect();
                w.windows(n).any(|win| near(&win.join(" ")))
            })
        };
        for test in [&whole as &dyn Fn(&Term) -> bool, &in_words] {
            let typos: Vec<&Term> = self.terms.iter().filter(|t| test(t)).collect();
            match typos.as_slice() {
                [one] => return Found::Taken(one, Taken::Typo),
                [] => {}
                _ => return Found::Ambiguous(typos),
            }
        }
        Found::Unknown(suggestions)
    }
}

/// The closest of some plain strings (keys, ids), best first.
pub fn closest_str<'a>(
    written: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    let folded = Folded::new(candidates);
    folded
        .closest(written)
        .into_iter()
        .map(|i| folded.0[i].0)
        .collect()
}

/// Plain strings folded once for many look-ups of the closest (a vocabulary's names).
#[derive(Debug, Clone, Default)]
pub struct Folded<T>(Vec<(T, Form)>);

impl<T: AsRef<str>> Folded<T> {
    pub fn new(candidates: impl IntoIterator<Item = T>) -> Self {
        Folded(
            candidates
                .into_iter()
                .map(|c| {
                    let f = Form::new(fold(c.as_ref()));
                    (c, f)
                })
                .collect(),
        )
    }

    /// The closest candidates (at most three, each once), best first.
    pub fn closest_of(&self, written: &str) -> Vec<&T> {
        self.closest(written)
            .into_iter()
            .map(|i| &self.0[i].0)
            .collect()
    }

    /// Indexes of the closest candidates.
    fn closest(&self, written: &str) -> Vec<usize> {
        let query = Form::new(fold(written));
        let matcher = SkimMatcherV2::default();
        let mut scored: Vec<(u32, usize)> = self
            .0
            .iter()
            .enumerate()
            .filter_map(|(i, (_, f))| closeness(&query, f, &matcher, u32::MAX).map(|s| (s, i)))
            .collect();
        scored.sort_unstable();
        let mut out: Vec<usize> = Vec::new();
        for (_, i) in scored {
            if !out
                .iter()
                .any(|&o| self.0[o].0.as_ref() == self.0[i].0.as_ref())
            {
                out.push(i);
            }
            if out.len() == 3 {
                break;
            }
        }
        out
    }
}
