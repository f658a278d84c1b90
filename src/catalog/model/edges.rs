//! Compatibility edges and the claims they carry.

use serde::{Deserialize, Serialize};

use super::*;

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
    pub a: Str,
    /// The other end, of the same kind; never `a` itself, and one edge per pair in either order
    /// (validation).
    pub b: Str,
    /// What the edge's own claim rates the pair.
    pub rating: Rating,
    /// Why the two do or do not share a syringe.
    pub mechanism: Mechanism,
    /// The claim in words.
    pub note: Text,
    /// How strongly the edge's own claim is supported; claims on a pair compete by it.
    pub evidence: Evidence,
    /// Sources for the edge's own claim.
    pub sources: List<Str>,
    /// When the claim holds, if not always ("mixed just before use, within 8 h").
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_none")]
    pub condition: Option<Text>,
    /// Further claims on the same pair from other sources.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_empty")]
    pub also: List<Claim>,
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
    pub sources: List<Str>,
    /// When the claim holds, if not always.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_none")]
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
