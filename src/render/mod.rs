//! Rendering at the edge. Nothing here reads or writes files.
//!
//! Commands build their data in the core; here it becomes a [`doc::Doc`] (for `table` and
//! `markdown`) or a JSON document. Three kinds of module:
//!
//! - the shared vocabulary: [`lang`] (fixed words in both languages), [`vocab`] (texts, names,
//!   tones and notes built from the catalog) and [`query`] (questions the views ask of the
//!   catalog);
//! - one view per command: [`catalog`] (the catalog commands), [`check`], [`explain`],
//!   [`formulate`] and [`plan`], each with its document and its JSON;
//! - one writer per format: [`table`], [`markdown`], [`json`], [`ics`], [`graph`] (DOT,
//!   Mermaid, SVG) and [`diagnostics`] (catalog problems);
//! - [`emit`], the one place a report meets a format (which formats each command writes, and
//!   the bytes), and [`errors`], the words of every error in both languages.

pub mod catalog;
pub mod check;
pub mod diagnostics;
pub mod doc;
pub mod dose;
pub mod emit;
pub mod errors;
pub mod explain;
pub mod formulate;
pub mod graph;
pub mod ics;
pub mod json;
pub mod lang;
pub mod markdown;
pub mod plan;
pub mod query;
pub mod table;
pub mod vocab;

use clap::ValueEnum;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for a person at a terminal.
    Table,
    /// JSON for other tools (stable, see `mesomix schema`).
    Json,
    /// Markdown for patient notes.
    Markdown,
    /// An RFC 5545 calendar (`plan` and `formulate --plan` only).
    Ics,
    /// Graphviz DOT (`graph` only).
    Dot,
    /// Mermaid, for Markdown (`graph` only).
    Mermaid,
    /// SVG (`graph` only).
    Svg,
}

impl Format {
    /// Its name as typed after `--format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Ics => "ics",
            Format::Dot => "dot",
            Format::Mermaid => "mermaid",
            Format::Svg => "svg",
        }
    }
}

/// Everything a human-facing renderer needs to know.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub lang: lang::Lang,
    pub table: table::TableOptions,
}

/// Renders a document in a human format.
pub fn human(doc: &doc::Doc, format: Format, style: Style) -> String {
    match format {
        Format::Markdown => markdown::render(doc),
        _ => table::render(doc, style.table),
    }
}
