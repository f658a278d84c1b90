//! `validate`: a valid catalog's version, hash and counts, as a document and as JSON; and the
//! JSON report of a catalog that failed validation (`mesomix.validation/1`).

use serde::Serialize;

use crate::catalog::{Catalog, CatalogError};
use crate::compat::{Coverage, coverage};
use crate::render::doc::{Doc, Styled, Tone};
use crate::render::json::{envelope, to_string};
use crate::render::lang::{Lang, Msg, fill};

#[derive(Debug, Serialize)]
struct ProblemRow<'e> {
    message: &'e str,
    label: &'e str,
    line: usize,
    column: usize,
}

/// How many records of each kind a catalog holds.
#[derive(Debug, Serialize)]
struct Counts {
    ingredients: usize,
    classes: usize,
    goals: usize,
    zones: usize,
    conditions: usize,
    medications: usize,
    edges: usize,
    class_edges: usize,
    sources: usize,
}

impl Counts {
    fn of(catalog: &Catalog) -> Counts {
        let f = catalog.file();
        Counts {
            ingredients: f.ingredients.len(),
            classes: f.classes.len(),
            goals: f.goals.len(),
            zones: f.zones.len(),
            conditions: f.conditions.len(),
            medications: f.medications.len(),
            edges: f.edges.len(),
            class_edges: f.class_edges.len(),
            sources: f.sources.len(),
        }
    }

    /// The counts in one sentence.
    fn line(&self, lang: Lang) -> String {
        fill(
            Msg::CountsLine.get(lang),
            &[
                &self.ingredients,
                &self.classes,
                &self.goals,
                &self.zones,
                &self.conditions,
                &self.medications,
                &self.edges,
                &self.class_edges,
                &self.sources,
            ],
        )
    }
}

/// The `validate` document of a valid catalog: status, version, hash and counts.
pub fn valid_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(format!(
        "{}: {}",
        Msg::CatalogTitle.get(lang),
        catalog.origin()
    ));
    doc.fields(vec![
        (
            Msg::Status.get(lang).to_owned(),
            Styled::new(Msg::Valid.get(lang), Tone::Good),
        ),
        (
            Msg::Version.get(lang).to_owned(),
            Styled::from(catalog.version()),
        ),
        ("sha256".to_owned(), Styled::from(catalog.sha256())),
        (
            Msg::Counts.get(lang).to_owned(),
            Styled::from(Counts::of(catalog).line(lang)),
        ),
        (
            Msg::PairCoverage.get(lang).to_owned(),
            Styled::from(coverage_line(coverage(catalog, None), lang)),
        ),
    ]);
    doc
}

/// "N of M ingredient pairs rated; K % have no data".
fn coverage_line(c: Coverage, lang: Lang) -> String {
    fill(
        Msg::PairCoverageLine.get(lang),
        &[&c.rated, &c.pairs, &c.unknown_percent()],
    )
}

/// `mesomix validate --format json` for a valid catalog.
pub fn valid_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Body<'c> {
        file: &'c str,
        valid: bool,
        counts: Counts,
        /// Ingredient pairs with a rating, of all pairs.
        pairs: Coverage,
        problems: [ProblemRow<'c>; 0],
    }
    to_string(&envelope(
        "mesomix.validation/1",
        catalog,
        Body {
            file: catalog.origin(),
            valid: true,
            counts: Counts::of(catalog),
            pairs: coverage(catalog, None),
            problems: [],
        },
    ))
}

/// The JSON report of a catalog that failed validation (it has no version or hash to give).
pub fn invalid_json(error: &CatalogError) -> String {
    #[derive(Serialize)]
    struct Doc<'e> {
        schema: &'static str,
        file: &'e str,
        valid: bool,
        problems: Vec<ProblemRow<'e>>,
    }
    let doc = Doc {
        schema: "mesomix.validation/1",
        file: &error.origin,
        valid: false,
        problems: error
            .diagnostics
            .iter()
            .map(|d| ProblemRow {
                message: &d.message,
                label: &d.label,
                line: d.line,
                column: d.column,
            })
            .collect(),
    };
    to_string(&doc)
}
