//! The catalog commands' output, as documents and as JSON: the ingredients and one ingredient
//! in full ([`ingredients`]), the vocabularies a catalog defines — classes, goals, zones,
//! conditions, medications ([`vocabularies`]) — and `validate` ([`validate`]).

pub mod ingredients;
pub mod products;
pub mod validate;
pub mod vocabularies;

pub use super::query::filter_ingredients;
pub use ingredients::{PairRow, ingredients_doc, ingredients_json, show_doc, show_json};
pub use products::{product_doc, product_json, products_doc, products_json};
pub use validate::{invalid_json, valid_doc, valid_json};
pub use vocabularies::{
    classes_doc, classes_json, conditions_doc, conditions_json, goals_doc, goals_json,
    medications_doc, medications_json, zones_doc, zones_json,
};
