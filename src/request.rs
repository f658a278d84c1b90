//! The middle of the pipeline: a resolved [`Request`] goes to the core and comes back as a
//! [`Report`], which knows its exit code and is rendered by `render::emit`.
//!
//! ```text
//! argv ─clap─▶ Cli ─app + resolve─▶ Request ─answer─▶ Report ─render::emit─▶ bytes
//!                    (batch lines ─batch + resolve─▶ FormulateRequest ─┘)      └─▶ Report::exit
//! ```

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::catalog::{self, Catalog, CatalogError};
use crate::check::{self, CheckReport, CheckRequest, Verdict};
use crate::compat::{self, Resolution};
use crate::error::{Error, LimitOwner, Usage};
use crate::exit::Exit;
use crate::formulate::{self, FormulateError, FormulateRequest, Formulation};
use crate::graph::{GraphRequest, Link, Node};
use crate::patient::Patient;
use crate::plan::{self, Plan, PlanError, PlanRequest, RuleSource};
use crate::resolve::Mix;

/// How a verdict maps to the exit code (DESIGN §4): `--strict` and `--allow-unknown`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExitPolicy {
    /// Exit 1 on `caution` too.
    pub strict: bool,
    /// Exit 0 on `unknown`.
    pub allow_unknown: bool,
}

impl ExitPolicy {
    /// The exit code for `verdict`.
    pub fn exit(self, verdict: Verdict) -> Exit {
        match verdict {
            Verdict::Compatible => Exit::Success,
            Verdict::Caution if self.strict => Exit::Finding,
            Verdict::Caution => Exit::Success,
            Verdict::Unknown if self.allow_unknown => Exit::Success,
            Verdict::Unknown | Verdict::Incompatible | Verdict::Postpone | Verdict::Refused => {
                Exit::Finding
            }
        }
    }
}

/// The catalog listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Ingredients, optionally of one class or serving one goal.
    Ingredients {
        class: Option<usize>,
        goal: Option<usize>,
    },
    /// One ingredient in full.
    Show(usize),
    /// One product in full.
    ShowProduct(usize),
    /// The branded products.
    Products,
    Classes,
    Goals,
    Zones,
    Conditions,
    Medications,
}

/// A plan to make once the cocktail is known: start, sessions, today.
#[derive(Debug, Clone, Copy)]
pub struct PlanSpec {
    pub zone: usize,
    pub start: Date,
    pub sessions: Option<u32>,
    pub today: Option<Date>,
}

/// A fully resolved request: every name is an index, every file read, every date parsed.
#[derive(Debug)]
pub enum Request {
    /// A catalog listing.
    List(Listing),
    /// One syringe.
    Check {
        request: CheckRequest,
        policy: ExitPolicy,
    },
    /// How a pair's rating was reached.
    Explain { a: usize, b: usize },
    /// The best cocktail, and its plan when asked (`--plan`).
    Formulate {
        request: FormulateRequest,
        plan: Option<PlanSpec>,
        policy: ExitPolicy,
    },
    /// A course plan for given ingredients, or for the cocktail formulated for `goals`; the
    /// cocktail is checked for `patient` in the plan's zone first.
    Plan {
        cocktail: PlanCocktail,
        spec: PlanSpec,
        patient: Patient,
    },
    /// A picture of the graph.
    Graph(GraphRequest),
}

/// Where a plan's cocktail comes from.
#[derive(Debug)]
pub enum PlanCocktail {
    /// Given (`--ingredients`, `--from`), with the products the actives came in.
    Given(Mix),
    /// Formulated for these goals in the plan's zone.
    Formulated(Box<FormulateRequest>),
}

/// What the core answered; `render::emit` writes it in the chosen format.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "one report per run; boxing would only add noise"
)]
pub enum Report<'c> {
    /// `validate`: a catalog that loads.
    Valid(Box<Catalog>),
    /// `validate`: every problem found.
    Invalid(Box<CatalogError>),
    /// A listing of `catalog`.
    List(&'c Catalog, Listing),
    Check {
        catalog: &'c Catalog,
        report: CheckReport,
        zone: Option<usize>,
        patient: Patient,
        policy: ExitPolicy,
    },
    Explain {
        catalog: &'c Catalog,
        a: usize,
        b: usize,
        resolution: Resolution<'c>,
    },
    Formulation {
        catalog: &'c Catalog,
        request: FormulateRequest,
        formulation: Formulation,
        /// `Some` when a plan was asked for: the plan, or `None` inside when no cocktail.
        plan: Option<Option<Plan>>,
        policy: ExitPolicy,
    },
    Plan(&'c Catalog, Plan),
    /// A plan refused because its cocktail's check blocks: the check says why (no plan, no
    /// calendar).
    Unplanned {
        catalog: &'c Catalog,
        report: CheckReport,
        zone: usize,
        patient: Patient,
    },
    Graph(&'c Catalog, petgraph::graph::UnGraph<Node, Link>),
}

impl Report<'_> {
    /// The exit code this report calls for (DESIGN §4): the verdict's, through the policy; a
    /// catalog that does not validate is bad input.
    pub fn exit(&self) -> Exit {
        match self {
            Report::Invalid(_) => Exit::Error,
            Report::Unplanned { .. } => Exit::Finding,
            Report::Check { report, policy, .. } => policy.exit(report.verdict),
            Report::Formulation {
                formulation,
                policy,
                ..
            } => policy.exit(formulation.verdict),
            _ => Exit::Success,
        }
    }
}

/// Validates catalog text (`validate`): every problem, or the catalog.
pub fn validate(text: &str, origin: &str) -> Report<'static> {
    match catalog::load(text, origin) {
        Ok(valid) => Report::Valid(Box::new(valid)),
        Err(problems) => Report::Invalid(Box::new(problems)),
    }
}

/// Answers a request with the core. `catalog` is the catalog its names were resolved against.
pub fn answer(catalog: &Catalog, request: Request) -> Result<Report<'_>, Error> {
    Ok(match request {
        Request::List(listing) => Report::List(catalog, listing),
        Request::Check { request, policy } => {
            let report = check::check(catalog, &request).map_err(check_error)?;
            Report::Check {
                catalog,
                report,
                zone: request.zone,
                patient: request.patient,
                policy,
            }
        }
        Request::Explain { a, b } => {
            if a == b {
                return Err(Usage::ExplainSame {
                    id: catalog.ingredients()[a].id.to_string(),
                }
                .into());
            }
            Report::Explain {
                catalog,
                a,
                b,
                resolution: compat::resolve(catalog, a, b),
            }
        }
        Request::Formulate {
            request,
            plan,
            policy,
        } => {
            let formulation = formulate(catalog, &request)?;
            let plan = plan
                .map(|spec| {
                    formulation
                        .cocktail
                        .as_ref()
                        .map(|c| make_plan(catalog, &spec, c.ingredients.clone()))
                        .transpose()
                })
                .transpose()?;
            Report::Formulation {
                catalog,
                request,
                formulation,
                plan,
                policy,
            }
        }
        Request::Plan {
            cocktail,
            spec,
            patient,
        } => {
            let patient_weight = patient.weight.map(crate::dose::Weight::kg);
            let (ingredients, from, amounts) = match cocktail {
                PlanCocktail::Given(mix) => (mix.ingredients, mix.from, mix.amounts),
                PlanCocktail::Formulated(request) => {
                    let formulation = formulate(catalog, &request)?;
                    match &formulation.cocktail {
                        Some(c) => (c.ingredients.clone(), BTreeMap::new(), Vec::new()),
                        // Nothing to plan: the formulation says why.
                        None => {
                            return Ok(Report::Formulation {
                                catalog,
                                request: *request,
                                formulation,
                                plan: Some(None),
                                policy: ExitPolicy::default(),
                            });
                        }
                    }
                }
            };
            if !ingredients.is_empty() {
                let request = CheckRequest {
                    mix: ingredients.clone(),
                    zone: Some(spec.zone),
                    patient,
                    max_components: check::DEFAULT_MAX_COMPONENTS,
                    from,
                    amounts: amounts.clone(),
                };
                let report = check::check(catalog, &request).map_err(check_error)?;
                if !matches!(report.verdict, Verdict::Compatible | Verdict::Caution) {
                    return Ok(Report::Unplanned {
                        catalog,
                        report,
                        zone: spec.zone,
                        patient: request.patient,
                    });
                }
            }
            let weight = patient_weight;
            let mut plan = make_plan(catalog, &spec, ingredients)?;
            if !amounts.is_empty() {
                // The course's totals: the same amounts at every session.
                let sessions = u32::try_from(plan.sessions.len()).unwrap_or(u32::MAX);
                plan.doses = Some(crate::dose::doses(catalog, &amounts, weight, sessions));
            }
            Report::Plan(catalog, plan)
        }
        Request::Graph(request) => Report::Graph(catalog, crate::graph::build(catalog, &request)),
    })
}

/// A mix `check` cannot judge (empty; the resolver already refuses an ingredient listed twice).
fn check_error(e: check::CheckError) -> Error {
    match e {
        check::CheckError::Empty | check::CheckError::Duplicate { .. } => {
            Error::Usage(Usage::AtLeastOne {
                field: crate::error::Field::Ingredients,
            })
        }
    }
}

/// Formulates, turning a request the core cannot answer into a usage error.
pub fn formulate(catalog: &Catalog, request: &FormulateRequest) -> Result<Formulation, Error> {
    formulate::formulate(catalog, request).map_err(|e| formulate_error(catalog, request, &e))
}

/// A formulation request that cannot be answered, as a usage error naming what is wrong.
fn formulate_error(catalog: &Catalog, request: &FormulateRequest, e: &FormulateError) -> Error {
    let id = |i: usize| catalog.ingredients()[i].id.to_string();
    Error::Usage(match *e {
        FormulateError::NoGoals => Usage::NoGoals,
        FormulateError::NoRoom => Usage::AtLeastOne {
            field: crate::error::Field::MaxComponents,
        },
        FormulateError::DuplicateGoal { goal } => Usage::GoalTwice {
            id: catalog.goals()[goal].id.to_string(),
        },
        FormulateError::RequiredRuledOut { ingredient } => {
            return Error::RuledOut {
                ingredient,
                reasons: formulate::exclusion_reasons(catalog, ingredient, request),
            };
        }
        FormulateError::RequiredConflict { a, b, rating } => Usage::RequiredConflict {
            a: id(a),
            b: id(b),
            rating,
        },
        FormulateError::TooManyRequired { required, max } => {
            Usage::TooManyRequired { required, max }
        }
        FormulateError::RequiredExcluded { ingredient } => {
            Usage::RequiredExcluded { id: id(ingredient) }
        }
    })
}

/// Plans a course for a cocktail.
fn make_plan(catalog: &Catalog, spec: &PlanSpec, ingredients: Vec<usize>) -> Result<Plan, Error> {
    let request = PlanRequest {
        zone: spec.zone,
        ingredients,
        start: spec.start,
        sessions: spec.sessions,
        today: spec.today,
    };
    plan::plan(catalog, &request).map_err(|e| {
        Error::Usage(match e {
            PlanError::TooManySessions { asked, limit } => Usage::TooManySessions {
                asked,
                by: match limit.set_by {
                    RuleSource::Zone { zone } => {
                        LimitOwner::Zone(catalog.zones()[zone].id.to_string())
                    }
                    RuleSource::Ingredient { ingredient } => {
                        LimitOwner::Ingredient(catalog.ingredients()[ingredient].id.to_string())
                    }
                    RuleSource::Requested => LimitOwner::Request,
                },
                limit: limit.value,
                sources: limit.sources.clone(),
            },
            PlanError::NoSessions => Usage::AtLeastOne {
                field: crate::error::Field::Sessions,
            },
            PlanError::OutOfRange => Usage::PlanOutOfRange,
        })
    })
}
