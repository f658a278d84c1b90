//! Branded products: ids and names that never collide with an ingredient's (a mix item is
//! looked up among both), actives and components that name catalog records, sourced claims,
//! a solo rule rated by its grade, and bilingual texts.

use std::collections::BTreeMap;

use super::Validator;
use super::ids::RecordIds;
use crate::catalog::model::{Product, Text};
use crate::names::normalise;

impl<'f> Validator<'f> {
    /// Every product of the catalog.
    pub(super) fn check_products(&mut self, ids: &RecordIds<'_>) {
        let f = self.file;
        // Every name an ingredient answers to (id, aliases, both names), case-insensitively.
        let mut ingredient_names: BTreeMap<String, &str> = BTreeMap::new();
        for ing in &f.ingredients {
            for name in [&ing.id, &ing.name.en, &ing.name.ru]
                .into_iter()
                .chain(&ing.aliases)
            {
                ingredient_names.insert(normalise(name), &ing.id);
            }
        }
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (p, product) in f.products.iter().enumerate() {
            let path = format!("products[{p}]");
            self.product_names(&path, product, &ingredient_names, &mut seen, p);
            self.product_claims(&path, product, ids);
        }
    }

    /// The product's id, names and aliases: unique among products, and none an ingredient's.
    fn product_names(
        &mut self,
        path: &str,
        product: &Product,
        ingredient_names: &BTreeMap<String, &str>,
        seen: &mut BTreeMap<String, usize>,
        p: usize,
    ) {
        let names = [
            ("id", &product.id),
            ("name.en", &product.name.en),
            ("name.ru", &product.name.ru),
        ]
        .into_iter()
        .map(|(field, name)| (field.to_owned(), name))
        .chain(
            product
                .aliases
                .iter()
                .enumerate()
                .map(|(a, alias)| (format!("aliases[{a}]"), alias)),
        );
        for (field, name) in names {
            let key = normalise(name);
            if key.trim().is_empty() {
                self.problem(
                    format!("{path}.{field}"),
                    format!("product `{}` has an empty name", product.id),
                    "empty name",
                );
                continue;
            }
            if let Some(ingredient) = ingredient_names.get(&key) {
                self.problem(
                    format!("{path}.{field}"),
                    format!(
                        "`{name}` of product `{}` already names ingredient `{ingredient}`",
                        product.id
                    ),
                    "a name must find one record",
                );
            }
            match seen.get(&key) {
                Some(&other) if other != p => self.problem(
                    format!("{path}.{field}"),
                    format!(
                        "`{name}` of product `{}` already names product `{}`",
                        product.id, self.file.products[other].id
                    ),
                    "a name must find one record",
                ),
                _ => {
                    seen.insert(key, p);
                }
            }
        }
        if !product.id.is_empty()
            && !product
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            self.problem(
                format!("{path}.id"),
                format!("id `{}` in products is not snake_case ASCII", product.id),
                "use a-z, 0-9 and _",
            );
        }
    }

    /// Actives, components, the solo rule and notes: every reference known, every claim sourced.
    fn product_claims(&mut self, path: &str, product: &'f Product, ids: &RecordIds<'_>) {
        if product.actives.is_empty() {
            self.problem(
                format!("{path}.actives"),
                format!("product `{}` has no active", product.id),
                "name at least one active",
            );
        }
        for (a, active) in product.actives.iter().enumerate() {
            let ap = format!("{path}.actives[{a}]");
            self.reference(
                &format!("{ap}.ingredient"),
                &active.ingredient,
                &ids.ingredients,
            );
            if product.actives[..a]
                .iter()
                .any(|x| x.ingredient == active.ingredient)
            {
                self.problem(
                    format!("{ap}.ingredient"),
                    format!("`{}` is listed twice as an active", active.ingredient),
                    "each active once",
                );
            }
            if let Some(s) = active.strength
                && !(s.value.is_finite() && s.value > 0.0)
            {
                self.problem(
                    format!("{ap}.strength.value"),
                    "a strength is a positive number".into(),
                    "positive number",
                );
            }
            self.sources(
                &format!("{ap}.sources"),
                &active.sources,
                Some(active.evidence),
            );
        }
        for (k, component) in product.components.iter().enumerate() {
            let kp = format!("{path}.components[{k}]");
            if let Some(other) = &component.ingredient {
                self.reference(&format!("{kp}.ingredient"), other, &ids.ingredients);
            }
            self.component(&kp, component, ids);
        }
        if let Some(solo) = &product.solo {
            self.solo_rule(&format!("{path}.solo"), solo);
        }
        for (n, fact) in product.notes.iter().enumerate() {
            self.sources(
                &format!("{path}.notes[{n}].sources"),
                &fact.sources,
                Some(fact.evidence),
            );
        }
        self.sources(&format!("{path}.sources"), &product.sources, None);
    }
}

/// The bilingual texts of a product, with their paths.
pub(super) fn product_texts<'f>(
    p: usize,
    product: &'f Product,
    texts: &mut Vec<(String, &'f Text)>,
) {
    let path = format!("products[{p}]");
    texts.push((format!("{path}.name"), &product.name));
    if let Some(presentation) = &product.presentation {
        texts.push((format!("{path}.presentation"), presentation));
    }
    texts.push((
        format!("{path}.registration_note"),
        &product.registration_note,
    ));
    texts.push((format!("{path}.uses"), &product.uses));
    for (a, claim) in product.actions.iter().enumerate() {
        if let Some(n) = &claim.note {
            texts.push((format!("{path}.actions[{a}].note"), n));
        }
    }
    for (a, active) in product.actives.iter().enumerate() {
        if let Some(note) = &active.note {
            texts.push((format!("{path}.actives[{a}].note"), note));
        }
    }
    for (k, component) in product.components.iter().enumerate() {
        texts.push((format!("{path}.components[{k}].name"), &component.name));
    }
    if let Some(solo) = &product.solo {
        texts.push((format!("{path}.solo.note"), &solo.note));
    }
    for (n, fact) in product.notes.iter().enumerate() {
        texts.push((format!("{path}.notes[{n}].text"), &fact.text));
    }
}
