//! Goals → [`Formulation`]: the exact best cocktail the catalog supports for a patient.
//!
//! The objective (DESIGN §6), compared in this order: weighted action coverage (for each goal,
//! Σ over its actions of share × the best efficacy for that action among the chosen
//! ingredients, times the goal's weight), then fewer caution findings, then stronger evidence,
//! then fewer components, then the lexicographically smallest ids. The search is a branch and
//! bound over eligible ingredients with admissible bounds, so its result is the optimum, not a
//! greedy guess (unless a node budget stops it, which the answer says); [`exhaustive_best`]
//! enumerates every set for tests and benchmarks. When one syringe leaves actions uncovered
//! that a second syringe of the same session would cover, the best two syringes are searched
//! the same way.
//!
//! One purpose per module:
//! - `eligibility` — which ingredients a request may use, and why each other one may not;
//! - `space` — the search space: goals as weighted action targets, candidates and their
//!   profiles, pair admission, the score of an answer;
//! - `ranking` — the objective's order and the k best distinct answers;
//! - `search` — the exact branch and bound, for one syringe or two;
//! - `oracle` — exhaustive enumeration, the reference the search is tested against;
//! - `reasons` — uncovered actions and unchosen candidates;
//! - `regimens` — published regimens for the goals, their status, and the cocktail's match.
//!
//! This module holds the public types, request validation and the [`formulate`] entry point.

mod eligibility;
mod oracle;
mod ranking;
mod reasons;
mod regimens;
mod search;
mod space;

use crate::catalog::Catalog;
use crate::catalog::model::Evidence;
use crate::check::{self, CheckReport, CheckRequest, Finding, Verdict};
use crate::compat::{PairRating, resolve};
use crate::patient::Patient;

use eligibility::eligibility;
use ranking::Ranked;
use reasons::{not_chosen, uncovered_actions};
use search::branch_and_bound;
use space::{Space, pair_admission};

pub use eligibility::{Excluded, ExclusionReason, exclusion_reasons};
pub use oracle::{exhaustive_best, exhaustive_syringes};
pub use reasons::{NotChosen, NotChosenReason, Uncovered, UncoveredReason};
pub use regimens::{RegimenMatch, RegimenStatus};
pub use search::NODE_BUDGET;

/// A requested goal and its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalWeight {
    /// Index into the catalog's goals.
    pub goal: usize,
    /// How much one point of efficacy on this goal counts in the coverage score.
    pub weight: u32,
}

/// What to formulate.
#[derive(Debug, Clone)]
pub struct FormulateRequest {
    /// The goals to serve, in priority order, each listed once.
    pub goals: Vec<GoalWeight>,
    /// The zone treated (index into the catalog's zones), if one is given.
    pub zone: Option<usize>,
    /// The patient the cocktail is for.
    pub patient: Patient,
    /// The most ingredients a cocktail may hold (at least 1).
    pub max_components: usize,
    /// Ingredients every cocktail must contain.
    pub require: Vec<usize>,
    /// Ingredients no cocktail may contain.
    pub exclude: Vec<usize>,
    /// Whether caution pairs and caution "do not mix" notes are admitted (each one counts as a
    /// caution in the score); when false only compatible pairs may share the syringe.
    pub allow_caution: bool,
    /// How many next-best distinct cocktails to return.
    pub alternatives: usize,
}

impl FormulateRequest {
    /// A request for `goals` of at most `max_components` ingredients, and nothing else: no
    /// zone, no patient, nothing required or excluded, compatible pairs only, one answer.
    pub fn new(goals: Vec<GoalWeight>, max_components: usize) -> FormulateRequest {
        FormulateRequest {
            goals,
            zone: None,
            patient: Patient::default(),
            max_components,
            require: Vec::new(),
            exclude: Vec::new(),
            allow_caution: false,
            alternatives: 0,
        }
    }
}

/// Default weights: the first of `n` goals weighs `n`, the last weighs 1, in the given order.
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

/// One goal action's coverage in a cocktail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionCoverage {
    /// Index into the goal's `actions`.
    pub entry: usize,
    /// The ingredient with the best claim for it (best evidence on ties, then smallest id).
    pub by: Option<usize>,
    /// The action that claim is for (the goal's action, or one that also serves it).
    pub action: Option<usize>,
    /// That claim's efficacy (0 when nothing covers the action).
    pub efficacy: u8,
    /// That claim's evidence.
    pub evidence: Option<Evidence>,
}

/// One goal's coverage in a cocktail: each of its actions, and Σ share × efficacy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Index into the catalog's goals.
    pub goal: usize,
    /// The goal's weight in the request.
    pub weight: u32,
    /// One entry per action of the goal, in the goal's order.
    pub actions: Vec<ActionCoverage>,
    /// Σ over the goal's actions of share × the efficacy covering it.
    pub points: u32,
    /// The goal's total shares (0 for a goal without actions).
    pub shares: u32,
}

impl Coverage {
    /// The goal's coverage on the efficacy scale, 0 to 3.
    pub fn value(&self) -> f64 {
        f64::from(self.points) / f64::from(self.shares.max(1))
    }
}

/// The objective's value for a set, compared lexicographically: more `coverage`, then fewer
/// `cautions`, then more `evidence`, then fewer `components` is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Σ over goals of weight × Σ over the goal's actions of share × the best efficacy for it,
    /// in whole units (the goals' shares brought to a common denominator, so only comparisons
    /// within one request mean anything; [`Cocktail::value`] is the readable figure).
    pub coverage: u64,
    /// Caution findings: caution pairs, caution "do not mix" notes (once per pair they are in)
    /// and the patient's caution findings on each member.
    pub cautions: u32,
    /// The same sum with the evidence rank (inference 0 … label 3) of each covering claim in
    /// place of its efficacy.
    pub evidence: u64,
    /// Number of ingredients.
    pub components: usize,
}

/// One cocktail: one syringe, or two given in the same session.
#[derive(Debug, Clone, PartialEq)]
pub struct Cocktail {
    /// Every ingredient, sorted by id.
    pub ingredients: Vec<usize>,
    /// The syringes (one or two), each sorted by id, in the order of their ids.
    pub syringes: Vec<Vec<usize>>,
    /// The objective's value.
    pub score: Score,
    /// One entry per requested goal, in the request's order.
    pub coverage: Vec<Coverage>,
}

impl Cocktail {
    /// The weighted coverage on the efficacy scale, 0 to 3: Σ weight × goal coverage over Σ
    /// weight.
    pub fn value(&self) -> f64 {
        let weights: u32 = self.coverage.iter().map(|c| c.weight).sum();
        let total: f64 = self
            .coverage
            .iter()
            .map(|c| f64::from(c.weight) * c.value())
            .sum();
        total / f64::from(weights.max(1))
    }
}

/// The full answer.
#[derive(Debug, Clone)]
pub struct Formulation {
    /// The cocktail's check verdict; without a cocktail, the worst session finding and at
    /// least `unknown`; refused or postponed when the patient stops every session.
    pub verdict: Verdict,
    /// Patient findings that stop every session (absolute, postpone, zone) or apply to it.
    pub session_findings: Vec<Finding>,
    /// The best single syringe, if any eligible ingredient performs a requested action.
    pub cocktail: Option<Cocktail>,
    /// Whether the searches finished: when a node budget stops one, its answer is the best
    /// found so far and not proven optimal.
    pub proven: bool,
    /// Requested goal actions the cocktail does not cover, in the request's order, each with
    /// why.
    pub uncovered: Vec<Uncovered>,
    /// Every ineligible ingredient, in catalog order, with its reasons.
    pub excluded: Vec<Excluded>,
    /// Eligible ingredients performing a requested action that the cocktail leaves out, and
    /// why.
    pub not_chosen: Vec<NotChosen>,
    /// Up to `alternatives` next-best distinct single syringes, best first.
    pub alternatives: Vec<Cocktail>,
    /// The cocktail's own check report.
    pub check: Option<CheckReport>,
    /// The best two syringes of one session, when they cover more than the best single one.
    pub two_syringes: Option<Cocktail>,
    /// The check report of each of the two syringes, in their order.
    pub two_syringe_checks: Vec<CheckReport>,
    /// Published regimens for the requested goals, with their status for this patient.
    pub regimens: Vec<RegimenStatus>,
}

/// Requests that cannot be answered at all. Indices point into the catalog; the messages name
/// the request's fields, the command line maps them to its own flags.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormulateError {
    /// `goals` is empty.
    #[error("no goal given")]
    NoGoals,
    /// `max_components` is 0.
    #[error("max_components must be at least 1")]
    NoRoom,
    /// `goals` names this goal more than once.
    #[error("a goal is listed twice")]
    DuplicateGoal { goal: usize },
    /// A `require`d ingredient is ineligible (see [`exclusion_reasons`]).
    #[error("a required ingredient is ruled out")]
    RequiredRuledOut { ingredient: usize },
    /// Two `require`d ingredients may not share a syringe; `rating` is their pair's rating.
    #[error("two required ingredients cannot share a syringe")]
    RequiredConflict {
        a: usize,
        b: usize,
        rating: PairRating,
    },
    /// `require` lists more ingredients than `max_components` allows.
    #[error("more required ingredients than max_components")]
    TooManyRequired { required: usize, max: usize },
    /// An ingredient is in both `require` and `exclude`.
    #[error("an ingredient is both required and excluded")]
    RequiredExcluded { ingredient: usize },
}

/// Refuses a request that cannot be answered; checks run in a fixed order and the first failure
/// is returned.
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

/// A way to find the `k` best answers of at most so many syringes in a search space, best
/// first, and whether the list is proven.
type Strategy<'a> = &'a dyn Fn(&Space<'_>, usize, usize) -> (Vec<Ranked>, bool);

/// The `alternatives + 1` best non-empty answers of at most `syringes` syringes for `request`
/// over `eligible`, best first, and whether they are proven.
fn solve(
    catalog: &Catalog,
    request: &FormulateRequest,
    eligible: &[usize],
    syringes: usize,
    strategy: Strategy<'_>,
) -> Solved {
    let space = Space::build(catalog, request, eligible);
    let (found, proven) = strategy(&space, request.alternatives + 1, syringes);
    let cocktails = found
        .into_iter()
        .filter(|(syringes, _)| !syringes.is_empty())
        .map(|(syringes, score)| space.cocktail(&syringes, score))
        .collect();
    Solved {
        cocktails,
        proven,
        cap: space.cap(),
    }
}

/// What [`solve`] found.
struct Solved {
    /// The best answers, best first.
    cocktails: Vec<Cocktail>,
    /// Whether the list is proven.
    proven: bool,
    /// The most coverage any answer could reach (see [`Space::cap`]).
    cap: u64,
}

/// The best cocktail for the request, with everything needed to explain it.
///
/// Exact: the cocktail is the optimum of the objective over every set of eligible ingredients
/// that may share a syringe, holds every required ingredient and at most `max_components`; ties
/// go to the smallest sorted list of ids. `alternatives` are the next best distinct sets in the
/// same order (sets in which every member is the best for some action, or is required). When
/// the best two syringes of one session (each within `max_components`, the required
/// ingredients in the first) cover more, they are given too. A patient whose session findings
/// refuse or postpone the session gets that verdict and no search at all. The same request
/// always gives the same answer.
pub fn formulate(
    catalog: &Catalog,
    request: &FormulateRequest,
) -> Result<Formulation, FormulateError> {
    formulate_within(catalog, request, NODE_BUDGET)
}

/// [`formulate`] with a node budget for each search: a search that runs out of it answers
/// with the best found so far and `proven: false`.
pub fn formulate_within(
    catalog: &Catalog,
    request: &FormulateRequest,
    budget: u64,
) -> Result<Formulation, FormulateError> {
    validate_request(catalog, request)?;
    let session_findings = check::session_findings(catalog, &request.patient);
    let (eligible, excluded) = eligibility(catalog, request);
    if let Some(verdict) = stopping_verdict(&session_findings) {
        // Refused or postponed: no search at all.
        return Ok(Formulation::stopped(verdict, session_findings, excluded));
    }
    let search = |space: &Space<'_>, k: usize, n: usize| branch_and_bound(space, k, n, budget);
    let Solved {
        cocktails: mut found,
        mut proven,
        cap,
    } = solve(catalog, request, &eligible, 1, &search);
    let best = (!found.is_empty()).then(|| found.remove(0));
    let report = best
        .as_ref()
        .and_then(|c| check_cocktail(catalog, request, &c.ingredients));
    let uncovered = uncovered_actions(catalog, request, best.as_ref(), &eligible, &excluded);
    // When one syringe falls short of what its candidates could reach (an action lost to a
    // conflict or a full syringe, or covered less well than it could be): the best two syringes
    // of one session, if they cover more.
    let mut two_syringes = None;
    if best.as_ref().map_or(0, |b| b.score.coverage) < cap {
        let single = FormulateRequest {
            alternatives: 0,
            ..request.clone()
        };
        let pair = solve(catalog, &single, &eligible, 2, &search);
        proven &= pair.proven;
        two_syringes = pair.cocktails.into_iter().next().filter(|p| {
            p.syringes.len() == 2
                && best
                    .as_ref()
                    .is_none_or(|b| p.score.coverage > b.score.coverage)
        });
    }
    let two_syringe_checks = two_syringes.as_ref().map_or_else(Vec::new, |p| {
        p.syringes
            .iter()
            .filter_map(|s| check_cocktail(catalog, request, s))
            .collect()
    });
    let verdict = match &report {
        Some(r) => r.verdict,
        None => verdict_without_cocktail(&session_findings),
    };
    let not_chosen = not_chosen(catalog, request, best.as_ref(), &eligible);
    let regimens = regimens::statuses(catalog, request, best.as_ref(), two_syringes.as_ref());
    Ok(Formulation {
        verdict,
        session_findings,
        cocktail: best,
        proven,
        uncovered,
        excluded,
        not_chosen,
        alternatives: found,
        check: report,
        two_syringes,
        two_syringe_checks,
        regimens,
    })
}

/// Only the exact search for the best single syringe, and whether it is proven: what
/// [`formulate`] runs first, without the session screening, the two-syringe search, the checks
/// and the reasons. For benchmarks that compare the search with an integer program solving the
/// same problem.
pub fn best_syringe(
    catalog: &Catalog,
    request: &FormulateRequest,
) -> Result<(Option<Cocktail>, bool), FormulateError> {
    validate_request(catalog, request)?;
    let (eligible, _) = eligibility(catalog, request);
    let single = FormulateRequest {
        alternatives: 0,
        ..request.clone()
    };
    let search = |space: &Space<'_>, k: usize, n: usize| branch_and_bound(space, k, n, NODE_BUDGET);
    let found = solve(catalog, &single, &eligible, 1, &search);
    Ok((found.cocktails.into_iter().next(), found.proven))
}

/// The worst session finding when it refuses or postpones every session.
fn stopping_verdict(session_findings: &[Finding]) -> Option<Verdict> {
    session_findings
        .iter()
        .filter_map(|f| f.severity.verdict())
        .filter(|v| *v >= Verdict::Postpone)
        .max()
}

/// Nothing in the catalog serves these goals for this patient: no data to approve.
fn verdict_without_cocktail(session_findings: &[Finding]) -> Verdict {
    session_findings
        .iter()
        .filter_map(|f| f.severity.verdict())
        .max()
        .unwrap_or(Verdict::Unknown)
        .max(Verdict::Unknown)
}

/// The check report of one syringe under the request's zone, patient and size limit.
fn check_cocktail(
    catalog: &Catalog,
    request: &FormulateRequest,
    syringe: &[usize],
) -> Option<CheckReport> {
    check::check(
        catalog,
        &CheckRequest {
            mix: syringe.to_vec(),
            zone: request.zone,
            patient: request.patient.clone(),
            max_components: request.max_components,
            from: Default::default(),
            amounts: Vec::new(),
        },
    )
    .ok()
}

impl Formulation {
    /// The answer when the session itself is refused or postponed: only the findings and the
    /// exclusions.
    fn stopped(verdict: Verdict, session_findings: Vec<Finding>, excluded: Vec<Excluded>) -> Self {
        Formulation {
            verdict,
            session_findings,
            cocktail: None,
            proven: true,
            uncovered: Vec::new(),
            excluded,
            not_chosen: Vec::new(),
            alternatives: Vec::new(),
            check: None,
            two_syringes: None,
            two_syringe_checks: Vec::new(),
            regimens: Vec::new(),
        }
    }
}
