//! Reasons around the chosen cocktail: why a requested goal action is not covered, and why an
//! eligible ingredient performing a requested action was left out.

use crate::catalog::{Catalog, accepted, evidence_rank};
use crate::compat::{PairRating, resolve};

use super::eligibility::Excluded;
use super::space::{best_claim, pair_admission};
use super::{Cocktail, FormulateRequest};

/// Why a goal action is not covered.
#[derive(Debug, Clone, PartialEq)]
pub enum UncoveredReason {
    /// No ingredient of the catalog performs it (in this zone): no data.
    NoData,
    /// Ingredients perform it, but none is eligible; each is listed with why it is out.
    NoEligible { candidates: Vec<Excluded> },
    /// Eligible ingredients perform it, but each one conflicts with a chosen ingredient: every
    /// (performer, chosen, rating) pair that may not share a syringe, performers in catalog
    /// order.
    Conflicts {
        pairs: Vec<(usize, usize, PairRating)>,
    },
    /// Eligible, compatible ingredients perform it (listed in catalog order), but the cocktail
    /// is full.
    NoRoom { candidates: Vec<usize> },
}

/// A requested goal action the cocktail does not cover, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncovered {
    /// Index into the catalog's goals.
    pub goal: usize,
    /// Index into the goal's `actions`.
    pub entry: usize,
    pub reason: UncoveredReason,
}

/// Why an eligible ingredient that performs a requested action is not in the cocktail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotChosenReason {
    /// It may not share the syringe with a chosen ingredient (the first in the cocktail's order).
    Conflicts { with: usize, rating: PairRating },
    /// It would add coverage, but the cocktail already has `max_components` ingredients.
    NoRoom,
    /// The chosen ingredients already perform its actions at least as well.
    AddsNothing,
}

/// An eligible ingredient left out of the cocktail, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotChosen {
    /// Index into the catalog's ingredients.
    pub ingredient: usize,
    pub reason: NotChosenReason,
}

/// The requested goal actions as (goal, entry, accepted actions), in the request's order.
fn goal_actions(catalog: &Catalog, request: &FormulateRequest) -> Vec<(usize, usize, Vec<String>)> {
    request
        .goals
        .iter()
        .flat_map(|gw| {
            catalog.goals()[gw.goal]
                .actions
                .iter()
                .enumerate()
                .map(move |(e, ga)| (gw.goal, e, accepted(ga).map(str::to_owned).collect()))
        })
        .collect()
}

/// Every eligible ingredient (in catalog order) that performs a requested action and is not in
/// the cocktail, with the first reason that applies: a conflict, no room, or nothing to add.
pub(super) fn not_chosen(
    catalog: &Catalog,
    request: &FormulateRequest,
    best: Option<&Cocktail>,
    eligible: &[usize],
) -> Vec<NotChosen> {
    let Some(best) = best else { return Vec::new() };
    let zone = request.zone.map(|z| catalog.zones()[z].id.as_ref());
    let actions = goal_actions(catalog, request);
    let claim = |i: usize, accepts: &[String]| {
        best_claim(catalog, i, accepts, zone).map(|c| (c.efficacy, evidence_rank(c.evidence)))
    };
    let mut out = Vec::new();
    for &i in eligible {
        if best.ingredients.contains(&i) || !actions.iter().any(|(_, _, a)| claim(i, a).is_some()) {
            continue;
        }
        let conflict = best
            .ingredients
            .iter()
            .find(|&&c| pair_admission(catalog, i, c, request.allow_caution).is_none());
        let reason = if let Some(&with) = conflict {
            NotChosenReason::Conflicts {
                with,
                rating: resolve(catalog, i, with).rating,
            }
        } else {
            let improves = actions.iter().any(|(_, _, a)| {
                let mine = claim(i, a).unwrap_or((0, 0));
                let chosen = best
                    .ingredients
                    .iter()
                    .filter_map(|&c| claim(c, a))
                    .max()
                    .unwrap_or((0, 0));
                mine > chosen
            });
            if improves && best.ingredients.len() >= request.max_components {
                NotChosenReason::NoRoom
            } else {
                NotChosenReason::AddsNothing
            }
        };
        out.push(NotChosen {
            ingredient: i,
            reason,
        });
    }
    out
}

/// Every requested goal action (in the request's order) the cocktail does not cover, with why.
pub(super) fn uncovered_actions(
    catalog: &Catalog,
    request: &FormulateRequest,
    best: Option<&Cocktail>,
    eligible: &[usize],
    excluded: &[Excluded],
) -> Vec<Uncovered> {
    let zone = request.zone.map(|z| catalog.zones()[z].id.as_ref());
    let chosen: &[usize] = best.map_or(&[], |c| &c.ingredients);
    let mut out = Vec::new();
    for (goal, entry, accepts) in goal_actions(catalog, request) {
        let covered = best.is_some_and(|c| {
            c.coverage
                .iter()
                .any(|cov| cov.goal == goal && cov.actions[entry].efficacy > 0)
        });
        if covered {
            continue;
        }
        let performs = |i: usize| best_claim(catalog, i, &accepts, zone).is_some();
        let performers: Vec<usize> = eligible.iter().copied().filter(|&i| performs(i)).collect();
        let reason = if performers.is_empty() {
            let candidates: Vec<Excluded> = excluded
                .iter()
                .filter(|e| performs(e.ingredient))
                .cloned()
                .collect();
            if candidates.is_empty() {
                UncoveredReason::NoData
            } else {
                UncoveredReason::NoEligible { candidates }
            }
        } else {
            blocked(catalog, request, chosen, &performers)
        };
        out.push(Uncovered {
            goal,
            entry,
            reason,
        });
    }
    out
}

/// Why eligible `performers` of an action are not in the cocktail: no room when any of them
/// could join the chosen ingredients, else every conflicting pair.
fn blocked(
    catalog: &Catalog,
    request: &FormulateRequest,
    chosen: &[usize],
    performers: &[usize],
) -> UncoveredReason {
    let mut pairs = Vec::new();
    let mut free = Vec::new();
    for &s in performers {
        let blocking: Vec<(usize, usize, PairRating)> = chosen
            .iter()
            .filter(|&&c| pair_admission(catalog, s, c, request.allow_caution).is_none())
            .map(|&c| (s, c, resolve(catalog, s, c).rating))
            .collect();
        if blocking.is_empty() {
            free.push(s);
        } else {
            pairs.extend(blocking);
        }
    }
    if free.is_empty() {
        UncoveredReason::Conflicts { pairs }
    } else {
        UncoveredReason::NoRoom { candidates: free }
    }
}
