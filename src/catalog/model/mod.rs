//! The catalog file as written: the serde model of `ingredients.ron`, before validation.
//!
//! Every struct denies unknown fields, so a misspelt field is an error with a place, never a
//! silently ignored claim. References between records are plain ids here; `validate` resolves
//! them to indices and reports every dangling one.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A text of the model. Borrowed for the embedded catalog (generated Rust statics, see
/// `build.rs`), owned for a catalog read from a file: serde always deserialises it owned, and it
/// serialises as a string either way.
pub type Str = Cow<'static, str>;

/// A human-facing text in both languages the tool speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The English text; never empty (validation).
    pub en: Str,
    /// The Russian text; never empty (validation).
    pub ru: Str,
}

/// The whole catalog file.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    /// Version of the catalog's content, e.g. `"2026.11.0"`.
    pub version: Str,
    /// Every source the catalog's claims cite; each must be cited by at least one claim.
    pub sources: List<Source>,
    /// Ingredient classes; every ingredient belongs to exactly one.
    pub classes: List<Class>,
    /// What cocktails do for goals (lipolysis, microcirculation, ...).
    #[serde(default)]
    pub actions: List<Action>,
    /// Treatment goals that ingredients serve and `formulate` is asked for.
    pub goals: List<Goal>,
    /// Injection zones, each with its region, depth and usual course.
    pub zones: List<Zone>,
    /// Patient conditions, each with the scope of what it rules out.
    pub conditions: List<Condition>,
    /// Classes of drugs a patient may take, named by ingredients' interactions.
    pub medications: List<Medication>,
    /// Aftercare rules that apply around every session.
    #[serde(default)]
    pub aftercare: List<Aftercare>,
    /// Expected-effect statements (how long results last, when they show), with their grade.
    #[serde(default)]
    pub expectations: List<Statement>,
    /// Ingredients, sorted by id.
    pub ingredients: List<Ingredient>,
    /// Edges between two classes; inherited by every member of both classes.
    #[serde(default)]
    pub class_edges: List<Edge>,
    /// Edges between two ingredients; they override class edges.
    #[serde(default)]
    pub edges: List<Edge>,
    /// Branded ready-made preparations; in a mix each expands to its actives.
    #[serde(default)]
    pub products: List<Product>,
    /// Combinations used in published studies or licensed products.
    #[serde(default)]
    pub regimens: List<Regimen>,
}

/// How much weight a source carries.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Drug label, pharmacopoeia, regulator, patent.
    Label,
    /// Peer-reviewed paper.
    Peer,
    /// Clinic, vendor or summary page.
    Weak,
}

/// How strongly one claim is supported. Never higher than the best grade of its sources.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// A drug label, pharmacopoeia, regulator or patent supports the claim; needs a `label` source.
    Label,
    /// A peer-reviewed paper supports the claim; needs a `peer` or `label` source.
    Peer,
    /// Weak support: clinic, vendor or summary pages; any source may back a `weak` claim.
    Weak,
    /// Two sourced facts combined; no source tested this claim itself.
    Inference,
}

/// A reference that claims cite by id.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Snake_case id, unique among sources; what claims list in their `sources`.
    pub id: Str,
    /// What the source is (author, product, document), for readers.
    pub title: Str,
    /// Address or citation.
    pub citation: Str,
    /// How much the source weighs: no claim citing it may be graded above its best source.
    pub grade: Grade,
}

/// A class of ingredients. A class edge applies to every pair of members of its two classes, and an
/// allergy to a class rules out all its members.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Class {
    /// Snake_case id, unique among classes; ingredients and class edges refer to it.
    pub id: Str,
    /// Display name; a person may also type it (either language) to name the class.
    pub name: Text,
    /// What the class holds, for readers.
    pub description: Text,
}

/// A treatment goal (local fat, cellulite, hair loss, ...): what ingredients serve and what
/// `formulate` is asked to cover.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Snake_case id, unique among goals; ingredients' goal claims refer to it.
    pub id: Str,
    /// Display name; a person may also type it (either language) to name the goal.
    pub name: Text,
    /// Other names a person may type for the goal (any case); unique across the whole catalog.
    #[serde(default)]
    pub aliases: List<Str>,
    /// The actions a cocktail for this goal works through, each with its share.
    #[serde(default)]
    pub actions: List<GoalAction>,
    /// How the shares were set (a source's ranking, or equal shares where none ranks them).
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_none")]
    pub share_note: Option<Text>,
}

/// The part of the body a zone belongs to; ingredients, aftercare rules and expectations may be
/// restricted to some regions.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// The face and neighbouring areas (e.g. neck, décolleté, submental area).
    Face,
    /// The body (e.g. arms, abdomen, flanks, thighs, buttocks).
    Body,
    /// The scalp (hair loss).
    Scalp,
}

/// An inclusive range of whole numbers (sessions, days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// Lower end, inclusive.
    pub min: u32,
    /// Upper end, inclusive; never below `min` (validation).
    pub max: u32,
}

/// An inclusive range of real numbers (millimetres, pH units).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Lower end, inclusive.
    pub min: f64,
    /// Upper end, inclusive; never below `min` (validation).
    pub max: f64,
}

/// An injection zone (face, abdomen, scalp, ...): its region, injection depth and usual course.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Snake_case id, unique among zones; ingredients' zone restrictions refer to it.
    pub id: Str,
    /// Display name; a person may also type it (either language) to name the zone.
    pub name: Text,
    /// Other names a person may type for the zone (any case); unique across the whole catalog.
    #[serde(default)]
    pub aliases: List<Str>,
    /// The region the zone is in; region restrictions of ingredients, aftercare rules and
    /// expectations are matched against it.
    pub region: Region,
    /// Injection depth range in millimetres.
    pub depth_mm: Range,
    /// The usual course of sessions here; a plan starts from it.
    pub course: Course,
    /// Sources for the zone itself (its depth and technique).
    pub sources: List<Str>,
}

/// A zone's usual course of sessions.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// Usual number of sessions: a plan takes `min` unless asked for more, and never allows more
    /// than `max` (an ingredient's limit may lower both).
    pub sessions: Span,
    /// Usual days between sessions: a plan spaces sessions `min` days apart (longer if an
    /// ingredient needs it) and gives `max` as the longest interval.
    pub interval_days: Span,
    /// Interval of maintenance sessions after the course, in days.
    pub maintenance_interval_days: Option<Span>,
    /// The next course should start within this many days of the last session.
    pub next_course_within_days: Option<u32>,
    /// What the sources say about the course, in words (where the numbers come from, where sources
    /// disagree).
    pub note: Option<Text>,
    /// How strongly the course pattern is supported.
    pub evidence: Evidence,
    /// Sources for the course pattern.
    pub sources: List<Str>,
}

/// How far a condition reaches: mesotherapy as a whole, the session now, the affected zone, or only
/// the ingredients that name it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// No mesotherapy at all.
    Absolute,
    /// Not now: a temporary state.
    Postpone,
    /// Not in the zone where the lesion is.
    Zone,
    /// Rules out only the ingredients whose contraindications name it.
    Ingredient,
    /// Treatment needs the prescriber's or physician's clearance: it blocks until the clearance
    /// is recorded (`--cleared`), then it is a caution naming the clearance.
    Relative,
}

/// A patient fact.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Snake_case id, unique among conditions; ingredients' contraindications refer to it.
    pub id: Str,
    /// Display name; a person may also type it (either language) to name the condition.
    pub name: Text,
    /// Other names a person may type for the condition (synonyms, diseases it covers; any case);
    /// unique across the whole catalog.
    #[serde(default)]
    pub aliases: List<Str>,
    /// What the condition rules out; `ingredient` conditions act only through the contraindications
    /// that name them.
    pub scope: Scope,
    /// An allergy or hypersensitivity, so `--allergy` accepts it.
    #[serde(default)]
    pub allergy: bool,
    /// A remark shown with the condition (when to come back, which labels name it, ...).
    pub note: Option<Text>,
    /// Evidence and sources for the scope (absolute, postpone, zone); ingredient-scoped
    /// conditions carry their evidence on each ingredient's contraindication.
    pub evidence: Evidence,
    /// Sources for the scope.
    pub sources: List<Str>,
}

/// A class of the patient's drugs.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Medication {
    /// Snake_case id, unique among medications; ingredients' interactions refer to it.
    pub id: Str,
    /// Display name; a person may also type it (either language) to name the medication.
    pub name: Text,
    /// Drug names that belong to the class (warfarin, apixaban, ...).
    #[serde(default)]
    pub aliases: List<Str>,
    /// A warning that applies to mesotherapy as a whole, whatever the mix.
    pub general: Option<Interaction>,
}

/// A rating with what it means and where it comes from.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// No objection: the pair may share a syringe, or the medication does not interfere. Never the
    /// rating of a contraindication, solo rule or general warning (validation).
    Compatible,
    /// Allowed, with a warning the practitioner must weigh.
    Caution,
    /// Must not be combined: the pair may not share a syringe, or the ingredient is ruled out for
    /// the patient.
    Incompatible,
}

/// A medication's effect on one ingredient (or, as `general`, on any session).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interaction {
    /// How the medication's effect is rated; a general warning is never `compatible`
    /// (validation). With `clearance`, the rating once the prescriber has cleared it.
    pub rating: Rating,
    /// A relative contraindication: blocks until `--cleared` records the clearance.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_false")]
    pub clearance: bool,
    /// What the interaction is and what to do about it.
    pub note: Text,
    /// How strongly the interaction is supported.
    pub evidence: Evidence,
    /// Sources for the interaction.
    pub sources: List<Str>,
}

/// A sourced statement, e.g. "results last 6–8 months".
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Snake_case id, unique among expectations.
    pub id: Str,
    /// The statement itself.
    pub text: Text,
    /// Regions the statement is about; empty means every region.
    #[serde(default)]
    pub regions: List<Region>,
    /// How strongly the statement is supported.
    pub evidence: Evidence,
    /// Sources for the statement.
    pub sources: List<Str>,
}

/// One aftercare rule around each session.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Aftercare {
    /// Snake_case id, unique among aftercare rules.
    pub id: Str,
    /// The rule as the patient is told it.
    pub text: Text,
    /// Regions the rule is for; empty means every region.
    #[serde(default)]
    pub regions: List<Region>,
    /// Days before the session the rule starts (0: the session day).
    #[serde(default)]
    pub before_days: u32,
    /// Days after the session the rule lasts; `None` when no source gives a duration.
    pub after_days: Option<u32>,
    /// How strongly the rule is supported.
    pub evidence: Evidence,
    /// Sources for the rule.
    pub sources: List<Str>,
}

mod actions;
mod doses;
mod edges;
mod ingredients;
mod list;
mod products;

pub use actions::*;
pub use doses::*;
pub use edges::*;
pub use ingredients::*;
pub use list::List;
pub use products::*;
