//! Turning results into text: the diagnostic formats of `validera`.

pub mod diagnostics;

/// Swedish singular or plural: `count(3, "aktör", "aktörer")` → "3 aktörer".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
