//! JSON output: the envelope every document shares, and serialisation helpers.

use serde::Serialize;

use crate::catalog::Catalog;

/// `"catalog": {"version", "sha256"}` in every JSON document.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct CatalogRef<'c> {
    pub version: &'c str,
    pub sha256: &'c str,
}

impl<'c> CatalogRef<'c> {
    pub fn of(catalog: &'c Catalog) -> CatalogRef<'c> {
        CatalogRef {
            version: catalog.version(),
            sha256: catalog.sha256(),
        }
    }
}

// The JSON Schema of a `Text` in an output document, for `#[schemars(with = "TextSchema")]`
// on a `Text` field: the documents serialise the catalog's own `Text`, whose schema (named
// `Text`, with its description and `additionalProperties: false` from the catalog model's
// `deny_unknown_fields`) would change what `mesomix schema` prints. This gives the schema the
// documents have always published. No `///` comment here: it would become the schema's
// description.
#[derive(schemars::JsonSchema)]
#[schemars(rename = "TextJson")]
#[allow(dead_code)]
pub(crate) struct TextSchema {
    en: String,
    ru: String,
}

/// The shared top of every JSON document.
#[derive(Debug, Serialize)]
pub struct Envelope<'c, T: Serialize> {
    pub schema: &'static str,
    pub catalog: CatalogRef<'c>,
    #[serde(flatten)]
    pub body: T,
}

pub fn envelope<'c, T: Serialize>(
    schema: &'static str,
    catalog: &'c Catalog,
    body: T,
) -> Envelope<'c, T> {
    Envelope {
        schema,
        catalog: CatalogRef::of(catalog),
        body,
    }
}

/// Pretty JSON with a trailing newline.
pub fn to_string<T: Serialize>(value: &T) -> String {
    // Serialising plain structs of strings and numbers cannot fail; if it ever did, the
    // message is printed in place of the document rather than a panic.
    let mut s =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// A number rounded to `places` decimals, so JSON carries no float noise (0.1 + 0.2).
pub fn round_to(x: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    (x * factor).round() / factor
}
