//! An empty search explains itself (issue 12, point 6): which filter emptied it, what each
//! filter loosened gives, and the closest offerings of the same need group; in JSON the list
//! stays empty on stdout and the explanation goes to stderr.

mod common;

use std::path::Path;

use common::{resurs, stderr, stdout};

fn data() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

const ARGS: [&str; 7] = [
    "sok",
    "--behov",
    "samtalsstod",
    "--kommun",
    "Växjö",
    "--sprak",
    "ukrainska",
];

#[test]
fn an_empty_search_says_which_filter_emptied_it_and_what_is_closest() {
    let out = resurs(&data(), &ARGS);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Inga insatser matchar sökningen.
Vart och ett av dessa filter tömde resultatet: --behov Samtalsstöd, --sprak ukrainska.
Ett filter i taget lättat:
  utan --behov Samtalsstöd: 3 insatser
  utan --kommun Växjö: 0 insatser
  utan --sprak ukrainska: 3 insatser (ingen av dem på ukrainska eller med tolk)
  med --status alla: 0 insatser
Närmast, i samma behovsgrupp (Psykisk hälsa och samtalsstöd) och med övriga filter:
  ulriksbergskyrkan/samtalsgrupp-kvinnor
      Samtalsgrupp för kvinnor – Ulriksbergskyrkan; Psykosocialt gruppstöd; med tolk
Visa en insats med `resurs visa ID`.
"
    );
    // The closest offering really is what `visa` shows.
    let out = resurs(&data(), &["visa", "ulriksbergskyrkan/samtalsgrupp-kvinnor"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn in_json_the_list_is_empty_and_the_explanation_on_stderr() {
    let mut args = ARGS.to_vec();
    args.extend(["--format", "json"]);
    let out = resurs(&data(), &args);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json, serde_json::json!([]));
    assert!(
        stderr(&out).starts_with("Inga insatser matchar sökningen.\n")
            && stderr(&out).contains("utan --sprak ukrainska: 3 insatser"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn one_filter_alone_and_no_filter_alone() {
    // Only the status hides the one paused offering.
    let out = resurs(&data(), &["sok", "--behov", "tmo", "--status", "pausad"]);
    let text = stdout(&out);
    assert!(
        text.contains("Det som tömde resultatet: --status.\n")
            && text.contains("  utan --status: "),
        "{text}"
    );
    // Nothing anywhere for food in Ljungby free of charge with an interpreter.
    let out = resurs(
        &data(),
        &[
            "sok",
            "--behov",
            "mat",
            "--kommun",
            "Ljungby",
            "--tolk",
            "--kostnadsfri",
        ],
    );
    let text = stdout(&out);
    assert!(
        text.contains("Inget filter ensamt tömde resultatet")
            && text.contains("  utan --tolk: 0 insatser\n"),
        "{text}"
    );
}
