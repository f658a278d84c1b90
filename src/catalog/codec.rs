//! How catalog text is read and identified, shared by the library and the build script (which
//! compiles this file through `build_support.rs`), so that the embedded catalog is parsed and
//! hashed at build time exactly as a catalog file is at run time.

use std::cell::Cell;

use sha2::{Digest, Sha256};

/// The ron options catalogs (and patient files) are read with: `Option` fields may be written
/// bare (`note: (en: ..., ru: ...)` for `Some(...)`).
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

thread_local! {
    /// Whether the catalog model is being serialised with every field (see [`with_every_field`]).
    static EVERY_FIELD: Cell<bool> = const { Cell::new(false) };
}

/// Runs `serialise` with every field of the catalog model written, empty or not. Text forms
/// leave empty optional fields out; the Rust statics of the embedded catalog are struct
/// literals, which must name every field.
#[allow(dead_code, reason = "build.rs writes the embedded catalog with it")]
pub fn with_every_field<R>(serialise: impl FnOnce() -> R) -> R {
    EVERY_FIELD.with(|every| every.set(true));
    let result = serialise();
    EVERY_FIELD.with(|every| every.set(false));
    result
}

fn every_field() -> bool {
    EVERY_FIELD.with(Cell::get)
}

/// Leaves out an absent optional field (the model's `skip_serializing_if`), unless every field
/// is written.
pub fn skip_none<T>(value: &Option<T>) -> bool {
    value.is_none() && !every_field()
}

/// Leaves out an empty list field, unless every field is written.
pub fn skip_empty<T: Clone>(value: &super::model::List<T>) -> bool {
    value.is_empty() && !every_field()
}

/// Leaves out a flag that is false, unless every field is written.
pub fn skip_false(value: &bool) -> bool {
    !*value && !every_field()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_hex_matches_the_standard_vectors() {
        assert_eq!(
            sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn options_may_be_written_bare() {
        #[derive(serde::Deserialize)]
        struct Record {
            note: Option<u32>,
        }
        let bare: Record = ron_options().from_str("(note: 3)").expect("bare");
        assert_eq!(bare.note, Some(3));
        let absent: Record = ron_options().from_str("(note: None)").expect("none");
        assert_eq!(absent.note, None);
        // Without the extension a bare value is refused: the option is what allows it.
        assert!(
            ron::Options::default()
                .from_str::<Record>("(note: 3)")
                .is_err()
        );
    }
}
