//! Every rule a catalog must satisfy, checked in one pass that reports all problems.
//!
//! Problems carry the path of the offending value (`ingredients[3].class`); the loader turns
//! paths into line and column through the span index.
//!
//! The rules are grouped by purpose: `ids` (ids, aliases, names, references), `actions` (goals' actions and shares, action claims,
//! regimens), `sources` (every
//! claim's sources and evidence grade), `records` (the per-record rules of zones, claims and
//! ingredients), `edges` (compatibility edges) and `values` (bilingual texts, numeric ranges,
//! ratings). This module runs them in a fixed order, which is the order problems are reported
//! in.

mod actions;
mod doses;
mod edges;
mod ids;
mod products;
mod records;
mod sources;
mod values;

use std::collections::{BTreeSet, HashMap};

use super::model::{CatalogFile, Grade};
use ids::RecordIds;

/// The most sessions a course may have (a plan computes one date per session).
pub const MAX_SESSIONS: u32 = 100;
/// The most days any interval, window or deadline may span (ten years): dates stay in range.
pub const MAX_DAYS: u32 = 3650;

/// One thing wrong with a catalog, before it is given a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path of the offending value, e.g. `edges[4].b`.
    pub path: String,
    /// What is wrong, as a sentence.
    pub message: String,
    /// A short label shown under the caret.
    pub label: String,
}

/// Checks the whole catalog and returns every problem, in file order of the rules.
pub fn validate(file: &CatalogFile) -> Vec<Problem> {
    let mut v = Validator::new(file);
    v.run();
    v.problems
}

/// The state of one validation run: the problems so far and what the source rules track.
struct Validator<'f> {
    file: &'f CatalogFile,
    problems: Vec<Problem>,
    /// Sources some claim cites (the rest are reported as unused at the end).
    used_sources: BTreeSet<&'f str>,
    source_grades: HashMap<&'f str, Grade>,
}

impl<'f> Validator<'f> {
    fn new(file: &'f CatalogFile) -> Self {
        let source_grades = file
            .sources
            .iter()
            .map(|s| (s.id.as_ref(), s.grade))
            .collect();
        Validator {
            file,
            problems: Vec::new(),
            used_sources: BTreeSet::new(),
            source_grades,
        }
    }

    fn problem(&mut self, path: String, message: String, label: impl Into<String>) {
        self.problems.push(Problem {
            path,
            message,
            label: label.into(),
        });
    }

    /// Every rule, in the order problems are reported in.
    fn run(&mut self) {
        let f = self.file;
        if f.version.trim().is_empty() {
            self.problem(
                "version".into(),
                "the catalog version is empty".into(),
                "empty version",
            );
        }
        self.check_all_ids();
        self.check_aliases_and_names();
        self.check_texts();
        self.check_source_records();

        let ids = RecordIds::new(f);
        self.check_zones();
        self.check_claims();
        for (i, ing) in f.ingredients.iter().enumerate() {
            self.check_ingredient(i, ing, &ids);
        }

        self.edges("class_edges", &ids.classes);
        self.edges("edges", &ids.ingredients);
        self.check_products(&ids);
        self.check_actions(&ids);
        self.check_doses(&ids);

        self.check_unused_sources();
    }
}
