//! The search space: the requested goals turned into weighted action targets, the candidates
//! (eligible ingredients that perform a requested action in the zone, and the required ones)
//! with their efficacy on each target, which pairs may share a syringe, and the objective's
//! value of a set. Sets are lists of candidate positions, not ingredient indices.
//!
//! The objective (DESIGN §6) is Σ over goals of weight × Σ over the goal's actions of share ×
//! the best efficacy among the chosen. Shares are fractions `share / total` with small totals
//! (validation), so with `L` the least common multiple of the requested goals' totals, each
//! goal action becomes a whole-number target weight `weight × L / total × share`, and goal
//! actions that accept the same actions (microcirculation for cellulite and for drainage) add
//! their weights into one target. The score is then exactly a weighted sum over targets of the
//! best efficacy, the shape the branch and bound bounds.

use crate::catalog::model::{ActionClaim, Rating};
use crate::catalog::{Catalog, accepted, evidence_rank, total_shares};
use crate::check::{self, Severity};
use crate::compat::{PairRating, rating};

use super::{ActionCoverage, Cocktail, Coverage, FormulateRequest, GoalWeight, Score};

/// Whether two ingredients may share a syringe under this request, and the cautions they add
/// (a caution pair, and each caution "do not mix" note of the two); `None` if they may not.
pub(super) fn pair_admission(
    catalog: &Catalog,
    a: usize,
    b: usize,
    allow_caution: bool,
) -> Option<u8> {
    let mut cautions = 0u8;
    match rating(catalog, a, b) {
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

/// One scored target: the actions it accepts and its whole-number weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Target {
    /// The action ids that count for it, sorted.
    pub(super) accepts: Vec<String>,
    /// Σ over the requested goal actions that accept exactly these actions of
    /// `goal weight × L / goal total × share`.
    pub(super) weight: u64,
}

/// The weighted targets of a request's goals (goals without actions add none).
pub(super) fn targets(catalog: &Catalog, goals: &[GoalWeight]) -> Vec<Target> {
    let lcm = goals
        .iter()
        .map(|gw| u64::from(total_shares(&catalog.goals()[gw.goal])))
        .filter(|&t| t > 0)
        .fold(1u64, lcm);
    let mut out: Vec<Target> = Vec::new();
    for gw in goals {
        let goal = &catalog.goals()[gw.goal];
        let total = u64::from(total_shares(goal));
        for entry in &goal.actions {
            let mut accepts: Vec<String> = accepted(entry).map(str::to_owned).collect();
            accepts.sort();
            accepts.dedup();
            let weight = u64::from(gw.weight) * (lcm / total) * u64::from(entry.share);
            match out.iter_mut().find(|t| t.accepts == accepts) {
                Some(t) => t.weight += weight,
                None => out.push(Target { accepts, weight }),
            }
        }
    }
    out
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

fn lcm(a: u64, b: u64) -> u64 {
    a / gcd(a, b) * b
}

/// The best claim (efficacy, then evidence) of ingredient `i` for any of `accepts` in the
/// request's zone.
pub(super) fn best_claim<'c>(
    catalog: &'c Catalog,
    i: usize,
    accepts: &[String],
    zone: Option<&str>,
) -> Option<&'c ActionClaim> {
    catalog.ingredients()[i]
        .actions
        .iter()
        .filter(|c| accepts.iter().any(|a| c.action == *a) && crate::catalog::holds_in(c, zone))
        .fold(None, crate::catalog::better)
}

/// The search space: eligible candidates and their target profiles. Pair admissibility is
/// looked up when needed (constant time per pair), never tabulated, so a catalog of 10,000
/// ingredients costs no quadratic table.
pub(super) struct Space<'c> {
    pub(super) catalog: &'c Catalog,
    pub(super) goals: Vec<GoalWeight>,
    pub(super) targets: Vec<Target>,
    /// The request's zone id.
    pub(super) zone: Option<&'c str>,
    /// Candidate ingredient indices, in search order (largest weighted gain first, then id).
    pub(super) cands: Vec<usize>,
    /// `eff[c][t]`: best efficacy of candidate c for target t (0 if it performs none of its
    /// actions).
    pub(super) eff: Vec<Vec<u8>>,
    /// `ev[c][t]`: evidence rank of that claim.
    pub(super) ev: Vec<Vec<u8>>,
    /// Caution findings the candidate brings for this patient on its own.
    pub(super) own_cautions: Vec<u32>,
    /// Required candidates (positions in `cands`).
    pub(super) required: Vec<usize>,
    /// The most members of one syringe.
    pub(super) max: usize,
    /// Whether caution pairs may share a syringe.
    pub(super) allow_caution: bool,
}

/// The best (efficacy, evidence) per target of a set so far.
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
        let targets = targets(catalog, &goals);
        let zone = request.zone.map(|z| catalog.zones()[z].id.as_ref());
        let profile = |i: usize| -> (Vec<u8>, Vec<u8>) {
            targets
                .iter()
                .map(|t| {
                    best_claim(catalog, i, &t.accepts, zone)
                        .map_or((0, 0), |c| (c.efficacy, evidence_rank(c.evidence)))
                })
                .unzip()
        };
        let weight = |eff: &[u8]| -> u64 {
            eff.iter()
                .zip(&targets)
                .map(|(&e, t)| u64::from(e) * t.weight)
                .sum()
        };
        // Candidates: eligible ingredients that perform a requested action, and the required
        // ones.
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
            targets,
            zone,
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

    /// Whether two candidates may go into the two syringes of one session: they meet in the
    /// tissue, so a pair rated `incompatible` (hyaluronidase dissolves hyaluronic acid there as
    /// well as in the syringe) may not be split across them; caution and unknown pairs may.
    pub(super) fn same_session(&self, x: usize, y: usize) -> bool {
        rating(self.catalog, self.cands[x], self.cands[y]) != PairRating::Incompatible
    }

    /// The most coverage any answer could reach: every target at the best efficacy among all
    /// candidates.
    pub(super) fn cap(&self) -> u64 {
        (0..self.targets.len())
            .map(|t| {
                let best = self.eff.iter().map(|e| e[t]).max().unwrap_or(0);
                u64::from(best) * self.targets[t].weight
            })
            .sum()
    }

    /// The targets' weights, in order.
    pub(super) fn weights(&self) -> impl Iterator<Item = u64> + '_ {
        self.targets.iter().map(|t| t.weight)
    }

    /// The level of a set.
    pub(super) fn level(&self, set: &[usize]) -> Level {
        let n = self.targets.len();
        let mut level = Level {
            eff: vec![0; n],
            ev: vec![0; n],
        };
        for &c in set {
            self.raise(&mut level, c);
        }
        level
    }

    /// Raises `level` by candidate `c`; returns whether any target improved.
    pub(super) fn raise(&self, level: &mut Level, c: usize) -> bool {
        let mut improved = false;
        for j in 0..self.targets.len() {
            if (self.eff[c][j], self.ev[c][j]) > (level.eff[j], level.ev[j]) {
                level.eff[j] = self.eff[c][j];
                level.ev[j] = self.ev[c][j];
                improved = true;
            }
        }
        improved
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

    /// Weighted evidence of a level's covered targets.
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

    /// The cautions of one syringe: its members' own, and each admitted pair's.
    pub(super) fn cautions(&self, syringe: &[usize]) -> u32 {
        let mut cautions: u32 = syringe.iter().map(|&c| self.own_cautions[c]).sum();
        for (n, &x) in syringe.iter().enumerate() {
            for &y in &syringe[n + 1..] {
                cautions += u32::from(self.pair(x, y).unwrap_or(0));
            }
        }
        cautions
    }

    /// The score of syringes given together (one or two): coverage and evidence of all their
    /// members together, cautions of each syringe added up, every member counted.
    pub(super) fn score(&self, syringes: &[Vec<usize>]) -> Score {
        let all: Vec<usize> = syringes.iter().flatten().copied().collect();
        let level = self.level(&all);
        Score {
            coverage: self.coverage(&level),
            cautions: syringes.iter().map(|s| self.cautions(s)).sum(),
            evidence: self.evidence(&level),
            components: all.len(),
        }
    }

    /// The final tie-break key of syringes: the sorted ids of all members, then each syringe's
    /// sorted ids.
    pub(super) fn ids(&self, syringes: &[Vec<usize>]) -> (Vec<&str>, Vec<Vec<&str>>) {
        let sorted = |set: &mut dyn Iterator<Item = usize>| -> Vec<&str> {
            let mut ids: Vec<&str> = set.map(|c| self.id(c)).collect();
            ids.sort_unstable();
            ids
        };
        let all = sorted(&mut syringes.iter().flatten().copied());
        let each = syringes
            .iter()
            .map(|s| sorted(&mut s.iter().copied()))
            .collect();
        (all, each)
    }

    /// Syringes in their canonical form: each sorted by position, empty ones dropped, ordered
    /// by their sorted ids.
    pub(super) fn canonical(&self, syringes: &[Vec<usize>]) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = syringes
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| {
                let mut s = s.clone();
                s.sort_unstable();
                s
            })
            .collect();
        out.sort_by_cached_key(|s| {
            let mut ids: Vec<String> = s.iter().map(|&c| self.id(c).to_owned()).collect();
            ids.sort_unstable();
            ids
        });
        out
    }

    /// Whether every member contributes: strictly the best (efficacy, evidence) for some
    /// target. An optimum never holds a member that contributes nothing (dropping it only
    /// helps).
    pub(super) fn irredundant(&self, set: &[usize]) -> bool {
        set.iter().all(|&m| {
            self.required.contains(&m)
                || (0..self.targets.len()).any(|g| {
                    let mine = (self.eff[m][g], self.ev[m][g]);
                    mine.0 > 0
                        && set
                            .iter()
                            .filter(|&&o| o != m)
                            .all(|&o| (self.eff[o][g], self.ev[o][g]) < mine)
                })
        })
    }

    /// Whether one syringe fits: within the size limit and every pair admitted.
    pub(super) fn fits(&self, syringe: &[usize]) -> bool {
        syringe.len() <= self.max
            && syringe
                .iter()
                .enumerate()
                .all(|(n, &x)| syringe[n + 1..].iter().all(|&y| self.pair(x, y).is_some()))
    }

    /// Syringes given together as a cocktail: members sorted by id, each goal action's best
    /// claim among all of them.
    pub(super) fn cocktail(&self, syringes: &[Vec<usize>], score: Score) -> Cocktail {
        let by_id = |list: &mut Vec<usize>| {
            list.sort_by(|&a, &b| {
                self.catalog.ingredients()[a]
                    .id
                    .cmp(&self.catalog.ingredients()[b].id)
            });
        };
        let mut ingredients: Vec<usize> =
            syringes.iter().flatten().map(|&c| self.cands[c]).collect();
        by_id(&mut ingredients);
        let syringes: Vec<Vec<usize>> = syringes
            .iter()
            .map(|s| {
                let mut s: Vec<usize> = s.iter().map(|&c| self.cands[c]).collect();
                by_id(&mut s);
                s
            })
            .collect();
        let coverage = self
            .goals
            .iter()
            .map(|&gw| goal_coverage(self.catalog, gw, &ingredients, self.zone))
            .collect();
        Cocktail {
            ingredients,
            syringes,
            score,
            coverage,
        }
    }
}

/// A requested goal's coverage by `ingredients` (sorted by id) in `zone`: each action's best
/// claim among them (the smallest id on ties).
pub(super) fn goal_coverage(
    catalog: &Catalog,
    gw: GoalWeight,
    ingredients: &[usize],
    zone: Option<&str>,
) -> Coverage {
    let goal = &catalog.goals()[gw.goal];
    let mut points = 0;
    let actions = goal
        .actions
        .iter()
        .enumerate()
        .map(|(entry, ga)| {
            let accepts: Vec<String> = accepted(ga).map(str::to_owned).collect();
            let mut best: Option<(usize, &ActionClaim)> = None;
            for &i in ingredients {
                if let Some(c) = best_claim(catalog, i, &accepts, zone) {
                    let better = best.is_none_or(|(_, b)| {
                        (c.efficacy, evidence_rank(c.evidence))
                            > (b.efficacy, evidence_rank(b.evidence))
                    });
                    if better {
                        best = Some((i, c));
                    }
                }
            }
            points += ga.share * best.map_or(0, |(_, c)| u32::from(c.efficacy));
            ActionCoverage {
                entry,
                by: best.map(|(i, _)| i),
                action: best.and_then(|(_, c)| catalog.action_index(&c.action)),
                efficacy: best.map_or(0, |(_, c)| c.efficacy),
                evidence: best.map(|(_, c)| c.evidence),
            }
        })
        .collect();
    Coverage {
        goal: gw.goal,
        weight: gw.weight,
        actions,
        points,
        shares: total_shares(goal),
    }
}
