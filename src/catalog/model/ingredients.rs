//! Ingredients and what each claims: actions, limits, contraindications, interactions,
//! components and solo rules.

use serde::{Deserialize, Serialize};

use super::*;

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
        sources: List<Str>,
    },
    /// Must not be injected (e.g. oils).
    NotInjectable {
        /// Why it must not be injected (what injecting it caused).
        note: Text,
        /// Sources for the status.
        sources: List<Str>,
    },
    /// No approved injectable product for this use.
    Unapproved {
        /// What lacks approval, or what the sources did not find (product, dose).
        note: Text,
        /// Sources for the status.
        sources: List<Str>,
    },
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
    pub sources: List<Str>,
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
    pub sources: List<Str>,
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
    pub sources: List<Str>,
}

/// A patient condition in which the ingredient must not be used (or only with caution).
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contraindication {
    /// Id of the condition; a patient who has it (or, for an allergy condition, is allergic) gets a
    /// finding of this rating in a check.
    pub condition: Str,
    /// `incompatible`: rules the ingredient out; `caution`: allowed with a warning (with
    /// `clearance`: once cleared).
    pub rating: Rating,
    /// A relative contraindication: blocks until `--cleared` records the clearance.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_false")]
    pub clearance: bool,
    /// Why, or what to watch for.
    pub note: Option<Text>,
    /// How strongly the contraindication is supported.
    pub evidence: Evidence,
    /// Sources for the contraindication.
    pub sources: List<Str>,
}

/// A medication's interaction with this ingredient.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MedicationInteraction {
    /// Id of the medication; a patient who takes it gets a finding of this rating in a check.
    pub medication: Str,
    /// How taking the medication with this ingredient is rated; with `clearance`, the rating
    /// once the prescriber has cleared it.
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

/// A substance inside an ingredient or product that matters for the patient.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// What it is, as the label names it, with its amount where known ("lidocaine
    /// hydrochloride 0.3 %").
    pub name: Text,
    /// The catalog ingredient it is, when it is one: the patient is screened against that
    /// ingredient's contraindications, interactions and allergies as well.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_none")]
    pub ingredient: Option<Str>,
    /// Conditions (an allergy such as sulfite allergy) that rule the carrier out because of it.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_empty")]
    pub conditions: List<Str>,
    /// How much of it per millilitre of the carrier, where the source gives it (a skin
    /// booster's 0.3 % lidocaine): then it counts toward that ingredient's dose.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_none")]
    pub strength: Option<Strength>,
    /// How strongly the source supports that the carrier contains it.
    pub evidence: Evidence,
    /// Sources for the composition (a label, the maker's sheet).
    pub sources: List<Str>,
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
    pub sources: List<Str>,
}

/// An injectable ingredient: what it is, what it serves, where and how it may be injected, and what
/// rules it out.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ingredient {
    /// Snake_case id, unique among ingredients; ingredient edges refer to it.
    pub id: Str,
    /// Display name; a person may also type it (either language) to name the ingredient.
    pub name: Text,
    /// Trade names, Russian names and common spellings; unique across the whole catalog.
    #[serde(default)]
    pub aliases: List<Str>,
    /// Id of its class: the class's edges apply to it, and an allergy to the class rules it out.
    pub class: Str,
    /// Whether it may be used at all: anything but `Available` makes it incompatible in a check and
    /// keeps it out of formulations.
    pub status: Status,
    /// The actions it performs, each at most once, with efficacy and evidence; a goal's
    /// efficacy is derived from them through the goal's shares.
    #[serde(default)]
    pub actions: List<ActionClaim>,
    /// The pH range of its injectable form, if known; a pair without claims or class edge is
    /// `caution` when the two ranges are far apart.
    pub ph: Option<Ph>,
    /// Usual concentration, as a sourced text.
    pub concentration: Option<Fact>,
    /// A per-session limit (dose, volume), as a sourced text; a check shows it as an `info`
    /// finding.
    pub session_limit: Option<Fact>,
    /// The strengths its injectable form comes in (`1 %`, `2 %`); an amount without a strength
    /// takes the only one, and must name one when there are several.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_empty")]
    pub strengths: List<Strength>,
    /// Other catalog ingredients a millilitre of it delivers (the deoxycholate in PC/DC).
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_empty")]
    pub contains: List<Contained>,
    /// Sourced limits on its total per session or per course.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_empty")]
    pub dose_limits: List<DoseLimit>,
    /// Depths at which it may be injected.
    pub depth: List<Depth>,
    /// Allowed regions; empty means every region.
    #[serde(default)]
    pub regions: List<Region>,
    /// Allowed zones; empty means every zone of the allowed regions.
    #[serde(default)]
    pub zones: List<Str>,
    /// Why the regions or zones are restricted, when they are.
    pub zone_note: Option<Fact>,
    /// Limits on its course; in a plan they tighten the zone's course (the stricter rule wins).
    pub course: Option<CourseLimit>,
    /// Patient conditions that rule it out or call for caution.
    #[serde(default)]
    pub contraindications: List<Contraindication>,
    /// Medications that interact with it.
    #[serde(default)]
    pub interactions: List<MedicationInteraction>,
    /// Its "do not mix with other drugs in the same syringe" rule, if a source gives one: a claim
    /// on every pair with it.
    pub solo: Option<Solo>,
    /// Other substances it contains that matter for the patient (lidocaine in a skin booster,
    /// metabisulfite with epinephrine): allergies, conditions and medications are screened
    /// against them too.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_empty")]
    pub components: List<Component>,
    /// Further notes a practitioner should read (technique warnings, regulatory status).
    #[serde(default)]
    pub notes: List<Fact>,
    /// Sources for the ingredient's identity and general description.
    pub sources: List<Str>,
}
