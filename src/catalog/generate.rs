//! Writes a value of the catalog model as a Rust expression, for `build.rs` (which compiles this
//! file through `build_support.rs`): the embedded catalog becomes Rust statics whose texts are
//! string literals and whose lists are static slices, so the binary loads it without parsing,
//! allocating or copying anything.
//!
//! It is a serde `Serializer`, so it follows the model's own `Serialize` impls: a struct is
//! written with its Rust name and fields, a unit variant with its enum's name and the variant's
//! Rust name (the model's `rename_all = "snake_case"` is undone), a text as
//! `Cow::Borrowed("...")` and a list as `List::borrowed(const { &[...] })` (an inline `const`
//! gives the slice the `'static` lifetime whatever it holds). A struct must write every field
//! (see `codec::with_every_field`), or the literal would lack one. The expression names the
//! model's types unqualified: the file that includes it imports them.

use std::fmt::{self, Write as _};

use serde::ser::{self, Serialize};

/// A value that has no Rust expression here (a map, a float that is not finite).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateError(String);

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GenerateError {}

impl ser::Error for GenerateError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        GenerateError(msg.to_string())
    }
}

fn unsupported<T>(what: &str) -> Result<T, GenerateError> {
    Err(GenerateError(format!(
        "no Rust expression is written for {what}"
    )))
}

/// `value` as a Rust expression.
pub fn to_rust<T: Serialize>(value: &T) -> Result<String, GenerateError> {
    let mut emitter = Emitter { out: String::new() };
    value.serialize(&mut emitter)?;
    Ok(emitter.out)
}

/// A text as a Rust expression of the model's `Str`.
pub fn str_literal(text: &str) -> String {
    format!("::std::borrow::Cow::Borrowed({text:?})")
}

/// The Rust name of a variant that serde writes in snake_case (`mg_per_ml` → `MgPerMl`); a name
/// already in Rust's case is kept.
fn rust_variant(name: &str) -> String {
    name.split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect()
}

struct Emitter {
    out: String,
}

impl Emitter {
    fn display(&mut self, value: impl fmt::Display) -> Result<(), GenerateError> {
        write!(self.out, "{value}").map_err(|e| GenerateError(e.to_string()))
    }
}

/// A list or struct being written: `first` until the first item is.
struct Compound<'e> {
    emitter: &'e mut Emitter,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn separate(&mut self) {
        if !self.first {
            self.emitter.out.push_str(", ");
        }
        self.first = false;
    }
}

/// Booleans and integers are written as Rust prints them.
macro_rules! displayed {
    ($($method:ident: $ty:ty),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<(), GenerateError> {
            self.display(v)
        }
    )*};
}

impl<'e> ser::Serializer for &'e mut Emitter {
    type Ok = ();
    type Error = GenerateError;
    type SerializeSeq = Compound<'e>;
    type SerializeTuple = Compound<'e>;
    type SerializeTupleStruct = Compound<'e>;
    type SerializeTupleVariant = Compound<'e>;
    type SerializeMap = ser::Impossible<(), GenerateError>;
    type SerializeStruct = Compound<'e>;
    type SerializeStructVariant = Compound<'e>;

    displayed!(
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
    );
    fn serialize_f32(self, v: f32) -> Result<(), GenerateError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), GenerateError> {
        if !v.is_finite() {
            return unsupported("a number that is not finite");
        }
        // `Debug` writes the shortest text that reads back as the same number, always with a
        // point or an exponent, so it is a float literal.
        self.display(format_args!("{v:?}"))
    }
    fn serialize_char(self, v: char) -> Result<(), GenerateError> {
        self.display(format_args!("{v:?}"))
    }
    fn serialize_str(self, v: &str) -> Result<(), GenerateError> {
        self.out.push_str(&str_literal(v));
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), GenerateError> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), GenerateError> {
        self.out.push_str("None");
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), GenerateError> {
        self.out.push_str("Some(");
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_unit(self) -> Result<(), GenerateError> {
        self.out.push_str("()");
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), GenerateError> {
        self.out.push_str(name);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), GenerateError> {
        self.display(format_args!("{name}::{}", rust_variant(variant)))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), GenerateError> {
        self.display(format_args!("{name}("))?;
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), GenerateError> {
        self.display(format_args!("{name}::{}(", rust_variant(variant)))?;
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'e>, GenerateError> {
        self.out.push_str("List::borrowed(const { &[");
        Ok(Compound {
            emitter: self,
            first: true,
            close: "] })",
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'e>, GenerateError> {
        self.out.push('(');
        Ok(Compound {
            emitter: self,
            first: true,
            close: ",)",
        })
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> Result<Compound<'e>, GenerateError> {
        self.display(format_args!("{name}("))?;
        Ok(Compound {
            emitter: self,
            first: true,
            close: ")",
        })
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'e>, GenerateError> {
        self.display(format_args!("{name}::{}(", rust_variant(variant)))?;
        Ok(Compound {
            emitter: self,
            first: true,
            close: ")",
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, GenerateError> {
        unsupported("a map")
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Compound<'e>, GenerateError> {
        self.display(format_args!("{name} {{ "))?;
        Ok(Compound {
            emitter: self,
            first: true,
            close: " }",
        })
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'e>, GenerateError> {
        self.display(format_args!("{name}::{} {{ ", rust_variant(variant)))?;
        Ok(Compound {
            emitter: self,
            first: true,
            close: " }",
        })
    }
}

impl Compound<'_> {
    fn item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), GenerateError> {
        self.separate();
        value.serialize(&mut *self.emitter)
    }

    fn field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), GenerateError> {
        self.separate();
        self.emitter.display(format_args!("{key}: "))?;
        value.serialize(&mut *self.emitter)
    }

    fn close(self) -> Result<(), GenerateError> {
        self.emitter.out.push_str(self.close);
        Ok(())
    }
}

/// Sequences, tuples and tuple structs and variants: each element is one item of the list.
macro_rules! items {
    ($($trait:ident :: $method:ident),* $(,)?) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = GenerateError;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Self::Error> {
                self.item(value)
            }
            fn end(self) -> Result<(), Self::Error> {
                self.close()
            }
        }
    )*};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = GenerateError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.field(key, value)
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), Self::Error> {
        unsupported(&format!("a struct without its field `{key}`"))
    }
    fn end(self) -> Result<(), Self::Error> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = GenerateError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.field(key, value)
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), Self::Error> {
        unsupported(&format!("a variant without its field `{key}`"))
    }
    fn end(self) -> Result<(), Self::Error> {
        self.close()
    }
}
