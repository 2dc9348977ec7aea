//! The report as one self-contained HTML file: inline CSS, no request to anywhere else, works
//! without JavaScript (a small inline script adds a filter box), `lang="sv"`, a table of
//! contents, correct heading order, table headers with scope, visible focus, a print style.
//! Long sections fold (`<details>`, open to begin with); on a narrow screen the tables become
//! stacked cards, each cell labelled with its column's header, and long words and URLs wrap.
//! The filter finds an offering by its row and by its search words (categories, target
//! groups, areas, actor), folded and typo-tolerant as `sok` is.
//! Everything from the data is escaped for its context; a Content-Security-Policy with hashes
//! of the one style and the one script forbids anything else.

use std::fmt::Write as _;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::{Offering, Person, Report, Way, tel_href};
use crate::matching::Tackning;
use crate::render::sanitize::{esc, safe_url, to_html};
use crate::text::words::and_list;
use crate::text::words::count;

pub const CSS: &str = r#"
:root{--text:#1b1b1b;--muted:#4d4d4d;--link:#0a4d8c;--bg:#fff;--head:#eef2f7;--border:#b9c2cc;--warn-bg:#fff4d6;--warn:#553800;--bad:#8a1c1c;--part:#6b4200;--ok:#1e5e2e}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5;color:var(--text);background:var(--bg);overflow-wrap:break-word}
.wrap{max-width:75rem;margin:0 auto;padding:.5rem 1.5rem}
main.wrap,footer.wrap{padding-bottom:2rem}
a{color:var(--link)}
.url,code{overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere}
a:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid #b34700;outline-offset:2px}
.hoppa{position:absolute;left:-9999px;top:0}
.hoppa:focus{left:1rem;top:1rem;background:#fff;padding:.5rem 1rem;z-index:1}
.meta,.liten{color:var(--muted)}
.intern{background:var(--warn-bg);color:var(--warn);border-left:5px solid #8f5a00;padding:.75rem 1rem;margin:1rem 0}
nav ol{columns:2 16rem}
summary{cursor:pointer}
summary>h2,summary>h3{display:inline}
details.fall>summary{margin:1.25rem 0 .75rem}
section.grupp>details.fall>summary{margin:1rem 0 .5rem}
.filter{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:end;background:var(--head);padding:1rem;margin:1rem 0;border-radius:4px}
.filter>div{flex:1 1 12rem;min-width:0;max-width:24rem}
.filter>p{flex:1 1 100%;margin:0}
.filter label{display:block;font-weight:600}
.filter input,.filter select{font:inherit;padding:.3rem .4rem;border:1px solid #5f6b77;border-radius:3px;width:100%;max-width:100%}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid var(--border);padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--head)}
tbody th{font-weight:600}
.vh{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.etikett{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.9em;font-weight:600;border:1px solid currentColor}
.t-saknas{color:var(--bad)}
.t-delvis{color:var(--part)}
.t-tackt{color:var(--ok)}
article{border-top:1px solid var(--border);padding-top:.5rem;margin-top:1.5rem}
.data p:first-child{margin-top:0}
.data p:last-child{margin-bottom:0}
.kategori>h4{font-size:1.1rem;margin:1.5rem 0 .5rem}
@media (max-width:50rem){
body{overflow-wrap:anywhere}
.wrap{padding:.5rem 1rem}
.filter>div{max-width:none}
table.kort,.kort thead,.kort tbody,.kort tr,.kort th,.kort td{display:block;width:auto}
.kort thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap}
.kort tr{border:1px solid var(--border);border-radius:4px;margin:0 0 1rem;padding:.5rem .75rem}
.kort th,.kort td{border:0;padding:.2rem 0}
.kort tbody th{font-size:1.05em}
.kort td[data-label]::before{content:attr(data-label);display:block;font-size:.85em;font-weight:600;color:var(--muted)}
.kort td:empty{display:none}
}
@media print{
.hoppa,nav,#filter{display:none!important}
body{font-size:10.5pt}
.wrap{max-width:none;padding:0}
summary{list-style:none}
a{color:inherit;text-decoration:none}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:90%;word-break:break-all}
tr,article,.behov{break-inside:avoid}
h2,h3,h4{break-after:avoid}
thead{display:table-header-group}
}
"#;

/// Opens a folded section that a link points into, and every folded section for print.
/// Then the map's filter: every word must be found in an offering's row or its search words
/// (categories, target groups, areas, actor), folded and with typos forgiven as
/// [`crate::text::word_score`] forgives them.
pub const SCRIPT: &str = r"
(function () {
  'use strict';
  function reveal() {
    var el = document.getElementById(location.hash.slice(1)), opened = false;
    for (var p = el && el.parentElement; p; p = p.parentElement) {
      if (p.tagName === 'DETAILS' && !p.open) { p.open = true; opened = true; }
    }
    if (opened) { el.scrollIntoView(); }
  }
  window.addEventListener('hashchange', reveal);
  if (location.hash) { reveal(); }
  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = Array.prototype.filter.call(document.querySelectorAll('details'), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
(function () {
  'use strict';
  var box = document.getElementById('filter');
  if (!box || !String.prototype.normalize || !Array.from || typeof Map !== 'function') { return; }
  var marks, gaps;
  try {
    marks = new RegExp('\\p{M}', 'gu');
    gaps = new RegExp('[^\\p{Alphabetic}\\p{N}]+', 'u');
  } catch (e) { return; }
  box.hidden = false;
  var text = document.getElementById('f-text');
  var need = document.getElementById('f-behov');
  var place = document.getElementById('f-kommun');
  var status = document.getElementById('f-antal');
  function fold(s) { return s.normalize('NFD').replace(marks, '').toLowerCase(); }
  var offerings = new Map();
  var rows = Array.prototype.map.call(document.querySelectorAll('#karta tr[data-id]'), function (r) {
    var id = r.getAttribute('data-id');
    var o = offerings.get(id);
    if (!o) {
      var t = fold(r.textContent + ' ' + (r.getAttribute('data-sok') || ''));
      var seen = new Map();
      t.split(gaps).forEach(function (w) { if (w && !seen.has(w)) { seen.set(w, Array.from(w)); } });
      o = { text: t, tokens: Array.from(seen), areas: (r.getAttribute('data-omraden') || '').split(' ') };
      offerings.set(id, o);
    }
    return { el: r, id: id, o: o };
  });
  // Levenshtein distance over code points; anything above `limit` is returned as limit + 1.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var prev = [], i, j;
    for (j = 0; j <= b.length; j++) { prev.push(j); }
    for (i = 0; i < a.length; i++) {
      var cur = [i + 1], low = i + 1;
      for (j = 0; j < b.length; j++) {
        cur.push(Math.min(prev[j] + (a[i] === b[j] ? 0 : 1), prev[j + 1] + 1, cur[j] + 1));
        low = Math.min(low, cur[j + 1]);
      }
      if (low > limit) { return limit + 1; }
      prev = cur;
    }
    return prev[b.length];
  }
  // Whether a folded word is in an offering's text, or a word of it is a typo away.
  function matcher(word) {
    var w = Array.from(word), n = w.length, limit = n >= 8 ? 2 : 1, memo = new Map();
    function close(tok) {
      return distance(w, tok, limit) <= limit ||
        (n >= 7 && tok.length > n && distance(w, tok.slice(0, n), 1) <= 1);
    }
    return function (o) {
      if (o.text.indexOf(word) >= 0) { return true; }
      if (n < 4) { return false; }
      return o.tokens.some(function (t) {
        if (!memo.has(t[0])) { memo.set(t[0], close(t[1])); }
        return memo.get(t[0]);
      });
    };
  }
  function reaches(list, k) {
    return list.indexOf(k) >= 0 || list.indexOf(k.slice(0, 2)) >= 0 || list.indexOf('riket') >= 0;
  }
  function apply() {
    var words = fold(text.value).split(/\s+/).filter(Boolean).map(matcher);
    var b = need.value, k = place.value, shown = new Map();
    rows.forEach(function (r) {
      r.el.hidden = !(words.every(function (m) { return m(r.o); }) && (!k || reaches(r.o.areas, k)));
    });
    Array.prototype.forEach.call(document.querySelectorAll('#karta .kategori'), function (c) {
      var visible = c.querySelectorAll('tr[data-id]:not([hidden])');
      c.hidden = (b && c.getAttribute('data-kategori') !== b) || visible.length === 0;
      if (c.hidden) { return; }
      Array.prototype.forEach.call(visible, function (r) { shown.set(r.getAttribute('data-id'), 1); });
      if (words.length || b || k) {
        for (var p = c.parentElement; p; p = p.parentElement) { if (p.tagName === 'DETAILS') { p.open = true; } }
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll('#karta .grupp'), function (g) {
      g.hidden = !g.querySelector('.kategori:not([hidden])');
    });
    var n = shown.size, all = offerings.size;
    status.textContent = n === all ? 'Visar alla ' + all + (all === 1 ? ' insats.' : ' insatser.')
      : 'Visar ' + n + ' av ' + all + (all === 1 ? ' insats.' : ' insatser.');
  }
  [text, need, place].forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
  apply();
})();
";

fn hash(s: &str) -> String {
    let digest = Sha256::digest(s.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A safe anchor id from any id: letters, digits and `-` only.
fn anchor(prefix: &str, id: &str) -> String {
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

fn way(w: &Way) -> String {
    match w {
        Way::Telefon(t) => format!("<a href=\"{}\">{}</a>", esc(&tel_href(t)), esc(t)),
        Way::Epost(m) if !m.contains(['<', '>', '"', ' ', ':']) => {
            format!("<a class=\"url\" href=\"mailto:{}\">{}</a>", esc(m), esc(m))
        }
        Way::Webb(u) if safe_url(u) && !u.contains(char::is_whitespace) => {
            format!("<a class=\"url\" href=\"{}\">{}</a>", esc(u), esc(u))
        }
        Way::Epost(x) | Way::Webb(x) => esc(x),
    }
}

fn ways(list: &[Way]) -> String {
    list.iter().map(way).collect::<Vec<_>>().join(", ")
}

fn person(p: &Person) -> String {
    let mut s = esc(&p.text);
    if !p.ways.is_empty() {
        let _ = write!(s, ": {}", ways(&p.ways));
    }
    if !p.publik {
        s.push_str(" <span class=\"liten\">(intern kontakt)</span>");
    }
    s
}

fn tackning_badge(t: Tackning) -> String {
    format!(
        "<span class=\"etikett t-{}\">{}</span>",
        t.as_str(),
        t.label()
    )
}

fn offering_row(o: &Offering) -> String {
    let mut hur: Vec<String> = Vec::new();
    if let Some(k) = &o.kontaktvag {
        hur.push(format!("<div class=\"data\">{}</div>", to_html(k)));
    }
    if let Some(t) = &o.tider {
        hur.push(format!("<div>{}</div>", esc(t)));
    }
    if let Some(p) = &o.plats {
        hur.push(format!("<div>{}</div>", esc(p)));
    }
    if !o.ways.is_empty() {
        hur.push(format!("<div>{}</div>", ways(&o.ways)));
    }
    for p in &o.kontakter {
        hur.push(format!("<div>{}</div>", person(p)));
    }
    if let Some(i) = &o.intern {
        hur.push(format!(
            "<div class=\"liten\">Intern anteckning: {}</div>",
            esc(i)
        ));
    }
    let mut namn = esc(&o.namn);
    if o.planerad {
        let _ = write!(
            namn,
            " <span class=\"etikett t-delvis\">{}</span>",
            o.status
        );
    }
    let mut sprak = esc(&o.sprak.join(", "));
    if o.tolk {
        sprak.push_str("; tolk kan ordnas");
    }
    format!(
        "<tr data-id=\"{}\" data-omraden=\"{}\" data-sok=\"{}\"><th scope=\"row\">{namn}</th><td><div class=\"data\">{}</div></td><td data-label=\"Aktör\"><a href=\"#{}\">{}</a></td><td data-label=\"För\">{}</td><td data-label=\"Var\">{}</td><td data-label=\"Språk\">{sprak}</td><td data-label=\"Kostnad\">{}</td><td data-label=\"Så får man den\">{}</td></tr>\n",
        esc(&o.id),
        esc(&o.omrade_koder.join(" ")),
        esc(&o.sokord.join(" ")),
        to_html(&o.beskrivning),
        anchor("aktor", &o.aktor_id),
        esc(&o.aktor_namn),
        esc(&o.for_vem),
        esc(&o.var.join(", ")),
        esc(o.kostnad.as_deref().unwrap_or("")),
        hur.join("")
    )
}

/// A section whose heading folds it away (open by default: nothing is hidden unless the
/// reader folds it, and it works without JavaScript).
fn fold_start(o: &mut String, level: u8, id: &str, title: &str) {
    let _ = writeln!(
        o,
        "<details class=\"fall\" open>\n<summary><h{level} id=\"{id}\">{title}</h{level}></summary>"
    );
}

pub fn render(r: &Report) -> String {
    let csp = format!(
        "default-src 'none'; style-src {}; script-src {}; img-src 'none'; base-uri 'none'; form-action 'none'",
        hash(CSS),
        hash(SCRIPT)
    );
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<a class=\"hoppa\" href=\"#innehall\">Hoppa till innehållet</a>\n",
        esc(&r.titel)
    );

    // Header.
    let _ = writeln!(o, "<header class=\"wrap\">\n<h1>{}</h1>", esc(&r.titel));
    let mut meta = format!("Skapad {}", r.datum);
    if let Some(c) = &r.commit {
        let _ = write!(meta, " från commit <code>{}</code>", esc(c));
    }
    meta.push('.');
    if !r.urval.is_empty() {
        let _ = write!(meta, " Urval: {}.", esc(&r.urval.join(", ")));
    }
    let _ = writeln!(o, "<p class=\"meta\">{meta}</p>");
    if !r.publik {
        let _ = writeln!(
            o,
            "<p class=\"intern\"><strong>Intern version.</strong> Rapporten innehåller kontaktpersoner och anteckningar som inte får publiceras. Gör en publik version med <code>resurs rapport --publik</code>.</p>"
        );
    }
    if let Some(b) = &r.beskrivning {
        let _ = writeln!(o, "<div class=\"data\">{}</div>", to_html(b));
    }
    o.push_str("</header>\n");

    // Table of contents.
    o.push_str(
        "<nav class=\"wrap\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">Innehåll</h2>\n<ol>\n",
    );
    for (id, title) in [
        ("sammanfattning", "Sammanfattning"),
        ("karta", "Resurskartan"),
        ("aktorer", "Aktörer"),
        ("behov", "Behov och täckning"),
        ("atgarder", "Öppna åtgärder"),
        ("granskning", "Att granska"),
    ] {
        let _ = writeln!(o, "<li><a href=\"#{id}\">{title}</a></li>");
    }
    o.push_str("</ol>\n</nav>\n<main id=\"innehall\" class=\"wrap\">\n");

    // Summary.
    let s = r.summary;
    let _ = writeln!(
        o,
        "<section aria-labelledby=\"sammanfattning\">\n<h2 id=\"sammanfattning\">Sammanfattning</h2>\n<ul>\n<li>{}, {}, {}.</li>\n<li>Behoven: {}, {} delvis, {} saknas.</li>\n<li>{}.</li>\n</ul>\n</section>",
        count(s.aktorer, "aktör", "aktörer"),
        count(s.insatser, "insats", "insatser"),
        count(s.behov, "behov", "behov"),
        count(s.tackt, "täckt", "täckta"),
        s.delvis,
        s.saknas,
        count(r.atgarder.len(), "öppen åtgärd", "öppna åtgärder")
    );

    // The map.
    o.push_str("<section id=\"karta\" aria-labelledby=\"karta-rubrik\">\n");
    fold_start(&mut o, 2, "karta-rubrik", "Resurskartan");
    o.push_str("<p>Insatserna ordnade efter behov. Samma insats kan stå under flera behov.</p>\n");
    o.push_str("<div id=\"filter\" class=\"filter\" hidden>\n<div><label for=\"f-text\">Sök</label><input id=\"f-text\" type=\"search\" autocomplete=\"off\" aria-describedby=\"f-hjalp\"></div>\n<div><label for=\"f-behov\">Behov</label><select id=\"f-behov\"><option value=\"\">Alla behov</option>");
    for g in &r.karta {
        let _ = write!(o, "<optgroup label=\"{}\">", esc(&g.namn));
        for k in &g.kategorier {
            let _ = write!(
                o,
                "<option value=\"{}\">{}</option>",
                esc(&k.id),
                esc(&k.namn)
            );
        }
        o.push_str("</optgroup>");
    }
    o.push_str("</select></div>\n<div><label for=\"f-kommun\">Kommun</label><select id=\"f-kommun\"><option value=\"\">Alla kommuner</option>");
    for (kod, namn) in &r.kommuner {
        let _ = write!(o, "<option value=\"{}\">{}</option>", esc(kod), esc(namn));
    }
    o.push_str("</select></div>\n<p id=\"f-hjalp\" class=\"liten\">Sök på insatsens namn och beskrivning, behov, målgrupp, område, aktör eller språk. Små stavfel gör inget.</p>\n<p id=\"f-antal\" role=\"status\"></p>\n</div>\n");
    if r.karta.is_empty() {
        o.push_str("<p>Inga insatser i urvalet.</p>\n");
    }
    for g in &r.karta {
        let _ = writeln!(
            o,
            "<section class=\"grupp\" aria-labelledby=\"{}\">",
            anchor("grupp", &g.id)
        );
        fold_start(&mut o, 3, &anchor("grupp", &g.id), &esc(&g.namn));
        for k in &g.kategorier {
            let _ = writeln!(
                o,
                "<div class=\"kategori\" data-kategori=\"{}\">\n<h4 id=\"{}\">{}</h4>\n<table class=\"kort\">\n<caption class=\"vh\">Insatser för {}</caption>\n<thead><tr><th scope=\"col\">Insats</th><th scope=\"col\">Om insatsen</th><th scope=\"col\">Aktör</th><th scope=\"col\">För</th><th scope=\"col\">Var</th><th scope=\"col\">Språk</th><th scope=\"col\">Kostnad</th><th scope=\"col\">Så får man den</th></tr></thead>\n<tbody>",
                esc(&k.id),
                anchor("kategori", &k.id),
                esc(&k.namn),
                esc(&k.namn)
            );
            for x in &k.insatser {
                o.push_str(&offering_row(x));
            }
            o.push_str("</tbody>\n</table>\n</div>\n");
        }
        o.push_str("</details>\n</section>\n");
    }
    o.push_str("</details>\n</section>\n");

    // Actors.
    o.push_str("<section aria-labelledby=\"aktorer\">\n");
    fold_start(&mut o, 2, "aktorer", "Aktörer");
    for a in &r.aktorer {
        let _ = writeln!(
            o,
            "<article aria-labelledby=\"{0}\">\n<h3 id=\"{0}\">{1}</h3>",
            anchor("aktor", &a.id),
            esc(&a.namn)
        );
        let _ = writeln!(
            o,
            "<p class=\"meta\">{} · {}</p>",
            esc(&a.typ),
            esc(&a.var.join(", "))
        );
        let _ = writeln!(o, "<div class=\"data\">{}</div>", to_html(&a.beskrivning));
        if let Some(b) = &a.behovsbild {
            let _ = writeln!(
                o,
                "<h4>Behovsbild</h4>\n<div class=\"data\">{}</div>",
                to_html(b)
            );
        }
        if !a.insatser.is_empty() {
            o.push_str("<h4>Insatser</h4>\n<ul>\n");
            for (_, namn, status) in &a.insatser {
                let _ = writeln!(o, "<li>{} ({status})</li>", esc(namn));
            }
            o.push_str("</ul>\n");
        }
        if !a.ways.is_empty() || !a.kontakter.is_empty() {
            o.push_str("<h4>Kontakt</h4>\n<ul>\n");
            if !a.ways.is_empty() {
                let _ = writeln!(o, "<li>{}</li>", ways(&a.ways));
            }
            for p in &a.kontakter {
                let _ = writeln!(o, "<li>{}</li>", person(p));
            }
            o.push_str("</ul>\n");
        }
        if let Some(i) = &a.intern {
            let _ = writeln!(
                o,
                "<p class=\"intern\"><strong>Intern anteckning:</strong> {}</p>",
                esc(i)
            );
        }
        o.push_str("</article>\n");
    }
    o.push_str("</details>\n</section>\n");

    // Needs.
    o.push_str("<section aria-labelledby=\"behov\">\n");
    fold_start(&mut o, 2, "behov", "Behov och täckning");
    o.push_str(
        "<p>Luckorna först: behov som saknar insatser, sedan de som bara delvis möts.</p>\n",
    );
    for b in &r.behov {
        let _ = writeln!(
            o,
            "<article class=\"behov\" aria-labelledby=\"{0}\">\n<h3 id=\"{0}\">{1} {2}</h3>",
            anchor("behov", &b.id),
            esc(&b.titel),
            tackning_badge(b.tackning)
        );
        let mut meta = Vec::new();
        if !b.prioritet.is_empty() {
            meta.push(format!("Prioritet: {}", b.prioritet));
        }
        meta.push(format!("Område: {}", esc(&b.var.join(", "))));
        if !b.lyft_av.is_empty() {
            meta.push(format!("Lyft av: {}", esc(&and_list(&b.lyft_av))));
        }
        let _ = writeln!(o, "<p class=\"meta\">{}</p>", meta.join(" · "));
        if let Some(d) = &b.beskrivning {
            let _ = writeln!(o, "<div class=\"data\">{}</div>", to_html(d));
        }
        if !b.brister.is_empty() {
            let _ = writeln!(
                o,
                "<p><strong>Brister:</strong> {}.</p>",
                esc(&b.brister.join("; "))
            );
        }
        if !b.kandidater.is_empty() {
            o.push_str("<ul>\n");
            for (_, namn, full, brister) in &b.kandidater {
                let what = if *full {
                    "möter behovet".to_owned()
                } else {
                    esc(&brister.join("; "))
                };
                let _ = writeln!(o, "<li>{}: {what}</li>", esc(namn));
            }
            o.push_str("</ul>\n");
        }
        if let Some(i) = &b.intern {
            let _ = writeln!(
                o,
                "<p class=\"intern\"><strong>Intern anteckning:</strong> {}</p>",
                esc(i)
            );
        }
        o.push_str("</article>\n");
    }
    o.push_str("</details>\n</section>\n");

    // Follow-up actions.
    o.push_str("<section aria-labelledby=\"atgarder\">\n");
    fold_start(&mut o, 2, "atgarder", "Öppna åtgärder");
    if r.atgarder.is_empty() {
        o.push_str("<p>Inga öppna åtgärder.</p>\n");
    } else {
        o.push_str("<table class=\"kort\">\n<caption class=\"vh\">Öppna åtgärder</caption>\n<thead><tr><th scope=\"col\">Ansvarig</th><th scope=\"col\">Åtgärd</th><th scope=\"col\">Status</th><th scope=\"col\">Behov</th></tr></thead>\n<tbody>\n");
        for a in &r.atgarder {
            let mut status = a.status.to_owned();
            if let Some(s) = a.senast {
                let _ = write!(status, ", senast {s}");
            }
            if a.forsenad {
                status.push_str(", <strong>försenad</strong>");
            }
            let mut what = esc(&a.beskrivning);
            if let Some(i) = &a.intern {
                let _ = write!(
                    what,
                    " <span class=\"liten\">(Intern anteckning: {})</span>",
                    esc(i)
                );
            }
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}</th><td data-label=\"Åtgärd\">{what}</td><td data-label=\"Status\">{status}</td><td data-label=\"Behov\"><a href=\"#{}\">{}</a></td></tr>",
                esc(&a.ansvarig),
                anchor("behov", &a.behov_id),
                esc(&a.behov_titel)
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    o.push_str("</details>\n</section>\n");

    // Review.
    o.push_str("<section aria-labelledby=\"granskning\">\n");
    fold_start(&mut o, 2, "granskning", "Att granska");
    if r.granska.is_empty() {
        o.push_str("<p>Alla uppgifter är granskade inom gränsen.</p>\n");
    } else {
        o.push_str("<ul>\n");
        for g in &r.granska {
            let _ = writeln!(
                o,
                "<li>{} (<code>{}</code>): granskades senast {}, för {} sedan.</li>",
                esc(&g.namn),
                esc(&g.fil),
                g.senast_granskad,
                count(usize::try_from(g.manader).unwrap_or(0), "månad", "månader")
            );
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</details>\n</section>\n</main>\n");
    let _ = writeln!(
        o,
        "<footer class=\"wrap liten\"><p>Gjord med resurs {} den {}.</p></footer>",
        env!("CARGO_PKG_VERSION"),
        r.datum
    );
    let _ = write!(o, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    o
}
