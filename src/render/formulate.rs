//! `formulate` output: the cocktail with each ingredient's role, per-goal coverage, uncovered
//! goals with reasons, excluded ingredients grouped by reason, alternatives; as a document and as
//! JSON (`mesomix.formulation/1`).

use schemars::JsonSchema;
use serde::Serialize;

use super::check::{
    CheckJson, FindingJson, PatientJson, TextJson, check_value, finding_json, finding_note,
    patient_json, verdict_tone, verdict_word,
};
use super::doc::{Doc, Styled, Tone};
use super::json::CatalogRef;
use super::lang::{self, Lang, Msg, fill, header};
use crate::catalog::Catalog;
use crate::catalog::model::{Evidence, Text};
use crate::check::{FindingKind, Verdict};
use crate::compat::PairRating;
use crate::formulate::{
    Cocktail, Excluded, ExclusionReason, FormulateRequest, Formulation, NotChosenReason,
    UncoveredReason,
};

fn id(catalog: &Catalog, i: usize) -> &str {
    &catalog.ingredients()[i].id
}

fn goal_id(catalog: &Catalog, g: usize) -> &str {
    &catalog.goals()[g].id
}

fn each(make: &dyn Fn(Lang) -> String) -> Text {
    Text {
        en: make(Lang::En),
        ru: make(Lang::Ru),
    }
}

fn exclusion_kind(reason: &ExclusionReason) -> &'static str {
    match reason {
        ExclusionReason::Status => "status",
        ExclusionReason::Zone { .. } => "zone",
        ExclusionReason::Patient(f) => match f.kind {
            FindingKind::Contraindication { .. } => "condition",
            FindingKind::Allergy { .. } => "allergy",
            FindingKind::Interaction { .. } => "medication",
            _ => "patient",
        },
        ExclusionReason::ByUser => "excluded_by_user",
    }
}

/// The full note, filling in the status text the catalog gives.
pub fn exclusion_text(catalog: &Catalog, ingredient: usize, reason: &ExclusionReason) -> Text {
    let finding = |kind| crate::check::Finding {
        kind,
        severity: crate::check::Severity::Incompatible,
        evidence: None,
        sources: Vec::new(),
    };
    match reason {
        ExclusionReason::Status => {
            finding_note(catalog, &finding(FindingKind::Status { ingredient }))
        }
        ExclusionReason::Zone { zone } => finding_note(
            catalog,
            &finding(FindingKind::NotInZone {
                ingredient,
                zone: *zone,
            }),
        ),
        ExclusionReason::Patient(f) => finding_note(catalog, f),
        ExclusionReason::ByUser => each(&|l| Msg::ExcludedByUser.get(l).to_owned()),
    }
}

fn uncovered_text(catalog: &Catalog, reason: &UncoveredReason) -> Text {
    match reason {
        UncoveredReason::NoEligible { candidates } => each(&|l| {
            if candidates.is_empty() {
                Msg::NoIngredientServes.get(l).to_owned()
            } else {
                let list: Vec<String> = candidates
                    .iter()
                    .map(|e| {
                        let why: Vec<String> = e
                            .reasons
                            .iter()
                            .map(|r| l.text(&exclusion_text(catalog, e.ingredient, r)).to_owned())
                            .collect();
                        format!("{} ({})", id(catalog, e.ingredient), why.join("; "))
                    })
                    .collect();
                format!("{}: {}", Msg::NoEligibleServes.get(l), list.join(", "))
            }
        }),
        UncoveredReason::Conflicts { pairs } => each(&|l| {
            let list: Vec<String> = pairs
                .iter()
                .map(|(a, b, r)| {
                    format!(
                        "{} × {} ({})",
                        id(catalog, *a),
                        id(catalog, *b),
                        lang::pair_rating(*r, l)
                    )
                })
                .collect();
            format!(
                "{}: {}",
                Msg::EveryCandidateConflicts.get(l),
                list.join(", ")
            )
        }),
        UncoveredReason::NoRoom { candidates } => each(&|l| {
            let list: Vec<&str> = candidates.iter().map(|&c| id(catalog, c)).collect();
            format!("{}: {}", Msg::NoRoomFor.get(l), list.join(", "))
        }),
    }
}

fn not_chosen_text(catalog: &Catalog, reason: &NotChosenReason) -> Text {
    match *reason {
        NotChosenReason::Conflicts { with, rating } => each(&|l| {
            fill(
                Msg::ConflictsWith.get(l),
                &[&id(catalog, with), &lang::pair_rating(rating, l)],
            )
        }),
        NotChosenReason::NoRoom => each(&|l| Msg::NoRoomLeft.get(l).to_owned()),
        NotChosenReason::AddsNothing => each(&|l| Msg::AddsNothing.get(l).to_owned()),
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

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
    pub plan: Option<super::plan::PlanJson<'c>>,
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
    pub reason: TextJson,
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
    pub reason: TextJson,
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct NotChosenJson<'c> {
    pub ingredient: &'c str,
    /// `conflicts`, `no_room` or `adds_nothing`.
    pub kind: &'static str,
    pub with: Option<&'c str>,
    pub rating: Option<PairRating>,
    pub reason: TextJson,
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
                reason: exclusion_text(catalog, e.ingredient, r).into(),
                sources: match r {
                    ExclusionReason::Patient(f) => f.sources.clone(),
                    ExclusionReason::Status => match &catalog.ingredients()[e.ingredient].status {
                        crate::catalog::model::Status::Available => Vec::new(),
                        crate::catalog::model::Status::Withdrawn { sources, .. }
                        | crate::catalog::model::Status::NotInjectable { sources, .. }
                        | crate::catalog::model::Status::Unapproved { sources, .. } => {
                            sources.clone()
                        }
                    },
                    ExclusionReason::Zone { .. } => catalog.ingredients()[e.ingredient]
                        .zone_note
                        .as_ref()
                        .map_or_else(Vec::new, |n| n.sources.clone()),
                    ExclusionReason::ByUser => Vec::new(),
                },
            })
            .collect(),
    }
}

pub fn formulation_value<'c>(
    catalog: &'c Catalog,
    request: &FormulateRequest,
    f: &Formulation,
) -> FormulationJson<'c> {
    let ids = |list: &[usize]| list.iter().map(|&i| id(catalog, i)).collect::<Vec<_>>();
    let coverage = match &f.cocktail {
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
    };
    FormulationJson {
        schema: "mesomix.formulation/1",
        catalog: CatalogRef::of(catalog),
        request: RequestJson {
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
            require: ids(&request.require),
            exclude: ids(&request.exclude),
            allow_caution: request.allow_caution,
            alternatives: request.alternatives,
        },
        verdict: f.verdict,
        session_findings: f
            .session_findings
            .iter()
            .map(|x| finding_json(catalog, x))
            .collect(),
        cocktail: f.cocktail.as_ref().map(|c| cocktail_json(catalog, c)),
        coverage,
        uncovered: f
            .uncovered
            .iter()
            .map(|u| UncoveredJson {
                goal: goal_id(catalog, u.goal),
                kind: match u.reason {
                    UncoveredReason::NoEligible { .. } => "no_eligible_ingredient",
                    UncoveredReason::Conflicts { .. } => "conflicts",
                    UncoveredReason::NoRoom { .. } => "no_room",
                },
                reason: uncovered_text(catalog, &u.reason).into(),
            })
            .collect(),
        excluded: f
            .excluded
            .iter()
            .map(|e| excluded_json(catalog, e))
            .collect(),
        not_chosen: f
            .not_chosen
            .iter()
            .map(|n| {
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
                    reason: not_chosen_text(catalog, &n.reason).into(),
                }
            })
            .collect(),
        alternatives: f
            .alternatives
            .iter()
            .map(|c| cocktail_json(catalog, c))
            .collect(),
        second_syringe: f.second.as_ref().map(|c| cocktail_json(catalog, c)),
        check: f
            .check
            .as_ref()
            .map(|r| check_value(catalog, r, request.zone, &request.patient)),
        second_syringe_check: f
            .second_check
            .as_ref()
            .map(|r| check_value(catalog, r, request.zone, &request.patient)),
        plan: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Document

fn cocktail_line(catalog: &Catalog, c: &Cocktail) -> String {
    c.ingredients
        .iter()
        .map(|&i| id(catalog, i))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn roles_table(doc: &mut Doc, catalog: &Catalog, c: &Cocktail, lang: Lang) {
    let rows = c
        .ingredients
        .iter()
        .map(|&i| {
            let ing = &catalog.ingredients()[i];
            let covers: Vec<String> = c
                .coverage
                .iter()
                .filter(|cov| cov.by == Some(i))
                .map(|cov| {
                    format!(
                        "{} ({} {}, {})",
                        lang.text(&catalog.goals()[cov.goal].name),
                        Msg::Efficacy.get(lang),
                        cov.efficacy,
                        cov.evidence
                            .map_or(Msg::None_.get(lang), |e| lang::evidence(e, lang))
                    )
                })
                .collect();
            let mut sources: Vec<String> = c
                .coverage
                .iter()
                .filter(|cov| cov.by == Some(i))
                .flat_map(|cov| {
                    ing.goals
                        .iter()
                        .filter(|g| g.goal == goal_id(catalog, cov.goal))
                        .flat_map(|g| g.sources.iter().cloned())
                })
                .collect();
            sources.sort();
            sources.dedup();
            vec![
                Styled::from(format!("{} \u{2014} {}", ing.id, lang.text(&ing.name))),
                Styled::from(lang.text(&catalog.classes()[catalog.class_of(i)].name)),
                Styled::from(if covers.is_empty() {
                    Msg::Required.get(lang).to_owned()
                } else {
                    covers.join("; ")
                }),
                Styled::from(sources.join(", ")),
            ]
        })
        .collect();
    doc.table(
        header(
            &[Msg::Ingredient, Msg::Class, Msg::Role, Msg::Sources],
            lang,
        ),
        rows,
    );
}

pub fn formulation_doc(
    catalog: &Catalog,
    request: &FormulateRequest,
    f: &Formulation,
    lang: Lang,
) -> Doc {
    let goals: Vec<String> = request
        .goals
        .iter()
        .map(|gw| {
            format!(
                "{} ({} {})",
                lang.text(&catalog.goals()[gw.goal].name),
                Msg::Weight.get(lang),
                gw.weight
            )
        })
        .collect();
    let mut doc = Doc::new(format!(
        "{}: {}",
        Msg::FormulationTitle.get(lang),
        goals.join(", ")
    ));
    let mut fields = vec![(
        Msg::Verdict.get(lang).to_owned(),
        Styled::new(
            verdict_word(f.verdict, lang).to_uppercase(),
            verdict_tone(f.verdict),
        ),
    )];
    if let Some(z) = request.zone {
        fields.push((
            Msg::Zone.get(lang).to_owned(),
            Styled::from(lang.text(&catalog.zones()[z].name)),
        ));
    }
    if !request.patient.is_empty() {
        fields.push((
            Msg::Patient.get(lang).to_owned(),
            Styled::from(super::check::patient_line(catalog, &request.patient, lang)),
        ));
    }
    if let Some(c) = &f.cocktail {
        fields.push((
            Msg::Cocktail.get(lang).to_owned(),
            Styled::new(cocktail_line(catalog, c), Tone::Plain),
        ));
    }
    doc.fields(fields);

    if !f.session_findings.is_empty() {
        doc.heading(Msg::Findings.get(lang));
        doc.list(
            f.session_findings
                .iter()
                .map(|x| {
                    Styled::new(
                        format!(
                            "{}: {}",
                            super::check::finding_subject(catalog, x),
                            lang.text(&finding_note(catalog, x))
                        ),
                        x.severity.verdict().map_or(Tone::Plain, verdict_tone),
                    )
                })
                .collect(),
        );
    }
    if f.verdict >= Verdict::Postpone {
        doc.paragraph(Styled::new(
            if f.verdict == Verdict::Refused {
                Msg::VerdictRefused.get(lang)
            } else {
                Msg::VerdictPostpone.get(lang)
            },
            Tone::Bad,
        ));
        doc.paragraph(Styled::new(Msg::Disclaimer.get(lang), Tone::Muted));
        return doc;
    }

    match &f.cocktail {
        Some(c) => {
            doc.heading(Msg::CocktailTitle.get(lang));
            roles_table(&mut doc, catalog, c, lang);
        }
        None => {
            doc.paragraph(Styled::new(Msg::NoCocktail.get(lang), Tone::Bad));
        }
    }
    if let Some(c) = f.cocktail.as_ref().filter(|c| c.ingredients.len() > 1) {
        doc.blocks.push(super::doc::Block::Fenced {
            info: "mermaid".into(),
            text: super::check::mix_picture(catalog, &c.ingredients, lang),
        });
    }

    doc.heading(Msg::CoverageTitle.get(lang));
    let rows = request
        .goals
        .iter()
        .map(|gw| {
            let cov = f
                .cocktail
                .as_ref()
                .and_then(|c| c.coverage.iter().find(|x| x.goal == gw.goal));
            let covered = cov.is_some_and(|c| c.efficacy > 0);
            vec![
                Styled::from(lang.text(&catalog.goals()[gw.goal].name)),
                Styled::from(gw.weight.to_string()),
                Styled::new(
                    cov.and_then(|c| c.by).map_or_else(
                        || Msg::NotCovered.get(lang).to_owned(),
                        |i| id(catalog, i).to_owned(),
                    ),
                    if covered { Tone::Good } else { Tone::Bad },
                ),
                Styled::from(cov.map_or(0, |c| c.efficacy).to_string()),
                Styled::from(
                    cov.and_then(|c| c.evidence)
                        .map_or(Msg::None_.get(lang), |e| lang::evidence(e, lang)),
                ),
            ]
        })
        .collect();
    doc.table(
        header(
            &[
                Msg::Goal,
                Msg::Weight,
                Msg::By,
                Msg::Efficacy,
                Msg::Evidence,
            ],
            lang,
        ),
        rows,
    );

    if !f.uncovered.is_empty() {
        doc.heading(Msg::UncoveredTitle.get(lang));
        doc.list(
            f.uncovered
                .iter()
                .map(|u| {
                    Styled::new(
                        format!(
                            "{}: {}",
                            lang.text(&catalog.goals()[u.goal].name),
                            lang.text(&uncovered_text(catalog, &u.reason))
                        ),
                        Tone::Warn,
                    )
                })
                .collect(),
        );
    }
    if let Some(second) = &f.second {
        doc.heading(Msg::SecondSyringeTitle.get(lang));
        let verdict = f
            .second_check
            .as_ref()
            .map_or(Verdict::Unknown, |r| r.verdict);
        doc.paragraph(Styled::new(
            format!(
                "{}: {} ({})",
                Msg::SecondSyringeHint.get(lang),
                cocktail_line(catalog, second),
                verdict_word(verdict, lang)
            ),
            verdict_tone(verdict),
        ));
        roles_table(&mut doc, catalog, second, lang);
    }
    if !f.alternatives.is_empty() {
        doc.heading(Msg::AlternativeCocktails.get(lang));
        let rows = f
            .alternatives
            .iter()
            .enumerate()
            .map(|(n, c)| {
                vec![
                    Styled::from((n + 2).to_string()),
                    Styled::from(cocktail_line(catalog, c)),
                    Styled::from(c.score.coverage.to_string()),
                    Styled::from(c.score.cautions.to_string()),
                    Styled::from(c.score.evidence.to_string()),
                ]
            })
            .collect();
        doc.table(
            header(
                &[
                    Msg::Rank,
                    Msg::Cocktail,
                    Msg::CoverageScore,
                    Msg::Cautions,
                    Msg::EvidenceScore,
                ],
                lang,
            ),
            rows,
        );
    }
    if let Some(report) = &f.check {
        let check_doc =
            super::check::check_doc(catalog, report, request.zone, &request.patient, lang);
        doc.heading(format!(
            "{}: {}",
            Msg::CheckTitle.get(lang),
            verdict_word(report.verdict, lang)
        ));
        // The cocktail's own check: its verdict sentence, pairs, findings and suggestions,
        // without its title fields or disclaimer (this document has its own).
        let disclaimer = Msg::Disclaimer.get(lang);
        doc.blocks.extend(
            check_doc
                .blocks
                .into_iter()
                .skip(1)
                .filter(|b| !matches!(b, super::doc::Block::Paragraph(p) if p.text == disclaimer)),
        );
    }
    if !f.not_chosen.is_empty() {
        doc.heading(Msg::NotChosenTitle.get(lang));
        let rows = f
            .not_chosen
            .iter()
            .map(|n| {
                vec![
                    Styled::from(id(catalog, n.ingredient)),
                    Styled::from(lang.text(&not_chosen_text(catalog, &n.reason)).to_owned()),
                ]
            })
            .collect();
        doc.table(header(&[Msg::Ingredient, Msg::Reason], lang), rows);
    }
    if !f.excluded.is_empty() {
        doc.heading(Msg::ExcludedTitle.get(lang));
        // Grouped by reason: status, zone, patient, user.
        let groups: [(&str, Msg); 4] = [
            ("status", Msg::GroupStatus),
            ("zone", Msg::GroupZone),
            ("patient", Msg::GroupPatient),
            ("excluded_by_user", Msg::GroupUser),
        ];
        let mut rows = Vec::new();
        for (kind, title) in groups {
            for e in &f.excluded {
                for r in &e.reasons {
                    let k = match exclusion_kind(r) {
                        "condition" | "allergy" | "medication" | "patient" => "patient",
                        other => other,
                    };
                    if k == kind {
                        rows.push(vec![
                            Styled::from(title.get(lang)),
                            Styled::from(id(catalog, e.ingredient)),
                            Styled::from(
                                lang.text(&exclusion_text(catalog, e.ingredient, r))
                                    .to_owned(),
                            ),
                        ]);
                    }
                }
            }
        }
        doc.table(
            header(&[Msg::Reason, Msg::Ingredient, Msg::Note], lang),
            rows,
        );
    }
    doc.paragraph(Styled::new(Msg::Disclaimer.get(lang), Tone::Muted));
    doc
}
