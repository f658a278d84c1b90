//! Goals → [`Formulation`]: the exact best cocktail the catalog supports for a patient.
//!
//! The objective (DESIGN §6), compared in this order: weighted goal coverage (a goal counts the
//! best efficacy in the set, times its weight), then fewer caution findings, then stronger
//! evidence, then fewer components, then the lexicographically smallest ids. The search is a
//! branch and bound over eligible ingredients with an admissible bound on coverage, so its
//! result is the optimum, not a greedy guess; `exhaustive` enumerates every set for tests and
//! benchmarks.

use std::cmp::Ordering;

use crate::catalog::Catalog;
use crate::catalog::model::{Evidence, Rating, Status};
use crate::check::{self, CheckReport, CheckRequest, Finding, Severity, Verdict};
use crate::compat::{PairRating, resolve};
use crate::patient::Patient;

/// A requested goal and its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalWeight {
    pub goal: usize,
    pub weight: u32,
}

/// What to formulate.
#[derive(Debug, Clone)]
pub struct FormulateRequest {
    /// In priority order.
    pub goals: Vec<GoalWeight>,
    pub zone: Option<usize>,
    pub patient: Patient,
    pub max_components: usize,
    pub require: Vec<usize>,
    pub exclude: Vec<usize>,
    pub allow_caution: bool,
    /// How many next-best distinct cocktails to return.
    pub alternatives: usize,
}

/// Default weights: the first of `n` goals weighs `n`, the last weighs 1.
pub fn default_weights(goals: &[usize]) -> Vec<GoalWeight> {
    let n = goals.len() as u32;
    goals
        .iter()
        .enumerate()
        .map(|(i, &goal)| GoalWeight {
            goal,
            weight: n - i as u32,
        })
        .collect()
}

/// Why an ingredient cannot be used for this request.
#[derive(Debug, Clone, PartialEq)]
pub enum ExclusionReason {
    /// Withdrawn, not injectable or unapproved.
    Status,
    /// Not allowed in the requested zone.
    Zone { zone: usize },
    /// Ruled out by the patient (condition, medication or allergy): the finding says which.
    Patient(Finding),
    /// `--exclude`.
    ByUser,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Excluded {
    pub ingredient: usize,
    pub reasons: Vec<ExclusionReason>,
}

/// One goal's coverage in a cocktail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    pub goal: usize,
    pub weight: u32,
    /// The ingredient giving the best efficacy (best evidence on ties, then smallest id).
    pub by: Option<usize>,
    pub efficacy: u8,
    pub evidence: Option<Evidence>,
}

/// The objective's value for a set, compared lexicographically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub coverage: u64,
    pub cautions: u32,
    pub evidence: u64,
    pub components: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cocktail {
    /// Sorted by id.
    pub ingredients: Vec<usize>,
    pub score: Score,
    pub coverage: Vec<Coverage>,
}

/// Why a goal is not covered.
#[derive(Debug, Clone, PartialEq)]
pub enum UncoveredReason {
    /// No eligible ingredient serves it; each candidate that does is listed with why it is out.
    NoEligible { candidates: Vec<Excluded> },
    /// Eligible ingredients serve it, but each one conflicts with a chosen ingredient.
    Conflicts {
        pairs: Vec<(usize, usize, PairRating)>,
    },
    /// Eligible, compatible ingredients serve it, but the cocktail is full.
    NoRoom { candidates: Vec<usize> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Uncovered {
    pub goal: usize,
    pub reason: UncoveredReason,
}

/// Why an eligible ingredient that serves a requested goal is not in the cocktail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotChosenReason {
    /// It may not share the syringe with a chosen ingredient.
    Conflicts { with: usize, rating: PairRating },
    /// It would add coverage, but the cocktail already has `--max-components` ingredients.
    NoRoom,
    /// The chosen ingredients already serve its goals at least as well.
    AddsNothing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotChosen {
    pub ingredient: usize,
    pub reason: NotChosenReason,
}

/// The full answer.
#[derive(Debug, Clone)]
pub struct Formulation {
    pub verdict: Verdict,
    /// Patient findings that stop every session (absolute, postpone, zone) or apply to it.
    pub session_findings: Vec<Finding>,
    pub cocktail: Option<Cocktail>,
    pub uncovered: Vec<Uncovered>,
    pub excluded: Vec<Excluded>,
    /// Eligible ingredients serving a requested goal that the cocktail leaves out, and why.
    pub not_chosen: Vec<NotChosen>,
    pub alternatives: Vec<Cocktail>,
    /// The cocktail's own check report.
    pub check: Option<CheckReport>,
    /// A second syringe (or alternate session) for goals the first cannot serve.
    pub second: Option<Cocktail>,
    pub second_check: Option<CheckReport>,
}

/// Requests that cannot be answered at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormulateError {
    #[error("no goal given")]
    NoGoals,
    #[error("--max-components must be at least 1")]
    NoRoom,
    #[error("a goal is listed twice")]
    DuplicateGoal { goal: usize },
    #[error("a required ingredient is ruled out")]
    RequiredRuledOut { ingredient: usize },
    #[error("two required ingredients cannot share a syringe")]
    RequiredConflict {
        a: usize,
        b: usize,
        rating: PairRating,
    },
    #[error("more required ingredients than --max-components")]
    TooManyRequired { required: usize, max: usize },
    #[error("an ingredient is both required and excluded")]
    RequiredExcluded { ingredient: usize },
}

/// The search space: eligible candidates and their goal profiles. Pair admissibility is looked
/// up when needed (constant time per pair), never tabulated, so a catalog of 10,000 ingredients
/// costs no quadratic table.
struct Space<'c> {
    catalog: &'c Catalog,
    goals: Vec<GoalWeight>,
    /// Candidate ingredient indices, in search order (largest weighted gain first, then id).
    cands: Vec<usize>,
    /// `eff[c][g]`: efficacy of candidate c for requested goal g (0 if it does not serve it).
    eff: Vec<Vec<u8>>,
    /// `ev[c][g]`: evidence rank of that claim.
    ev: Vec<Vec<u8>>,
    /// Caution findings the candidate brings for this patient on its own.
    own_cautions: Vec<u32>,
    /// Required candidates (positions in `cands`).
    required: Vec<usize>,
    max: usize,
    allow_caution: bool,
}

fn evidence_rank(e: Evidence) -> u8 {
    match e {
        Evidence::Label => 3,
        Evidence::Peer => 2,
        Evidence::Weak => 1,
        Evidence::Inference => 0,
    }
}

/// Why ingredient `i` is not eligible for this request; empty if it is.
pub fn exclusion_reasons(
    catalog: &Catalog,
    i: usize,
    request: &FormulateRequest,
) -> Vec<ExclusionReason> {
    let mut reasons = Vec::new();
    if !matches!(catalog.ingredients()[i].status, Status::Available) {
        reasons.push(ExclusionReason::Status);
    }
    if let Some(z) = request.zone
        && !check::allowed_in_zone(catalog, i, z)
    {
        reasons.push(ExclusionReason::Zone { zone: z });
    }
    for f in check::ingredient_patient_findings(catalog, i, &request.patient) {
        if f.severity >= Severity::Incompatible {
            reasons.push(ExclusionReason::Patient(f));
        }
    }
    if request.exclude.contains(&i) {
        reasons.push(ExclusionReason::ByUser);
    }
    reasons
}

/// Whether two ingredients may share a syringe under this request, and the cautions they add.
fn pair_admission(catalog: &Catalog, a: usize, b: usize, allow_caution: bool) -> Option<u8> {
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

/// The best (efficacy, evidence) per requested goal of a set so far.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Level {
    eff: Vec<u8>,
    ev: Vec<u8>,
}

impl<'c> Space<'c> {
    fn build(catalog: &'c Catalog, request: &FormulateRequest, eligible: &[usize]) -> Space<'c> {
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

    fn id(&self, c: usize) -> &str {
        &self.catalog.ingredients()[self.cands[c]].id
    }

    fn pair(&self, x: usize, y: usize) -> Option<u8> {
        pair_admission(
            self.catalog,
            self.cands[x],
            self.cands[y],
            self.allow_caution,
        )
    }

    fn weights(&self) -> impl Iterator<Item = u64> + '_ {
        self.goals.iter().map(|gw| u64::from(gw.weight))
    }

    fn level(&self, set: &[usize]) -> Level {
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
    fn raise(&self, level: &mut Level, c: usize) -> bool {
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

    fn improves(&self, level: &Level, c: usize) -> bool {
        (0..self.goals.len()).any(|j| (self.eff[c][j], self.ev[c][j]) > (level.eff[j], level.ev[j]))
    }

    fn coverage(&self, level: &Level) -> u64 {
        level
            .eff
            .iter()
            .zip(self.weights())
            .map(|(&e, w)| u64::from(e) * w)
            .sum()
    }

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
    fn score(&self, set: &[usize]) -> Score {
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
    fn ids(&self, set: &[usize]) -> Vec<&str> {
        let mut ids: Vec<&str> = set.iter().map(|&c| self.id(c)).collect();
        ids.sort_unstable();
        ids
    }

    /// Whether `a` is better than `b` (Less = a first).
    fn compare(&self, a: &(Vec<usize>, Score), b: &(Vec<usize>, Score)) -> Ordering {
        key_order(&a.1, &b.1).then_with(|| self.ids(&a.0).cmp(&self.ids(&b.0)))
    }

    /// Whether every member contributes: strictly the best (efficacy, evidence) for some goal.
    /// An optimum never holds a member that contributes nothing (dropping it only helps).
    fn irredundant(&self, set: &[usize]) -> bool {
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

    fn admissible(&self, set: &[usize]) -> bool {
        set.len() <= self.max
            && self.required.iter().all(|r| set.contains(r))
            && set
                .iter()
                .enumerate()
                .all(|(n, &x)| set[n + 1..].iter().all(|&y| self.pair(x, y).is_some()))
    }
}

/// The objective without the id tie-break: Less means better.
fn key_order(a: &Score, b: &Score) -> Ordering {
    b.coverage
        .cmp(&a.coverage)
        .then_with(|| a.cautions.cmp(&b.cautions))
        .then_with(|| b.evidence.cmp(&a.evidence))
        .then_with(|| a.components.cmp(&b.components))
}

/// Keeps the `k` best distinct sets seen.
struct Best<'s, 'c> {
    space: &'s Space<'c>,
    k: usize,
    list: Vec<(Vec<usize>, Score)>,
}

impl Best<'_, '_> {
    fn offer(&mut self, set: &[usize]) {
        let mut sorted = set.to_vec();
        sorted.sort_unstable();
        if self.list.iter().any(|(s, _)| *s == sorted) {
            return;
        }
        let entry = (sorted, self.space.score(set));
        let at = self
            .list
            .partition_point(|x| self.space.compare(x, &entry) == Ordering::Less);
        if at < self.k {
            self.list.insert(at, entry);
            self.list.truncate(self.k);
        }
    }

    /// The score a new set must at least tie once the list is full.
    fn threshold(&self) -> Option<&Score> {
        if self.list.len() < self.k {
            None
        } else {
            self.list.last().map(|(_, s)| s)
        }
    }
}

/// Branch and bound: sets are grown in candidate order, each new member improving some goal.
fn branch_and_bound(space: &Space<'_>, k: usize) -> Vec<(Vec<usize>, Score)> {
    let mut best = Best {
        space,
        k,
        list: Vec::new(),
    };
    // Start from the required set: it is in every admissible cocktail.
    let start: Vec<usize> = space.required.clone();
    if !space.admissible(&start) {
        return Vec::new();
    }
    let level = space.level(&start);
    let cautions = space.score(&start).cautions;
    let open: Vec<usize> = (0..space.cands.len())
        .filter(|c| !start.contains(c))
        .filter(|&c| start.iter().all(|&s| space.pair(c, s).is_some()))
        .collect();
    let mut set = start;
    descend(space, &mut best, &mut set, &open, &level, cautions);
    best.list
}

/// One node: `set` is admissible, `open` holds the later candidates admissible with all of it.
///
/// Each node orders its own open candidates by their joint gain (coverage and evidence
/// together, see `joint`), best first, and a child only takes candidates after its own. Every
/// set is still reached exactly once (by taking its members in each node's order), and the
/// bound for "any child from here on" only falls as the loop goes on, so the loop stops at the
/// first child that cannot reach the k-th best.
fn descend(
    space: &Space<'_>,
    best: &mut Best<'_, '_>,
    set: &mut Vec<usize>,
    open: &[usize],
    level: &Level,
    cautions: u32,
) {
    if space.irredundant(set) {
        best.offer(set);
    }
    if set.len() >= space.max {
        return;
    }
    let slots = space.max - set.len();
    let weights: Vec<u64> = space.weights().collect();
    let g = weights.len();
    let current = space.coverage(level);
    // Coverage and evidence together: per goal `4 * efficacy + evidence` (evidence ranks are
    // below 4, so this orders claims exactly as (efficacy, evidence) does). Its weighted sum over
    // goals is a coverage function, so single gains added up bound what several members add.
    let joint = |eff: u8, ev: u8| u64::from(eff) * 4 + u64::from(ev);
    let joint_now: u64 = (0..g)
        .map(|j| joint(level.eff[j], level.ev[j]) * weights[j])
        .sum();
    // Only candidates that improve some goal can join (an optimum has no idle member).
    let mut open: Vec<(u64, u64, usize)> = open
        .iter()
        .filter(|&&c| space.improves(level, c))
        .map(|&c| {
            let cov = (0..g)
                .map(|j| u64::from(space.eff[c][j].saturating_sub(level.eff[j])) * weights[j])
                .sum();
            let jg = (0..g)
                .map(|j| {
                    joint(space.eff[c][j], space.ev[c][j])
                        .saturating_sub(joint(level.eff[j], level.ev[j]))
                        * weights[j]
                })
                .sum();
            (jg, cov, c)
        })
        .collect();
    if open.is_empty() {
        return;
    }
    // Best joint gain first; ties keep the parent's order, so the search is deterministic.
    open.sort_by_key(|x| std::cmp::Reverse(x.0));
    let n = open.len();
    // Suffix tables over open[i..]: the per-goal caps (best pair's coverage, joint value and
    // evidence; any claim's evidence) and the largest `slots` coverage gains (row i at i * slots).
    let mut cap_cov = vec![0u64; n + 1];
    let mut cap_joint = vec![0u64; n + 1];
    let mut cap_ev_best = vec![0u64; n + 1];
    let mut cap_ev_any = vec![0u64; n + 1];
    let mut top_cov = vec![0u64; (n + 1) * slots];
    let mut best_pair: Vec<(u8, u8)> = level
        .eff
        .iter()
        .copied()
        .zip(level.ev.iter().copied())
        .collect();
    let mut any_ev: Vec<u8> = level.ev.clone();
    let sums = |best_pair: &[(u8, u8)], any_ev: &[u8]| {
        let mut out = (0u64, 0u64, 0u64, 0u64);
        for j in 0..g {
            let (e, v) = best_pair[j];
            out.0 += u64::from(e) * weights[j];
            out.1 += joint(e, v) * weights[j];
            if e > 0 {
                out.2 += u64::from(v) * weights[j];
                out.3 += u64::from(any_ev[j]) * weights[j];
            }
        }
        out
    };
    (cap_cov[n], cap_joint[n], cap_ev_best[n], cap_ev_any[n]) = sums(&best_pair, &any_ev);
    for i in (0..n).rev() {
        let c = open[i].2;
        for j in 0..g {
            best_pair[j] = best_pair[j].max((space.eff[c][j], space.ev[c][j]));
            any_ev[j] = any_ev[j].max(space.ev[c][j]);
        }
        (cap_cov[i], cap_joint[i], cap_ev_best[i], cap_ev_any[i]) = sums(&best_pair, &any_ev);
        insert_top(&mut top_cov, i, slots, open[i].1);
    }
    // Joint gains are sorted, so the best `r` after position i are the next `r` entries.
    let joint_run = |from: usize, r: usize| -> u64 {
        open[from.min(n)..(from + r).min(n)]
            .iter()
            .map(|x| x.0)
            .sum()
    };
    let bound_for = |t: &Score,
                     cov_cap: u64,
                     cov_run: u64,
                     joint_cap: u64,
                     joint_run: u64,
                     ev_best: u64,
                     ev_any: u64,
                     cautions: u32,
                     components: usize| {
        let joint_bound = joint_cap.min(joint_run);
        let coverage = cov_cap.min(cov_run).min(joint_bound / 4);
        // Completions that tie on coverage have at most the evidence the joint bound leaves; if
        // they must reach every goal's best efficacy, at most the best pairs' evidence.
        let evidence = if coverage == t.coverage {
            let ev = if coverage == cov_cap { ev_best } else { ev_any };
            ev.min(joint_bound.saturating_sub(4 * t.coverage))
        } else if coverage == cov_cap {
            ev_best
        } else {
            ev_any
        };
        Score {
            coverage,
            cautions,
            evidence,
            components,
        }
    };
    for i in 0..n {
        let (jg, cg, c) = open[i];
        if let Some(t) = best.threshold() {
            // Every child from i on: stop when even that cannot reach the k-th best.
            let all = bound_for(
                t,
                cap_cov[i],
                current + top_cov[i * slots..(i + 1) * slots].iter().sum::<u64>(),
                cap_joint[i],
                joint_now + joint_run(i, slots),
                cap_ev_best[i],
                cap_ev_any[i],
                cautions,
                set.len() + 1,
            );
            if key_order(&all, t) == Ordering::Greater {
                break;
            }
        }
        // The child's cautions are exact; later members can only add more.
        let mut child_cautions = cautions + space.own_cautions[c];
        for &s in set.iter() {
            child_cautions += u32::from(space.pair(c, s).unwrap_or(0));
        }
        if let Some(t) = best.threshold() {
            let later_cov: u64 = top_cov[(i + 1) * slots..(i + 2) * slots]
                .iter()
                .take(slots - 1)
                .sum();
            let child_coverage = current + cg;
            // Members still needed to reach the k-th best's coverage.
            let mut components = set.len() + 1;
            if child_coverage < t.coverage {
                let mut reach = child_coverage;
                for gain in top_cov[(i + 1) * slots..(i + 2) * slots]
                    .iter()
                    .take(slots - 1)
                {
                    components += 1;
                    reach += gain;
                    if reach >= t.coverage {
                        break;
                    }
                }
            }
            let bound = bound_for(
                t,
                cap_cov[i],
                child_coverage + later_cov,
                cap_joint[i],
                joint_now + jg + joint_run(i + 1, slots - 1),
                cap_ev_best[i],
                cap_ev_any[i],
                child_cautions,
                components,
            );
            // Strictly worse than the k-th best in every completion: prune. (Equal bounds are
            // kept: the id tie-break could still favour a completion.)
            if key_order(&bound, t) == Ordering::Greater {
                continue;
            }
        }
        let mut child_level = level.clone();
        space.raise(&mut child_level, c);
        // A child that fills the last slot has no children of its own.
        let child_open: Vec<usize> = if slots == 1 {
            Vec::new()
        } else {
            open[i + 1..]
                .iter()
                .map(|x| x.2)
                .filter(|&d| space.pair(c, d).is_some())
                .collect()
        };
        set.push(c);
        descend(space, best, set, &child_open, &child_level, child_cautions);
        set.pop();
    }
}

/// Row `i` of a flat table of top-`keep` lists (sorted descending) becomes row `i + 1` with
/// `value` merged in.
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

/// Every admissible, irredundant set up to the size limit, best first (for tests and
/// benchmarks: exponential).
fn enumerate_all(space: &Space<'_>, k: usize) -> Vec<(Vec<usize>, Score)> {
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
    let mut best = Best {
        space,
        k,
        list: Vec::new(),
    };
    walk(space, &mut best, &mut Vec::new(), 0);
    best.list
}

/// Eligible ingredients and every excluded one with its reasons.
fn eligibility(catalog: &Catalog, request: &FormulateRequest) -> (Vec<usize>, Vec<Excluded>) {
    let mut eligible = Vec::new();
    let mut excluded = Vec::new();
    for i in 0..catalog.ingredients().len() {
        let reasons = exclusion_reasons(catalog, i, request);
        if reasons.is_empty() {
            eligible.push(i);
        } else {
            excluded.push(Excluded {
                ingredient: i,
                reasons,
            });
        }
    }
    (eligible, excluded)
}

fn validate_request(catalog: &Catalog, request: &FormulateRequest) -> Result<(), FormulateError> {
    if request.goals.is_empty() {
        return Err(FormulateError::NoGoals);
    }
    if request.max_components == 0 {
        return Err(FormulateError::NoRoom);
    }
    for (n, gw) in request.goals.iter().enumerate() {
        if request.goals[..n].iter().any(|x| x.goal == gw.goal) {
            return Err(FormulateError::DuplicateGoal { goal: gw.goal });
        }
    }
    if request.require.len() > request.max_components {
        return Err(FormulateError::TooManyRequired {
            required: request.require.len(),
            max: request.max_components,
        });
    }
    for &r in &request.require {
        if request.exclude.contains(&r) {
            return Err(FormulateError::RequiredExcluded { ingredient: r });
        }
        if !exclusion_reasons(catalog, r, request).is_empty() {
            return Err(FormulateError::RequiredRuledOut { ingredient: r });
        }
    }
    for (n, &a) in request.require.iter().enumerate() {
        for &b in &request.require[n + 1..] {
            if pair_admission(catalog, a, b, request.allow_caution).is_none() {
                return Err(FormulateError::RequiredConflict {
                    a,
                    b,
                    rating: resolve(catalog, a, b).rating,
                });
            }
        }
    }
    Ok(())
}

fn cocktail(space: &Space<'_>, set: &[usize], score: Score) -> Cocktail {
    let catalog = space.catalog;
    let mut ingredients: Vec<usize> = set.iter().map(|&c| space.cands[c]).collect();
    ingredients.sort_by(|&a, &b| {
        catalog.ingredients()[a]
            .id
            .cmp(&catalog.ingredients()[b].id)
    });
    let coverage = space
        .goals
        .iter()
        .enumerate()
        .map(|(g, gw)| {
            let by = set
                .iter()
                .copied()
                .filter(|&c| space.eff[c][g] > 0)
                .max_by(|&a, &b| {
                    (space.eff[a][g], space.ev[a][g])
                        .cmp(&(space.eff[b][g], space.ev[b][g]))
                        .then_with(|| space.id(b).cmp(space.id(a)))
                });
            let claim = by.and_then(|c| {
                let id = &catalog.goals()[gw.goal].id;
                catalog.ingredients()[space.cands[c]]
                    .goals
                    .iter()
                    .find(|x| &x.goal == id)
            });
            Coverage {
                goal: gw.goal,
                weight: gw.weight,
                by: by.map(|c| space.cands[c]),
                efficacy: claim.map_or(0, |c| c.efficacy),
                evidence: claim.map(|c| c.evidence),
            }
        })
        .collect();
    Cocktail {
        ingredients,
        score,
        coverage,
    }
}

/// The search result as cocktails, best first.
fn solve(
    catalog: &Catalog,
    request: &FormulateRequest,
    eligible: &[usize],
    exhaustive: bool,
) -> Vec<Cocktail> {
    let space = Space::build(catalog, request, eligible);
    let k = request.alternatives + 1;
    let found = if exhaustive {
        enumerate_all(&space, k)
    } else {
        branch_and_bound(&space, k)
    };
    found
        .into_iter()
        .filter(|(set, _)| !set.is_empty())
        .map(|(set, score)| cocktail(&space, &set, score))
        .collect()
}

/// The best cocktail by exhaustive enumeration, for tests and benchmarks.
pub fn exhaustive_best(
    catalog: &Catalog,
    request: &FormulateRequest,
) -> Result<Option<Cocktail>, FormulateError> {
    validate_request(catalog, request)?;
    let (eligible, _) = eligibility(catalog, request);
    Ok(solve(
        catalog,
        &FormulateRequest {
            alternatives: 0,
            ..request.clone()
        },
        &eligible,
        true,
    )
    .into_iter()
    .next())
}

pub fn formulate(
    catalog: &Catalog,
    request: &FormulateRequest,
) -> Result<Formulation, FormulateError> {
    validate_request(catalog, request)?;
    let session_findings = check::session_findings(catalog, &request.patient);
    let (eligible, excluded) = eligibility(catalog, request);
    let stop = session_findings
        .iter()
        .filter_map(|f| f.severity.verdict())
        .filter(|v| *v >= Verdict::Postpone)
        .max();
    if let Some(verdict) = stop {
        // Refused or postponed: no search at all.
        return Ok(Formulation {
            verdict,
            session_findings,
            cocktail: None,
            uncovered: Vec::new(),
            excluded,
            not_chosen: Vec::new(),
            alternatives: Vec::new(),
            check: None,
            second: None,
            second_check: None,
        });
    }
    let mut found = solve(catalog, request, &eligible, false);
    let best = if found.is_empty() {
        None
    } else {
        Some(found.remove(0))
    };
    let check_of = |c: &Cocktail| {
        check::check(
            catalog,
            &CheckRequest {
                mix: c.ingredients.clone(),
                zone: request.zone,
                patient: request.patient.clone(),
                max_components: request.max_components,
            },
        )
        .ok()
    };
    let report = best.as_ref().and_then(check_of);
    let uncovered = uncovered_goals(catalog, request, best.as_ref(), &eligible, &excluded);
    // Goals lost to conflicts get a second syringe of their own, if the catalog has one.
    let conflict_goals: Vec<GoalWeight> = uncovered
        .iter()
        .filter(|u| {
            matches!(
                u.reason,
                UncoveredReason::Conflicts { .. } | UncoveredReason::NoRoom { .. }
            )
        })
        .filter_map(|u| request.goals.iter().find(|gw| gw.goal == u.goal).copied())
        .collect();
    let second = if conflict_goals.is_empty() {
        None
    } else {
        let sub = FormulateRequest {
            goals: conflict_goals,
            require: Vec::new(),
            alternatives: 0,
            ..request.clone()
        };
        solve(catalog, &sub, &eligible, false).into_iter().next()
    };
    let second_check = second.as_ref().and_then(check_of);
    let verdict = match &report {
        Some(r) => r.verdict,
        // Nothing in the catalog serves these goals for this patient: no data to approve.
        None => session_findings
            .iter()
            .filter_map(|f| f.severity.verdict())
            .max()
            .unwrap_or(Verdict::Unknown)
            .max(Verdict::Unknown),
    };
    let not_chosen = not_chosen(catalog, request, best.as_ref(), &eligible);
    Ok(Formulation {
        verdict,
        session_findings,
        cocktail: best,
        uncovered,
        excluded,
        not_chosen,
        alternatives: found,
        check: report,
        second,
        second_check,
    })
}

fn not_chosen(
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

fn uncovered_goals(
    catalog: &Catalog,
    request: &FormulateRequest,
    best: Option<&Cocktail>,
    eligible: &[usize],
    excluded: &[Excluded],
) -> Vec<Uncovered> {
    let chosen: &[usize] = best.map_or(&[], |c| &c.ingredients);
    let serves = |i: usize, goal: usize| {
        catalog.ingredients()[i]
            .goals
            .iter()
            .any(|c| c.goal == catalog.goals()[goal].id)
    };
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
            .filter(|&i| serves(i, gw.goal))
            .collect();
        let reason = if servers.is_empty() {
            UncoveredReason::NoEligible {
                candidates: excluded
                    .iter()
                    .filter(|e| serves(e.ingredient, gw.goal))
                    .cloned()
                    .collect(),
            }
        } else {
            let mut pairs = Vec::new();
            let mut free = Vec::new();
            for &s in &servers {
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
        };
        out.push(Uncovered {
            goal: gw.goal,
            reason,
        });
    }
    out
}
