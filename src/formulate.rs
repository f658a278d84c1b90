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

/// The search space: eligible candidates, their goal profiles and their pairwise admissibility.
struct Space<'c> {
    catalog: &'c Catalog,
    goals: Vec<GoalWeight>,
    /// Candidate ingredient indices, in search order.
    cands: Vec<usize>,
    /// `eff[c][g]`: efficacy of candidate c for requested goal g (0 if it does not serve it).
    eff: Vec<Vec<u8>>,
    /// `ev[c][g]`: evidence rank of that claim.
    ev: Vec<Vec<u8>>,
    /// `cautions[c]`: caution findings the candidate brings on its own (patient, solo-as-caution counted per pair).
    own_cautions: Vec<u32>,
    /// `pair[c][d]`: None if the two may not share a syringe, else the number of cautions it adds.
    pair: Vec<Vec<Option<u8>>>,
    /// Required candidates (positions in `cands`).
    required: Vec<usize>,
    max: usize,
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

impl<'c> Space<'c> {
    fn build(catalog: &'c Catalog, request: &FormulateRequest, eligible: &[usize]) -> Space<'c> {
        let goals = request.goals.clone();
        let profile = |i: usize| -> (Vec<u8>, Vec<u8>) {
            let ing = &catalog.ingredients()[i];
            goals
                .iter()
                .map(|gw| {
                    let id = &catalog.goals()[gw.goal].id;
                    ing.goals
                        .iter()
                        .find(|c| &c.goal == id)
                        .map_or((0, 0), |c| (c.efficacy, evidence_rank(c.evidence)))
                })
                .unzip()
        };
        // Candidates: eligible ingredients that serve a requested goal, and the required ones.
        let mut cands: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|&i| request.require.contains(&i) || profile(i).0.iter().any(|&e| e > 0))
            .collect();
        // Search order: largest weighted gain first, then id, so good incumbents come early.
        let gain = |i: usize| -> u64 {
            profile(i)
                .0
                .iter()
                .zip(&goals)
                .map(|(&e, gw)| u64::from(e) * u64::from(gw.weight))
                .sum()
        };
        cands.sort_by(|&a, &b| {
            gain(b).cmp(&gain(a)).then_with(|| {
                catalog.ingredients()[a]
                    .id
                    .cmp(&catalog.ingredients()[b].id)
            })
        });
        let (eff, ev): (Vec<_>, Vec<_>) = cands.iter().map(|&i| profile(i)).unzip();
        let own_cautions = cands
            .iter()
            .map(|&i| {
                check::ingredient_patient_findings(catalog, i, &request.patient)
                    .iter()
                    .filter(|f| f.severity == Severity::Caution)
                    .count() as u32
            })
            .collect();
        let n = cands.len();
        let mut pair = vec![vec![Some(0u8); n]; n];
        for x in 0..n {
            for y in x + 1..n {
                let p = pair_admission(catalog, cands[x], cands[y], request.allow_caution);
                pair[x][y] = p;
                pair[y][x] = p;
            }
        }
        let required = request
            .require
            .iter()
            .filter_map(|r| cands.iter().position(|c| c == r))
            .collect();
        Space {
            catalog,
            goals,
            cands,
            eff,
            ev,
            own_cautions,
            pair,
            required,
            max: request.max_components,
        }
    }

    fn id(&self, c: usize) -> &str {
        &self.catalog.ingredients()[self.cands[c]].id
    }

    /// The score of a set of candidate positions.
    fn score(&self, set: &[usize]) -> Score {
        let mut coverage = 0u64;
        let mut evidence = 0u64;
        for (g, gw) in self.goals.iter().enumerate() {
            let best = set
                .iter()
                .map(|&c| (self.eff[c][g], self.ev[c][g]))
                .max()
                .unwrap_or((0, 0));
            if best.0 > 0 {
                coverage += u64::from(best.0) * u64::from(gw.weight);
                evidence += u64::from(best.1) * u64::from(gw.weight);
            }
        }
        let mut cautions: u32 = set.iter().map(|&c| self.own_cautions[c]).sum();
        for (n, &x) in set.iter().enumerate() {
            for &y in &set[n + 1..] {
                cautions += u32::from(self.pair[x][y].unwrap_or(0));
            }
        }
        Score {
            coverage,
            cautions,
            evidence,
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
        b.1.coverage
            .cmp(&a.1.coverage)
            .then_with(|| a.1.cautions.cmp(&b.1.cautions))
            .then_with(|| b.1.evidence.cmp(&a.1.evidence))
            .then_with(|| a.1.components.cmp(&b.1.components))
            .then_with(|| self.ids(&a.0).cmp(&self.ids(&b.0)))
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
                .all(|(n, &x)| set[n + 1..].iter().all(|&y| self.pair[x][y].is_some()))
    }
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

    /// The entry a new set must beat once the list is full.
    fn threshold(&self) -> Option<&Score> {
        if self.list.len() < self.k {
            None
        } else {
            self.list.last().map(|(_, s)| s)
        }
    }
}

/// Branch and bound: each candidate in order is taken or skipped.
fn branch_and_bound(space: &Space<'_>, k: usize) -> Vec<(Vec<usize>, Score)> {
    let mut best = Best {
        space,
        k,
        list: Vec::new(),
    };
    let g = space.goals.len();
    // Start from the required set: it is in every admissible cocktail.
    let start: Vec<usize> = space.required.clone();
    if !space.admissible(&start) {
        return Vec::new();
    }
    let mut cur_eff = vec![0u8; g];
    let mut cur_ev = vec![0u8; g];
    for &r in &start {
        for j in 0..g {
            if (space.eff[r][j], space.ev[r][j]) > (cur_eff[j], cur_ev[j]) {
                cur_eff[j] = space.eff[r][j];
                cur_ev[j] = space.ev[r][j];
            }
        }
    }
    let mut set = start;
    descend(space, &mut best, &mut set, 0, &cur_eff, &cur_ev);
    best.list
}

fn descend(
    space: &Space<'_>,
    best: &mut Best<'_, '_>,
    set: &mut Vec<usize>,
    from: usize,
    cur_eff: &[u8],
    cur_ev: &[u8],
) {
    if space.irredundant(set) {
        best.offer(set);
    }
    if set.len() >= space.max {
        return;
    }
    let slots = space.max - set.len();
    let weights: Vec<u64> = space.goals.iter().map(|gw| u64::from(gw.weight)).collect();
    let current: u64 = cur_eff
        .iter()
        .zip(&weights)
        .map(|(&e, w)| u64::from(e) * w)
        .sum();
    let cautions_now = space.score(set).cautions;
    // Candidates still open: after `from`, not chosen, admissible with every chosen one, and
    // improving some goal's (efficacy, evidence).
    let open: Vec<usize> = (from..space.cands.len())
        .filter(|c| !set.contains(c))
        .filter(|&c| set.iter().all(|&s| space.pair[c][s].is_some()))
        .filter(|&c| {
            (0..cur_eff.len()).any(|j| (space.eff[c][j], space.ev[c][j]) > (cur_eff[j], cur_ev[j]))
        })
        .collect();
    if open.is_empty() {
        return;
    }
    // Admissible bound on coverage: per goal the best any open candidate reaches, and no more
    // than the `slots` largest single gains added up (coverage is submodular).
    let per_goal: u64 = (0..cur_eff.len())
        .map(|j| {
            let top = open
                .iter()
                .map(|&c| space.eff[c][j])
                .max()
                .unwrap_or(0)
                .max(cur_eff[j]);
            u64::from(top - cur_eff[j]) * weights[j]
        })
        .sum();
    let mut gains: Vec<u64> = open
        .iter()
        .map(|&c| {
            (0..cur_eff.len())
                .map(|j| u64::from(space.eff[c][j].saturating_sub(cur_eff[j])) * weights[j])
                .sum()
        })
        .collect();
    gains.sort_unstable_by(|a, b| b.cmp(a));
    let top_slots: u64 = gains.iter().take(slots).sum();
    let bound = current + per_goal.min(top_slots);
    if let Some(t) = best.threshold() {
        // Coverage cannot reach the k-th best, or reaches it only with more cautions.
        if bound < t.coverage || (bound == t.coverage && cautions_now > t.cautions) {
            return;
        }
    }
    for &c in &open {
        let mut eff = cur_eff.to_vec();
        let mut ev = cur_ev.to_vec();
        for j in 0..eff.len() {
            if (space.eff[c][j], space.ev[c][j]) > (eff[j], ev[j]) {
                eff[j] = space.eff[c][j];
                ev[j] = space.ev[c][j];
            }
        }
        set.push(c);
        descend(space, best, set, c + 1, &eff, &ev);
        set.pop();
    }
}

/// Every admissible, irredundant set up to the size limit, best first (for tests and
/// benchmarks: exponential).
fn enumerate_all(space: &Space<'_>, k: usize) -> Vec<(Vec<usize>, Score)> {
    let mut best = Best {
        space,
        k,
        list: Vec::new(),
    };
    let n = space.cands.len();
    let mut set = Vec::new();
    fn walk(
        space: &Space<'_>,
        best: &mut Best<'_, '_>,
        set: &mut Vec<usize>,
        from: usize,
        n: usize,
    ) {
        if space.admissible(set) && space.irredundant(set) {
            best.offer(set);
        }
        if set.len() >= space.max {
            return;
        }
        for c in from..n {
            set.push(c);
            walk(space, best, set, c + 1, n);
            set.pop();
        }
    }
    walk(space, &mut best, &mut set, 0, n);
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
