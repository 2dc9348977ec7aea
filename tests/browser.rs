//! The HTML report in headless Chromium (tests/browser/granska.mjs): it renders with no
//! console errors and no request to anywhere else, axe-core reports no WCAG 2.1 AA violations,
//! the filter narrows the map, everything shows without JavaScript, print hides the navigation,
//! and hostile data runs no script. Needs Debian's `chromium`, Node.js and
//! `npm ci --prefix tests/browser`; `.ci/run` installs them and runs these tests with
//! `cargo test -- --include-ignored`.

mod common;

use std::path::Path;
use std::process::Command;

use common::{layered, resurs, stdout};

fn granska(html: &str, name: &str, extra: &[&str]) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("webblasare");
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join(format!("{name}.html"));
    std::fs::write(&report, html).unwrap();
    let screenshot = dir.join(format!("{name}.png"));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/granska.mjs");
    let out = Command::new("node")
        .arg(&script)
        .arg(&report)
        .arg(&screenshot)
        .args(extra)
        .output()
        .expect("node saknas; installera Node.js (se tests/browser.rs)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{name}:\n{text}");
    assert!(
        text.contains("axe: ") && text.contains(" 0 överträdelser"),
        "{text}"
    );
    assert!(
        std::fs::metadata(&screenshot).is_ok_and(|m| m.len() > 10_000),
        "ingen skärmbild"
    );
    println!("{text}skärmbild: {}", screenshot.display());
}

#[test]
#[ignore = "needs chromium and node; run by .ci/run with --include-ignored"]
fn the_report_of_data_in_chromium() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    granska(
        &stdout(&resurs(&data, &["rapport", "--format", "html"])),
        "data",
        &[],
    );
    granska(
        &stdout(&resurs(&data, &["rapport", "--format", "html", "--publik"])),
        "data-publik",
        &[],
    );
}

#[test]
#[ignore = "needs chromium and node; run by .ci/run with --include-ignored"]
fn hostile_data_runs_no_script_in_chromium() {
    let d = layered(&["bas", "fientlig"]);
    granska(
        &stdout(&resurs(d.path(), &["rapport", "--format", "html"])),
        "fientlig",
        &["--bara-rendering"],
    );
}
