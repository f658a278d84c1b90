//! Renders a [`Doc`] as Markdown a practitioner can paste into patient notes.

use std::fmt::Write as _;

use super::doc::{Block, Doc, Styled, Tone};

pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}", escape(&doc.title));
    for block in &doc.blocks {
        // A nested list continues the list above it.
        if !matches!(block, Block::SubList(_)) {
            out.push('\n');
        }
        match block {
            Block::Fenced { info, text } => {
                let fence = fence_for(text);
                let _ = write!(out, "{fence}{info}\n{text}{fence}\n");
            }
            Block::SubList(items) => {
                for item in items {
                    let _ = writeln!(out, "  - {}", inline(item));
                }
            }
            Block::Heading(text) => {
                let _ = writeln!(out, "## {}", escape(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{}", inline(text));
            }
            Block::Fields(fields) => {
                for (key, value) in fields {
                    let _ = writeln!(out, "- **{}:** {}", escape(key), inline(value));
                }
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", inline(item));
                }
            }
            Block::Table { header, rows } => {
                let _ = writeln!(
                    out,
                    "| {} |",
                    header
                        .iter()
                        .map(|h| cell(h))
                        .collect::<Vec<_>>()
                        .join(" | ")
                );
                let _ = writeln!(
                    out,
                    "|{}|",
                    header.iter().map(|_| "---").collect::<Vec<_>>().join("|")
                );
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| cell(&inline(c))).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
            }
        }
    }
    out
}

/// Ratings that block stand out in bold.
fn inline(text: &Styled) -> String {
    let escaped = escape(&text.text);
    match text.tone {
        Tone::Bad if !escaped.is_empty() => format!("**{escaped}**"),
        _ => escaped,
    }
}

/// A code fence longer than any run of backticks in `text`, so no name inside a fenced block
/// can close it early (CommonMark: a closing fence is at least as long as the opening one).
fn fence_for(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    "`".repeat((longest + 1).max(3))
}

/// Escapes characters Markdown would read as markup (emphasis, code, links, HTML, headings,
/// entities, strikethrough).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // `&` only where it could start an entity (`&amp;`, `&#35;`).
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#');
        if entity
            || matches!(
                c,
                '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' | '|'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A table cell: line breaks turned into `<br>` (pipes are escaped with the rest of the markup;
/// a header cell, which is not, gets its pipes escaped here).
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = None;
    for c in text.chars() {
        match c {
            '|' if previous != Some('\\') => out.push_str("\\|"),
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
        previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names that try to break out of their place: a fence, a table cell, emphasis, a tag, an
    /// entity, a heading.
    const HOSTILE: &[&str] = &[
        "```\n# heading",
        "a | b",
        "**bold** _it_",
        "<script>x</script>",
        "&amp; ~~gone~~",
        "`code` [link](x)",
    ];

    #[test]
    fn a_fence_outlasts_every_backtick_run_inside() {
        assert_eq!(fence_for("plain"), "```");
        assert_eq!(fence_for("a ``` b"), "````");
        assert_eq!(fence_for("``````"), "```````");
        let mut doc = Doc::new("t");
        doc.blocks.push(Block::Fenced {
            info: "mermaid".into(),
            text: "n0[\"```\"]\n".into(),
        });
        let out = render(&doc);
        assert!(out.contains("````mermaid\nn0[\"```\"]\n````\n"), "{out}");
    }

    #[test]
    fn names_cannot_add_markup() {
        for name in HOSTILE {
            let mut doc = Doc::new(*name);
            doc.paragraph(Styled::from(*name));
            doc.table(
                vec!["h".into(), "i".into()],
                vec![vec![Styled::from(*name), Styled::from("x")]],
            );
            let out = render(&doc);
            // One heading line, and the table row keeps its two cells.
            assert_eq!(
                out.lines().filter(|l| l.starts_with('#')).count(),
                1,
                "{out}"
            );
            let row = out.lines().find(|l| l.ends_with("| x |")).expect("the row");
            let unescaped_pipes = row
                .char_indices()
                .filter(|&(i, c)| c == '|' && (i == 0 || row.as_bytes()[i - 1] != b'\\'))
                .count();
            assert_eq!(unescaped_pipes, 3, "{row}");
            // Markup survives only behind a backslash.
            for raw in ["**", "<script>", "&amp;", "~~", "`code`", "](x)"] {
                let bare = out
                    .match_indices(raw)
                    .any(|(i, _)| i == 0 || out.as_bytes()[i - 1] != b'\\');
                assert!(!bare, "{raw} survived in {out}");
            }
        }
    }
}
