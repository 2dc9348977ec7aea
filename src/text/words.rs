//! Swedish words built from numbers and lists: "3 aktörer", "a, b och c".

/// Swedish singular or plural: `count(3, "aktör", "aktörer")` → "3 aktörer".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "a, b och c".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_swedish() {
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["svenska".into()]), "svenska");
        assert_eq!(
            and_list(&["svenska".into(), "engelska".into()]),
            "svenska och engelska"
        );
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b och c"
        );
    }
}
