//! Doses (DESIGN §6a): the strengths an ingredient comes in, what else a millilitre of it
//! delivers, and the sourced limits a session's (or a course's) total is held against.

use serde::{Deserialize, Serialize};

use super::*;

/// Another catalog ingredient that a millilitre of this one delivers (the deoxycholate in a
/// PC/DC ampoule), so its dose is counted wherever it comes from.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contained {
    /// The catalog ingredient delivered.
    pub ingredient: Str,
    /// How much of it per millilitre.
    pub strength: Strength,
    /// What the source says (which product, where two copies differ).
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_none")]
    pub note: Option<Text>,
    /// How strongly the composition is supported.
    pub evidence: Evidence,
    /// Sources for it.
    pub sources: List<Str>,
}

/// What a dose limit counts over.
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
pub enum LimitPer {
    /// One session (one procedure, one single dose: the labels' "maximum individual dose").
    Session,
    /// A whole course of sessions.
    Course,
}

/// The route a limit was set for. Only a limit set for local injection (infiltration,
/// subcutaneous, intradermal) and graded `label` blocks; a ceiling borrowed from another route
/// is a caution.
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
pub enum LimitRoute {
    /// Local injection: infiltration, subcutaneous or intradermal.
    Local,
    /// Intravenous.
    Intravenous,
    /// Intramuscular.
    Intramuscular,
    /// By mouth.
    Oral,
}

/// The unit of a dose.
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
pub enum DoseUnit {
    /// Milligrams (of the substance the label doses: lidocaine hydrochloride, not base).
    Mg,
    /// Enzyme units (USP units or IU, as the label states them).
    Units,
}

/// A sourced limit on an ingredient's total: per kilogram of body weight and/or an absolute cap,
/// the lower applying.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DoseLimit {
    /// Per session or per course.
    pub per: LimitPer,
    /// The unit of `per_kg` and `cap`.
    pub unit: DoseUnit,
    /// The most per kilogram of body weight, if the source gives one.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_none")]
    pub per_kg: Option<f64>,
    /// The most in all, if the source gives one (at least one of `per_kg` and `cap`).
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_none")]
    pub cap: Option<f64>,
    /// The route the limit was set for.
    pub route: LimitRoute,
    /// A local anaesthetic's maximum: the session's anaesthetics are also summed as fractions of
    /// their own maxima (an inference: the labels say the toxic effects add up, not how).
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_false")]
    pub anaesthetic: bool,
    /// The limit as the source words it, with what it assumes (procedure, population) and any
    /// harm reported above it.
    pub note: Text,
    /// How strongly the limit is supported; `label` with route `local` blocks when exceeded.
    pub evidence: Evidence,
    /// Sources for it.
    pub sources: List<Str>,
}
