//! Goals → [`Formulation`]: the exact best cocktail the catalog supports for a patient.
//!
//! The objective (DESIGN §6), compared in this order: weighted goal coverage (a goal counts the
//! best efficacy in the set, times its weight), then fewer caution findings, then stronger
//! evidence, then fewer components, then the lexicographically smallest ids. The search is a
//! branch and bound over eligible ingredients with an admissible bound on coverage, so its
//! result is the optimum, not a greedy guess; [`exhaustive_best`] enumerates every set for
//! tests and benchmarks.
//!
//! One purpose per module:
//! - `eligibility` — which ingredients a request may use, and why each other one may not;
//! - `space` — the search space: candidates and their goal profiles, pair admission, the score
//!   of a set;
//! - `ranking` — the objective's order and the k best distinct sets;
//! - `search` — the exact branch and bound;
//! - `oracle` — exhaustive enumeration, the reference the search is tested against;
//! - `reasons` — uncovered goals, unchosen candidates and the second syringe.
//!
//! This module holds the public types, request validation and the [`formulate`] entry point.

mod eligibility;
mod oracle;
mod ranking;
mod reasons;
mod search;
mod space;

use crate::catalog::Catalog;
use crate::catalog::model::Evidence;
use crate::check::{self, CheckReport, CheckRequest, Finding, Verdict};
use crate::compat::{PairRating, resolve};
use crate::patient::Patient;

use eligibility::eligibility;
use ranking::Ranked;
use reasons::{not_chosen, second_request, uncovered_goals};
use search::branch_and_bound;
use space::{Space, pair_admission};

pub use eligibility::{Excluded, ExclusionReason, exclusion_reasons};
pub use oracle::exhaustive_best;
pub use reasons::{NotChosen, NotChosenReason, Uncovered, UncoveredReason};

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

/// One goal's coverage in a cocktail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// Index into the catalog's goals.
    pub goal: usize,
    /// The goal's weight in the request.
    pub weight: u32,
    /// The ingredient giving the best efficacy (best evidence on ties, then smallest id).
    pub by: Option<usize>,
    /// That ingredient's efficacy for the goal (0 when nothing covers it).
    pub efficacy: u8,
    /// The evidence of that ingredient's claim.
    pub evidence: Option<Evidence>,
}

/// The objective's value for a set, compared lexicographically: more `coverage`, then fewer
/// `cautions`, then more `evidence`, then fewer `components` is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Sum over goals of weight × the best efficacy in the set.
    pub coverage: u64,
    /// Caution findings: caution pairs, caution "do not mix" notes (once per pair they are in)
    /// and the patient's caution findings on each member.
    pub cautions: u32,
    /// Sum over covered goals of weight × the evidence rank (inference 0 … label 3) of the best
    /// claim.
    pub evidence: u64,
    /// Number of ingredients.
    pub components: usize,
}

/// One cocktail: a set of ingredients that may share a syringe under the request.
#[derive(Debug, Clone, PartialEq)]
pub struct Cocktail {
    /// Ingredient indices, sorted by id.
    pub ingredients: Vec<usize>,
    /// The objective's value.
    pub score: Score,
    /// One entry per requested goal, in the request's order.
    pub coverage: Vec<Coverage>,
}

/// The full answer.
#[derive(Debug, Clone)]
pub struct Formulation {
    /// The cocktail's check verdict; without a cocktail, the worst session finding and at
    /// least `unknown`; refused or postponed when the patient stops every session.
    pub verdict: Verdict,
    /// Patient findings that stop every session (absolute, postpone, zone) or apply to it.
    pub session_findings: Vec<Finding>,
    /// The best cocktail, if any eligible ingredient serves a requested goal.
    pub cocktail: Option<Cocktail>,
    /// Requested goals the cocktail does not cover, in the request's order, each with why.
    pub uncovered: Vec<Uncovered>,
    /// Every ineligible ingredient, in catalog order, with its reasons.
    pub excluded: Vec<Excluded>,
    /// Eligible ingredients serving a requested goal that the cocktail leaves out, and why.
    pub not_chosen: Vec<NotChosen>,
    /// Up to `alternatives` next-best distinct cocktails, best first.
    pub alternatives: Vec<Cocktail>,
    /// The cocktail's own check report.
    pub check: Option<CheckReport>,
    /// A second syringe (or alternate session) for goals the first cannot serve.
    pub second: Option<Cocktail>,
    /// The second syringe's check report.
    pub second_check: Option<CheckReport>,
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

/// A way to find the `k` best sets of a search space, best first.
type Strategy = fn(&Space<'_>, usize) -> Vec<Ranked>;

/// The `alternatives + 1` best non-empty cocktails for `request` over `eligible`, best first.
fn solve(
    catalog: &Catalog,
    request: &FormulateRequest,
    eligible: &[usize],
    strategy: Strategy,
) -> Vec<Cocktail> {
    let space = Space::build(catalog, request, eligible);
    strategy(&space, request.alternatives + 1)
        .into_iter()
        .filter(|(set, _)| !set.is_empty())
        .map(|(set, score)| space.cocktail(&set, score))
        .collect()
}

/// The best cocktail for the request, with everything needed to explain it.
///
/// Exact: the cocktail is the optimum of the objective over every set of eligible ingredients
/// that may share a syringe, holds every required ingredient and at most `max_components`; ties
/// go to the smallest sorted list of ids. `alternatives` are the next best distinct sets in the
/// same order (sets in which every member serves some goal best, or is required). A patient whose session findings refuse or postpone the session gets that
/// verdict and no search at all. The same request always gives the same answer.
pub fn formulate(
    catalog: &Catalog,
    request: &FormulateRequest,
) -> Result<Formulation, FormulateError> {
    validate_request(catalog, request)?;
    let session_findings = check::session_findings(catalog, &request.patient);
    let (eligible, excluded) = eligibility(catalog, request);
    if let Some(verdict) = stopping_verdict(&session_findings) {
        // Refused or postponed: no search at all.
        return Ok(Formulation::stopped(verdict, session_findings, excluded));
    }
    let mut found = solve(catalog, request, &eligible, branch_and_bound);
    let best = (!found.is_empty()).then(|| found.remove(0));
    let report = best
        .as_ref()
        .and_then(|c| check_cocktail(catalog, request, c));
    let uncovered = uncovered_goals(catalog, request, best.as_ref(), &eligible, &excluded);
    // Goals lost to conflicts get a second syringe of their own, if the catalog has one.
    let second = second_request(request, &uncovered).and_then(|sub| {
        solve(catalog, &sub, &eligible, branch_and_bound)
            .into_iter()
            .next()
    });
    let second_check = second
        .as_ref()
        .and_then(|c| check_cocktail(catalog, request, c));
    let verdict = match &report {
        Some(r) => r.verdict,
        None => verdict_without_cocktail(&session_findings),
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

/// The check report of a cocktail under the request's zone, patient and size limit.
fn check_cocktail(
    catalog: &Catalog,
    request: &FormulateRequest,
    cocktail: &Cocktail,
) -> Option<CheckReport> {
    check::check(
        catalog,
        &CheckRequest {
            mix: cocktail.ingredients.clone(),
            zone: request.zone,
            patient: request.patient.clone(),
            max_components: request.max_components,
            from: Default::default(),
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
            uncovered: Vec::new(),
            excluded,
            not_chosen: Vec::new(),
            alternatives: Vec::new(),
            check: None,
            second: None,
            second_check: None,
        }
    }
}
