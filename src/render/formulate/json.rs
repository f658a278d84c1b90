//! `mesomix formulate --format json` (`mesomix.formulation/1`), also one line of `--batch`.
//!
//! These types are the JSON Schema that `mesomix schema formulation` prints: a `///` comment
//! on one of them is part of that output.

use schemars::JsonSchema;
use serde::Serialize;

use super::reasons::{
    exclusion_kind, exclusion_sources, exclusion_text, not_chosen_text, uncovered_kind,
    uncovered_text,
};
use crate::catalog::Catalog;
use crate::catalog::model::{Evidence, Text};
use crate::check::Verdict;
use crate::compat::PairRating;
use crate::formulate::{
    Cocktail, Excluded, FormulateRequest, Formulation, NotChosen, NotChosenReason, Uncovered,
};
use crate::render::check::{
    CheckJson, FindingJson, PatientJson, check_value, finding_json, patient_json,
};
use crate::render::json::{CatalogRef, TextSchema};
use crate::render::plan::PlanJson;
use crate::render::vocab::{goal_id, id, ids};

/// `mesomix formulate --format json` (and one line of `--batch`).
#[derive(Debug, Serialize, JsonSchema)]
pub struct FormulationJson<'c> {
    /// Always `mesomix.formulation/1`.
    pub schema: &'static str,
    pub catalog: CatalogRef<'c>,
    pub request: RequestJson<'c>,
    pub verdict: Verdict,
    /// Patient findings for the session as a whole (absolute, postpone, zone, medication).
    pub session_findings: Vec<FindingJson>,
    pub cocktail: Option<CocktailJson<'c>>,
    /// Per requested goal, in priority order.
    pub coverage: Vec<CoverageJson<'c>>,
    pub uncovered: Vec<UncoveredJson<'c>>,
    pub excluded: Vec<ExcludedJson<'c>>,
    /// Eligible ingredients that serve a requested goal but are not in the cocktail.
    pub not_chosen: Vec<NotChosenJson<'c>>,
    /// The next best distinct cocktails, best first.
    pub alternatives: Vec<CocktailJson<'c>>,
    /// A second syringe (or alternate session) for goals the first cannot serve.
    pub second_syringe: Option<CocktailJson<'c>>,
    /// The cocktail's own `check` report.
    pub check: Option<CheckJson<'c>>,
    pub second_syringe_check: Option<CheckJson<'c>>,
    /// The course plan, with `--plan --start DATE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanJson<'c>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct RequestJson<'c> {
    pub goals: Vec<GoalWeightJson<'c>>,
    pub zone: Option<&'c str>,
    pub patient: PatientJson<'c>,
    pub max_components: usize,
    pub require: Vec<&'c str>,
    pub exclude: Vec<&'c str>,
    pub allow_caution: bool,
    pub alternatives: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct GoalWeightJson<'c> {
    pub goal: &'c str,
    pub weight: u32,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct CocktailJson<'c> {
    pub ingredients: Vec<CocktailIngredientJson<'c>>,
    pub score: ScoreJson,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct CocktailIngredientJson<'c> {
    pub id: &'c str,
    pub class: &'c str,
    /// Goals this ingredient covers best in the cocktail.
    pub covers: Vec<&'c str>,
}

/// The objective's value: coverage (higher is better), cautions (lower), evidence (higher),
/// components (lower).
#[derive(Debug, Serialize, JsonSchema)]
pub struct ScoreJson {
    pub coverage: u64,
    pub cautions: u32,
    pub evidence: u64,
    pub components: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct CoverageJson<'c> {
    pub goal: &'c str,
    pub weight: u32,
    /// The ingredient giving the best efficacy; `null` if the goal is not covered.
    pub by: Option<&'c str>,
    /// 0 when not covered.
    pub efficacy: u8,
    pub evidence: Option<Evidence>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct UncoveredJson<'c> {
    pub goal: &'c str,
    /// `no_eligible_ingredient`, `conflicts` or `no_room`.
    pub kind: &'static str,
    #[schemars(with = "TextSchema")]
    pub reason: Text,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ExcludedJson<'c> {
    pub ingredient: &'c str,
    pub reasons: Vec<ExclusionJson>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ExclusionJson {
    /// `status`, `zone`, `condition`, `allergy`, `medication`, `patient` or `excluded_by_user`.
    pub kind: &'static str,
    #[schemars(with = "TextSchema")]
    pub reason: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct NotChosenJson<'c> {
    pub ingredient: &'c str,
    /// `conflicts`, `no_room` or `adds_nothing`.
    pub kind: &'static str,
    pub with: Option<&'c str>,
    pub rating: Option<PairRating>,
    #[schemars(with = "TextSchema")]
    pub reason: Text,
}

fn cocktail_json<'c>(catalog: &'c Catalog, c: &Cocktail) -> CocktailJson<'c> {
    CocktailJson {
        ingredients: c
            .ingredients
            .iter()
            .map(|&i| CocktailIngredientJson {
                id: id(catalog, i),
                class: &catalog.ingredients()[i].class,
                covers: c
                    .coverage
                    .iter()
                    .filter(|cov| cov.by == Some(i))
                    .map(|cov| goal_id(catalog, cov.goal))
                    .collect(),
            })
            .collect(),
        score: ScoreJson {
            coverage: c.score.coverage,
            cautions: c.score.cautions,
            evidence: c.score.evidence,
            components: c.score.components,
        },
    }
}

fn excluded_json<'c>(catalog: &'c Catalog, e: &Excluded) -> ExcludedJson<'c> {
    ExcludedJson {
        ingredient: id(catalog, e.ingredient),
        reasons: e
            .reasons
            .iter()
            .map(|r| ExclusionJson {
                kind: exclusion_kind(r),
                reason: exclusion_text(catalog, e.ingredient, r),
                sources: exclusion_sources(catalog, e.ingredient, r),
            })
            .collect(),
    }
}

fn request_json<'c>(catalog: &'c Catalog, request: &FormulateRequest) -> RequestJson<'c> {
    RequestJson {
        goals: request
            .goals
            .iter()
            .map(|gw| GoalWeightJson {
                goal: goal_id(catalog, gw.goal),
                weight: gw.weight,
            })
            .collect(),
        zone: request.zone.map(|z| catalog.zones()[z].id.as_str()),
        patient: patient_json(catalog, &request.patient),
        max_components: request.max_components,
        require: ids(catalog, &request.require),
        exclude: ids(catalog, &request.exclude),
        allow_caution: request.allow_caution,
        alternatives: request.alternatives,
    }
}

/// Coverage per requested goal: the cocktail's, or every goal uncovered when there is none.
fn coverage_json<'c>(
    catalog: &'c Catalog,
    request: &FormulateRequest,
    cocktail: Option<&Cocktail>,
) -> Vec<CoverageJson<'c>> {
    match cocktail {
        Some(c) => c
            .coverage
            .iter()
            .map(|cov| CoverageJson {
                goal: goal_id(catalog, cov.goal),
                weight: cov.weight,
                by: cov.by.map(|i| id(catalog, i)),
                efficacy: cov.efficacy,
                evidence: cov.evidence,
            })
            .collect(),
        None => request
            .goals
            .iter()
            .map(|gw| CoverageJson {
                goal: goal_id(catalog, gw.goal),
                weight: gw.weight,
                by: None,
                efficacy: 0,
                evidence: None,
            })
            .collect(),
    }
}

fn uncovered_json<'c>(catalog: &'c Catalog, u: &Uncovered) -> UncoveredJson<'c> {
    UncoveredJson {
        goal: goal_id(catalog, u.goal),
        kind: uncovered_kind(&u.reason),
        reason: uncovered_text(catalog, &u.reason),
    }
}

fn not_chosen_json<'c>(catalog: &'c Catalog, n: &NotChosen) -> NotChosenJson<'c> {
    let (kind, with, rating) = match n.reason {
        NotChosenReason::Conflicts { with, rating } => {
            ("conflicts", Some(id(catalog, with)), Some(rating))
        }
        NotChosenReason::NoRoom => ("no_room", None, None),
        NotChosenReason::AddsNothing => ("adds_nothing", None, None),
    };
    NotChosenJson {
        ingredient: id(catalog, n.ingredient),
        kind,
        with,
        rating,
        reason: not_chosen_text(catalog, &n.reason),
    }
}

/// The whole formulation as a JSON value; `plan` is left for the caller to fill.
pub fn formulation_value<'c>(
    catalog: &'c Catalog,
    request: &FormulateRequest,
    f: &Formulation,
) -> FormulationJson<'c> {
    let check = |r| check_value(catalog, r, request.zone, &request.patient);
    FormulationJson {
        schema: "mesomix.formulation/1",
        catalog: CatalogRef::of(catalog),
        request: request_json(catalog, request),
        verdict: f.verdict,
        session_findings: f
            .session_findings
            .iter()
            .map(|x| finding_json(catalog, x))
            .collect(),
        cocktail: f.cocktail.as_ref().map(|c| cocktail_json(catalog, c)),
        coverage: coverage_json(catalog, request, f.cocktail.as_ref()),
        uncovered: f
            .uncovered
            .iter()
            .map(|u| uncovered_json(catalog, u))
            .collect(),
        excluded: f
            .excluded
            .iter()
            .map(|e| excluded_json(catalog, e))
            .collect(),
        not_chosen: f
            .not_chosen
            .iter()
            .map(|n| not_chosen_json(catalog, n))
            .collect(),
        alternatives: f
            .alternatives
            .iter()
            .map(|c| cocktail_json(catalog, c))
            .collect(),
        second_syringe: f.second.as_ref().map(|c| cocktail_json(catalog, c)),
        check: f.check.as_ref().map(check),
        second_syringe_check: f.second_check.as_ref().map(check),
        plan: None,
    }
}
