//! [`List`]: the model's lists, borrowed from a static for the embedded catalog and owned for a
//! catalog read from a file.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A list of the model: a slice of static data for the embedded catalog (the Rust statics that
/// `build.rs` generates, so loading it allocates nothing), or a vector for a catalog read from a
/// file. Whichever it holds, it reads as a slice, serialises as a sequence, deserialises into a
/// vector and has the JSON Schema of a `Vec`.
#[derive(Clone, PartialEq)]
pub struct List<T: Clone + 'static>(Cow<'static, [T]>);

impl<T: Clone + 'static> List<T> {
    /// A list of static data (the generated embedded catalog).
    pub const fn borrowed(items: &'static [T]) -> List<T> {
        List(Cow::Borrowed(items))
    }

    /// The list as a vector to change, copied out of static data first if it is borrowed.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        self.0.to_mut()
    }
}

impl List<super::Str> {
    /// The texts as owned strings, for a report that keeps them.
    pub fn to_strings(&self) -> Vec<String> {
        self.0.iter().map(|s| s.to_string()).collect()
    }
}

impl<T: Clone + 'static> Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: Clone + 'static> Default for List<T> {
    fn default() -> List<T> {
        List(Cow::Borrowed(&[]))
    }
}

impl<T: Clone + fmt::Debug + 'static> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Clone + 'static> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> List<T> {
        List(Cow::Owned(items))
    }
}

impl<T: Clone + 'static> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> List<T> {
        List(Cow::Owned(items.into_iter().collect()))
    }
}

impl<'a, T: Clone + 'static> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Clone + Serialize + 'static> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Clone + Deserialize<'de> + 'static> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<List<T>, D::Error> {
        Vec::deserialize(deserializer).map(List::from)
    }
}

impl<T: Clone + schemars::JsonSchema + 'static> schemars::JsonSchema for List<T> {
    fn inline_schema() -> bool {
        <Vec<T>>::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        <Vec<T>>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <Vec<T>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<T>>::json_schema(generator)
    }
}
