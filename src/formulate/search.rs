//! The exact search: a branch and bound over the search space that keeps the k best distinct
//! answers, of one syringe or of two given in the same session.
//!
//! Answers grow from the required set (in the first syringe), one candidate at a time, each new
//! member improving some target (an optimum has no idle member) and going into a syringe it
//! fits (room left, every pair with that syringe's members admitted, and no pair rated
//! incompatible with the other syringe's members: they meet in the tissue). The first member always
//! goes into the first syringe, so each split of two syringes is reached once. Each node orders
//! its open candidates by their joint gain (coverage and evidence together, see [`joint`]),
//! best first, and a child only takes candidates after its own, so every answer is reached
//! exactly once. Admissible bounds on coverage, cautions, evidence and components prune a child
//! whose every completion is strictly worse than the k-th best, and stop a node's loop at the
//! first child from which no completion can reach it. The result equals the exhaustive
//! oracle's, unless the node budget runs out first: then the search says it is not proven.

use std::cmp::{Ordering, Reverse};

use super::Score;
use super::ranking::{Best, Ranked, key_order};
use super::space::{Level, Space};

/// Nodes a search may visit before it stops with the best answers found so far, marked not
/// proven optimal. The embedded catalog needs a few thousand; a hostile 250-ingredient
/// catalog with room for 8 would need tens of millions.
pub const NODE_BUDGET: u64 = 2_000_000;

/// Coverage and evidence of one claim together: `4 * efficacy + evidence`. Evidence ranks are
/// below 4, so this orders claims exactly as (efficacy, evidence) does. Its weighted sum over
/// targets is a coverage function, so single gains added up bound what several members add.
fn joint(eff: u8, ev: u8) -> u64 {
    u64::from(eff) * 4 + u64::from(ev)
}

/// The `k` best distinct admissible answers of at most `syringes` syringes, best first, and
/// whether the search finished within `budget` nodes (then the list is the oracle's).
pub(super) fn branch_and_bound(
    space: &Space<'_>,
    k: usize,
    syringes: usize,
    budget: u64,
) -> (Vec<Ranked>, bool) {
    // Start from the required set: it is in every admissible answer, in the first syringe.
    let start: Vec<usize> = space.required.clone();
    if !space.fits(&start) {
        return (Vec::new(), true);
    }
    let syringes = syringes.clamp(1, 2);
    let level = space.level(&start);
    let cautions = space.cautions(&start);
    let open: Vec<(usize, u8)> = (0..space.cands.len())
        .filter(|c| !start.contains(c))
        .filter_map(|c| {
            let mut fits = 0u8;
            if start.len() < space.max && start.iter().all(|&s| space.pair(c, s).is_some()) {
                fits |= 1;
            }
            if syringes == 2 && start.iter().all(|&s| space.same_session(c, s)) {
                fits |= 2;
            }
            (fits != 0).then_some((c, fits))
        })
        .collect();
    let mut all = vec![Vec::new(); syringes];
    all[0] = start.clone();
    let mut search = Search {
        space,
        weights: space.weights().collect(),
        best: Best::new(space, k),
        syringes: all,
        members: start,
        nodes: 0,
        budget,
        stopped: false,
    };
    search.descend(&open, &level, cautions);
    let proven = !search.stopped;
    (search.best.into_list(), proven)
}

/// What every node of one search shares.
struct Search<'s, 'c> {
    space: &'s Space<'c>,
    /// The targets' weights.
    weights: Vec<u64>,
    /// The k best answers so far.
    best: Best<'s, 'c>,
    /// The current node's syringes.
    syringes: Vec<Vec<usize>>,
    /// The current node's members, in the order they were taken.
    members: Vec<usize>,
    /// Nodes visited so far.
    nodes: u64,
    /// Nodes the search may visit.
    budget: u64,
    /// Whether the budget ran out.
    stopped: bool,
}

/// An open candidate of a node, with its gains over the node's level.
#[derive(Debug, Clone, Copy)]
struct Open {
    /// Weighted joint gain (see [`joint`]).
    joint: u64,
    /// Weighted coverage gain.
    coverage: u64,
    /// The candidate's position in the space.
    cand: usize,
    /// The syringes it fits in (bit `s` for syringe `s`).
    fits: u8,
}

/// Per-target caps over a suffix `open[i..]` of a node's open list: what the node's set
/// together with any of those candidates can reach at most.
#[derive(Debug, Clone, Copy, Default)]
struct Cap {
    /// Weighted coverage of every target's best claim.
    coverage: u64,
    /// Weighted joint value of every target's best claim.
    joint: u64,
    /// Weighted evidence of every covered target's best claim.
    ev_best: u64,
    /// Weighted best evidence of any claim on every covered target.
    ev_any: u64,
}

/// What a bound knows of the completions it covers, besides the caps.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Coverage reachable by adding the largest coverage gains.
    coverage: u64,
    /// Joint value reachable by adding the largest joint gains.
    joint: u64,
    /// Cautions the completions have at least.
    cautions: u32,
    /// Components the completions have at least.
    components: usize,
}

impl Cap {
    /// A score at least as good as every completion's (an admissible bound), given the k-th
    /// best score `t`.
    fn bound(&self, t: &Score, run: Run) -> Score {
        let joint_bound = self.joint.min(run.joint);
        let coverage = self.coverage.min(run.coverage).min(joint_bound / 4);
        // Completions that tie on coverage have at most the evidence the joint bound leaves; if
        // they must reach every goal's best efficacy, at most the best pairs' evidence.
        let evidence = if coverage == t.coverage {
            let ev = if coverage == self.coverage {
                self.ev_best
            } else {
                self.ev_any
            };
            ev.min(joint_bound.saturating_sub(4 * t.coverage))
        } else if coverage == self.coverage {
            self.ev_best
        } else {
            self.ev_any
        };
        Score {
            coverage,
            cautions: run.cautions,
            evidence,
            components: run.components,
        }
    }
}

/// One node: its set's level and cautions, and what its children can still reach.
struct Node<'l> {
    level: &'l Level,
    /// Members of the node's set.
    members: usize,
    /// Exact cautions of the node's set.
    cautions: u32,
    /// Free places left in all syringes together (at least 1).
    slots: usize,
    /// Weighted coverage of the node's set.
    coverage: u64,
    /// Weighted joint value of the node's set.
    joint: u64,
    /// Open candidates that improve some target, best joint gain first.
    open: Vec<Open>,
    /// `caps[i]`: caps over `open[i..]` (`caps[n]` is the node's set alone).
    caps: Vec<Cap>,
    /// The largest `slots` coverage gains over `open[i..]`, descending, as row `i` of a flat
    /// table (row `i` at `i * slots`, `n + 1` rows).
    top_cov: Vec<u64>,
}

impl Search<'_, '_> {
    /// One node: `self.syringes` fit, `open` holds the later candidates that fit a syringe.
    ///
    /// Each node orders its own open candidates by their joint gain, best first, and a child
    /// only takes candidates after its own. Every answer is still reached exactly once (by
    /// taking its members in each node's order), and the bound for "any child from here on"
    /// only falls as the loop goes on, so the loop stops at the first child that cannot reach
    /// the k-th best.
    fn descend(&mut self, open: &[(usize, u8)], level: &Level, cautions: u32) {
        self.nodes += 1;
        if self.nodes > self.budget {
            self.stopped = true;
            return;
        }
        if self.space.irredundant(&self.members) {
            self.best.offer(&self.syringes);
        }
        let slots: usize = self
            .syringes
            .iter()
            .map(|s| self.space.max.saturating_sub(s.len()))
            .sum();
        if slots == 0 {
            return;
        }
        let Some(node) = self.node(open, level, cautions, slots) else {
            return;
        };
        for i in 0..node.open.len() {
            if self.stopped {
                return;
            }
            if let Some(t) = self.best.threshold()
                && node.rest_cannot_reach(t, i)
            {
                break;
            }
            let Open { cand, fits, .. } = node.open[i];
            for s in 0..self.syringes.len() {
                // The first member goes into the first syringe: each split is reached once.
                if fits & (1 << s) == 0 || (s > 0 && self.syringes[0].is_empty()) {
                    continue;
                }
                // The child's cautions are exact; later members can only add more.
                let child_cautions = self.child_cautions(cautions, cand, s);
                if let Some(t) = self.best.threshold()
                    && node.child_cannot_reach(t, i, child_cautions)
                {
                    continue;
                }
                self.visit(&node, i, s, child_cautions);
            }
        }
    }

    /// The node of the current set, or `None` when no open candidate improves it.
    fn node<'l>(
        &self,
        open: &[(usize, u8)],
        level: &'l Level,
        cautions: u32,
        slots: usize,
    ) -> Option<Node<'l>> {
        let open = self.gains(open, level);
        if open.is_empty() {
            return None;
        }
        let (caps, top_cov) = self.caps(&open, level, slots);
        Some(Node {
            level,
            members: self.members.len(),
            cautions,
            slots,
            coverage: self.space.coverage(level),
            joint: self.joint_value(level),
            open,
            caps,
            top_cov,
        })
    }

    /// Weighted joint value of a level.
    fn joint_value(&self, level: &Level) -> u64 {
        (0..self.weights.len())
            .map(|j| joint(level.eff[j], level.ev[j]) * self.weights[j])
            .sum()
    }

    /// The open candidates that improve some target (an optimum has no idle member), with
    /// their gains, best joint gain first; ties keep the parent's order, so the search is
    /// deterministic.
    fn gains(&self, open: &[(usize, u8)], level: &Level) -> Vec<Open> {
        let (space, w) = (self.space, &self.weights);
        let mut out: Vec<Open> = open
            .iter()
            .filter(|&&(c, _)| space.improves(level, c))
            .map(|&(c, fits)| Open {
                joint: (0..w.len())
                    .map(|j| {
                        joint(space.eff[c][j], space.ev[c][j])
                            .saturating_sub(joint(level.eff[j], level.ev[j]))
                            * w[j]
                    })
                    .sum(),
                coverage: (0..w.len())
                    .map(|j| u64::from(space.eff[c][j].saturating_sub(level.eff[j])) * w[j])
                    .sum(),
                cand: c,
                fits,
            })
            .collect();
        out.sort_by_key(|x| Reverse(x.joint));
        out
    }

    /// The suffix tables of a node: caps over `open[i..]` for every `i`, and the top coverage
    /// gains table.
    fn caps(&self, open: &[Open], level: &Level, slots: usize) -> (Vec<Cap>, Vec<u64>) {
        let n = open.len();
        let mut caps = vec![Cap::default(); n + 1];
        let mut top_cov = vec![0u64; (n + 1) * slots];
        let mut best_pair: Vec<(u8, u8)> = level
            .eff
            .iter()
            .copied()
            .zip(level.ev.iter().copied())
            .collect();
        let mut any_ev: Vec<u8> = level.ev.clone();
        caps[n] = self.cap(&best_pair, &any_ev);
        for i in (0..n).rev() {
            let c = open[i].cand;
            for j in 0..self.weights.len() {
                best_pair[j] = best_pair[j].max((self.space.eff[c][j], self.space.ev[c][j]));
                any_ev[j] = any_ev[j].max(self.space.ev[c][j]);
            }
            caps[i] = self.cap(&best_pair, &any_ev);
            insert_top(&mut top_cov, i, slots, open[i].coverage);
        }
        (caps, top_cov)
    }

    /// The weighted caps of per-target best (efficacy, evidence) pairs and best evidence.
    fn cap(&self, best_pair: &[(u8, u8)], any_ev: &[u8]) -> Cap {
        let mut cap = Cap::default();
        for (j, &w) in self.weights.iter().enumerate() {
            let (e, v) = best_pair[j];
            cap.coverage += u64::from(e) * w;
            cap.joint += joint(e, v) * w;
            if e > 0 {
                cap.ev_best += u64::from(v) * w;
                cap.ev_any += u64::from(any_ev[j]) * w;
            }
        }
        cap
    }

    /// The exact cautions of the current answer with candidate `c` added to syringe `s`.
    fn child_cautions(&self, cautions: u32, c: usize, s: usize) -> u32 {
        let mut child = cautions + self.space.own_cautions[c];
        for &m in &self.syringes[s] {
            child += u32::from(self.space.pair(c, m).unwrap_or(0));
        }
        child
    }

    /// Takes `node.open[i]` into syringe `s`, searches below it, and takes it out again.
    fn visit(&mut self, node: &Node<'_>, i: usize, s: usize, cautions: u32) {
        let c = node.open[i].cand;
        let mut child_level = node.level.clone();
        self.space.raise(&mut child_level, c);
        let full = self.syringes[s].len() + 1 >= self.space.max;
        // A child that fills the last slot has no children of its own.
        let child_open: Vec<(usize, u8)> = if node.slots == 1 {
            Vec::new()
        } else {
            node.open[i + 1..]
                .iter()
                .filter_map(|x| {
                    let mut fits = x.fits;
                    if fits & (1 << s) != 0 && (full || self.space.pair(c, x.cand).is_none()) {
                        fits &= !(1 << s);
                    }
                    // An incompatible pair may not meet in the same session at all.
                    if fits & !(1 << s) != 0 && !self.space.same_session(c, x.cand) {
                        fits &= 1 << s;
                    }
                    (fits != 0).then_some((x.cand, fits))
                })
                .collect()
        };
        self.syringes[s].push(c);
        self.members.push(c);
        self.descend(&child_open, &child_level, cautions);
        self.members.pop();
        self.syringes[s].pop();
    }
}

impl Node<'_> {
    /// Row `i` of the top coverage gains table.
    fn top(&self, i: usize) -> &[u64] {
        &self.top_cov[i * self.slots..(i + 1) * self.slots]
    }

    /// The sum of the `r` largest joint gains from position `from` on (the list is sorted).
    fn joint_run(&self, from: usize, r: usize) -> u64 {
        let n = self.open.len();
        self.open[from.min(n)..(from + r).min(n)]
            .iter()
            .map(|x| x.joint)
            .sum()
    }

    /// Whether even the best child from position `i` on cannot reach the k-th best `t`: then
    /// the node's loop stops.
    fn rest_cannot_reach(&self, t: &Score, i: usize) -> bool {
        let bound = self.caps[i].bound(
            t,
            Run {
                coverage: self.coverage + self.top(i).iter().sum::<u64>(),
                joint: self.joint + self.joint_run(i, self.slots),
                cautions: self.cautions,
                components: self.members + 1,
            },
        );
        key_order(&bound, t) == Ordering::Greater
    }

    /// Whether every completion of the child taking `open[i]` (with exact cautions `cautions`)
    /// is strictly worse than the k-th best `t`. Equal bounds are kept: the id tie-break could
    /// still favour a completion.
    fn child_cannot_reach(&self, t: &Score, i: usize, cautions: u32) -> bool {
        let Open {
            joint, coverage, ..
        } = self.open[i];
        let later = &self.top(i + 1)[..self.slots - 1];
        let child_coverage = self.coverage + coverage;
        let bound = self.caps[i].bound(
            t,
            Run {
                coverage: child_coverage + later.iter().sum::<u64>(),
                joint: self.joint + joint + self.joint_run(i + 1, self.slots - 1),
                cautions,
                components: members_needed(t.coverage, child_coverage, later, self.members + 1),
            },
        );
        key_order(&bound, t) == Ordering::Greater
    }
}

/// The fewest members a set of `members` members and coverage `coverage` has once it reaches
/// coverage `target`, adding the largest `gains` (descending) first; if the gains never reach
/// it, every gain is counted.
fn members_needed(target: u64, coverage: u64, gains: &[u64], members: usize) -> usize {
    let mut components = members;
    if coverage < target {
        let mut reach = coverage;
        for gain in gains {
            components += 1;
            reach += gain;
            if reach >= target {
                break;
            }
        }
    }
    components
}

/// In a flat table of top-`keep` lists (each sorted descending, row `i` at `i * keep`), sets
/// row `i` to row `i + 1` with `value` merged in.
fn insert_top(table: &mut [u64], i: usize, keep: usize, value: u64) {
    let (head, tail) = table.split_at_mut((i + 1) * keep);
    let here = &mut head[i * keep..];
    let below = &tail[..keep];
    let mut inserted = false;
    let mut from = 0;
    for slot in here.iter_mut() {
        if !inserted && value >= below[from] {
            *slot = value;
            inserted = true;
        } else {
            *slot = below[from];
            from += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{self, Catalog, Kind};
    use crate::formulate::eligibility::eligibility;
    use crate::formulate::oracle::enumerate_all;
    use crate::formulate::{FormulateRequest, NODE_BUDGET, default_weights};
    use crate::patient::Patient;
    use crate::synthetic::{self, Shape};

    /// A request (goals with default weights, no patient), how many sets to keep, and the
    /// expected answer: the best set's ids and coverage, and how many sets come back.
    struct Case {
        goals: &'static [&'static str],
        zone: Option<&'static str>,
        require: &'static [&'static str],
        max: usize,
        caution: bool,
        k: usize,
        best: &'static [&'static str],
        coverage: u64,
        count: usize,
    }

    const BASE: Case = Case {
        goals: G6,
        zone: None,
        require: &[],
        max: 3,
        caution: false,
        k: 1,
        best: &[],
        coverage: 0,
        count: 1,
    };

    /// Checks the branch and bound against the exhaustive oracle (the same k best sets, with
    /// the same scores, in the same order) and against the expected answer.
    fn check(catalog: &Catalog, case: &Case) {
        let find = |kind: Kind, name: &str| catalog.find(kind, name).expect(name);
        let goals: Vec<usize> = case.goals.iter().map(|g| find(Kind::Goal, g)).collect();
        let request = FormulateRequest {
            goals: default_weights(&goals),
            zone: case.zone.map(|z| find(Kind::Zone, z)),
            patient: Patient::default(),
            max_components: case.max,
            require: case
                .require
                .iter()
                .map(|i| find(Kind::Ingredient, i))
                .collect(),
            exclude: Vec::new(),
            allow_caution: case.caution,
            alternatives: case.k - 1,
        };
        let (eligible, _) = eligibility(catalog, &request);
        let space = Space::build(catalog, &request, &eligible);
        let (found, proven) = branch_and_bound(&space, case.k, 1, NODE_BUDGET);
        assert!(proven, "{:?}", case.goals);
        assert_eq!(found, enumerate_all(&space, case.k, 1), "{:?}", case.goals);
        let (set, score) = found.first().expect("the required set is admissible");
        let ids = space.ids(set).0;
        assert_eq!(ids, case.best, "{:?}", case.goals);
        assert_eq!(score.coverage, case.coverage, "{:?}", case.goals);
        assert_eq!(found.len(), case.count, "{:?}", case.goals);
    }

    /// Two syringes: the search equals the oracle on small synthetic catalogs (the oracle tries
    /// every split), and never does worse than one syringe.
    #[test]
    fn two_syringes_equal_the_oracle() {
        for seed in 0..10 {
            let shape = Shape {
                ingredients: 12,
                goals: 4,
                classes: 3,
                conflict: 0.35,
                caution: 0.10,
                seed,
            };
            let catalog = synthetic::catalog(&shape).expect("the generator writes valid catalogs");
            let goals: Vec<usize> = (0..4).collect();
            for (max, caution, k) in [(2, false, 1), (3, true, 3), (1, false, 2)] {
                let request = FormulateRequest {
                    goals: default_weights(&goals),
                    zone: None,
                    patient: Patient::default(),
                    max_components: max,
                    require: Vec::new(),
                    exclude: Vec::new(),
                    allow_caution: caution,
                    alternatives: k - 1,
                };
                let (eligible, _) = eligibility(&catalog, &request);
                let space = Space::build(&catalog, &request, &eligible);
                let (two, proven) = branch_and_bound(&space, k, 2, NODE_BUDGET);
                assert!(proven);
                assert_eq!(two, enumerate_all(&space, k, 2), "seed {seed}, max {max}");
                let (one, _) = branch_and_bound(&space, 1, 1, NODE_BUDGET);
                if let (Some(a), Some(b)) = (two.first(), one.first()) {
                    assert!(key_order(&a.1, &b.1) != Ordering::Greater, "seed {seed}");
                    assert!(a.0.len() <= 2 && a.0.iter().all(|s| space.fits(s)));
                }
            }
        }
    }

    /// A search stopped by its node budget says so, and what it returns still fits.
    #[test]
    fn a_spent_budget_is_reported() {
        let shape = Shape {
            ingredients: 40,
            goals: 8,
            classes: 4,
            conflict: 0.10,
            caution: 0.05,
            seed: 3,
        };
        let catalog = synthetic::catalog(&shape).expect("valid");
        let goals: Vec<usize> = (0..8).collect();
        let request = FormulateRequest {
            goals: default_weights(&goals),
            zone: None,
            patient: Patient::default(),
            max_components: 5,
            require: Vec::new(),
            exclude: Vec::new(),
            allow_caution: true,
            alternatives: 0,
        };
        let (eligible, _) = eligibility(&catalog, &request);
        let space = Space::build(&catalog, &request, &eligible);
        let (full, proven) = branch_and_bound(&space, 1, 1, NODE_BUDGET);
        assert!(proven);
        let (cut, cut_proven) = branch_and_bound(&space, 1, 1, 5);
        assert!(!cut_proven);
        let (set, score) = cut
            .first()
            .expect("something was found before the budget ran out");
        assert!(set.iter().all(|s| space.fits(s)));
        assert!(
            key_order(score, &full[0].1) != Ordering::Less,
            "never better than the optimum"
        );
    }

    const G6: &[&str] = &["g00", "g01", "g02", "g03", "g04", "g05"];
    const G12: &[&str] = &[
        "g00", "g01", "g02", "g03", "g04", "g05", "g06", "g07", "g08", "g09", "g10", "g11",
    ];

    /// Synthetic catalogs (seed, ingredients; 4 classes, 10% conflicts, 5% cautions).
    #[rustfmt::skip]
    const SYNTHETIC: &[(u64, usize, Case)] = &[
        (0, 20, Case { best: &["i00002", "i00012", "i00014"], coverage: 2180, ..BASE }),
        // Several sets tie on coverage: cautions, evidence, then ids order them.
        (1, 20, Case { k: 4, best: &["i00002", "i00003", "i00017"], coverage: 3390, count: 4, ..BASE }),
        (2, 24, Case { max: 1, k: 3, best: &["i00018"], coverage: 414, count: 3, ..BASE }),
        (3, 24, Case { max: 4, caution: true, k: 5,
                       best: &["i00003", "i00007", "i00010", "i00020"], coverage: 9140, count: 5, ..BASE }),
        (4, 22, Case { goals: &["g02", "g00"], max: 2, k: 3,
                       best: &["i00012", "i00021"], coverage: 20, count: 3, ..BASE }),
        (5, 26, Case { goals: G12, max: 5, k: 2,
                       best: &["i00004", "i00007", "i00014", "i00020"], coverage: 11946, count: 2, ..BASE }),
        (6, 26, Case { goals: G12, max: 4, caution: true, k: 3,
                       best: &["i00008", "i00011", "i00016", "i00022"], coverage: 66405, count: 3, ..BASE }),
        // One candidate performs the goal's action: the second set kept is the empty one.
        (7, 18, Case { goals: &["g05"], max: 4, k: 6, best: &["i00006"], coverage: 1, count: 2, ..BASE }),
    ];

    #[test]
    fn search_equals_the_oracle_on_synthetic_catalogs() {
        for (seed, ingredients, case) in SYNTHETIC {
            let shape = Shape {
                ingredients: *ingredients,
                goals: if case.goals.len() > 6 { 12 } else { 6 },
                classes: 4,
                conflict: 0.10,
                caution: 0.05,
                seed: *seed,
            };
            let catalog = synthetic::catalog(&shape).expect("the generator writes valid catalogs");
            check(&catalog, case);
        }
    }

    /// The embedded catalog.
    #[rustfmt::skip]
    const EMBEDDED: &[Case] = &[
        // Caffeine alone performs lipolysis for both goals; PC/DC (adipocytolysis) is caution
        // with it, and no other pair with caffeine has data.
        Case { goals: &["local_fat", "cellulite"], k: 3,
               best: &["caffeine"], coverage: 24, count: 3, ..BASE },
        Case { goals: &["rejuvenation", "hydration", "skin_laxity", "hyperpigmentation", "scars"],
               zone: Some("face"), max: 4, caution: true, k: 4,
               best: &["ascorbic_acid", "hyaluronic_acid", "tranexamic_acid"], coverage: 352, count: 4, ..BASE },
        // Caution pairs admitted: PC/DC's weak "do not mix" rule rates its pair with melilotus
        // caution, not unknown.
        Case { goals: &["local_fat", "cellulite", "lymphatic_drainage"], zone: Some("abdomen"),
               max: 4, caution: true, k: 5,
               best: &["melilotus", "phosphatidylcholine_deoxycholate"], coverage: 143, count: 5, ..BASE },
        Case { goals: &["local_fat", "cellulite", "lymphatic_drainage"], zone: Some("abdomen"),
               max: 4, k: 5,
               best: &["caffeine"], coverage: 76, count: 5, ..BASE },
        // Two actions of three, from two ingredients that may share a syringe.
        Case { goals: &["hair_loss"], zone: Some("scalp"), max: 2, caution: true, k: 2,
               best: &["biotin", "dutasteride"], coverage: 5, count: 2, ..BASE },
        // Deoxycholic acid's efficacy 3 holds in the submental zone only (its label).
        Case { goals: &["local_fat"], zone: Some("submental"), max: 2, k: 2,
               best: &["deoxycholic_acid"], coverage: 3, count: 2, ..BASE },
        // The required ingredient performs no requested action; hyaluronic acid may join it.
        Case { goals: &["cellulite", "lymphatic_drainage"], require: &["lidocaine"], k: 3,
               best: &["hyaluronic_acid", "lidocaine"], coverage: 16, count: 2, ..BASE },
        // Acne works partly through an anti-androgen action; on the scalp only dutasteride
        // performs one of acne's actions.
        Case { goals: &["acne"], zone: Some("scalp"), k: 2, best: &["dutasteride"], coverage: 3, count: 2, ..BASE },
    ];

    #[test]
    fn search_equals_the_oracle_on_the_embedded_catalog() {
        let catalog = catalog::embedded().expect("the embedded catalog loads");
        for case in EMBEDDED {
            check(&catalog, case);
        }
    }

    /// (row below, value, expected row): the row keeps its length, largest first.
    const TOP: &[(&[u64], u64, &[u64])] = &[
        (&[0, 0, 0], 5, &[5, 0, 0]),
        (&[9, 4, 1], 5, &[9, 5, 4]),
        (&[9, 4, 1], 0, &[9, 4, 1]),
        (&[9, 4, 1], 10, &[10, 9, 4]),
        (&[4, 4], 4, &[4, 4]),
        (&[7], 3, &[7]),
    ];

    fn check_top(below: &[u64], value: u64, expected: &[u64]) {
        let keep = below.len();
        let mut table = vec![u64::MAX; keep];
        table.extend_from_slice(below);
        insert_top(&mut table, 0, keep, value);
        assert_eq!(&table[..keep], expected, "{below:?} + {value}");
        assert_eq!(&table[keep..], below, "row 1 is left alone");
    }

    #[test]
    fn insert_top_merges_a_value_into_the_row_below() {
        for &(below, value, expected) in TOP {
            check_top(below, value, expected);
        }
    }

    /// (target, coverage, gains, members, expected members).
    const NEEDED: &[(u64, u64, &[u64], usize, usize)] = &[
        // Already there: no one more.
        (10, 10, &[5, 3], 2, 2),
        (10, 12, &[5, 3], 2, 2),
        // One gain is enough; two are needed; all gains fall short.
        (10, 6, &[5, 3], 1, 2),
        (10, 3, &[5, 3], 1, 3),
        (20, 3, &[5, 3], 1, 3),
        (10, 3, &[], 4, 4),
    ];

    #[test]
    fn members_needed_counts_the_largest_gains() {
        for &(target, coverage, gains, members, expected) in NEEDED {
            assert_eq!(
                members_needed(target, coverage, gains, members),
                expected,
                "{target} from {coverage} with {gains:?}"
            );
        }
    }
}
