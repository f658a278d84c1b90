//! Branded products: what practitioners buy, with their actives and what is inside.

use serde::{Deserialize, Serialize};

use super::*;

/// A branded ready-made preparation (Profhilo, Belkyra, Lidase): what practitioners buy. In a
/// mix it stands for its actives; actives inside one product are the maker's co-formulation,
/// not a finding against each other.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Unique among ingredients and products; `snake_case` ASCII.
    pub id: Str,
    /// The brand name.
    pub name: Text,
    /// Brand spellings people type, Latin and Cyrillic.
    #[serde(default)]
    pub aliases: List<Str>,
    /// The maker, as the source names it ("" when not found).
    pub maker: Str,
    /// What it comes in; `None` when no source read says.
    pub form: Option<Form>,
    /// The presentation (volume, number of units); `None` when no source read says.
    pub presentation: Option<Text>,
    /// Its actives, each a catalog ingredient, with the strength where sourced.
    pub actives: List<Active>,
    /// Excipients that matter for the patient (lidocaine, sulfites, benzyl alcohol, parabens).
    #[serde(default)]
    pub components: List<Component>,
    /// How it is registered.
    pub registration: Registration,
    /// The registration as the source words it.
    pub registration_note: Text,
    /// The maker's "do not mix" statement, as a solo rule on every pair with another item.
    pub solo: Option<Solo>,
    /// Declared uses and zones.
    pub uses: Text,
    /// Actions the product itself was shown to perform (a trial of the product); its actives'
    /// actions count as well.
    #[serde(default, skip_serializing_if = "crate::catalog::codec::skip_empty")]
    pub actions: List<ActionClaim>,
    /// Regions it is for; empty means any.
    #[serde(default)]
    pub regions: List<Region>,
    /// Further sourced facts (safety data, conflicts between sources).
    #[serde(default)]
    pub notes: List<Fact>,
    /// Sources for its identity and composition.
    pub sources: List<Str>,
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
    pub ingredient: Str,
    /// Its strength in the product, where sourced.
    pub strength: Option<Strength>,
    /// What the source says of it (molecular weight, split doses).
    pub note: Option<Text>,
    /// How strongly the composition is supported.
    pub evidence: Evidence,
    /// Sources for it.
    pub sources: List<Str>,
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
