//! Terminal output that fits the terminal: tables whose column widths are chosen so that no
//! word (and so no id) is ever split, a list layout when the terminal is too narrow for the
//! table, and text wrapped at spaces only.

use comfy_table::modifiers::UTF8_ROUND_CORNERS;
use comfy_table::presets::UTF8_FULL;
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width};
use unicode_width::UnicodeWidthStr as _;

/// The width to fit: `COLUMNS` when it is set to a number, else the width of the terminal on
/// standard out, else none (output to a file or a pipe is not wrapped).
pub fn terminal_width() -> Option<usize> {
    width_from(
        std::env::var("COLUMNS").ok().as_deref(),
        terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0)),
    )
}

fn width_from(columns: Option<&str>, terminal: Option<usize>) -> Option<usize> {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
        .or(terminal.filter(|&w| w > 0))
}

/// The display width of the widest line of `s`.
fn line_width(s: &str) -> usize {
    s.lines().map(str::width).max().unwrap_or(0)
}

/// The display width of the widest word (text between spaces) of `s`.
fn word_width(s: &str) -> usize {
    s.split_whitespace().map(str::width).max().unwrap_or(0)
}

/// Wraps `text` to `width` at spaces only (a word longer than the line stands alone on its
/// line, whole); the first line starts with `first`, the others with `rest`. Every line ends
/// with a newline. Without a width the text is not wrapped.
pub fn wrap(text: &str, width: Option<usize>, first: &str, rest: &str) -> String {
    let text = crate::render::escape::terminal::text(text);
    let lines: Vec<String> = match width {
        Some(w) => {
            let opts = textwrap::Options::new(w)
                .initial_indent(first)
                .subsequent_indent(rest)
                .break_words(false)
                .word_separator(textwrap::WordSeparator::AsciiSpace)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            textwrap::wrap(&text, opts)
                .into_iter()
                .map(std::borrow::Cow::into_owned)
                .collect()
        }
        None => text
            .lines()
            .enumerate()
            .map(|(i, l)| format!("{}{l}", if i == 0 { first } else { rest }))
            .collect(),
    };
    let mut out = String::new();
    for line in lines {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str(first.trim_end());
        out.push('\n');
    }
    out
}

/// Content widths between `min` and `max` per column that add up to at most `avail`: every
/// column gets its widest line when they all fit, else the space is shared out evenly (no
/// column below its widest word). `None` when even the widest words do not fit.
fn share(min: &[usize], max: &[usize], avail: usize) -> Option<Vec<usize>> {
    if min.iter().sum::<usize>() > avail {
        return None;
    }
    if max.iter().sum::<usize>() <= avail {
        return Some(max.to_vec());
    }
    let at = |level: usize| -> Vec<usize> {
        min.iter()
            .zip(max)
            .map(|(&lo, &hi)| level.clamp(lo, hi.max(lo)))
            .collect()
    };
    // The highest level whose widths fit: the sum grows with the level.
    let (mut lo, mut hi) = (0, max.iter().copied().max().unwrap_or(0));
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if at(mid).iter().sum::<usize>() <= avail {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut widths = at(lo);
    let mut left = avail - widths.iter().sum::<usize>();
    for (w, &hi) in widths.iter_mut().zip(max) {
        if left == 0 {
            break;
        }
        if *w < hi {
            *w += 1;
            left -= 1;
        }
    }
    Some(widths)
}

/// A table of `header` and `rows` that fits `width`: columns that are empty in every row are
/// left out, and no word is split. When the widest words of the columns do not fit side by
/// side, each row becomes a block of lines instead: the first column as its heading, then
/// "Rubrik: värde" per non-empty cell, and a blank line after the last. Cells may hold
/// several lines.
pub fn grid(header: &[&str], rows: &[Vec<String>], width: Option<usize>) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| crate::render::escape::terminal::text(c).into_owned())
                .collect()
        })
        .collect();
    let keep: Vec<usize> = (0..header.len())
        .filter(|&i| {
            rows.iter()
                .any(|r| r.get(i).is_some_and(|c| !c.trim().is_empty()))
        })
        .collect();
    let header: Vec<&str> = keep.iter().map(|&i| header[i]).collect();
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| {
            keep.iter()
                .map(|&i| r.get(i).map_or("", String::as_str))
                .collect()
        })
        .collect();
    let cells = |i: usize| std::iter::once(header[i]).chain(rows.iter().map(move |r| r[i]));
    let min: Vec<usize> = (0..header.len())
        .map(|i| cells(i).map(word_width).max().unwrap_or(0))
        .collect();
    let max: Vec<usize> = (0..header.len())
        .map(|i| cells(i).map(line_width).max().unwrap_or(0))
        .collect();

    let mut t = Table::new();
    t.load_preset(UTF8_FULL)
        .apply_modifier(UTF8_ROUND_CORNERS)
        .force_no_tty()
        .set_header(header.clone());
    for r in &rows {
        t.add_row(r.clone());
    }
    match width {
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
        Some(w) => {
            // Each column has a border and a space of padding on either side; one border more
            // closes the table.
            let borders = 3 * header.len() + 1;
            let Some(widths) = share(&min, &max, w.saturating_sub(borders)) else {
                return blocks(&header, &rows, w);
            };
            let constraints = widths.iter().map(|&c| {
                ColumnConstraint::Absolute(Width::Fixed(u16::try_from(c + 2).unwrap_or(u16::MAX)))
            });
            t.set_content_arrangement(ContentArrangement::Disabled)
                .set_constraints(constraints);
        }
    }
    format!("{t}\n")
}

/// The list layout of [`grid`] for a narrow terminal.
fn blocks(header: &[&str], rows: &[Vec<&str>], width: usize) -> String {
    let label_width = header.iter().skip(1).map(|h| h.width()).max().unwrap_or(0) + 2;
    let indent = " ".repeat(2 + label_width);
    let mut out = String::new();
    for (n, r) in rows.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut lines = r.first().copied().unwrap_or_default().lines();
        if let Some(title) = lines.next() {
            out.push_str(&wrap(title, Some(width), "", "  "));
        }
        for l in lines {
            out.push_str(&wrap(l, Some(width), "  ", "  "));
        }
        for (h, cell) in header.iter().zip(r).skip(1) {
            if cell.trim().is_empty() {
                continue;
            }
            let label = format!("  {h}:");
            let label = format!("{label}{}", " ".repeat(indent.len() - label.width()));
            out.push_str(&wrap(
                &cell.replace('\n', " "),
                Some(width),
                &label,
                &indent,
            ));
        }
    }
    // A blank line, as between the blocks, before what follows (the summary).
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_wins_over_the_terminal() {
        assert_eq!(width_from(Some("80"), Some(200)), Some(80));
        assert_eq!(width_from(Some("bred"), Some(200)), Some(200));
        assert_eq!(width_from(Some("0"), None), None);
        assert_eq!(width_from(None, None), None);
    }

    #[test]
    fn shares_space_without_going_below_the_widest_word() {
        assert_eq!(share(&[3, 3], &[5, 5], 20), Some(vec![5, 5]));
        assert_eq!(share(&[10, 3], &[40, 40], 30), Some(vec![15, 15]));
        assert_eq!(share(&[20, 3], &[40, 40], 30), Some(vec![20, 10]));
        assert_eq!(share(&[2, 2, 2], &[3, 100, 100], 41), Some(vec![3, 19, 19]));
        assert_eq!(share(&[20, 20], &[40, 40], 30), None);
    }

    #[test]
    fn never_splits_a_word() {
        let rows = vec![vec![
            "Råd- och stödsamtal\nvaxjo-arbete-valfard/rad-och-stodsamtal".to_owned(),
            "Växjö kommun, Arbete & Välfärd".to_owned(),
            String::new(),
        ]];
        for w in [50, 60, 80, 120] {
            let out = grid(&["Insats", "Aktör", "Kontakt"], &rows, Some(w));
            assert!(
                out.contains("vaxjo-arbete-valfard/rad-och-stodsamtal"),
                "{w}: {out}"
            );
            assert!(!out.contains("Kontakt"), "{out}");
            assert!(out.lines().all(|l| l.width() <= w), "{w}: {out}");
        }
    }

    #[test]
    fn wraps_at_spaces_only() {
        let out = wrap("ett två-tre fyra", Some(8), "- ", "  ");
        assert_eq!(out, "- ett\n  två-tre\n  fyra\n");
    }
}
