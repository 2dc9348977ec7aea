//! The report as Markdown: for a meeting, an e-mail or a repository's wiki. Every value from
//! the data is written through [`markdown`](crate::render::escape::markdown), so it is shown
//! literally; data Markdown is re-written through [`super::text::to_markdown`].

use std::fmt::Write as _;

use super::{Report, Way};
use crate::render::escape::markdown::{code, email_address, text as e, text as cell, web_address};
use crate::render::sanitize::{to_markdown, to_plain};
use crate::text::words::and_list;
use crate::text::words::count;

fn way(w: &Way) -> String {
    match w {
        Way::Telefon(t) => e(t),
        Way::Epost(m) => email_address(m),
        Way::Webb(u) => web_address(u),
    }
}

pub fn render(r: &Report) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", e(&r.titel));
    if !r.publik {
        let _ = writeln!(
            o,
            "> **Intern version.** Rapporten innehåller kontaktpersoner och anteckningar som inte får publiceras. Gör en publik version med `resurs rapport --publik`.\n"
        );
    }
    let mut meta = format!("Skapad {}", r.datum);
    if let Some(c) = &r.commit {
        let _ = write!(meta, " från commit {}", code(c));
    }
    meta.push('.');
    if !r.urval.is_empty() {
        let _ = write!(meta, " Urval: {}.", e(&r.urval.join(", ")));
    }
    let _ = writeln!(o, "{meta}\n");
    if let Some(b) = &r.beskrivning {
        let _ = writeln!(o, "{}\n", to_markdown(b));
    }

    let s = r.summary;
    let _ = writeln!(o, "## Sammanfattning\n");
    let _ = writeln!(
        o,
        "- {}, {}, {}.\n- Behoven: {}, {} delvis, {} saknas.\n- {}.\n",
        count(s.aktorer, "aktör", "aktörer"),
        count(s.insatser, "insats", "insatser"),
        count(s.behov, "behov", "behov"),
        count(s.tackt, "täckt", "täckta"),
        s.delvis,
        s.saknas,
        count(r.atgarder.len(), "öppen åtgärd", "öppna åtgärder")
    );

    let _ = writeln!(o, "## Resurskartan\n");
    for g in &r.karta {
        let _ = writeln!(o, "### {}\n", e(&g.namn));
        for k in &g.kategorier {
            let _ = writeln!(o, "#### {}\n", e(&k.namn));
            let _ = writeln!(
                o,
                "| Insats | Aktör | För | Var | Språk | Kostnad | Så får man den |\n|---|---|---|---|---|---|---|"
            );
            for x in &k.insatser {
                let mut namn = cell(&x.namn);
                if x.planerad {
                    let _ = write!(namn, " ({})", x.status);
                }
                let mut sprak = x.sprak.join(", ");
                if x.tolk {
                    sprak.push_str("; tolk kan ordnas");
                }
                let mut hur: Vec<String> = Vec::new();
                if let Some(k) = &x.kontaktvag {
                    hur.push(cell(&to_plain(k)));
                }
                if let Some(t) = &x.tider {
                    hur.push(cell(t));
                }
                if let Some(p) = &x.plats {
                    hur.push(cell(p));
                }
                hur.extend(x.ways.iter().map(way));
                for p in &x.kontakter {
                    let ways: Vec<String> = p.ways.iter().map(way).collect();
                    let mark = if p.publik { "" } else { " (intern)" };
                    hur.push(format!(
                        "{}{}{mark}",
                        cell(&p.text),
                        if ways.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", ways.join(", "))
                        }
                    ));
                }
                if let Some(i) = &x.intern {
                    hur.push(format!("Intern anteckning: {}", cell(i)));
                }
                let _ = writeln!(
                    o,
                    "| {namn} | {} | {} | {} | {} | {} | {} |",
                    cell(&x.aktor_namn),
                    cell(&x.for_vem),
                    cell(&x.var.join(", ")),
                    cell(&sprak),
                    cell(x.kostnad.as_deref().unwrap_or("")),
                    hur.join("; ")
                );
            }
            o.push('\n');
        }
    }

    let _ = writeln!(o, "## Aktörer\n");
    for a in &r.aktorer {
        let _ = writeln!(o, "### {}\n", e(&a.namn));
        let _ = writeln!(o, "*{}* · {}\n", e(&a.typ), e(&a.var.join(", ")));
        let _ = writeln!(o, "{}\n", to_markdown(&a.beskrivning));
        if let Some(b) = &a.behovsbild {
            let _ = writeln!(o, "**Behovsbild**\n\n{}\n", to_markdown(b));
        }
        if !a.insatser.is_empty() {
            let _ = writeln!(o, "**Insatser**\n");
            for (_, namn, status) in &a.insatser {
                let _ = writeln!(o, "- {} ({status})", e(namn));
            }
            o.push('\n');
        }
        let ways: Vec<String> = a.ways.iter().map(way).collect();
        if !ways.is_empty() {
            let _ = writeln!(o, "**Kontakt:** {}\n", ways.join(", "));
        }
        for p in &a.kontakter {
            let ways: Vec<String> = p.ways.iter().map(way).collect();
            let mark = if p.publik { "" } else { " (intern)" };
            let _ = writeln!(
                o,
                "- {}{}{mark}",
                e(&p.text),
                if ways.is_empty() {
                    String::new()
                } else {
                    format!(": {}", ways.join(", "))
                }
            );
        }
        if !a.kontakter.is_empty() {
            o.push('\n');
        }
        if let Some(i) = &a.intern {
            let _ = writeln!(o, "**Intern anteckning:** {}\n", e(i));
        }
    }

    let _ = writeln!(o, "## Behov och täckning\n");
    for b in &r.behov {
        let _ = writeln!(o, "### {} – {}\n", e(&b.titel), b.tackning.label());
        let mut meta = Vec::new();
        if !b.prioritet.is_empty() {
            meta.push(format!("Prioritet: {}", b.prioritet));
        }
        meta.push(format!("Område: {}", e(&b.var.join(", "))));
        if !b.lyft_av.is_empty() {
            meta.push(format!("Lyft av: {}", e(&and_list(&b.lyft_av))));
        }
        let _ = writeln!(o, "{}\n", meta.join(" · "));
        if let Some(d) = &b.beskrivning {
            let _ = writeln!(o, "{}\n", to_markdown(d));
        }
        if !b.brister.is_empty() {
            let _ = writeln!(o, "**Brister:** {}.\n", e(&b.brister.join("; ")));
        }
        for (_, namn, full, brister) in &b.kandidater {
            if *full {
                let _ = writeln!(o, "- {} – möter behovet", e(namn));
            } else {
                let _ = writeln!(o, "- {} – {}", e(namn), e(&brister.join("; ")));
            }
        }
        if !b.kandidater.is_empty() {
            o.push('\n');
        }
        if let Some(i) = &b.intern {
            let _ = writeln!(o, "**Intern anteckning:** {}\n", e(i));
        }
    }

    let _ = writeln!(o, "## Öppna åtgärder\n");
    if r.atgarder.is_empty() {
        let _ = writeln!(o, "Inga öppna åtgärder.\n");
    }
    for a in &r.atgarder {
        let mut status = a.status.to_owned();
        if let Some(s) = a.senast {
            let _ = write!(status, ", senast {s}");
        }
        if a.forsenad {
            status.push_str(", **försenad**");
        }
        let _ = write!(
            o,
            "- **{}**: {} ({status}; behov: {})",
            e(&a.ansvarig),
            e(&a.beskrivning),
            e(&a.behov_titel)
        );
        if let Some(i) = &a.intern {
            let _ = write!(o, " Intern anteckning: {}", e(i));
        }
        o.push('\n');
    }
    o.push('\n');

    let _ = writeln!(o, "## Att granska\n");
    if r.granska.is_empty() {
        let _ = writeln!(o, "Alla uppgifter är granskade inom gränsen.");
    }
    for g in &r.granska {
        let _ = writeln!(
            o,
            "- {} ({}): granskades senast {}, för {} sedan.",
            e(&g.namn),
            code(&g.fil),
            g.senast_granskad,
            count(usize::try_from(g.manader).unwrap_or(0), "månad", "månader")
        );
    }
    o.trim_end().to_owned() + "\n"
}
