//! What a catalog derives from its records before it can answer: the name index, each
//! ingredient's class and the compatibility graph's indices. `Catalog::build` derives them for a
//! catalog file; `build.rs` (which compiles this file through `build_support.rs`) derives them
//! once for the embedded catalog and writes them as Rust statics with it, so that no start
//! lower-cases every name or indexes every edge again.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::graph::CompatGraph;
use super::model::{CatalogFile, Edge, List, Str};
use crate::names::normalise;

/// The kinds of named records a person can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// An ingredient: by id, English or Russian name, or alias.
    Ingredient,
    /// A class of ingredients: by id or English or Russian name (classes have no aliases).
    Class,
    /// A treatment goal: by id, English or Russian name, or alias.
    Goal,
    /// An injection zone: by id, English or Russian name, or alias.
    Zone,
    /// A patient condition (allergy conditions included): by id, English or Russian name, or alias.
    Condition,
    /// A medication class: by id, English or Russian name, or alias (a drug it lists).
    Medication,
    /// A branded product: by id, English or Russian name, or alias (brand spellings).
    Product,
}

/// Every name a person may type, normalised, with the index of the record it names; sorted by
/// kind, then name (byte order), one entry per name and kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameIndex(pub(super) List<(Kind, Str, usize)>);

impl NameIndex {
    /// The index of the record of `kind` that the normalised name `key` names.
    pub fn get(&self, kind: Kind, key: &str) -> Option<usize> {
        self.0
            .binary_search_by(|(k, name, _)| (*k, &**name).cmp(&(kind, key)))
            .ok()
            .map(|at| self.0[at].2)
    }

    /// Every normalised name of `kind`, in byte order.
    pub fn keys(&self, kind: Kind) -> impl Iterator<Item = &str> {
        let start = self.0.partition_point(|(k, _, _)| *k < kind);
        let end = self.0.partition_point(|(k, _, _)| *k <= kind);
        self.0[start..end].iter().map(|(_, name, _)| &**name)
    }
}

/// What [`derive`] computes from a validated catalog file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Derived {
    /// Names of every kind.
    pub names: NameIndex,
    /// The class index of each ingredient, by ingredient index.
    pub class_of: List<usize>,
    /// The ingredient and class edges, indexed by their ends.
    pub compat: CompatGraph,
}

/// Derives the name index, the ingredients' classes and the compatibility graph of a validated
/// catalog file (an ingredient whose class is unknown, which validation rules out, gets class 0).
pub fn derive(file: &CatalogFile) -> Derived {
    // Each id's position in its list.
    fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
        ids.enumerate().map(|(i, id)| (id, i)).collect()
    }
    let class_index = positions(file.classes.iter().map(|c| &*c.id));
    let ingredient_index = positions(file.ingredients.iter().map(|x| &*x.id));
    let class_of = file
        .ingredients
        .iter()
        .map(|i| class_index.get(&*i.class).copied().unwrap_or(0))
        .collect();
    // The indices of each edge's ends, by edge index (`None` when an end is not a known id,
    // which validation rules out).
    let ends = |edges: &[Edge], index: &HashMap<&str, usize>| -> Vec<Option<(usize, usize)>> {
        edges
            .iter()
            .map(|e| Some((*index.get(&*e.a)?, *index.get(&*e.b)?)))
            .collect()
    };
    let compat = CompatGraph::build(
        file.ingredients.len(),
        file.classes.len(),
        &ends(&file.edges, &ingredient_index),
        &ends(&file.class_edges, &class_index),
    );
    // Ids first, then names, then aliases: validation guarantees they do not collide within a
    // kind, and the first is kept if they ever do.
    let mut names = Vec::new();
    let mut add = |kind: Kind, index: usize, keys: &mut dyn Iterator<Item = &Str>| {
        names.extend(keys.map(|key| (kind, Str::from(normalise(key)), index)));
    };
    macro_rules! index {
        ($list:expr, $kind:expr) => {
            for (i, r) in $list.iter().enumerate() {
                add(
                    $kind,
                    i,
                    &mut [&r.id, &r.name.en, &r.name.ru]
                        .into_iter()
                        .chain(r.aliases.iter()),
                );
            }
        };
    }
    index!(file.ingredients, Kind::Ingredient);
    index!(file.goals, Kind::Goal);
    index!(file.zones, Kind::Zone);
    index!(file.conditions, Kind::Condition);
    index!(file.medications, Kind::Medication);
    index!(file.products, Kind::Product);
    for (i, c) in file.classes.iter().enumerate() {
        add(
            Kind::Class,
            i,
            &mut [&c.id, &c.name.en, &c.name.ru].into_iter(),
        );
    }
    // A stable sort keeps the first of equal names first; `dedup` then keeps it.
    names.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    names.dedup_by(|later, first| later.0 == first.0 && later.1 == first.1);
    Derived {
        names: NameIndex(names.into()),
        class_of,
        compat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_name_wins_and_lookups_stay_within_their_kind() {
        let index = NameIndex(List::from(vec![
            (Kind::Ingredient, "a".into(), 0),
            (Kind::Ingredient, "b".into(), 1),
            (Kind::Class, "a".into(), 7),
        ]));
        assert_eq!(index.get(Kind::Ingredient, "b"), Some(1));
        assert_eq!(index.get(Kind::Class, "a"), Some(7));
        assert_eq!(index.get(Kind::Goal, "a"), None);
        assert_eq!(index.keys(Kind::Ingredient).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(index.keys(Kind::Zone).count(), 0);
    }
}
