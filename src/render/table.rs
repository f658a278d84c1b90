//! Renders a [`Doc`] for a terminal: headings, aligned fields and comfy-table tables.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};

use super::doc::{Block, Doc, Styled, Tone};

/// How the terminal output is laid out.
#[derive(Debug, Clone, Copy)]
pub struct TableOptions {
    pub color: bool,
    /// Wrap tables to the terminal's width; off for files, pipes and snapshots, so that
    /// output there never depends on the terminal.
    pub wrap: bool,
}

pub fn render(doc: &Doc, options: TableOptions) -> String {
    let mut out = String::new();
    let bold = Style::new().bold();
    let paint = |style: Style, text: &str| {
        if options.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    };
    let _ = writeln!(out, "{}", paint(bold, &doc.title));
    for block in &doc.blocks {
        match block {
            Block::Heading(text) => {
                let _ = writeln!(out, "\n{}", paint(bold.underline(), text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{}", styled(text, options.color));
            }
            Block::Fields(fields) => {
                let width = fields
                    .iter()
                    .map(|(k, _)| k.chars().count())
                    .max()
                    .unwrap_or(0);
                for (key, value) in fields {
                    let pad = " ".repeat(width - key.chars().count());
                    let _ = writeln!(out, "  {key}:{pad} {}", styled(value, options.color));
                }
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "  - {}", styled(item, options.color));
                }
            }
            Block::Fenced { .. } => {}
            Block::SubList(items) => {
                for item in items {
                    let _ = writeln!(out, "      \u{00b7} {}", styled(item, options.color));
                }
            }
            Block::Table { header, rows } => {
                let mut table = Table::new();
                table.load_style(presets::UTF8_FULL_CONDENSED);
                if options.wrap {
                    table.set_content_arrangement(ContentArrangement::Dynamic);
                } else {
                    table
                        .force_no_tty()
                        .set_content_arrangement(ContentArrangement::Disabled);
                }
                if options.color {
                    table.enforce_styling();
                }
                table.set_header(header.iter().map(Cell::new));
                for row in rows {
                    table.add_row(row.iter().map(|c| cell(c, options.color)));
                }
                let _ = writeln!(out, "{table}");
            }
        }
    }
    out
}

fn color_of(tone: Tone) -> Option<(AnsiColor, Color)> {
    match tone {
        Tone::Plain => None,
        Tone::Good => Some((AnsiColor::Green, Color::Green)),
        Tone::Warn => Some((AnsiColor::Yellow, Color::Yellow)),
        Tone::Bad => Some((AnsiColor::Red, Color::Red)),
        Tone::Muted => Some((AnsiColor::BrightBlack, Color::DarkGrey)),
    }
}

fn styled(text: &Styled, color: bool) -> String {
    match color_of(text.tone) {
        Some((ansi, _)) if color => {
            let style = Style::new().fg_color(Some(ansi.into()));
            format!("{}{}{}", style.render(), text.text, style.render_reset())
        }
        _ => text.text.clone(),
    }
}

fn cell(text: &Styled, color: bool) -> Cell {
    let cell = Cell::new(&text.text);
    match color_of(text.tone) {
        Some((_, c)) if color => cell.fg(c),
        _ => cell,
    }
}
