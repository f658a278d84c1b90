//! Renders a [`Doc`] for a terminal: headings, aligned fields, lists and tables that fit the
//! width.
//!
//! A table takes its natural width when that fits. Otherwise every column keeps at least its
//! longest word (ids, ratings and sources are never broken; only a word longer than
//! [`MAX_UNBROKEN`] in a later column is), the rest of the width goes to the columns with the
//! most text, and cells wrap at word boundaries. Below [`COMPACT_BELOW`] columns, or when even
//! the longest words do not fit side by side, each row becomes a block of `key: value` lines.
//! Text outside tables wraps with a hanging indent. Widths count terminal cells
//! (`unicode-width`), so Cyrillic and dashes line up.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthStr;

use super::doc::{Block, Doc, Styled, Tone};

/// Below this many columns a table that does not fit whole becomes blocks of `key: value`.
pub const COMPACT_BELOW: usize = 100;
/// The longest word a column after the first keeps whole when space is short (a URL in a
/// citation is broken rather than squeezing every other column).
pub const MAX_UNBROKEN: usize = 40;
/// The narrowest a column of running text may get before the table is drawn as blocks.
pub const MIN_TEXT_COLUMN: usize = 24;
/// The narrowest width honoured (a narrower terminal gets this).
pub const MIN_WIDTH: usize = 40;

/// How the terminal output is laid out.
#[derive(Debug, Clone, Copy)]
pub struct TableOptions {
    pub color: bool,
    /// The width to fit, in terminal cells; `None` for no limit.
    pub width: Option<usize>,
}

pub fn render(doc: &Doc, options: TableOptions) -> String {
    let width = options.width.map(|w| w.max(MIN_WIDTH));
    let mut out = String::new();
    let bold = Style::new().bold();
    let paint = |style: Style, text: &str| {
        if options.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    };
    for line in wrap(&doc.title, width.unwrap_or(usize::MAX)) {
        let _ = writeln!(out, "{}", paint(bold, &line));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(text) => {
                let _ = writeln!(out, "\n{}", paint(bold.underline(), text));
            }
            Block::Paragraph(text) => {
                hanging(&mut out, "", "", text, width, options.color);
            }
            Block::Fields(fields) => {
                let key_width = fields.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
                for (key, value) in fields {
                    let pad = " ".repeat(key_width - key.width());
                    let first = format!("  {key}:{pad} ");
                    let rest = " ".repeat(first.width());
                    hanging(&mut out, &first, &rest, value, width, options.color);
                }
            }
            Block::List(items) => {
                for item in items {
                    hanging(&mut out, "  - ", "    ", item, width, options.color);
                }
            }
            Block::Fenced { .. } => {}
            Block::SubList(items) => {
                for item in items {
                    hanging(
                        &mut out,
                        "      \u{00b7} ",
                        "        ",
                        item,
                        width,
                        options.color,
                    );
                }
            }
            Block::Table { header, rows } => {
                table(&mut out, header, rows, width, options.color);
            }
        }
    }
    out
}

/// Writes `text` wrapped to `width`: its first line after `first`, the others after `rest`.
fn hanging(
    out: &mut String,
    first: &str,
    rest: &str,
    text: &Styled,
    width: Option<usize>,
    color: bool,
) {
    let room = |lead: &str| width.map_or(usize::MAX, |w| w.saturating_sub(cells(lead)).max(20));
    for (n, line) in wrap_hanging(&text.text, room(first), room(rest))
        .iter()
        .enumerate()
    {
        out.push_str(if n == 0 { first } else { rest });
        paint_into(out, line, text.tone, color);
        out.push('\n');
    }
}

/// The display width of the widest line of a cell.
fn natural(text: &str) -> usize {
    text.lines().map(cells).max().unwrap_or(0)
}

/// The display width of the longest word of a cell.
fn longest_word(text: &str) -> usize {
    text.split_whitespace().map(cells).max().unwrap_or(0)
}

/// The display width of `text` in cells: its length when it is printable ASCII (one cell a
/// character, as `unicode-width` counts them, without looking each up), else `unicode-width`'s.
fn cells(text: &str) -> usize {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        text.len()
    } else {
        text.width()
    }
}

/// Wraps text to `width` cells at spaces; a word wider than `width` is cut into pieces of
/// `width`. Line breaks in the text are kept. Never returns no line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_hanging(text, width, width)
}

/// [`wrap`] with the first line `first` cells wide and every other line `rest` (a hanging
/// indent: the first line follows a label, the others a shorter indent).
fn wrap_hanging(text: &str, first: usize, rest: usize) -> Vec<String> {
    let (first, rest) = (first.max(1), rest.max(1));
    if text.len() <= first && single_spaced_ascii(text) {
        // One line as it is: what `wrap_words` would make of it, without taking it apart.
        return vec![text.to_owned()];
    }
    wrap_words(text, first, rest)
}

/// [`wrap_hanging`] word by word (`first` and `rest` at least 1).
fn wrap_words(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        // Room for a whole line up front, so that a line is not grown word by word.
        let room = paragraph.len().min(first.max(rest));
        let mut line = String::with_capacity(room);
        // The width of `line`, kept as words are added (a space joins no two characters into
        // one cell, so widths add up) rather than measured again for every word.
        let mut line_width = 0;
        for whole in paragraph.split_whitespace() {
            let mut word = whole;
            loop {
                let width = if lines.is_empty() { first } else { rest };
                let word_width = cells(word);
                let need = if line.is_empty() {
                    word_width
                } else {
                    line_width + 1 + word_width
                };
                if need <= width {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    line_width = need;
                    break;
                }
                if !line.is_empty() {
                    lines.push(std::mem::replace(&mut line, String::with_capacity(room)));
                    line_width = 0;
                    continue;
                }
                // A word wider than the line: cut it.
                let (head, tail) = split_at_width(word, width);
                lines.push(head.to_owned());
                word = tail;
                if word.is_empty() {
                    break;
                }
            }
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Whether `text` is printable ASCII (one cell a character) whose words are joined by single
/// spaces, with none before the first or after the last: text that wrapping, which splits at
/// whitespace and joins with one space, gives back as it is when it fits one line.
fn single_spaced_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().all(|b| (b' '..=b'~').contains(b))
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes.windows(2).any(|pair| pair == b"  ")
}

/// The longest prefix of `word` that fits `width` cells (at least one character), and the rest.
fn split_at_width(word: &str, width: usize) -> (&str, &str) {
    let mut used = 0;
    let mut cut = 0;
    for (i, c) in word.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width && i > 0 {
            break;
        }
        used += w;
        cut = i + c.len_utf8();
    }
    word.split_at(cut)
}

/// The column widths a table is drawn with inside `width`, or `None` when it must be drawn as
/// blocks.
fn column_widths(
    header: &[String],
    rows: &[Vec<Styled>],
    width: Option<usize>,
) -> Option<Vec<usize>> {
    let n = header.len();
    let cell = |r: usize, j: usize| rows[r].get(j).map_or("", |c| c.text.as_str());
    let nat: Vec<usize> = (0..n)
        .map(|j| {
            (0..rows.len())
                .map(|r| natural(cell(r, j)))
                .chain([natural(&header[j])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let overhead = 3 * n + 1;
    let Some(width) = width else {
        return Some(nat);
    };
    if nat.iter().sum::<usize>() + overhead <= width {
        return Some(nat);
    }
    if width < COMPACT_BELOW {
        return None;
    }
    // Each column's least: its longest word (capped after the first column), its header word.
    let least: Vec<usize> = (0..n)
        .map(|j| {
            let word = (0..rows.len())
                .map(|r| longest_word(cell(r, j)))
                .chain([longest_word(&header[j])])
                .max()
                .unwrap_or(0);
            let word = if j == 0 { word } else { word.min(MAX_UNBROKEN) };
            word.min(nat[j]).max(1)
        })
        .collect();
    let room = width.checked_sub(overhead)?;
    let floor: usize = least.iter().sum();
    if floor > room {
        return None;
    }
    // Share the rest among the columns that still want more, in proportion to what they want.
    let want: Vec<usize> = (0..n).map(|j| nat[j] - least[j]).collect();
    let total_want: usize = want.iter().sum();
    let extra = room - floor;
    let mut widths = least.clone();
    if total_want > 0 {
        let mut given = 0;
        for j in 0..n {
            let share = (want[j] * extra).checked_div(total_want).unwrap_or(0);
            widths[j] += share;
            given += share;
        }
        // The remainder, one cell at a time, to the columns that want most.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&j| std::cmp::Reverse(want[j]));
        let mut left = extra - given;
        for &j in order.iter().cycle().take(n * 2) {
            if left == 0 {
                break;
            }
            if widths[j] < nat[j] {
                widths[j] += 1;
                left -= 1;
            }
        }
    }
    // A text column squeezed below a readable measure reads better as blocks.
    if (0..n).any(|j| nat[j] > MIN_TEXT_COLUMN && widths[j] < MIN_TEXT_COLUMN) {
        return None;
    }
    Some(widths)
}

fn table(
    out: &mut String,
    header: &[String],
    rows: &[Vec<Styled>],
    width: Option<usize>,
    color: bool,
) {
    let Some(widths) = column_widths(header, rows, width) else {
        blocks(out, header, rows, width.unwrap_or(usize::MAX), color);
        return;
    };
    let rule = |left: &str, fill: &str, mid: &str, right: &str| {
        let parts: Vec<String> = widths.iter().map(|&w| fill.repeat(w + 2)).collect();
        format!("{left}{}{right}", parts.join(mid))
    };
    let _ = writeln!(out, "{}", rule("┌", "─", "┬", "┐"));
    let head: Vec<Styled> = header.iter().map(|h| Styled::from(h.as_str())).collect();
    row_lines(out, &head, &widths, false);
    let _ = writeln!(out, "{}", rule("╞", "═", "╪", "╡"));
    for row in rows {
        row_lines(out, row, &widths, color);
    }
    let _ = writeln!(out, "{}", rule("└", "─", "┴", "┘"));
}

/// One row of a table: its cells wrapped to their columns, side by side.
fn row_lines(out: &mut String, row: &[Styled], widths: &[usize], color: bool) {
    let wrapped: Vec<Vec<String>> = widths
        .iter()
        .enumerate()
        .map(|(j, &w)| wrap(row.get(j).map_or("", |c| c.text.as_str()), w))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for k in 0..height {
        let cells: Vec<String> = widths
            .iter()
            .enumerate()
            .map(|(j, &w)| {
                let text = wrapped[j].get(k).map_or("", String::as_str);
                let pad = " ".repeat(w.saturating_sub(text.width()));
                let tone = row.get(j).map_or(Tone::Plain, |c| c.tone);
                let mut cell = String::with_capacity(text.len() + pad.len());
                paint_into(&mut cell, text, tone, color);
                cell.push_str(&pad);
                cell
            })
            .collect();
        let _ = writeln!(out, "│ {} │", cells.join(" ┆ "));
    }
}

/// A table too wide for the width: one block per row, its first cell as the title, then
/// `header: value` lines with a hanging indent.
fn blocks(out: &mut String, header: &[String], rows: &[Vec<Styled>], width: usize, color: bool) {
    let bold = Style::new().bold();
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            out.push('\n');
        }
        let Some(first) = row.first() else { continue };
        // The title is bold when colour is on (its tone's colour is not used).
        for line in wrap(&first.text, width.saturating_sub(2).max(20)) {
            if color {
                let _ = writeln!(out, "  {}{line}{}", bold.render(), bold.render_reset());
            } else {
                let _ = writeln!(out, "  {line}");
            }
        }
        for (j, cell) in row.iter().enumerate().skip(1) {
            if cell.text.trim().is_empty() {
                continue;
            }
            let key = header.get(j).map_or("", String::as_str);
            let lead = format!("    {key}: ");
            hanging(out, &lead, "      ", cell, Some(width), color);
        }
    }
}

fn color_of(tone: Tone) -> Option<AnsiColor> {
    match tone {
        Tone::Plain => None,
        Tone::Good => Some(AnsiColor::Green),
        Tone::Warn => Some(AnsiColor::Yellow),
        Tone::Bad => Some(AnsiColor::Red),
        Tone::Muted => Some(AnsiColor::BrightBlack),
    }
}

/// Appends `text` to `out`, in its tone's colour when colour is on.
fn paint_into(out: &mut String, text: &str, tone: Tone, color: bool) {
    match color_of(tone) {
        Some(ansi) if color && !text.is_empty() => {
            let style = Style::new().fg_color(Some(ansi.into()));
            let _ = write!(out, "{}{text}{}", style.render(), style.render_reset());
        }
        _ => out.push_str(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_ascii_is_one_cell_a_character_as_unicode_width_counts_it() {
        let ascii: String = (b' '..=b'~').map(char::from).collect();
        assert_eq!(cells(&ascii), ascii.width());
        for text in [
            "",
            "a b",
            "Лидаза 64 ЕД",
            "日本",
            "x\u{301}",
            "#\u{fe0f}\u{20e3}",
            "a\tb",
        ] {
            assert_eq!(cells(text), text.width(), "{text:?}");
        }
    }

    fn doc_with_table(rows: &[&[&str]]) -> Doc {
        let mut doc = Doc::new("t");
        doc.table(
            vec!["pair".into(), "rating".into(), "note".into()],
            rows.iter()
                .map(|r| r.iter().map(|c| Styled::from(*c)).collect())
                .collect(),
        );
        doc
    }

    const NOTE: &str = "Hyaluronidase depolymerises hyaluronic acid: the enzyme dissolves the filler in the syringe and in the tissue, so the two must never be mixed or injected together.";

    #[test]
    fn a_line_that_fits_as_it_is_wraps_as_word_by_word() {
        let texts = [
            "",
            "INCOMPATIBLE",
            "hyaluronic_acid, Lidase (hyaluronidase)",
            "two  spaces",
            " leading",
            "trailing ",
            "tab\there",
            "line\nbreak",
            "с осторожностью",
            "a bb ccc dddd",
        ];
        for text in texts {
            for first in [1, 4, 12, 13, 39, 40, 41, 200] {
                for rest in [1, 5, 40] {
                    assert_eq!(
                        wrap_hanging(text, first, rest),
                        wrap_words(text, first, rest),
                        "{text:?} in {first} then {rest}"
                    );
                }
            }
        }
        assert!(single_spaced_ascii("a b (c)"));
        assert!(!single_spaced_ascii("a  b"));
        assert!(!single_spaced_ascii("a b "));
        assert!(!single_spaced_ascii("с"));
    }

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
        assert_eq!(wrap("hyaluronic_acid x", 8), ["hyaluron", "ic_acid", "x"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("с осторожностью", 15), ["с осторожностью"]);
        assert_eq!(wrap("с осторожностью", 14), ["с", "осторожностью"]);
        // A hanging indent: the first line is narrower than the rest.
        assert_eq!(wrap_hanging("aa bb cc dd ee", 5, 8), ["aa bb", "cc dd ee"]);
        assert_eq!(wrap_hanging("abcdefgh ij", 3, 5), ["abc", "defgh", "ij"]);
    }

    #[test]
    fn tables_fit_the_width_and_break_no_id() {
        let doc = doc_with_table(&[
            &["hyaluronidase × hyaluronic_acid", "incompatible", NOTE],
            &["lidocaine × sodium_bicarbonate", "с осторожностью", "short"],
        ]);
        for width in [100, 120, 160] {
            let out = render(
                &doc,
                TableOptions {
                    color: false,
                    width: Some(width),
                },
            );
            for line in out.lines() {
                assert!(
                    line.width() <= width,
                    "{width}: {line:?} is {} wide",
                    line.width()
                );
            }
            for word in [
                "hyaluronidase",
                "hyaluronic_acid",
                "incompatible",
                "осторожностью",
            ] {
                assert!(out.contains(word), "{width}: {word} broken in\n{out}");
            }
        }
        // No limit: one line per row.
        let out = render(
            &doc,
            TableOptions {
                color: false,
                width: None,
            },
        );
        assert_eq!(
            out.lines().count(),
            1 + 6,
            "title, top, header, rule, two rows, bottom"
        );
    }

    #[test]
    fn narrow_terminals_get_blocks() {
        let doc = doc_with_table(&[&["hyaluronidase × hyaluronic_acid", "incompatible", NOTE]]);
        let out = render(
            &doc,
            TableOptions {
                color: false,
                width: Some(80),
            },
        );
        assert!(
            out.contains("  hyaluronidase × hyaluronic_acid\n    rating: incompatible\n    note: "),
            "{out}"
        );
        for line in out.lines() {
            assert!(line.width() <= 80, "{line:?}");
        }
    }
}
