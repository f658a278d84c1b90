//! The catalog file as written: the serde model of `ingredients.ron`, before validation.
//!
//! Every struct denies unknown fields, so a misspelt field is an error with a place, never a
//! silently ignored claim. References between records are plain ids here; `validate` resolves
//! them to indices and reports every dangling one.

use serde::{Deserialize, Serialize};

/// A human-facing text in both languages the tool speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub ru: String,
}

/// The whole catalog file.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    /// Version of the catalog's content, e.g. `"2026.11.0"`.
    pub version: String,
    pub sources: Vec<Source>,
    pub classes: Vec<Class>,
    pub goals: Vec<Goal>,
    pub zones: Vec<Zone>,
    pub conditions: Vec<Condition>,
    pub medications: Vec<Medication>,
    /// Aftercare rules that apply around every session.
    #[serde(default)]
    pub aftercare: Vec<Aftercare>,
    /// Expected-effect statements (how long results last, when they show), with their grade.
    #[serde(default)]
    pub expectations: Vec<Statement>,
    /// Ingredients, sorted by id.
    pub ingredients: Vec<Ingredient>,
    /// Edges between two classes; inherited by every member of both classes.
    #[serde(default)]
    pub class_edges: Vec<Edge>,
    /// Edges between two ingredients; they override class edges.
    #[serde(default)]
    pub edges: Vec<Edge>,
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
    Label,
    Peer,
    Weak,
    /// Two sourced facts combined; no source tested this claim itself.
    Inference,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Address or citation.
    pub citation: String,
    pub grade: Grade,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Class {
    pub id: String,
    pub name: Text,
    pub description: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub aliases: Vec<String>,
}

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
    Face,
    Body,
    Scalp,
}

/// An inclusive range of whole numbers (sessions, days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub min: u32,
    pub max: u32,
}

/// An inclusive range of real numbers (millimetres, pH units).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub region: Region,
    /// Injection depth range in millimetres.
    pub depth_mm: Range,
    pub course: Course,
    pub sources: Vec<String>,
}

/// A zone's usual course of sessions.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub sessions: Span,
    pub interval_days: Span,
    /// Interval of maintenance sessions after the course, in days.
    pub maintenance_interval_days: Option<Span>,
    /// The next course should start within this many days of the last session.
    pub next_course_within_days: Option<u32>,
    pub note: Option<Text>,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

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
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub scope: Scope,
    /// An allergy or hypersensitivity, so `--allergy` accepts it.
    #[serde(default)]
    pub allergy: bool,
    pub note: Option<Text>,
    /// Evidence and sources for the scope (absolute, postpone, zone); ingredient-scoped
    /// conditions carry their evidence on each ingredient's contraindication.
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

/// A class of the patient's drugs.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Medication {
    pub id: String,
    pub name: Text,
    /// Drug names that belong to the class (warfarin, apixaban, ...).
    #[serde(default)]
    pub aliases: Vec<String>,
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
    Compatible,
    Caution,
    Incompatible,
}

/// A medication's effect on one ingredient (or, as `general`, on any session).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interaction {
    /// The rating; with `clearance`, the rating once the prescriber has cleared it.
    pub rating: Rating,
    /// A relative contraindication: blocks until `--cleared` records the clearance.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub clearance: bool,
    pub note: Text,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

/// A sourced statement, e.g. "results last 6–8 months".
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: String,
    pub text: Text,
    /// Regions the statement is about; empty means every region.
    #[serde(default)]
    pub regions: Vec<Region>,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

/// One aftercare rule around each session.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Aftercare {
    pub id: String,
    pub text: Text,
    /// Regions the rule is for; empty means every region.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Days before the session the rule starts (0: the session day).
    #[serde(default)]
    pub before_days: u32,
    /// Days after the session the rule lasts; `None` when no source gives a duration.
    pub after_days: Option<u32>,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

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
pub enum Depth {
    Intradermal,
    Subcutaneous,
}

/// Whether an ingredient may be used at all.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub enum Status {
    Available,
    /// Marketing authorisation withdrawn or suspended.
    Withdrawn {
        note: Text,
        sources: Vec<String>,
    },
    /// Must not be injected (e.g. oils).
    NotInjectable {
        note: Text,
        sources: Vec<String>,
    },
    /// No approved injectable product for this use.
    Unapproved {
        note: Text,
        sources: Vec<String>,
    },
}

/// One goal an ingredient serves.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalClaim {
    pub goal: String,
    /// 3: approved indication or controlled trial; 2: peer-reviewed clinical report;
    /// 1: practice use found only in weak sources.
    pub efficacy: u8,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

/// A sourced free-text fact (concentration, per-session limit, zone restriction).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text: Text,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

/// pH range of the ingredient's injectable form.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ph {
    pub min: f64,
    pub max: f64,
    pub sources: Vec<String>,
}

/// Course constraints of an ingredient (they tighten the zone's course).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CourseLimit {
    pub max_sessions: Option<u32>,
    pub min_interval_days: Option<u32>,
    pub max_interval_days: Option<u32>,
    pub note: Text,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

/// A patient condition in which the ingredient must not be used (or only with caution).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contraindication {
    pub condition: String,
    /// `incompatible`: rules the ingredient out; `caution`: allowed with a warning (with
    /// `clearance`: once cleared).
    pub rating: Rating,
    /// A relative contraindication: blocks until `--cleared` records the clearance.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub clearance: bool,
    pub note: Option<Text>,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

/// A medication's interaction with this ingredient.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MedicationInteraction {
    pub medication: String,
    /// The rating; with `clearance`, the rating once the prescriber has cleared it.
    pub rating: Rating,
    /// A relative contraindication: blocks until `--cleared` records the clearance.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub clearance: bool,
    pub note: Text,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

/// A substance inside an ingredient or product that matters for the patient.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// What it is, as the label names it, with its amount where known ("lidocaine
    /// hydrochloride 0.3 %").
    pub name: Text,
    /// The catalog ingredient it is, when it is one: the patient is screened against that
    /// ingredient's contraindications, interactions and allergies as well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingredient: Option<String>,
    /// Conditions (an allergy such as sulfite allergy) that rule the carrier out because of it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

/// "Do not mix with other drugs in the same syringe."
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Solo {
    /// How mixing it with anything is rated.
    pub rating: Rating,
    pub note: Text,
    pub evidence: Evidence,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ingredient {
    pub id: String,
    pub name: Text,
    /// Trade names, Russian names and common spellings; unique across the whole catalog.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub class: String,
    pub status: Status,
    pub goals: Vec<GoalClaim>,
    pub ph: Option<Ph>,
    pub concentration: Option<Fact>,
    pub session_limit: Option<Fact>,
    /// Depths at which it may be injected.
    pub depth: Vec<Depth>,
    /// Allowed regions; empty means every region.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Allowed zones; empty means every zone of the allowed regions.
    #[serde(default)]
    pub zones: Vec<String>,
    /// Why the regions or zones are restricted, when they are.
    pub zone_note: Option<Fact>,
    pub course: Option<CourseLimit>,
    #[serde(default)]
    pub contraindications: Vec<Contraindication>,
    #[serde(default)]
    pub interactions: Vec<MedicationInteraction>,
    pub solo: Option<Solo>,
    /// Other substances it contains that matter for the patient (lidocaine in a skin booster,
    /// metabisulfite with epinephrine): allergies, conditions and medications are screened
    /// against them too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// Further notes a practitioner should read (technique warnings, regulatory status).
    #[serde(default)]
    pub notes: Vec<Fact>,
    /// Sources for the ingredient's identity and general description.
    pub sources: Vec<String>,
}

/// Why two things do or do not share a syringe.
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
pub enum Mechanism {
    /// One destroys the other enzymatically (hyaluronidase and hyaluronic acid).
    EnzymaticDegradation,
    /// A pH shift precipitates one of them (acids and deoxycholate).
    PhPrecipitation,
    /// One is chemically unstable at the other's pH (thiamine in alkaline solution).
    PhInstability,
    /// Redox degradation (ascorbic acid and cyanocobalamin).
    Oxidation,
    /// Metal ions inhibit an enzyme.
    MetalInhibition,
    /// One inhibits the other enzyme (heparin, troxerutin and hyaluronidase).
    EnzymeInhibition,
    /// Opposed pharmacological effects (anaesthetics and lipolytic stimulators).
    PharmacologicalAntagonism,
    /// Toxicities add up (two xanthines).
    AdditiveToxicity,
    /// Mixing changes absorption or duration (hyaluronidase spreads anaesthetics).
    AbsorptionChange,
    /// The two form an inactive salt.
    SaltFormation,
    /// A marketed product holds both.
    CoFormulated,
    /// A study or protocol used both in one syringe.
    DocumentedCoUse,
    /// A label says they may be mixed.
    LabelAdmixture,
}

/// A compatibility edge between two ingredients or two classes: its own claim (rating,
/// mechanism, note, grade, sources) and any further claims on the same pair that sources make
/// (DESIGN §2 "Claims": the strongest grade rates the pair, ties go to the more severe, the
/// others are shown as conflicting evidence).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    pub a: String,
    pub b: String,
    pub rating: Rating,
    pub mechanism: Mechanism,
    pub note: Text,
    pub evidence: Evidence,
    pub sources: Vec<String>,
    /// When the claim holds, if not always ("mixed just before use, within 8 h").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Text>,
    /// Further claims on the same pair from other sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Claim>,
}

/// One source's claim about a pair.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub rating: Rating,
    pub mechanism: Mechanism,
    pub note: Text,
    pub evidence: Evidence,
    pub sources: Vec<String>,
    /// When the claim holds, if not always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Text>,
}

impl Evidence {
    /// How strongly the grade speaks: `label` 3 > `peer` 2 > `weak` 1 > `inference` 0.
    pub fn strength(self) -> u8 {
        match self {
            Evidence::Label => 3,
            Evidence::Peer => 2,
            Evidence::Weak => 1,
            Evidence::Inference => 0,
        }
    }
}

impl Solo {
    /// The rating a solo rule gives every pair with its ingredient: a `label` "do not mix" is
    /// `incompatible`, a weaker one `caution` (DESIGN §2 "Resolution").
    pub fn pair_rating(&self) -> Rating {
        if self.evidence == Evidence::Label {
            Rating::Incompatible
        } else {
            Rating::Caution
        }
    }
}
