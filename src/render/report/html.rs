//! The report as one self-contained HTML file: inline CSS, no request to anywhere else, works
//! without JavaScript (a small inline script adds a filter box), `lang="sv"`, a table of
//! contents, correct heading order, table headers with scope, visible focus, a print style.
//! Long sections fold (`<details>`, open to begin with); on a narrow screen the tables become
//! stacked cards, each cell labelled with its column's header, and long words and URLs wrap.
//! The filter finds an offering by its row and by its search words (categories, target
//! groups, areas, actor), folded and typo-tolerant as `sok` is.
//!
//! Written by the templates in `templates/report/html/` (one per section), which escape
//! every value for HTML; a Content-Security-Policy with hashes of the one style and the one
//! script forbids anything else.

use askama::Template;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::{Counted, Words};
use crate::render::sanitize::safe_url;
use crate::report::{Place, Report, Way};

/// The report's style sheet.
pub const CSS: &str = include_str!("../../../templates/report/html/rapport.css");

/// Opens a folded section that a link points into, and every folded section for print.
/// Then the map's filter: every word must be found in an offering's row or its search words
/// (categories, target groups, areas, actor), folded and with typos forgiven as
/// [`crate::text::word_score`] forgives them.
pub const SCRIPT: &str = include_str!("../../../templates/report/html/rapport.js");

fn hash(s: &str) -> String {
    let digest = Sha256::digest(s.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A phone number as a `tel:` link target: digits and a leading `+` only.
pub fn tel_href(nr: &str) -> String {
    let t = nr.trim();
    let mut out: String = t.chars().filter(char::is_ascii_digit).collect();
    if t.starts_with('+') {
        out.insert(0, '+');
    }
    format!("tel:{out}")
}

/// The page, and what its templates call.
#[derive(Template)]
#[template(path = "report/html/rapport.html")]
struct Page<'a> {
    r: &'a Report,
    csp: String,
    css: &'static str,
    script: &'static str,
    version: &'static str,
}

impl Words for Page<'_> {}

impl Page<'_> {
    /// A safe anchor id from any id: letters, digits and `-` only.
    #[allow(clippy::unused_self)]
    fn anchor(&self, prefix: &str, id: &str) -> String {
        let body: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        format!("{prefix}-{body}")
    }

    #[allow(clippy::unused_self)]
    fn tel_href(&self, nr: &str) -> String {
        tel_href(nr)
    }

    /// Whether an e-mail address may be a `mailto:` link.
    #[allow(clippy::unused_self)]
    fn mail_link(&self, m: &str) -> bool {
        !m.contains(['<', '>', '"', ' ', ':'])
    }

    /// Whether a web address may be a link.
    #[allow(clippy::unused_self)]
    fn web_link(&self, u: &str) -> bool {
        safe_url(u) && !u.contains(char::is_whitespace)
    }

    /// Markdown from the data, as safe HTML.
    #[allow(clippy::unused_self)]
    fn to_html(&self, md: &str) -> String {
        crate::render::sanitize::to_html(md)
    }

    #[allow(clippy::unused_self)]
    fn place(&self, p: &Place) -> String {
        p.to_string()
    }
}

/// The report as HTML.
pub fn render(r: &Report) -> String {
    let csp = format!(
        "default-src 'none'; style-src {}; script-src {}; img-src 'none'; base-uri 'none'; form-action 'none'",
        hash(CSS),
        hash(SCRIPT)
    );
    Page {
        r,
        csp,
        css: CSS,
        script: SCRIPT,
        version: env!("CARGO_PKG_VERSION"),
    }
    .render()
    .expect("writing to a String does not fail")
}
