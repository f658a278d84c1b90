//! Reasons around the chosen cocktail: why a requested goal is not covered, why an eligible
//! ingredient serving a requested goal was left out, and which goals a second syringe should
//! take.

use crate::catalog::Catalog;
use crate::compat::{PairRating, resolve};

use super::eligibility::Excluded;
use super::space::{evidence_rank, pair_admission};
use super::{Cocktail, FormulateRequest, GoalWeight};

/// Why a goal is not covered.
#[derive(Debug, Clone, PartialEq)]
pub enum UncoveredReason {
    /// No eligible ingredient serves it; each candidate that does is listed with why it is out.
    NoEligible { candidates: Vec<Excluded> },
    /// Eligible ingredients serve it, but each one conflicts with a chosen ingredient: every
    /// (server, chosen, rating) pair that may not share a syringe, servers in catalog order.
    Conflicts {
        pairs: Vec<(usize, usize, PairRating)>,
    },
    /// Eligible, compatible ingredients serve it (listed in catalog order), but the cocktail is
    /// full.
    NoRoom { candidates: Vec<usize> },
}

/// A requested goal the cocktail does not cover, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncovered {
    /// Index into the catalog's goals.
    pub goal: usize,
    pub reason: UncoveredReason,
}

/// Why an eligible ingredient that serves a requested goal is not in the cocktail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotChosenReason {
    /// It may not share the syringe with a chosen ingredient (the first in the cocktail's order).
    Conflicts { with: usize, rating: PairRating },
    /// It would add coverage, but the cocktail already has `max_components` ingredients.
    NoRoom,
    /// The chosen ingredients already serve its goals at least as well.
    AddsNothing,
}

/// An eligible ingredient left out of the cocktail, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotChosen {
    /// Index into the catalog's ingredients.
    pub ingredient: usize,
    pub reason: NotChosenReason,
}

/// Every eligible ingredient (in catalog order) that serves a requested goal and is not in the
/// cocktail, with the first reason that applies: a conflict, no room, or nothing to add.
pub(super) fn not_chosen(
    catalog: &Catalog,
    request: &FormulateRequest,
    best: Option<&Cocktail>,
    eligible: &[usize],
) -> Vec<NotChosen> {
    let Some(best) = best else { return Vec::new() };
    let goal_ids: Vec<&str> = request
        .goals
        .iter()
        .map(|gw| catalog.goals()[gw.goal].id.as_str())
        .collect();
    let claim = |i: usize, goal: &str| {
        catalog.ingredients()[i]
            .goals
            .iter()
            .find(|c| c.goal == goal)
            .map(|c| (c.efficacy, evidence_rank(c.evidence)))
    };
    let mut out = Vec::new();
    for &i in eligible {
        if best.ingredients.contains(&i) || !goal_ids.iter().any(|g| claim(i, g).is_some()) {
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
            let improves = goal_ids.iter().any(|g| {
                let mine = claim(i, g).unwrap_or((0, 0));
                let chosen = best
                    .ingredients
                    .iter()
                    .filter_map(|&c| claim(c, g))
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

/// Every requested goal (in the request's order) the cocktail does not cover, with why.
pub(super) fn uncovered_goals(
    catalog: &Catalog,
    request: &FormulateRequest,
    best: Option<&Cocktail>,
    eligible: &[usize],
    excluded: &[Excluded],
) -> Vec<Uncovered> {
    let chosen: &[usize] = best.map_or(&[], |c| &c.ingredients);
    let mut out = Vec::new();
    for gw in &request.goals {
        let covered = best.is_some_and(|c| {
            c.coverage
                .iter()
                .any(|cov| cov.goal == gw.goal && cov.efficacy > 0)
        });
        if covered {
            continue;
        }
        let servers: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|&i| serves(catalog, i, gw.goal))
            .collect();
        let reason = if servers.is_empty() {
            UncoveredReason::NoEligible {
                candidates: excluded
                    .iter()
                    .filter(|e| serves(catalog, e.ingredient, gw.goal))
                    .cloned()
                    .collect(),
            }
        } else {
            blocked(catalog, request, chosen, &servers)
        };
        out.push(Uncovered {
            goal: gw.goal,
            reason,
        });
    }
    out
}

/// Whether ingredient `i` claims goal `goal` at all.
fn serves(catalog: &Catalog, i: usize, goal: usize) -> bool {
    catalog.ingredients()[i]
        .goals
        .iter()
        .any(|c| c.goal == catalog.goals()[goal].id)
}

/// Why eligible `servers` of a goal are not in the cocktail: no room when any of them could join
/// the chosen ingredients, else every conflicting pair.
fn blocked(
    catalog: &Catalog,
    request: &FormulateRequest,
    chosen: &[usize],
    servers: &[usize],
) -> UncoveredReason {
    let mut pairs = Vec::new();
    let mut free = Vec::new();
    for &s in servers {
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

/// The request for a second syringe: the goals lost to conflicts or to a full cocktail, with
/// their weights, no required ingredients and no alternatives; `None` when there are none.
pub(super) fn second_request(
    request: &FormulateRequest,
    uncovered: &[Uncovered],
) -> Option<FormulateRequest> {
    let goals: Vec<GoalWeight> = uncovered
        .iter()
        .filter(|u| {
            matches!(
                u.reason,
                UncoveredReason::Conflicts { .. } | UncoveredReason::NoRoom { .. }
            )
        })
        .filter_map(|u| request.goals.iter().find(|gw| gw.goal == u.goal).copied())
        .collect();
    (!goals.is_empty()).then(|| FormulateRequest {
        goals,
        require: Vec::new(),
        alternatives: 0,
        ..request.clone()
    })
}
