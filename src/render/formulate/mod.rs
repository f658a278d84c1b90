//! `formulate` output: the cocktail with each ingredient's role, per-goal coverage, uncovered
//! goals with reasons, excluded ingredients grouped by reason, alternatives; as a document
//! ([`doc`]) and as JSON (`mesomix.formulation/2`, [`json`]), both drawing their reasons from
//! [`reasons`].

pub mod doc;
pub mod json;
pub mod reasons;

pub use doc::formulation_doc;
pub use json::{
    ActionCoverageJson, CocktailIngredientJson, CocktailJson, CoverageJson, CoversJson,
    ExcludedJson, ExclusionJson, FormulationJson, GoalWeightJson, NotChosenJson, RegimenJson,
    RequestJson, ScoreJson, TwoSyringesJson, UncoveredJson, formulation_value,
};
pub use reasons::exclusion_text;
