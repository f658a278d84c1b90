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
    /// The English text; never empty (validation).
    pub en: String,
    /// The Russian text; never empty (validation).
    pub ru: String,
}

/// The whole catalog file.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    /// Version of the catalog's content, e.g. `"2026.11.0"`.
    pub version: String,
    /// Every source the catalog's claims cite; each must be cited by at least one claim.
    pub sources: Vec<Source>,
    /// Ingredient classes; every ingredient belongs to exactly one.
    pub classes: Vec<Class>,
    /// Treatment goals that ingredients serve and `formulate` is asked for.
    pub goals: Vec<Goal>,
    /// Injection zones, each with its region, depth and usual course.
    pub zones: Vec<Zone>,
    /// Patient conditions, each with the scope of what it rules out.
    pub conditions: Vec<Condition>,
    /// Classes of drugs a patient may take, named by ingredients' interactions.
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
    /// Branded ready-made preparations; in a mix each expands to its actives.
    #[serde(default)]
    pub products: Vec<Product>,
}

/// A branded ready-made preparation (Profhilo, Belkyra, Lidase): what practitioners buy. In a
/// mix it stands for its actives; actives inside one product are the maker's co-formulation,
/// not a finding against each other.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Unique among ingredients and products; `snake_case` ASCII.
    pub id: String,
    /// The brand name.
    pub name: Text,
    /// Brand spellings people type, Latin and Cyrillic.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The maker, as the source names it ("" when not found).
    pub maker: String,
    /// What it comes in; `None` when no source read says.
    pub form: Option<Form>,
    /// The presentation (volume, number of units); `None` when no source read says.
    pub presentation: Option<Text>,
    /// Its actives, each a catalog ingredient, with the strength where sourced.
    pub actives: Vec<Active>,
    /// Excipients that matter for the patient (lidocaine, sulfites, benzyl alcohol, parabens).
    #[serde(default)]
    pub components: Vec<Component>,
    /// How it is registered.
    pub registration: Registration,
    /// The registration as the source words it.
    pub registration_note: Text,
    /// The maker's "do not mix" statement, as a solo rule on every pair with another item.
    pub solo: Option<Solo>,
    /// Declared uses and zones.
    pub uses: Text,
    /// Regions it is for; empty means any.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Further sourced facts (safety data, conflicts between sources).
    #[serde(default)]
    pub notes: Vec<Fact>,
    /// Sources for its identity and composition.
    pub sources: Vec<String>,
}

/// What a product comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// A prefilled syringe.
    Syringe,
    /// A vial.
    Vial,
    /// An ampoule.
    Ampoule,
}

/// How a product is registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Registration {
    /// A licensed medicine.
    Drug,
    /// A medical device (CE or otherwise).
    Device,
    /// A cosmetic, not for injection by its registration.
    Cosmetic,
    /// Not approved for this use.
    Unapproved,
    /// Not found in what was read.
    Unknown,
}

/// One active of a product.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Active {
    /// The catalog ingredient it is.
    pub ingredient: String,
    /// Its strength in the product, where sourced.
    pub strength: Option<Strength>,
    /// What the source says of it (molecular weight, split doses).
    pub note: Option<Text>,
    /// How strongly the composition is supported.
    pub evidence: Evidence,
    /// Sources for it.
    pub sources: Vec<String>,
}

/// A strength as printed on the ampoule.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strength {
    /// The number.
    pub value: f64,
    /// Its unit.
    pub unit: StrengthUnit,
}

/// Units practitioners see on ampoules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StrengthUnit {
    /// mg/mL.
    MgPerMl,
    /// % (g per 100 mL).
    Percent,
    /// Units per mL.
    UnitsPerMl,
    /// International units per mL.
    IuPerMl,
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
    pub id: String,
    /// What the source is (author, product, document), for readers.
    pub title: String,
    /// Address or citation.
    pub citation: String,
    /// How much the source weighs: no claim citing it may be graded above its best source.
    pub grade: Grade,
}

/// A class of ingredients. A class edge applies to every pair of members of its two classes, and an
/// allergy to a class rules out all its members.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Class {
    /// Snake_case id, unique among classes; ingredients and class edges refer to it.
    pub id: String,
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
    pub id: String,
    /// Display name; a person may also type it (either language) to name the goal.
    pub name: Text,
    /// Other names a person may type for the goal (any case); unique across the whole catalog.
    #[serde(default)]
    pub aliases: Vec<String>,
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
    pub id: String,
    /// Display name; a person may also type it (either language) to name the zone.
    pub name: Text,
    /// Other names a person may type for the zone (any case); unique across the whole catalog.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The region the zone is in; region restrictions of ingredients, aftercare rules and
    /// expectations are matched against it.
    pub region: Region,
    /// Injection depth range in millimetres.
    pub depth_mm: Range,
    /// The usual course of sessions here; a plan starts from it.
    pub course: Course,
    /// Sources for the zone itself (its depth and technique).
    pub sources: Vec<String>,
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
    pub sources: Vec<String>,
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
    pub id: String,
    /// Display name; a person may also type it (either language) to name the condition.
    pub name: Text,
    /// Other names a person may type for the condition (synonyms, diseases it covers; any case);
    /// unique across the whole catalog.
    #[serde(default)]
    pub aliases: Vec<String>,
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
    pub sources: Vec<String>,
}

/// A class of the patient's drugs.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Medication {
    /// Snake_case id, unique among medications; ingredients' interactions refer to it.
    pub id: String,
    /// Display name; a person may also type it (either language) to name the medication.
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
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub clearance: bool,
    /// What the interaction is and what to do about it.
    pub note: Text,
    /// How strongly the interaction is supported.
    pub evidence: Evidence,
    /// Sources for the interaction.
    pub sources: Vec<String>,
}

/// A sourced statement, e.g. "results last 6–8 months".
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Snake_case id, unique among expectations.
    pub id: String,
    /// The statement itself.
    pub text: Text,
    /// Regions the statement is about; empty means every region.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// How strongly the statement is supported.
    pub evidence: Evidence,
    /// Sources for the statement.
    pub sources: Vec<String>,
}

/// One aftercare rule around each session.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Aftercare {
    /// Snake_case id, unique among aftercare rules.
    pub id: String,
    /// The rule as the patient is told it.
    pub text: Text,
    /// Regions the rule is for; empty means every region.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Days before the session the rule starts (0: the session day).
    #[serde(default)]
    pub before_days: u32,
    /// Days after the session the rule lasts; `None` when no source gives a duration.
    pub after_days: Option<u32>,
    /// How strongly the rule is supported.
    pub evidence: Evidence,
    /// Sources for the rule.
    pub sources: Vec<String>,
}

/// A depth at which an ingredient is injected.
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
    /// Into the dermis, the skin itself.
    Intradermal,
    /// Into the subcutaneous fat below the dermis (e.g. lipolysis).
    Subcutaneous,
}

/// Whether an ingredient may be used at all.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub enum Status {
    /// On the market and injectable: may be used.
    Available,
    /// Marketing authorisation withdrawn or suspended.
    Withdrawn {
        /// When and why its marketing authorisation was withdrawn or suspended.
        note: Text,
        /// Sources for the withdrawal.
        sources: Vec<String>,
    },
    /// Must not be injected (e.g. oils).
    NotInjectable {
        /// Why it must not be injected (what injecting it caused).
        note: Text,
        /// Sources for the status.
        sources: Vec<String>,
    },
    /// No approved injectable product for this use.
    Unapproved {
        /// What lacks approval, or what the sources did not find (product, dose).
        note: Text,
        /// Sources for the status.
        sources: Vec<String>,
    },
}

/// One goal an ingredient serves.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalClaim {
    /// Id of the goal served.
    pub goal: String,
    /// 3: approved indication or controlled trial; 2: peer-reviewed clinical report;
    /// 1: practice use found only in weak sources.
    pub efficacy: u8,
    /// How strongly the claim is supported.
    pub evidence: Evidence,
    /// Sources for the claim.
    pub sources: Vec<String>,
}

/// A sourced free-text fact (concentration, per-session limit, zone restriction).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// The fact, in words.
    pub text: Text,
    /// How strongly the fact is supported.
    pub evidence: Evidence,
    /// Sources for the fact.
    pub sources: Vec<String>,
}

/// pH range of the ingredient's injectable form.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ph {
    /// Lowest pH, within 0..=14 (validation).
    pub min: f64,
    /// Highest pH, within 0..=14 and never below `min` (validation).
    pub max: f64,
    /// Sources for the range.
    pub sources: Vec<String>,
}

/// Course constraints of an ingredient (they tighten the zone's course).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CourseLimit {
    /// Most sessions in one course (at least 1); a plan never goes beyond it.
    pub max_sessions: Option<u32>,
    /// Fewest days between sessions; a plan spaces sessions at least this far apart.
    pub min_interval_days: Option<u32>,
    /// Most days between sessions, never below `min_interval_days` (validation); a plan gives it as
    /// the longest interval.
    pub max_interval_days: Option<u32>,
    /// The limit in words, as the sources state it.
    pub note: Text,
    /// How strongly the limit is supported.
    pub evidence: Evidence,
    /// Sources for the limit.
    pub sources: Vec<String>,
}

/// A patient condition in which the ingredient must not be used (or only with caution).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contraindication {
    /// Id of the condition; a patient who has it (or, for an allergy condition, is allergic) gets a
    /// finding of this rating in a check.
    pub condition: String,
    /// `incompatible`: rules the ingredient out; `caution`: allowed with a warning (with
    /// `clearance`: once cleared).
    pub rating: Rating,
    /// A relative contraindication: blocks until `--cleared` records the clearance.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub clearance: bool,
    /// Why, or what to watch for.
    pub note: Option<Text>,
    /// How strongly the contraindication is supported.
    pub evidence: Evidence,
    /// Sources for the contraindication.
    pub sources: Vec<String>,
}

/// A medication's interaction with this ingredient.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MedicationInteraction {
    /// Id of the medication; a patient who takes it gets a finding of this rating in a check.
    pub medication: String,
    /// How taking the medication with this ingredient is rated; with `clearance`, the rating
    /// once the prescriber has cleared it.
    pub rating: Rating,
    /// A relative contraindication: blocks until `--cleared` records the clearance.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub clearance: bool,
    /// What the interaction is and what to do about it.
    pub note: Text,
    /// How strongly the interaction is supported.
    pub evidence: Evidence,
    /// Sources for the interaction.
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
    /// How strongly the source supports that the carrier contains it.
    pub evidence: Evidence,
    /// Sources for the composition (a label, the maker's sheet).
    pub sources: Vec<String>,
}

/// "Do not mix with other drugs in the same syringe."
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Solo {
    /// How mixing it with anything is rated.
    pub rating: Rating,
    /// The rule as the source words it.
    pub note: Text,
    /// How strongly the rule is supported; it decides `rating` (see [`Solo::pair_rating`]) and
    /// competes by grade with a pair's edge claims.
    pub evidence: Evidence,
    /// Sources for the rule.
    pub sources: Vec<String>,
}

/// An injectable ingredient: what it is, what it serves, where and how it may be injected, and what
/// rules it out.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ingredient {
    /// Snake_case id, unique among ingredients; ingredient edges refer to it.
    pub id: String,
    /// Display name; a person may also type it (either language) to name the ingredient.
    pub name: Text,
    /// Trade names, Russian names and common spellings; unique across the whole catalog.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Id of its class: the class's edges apply to it, and an allergy to the class rules it out.
    pub class: String,
    /// Whether it may be used at all: anything but `Available` makes it incompatible in a check and
    /// keeps it out of formulations.
    pub status: Status,
    /// The goals it serves, each at most once, with efficacy and evidence.
    pub goals: Vec<GoalClaim>,
    /// The pH range of its injectable form, if known; a pair without claims or class edge is
    /// `caution` when the two ranges are far apart.
    pub ph: Option<Ph>,
    /// Usual concentration, as a sourced text.
    pub concentration: Option<Fact>,
    /// A per-session limit (dose, volume), as a sourced text; a check shows it as an `info`
    /// finding.
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
    /// Limits on its course; in a plan they tighten the zone's course (the stricter rule wins).
    pub course: Option<CourseLimit>,
    /// Patient conditions that rule it out or call for caution.
    #[serde(default)]
    pub contraindications: Vec<Contraindication>,
    /// Medications that interact with it.
    #[serde(default)]
    pub interactions: Vec<MedicationInteraction>,
    /// Its "do not mix with other drugs in the same syringe" rule, if a source gives one: a claim
    /// on every pair with it.
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
    /// One end: an ingredient id (in `edges`) or a class id (in `class_edges`).
    pub a: String,
    /// The other end, of the same kind; never `a` itself, and one edge per pair in either order
    /// (validation).
    pub b: String,
    /// What the edge's own claim rates the pair.
    pub rating: Rating,
    /// Why the two do or do not share a syringe.
    pub mechanism: Mechanism,
    /// The claim in words.
    pub note: Text,
    /// How strongly the edge's own claim is supported; claims on a pair compete by it.
    pub evidence: Evidence,
    /// Sources for the edge's own claim.
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
    /// What the claim rates the pair.
    pub rating: Rating,
    /// Why the two do or do not share a syringe, according to this claim.
    pub mechanism: Mechanism,
    /// The claim in words.
    pub note: Text,
    /// How strongly the claim is supported; claims on a pair compete by it.
    pub evidence: Evidence,
    /// Sources for the claim.
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
