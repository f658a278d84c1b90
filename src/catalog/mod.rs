//! The catalog: RON model, loading, validation with spans, and name lookup.
//!
//! `load` turns catalog text into a validated, immutable [`Catalog`]: ids resolved to indices,
//! names indexed for lookup and the compatibility graph built. A catalog that fails any rule is
//! never returned half-built; the error lists every problem with its line and column.

mod actions;
mod graph;
pub use actions::{GoalValue, accepted, better, evidence_rank, holds_in, total_shares};
pub use graph::CompatGraph;
pub(crate) mod codec;
mod index;
pub use index::Kind;
use index::{Derived, NameIndex};
pub mod model;
pub mod spans;
pub mod validate;

use std::ops::Range;

pub use codec::ron_options;

use crate::names::{closest, normalise};
use codec::sha256_hex;
use model::{CatalogFile, Class, Condition, Goal, Ingredient, List, Medication, Zone};

/// The catalog that ships inside the binary, as written.
pub const EMBEDDED: &str = include_str!("../../ingredients.ron");

/// The same catalog as Rust statics, written by `build.rs` when mesomix was built, after it
/// validated the catalog and derived its name index, ingredients' classes and compatibility
/// graph: `FILE` (the catalog file, its texts string literals and its lists static slices),
/// `DERIVED` and `SHA256` (of [`EMBEDDED`]). Loading it copies a few pointers (see
/// `docs/reference.md`, "Performance").
mod generated {
    use super::graph::CompatGraph;
    use super::index::{Derived, Kind, NameIndex};
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
}

/// The name shown for the embedded catalog in messages.
pub const EMBEDDED_ORIGIN: &str = "<embedded ingredients.ron>";

/// One located problem in a catalog text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong, as a sentence (for a syntax error, the RON parser's message).
    pub message: String,
    /// A short label shown under the caret (`here` for a syntax error).
    pub label: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range in the text.
    pub span: Range<usize>,
}

/// A catalog that could not be loaded, with every problem found.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{origin}: {} problem(s) in the catalog", diagnostics.len())]
pub struct CatalogError {
    /// File name (or the embedded catalog's name).
    pub origin: String,
    /// The whole text, for snippets.
    pub text: String,
    /// Every problem found, in file order (a syntax error gives exactly one).
    pub diagnostics: Vec<Diagnostic>,
}

/// Something a mix can hold: an ingredient, or a branded product that stands for its actives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// An index into the ingredients.
    Ingredient(usize),
    /// An index into the products.
    Product(usize),
}

/// A name that matches nothing of the wanted kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind:?} `{name}`")]
pub struct UnknownName {
    /// The kind that was looked for (an unknown allergy reports `Ingredient`, though allergy
    /// conditions and classes were tried too).
    pub kind: Kind,
    /// The name as typed.
    pub name: String,
    /// The ids of the closest known records (close by id, name or alias), best first, at most
    /// three; empty when nothing is close.
    pub suggestions: Vec<String>,
}

/// A validated catalog. Immutable once loaded.
#[derive(Debug)]
pub struct Catalog {
    file: CatalogFile,
    origin: String,
    sha256: String,
    names: NameIndex,
    class_of: List<usize>,
    compat: CompatGraph,
}

/// Loads and validates catalog text. `origin` names the file in messages.
pub fn load(text: &str, origin: &str) -> Result<Catalog, CatalogError> {
    let error = |diagnostics| CatalogError {
        origin: origin.to_owned(),
        text: text.to_owned(),
        diagnostics,
    };
    let file: CatalogFile = match ron_options().from_str(text) {
        Ok(file) => file,
        Err(e) => return Err(error(vec![syntax_diagnostic(text, &e)])),
    };
    let problems = validate::validate(&file);
    if !problems.is_empty() {
        let index = spans::SpanIndex::new(text);
        let lines = LineIndex::new(text);
        let mut diagnostics: Vec<Diagnostic> = problems
            .into_iter()
            .map(|p| {
                let span = index.find(&p.path).unwrap_or(0..0);
                let (line, column) = lines.line_column(text, span.start);
                Diagnostic {
                    message: p.message,
                    label: p.label,
                    line,
                    column,
                    span,
                }
            })
            .collect();
        // In file order, so a reader can work down the file.
        diagnostics.sort_by_key(|d| d.span.start);
        return Err(error(diagnostics));
    }
    Ok(Catalog::build(file, origin, sha256_hex(text)))
}

/// Validates and builds a catalog from its model (for generated catalogs). The hash is taken over
/// the model's RON serialisation.
pub fn from_model(file: CatalogFile, origin: &str) -> Result<Catalog, Vec<validate::Problem>> {
    let problems = validate::validate(&file);
    if !problems.is_empty() {
        return Err(problems);
    }
    let text = ron::to_string(&file).unwrap_or_default();
    Ok(Catalog::build(file, origin, sha256_hex(&text)))
}

/// Loads the embedded catalog: validated when the binary was built, so it cannot fail; the
/// `Result` is that of every catalog source.
pub fn embedded() -> Result<Catalog, CatalogError> {
    // Cloning borrows the statics: no text or list is copied.
    Ok(Catalog::assemble(
        generated::FILE.clone(),
        generated::DERIVED.clone(),
        EMBEDDED_ORIGIN,
        generated::SHA256.to_owned(),
    ))
}

fn syntax_diagnostic(text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    let start = byte_offset(text, e.span.start.line, e.span.start.col);
    let end = byte_offset(text, e.span.end.line, e.span.end.col).max(start);
    // Point at one character at least, so the caret is visible.
    let end = if end == start {
        next_char_boundary(text, start)
    } else {
        end
    };
    let (line, column) = line_column(text, start);
    Diagnostic {
        message: e.code.to_string(),
        label: "here".into(),
        line,
        column,
        span: start..end,
    }
}

fn next_char_boundary(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
}

/// Converts ron's 1-based line and character column to a byte offset.
fn byte_offset(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            let within: usize = l
                .chars()
                .take(col.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return offset + within;
        }
        offset += l.len();
    }
    text.len()
}

/// The byte offset where each line starts, for line and column lookups in logarithmic time.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex(starts)
    }

    /// As [`line_column`], without scanning the text before `offset`.
    fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.0.partition_point(|&s| s <= offset);
        let start = self.0[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
}

/// 1-based line and character column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

impl Catalog {
    fn build(file: CatalogFile, origin: &str, sha256: String) -> Catalog {
        let derived = index::derive(&file);
        Catalog::assemble(file, derived, origin, sha256)
    }

    /// A catalog from a validated file and what was derived from it.
    fn assemble(file: CatalogFile, derived: Derived, origin: &str, sha256: String) -> Catalog {
        Catalog {
            file,
            origin: origin.to_owned(),
            sha256,
            names: derived.names,
            class_of: derived.class_of,
            compat: derived.compat,
        }
    }

    /// The catalog as written (validated), for what has no accessor of its own: sources, aftercare,
    /// expectations, edges.
    pub fn file(&self) -> &CatalogFile {
        &self.file
    }
    /// Where the catalog came from, as messages name it: the name given to [`load`] (a file's path,
    /// `<stdin>`) or `<embedded ingredients.ron>`.
    pub fn origin(&self) -> &str {
        &self.origin
    }
    /// The version of the catalog's content (its `version` field, e.g. `2026.11.0`).
    pub fn version(&self) -> &str {
        &self.file.version
    }
    /// SHA-256 of the catalog text, hex.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }
    /// Every ingredient, in file order; an ingredient index is a position in this list.
    pub fn ingredients(&self) -> &[Ingredient] {
        &self.file.ingredients
    }
    /// Every class, in file order; a class index is a position in this list.
    pub fn classes(&self) -> &[Class] {
        &self.file.classes
    }
    /// Every goal, in file order; a goal index is a position in this list.
    pub fn goals(&self) -> &[Goal] {
        &self.file.goals
    }
    /// Every zone, in file order; a zone index is a position in this list.
    pub fn zones(&self) -> &[Zone] {
        &self.file.zones
    }
    /// Every condition, in file order; a condition index is a position in this list.
    pub fn conditions(&self) -> &[Condition] {
        &self.file.conditions
    }
    /// Every medication, in file order; a medication index is a position in this list.
    pub fn medications(&self) -> &[Medication] {
        &self.file.medications
    }
    /// The compatibility graph: the ingredient and class edges, indexed by their ends.
    pub fn compat(&self) -> &CompatGraph {
        &self.compat
    }
    /// Index of the class of ingredient `ingredient` (both indices into the catalog's lists).
    pub fn class_of(&self, ingredient: usize) -> usize {
        self.class_of[ingredient]
    }
    /// The source with id `id` (exact), if the catalog has one.
    pub fn source(&self, id: &str) -> Option<&model::Source> {
        self.file.sources.iter().find(|s| s.id == id)
    }

    /// Resolves a name to the index of the record of `kind` it names. A name matches the
    /// record's id, its English or Russian name, or one of its aliases (classes have none),
    /// whatever the case and surrounding spaces, with `-` and spaces read as `_` (see
    /// [`normalise`](crate::names::normalise)). The error carries the kind, the name as typed and
    /// the ids of up to three closest records of that kind, best first.
    pub fn find(&self, kind: Kind, name: &str) -> Result<usize, UnknownName> {
        self.lookup(kind, name)
            .ok_or_else(|| self.unknown(kind, name))
    }

    /// The index of the record of `kind` that `name` names, as [`Catalog::find`] matches it, or
    /// `None`, without the "did you mean" work: for a lookup whose miss is not the error yet
    /// (another kind is tried next).
    pub fn lookup(&self, kind: Kind, name: &str) -> Option<usize> {
        self.names.get(kind, &normalise(name))
    }

    /// The error for a name that names no record of `kind`: the ids of up to three closest
    /// records of that kind, best first.
    pub fn unknown(&self, kind: Kind, name: &str) -> UnknownName {
        let suggestions = closest(name, self.names.keys(kind))
            .into_iter()
            .filter_map(|key| self.names.get(kind, key))
            .map(|i| self.display_id(kind, i))
            .fold(Vec::new(), |mut acc, id| {
                if !acc.contains(&id) {
                    acc.push(id);
                }
                acc
            });
        UnknownName {
            kind,
            name: name.to_owned(),
            suggestions,
        }
    }

    /// What a mix item's name finds: an ingredient, else a product (validation keeps their
    /// names apart). Unknown: the closest ingredients and products, best first.
    pub fn find_item(&self, name: &str) -> Result<Item, UnknownName> {
        // Both exact lookups before any "did you mean": a product's name is not worth the work
        // of the ingredients' suggestions.
        if let Some(i) = self.lookup(Kind::Ingredient, name) {
            return Ok(Item::Ingredient(i));
        }
        if let Some(p) = self.lookup(Kind::Product, name) {
            return Ok(Item::Product(p));
        }
        let mut unknown = self.unknown(Kind::Ingredient, name);
        for s in self.unknown(Kind::Product, name).suggestions {
            if !unknown.suggestions.contains(&s) {
                unknown.suggestions.push(s);
            }
        }
        unknown.suggestions.truncate(3);
        Err(unknown)
    }

    /// The item with exactly this id (an ingredient, else a product), without the "did you
    /// mean" work of [`Catalog::find_item`]: for ids the catalog itself holds.
    pub fn item_by_id(&self, id: &str) -> Option<Item> {
        self.ingredient_index(id).map(Item::Ingredient).or_else(|| {
            self.file
                .products
                .iter()
                .position(|p| p.id == id)
                .map(Item::Product)
        })
    }

    /// The branded products, in catalog order.
    pub fn products(&self) -> &[model::Product] {
        &self.file.products
    }

    /// The ingredients a mix item stands for: itself, or a product's actives in order.
    pub fn actives_of(&self, item: Item) -> Vec<usize> {
        match item {
            Item::Ingredient(i) => vec![i],
            Item::Product(p) => self.file.products[p]
                .actives
                .iter()
                .filter_map(|a| self.ingredient_index(&a.ingredient))
                .collect(),
        }
    }

    /// The id of record `index` of `kind`.
    pub fn display_id(&self, kind: Kind, index: usize) -> String {
        match kind {
            Kind::Ingredient => self.file.ingredients[index].id.to_string(),
            Kind::Class => self.file.classes[index].id.to_string(),
            Kind::Goal => self.file.goals[index].id.to_string(),
            Kind::Zone => self.file.zones[index].id.to_string(),
            Kind::Condition => self.file.conditions[index].id.to_string(),
            Kind::Medication => self.file.medications[index].id.to_string(),
            Kind::Product => self.file.products[index].id.to_string(),
        }
    }

    /// Index of an ingredient by exact id.
    pub fn ingredient_index(&self, id: &str) -> Option<usize> {
        self.file.ingredients.iter().position(|i| i.id == id)
    }
    /// Index of a goal by exact id (not normalised; names and aliases go through
    /// [`Catalog::find`]).
    pub fn goal_index(&self, id: &str) -> Option<usize> {
        self.file.goals.iter().position(|g| g.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_statics_are_the_validated_text() {
        let embedded = embedded().expect("the embedded catalog loads");
        let loaded = load(EMBEDDED, EMBEDDED_ORIGIN).expect("the embedded catalog is valid");
        // The model has no equality; its JSON form has every field, and RON its types' names.
        assert_eq!(
            serde_json::to_value(embedded.file()).expect("to JSON"),
            serde_json::to_value(loaded.file()).expect("to JSON")
        );
        assert_eq!(
            codec::with_every_field(|| ron::to_string(embedded.file())).expect("to RON"),
            codec::with_every_field(|| ron::to_string(loaded.file())).expect("to RON")
        );
        assert_eq!(embedded.names, loaded.names);
        assert_eq!(embedded.class_of, loaded.class_of);
        assert_eq!(
            generated::DERIVED,
            index::derive(loaded.file()),
            "the name index, classes and compatibility graph"
        );
        assert_eq!(embedded.sha256(), loaded.sha256());
        assert_eq!(embedded.origin(), loaded.origin());
    }

    #[test]
    fn converts_character_columns_to_bytes() {
        let text = "ab\nжж x\n";
        assert_eq!(byte_offset(text, 2, 4), 3 + 5);
        assert_eq!(line_column(text, 3 + 5), (2, 4));
    }

    #[test]
    fn the_line_index_agrees_with_the_scan_at_every_offset() {
        for text in [
            "",
            "a",
            "\n",
            "ab\nжж x\n",
            "x\n\n\ny",
            "line one\r\nстрока два\r\n",
        ] {
            let index = LineIndex::new(text);
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                assert_eq!(
                    index.line_column(text, offset),
                    line_column(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }
}
