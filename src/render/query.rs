//! Questions the views ask of the catalog: pure functions over [`Catalog`] that return indices,
//! ids and records, never words. They live here until the catalog grows a home for them; the
//! rules themselves (such as whether an ingredient is allowed in a zone) are the core's, called
//! and never copied.

use crate::catalog::model::{Contraindication, MedicationInteraction, Rating, Status, Str, Text};
use crate::catalog::{Catalog, GoalValue, Item};
use crate::check::allowed_in_zone;
use crate::compat::{Resolution, Via, resolve};

/// Ingredients of `class` serving `goal` (indices), in catalog order.
pub fn filter_ingredients(
    catalog: &Catalog,
    class: Option<usize>,
    goal: Option<usize>,
) -> Vec<usize> {
    (0..catalog.ingredients().len())
        .filter(|&i| class.is_none_or(|c| catalog.class_of(i) == c))
        .filter(|&i| {
            goal.is_none_or(|g| catalog.goal_value(Item::Ingredient(i), g, None).is_some())
        })
        .collect()
}

/// The zones ingredient `i` may be used in (indices, catalog order), by the core's zone rule.
pub fn allowed_zones(catalog: &Catalog, i: usize) -> Vec<usize> {
    (0..catalog.zones().len())
        .filter(|&z| allowed_in_zone(catalog, i, z))
        .collect()
}

/// Every pair of ingredient `i` that has data (an edge or a pH inference), as the other
/// ingredient and the resolution, worst first and then by the other's id.
pub fn known_pairs(catalog: &Catalog, i: usize) -> Vec<(usize, Resolution<'_>)> {
    let mut pairs: Vec<(usize, Resolution<'_>)> = (0..catalog.ingredients().len())
        .filter(|&j| j != i)
        .map(|j| (j, resolve(catalog, i, j)))
        .filter(|(_, r)| r.via == Via::Ph || r.decision().is_some())
        .collect();
    let id = |j: usize| catalog.ingredients()[j].id.as_ref();
    pairs.sort_by(|(a, ra), (b, rb)| rb.rating.cmp(&ra.rating).then_with(|| id(*a).cmp(id(*b))));
    pairs
}

/// The pH sources of two ingredients, sorted and without repeats: what a pH inference rests on.
pub fn ph_sources(catalog: &Catalog, a: usize, b: usize) -> Vec<String> {
    let mut s: Vec<String> = [a, b]
        .iter()
        .filter_map(|&i| catalog.ingredients()[i].ph.as_ref())
        .flat_map(|ph| ph.sources.iter().map(|s| s.to_string()))
        .collect();
    s.sort();
    s.dedup();
    s
}

/// The class-by-class matrix: `matrix[a][b]` is the class edge's rating, if any.
pub fn class_matrix(catalog: &Catalog) -> Vec<Vec<Option<Rating>>> {
    let n = catalog.classes().len();
    (0..n)
        .map(|a| {
            (0..n)
                .map(|b| {
                    catalog
                        .compat()
                        .class_link(a, b)
                        .map(|e| catalog.file().class_edges[e].rating)
                })
                .collect()
        })
        .collect()
}

/// The ids of the ingredients of `class`, in catalog order.
pub fn members(catalog: &Catalog, class: usize) -> Vec<&str> {
    (0..catalog.ingredients().len())
        .filter(|&i| catalog.class_of(i) == class)
        .map(|i| catalog.ingredients()[i].id.as_ref())
        .collect()
}

/// Ingredients performing an action of goal `goal` (id, what each alone does for it), best
/// first, then by id. Claims that hold only in some zones are left out.
pub fn served_by(catalog: &Catalog, goal: usize) -> Vec<(&str, GoalValue)> {
    let mut out: Vec<_> = (0..catalog.ingredients().len())
        .filter_map(|i| {
            catalog
                .goal_value(Item::Ingredient(i), goal, None)
                .map(|v| (catalog.ingredients()[i].id.as_ref(), v))
        })
        .collect();
    out.sort_by(|a, b| b.1.points.cmp(&a.1.points).then_with(|| a.0.cmp(b.0)));
    out
}

/// Ingredients whose contraindications name `condition`, with the contraindication.
pub fn affected_by_condition<'c>(
    catalog: &'c Catalog,
    condition: &str,
) -> Vec<(&'c str, &'c Contraindication)> {
    catalog
        .ingredients()
        .iter()
        .flat_map(|i| {
            i.contraindications
                .iter()
                .filter(|c| c.condition == condition)
                .map(move |c| (i.id.as_ref(), c))
        })
        .collect()
}

/// Ingredients that interact with `medication`, with the interaction.
pub fn affected_by_medication<'c>(
    catalog: &'c Catalog,
    medication: &str,
) -> Vec<(&'c str, &'c MedicationInteraction)> {
    catalog
        .ingredients()
        .iter()
        .flat_map(|i| {
            i.interactions
                .iter()
                .filter(|m| m.medication == medication)
                .map(move |m| (i.id.as_ref(), m))
        })
        .collect()
}

/// The note and sources of a status other than `available`.
pub fn status_note(status: &Status) -> Option<(&Text, &[Str])> {
    match status {
        Status::Available => None,
        Status::Withdrawn { note, sources }
        | Status::NotInjectable { note, sources }
        | Status::Unapproved { note, sources } => Some((note, sources)),
    }
}

/// Every source an ingredient's record and its pairs cite, sorted and without repeats.
pub fn cited_sources(catalog: &Catalog, i: usize) -> Vec<String> {
    let ing = &catalog.ingredients()[i];
    let mut all: Vec<String> = ing.sources.to_strings();
    if let Some((_, s)) = status_note(&ing.status) {
        all.extend(s.iter().map(|s| s.to_string()));
    }
    for a in &ing.actions {
        all.extend(a.sources.iter().map(|s| s.to_string()));
    }
    if let Some(ph) = &ing.ph {
        all.extend(ph.sources.iter().map(|s| s.to_string()));
    }
    for f in [&ing.concentration, &ing.session_limit, &ing.zone_note]
        .into_iter()
        .flatten()
        .chain(&ing.notes)
    {
        all.extend(f.sources.iter().map(|s| s.to_string()));
    }
    if let Some(c) = &ing.course {
        all.extend(c.sources.iter().map(|s| s.to_string()));
    }
    for c in &ing.contraindications {
        all.extend(c.sources.iter().map(|s| s.to_string()));
    }
    for c in &ing.components {
        all.extend(c.sources.iter().map(|s| s.to_string()));
    }
    for m in &ing.interactions {
        all.extend(m.sources.iter().map(|s| s.to_string()));
    }
    if let Some(s) = &ing.solo {
        all.extend(s.sources.iter().map(|s| s.to_string()));
    }
    for (j, r) in known_pairs(catalog, i) {
        match r.decision() {
            Some(claim) => all.extend(claim.sources.iter().map(|s| s.to_string())),
            None => all.extend(ph_sources(catalog, i, j)),
        }
    }
    all.sort();
    all.dedup();
    all
}
