//! `resurs uppfoljning` as users run it: each action with its age, its deadline or the lack of
//! one, and who promised it, over `tests/fixtures/bas` + `matcha` and `data/`; and "today" as
//! the date in Sweden, with the clock set through `RESURS_NU`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use common::{IDAG, layered, resurs, stderr, stdout};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn json(out: &Output) -> Vec<serde_json::Value> {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    serde_json::from_str::<serde_json::Value>(&stdout(out))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn each_action_shows_its_age_its_deadline_and_who_promised_it() {
    let d = layered(&["bas", "matcha"]);
    let out = resurs(d.path(), &["uppfoljning"]);
    assert_eq!(IDAG, "2026-11-25");
    assert_eq!(
        stdout(&out),
        "Diakonicentrum (diakonicentrum)\n\
         \n\
         \x20 - Undersöka om fler samtalsgrupper kan erbjudas.\n\
         \x20   Status:     öppen sedan 2022-10-20 (4 år 1 mån); senast 2026-12-31\n\
         \x20   Utlovad av: Diakonicentrum (diakonicentrum)\n\
         \x20   Behov:      Samtalsstöd på ukrainska (samtalsstod-ukrainska)\n\
         \n\
         \x20 - Diakonicentrum tar fram en lista över skafferier.\n\
         \x20   Status:     pågår, öppen sedan 2026-01-10 (10 mån); senast 2027-03-01\n\
         \x20   Utlovad av: Diakonicentrum (diakonicentrum)\n\
         \x20   Behov:      Mat i Växjö (mat-vaxjo)\n\
         \n\
         Röda Korset Växjö (rodakorset-vaxjo)\n\
         \n\
         \x20 - Fråga kommunerna om matbanker.\n\
         \x20   Status:     FÖRSENAD: senast 2026-06-30; öppen sedan 2026-02-01 (9 mån)\n\
         \x20   Utlovad av: Röda Korset Växjö (rodakorset-vaxjo)\n\
         \x20   Behov:      Mat i hela länet (mat-lan)\n\
         \n\
         \x20 - Röda Korset kollar om fler utdelningsdagar går.\n\
         \x20   Status:     klar; senast 2026-02-01\n\
         \x20   Utlovad av: Röda Korset Växjö (rodakorset-vaxjo)\n\
         \x20   Behov:      Mat i Växjö (mat-vaxjo)\n\
         \n\
         Utan ansvarig\n\
         \n\
         \x20 - Utan ansvarig ännu.\n\
         \x20   Status:     öppen sedan 2026-03-01 (8 mån); saknar senast-datum\n\
         \x20   Utlovad av: ingen ansvarig angiven\n\
         \x20   Behov:      Terapi i Alvesta (terapi-alvesta)\n\
         \n\
         5 åtgärder: 3 öppna, 1 pågår, 1 klar; 1 försenad, 1 saknar senast-datum.\n\
         Den äldsta ej klara åtgärden är öppen sedan 2022-10-20 (4 år 1 mån). En åtgärd \
         utan senast-datum kan inte bli försenad: skriv `senast = ÅÅÅÅ-MM-DD` under dess \
         `[[atgard]]` i behovsfilen.\n"
    );
}

#[test]
fn on_the_kronoberg_meeting_no_deadline_is_not_reported_as_all_well() {
    let out = resurs(&data(), &["uppfoljning"]);
    let text = stdout(&out);
    assert!(
        text.contains(
            "5 åtgärder: 5 öppna, 0 pågår, 0 klara; 0 försenade, 5 saknar senast-datum.\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("Den äldsta ej klara åtgärden är öppen sedan 2022-10-20 (4 år 1 mån)."),
        "{text}"
    );
    assert_eq!(
        text.matches("Status:     öppen sedan 2022-10-20 (4 år 1 mån); saknar senast-datum\n")
            .count(),
        5,
        "{text}"
    );
    // Who promised: the actor and the internal note naming the person, as `visa` shows them.
    assert!(
        text.contains(
            "Utlovad av: Rädda Barnen (raddabarnen-kronoberg); intern anteckning: Edvin, Rädda Barnen\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("Utlovad av: ingen ansvarig angiven; intern anteckning: Therese Jaramillo"),
        "{text}"
    );
}

#[test]
fn json_carries_age_missing_deadline_and_who_promised() {
    let items = json(&resurs(&data(), &["uppfoljning", "--format", "json"]));
    assert_eq!(items.len(), 5);
    for a in &items {
        assert_eq!(a["oppen_sedan"], "2022-10-20", "{a}");
        // 2022-10-20 to 2026-11-25.
        assert_eq!(a["alder_dagar"], 1497, "{a}");
        assert_eq!(a["saknar_senast"], true, "{a}");
        assert_eq!(a["forsenad"], false, "{a}");
        assert_eq!(a["senast"], serde_json::Value::Null, "{a}");
    }
    let edvin = items
        .iter()
        .find(|a| a["ansvarig"] == "raddabarnen-kronoberg")
        .unwrap();
    assert_eq!(
        edvin["utlovad_av"],
        serde_json::json!({"id": "raddabarnen-kronoberg", "namn": "Rädda Barnen"})
    );
    assert_eq!(edvin["intern_anteckning"], "Edvin, Rädda Barnen");
    let nobody = items.last().unwrap();
    assert_eq!(nobody["utlovad_av"], serde_json::Value::Null);

    let d = layered(&["bas", "matcha"]);
    let items = json(&resurs(
        d.path(),
        &[
            "uppfoljning",
            "--aktor",
            "Röda Korset Växjö",
            "--format",
            "json",
        ],
    ));
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["ansvarig"], "rodakorset-vaxjo");
    assert_eq!(items[0]["forsenad"], true);
    assert_eq!(items[0]["status"], "oppen");
    assert_eq!(items[0]["senast"], "2026-06-30");
    assert_eq!(items[0]["saknar_senast"], false);
    assert_eq!(items[0]["alder_dagar"], 297);
    // A done action is neither open since a date nor missing a deadline.
    assert_eq!(items[1]["status"], "klar");
    assert_eq!(items[1]["oppen_sedan"], serde_json::Value::Null);
    assert_eq!(items[1]["alder_dagar"], serde_json::Value::Null);
    assert_eq!(items[1]["saknar_senast"], false);
}

#[test]
fn markdown_has_the_same_fields() {
    let d = layered(&["bas", "matcha"]);
    let text = stdout(&resurs(d.path(), &["uppfoljning", "--format", "md"]));
    assert!(
        text.starts_with(
            "## Diakonicentrum (diakonicentrum)\n\n\
             - [öppen sedan 2022-10-20 (4 år 1 mån); senast 2026-12-31] Undersöka om fler \
             samtalsgrupper kan erbjudas. Utlovad av: Diakonicentrum (diakonicentrum). \
             Behov: Samtalsstöd på ukrainska (`samtalsstod-ukrainska`).\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("- [öppen sedan 2026-03-01 (8 mån); saknar senast-datum] Utan ansvarig"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n5 åtgärder: 3 öppna, 1 pågår, 1 klar; 1 försenad, 1 saknar senast-datum.\n"
        ),
        "{text}"
    );
}

/// Runs `resurs uppfoljning --format json` the way a nightly job would, without `--idag`,
/// with the clock standing at `now`.
fn at(data: &Path, now: &str) -> Output {
    Command::cargo_bin("resurs")
        .unwrap()
        .env_remove("RESURS_DATA")
        .env("RESURS_NU", now)
        .arg("--data")
        .arg(data)
        .args(["uppfoljning", "--format", "json"])
        .output()
        .unwrap()
}

/// `bas` + `matcha` with one more need, raised on 2026-12-01, whose action is due on
/// 2026-12-02.
fn due_on_december_2nd() -> tempfile::TempDir {
    let d = layered(&["bas", "matcha"]);
    std::fs::write(
        d.path().join("behov/frist.toml"),
        "titel = \"Mat i Lessebo\"\nkategorier = [\"mat\"]\nmalgrupper = [\"alla\"]\n\
         omraden = [\"Kronobergs län\"]\ndatum = 2026-12-01\nstatus = \"aktuellt\"\n\n\
         [[atgard]]\nbeskrivning = \"Fråga Lessebo kommun.\"\nansvarig = \"diakonicentrum\"\n\
         senast = 2026-12-02\n",
    )
    .unwrap();
    d
}

fn due(items: &[serde_json::Value]) -> &serde_json::Value {
    items.iter().find(|a| a["behov"] == "frist").unwrap()
}

#[test]
fn just_after_midnight_in_sweden_it_is_already_the_next_day() {
    let d = due_on_december_2nd();
    // 23:30 in Sweden on 2 December: the deadline is today, not passed.
    let items = json(&at(d.path(), "2026-12-02T22:30:00Z"));
    assert_eq!(due(&items)["forsenad"], false);
    assert_eq!(due(&items)["alder_dagar"], 1);
    // 00:30 on 3 December in Sweden (CET), still 2 December in UTC: now it is late.
    let items = json(&at(d.path(), "2026-12-02T23:30:00Z"));
    assert_eq!(due(&items)["forsenad"], true);
    assert_eq!(due(&items)["alder_dagar"], 2);
    // The same instant written with the Swedish offset.
    let items = json(&at(d.path(), "2026-12-03T00:30:00+01:00"));
    assert_eq!(due(&items)["forsenad"], true);
}

#[test]
fn in_summer_sweden_is_two_hours_ahead() {
    let d = due_on_december_2nd();
    // 2022-10-20 is the date of the need in `bas`; 22:30 UTC on 14 July is 00:30 on 15 July.
    let first = |items: &[serde_json::Value]| {
        items
            .iter()
            .find(|a| a["behov"] == "samtalsstod-ukrainska")
            .unwrap()["alder_dagar"]
            .as_i64()
            .unwrap()
    };
    let before = first(&json(&at(d.path(), "2026-07-14T21:59:00Z")));
    let after = first(&json(&at(d.path(), "2026-07-14T22:30:00Z")));
    assert_eq!(after - before, 1);
    // 2022-10-20 to 2026-07-15.
    assert_eq!(after, 1364);
}

#[test]
fn a_clock_that_is_not_an_instant_is_a_usage_error() {
    let d = due_on_december_2nd();
    let out = at(d.path(), "i morgon");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: RESURS_NU är ingen tidpunkt: `i morgon`. Skriv t.ex. `2026-12-02T23:30:00Z` (UTC) \
         eller `2026-12-03T00:30:00+01:00`, eller ta bort variabeln.\n"
    );
    assert!(stdout(&out).is_empty());
}
