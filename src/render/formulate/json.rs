//! `mesomix formulate --format json` (`mesomix.formulation/2`), also one line of `--batch`.
//!
//! These types are the JSON Schema that `mesomix schema formulation` prints: a `///` comment
//! on one of them is part of that output.

use schemars::JsonSchema;
use serde::Serialize;

use super::reasons::{
    exclusion_kind, exclusion_sources, exclusion_text, not_chosen_text, regimen_reasons,
    uncovered_kind, uncovered_text,
};
use crate::catalog::model::{Evidence, Str, Text};
use crate::catalog::{Catalog, Item};
use crate::check::Verdict;
use crate::compat::PairRating;
use crate::formulate::{
    Cocktail, Coverage, Excluded, FormulateRequest, Formulation, NotChosen, NotChosenReason,
    RegimenMatch, RegimenStatus, Uncovered,
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
    /// Always `mesomix.formulation/2`.
    pub schema: &'static str,
    pub catalog: CatalogRef<'c>,
    pub request: RequestJson<'c>,
    pub verdict: Verdict,
    /// Whether the search finished: `false` when its node budget stopped it, and the cocktail
    /// is the best found so far, not proven optimal.
    pub proven: bool,
    /// Patient findings for the session as a whole (absolute, postpone, zone, medication).
    pub session_findings: Vec<FindingJson>,
    /// The best single syringe.
    pub cocktail: Option<CocktailJson<'c>>,
    /// Per requested goal, in priority order: each of its actions and what covers it in the
    /// cocktail.
    pub coverage: Vec<CoverageJson<'c>>,
    /// The requested goal actions the cocktail leaves uncovered, and why.
    pub uncovered: Vec<UncoveredJson<'c>>,
    pub excluded: Vec<ExcludedJson<'c>>,
    /// Eligible ingredients that perform a requested action but are not in the cocktail.
    pub not_chosen: Vec<NotChosenJson<'c>>,
    /// The next best distinct single syringes, best first.
    pub alternatives: Vec<CocktailJson<'c>>,
    /// The cocktail's own `check` report.
    pub check: Option<CheckJson<'c>>,
    /// The best two syringes of one session, when they cover more than one syringe can.
    pub two_syringes: Option<TwoSyringesJson<'c>>,
    /// Published regimens for the requested goals, with their status for this patient.
    pub regimens: Vec<RegimenJson<'c>>,
    /// The course plan, with `--plan --start DATE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanJson<'c>>,
}

/// Two syringes given in the same session.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TwoSyringesJson<'c> {
    /// Every ingredient of both, with its syringe, and the score of the two together.
    pub cocktail: CocktailJson<'c>,
    /// Coverage of the two together, per requested goal.
    pub coverage: Vec<CoverageJson<'c>>,
    /// The `check` report of each syringe, in the order of `cocktail.syringes`.
    pub checks: Vec<CheckJson<'c>>,
}

/// A published regimen for a requested goal: precedent, never a rating.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RegimenJson<'c> {
    pub id: &'c str,
    #[schemars(with = "TextSchema")]
    pub name: &'c Text,
    /// Ingredient and product ids as the regimen names them.
    pub items: Vec<&'c str>,
    /// The ingredients they stand for.
    pub actives: Vec<&'c str>,
    /// Mixed in one syringe (`true`) or given as separate injections.
    pub one_syringe: bool,
    pub goals: Vec<&'c str>,
    pub zones: Vec<&'c str>,
    /// Whether it was used in the requested zone (or names none, or no zone was given).
    pub zone_matches: bool,
    pub evidence: Evidence,
    #[schemars(with = "TextSchema")]
    pub outcome: &'c Text,
    pub sources: Vec<&'c str>,
    /// Its `check` verdict for this patient and zone.
    pub verdict: Verdict,
    /// What keeps it from `compatible`: pairs and findings, in words.
    #[schemars(with = "Vec<TextSchema>")]
    pub reasons: Vec<Text>,
    /// `matches`, `contains` (the cocktail holds it and more) or `none`.
    pub cocktail: &'static str,
    /// The same for the two syringes (a one-syringe regimen must be in one of them).
    pub two_syringes: &'static str,
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
    /// The syringes: one, or two given in the same session; ids sorted.
    pub syringes: Vec<Vec<&'c str>>,
    pub score: ScoreJson,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct CocktailIngredientJson<'c> {
    pub id: &'c str,
    pub class: &'c str,
    /// The goal actions this ingredient covers best in the cocktail.
    pub covers: Vec<CoversJson<'c>>,
    /// Enabling actions it performs (shown, not scored).
    pub enabling: Vec<&'c str>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct CoversJson<'c> {
    pub goal: &'c str,
    pub action: &'c str,
}

/// The objective's value: coverage (higher is better), cautions (lower), evidence (higher),
/// components (lower).
#[derive(Debug, Serialize, JsonSchema)]
pub struct ScoreJson {
    /// Weighted action coverage in whole units of this request (comparable only within it).
    pub coverage: u64,
    /// The same on the efficacy scale: Σ goal weight × goal coverage / Σ goal weight, 0 to 3.
    pub value: f64,
    pub cautions: u32,
    pub evidence: u64,
    pub components: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct CoverageJson<'c> {
    pub goal: &'c str,
    pub weight: u32,
    /// Σ share × efficacy over the goal's actions, 0 to 3.
    pub value: f64,
    pub actions: Vec<ActionCoverageJson<'c>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ActionCoverageJson<'c> {
    pub action: &'c str,
    /// Actions that count for it too.
    pub also_served_by: Vec<&'c str>,
    /// Its share of the goal, 0 to 1.
    pub share: f64,
    /// The ingredient with the best claim; `null` when not covered.
    pub by: Option<&'c str>,
    /// The action that claim is for (differs from `action` when one that also serves it counts).
    pub via: Option<&'c str>,
    /// 0 when not covered.
    pub efficacy: u8,
    pub evidence: Option<Evidence>,
    /// The sources of that claim.
    pub sources: Vec<&'c str>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct UncoveredJson<'c> {
    pub goal: &'c str,
    pub action: &'c str,
    /// `no_data`, `no_eligible_ingredient`, `conflicts` or `no_room`.
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
                    .flat_map(|cov| {
                        let goal = &catalog.goals()[cov.goal];
                        cov.actions
                            .iter()
                            .filter(move |a| a.by == Some(i))
                            .map(move |a| CoversJson {
                                goal: &goal.id,
                                action: &goal.actions[a.entry].action,
                            })
                    })
                    .collect(),
                enabling: catalog.ingredients()[i]
                    .actions
                    .iter()
                    .filter(|x| {
                        catalog
                            .actions()
                            .iter()
                            .any(|a| a.enabling && a.id == x.action)
                    })
                    .map(|x| x.action.as_ref())
                    .collect(),
            })
            .collect(),
        syringes: c.syringes.iter().map(|s| ids(catalog, s)).collect(),
        score: ScoreJson {
            coverage: c.score.coverage,
            value: rounded(c.value()),
            cautions: c.score.cautions,
            evidence: c.score.evidence,
            components: c.score.components,
        },
    }
}

/// A value to two decimal places, so JSON does not carry float noise.
fn rounded(x: f64) -> f64 {
    crate::render::json::round_to(x, 2)
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
        zone: request.zone.map(|z| catalog.zones()[z].id.as_ref()),
        patient: patient_json(catalog, &request.patient),
        max_components: request.max_components,
        require: ids(catalog, &request.require),
        exclude: ids(catalog, &request.exclude),
        allow_caution: request.allow_caution,
        alternatives: request.alternatives,
    }
}

/// Coverage per requested goal: the cocktail's, or every action uncovered when there is none.
fn coverage_json<'c>(
    catalog: &'c Catalog,
    request: &FormulateRequest,
    cocktail: Option<&Cocktail>,
) -> Vec<CoverageJson<'c>> {
    let zone = request.zone.map(|z| catalog.zones()[z].id.as_ref());
    request
        .goals
        .iter()
        .map(|gw| {
            let goal = &catalog.goals()[gw.goal];
            let cov: Option<&Coverage> =
                cocktail.and_then(|c| c.coverage.iter().find(|x| x.goal == gw.goal));
            let total: u32 = goal.actions.iter().map(|a| a.share).sum();
            CoverageJson {
                goal: &goal.id,
                weight: gw.weight,
                value: rounded(cov.map_or(0.0, Coverage::value)),
                actions: goal
                    .actions
                    .iter()
                    .enumerate()
                    .map(|(e, ga)| {
                        let ac = cov.map(|c| c.actions[e]);
                        let via = ac
                            .and_then(|a| a.action)
                            .map(|a| catalog.actions()[a].id.as_ref());
                        let by = ac.and_then(|a| a.by);
                        let sources = match (by, via) {
                            (Some(i), Some(v)) => catalog
                                .best_claim(Item::Ingredient(i), &[v], zone)
                                .map_or_else(Vec::new, |c| {
                                    c.sources.iter().map(|s| &**s).collect()
                                }),
                            _ => Vec::new(),
                        };
                        ActionCoverageJson {
                            action: &ga.action,
                            also_served_by: ga.also_served_by.iter().map(|s| &**s).collect(),
                            share: rounded(f64::from(ga.share) / f64::from(total.max(1))),
                            by: by.map(|i| id(catalog, i)),
                            via,
                            efficacy: ac.map_or(0, |a| a.efficacy),
                            evidence: ac.and_then(|a| a.evidence),
                            sources,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

fn uncovered_json<'c>(catalog: &'c Catalog, u: &Uncovered) -> UncoveredJson<'c> {
    UncoveredJson {
        goal: goal_id(catalog, u.goal),
        action: &catalog.goals()[u.goal].actions[u.entry].action,
        kind: uncovered_kind(&u.reason),
        reason: uncovered_text(catalog, &u.reason),
    }
}

fn match_word(m: RegimenMatch) -> &'static str {
    match m {
        RegimenMatch::Matches => "matches",
        RegimenMatch::Contains => "contains",
        RegimenMatch::None => "none",
    }
}

fn regimen_json<'c>(catalog: &'c Catalog, r: &RegimenStatus) -> RegimenJson<'c> {
    let regimen = &catalog.regimens()[r.regimen];
    let strs = |v: &'c [Str]| v.iter().map(|s| &**s).collect();
    RegimenJson {
        id: &regimen.id,
        name: &regimen.name,
        items: strs(&regimen.items),
        actives: ids(catalog, &r.actives),
        one_syringe: regimen.one_syringe,
        goals: strs(&regimen.goals),
        zones: strs(&regimen.zones),
        zone_matches: r.zone_matches,
        evidence: regimen.evidence,
        outcome: &regimen.outcome,
        sources: strs(&regimen.sources),
        verdict: r.verdict,
        reasons: regimen_reasons(catalog, r),
        cocktail: match_word(r.cocktail),
        two_syringes: match_word(r.two_syringes),
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
        schema: "mesomix.formulation/2",
        catalog: CatalogRef::of(catalog),
        request: request_json(catalog, request),
        verdict: f.verdict,
        proven: f.proven,
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
        check: f.check.as_ref().map(check),
        two_syringes: f.two_syringes.as_ref().map(|c| TwoSyringesJson {
            cocktail: cocktail_json(catalog, c),
            coverage: coverage_json(catalog, request, Some(c)),
            checks: f.two_syringe_checks.iter().map(check).collect(),
        }),
        regimens: f
            .regimens
            .iter()
            .map(|r| regimen_json(catalog, r))
            .collect(),
        plan: None,
    }
}
