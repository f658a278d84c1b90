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
                let _ = write!(out, "```{info}\n{text}```\n");
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

/// Escapes characters Markdown would read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A table cell: pipes escaped, line breaks turned into `<br>`.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}
