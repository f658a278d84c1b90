//! The search space: the candidates of a request (eligible ingredients that serve a requested
//! goal, and the required ones), their goal profiles, which pairs may share a syringe, and the
//! objective's value of a set. Sets are lists of candidate positions, not ingredient indices.

use crate::catalog::Catalog;
use crate::catalog::model::{Evidence, Rating};
use crate::check::{self, Severity};
use crate::compat::{PairRating, resolve};

use super::{Cocktail, Coverage, FormulateRequest, GoalWeight, Score};

/// Evidence as a number: inference 0, weak 1, peer 2, label 3 (always below 4).
pub(super) fn evidence_rank(e: Evidence) -> u8 {
    match e {
        Evidence::Label => 3,
        Evidence::Peer => 2,
        Evidence::Weak => 1,
        Evidence::Inference => 0,
    }
}

/// Whether two ingredients may share a syringe under this request, and the cautions they add
/// (a caution pair, and each caution "do not mix" note of the two); `None` if they may not.
pub(super) fn pair_admission(
    catalog: &Catalog,
    a: usize,
    b: usize,
    allow_caution: bool,
) -> Option<u8> {
    let mut cautions = 0u8;
    match resolve(catalog, a, b).rating {
        PairRating::Compatible => {}
        PairRating::Caution if allow_caution => cautions += 1,
        _ => return None,
    }
    for i in [a, b] {
        if let Some(solo) = &catalog.ingredients()[i].solo {
            match solo.rating {
                Rating::Caution if allow_caution => cautions += 1,
                _ => return None,
            }
        }
    }
    Some(cautions)
}

/// The search space: eligible candidates and their goal profiles. Pair admissibility is looked
/// up when needed (constant time per pair), never tabulated, so a catalog of 10,000 ingredients
/// costs no quadratic table.
pub(super) struct Space<'c> {
    pub(super) catalog: &'c Catalog,
    pub(super) goals: Vec<GoalWeight>,
    /// Candidate ingredient indices, in search order (largest weighted gain first, then id).
    pub(super) cands: Vec<usize>,
    /// `eff[c][g]`: efficacy of candidate c for requested goal g (0 if it does not serve it).
    pub(super) eff: Vec<Vec<u8>>,
    /// `ev[c][g]`: evidence rank of that claim.
    pub(super) ev: Vec<Vec<u8>>,
    /// Caution findings the candidate brings for this patient on its own.
    pub(super) own_cautions: Vec<u32>,
    /// Required candidates (positions in `cands`).
    pub(super) required: Vec<usize>,
    pub(super) max: usize,
    allow_caution: bool,
}

/// The best (efficacy, evidence) per requested goal of a set so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Level {
    pub(super) eff: Vec<u8>,
    pub(super) ev: Vec<u8>,
}

impl<'c> Space<'c> {
    pub(super) fn build(
        catalog: &'c Catalog,
        request: &FormulateRequest,
        eligible: &[usize],
    ) -> Space<'c> {
        let goals = request.goals.clone();
        let goal_ids: Vec<&str> = goals
            .iter()
            .map(|gw| catalog.goals()[gw.goal].id.as_str())
            .collect();
        let profile = |i: usize| -> (Vec<u8>, Vec<u8>) {
            let ing = &catalog.ingredients()[i];
            goal_ids
                .iter()
                .map(|id| {
                    ing.goals
                        .iter()
                        .find(|c| c.goal == *id)
                        .map_or((0, 0), |c| (c.efficacy, evidence_rank(c.evidence)))
                })
                .unzip()
        };
        let weight = |eff: &[u8]| -> u64 {
            eff.iter()
                .zip(&goals)
                .map(|(&e, gw)| u64::from(e) * u64::from(gw.weight))
                .sum()
        };
        // Candidates: eligible ingredients that serve a requested goal, and the required ones.
        let mut cands: Vec<(u64, usize, Vec<u8>, Vec<u8>)> = eligible
            .iter()
            .filter_map(|&i| {
                let (eff, ev) = profile(i);
                let serves = eff.iter().any(|&e| e > 0);
                (serves || request.require.contains(&i)).then(|| (weight(&eff), i, eff, ev))
            })
            .collect();
        // Search order: largest weighted gain first, then id, so good incumbents come early.
        cands.sort_by(|a, b| {
            b.0.cmp(&a.0).then_with(|| {
                catalog.ingredients()[a.1]
                    .id
                    .cmp(&catalog.ingredients()[b.1].id)
            })
        });
        let own_cautions = cands
            .iter()
            .map(|c| {
                check::ingredient_patient_findings(catalog, c.1, &request.patient)
                    .iter()
                    .filter(|f| f.severity == Severity::Caution)
                    .count() as u32
            })
            .collect();
        let required = request
            .require
            .iter()
            .filter_map(|r| cands.iter().position(|c| c.1 == *r))
            .collect();
        let (eff, ev): (Vec<_>, Vec<_>) = cands.iter().map(|c| (c.2.clone(), c.3.clone())).unzip();
        Space {
            catalog,
            goals,
            cands: cands.iter().map(|c| c.1).collect(),
            eff,
            ev,
            own_cautions,
            required,
            max: request.max_components,
            allow_caution: request.allow_caution,
        }
    }

    /// The catalog id of candidate `c`.
    pub(super) fn id(&self, c: usize) -> &str {
        &self.catalog.ingredients()[self.cands[c]].id
    }

    /// [`pair_admission`] of two candidates.
    pub(super) fn pair(&self, x: usize, y: usize) -> Option<u8> {
        pair_admission(
            self.catalog,
            self.cands[x],
            self.cands[y],
            self.allow_caution,
        )
    }

    /// The requested goals' weights, in the request's order.
    pub(super) fn weights(&self) -> impl Iterator<Item = u64> + '_ {
        self.goals.iter().map(|gw| u64::from(gw.weight))
    }

    /// The level of a set.
    pub(super) fn level(&self, set: &[usize]) -> Level {
        let g = self.goals.len();
        let mut level = Level {
            eff: vec![0; g],
            ev: vec![0; g],
        };
        for &c in set {
            self.raise(&mut level, c);
        }
        level
    }

    /// Raises `level` by candidate `c`; returns whether any goal improved.
    pub(super) fn raise(&self, level: &mut Level, c: usize) -> bool {
        let mut improved = false;
        for j in 0..self.goals.len() {
            if (self.eff[c][j], self.ev[c][j]) > (level.eff[j], level.ev[j]) {
                level.eff[j] = self.eff[c][j];
                level.ev[j] = self.ev[c][j];
                improved = true;
            }
        }
        improved
    }

    /// Whether candidate `c` would raise `level` on some goal.
    pub(super) fn improves(&self, level: &Level, c: usize) -> bool {
        (0..self.goals.len()).any(|j| (self.eff[c][j], self.ev[c][j]) > (level.eff[j], level.ev[j]))
    }

    /// Weighted coverage of a level.
    pub(super) fn coverage(&self, level: &Level) -> u64 {
        level
            .eff
            .iter()
            .zip(self.weights())
            .map(|(&e, w)| u64::from(e) * w)
            .sum()
    }

    /// Weighted evidence of a level's covered goals.
    fn evidence(&self, level: &Level) -> u64 {
        level
            .eff
            .iter()
            .zip(&level.ev)
            .zip(self.weights())
            .filter(|((e, _), _)| **e > 0)
            .map(|((_, &v), w)| u64::from(v) * w)
            .sum()
    }

    /// The score of a set of candidate positions.
    pub(super) fn score(&self, set: &[usize]) -> Score {
        let level = self.level(set);
        let mut cautions: u32 = set.iter().map(|&c| self.own_cautions[c]).sum();
        for (n, &x) in set.iter().enumerate() {
            for &y in &set[n + 1..] {
                cautions += u32::from(self.pair(x, y).unwrap_or(0));
            }
        }
        Score {
            coverage: self.coverage(&level),
            cautions,
            evidence: self.evidence(&level),
            components: set.len(),
        }
    }

    /// Sorted ingredient ids of a set, for the final tie-break.
    pub(super) fn ids(&self, set: &[usize]) -> Vec<&str> {
        let mut ids: Vec<&str> = set.iter().map(|&c| self.id(c)).collect();
        ids.sort_unstable();
        ids
    }

    /// Whether every member contributes: strictly the best (efficacy, evidence) for some goal.
    /// An optimum never holds a member that contributes nothing (dropping it only helps).
    pub(super) fn irredundant(&self, set: &[usize]) -> bool {
        set.iter().all(|&m| {
            self.required.contains(&m)
                || (0..self.goals.len()).any(|g| {
                    let mine = (self.eff[m][g], self.ev[m][g]);
                    mine.0 > 0
                        && set
                            .iter()
                            .filter(|&&o| o != m)
                            .all(|&o| (self.eff[o][g], self.ev[o][g]) < mine)
                })
        })
    }

    /// Whether a set fits: within the size limit, holding every required candidate, and every
    /// pair admitted.
    pub(super) fn admissible(&self, set: &[usize]) -> bool {
        set.len() <= self.max
            && self.required.iter().all(|r| set.contains(r))
            && set
                .iter()
                .enumerate()
                .all(|(n, &x)| set[n + 1..].iter().all(|&y| self.pair(x, y).is_some()))
    }

    /// A set as a cocktail: ingredients sorted by id, and each goal's best claim in it.
    pub(super) fn cocktail(&self, set: &[usize], score: Score) -> Cocktail {
        let mut ingredients: Vec<usize> = set.iter().map(|&c| self.cands[c]).collect();
        ingredients.sort_by(|&a, &b| {
            self.catalog.ingredients()[a]
                .id
                .cmp(&self.catalog.ingredients()[b].id)
        });
        let coverage = (0..self.goals.len())
            .map(|g| self.goal_coverage(set, g))
            .collect();
        Cocktail {
            ingredients,
            score,
            coverage,
        }
    }

    /// Requested goal `g`'s coverage by a set: the member with the best (efficacy, evidence),
    /// the smallest id on ties.
    fn goal_coverage(&self, set: &[usize], g: usize) -> Coverage {
        let gw = self.goals[g];
        let by = set
            .iter()
            .copied()
            .filter(|&c| self.eff[c][g] > 0)
            .max_by(|&a, &b| {
                (self.eff[a][g], self.ev[a][g])
                    .cmp(&(self.eff[b][g], self.ev[b][g]))
                    .then_with(|| self.id(b).cmp(self.id(a)))
            });
        let claim = by.and_then(|c| {
            let id = &self.catalog.goals()[gw.goal].id;
            self.catalog.ingredients()[self.cands[c]]
                .goals
                .iter()
                .find(|x| &x.goal == id)
        });
        Coverage {
            goal: gw.goal,
            weight: gw.weight,
            by: by.map(|c| self.cands[c]),
            efficacy: claim.map_or(0, |c| c.efficacy),
            evidence: claim.map(|c| c.evidence),
        }
    }
}
