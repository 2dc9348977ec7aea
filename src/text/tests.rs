//! Tests of folding, distances and the lexicon's look-ups.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::distance::edit_distance_within;
use super::lexicon::{Form, closeness};
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
