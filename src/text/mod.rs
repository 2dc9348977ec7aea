//! The one place for text folding and "did you mean": search, validation and the CLI all
//! compare user-typed words through [`fold`] and look up vocabulary values through [`Lexicon`].

pub mod words;

/// Vocabulary look-ups run for every value of every file: a fast hash (the keys are the
/// vocabularies' own words, not attacker-chosen at scale).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A character that must never reach a terminal as itself: the C0 controls, DEL, the C1
/// controls (U+0080–U+009F), and the bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069). Tab and newline are controls too; the escapers decide what they become.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): the
/// characters that reorder the text after them (Trojan Source, `gnp.exe`).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Folds case and diacritics: `Samtalsstöd`, `samtalsstod` and `SAMTALSSTÖD` fold to the same
/// string. Runs of whitespace become one space; leading and trailing space is dropped.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Text in Unicode normal form C (composed: `ö` as one character).
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Levenshtein distance over chars (small inputs only: words and ids).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// A folded word prepared for [`closeness`]: its characters counted and the set of them.
#[derive(Debug, Clone, Default)]
struct Form {
    text: String,
    chars: usize,
    /// One bit for each character in the text (by its code modulo 64).
    mask: u64,
}

impl Form {
    fn new(folded: String) -> Self {
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
fn closeness(query: &Form, candidate: &Form, matcher: &SkimMatcherV2, below: u32) -> Option<u32> {
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

/// [`edit_distance`] when it is at most `limit`: a row whose every cell is over the limit
/// ends the search.
fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    if limit == 0 {
        return (a == b).then_some(0);
    }
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= limit)
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
    terms: Vec<Term>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    /// Folded ids, labels and synonyms, in that order of precedence; a folded form shared by
    /// several terms (Håbo and Habo) is ambiguous.
    by_fold: [HashMap<String, Vec<usize>>; 3],
    /// Each term's id, label and synonyms folded, for "did you mean" (folded once, not per
    /// look-up).
    folded: Vec<Vec<Form>>,
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

/// Levenshtein distance with adjacent transpositions counted as one edit (optimal string
/// alignment): `Kronobreg` is one typo from `Kronoberg`. Small inputs only: words and ids.
pub fn typo_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = best;
        }
    }
    d[a.len() * w + b.len()]
}

/// How many typos a word of this many characters may have and still be taken for another:
/// none below four characters, one up to six, two up to eleven, three beyond. `förening` is
/// three edits from `foretag` and is never taken for it.
pub fn typo_limit(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=6 => 1,
        7..=11 => 2,
        _ => 3,
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

/// How well one word of a free-text query matches a text: `Some(100)` when the folded text
/// contains it, `Some(60)` when a word of the text (or its beginning) is a typo away;
/// `None` otherwise.
pub fn word_score(word: &str, text: &str) -> Option<u32> {
    let w = fold(word);
    let t = fold(text);
    if w.is_empty() {
        return None;
    }
    if t.contains(&w) {
        return Some(100);
    }
    let wlen = w.chars().count();
    if wlen >= 4 {
        let limit = if wlen >= 8 { 2 } else { 1 };
        let typo = t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|tok| !tok.is_empty())
            .any(|tok| {
                let prefix: String = tok.chars().take(wlen).collect();
                edit_distance(&w, tok) <= limit
                    || (wlen >= 7 && tok.chars().count() > wlen && edit_distance(&w, &prefix) <= 1)
            });
        if typo {
            return Some(60);
        }
    }
    None
}

/// Makes a valid id from any text: `Röda Korset Växjö` → `roda-korset-vaxjo`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The naming rule for ids: `^[a-z0-9]+(-[a-z0-9]+)*$`.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::new(vec![
            Term {
                id: "samtalsstod".into(),
                namn: "Samtalsstöd".into(),
                synonymer: vec!["stödsamtal".into(), "counselling".into()],
            },
            Term {
                id: "mat".into(),
                namn: "Mat och matkassar".into(),
                synonymer: vec!["matkasse".into()],
            },
        ])
    }

    #[test]
    fn folding_makes_case_and_diacritics_one_word() {
        assert_eq!(fold("Samtalsstöd"), "samtalsstod");
        assert_eq!(fold("SAMTALSSTÖD"), "samtalsstod");
        assert_eq!(fold("  Växjö   kommun "), "vaxjo kommun");
        assert_eq!(fold("Café"), "cafe");
    }

    #[test]
    fn an_id_resolves_as_itself_and_a_label_as_an_alias() {
        let lx = lexicon();
        assert!(matches!(lx.resolve("samtalsstod"), Resolution::Id(t) if t.id == "samtalsstod"));
        assert!(matches!(lx.resolve("Samtalsstöd"), Resolution::Alias(t) if t.id == "samtalsstod"));
        assert!(matches!(lx.resolve("SAMTALSSTÖD"), Resolution::Alias(t) if t.id == "samtalsstod"));
        assert!(matches!(lx.resolve("stödsamtal"), Resolution::Alias(t) if t.id == "samtalsstod"));
    }

    #[test]
    fn a_typo_gets_the_closest_term_as_suggestion() {
        let lx = lexicon();
        match lx.resolve("samtalstöd") {
            Resolution::Unknown(s) => assert_eq!(s[0].id, "samtalsstod"),
            other => panic!("{other:?}"),
        }
        match lx.resolve("xyzzy") {
            Resolution::Unknown(s) => assert!(s.is_empty()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_folded_form_shared_by_two_terms_is_ambiguous_but_exact_names_are_not() {
        let lx = Lexicon::new(vec![
            Term {
                id: "0305".into(),
                namn: "Håbo".into(),
                synonymer: vec![],
            },
            Term {
                id: "0643".into(),
                namn: "Habo".into(),
                synonymer: vec![],
            },
        ]);
        assert!(matches!(lx.resolve("Habo"), Resolution::Alias(t) if t.id == "0643"));
        assert!(matches!(lx.resolve("Håbo"), Resolution::Alias(t) if t.id == "0305"));
        match lx.resolve("habo") {
            Resolution::Unknown(both) => assert_eq!(both.len(), 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn free_text_words_match_with_typos_but_not_anything() {
        assert_eq!(
            word_score("ukrainsk", "Föräldrastöd för ukrainska familjer"),
            Some(100)
        );
        assert_eq!(word_score("foraldrastod", "Föräldrastöd"), Some(100));
        assert_eq!(
            word_score("foraldrastöf", "Föräldrastöd för unga"),
            Some(60)
        );
        assert_eq!(word_score("psykolg", "med ukrainsk psykolog"), Some(60));
        assert_eq!(word_score("matkassar", "Samtalsstöd på svenska"), None);
        assert_eq!(word_score("samtal", "Samhällsorientering"), None);
        assert_eq!(word_score("xyz", "Matkassar"), None);
    }

    fn term(id: &str, namn: &str, synonymer: &[&str]) -> Term {
        Term {
            id: id.into(),
            namn: namn.into(),
            synonymer: synonymer.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn a_bounded_edit_distance_is_the_distance_or_nothing() {
        for (a, b) in [
            ("samtalsstod", "samtalstod"),
            ("kronoberg", "kronobreg"),
            ("", "abc"),
            ("växjö", "vaxjo"),
            ("abcdef", "uvwxyz"),
        ] {
            let d = edit_distance(a, b);
            for limit in 0..8 {
                assert_eq!(
                    edit_distance_within(a, b, limit),
                    (d <= limit).then_some(d),
                    "{a} {b} {limit}"
                );
            }
        }
    }

    #[test]
    fn the_closest_are_the_best_of_all_terms_in_order() {
        let lx = Lexicon::new(vec![
            term("a", "samtalsgrupp", &[]),
            term("b", "samtalsstöd", &["samtal"]),
            term("c", "samtalsstod", &[]),
            term("d", "krisstöd", &[]),
        ]);
        let ids = |max| -> Vec<(u32, String)> {
            lx.closest_scored("samtalstod", max)
                .into_iter()
                .map(|(s, t)| (s, t.id.clone()))
                .collect()
        };
        // b and c are one typo away (b first, by order); a (`samtal…`) and d are not close.
        assert_eq!(ids(1), vec![(1, "b".to_owned())]);
        assert_eq!(ids(2), vec![(1, "b".to_owned()), (1, "c".to_owned())]);
        assert_eq!(ids(9), ids(2));
        // A prefix scores 10 and is kept when nothing better fills the places.
        let best: Vec<(u32, &str)> = lx
            .closest_scored("samtalsg", 3)
            .into_iter()
            .map(|(s, t)| (s, t.id.as_str()))
            .collect();
        assert_eq!(best, vec![(2, "b"), (10, "a")]);
        // The same as scoring every form in full.
        let matcher = SkimMatcherV2::default();
        for q in ["samtalsg", "samtalstod", "kris", "stod", "samtal"] {
            let query = Form::new(fold(q));
            let mut full: Vec<(u32, usize)> = lx
                .folded
                .iter()
                .enumerate()
                .filter_map(|(i, forms)| {
                    forms
                        .iter()
                        .filter_map(|f| closeness(&query, f, &matcher, u32::MAX))
                        .min()
                        .map(|s| (s, i))
                })
                .collect();
            full.sort_unstable();
            for max in 1..5 {
                let got: Vec<(u32, &str)> = lx
                    .closest_scored(q, max)
                    .into_iter()
                    .map(|(s, t)| (s, t.id.as_str()))
                    .collect();
                let want: Vec<(u32, &str)> = full
                    .iter()
                    .take(max)
                    .map(|&(s, i)| (s, lx.terms[i].id.as_str()))
                    .collect();
                assert_eq!(got, want, "{q} {max}");
            }
        }
    }

    #[test]
    fn transpositions_are_one_typo() {
        assert_eq!(typo_distance("kronobreg", "kronoberg"), 1);
        assert_eq!(typo_distance("samtalstod", "samtalsstod"), 1);
        assert_eq!(typo_distance("forening", "foretag"), 3);
        assert_eq!(typo_distance("", "abc"), 3);
    }

    #[test]
    fn reading_takes_one_part_or_typo_and_writing_nothing_but_exact_words() {
        let types = Lexicon::new(vec![
            term("ideell-forening", "Ideell förening", &[]),
            term("foretag", "Företag", &[]),
            term("idrottsforening", "Idrottsförening", &[]),
        ]);
        // A whole word of a name, never the company that merely looks alike.
        assert!(matches!(
            types.find("förening", true),
            Found::Taken(t, Taken::Part) if t.id == "ideell-forening"
        ));
        assert!(matches!(types.find("förening", false), Found::Unknown(_)));
        assert!(
            matches!(types.find("foretagg", true), Found::Taken(t, Taken::Typo) if t.id == "foretag")
        );
        assert!(matches!(types.find("foretagg", false), Found::Unknown(_)));
        assert!(matches!(types.find("Företag", false), Found::Exact(t) if t.id == "foretag"));

        let groups = Lexicon::new(vec![
            term(
                "eu-medborgare",
                "EU-medborgare",
                &["EU-migranter", "utsatta EU-medborgare"],
            ),
            term("asylsokande", "Asylsökande", &["asylsökare"]),
            term("nyanlanda", "Nyanlända", &["kvotflyktingar"]),
        ]);
        // `migranter` is a word of a synonym, not of an id or name: no part, no typo.
        assert!(matches!(groups.find("migranter", true), Found::Unknown(_)));
        assert!(matches!(groups.find("flyktingar", true), Found::Unknown(_)));
        // Short words get no typo at all.
        assert!(matches!(groups.find("eux", true), Found::Unknown(_)));
    }

    #[test]
    fn a_part_or_typo_several_terms_share_is_ambiguous() {
        let actors = Lexicon::new(vec![
            term("lansstyrelsen-kronoberg", "Länsstyrelsen Kronoberg", &[]),
            term("region-kronoberg", "Region Kronoberg", &[]),
        ]);
        assert!(matches!(actors.find("kronoberg", true), Found::Ambiguous(v) if v.len() == 2));
        assert!(matches!(actors.find("kronobreg", true), Found::Ambiguous(v) if v.len() == 2));
        assert!(matches!(
            actors.find("lanstyrelsen", true),
            Found::Taken(t, Taken::Typo) if t.id == "lansstyrelsen-kronoberg"
        ));
        assert!(matches!(
            actors.find("Region", true),
            Found::Taken(t, Taken::Part) if t.id == "region-kronoberg"
        ));
    }

    #[test]
    fn ids_follow_the_naming_rule() {
        assert!(is_valid_id("rodakorset-vaxjo"));
        assert!(is_valid_id("a1"));
        for bad in ["", "-a", "a-", "a--b", "Röda", "a_b", "a b", "ABC"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        assert_eq!(slug("Röda Korset, Växjö!"), "roda-korset-vaxjo");
    }

    #[test]
    fn closest_str_finds_misspelled_keys() {
        let keys = ["namn", "beskrivning", "malgrupper", "senast_granskad"];
        assert_eq!(closest_str("beskrivnig", keys), vec!["beskrivning"]);
        assert_eq!(closest_str("målgrupper", keys), vec!["malgrupper"]);
        assert!(closest_str("zzz", keys).is_empty());
    }
}
