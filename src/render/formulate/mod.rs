//! `formulate` output: the cocktail with each ingredient's role, per-goal coverage, uncovered
//! goals with reasons, excluded ingredients grouped by reason, alternatives; as a document
//! ([`doc`]) and as JSON (`mesomix.formulation/1`, [`json`]), both drawing their reasons from
//! [`reasons`].

pub mod doc;
pub mod json;
pub mod reasons;

pub use doc::formulation_doc;
pub use json::{
    CocktailIngredientJson, CocktailJson, CoverageJson, ExcludedJson, ExclusionJson,
    FormulationJson, GoalWeightJson, NotChosenJson, RequestJson, ScoreJson, UncoveredJson,
    formulation_value,
};
pub use reasons::exclusion_text;
