//! The embedded catalog's stored form, written by `build.rs` (which compiles this file through
//! `build_support.rs`) and read at every start: a compact binary form of any serde value whose
//! strings live in one text table. The table is embedded with `include_str!`, so the compiler has
//! checked its UTF-8 once and loading slices it instead of validating every string again (that
//! validation was 40 % of a start with postcard, which stores the strings inline).
//!
//! The form is not self-describing: it is read by the same `Deserialize` impls that wrote it.
//! Integers are LEB128 varints (signed ones zigzagged), floats little-endian, a string is its
//! byte range in the table, a sequence or map its length then its items, an option a 0/1 tag,
//! an enum its variant's index then its content, a struct its fields in order. A struct must
//! write every field (see `codec::with_every_field`).

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde::ser::{self, Serialize};

/// A value that cannot be stored or read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredError(String);

impl fmt::Display for StoredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoredError {}

impl ser::Error for StoredError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        StoredError(msg.to_string())
    }
}

impl de::Error for StoredError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        StoredError(msg.to_string())
    }
}

fn unsupported<T>(what: &str) -> Result<T, StoredError> {
    Err(StoredError(format!("the stored form has no {what}")))
}

/// Stores `value`: its structure and its strings' table (each distinct string once).
#[allow(dead_code, reason = "build.rs stores the embedded catalog with it")]
pub fn to_stored<T: Serialize>(value: &T) -> Result<(Vec<u8>, String), StoredError> {
    let mut writer = Writer {
        bytes: Vec::new(),
        table: String::new(),
        seen: HashMap::new(),
    };
    value.serialize(&mut writer)?;
    Ok((writer.bytes, writer.table))
}

/// Reads a value stored by [`to_stored`] from its structure and its strings' table; every byte
/// of `bytes` must be read.
pub fn from_stored<'de, T: de::Deserialize<'de>>(
    bytes: &'de [u8],
    table: &'de str,
) -> Result<T, StoredError> {
    let mut reader = Reader { bytes, table };
    let value = T::deserialize(&mut reader)?;
    if reader.bytes.is_empty() {
        Ok(value)
    } else {
        Err(StoredError("bytes left over after the value".into()))
    }
}

struct Writer {
    bytes: Vec<u8>,
    table: String,
    seen: HashMap<String, usize>,
}

impl Writer {
    fn varint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.bytes.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.bytes.push(n as u8);
    }

    fn signed(&mut self, n: i64) {
        self.varint(((n << 1) ^ (n >> 63)) as u64);
    }

    fn length(&mut self, len: Option<usize>) -> Result<(), StoredError> {
        match len {
            Some(len) => {
                self.varint(len as u64);
                Ok(())
            }
            None => unsupported("sequence of unknown length"),
        }
    }
}

impl ser::Serializer for &mut Writer {
    type Ok = ();
    type Error = StoredError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), StoredError> {
        self.bytes.push(u8::from(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), StoredError> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), StoredError> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), StoredError> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), StoredError> {
        self.signed(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), StoredError> {
        self.varint(v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), StoredError> {
        self.varint(v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), StoredError> {
        self.varint(v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), StoredError> {
        self.varint(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), StoredError> {
        self.bytes.extend(v.to_le_bytes());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), StoredError> {
        self.bytes.extend(v.to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), StoredError> {
        self.varint(u64::from(v));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), StoredError> {
        let start = match self.seen.get(v) {
            Some(&start) => start,
            None => {
                let start = self.table.len();
                self.table.push_str(v);
                self.seen.insert(v.to_owned(), start);
                start
            }
        };
        self.varint(start as u64);
        self.varint(v.len() as u64);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), StoredError> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), StoredError> {
        self.bytes.push(0);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), StoredError> {
        self.bytes.push(1);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), StoredError> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), StoredError> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
    ) -> Result<(), StoredError> {
        self.varint(index.into());
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), StoredError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), StoredError> {
        self.varint(index.into());
        value.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, StoredError> {
        self.length(len)?;
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, StoredError> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, StoredError> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, StoredError> {
        self.varint(index.into());
        Ok(self)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, StoredError> {
        self.length(len)?;
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, StoredError> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, StoredError> {
        self.varint(index.into());
        Ok(self)
    }
    fn is_human_readable(&self) -> bool {
        false
    }
}

/// The compound parts of a value are written one after the other, with nothing between them.
macro_rules! compound {
    ($($trait:ident :: $method:ident),* $(,)?) => {$(
        impl ser::$trait for &mut Writer {
            type Ok = ();
            type Error = StoredError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), StoredError> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), StoredError> {
                Ok(())
            }
        }
    )*};
}
compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for &mut Writer {
    type Ok = ();
    type Error = StoredError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), StoredError> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), StoredError> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), StoredError> {
        Ok(())
    }
}

macro_rules! structure {
    ($($trait:ident),*) => {$(
        impl ser::$trait for &mut Writer {
            type Ok = ();
            type Error = StoredError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                _: &'static str,
                value: &T,
            ) -> Result<(), StoredError> {
                value.serialize(&mut **self)
            }
            fn skip_field(&mut self, key: &'static str) -> Result<(), StoredError> {
                Err(StoredError(format!("field `{key}` was skipped: write every field")))
            }
            fn end(self) -> Result<(), StoredError> {
                Ok(())
            }
        }
    )*};
}
structure!(SerializeStruct, SerializeStructVariant);

struct Reader<'de> {
    bytes: &'de [u8],
    table: &'de str,
}

impl<'de> Reader<'de> {
    fn byte(&mut self) -> Result<u8, StoredError> {
        let (&first, rest) = self
            .bytes
            .split_first()
            .ok_or_else(|| StoredError("the stored form ends early".into()))?;
        self.bytes = rest;
        Ok(first)
    }

    fn varint(&mut self) -> Result<u64, StoredError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(StoredError("a number is too long".into()))
    }

    fn signed(&mut self) -> Result<i64, StoredError> {
        let n = self.varint()?;
        Ok(((n >> 1) as i64) ^ -((n & 1) as i64))
    }

    fn fixed<const N: usize>(&mut self) -> Result<[u8; N], StoredError> {
        let (head, rest) = self
            .bytes
            .split_first_chunk::<N>()
            .ok_or_else(|| StoredError("the stored form ends early".into()))?;
        self.bytes = rest;
        Ok(*head)
    }

    fn usize(&mut self) -> Result<usize, StoredError> {
        usize::try_from(self.varint()?).map_err(|_| StoredError("a length is too large".into()))
    }

    fn str(&mut self) -> Result<&'de str, StoredError> {
        let start = self.usize()?;
        let len = self.usize()?;
        let table = self.table;
        start
            .checked_add(len)
            .and_then(|end| table.get(start..end))
            .ok_or_else(|| StoredError("a string is outside the table".into()))
    }

    fn int<T: TryFrom<u64>>(&mut self) -> Result<T, StoredError> {
        T::try_from(self.varint()?).map_err(|_| StoredError("a number is out of range".into()))
    }

    fn int_signed<T: TryFrom<i64>>(&mut self) -> Result<T, StoredError> {
        T::try_from(self.signed()?).map_err(|_| StoredError("a number is out of range".into()))
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = StoredError;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, StoredError> {
        unsupported("self-description")
    }
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        match self.byte()? {
            0 => visitor.visit_bool(false),
            1 => visitor.visit_bool(true),
            _ => Err(StoredError("a flag is neither 0 nor 1".into())),
        }
    }
    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_i8(self.int_signed()?)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_i16(self.int_signed()?)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_i32(self.int_signed()?)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_i64(self.signed()?)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_u8(self.int()?)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_u16(self.int()?)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_u32(self.int()?)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_u64(self.varint()?)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_f32(f32::from_le_bytes(self.fixed()?))
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_f64(f64::from_le_bytes(self.fixed()?))
    }
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        let c = self.int::<u32>()?;
        visitor.visit_char(char::from_u32(c).ok_or_else(|| StoredError("not a character".into()))?)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_borrowed_str(self.str()?)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_borrowed_str(self.str()?)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value, StoredError> {
        unsupported("bytes")
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value, StoredError> {
        unsupported("bytes")
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        match self.byte()? {
            0 => visitor.visit_none(),
            1 => visitor.visit_some(self),
            _ => Err(StoredError("an option's tag is neither 0 nor 1".into())),
        }
    }
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, StoredError> {
        visitor.visit_unit()
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, StoredError> {
        visitor.visit_newtype_struct(self)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        let len = self.usize()?;
        visitor.visit_seq(Counted { reader: self, len })
    }
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, StoredError> {
        visitor.visit_seq(Counted { reader: self, len })
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, StoredError> {
        visitor.visit_seq(Counted { reader: self, len })
    }
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        let len = self.usize()?;
        visitor.visit_map(Counted { reader: self, len })
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, StoredError> {
        visitor.visit_seq(Counted {
            reader: self,
            len: fields.len(),
        })
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, StoredError> {
        visitor.visit_enum(self)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StoredError> {
        visitor.visit_u32(self.int()?)
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, StoredError> {
        unsupported("ignored values")
    }
    fn is_human_readable(&self) -> bool {
        false
    }
}

/// The items of a sequence, map, tuple or struct, whose count is known.
struct Counted<'a, 'de> {
    reader: &'a mut Reader<'de>,
    len: usize,
}

impl<'de> de::SeqAccess<'de> for Counted<'_, 'de> {
    type Error = StoredError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, StoredError> {
        if self.len == 0 {
            return Ok(None);
        }
        self.len -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.len)
    }
}

impl<'de> de::MapAccess<'de> for Counted<'_, 'de> {
    type Error = StoredError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, StoredError> {
        if self.len == 0 {
            return Ok(None);
        }
        self.len -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, StoredError> {
        seed.deserialize(&mut *self.reader)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.len)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = StoredError;
    type Variant = Self;
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self), StoredError> {
        let index: u32 = self.int()?;
        let value = seed.deserialize(index.into_deserializer())?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = StoredError;
    fn unit_variant(self) -> Result<(), StoredError> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, StoredError> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, StoredError> {
        visitor.visit_seq(Counted { reader: self, len })
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, StoredError> {
        visitor.visit_seq(Counted {
            reader: self,
            len: fields.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum Shape {
        Unit,
        Newtype(i64),
        Tuple(u8, f32),
        Struct { name: String },
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Record {
        text: String,
        again: String,
        number: u64,
        negative: i32,
        share: f64,
        flag: bool,
        letter: char,
        maybe: Option<Box<Record>>,
        shapes: Vec<Shape>,
        map: BTreeMap<String, (u16, usize)>,
    }

    #[track_caller]
    fn check(record: &Record) {
        let (bytes, table) = to_stored(record).expect("stores");
        let back: Record = from_stored(&bytes, &table).expect("reads");
        assert_eq!(&back, record);
    }

    #[test]
    fn values_read_back_as_written() {
        let inner = Record {
            text: "лидаза".into(),
            again: String::new(),
            number: u64::MAX,
            negative: i32::MIN,
            share: -0.25,
            flag: false,
            letter: 'ж',
            maybe: None,
            shapes: vec![],
            map: BTreeMap::new(),
        };
        check(&inner);
        check(&Record {
            text: "a".into(),
            again: "a".into(),
            number: 300,
            negative: -1,
            share: f64::MAX,
            flag: true,
            letter: 'x',
            maybe: Some(Box::new(inner)),
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(-7),
                Shape::Tuple(255, 1.5),
                Shape::Struct { name: "b".into() },
            ],
            map: BTreeMap::from([("k".into(), (1, 2))]),
        });
    }

    #[test]
    fn a_string_is_stored_once() {
        let (_, table) = to_stored(&("same", "same", "other")).expect("stores");
        assert_eq!(table, "sameother");
    }

    #[test]
    fn damaged_forms_are_errors() {
        let (bytes, table) = to_stored(&("text", 5u8)).expect("stores");
        for cut in 0..bytes.len() {
            assert!(from_stored::<(String, u8)>(&bytes[..cut], &table).is_err());
        }
        assert!(from_stored::<(String, u8)>(&bytes, "tex").is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(from_stored::<(String, u8)>(&longer, &table).is_err());
        assert!(from_stored::<bool>(&[2], "").is_err());
    }
}
