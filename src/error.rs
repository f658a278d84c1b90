//! The errors that end a run with exit code 2, each naming the place that caused it.
//!
//! Errors carry the request [`Field`] they are about, not a flag: the command line names the
//! flag (`--goal`), a batch record names its field (`goals`). Their words are in
//! `render::errors`, in both languages.

use std::path::PathBuf;

use crate::catalog::model::Text;
use crate::catalog::{CatalogError, UnknownName};
use crate::formulate::ExclusionReason;

/// A field of a request: where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The ingredients of a mix (`check`, `graph`, `plan --ingredients`).
    Ingredients,
    /// The ingredient `show` describes.
    Ingredient,
    /// The first ingredient of `explain`.
    A,
    /// The second ingredient of `explain`.
    B,
    Goals,
    Zone,
    Class,
    Require,
    Exclude,
    MaxComponents,
    Alternatives,
    Sessions,
    Start,
    Today,
    From,
    Conditions,
    Medications,
    Allergies,
    Cleared,
    /// The patient's body weight.
    Weight,
    /// The `MESOMIX_TODAY` environment variable.
    TodayVariable,
}

impl Field {
    /// How the command line names it.
    pub fn flag(self) -> &'static str {
        match self {
            Field::Ingredients | Field::Ingredient => "INGREDIENT",
            Field::A => "A",
            Field::B => "B",
            Field::Goals => "--goal",
            Field::Zone => "--zone",
            Field::Class => "--class",
            Field::Require => "--require",
            Field::Exclude => "--exclude",
            Field::MaxComponents => "--max-components",
            Field::Alternatives => "--alternatives",
            Field::Sessions => "--sessions",
            Field::Start => "--start",
            Field::Today => "--today",
            Field::From => "--from",
            Field::Conditions => "--condition",
            Field::Medications => "--medication",
            Field::Allergies => "--allergy",
            Field::Cleared => "--cleared",
            Field::Weight => "--weight",
            Field::TodayVariable => "MESOMIX_TODAY",
        }
    }

    /// How a batch record (JSON) names it.
    pub fn key(self) -> &'static str {
        match self {
            Field::Ingredients => "ingredients",
            Field::Ingredient => "ingredient",
            Field::A => "a",
            Field::B => "b",
            Field::Goals => "goals",
            Field::Zone => "zone",
            Field::Class => "class",
            Field::Require => "require",
            Field::Exclude => "exclude",
            Field::MaxComponents => "max_components",
            Field::Alternatives => "alternatives",
            Field::Sessions => "sessions",
            Field::Start => "start",
            Field::Today => "today",
            Field::From => "from",
            Field::Conditions => "patient.conditions",
            Field::Medications => "patient.medications",
            Field::Allergies => "patient.allergies",
            Field::Cleared => "patient.cleared",
            Field::Weight => "patient.weight_kg",
            Field::TodayVariable => "MESOMIX_TODAY",
        }
    }
}

/// Who is asking: the words of an error name the flag or the batch field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    CommandLine,
    Batch,
}

impl Surface {
    /// The name of `field` on this surface.
    pub fn name(self, field: Field) -> &'static str {
        match self {
            Surface::CommandLine => field.flag(),
            Surface::Batch => field.key(),
        }
    }
}

/// What ends a run with exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The catalog failed to parse or validate.
    #[error(transparent)]
    Catalog(#[from] Box<CatalogError>),
    /// A name matches nothing in the catalog.
    #[error("{}: {source}", field.flag())]
    Unknown { field: Field, source: UnknownName },
    /// A name in a patient file matches nothing in the catalog: the file, the name's line and
    /// column, and the file's key (`conditions`, ...).
    #[error("{}:{line}:{column}: {source}", path.display())]
    UnknownInFile {
        path: PathBuf,
        line: usize,
        column: usize,
        field: Field,
        source: UnknownName,
    },
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A patient file that does not parse or has unknown fields.
    #[error("{}:{line}:{column}: {message}", path.display())]
    PatientFile {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// The request is wrong in a way clap cannot see. Its words are in `render::errors` (in
    /// the user's language, naming the flag or field); this text is for debugging only.
    #[error("invalid request: {0:?}")]
    Usage(Usage),
    /// A required ingredient is ruled out, before its reasons are put in words (the edge does
    /// that with the catalog: `render::errors::word`).
    #[error("required ingredient {ingredient} is ruled out")]
    RuledOut {
        ingredient: usize,
        reasons: Vec<ExclusionReason>,
    },
}

impl From<CatalogError> for Error {
    fn from(e: CatalogError) -> Self {
        Error::Catalog(Box::new(e))
    }
}

impl From<Usage> for Error {
    fn from(u: Usage) -> Self {
        Error::Usage(u)
    }
}

/// A request that is wrong, as data: `render::errors` words it in the user's language and
/// names the flag or batch field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Usage {
    /// `--format` names a format this command does not write.
    FormatNotFor {
        format: &'static str,
        command: &'static str,
        supported: Vec<&'static str>,
    },
    /// The same item twice in a mix (by two names, at two positions, 1-based).
    ListedTwice {
        id: String,
        first: String,
        second: String,
        at: (usize, usize),
    },
    /// No goal at all.
    NoGoals,
    /// The same goal twice.
    GoalTwice { id: String },
    /// `GOAL:WEIGHT` with a weight outside 1..=1000.
    GoalWeight { typed: String, weight: String },
    /// A date that does not parse or does not exist.
    BadDate { field: Field, text: String },
    /// `explain` of an ingredient with itself.
    ExplainSame { id: String },
    /// `plan` without a cocktail to plan.
    PlanNeedsCocktail,
    /// `formulate --plan` without a zone.
    PlanNeedsZone,
    /// `formulate --plan --format ics` found no cocktail.
    NoCocktailToPlan,
    /// `--from` is not a formulation document.
    NotAFormulation { origin: String, why: String },
    /// A numeric field that must be at least 1.
    AtLeastOne { field: Field },
    /// A numeric field out of its range.
    OutOfRange {
        field: Field,
        min: usize,
        max: usize,
    },
    /// `--sessions` above a course limit; `by` names the rule's owner.
    TooManySessions {
        asked: u32,
        by: LimitOwner,
        limit: u32,
        sources: Vec<String>,
    },
    /// The plan would run past the calendar's end.
    PlanOutOfRange,
    /// A required ingredient is ruled out, with the reasons.
    RequiredRuledOut { id: String, reasons: Vec<Text> },
    /// Two required ingredients cannot share a syringe.
    RequiredConflict {
        a: String,
        b: String,
        rating: crate::compat::PairRating,
    },
    /// More required ingredients than the syringe holds.
    TooManyRequired { required: usize, max: usize },
    /// An ingredient both required and excluded.
    RequiredExcluded { id: String },
    /// A product with several actives where one active is needed (`explain`).
    SeveralActives {
        product: String,
        actives: Vec<String>,
    },
    /// A flag that `formulate --batch` cannot honour.
    NotWithBatch {
        flag: &'static str,
        why: BatchRefusal,
    },
    /// The SVG writer refused (or is not built in).
    Svg(String),
    /// A mix item's amount (`NAME:VOLUME@STRENGTH`) does not read.
    BadAmount { item: String, why: AmountProblem },
    /// An ingredient that comes in several strengths, named with a volume but no strength.
    StrengthNeeded { item: String, choices: Vec<String> },
    /// An ingredient with a volume but no strength, and none known to the catalog.
    StrengthUnknown { item: String },
    /// A product with a strength: its strength is the catalog's.
    StrengthForProduct { item: String },
    /// A strength in units for an ingredient dosed in mg, or the other way round.
    StrengthKind {
        item: String,
        expected: &'static str,
    },
    /// Some items carry amounts and this one does not: give every item an amount, or none.
    AmountMissing { item: String },
    /// `--weight` (or `weight_kg`) that is not a weight.
    BadWeight { field: Field, text: String },
}

/// What is wrong with an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountProblem {
    /// No volume before `@` (or nothing after `:`).
    NoVolume,
    /// The volume is not a number of millilitres (`4ml`).
    Volume,
    /// The volume is 0, negative, or above the bound.
    VolumeRange,
    /// The strength is not a number with `%`, `mg/ml`, `u/ml` or `iu/ml`.
    Strength,
}

/// Why a flag cannot go with `formulate --batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchRefusal {
    /// Answers are JSON Lines.
    JsonLines,
    /// Answers carry both languages.
    BothLanguages,
    /// A plan is made per cocktail with `plan --from`.
    PlanEach,
    /// Standard input already holds the requests.
    StdinTaken,
}

/// Whose course limit a `--sessions` value exceeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LimitOwner {
    Zone(String),
    Ingredient(String),
    Request,
}
