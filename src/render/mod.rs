//! Turning results into text: the diagnostic formats of `validera`.

pub mod coverage;
pub mod diagnostics;
pub mod escape;
pub mod hits;
pub mod report;
pub mod sanitize;
pub mod show;
pub mod table;

/// Who an offering is for, in words: "föräldrar, unga 0–20 år".
pub fn for_vem(v: &crate::dataset::Vokabular, x: &crate::model::Insats) -> String {
    let mut out = x
        .malgrupper
        .iter()
        .map(|m| v.malgrupp_namn(m).to_lowercase())
        .collect::<Vec<_>>()
        .join(", ");
    let ages = age_range(x.min_alder, x.max_alder);
    if !ages.is_empty() {
        out.push(' ');
        out.push_str(&ages);
    }
    out
}

/// An age range: "0–20 år", "från 18 år", "upp till 12 år", or empty.
pub fn age_range(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) => format!("{lo}–{hi} år"),
        (Some(lo), None) => format!("från {lo} år"),
        (None, Some(hi)) => format!("upp till {hi} år"),
        (None, None) => String::new(),
    }
}
