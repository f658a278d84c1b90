//! Ids, aliases and names (unique, well-formed, never shadowing each other) and references
//! from one record to another.

use std::collections::{BTreeMap, HashSet};

use super::Validator;
use crate::catalog::model::CatalogFile;
use crate::names::closest;

/// Ids of one kind of record, for reference checks and suggestions.
pub(super) struct Ids<'f> {
    kind: &'static str,
    ids: Vec<&'f str>,
    set: HashSet<&'f str>,
}

impl<'f> Ids<'f> {
    fn new(kind: &'static str, ids: impl Iterator<Item = &'f str>) -> Ids<'f> {
        let ids: Vec<&str> = ids.collect();
        let set = ids.iter().copied().collect();
        Ids { kind, ids, set }
    }

    fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }
}

/// The ids of every kind of record that other records refer to.
pub(super) struct RecordIds<'f> {
    pub(super) classes: Ids<'f>,
    pub(super) goals: Ids<'f>,
    pub(super) zones: Ids<'f>,
    pub(super) conditions: Ids<'f>,
    pub(super) medications: Ids<'f>,
    pub(super) ingredients: Ids<'f>,
    pub(super) actions: Ids<'f>,
    /// Ingredients and products: what a mix or a regimen may name.
    pub(super) items: Ids<'f>,
}

impl<'f> RecordIds<'f> {
    pub(super) fn new(f: &'f CatalogFile) -> RecordIds<'f> {
        RecordIds {
            classes: Ids::new("class", f.classes.iter().map(|c| c.id.as_ref())),
            goals: Ids::new("goal", f.goals.iter().map(|g| g.id.as_ref())),
            zones: Ids::new("zone", f.zones.iter().map(|z| z.id.as_ref())),
            conditions: Ids::new("condition", f.conditions.iter().map(|c| c.id.as_ref())),
            medications: Ids::new("medication", f.medications.iter().map(|m| m.id.as_ref())),
            ingredients: Ids::new("ingredient", f.ingredients.iter().map(|i| i.id.as_ref())),
            actions: Ids::new("action", f.actions.iter().map(|a| a.id.as_ref())),
            items: Ids::new(
                "ingredient or product",
                f.ingredients
                    .iter()
                    .map(|i| i.id.as_ref())
                    .chain(f.products.iter().map(|p| p.id.as_ref())),
            ),
        }
    }
}

/// Who claimed an alias first: the owner (`goal `hydration``) and the alias's path.
type AliasOwners = BTreeMap<String, (String, String)>;

impl<'f> Validator<'f> {
    /// Ids of every list: snake_case ASCII and unique within the list.
    pub(super) fn check_all_ids(&mut self) {
        let f = self.file;
        self.check_ids("sources", f.sources.iter().map(|s| s.id.as_ref()));
        self.check_ids("classes", f.classes.iter().map(|c| c.id.as_ref()));
        self.check_ids("goals", f.goals.iter().map(|g| g.id.as_ref()));
        self.check_ids("zones", f.zones.iter().map(|z| z.id.as_ref()));
        self.check_ids("conditions", f.conditions.iter().map(|c| c.id.as_ref()));
        self.check_ids("medications", f.medications.iter().map(|m| m.id.as_ref()));
        self.check_ids("aftercare", f.aftercare.iter().map(|a| a.id.as_ref()));
        self.check_ids("expectations", f.expectations.iter().map(|e| e.id.as_ref()));
        self.check_ids("ingredients", f.ingredients.iter().map(|i| i.id.as_ref()));
        self.check_ids("actions", f.actions.iter().map(|a| a.id.as_ref()));
        self.check_ids("regimens", f.regimens.iter().map(|r| r.id.as_ref()));
    }

    fn check_ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = BTreeMap::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            if !is_snake_case(id) {
                self.problem(
                    path.clone(),
                    format!("id `{id}` in {list} is not snake_case ASCII"),
                    "use a-z, 0-9 and _",
                );
            }
            if let Some(first) = seen.insert(id.to_owned(), i) {
                self.problem(
                    path,
                    format!("duplicate id `{id}` in {list} (first at {list}[{first}])"),
                    "duplicate id",
                );
            }
        }
    }

    /// Aliases and names resolve case-insensitively: aliases must be unique across the whole
    /// catalog and shadow no id, and two records of one kind may not share a name.
    pub(super) fn check_aliases_and_names(&mut self) {
        let alias_owner = self.check_aliases();
        self.check_names(&alias_owner);
    }

    /// Aliases resolve names case-insensitively, so they must be unique across the whole
    /// catalog, and no alias may shadow an id or a name of another record. Returns the owner of
    /// every valid alias.
    fn check_aliases(&mut self) -> AliasOwners {
        let f = self.file;
        let mut owners: BTreeMap<String, String> = BTreeMap::new();
        let mut claims: Vec<(String, String, String)> = Vec::new(); // (key, owner, path)
        macro_rules! each {
            ($list:ident, $name:literal) => {
                for (i, r) in f.$list.iter().enumerate() {
                    let owner = format!("{} `{}`", $name, r.id);
                    owners
                        .entry(r.id.to_lowercase())
                        .or_insert_with(|| owner.clone());
                    for (a, alias) in r.aliases.iter().enumerate() {
                        claims.push((
                            alias.to_lowercase(),
                            owner.clone(),
                            format!("{}[{i}].aliases[{a}]", stringify!($list)),
                        ));
                    }
                }
            };
        }
        each!(goals, "goal");
        each!(zones, "zone");
        each!(conditions, "condition");
        each!(medications, "medication");
        each!(ingredients, "ingredient");
        for c in &f.classes {
            owners
                .entry(c.id.to_lowercase())
                .or_insert_with(|| format!("class `{}`", c.id));
        }
        let mut alias_owner = AliasOwners::new();
        for (key, owner, path) in claims {
            if key.trim().is_empty() {
                self.problem(path, format!("{owner} has an empty alias"), "empty alias");
                continue;
            }
            if let Some(id_owner) = owners.get(&key) {
                if *id_owner != owner {
                    self.problem(
                        path,
                        format!("alias `{key}` of {owner} is already the id of {id_owner}"),
                        "alias shadows an id",
                    );
                } else {
                    self.problem(
                        path,
                        format!("alias `{key}` of {owner} repeats its own id"),
                        "redundant alias",
                    );
                }
                continue;
            }
            if let Some((first_owner, first_path)) = alias_owner.get(&key) {
                self.problem(path, format!("alias `{key}` of {owner} is already an alias of {first_owner} (at {first_path})"), "duplicate alias");
                continue;
            }
            alias_owner.insert(key, (owner, path));
        }
        alias_owner
    }

    /// Names resolve too: two records of one kind may not share a name, nor be named like an
    /// alias of another record of their kind.
    fn check_names(&mut self, alias_owner: &AliasOwners) {
        let f = self.file;
        macro_rules! names {
            ($list:ident, $name:literal) => {
                let mut seen: BTreeMap<String, String> = BTreeMap::new();
                for (i, r) in f.$list.iter().enumerate() {
                    for (lang, text) in [("en", &r.name.en), ("ru", &r.name.ru)] {
                        let key = text.to_lowercase();
                        if let Some(first) = seen.get(&key) {
                            if *first != r.id {
                                self.problem(
                                    format!("{}[{i}].name.{lang}", stringify!($list)),
                                    format!(
                                        "{} `{}` has the same name \"{text}\" as `{first}`",
                                        $name, r.id
                                    ),
                                    "ambiguous name",
                                );
                            }
                        } else {
                            seen.insert(key.clone(), r.id.to_string());
                        }
                        if let Some((alias_of, _)) = alias_owner.get(&key) {
                            if *alias_of != format!("{} `{}`", $name, r.id)
                                && alias_of.starts_with($name)
                            {
                                self.problem(
                                    format!("{}[{i}].name.{lang}", stringify!($list)),
                                    format!(
                                        "{} `{}` is named \"{text}\", an alias of {alias_of}",
                                        $name, r.id
                                    ),
                                    "ambiguous name",
                                );
                            }
                        }
                    }
                }
            };
        }
        names!(goals, "goal");
        names!(zones, "zone");
        names!(conditions, "condition");
        names!(medications, "medication");
        names!(ingredients, "ingredient");
        names!(classes, "class");
    }

    /// `id` at `path` must name a record of `ids`' kind; the hint suggests the closest id.
    pub(super) fn reference(&mut self, path: &str, id: &str, ids: &Ids<'_>) {
        if !ids.contains(id) {
            let hint = match closest(id, ids.ids.iter().copied()).first() {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("no such {}", ids.kind),
            };
            self.problem(path.into(), format!("unknown {} `{id}`", ids.kind), hint);
        }
    }
}

fn is_snake_case(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}
