//! The exhaustive oracle: every admissible, irredundant set, scored and ranked. Exponential;
//! the reference the exact search is tested and benchmarked against, never used by the tool.

use crate::catalog::Catalog;

use super::eligibility::eligibility;
use super::ranking::{Best, Ranked};
use super::space::Space;
use super::{Cocktail, FormulateError, FormulateRequest, solve, validate_request};

/// Every admissible, irredundant set up to the size limit, the `k` best kept, best first.
pub(super) fn enumerate_all(space: &Space<'_>, k: usize) -> Vec<Ranked> {
    fn walk(space: &Space<'_>, best: &mut Best<'_, '_>, set: &mut Vec<usize>, from: usize) {
        if space.admissible(set) && space.irredundant(set) {
            best.offer(set);
        }
        if set.len() >= space.max {
            return;
        }
        for c in from..space.cands.len() {
            set.push(c);
            walk(space, best, set, c + 1);
            set.pop();
        }
    }
    let mut best = Best::new(space, k);
    walk(space, &mut best, &mut Vec::new(), 0);
    best.into_list()
}

/// The best cocktail by exhaustive enumeration of every admissible set, for tests and
/// benchmarks (exponential in the number of candidates).
///
/// Validates the request as [`formulate`](super::formulate) does, ignores `alternatives`, and
/// ranks sets by the same objective and tie-breaks, so its answer equals
/// `formulate(..)?.cocktail` whenever the session is not refused or postponed (this function does
/// not screen the session). `None` when no ingredient can be chosen.
pub fn exhaustive_best(
    catalog: &Catalog,
    request: &FormulateRequest,
) -> Result<Option<Cocktail>, FormulateError> {
    validate_request(catalog, request)?;
    let (eligible, _) = eligibility(catalog, request);
    let single = FormulateRequest {
        alternatives: 0,
        ..request.clone()
    };
    Ok(solve(catalog, &single, &eligible, enumerate_all)
        .into_iter()
        .next())
}
