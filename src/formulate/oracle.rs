//! The exhaustive oracle: every admissible, irredundant answer (one syringe, or two given in
//! the same session), scored and ranked. Exponential; the reference the exact search is tested
//! and benchmarked against, never used by the tool.

use crate::catalog::Catalog;

use super::eligibility::eligibility;
use super::ranking::{Best, Ranked};
use super::space::Space;
use super::{Cocktail, FormulateError, FormulateRequest, solve, validate_request};

/// Every admissible, irredundant answer of at most `syringes` syringes (the required
/// candidates in the first; no pair rated incompatible across two syringes), the `k` best
/// kept, best first.
pub(super) fn enumerate_all(space: &Space<'_>, k: usize, syringes: usize) -> Vec<Ranked> {
    fn walk(space: &Space<'_>, best: &mut Best<'_, '_>, set: &mut Vec<Vec<usize>>, from: usize) {
        let all: Vec<usize> = set.iter().flatten().copied().collect();
        if space.irredundant(&all) {
            best.offer(set);
        }
        for c in from..space.cands.len() {
            if space.required.contains(&c) {
                continue;
            }
            for s in 0..set.len() {
                let fits = set[s].len() < space.max
                    && set[s].iter().all(|&m| space.pair(c, m).is_some())
                    && (0..set.len())
                        .filter(|&o| o != s)
                        .all(|o| set[o].iter().all(|&m| space.same_session(c, m)));
                if fits {
                    set[s].push(c);
                    walk(space, best, set, c + 1);
                    set[s].pop();
                }
            }
        }
    }
    let mut best = Best::new(space, k);
    let mut set = vec![Vec::new(); syringes.max(1)];
    set[0] = space.required.clone();
    if space.fits(&set[0]) {
        walk(space, &mut best, &mut set, 0);
    }
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
    exhaustive_syringes(catalog, request, 1)
}

/// The best answer of at most `syringes` syringes (1 or 2) by exhaustive enumeration, for tests:
/// with 2 it is the reference for [`Formulation::two_syringes`](super::Formulation).
pub fn exhaustive_syringes(
    catalog: &Catalog,
    request: &FormulateRequest,
    syringes: usize,
) -> Result<Option<Cocktail>, FormulateError> {
    validate_request(catalog, request)?;
    let (eligible, _) = eligibility(catalog, request);
    let single = FormulateRequest {
        alternatives: 0,
        ..request.clone()
    };
    let found = solve(catalog, &single, &eligible, syringes, &|space, k, n| {
        (enumerate_all(space, k, n), true)
    });
    Ok(found.cocktails.into_iter().next())
}
