//! Published regimens as precedent: the regimens for the requested goals, each checked for
//! this patient and zone (allowed, or blocked and why), and whether the cocktail matches or
//! contains one. A regimen never changes a rating: it is reported, not scored.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Catalog, Item};
use crate::check::{self, CheckReport, CheckRequest, Verdict};

use super::{Cocktail, FormulateRequest};

/// How a cocktail relates to a regimen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RegimenMatch {
    /// The cocktail holds none or only some of the regimen's actives.
    None,
    /// The cocktail holds every active of the regimen, and more.
    Contains,
    /// The cocktail is exactly the regimen's actives.
    Matches,
}

/// A regimen for a requested goal and its status for this request.
#[derive(Debug, Clone)]
pub struct RegimenStatus {
    /// Index into the catalog's regimens.
    pub regimen: usize,
    /// Its actives (products expanded), sorted by id.
    pub actives: Vec<usize>,
    /// Whether it was used in the request's zone (or names no zone, or no zone was asked for).
    pub zone_matches: bool,
    /// Its verdict for this patient and zone: the check of its items in one syringe, or, for a
    /// regimen given in separate injections, the worst check of each item alone.
    pub verdict: Verdict,
    /// The checks behind the verdict (one, or one per item).
    pub checks: Vec<CheckReport>,
    /// How the single-syringe cocktail relates to it.
    pub cocktail: RegimenMatch,
    /// How the two syringes relate to it (a one-syringe regimen must be in one of them).
    pub two_syringes: RegimenMatch,
}

/// The regimens naming a requested goal, in catalog order, with their status.
pub(super) fn statuses(
    catalog: &Catalog,
    request: &FormulateRequest,
    cocktail: Option<&Cocktail>,
    two: Option<&Cocktail>,
) -> Vec<RegimenStatus> {
    let zone = request.zone.map(|z| catalog.zones()[z].id.as_ref());
    let goal_ids: BTreeSet<&str> = request
        .goals
        .iter()
        .map(|gw| catalog.goals()[gw.goal].id.as_ref())
        .collect();
    let mut out = Vec::new();
    for (r, regimen) in catalog.regimens().iter().enumerate() {
        if !regimen.goals.iter().any(|g| goal_ids.contains(g.as_ref())) {
            continue;
        }
        let items: Vec<Item> = regimen
            .items
            .iter()
            .filter_map(|id| catalog.item_by_id(id))
            .collect();
        let mut actives: Vec<usize> = items.iter().flat_map(|&i| catalog.actives_of(i)).collect();
        actives.sort_by(|&a, &b| {
            catalog.ingredients()[a]
                .id
                .cmp(&catalog.ingredients()[b].id)
        });
        actives.dedup();
        let checks: Vec<CheckReport> = if regimen.one_syringe {
            check_items(catalog, request, &items).into_iter().collect()
        } else {
            items
                .iter()
                .filter_map(|&i| check_items(catalog, request, &[i]))
                .collect()
        };
        let verdict = checks
            .iter()
            .map(|c| c.verdict)
            .max()
            .unwrap_or(Verdict::Unknown);
        let relate = |set: &[usize]| relation(&actives, set);
        let two_syringes = two.map_or(RegimenMatch::None, |t| {
            if regimen.one_syringe {
                t.syringes
                    .iter()
                    .map(|s| relate(s))
                    .max()
                    .unwrap_or(RegimenMatch::None)
            } else {
                relate(&t.ingredients)
            }
        });
        out.push(RegimenStatus {
            regimen: r,
            zone_matches: zone.is_none()
                || regimen.zones.is_empty()
                || regimen.zones.iter().any(|z| Some(z.as_ref()) == zone),
            verdict,
            checks,
            cocktail: cocktail.map_or(RegimenMatch::None, |c| relate(&c.ingredients)),
            two_syringes,
            actives,
        });
    }
    out
}

/// How `set` relates to a regimen's `actives`.
fn relation(actives: &[usize], set: &[usize]) -> RegimenMatch {
    if !actives.iter().all(|a| set.contains(a)) {
        RegimenMatch::None
    } else if set.len() == actives.len() {
        RegimenMatch::Matches
    } else {
        RegimenMatch::Contains
    }
}

/// The check of items in one syringe under the request's zone and patient; `None` when the
/// items cannot be checked together (an active twice).
fn check_items(
    catalog: &Catalog,
    request: &FormulateRequest,
    items: &[Item],
) -> Option<CheckReport> {
    let mut mix = Vec::new();
    let mut from = BTreeMap::new();
    for &item in items {
        for a in catalog.actives_of(item) {
            mix.push(a);
            if let Item::Product(p) = item {
                from.insert(a, p);
            }
        }
    }
    // The verdict and its reasons; a regimen's suggestions are not wanted (and cost most).
    check::assess(
        catalog,
        &CheckRequest {
            max_components: mix.len().max(1),
            mix,
            zone: request.zone,
            patient: request.patient.clone(),
            from,
            amounts: Vec::new(),
        },
    )
    .ok()
}
