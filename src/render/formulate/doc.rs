//! The `formulate` document (table and Markdown): the cocktail and each ingredient's role,
//! coverage by goal and action, what is left out and why, the two-syringe plan, published
//! regimens, alternatives, and the cocktail's own check.

use std::collections::BTreeMap;

use super::reasons::{
    exclusion_kind, exclusion_text, not_chosen_text, regimen_reasons, uncovered_text,
};
use crate::catalog::model::Evidence;
use crate::catalog::{Catalog, Item};
use crate::check::Verdict;
use crate::formulate::{Cocktail, FormulateRequest, Formulation, RegimenMatch};
use crate::render::check::{check_doc, mix_picture};
use crate::render::doc::{Block, Doc, Styled, Tone};
use crate::render::lang::{self, Lang, Msg, fill, header};
use crate::render::vocab::{
    action_name, finding_note, finding_subject, id, id_list, out_of_three, patient_line,
    severity_tone, verdict_cell, verdict_tone,
};

/// The `formulate` document, with the cocktail as a picture when `pictures` (Markdown shows it,
/// a terminal does not). A patient who must postpone or is refused gets the findings and that
/// verdict only.
pub fn formulation_doc(
    catalog: &Catalog,
    request: &FormulateRequest,
    f: &Formulation,
    lang: Lang,
    pictures: bool,
) -> Doc {
    let mut doc = title_and_fields(catalog, request, f, lang);
    session_findings(&mut doc, catalog, f, lang);
    if f.verdict >= Verdict::Postpone {
        let sentence = if f.verdict == Verdict::Refused {
            Msg::VerdictRefused
        } else {
            Msg::VerdictPostpone
        };
        doc.paragraph(Styled::new(sentence.get(lang), Tone::Bad));
        doc.paragraph(Styled::new(Msg::Disclaimer.get(lang), Tone::Muted));
        return doc;
    }
    match &f.cocktail {
        Some(c) => {
            doc.heading(Msg::CocktailTitle.get(lang));
            roles_table(&mut doc, catalog, request, c, lang);
        }
        None => {
            doc.paragraph(Styled::new(Msg::NoCocktail.get(lang), Tone::Bad));
        }
    }
    if let Some(c) = f
        .cocktail
        .as_ref()
        .filter(|c| pictures && c.ingredients.len() > 1)
    {
        doc.blocks.push(Block::Fenced {
            info: "mermaid".into(),
            text: mix_picture(catalog, &c.ingredients, lang),
        });
    }
    coverage_table(&mut doc, catalog, request, f.cocktail.as_ref(), lang);
    uncovered_list(&mut doc, catalog, f, lang);
    two_syringes(&mut doc, catalog, request, f, lang);
    regimens_table(&mut doc, catalog, f, lang);
    alternatives_table(&mut doc, catalog, f, lang);
    embedded_check(&mut doc, catalog, request, f, lang);
    not_chosen_table(&mut doc, catalog, f, lang);
    excluded_table(&mut doc, catalog, f, lang);
    doc.paragraph(Styled::new(Msg::Disclaimer.get(lang), Tone::Muted));
    doc
}

fn cocktail_line(catalog: &Catalog, c: &Cocktail) -> String {
    id_list(catalog, &c.ingredients, " + ")
}

/// The title (the goals and their weights) and the fields: verdict, zone, patient, cocktail.
fn title_and_fields(
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
        verdict_cell(f.verdict, lang),
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
            Styled::from(patient_line(catalog, &request.patient, lang)),
        ));
    }
    if let Some(c) = &f.cocktail {
        fields.push((
            Msg::Cocktail.get(lang).to_owned(),
            Styled::new(cocktail_line(catalog, c), Tone::Plain),
        ));
        fields.push((
            Msg::CoverageScore.get(lang).to_owned(),
            Styled::from(out_of_three(c.value(), lang)),
        ));
        if let Some(line) = regimen_line(catalog, f, lang) {
            fields.push((
                Msg::Regimen.get(lang).to_owned(),
                Styled::new(line, Tone::Good),
            ));
        }
    }
    if !f.proven {
        fields.push((
            Msg::Search.get(lang).to_owned(),
            Styled::new(Msg::NotProven.get(lang), Tone::Warn),
        ));
    }
    doc.fields(fields);
    doc
}

/// "as used in a published regimen: NAME" when the cocktail matches or contains one.
fn regimen_line(catalog: &Catalog, f: &Formulation, lang: Lang) -> Option<String> {
    // An exact match before a containment, a one-syringe regimen before separate injections,
    // stronger evidence first; the first in catalog order on ties.
    let best = f
        .regimens
        .iter()
        .filter(|r| r.cocktail != RegimenMatch::None)
        .min_by_key(|r| {
            let regimen = &catalog.regimens()[r.regimen];
            (
                std::cmp::Reverse(r.cocktail),
                !regimen.one_syringe,
                std::cmp::Reverse(crate::catalog::evidence_rank(regimen.evidence)),
            )
        })?;
    let words = if best.cocktail == RegimenMatch::Matches {
        Msg::AsUsedIn
    } else {
        Msg::ContainsRegimen
    };
    Some(format!(
        "{}: {}",
        words.get(lang),
        lang.text(&catalog.regimens()[best.regimen].name)
    ))
}

fn session_findings(doc: &mut Doc, catalog: &Catalog, f: &Formulation, lang: Lang) {
    if f.session_findings.is_empty() {
        return;
    }
    doc.heading(Msg::Findings.get(lang));
    doc.list(
        f.session_findings
            .iter()
            .map(|x| {
                Styled::new(
                    format!(
                        "{}: {}",
                        finding_subject(catalog, x),
                        lang.text(&finding_note(catalog, x))
                    ),
                    severity_tone(x.severity),
                )
            })
            .collect(),
    );
}

/// One row per ingredient: what it is, its class, the actions it covers best (and for which
/// goals), the enabling actions it performs, and the sources of those claims.
fn roles_table(
    doc: &mut Doc,
    catalog: &Catalog,
    request: &FormulateRequest,
    c: &Cocktail,
    lang: Lang,
) {
    let zone = request.zone.map(|z| catalog.zones()[z].id.as_ref());
    let rows = c
        .ingredients
        .iter()
        .map(|&i| {
            let ing = &catalog.ingredients()[i];
            // Action → (efficacy, evidence, goals) for the actions this ingredient covers best.
            let mut covers: BTreeMap<usize, (u8, Option<Evidence>, Vec<String>)> = BTreeMap::new();
            for cov in &c.coverage {
                for ac in cov.actions.iter().filter(|a| a.by == Some(i)) {
                    let Some(a) = ac.action else { continue };
                    let entry = covers
                        .entry(a)
                        .or_insert((ac.efficacy, ac.evidence, Vec::new()));
                    entry
                        .2
                        .push(lang.text(&catalog.goals()[cov.goal].name).to_owned());
                }
            }
            let mut sources: Vec<String> = Vec::new();
            let mut role: Vec<String> = covers
                .iter()
                .map(|(&a, (eff, ev, goals))| {
                    if let Some(claim) = catalog.best_claim(
                        Item::Ingredient(i),
                        &[catalog.actions()[a].id.as_ref()],
                        zone,
                    ) {
                        sources.extend(claim.sources.iter().map(|s| s.to_string()));
                    }
                    format!(
                        "{} ({} {}, {}): {}",
                        action_name(catalog, a, lang),
                        Msg::Efficacy.get(lang),
                        eff,
                        ev.map_or(Msg::None_.get(lang), |e| lang::evidence(e, lang)),
                        goals.join(", ")
                    )
                })
                .collect();
            for claim in ing.actions.iter().filter(|x| {
                catalog
                    .actions()
                    .iter()
                    .any(|a| a.enabling && a.id == x.action)
            }) {
                if let Some(a) = catalog.action_index(&claim.action) {
                    role.push(format!(
                        "{} ({})",
                        action_name(catalog, a, lang),
                        Msg::Enabling.get(lang)
                    ));
                }
            }
            sources.sort();
            sources.dedup();
            vec![
                Styled::from(format!("{} \u{2014} {}", ing.id, lang.text(&ing.name))),
                Styled::from(lang.text(&catalog.classes()[catalog.class_of(i)].name)),
                Styled::from(if role.is_empty() {
                    Msg::Required.get(lang).to_owned()
                } else {
                    role.join("; ")
                }),
                Styled::from(sources.join(", ")),
            ]
        })
        .collect();
    let columns = [Msg::Ingredient, Msg::Class, Msg::Role, Msg::Sources];
    doc.table(header(&columns, lang), rows);
}

/// One row per requested goal action: the goal (with its coverage, on its first row), the
/// action and its share, what covers it, efficacy and evidence.
fn coverage_table(
    doc: &mut Doc,
    catalog: &Catalog,
    request: &FormulateRequest,
    cocktail: Option<&Cocktail>,
    lang: Lang,
) {
    doc.heading(Msg::CoverageTitle.get(lang));
    let mut rows = Vec::new();
    for gw in &request.goals {
        let goal = &catalog.goals()[gw.goal];
        let cov = cocktail.and_then(|c| c.coverage.iter().find(|x| x.goal == gw.goal));
        let total: u32 = goal.actions.iter().map(|a| a.share).sum();
        let value = cov.map_or(0.0, |c| c.value());
        let goal_cell = format!(
            "{} ({} {}; {})",
            lang.text(&goal.name),
            Msg::Weight.get(lang),
            gw.weight,
            out_of_three(value, lang)
        );
        if goal.actions.is_empty() {
            rows.push(vec![
                Styled::from(goal_cell),
                Styled::new(Msg::NoIngredientServes.get(lang), Tone::Bad),
                Styled::from(""),
                Styled::from(""),
                Styled::from(""),
                Styled::from(""),
            ]);
            continue;
        }
        for (e, ga) in goal.actions.iter().enumerate() {
            let ac = cov.map(|c| c.actions[e]);
            let covered = ac.is_some_and(|a| a.efficacy > 0);
            let action = catalog
                .action_index(&ga.action)
                .map_or(ga.action.to_string(), |a| {
                    action_name(catalog, a, lang).to_owned()
                });
            let via = ac
                .and_then(|a| a.action)
                .filter(|&a| catalog.actions()[a].id != ga.action)
                .map(|a| format!(" ({})", action_name(catalog, a, lang)))
                .unwrap_or_default();
            rows.push(vec![
                Styled::from(if e == 0 {
                    goal_cell.clone()
                } else {
                    String::new()
                }),
                Styled::from(action),
                Styled::from(format!("{}/{}", ga.share, total)),
                Styled::new(
                    ac.and_then(|a| a.by).map_or_else(
                        || Msg::NotCovered.get(lang).to_owned(),
                        |i| format!("{}{via}", id(catalog, i)),
                    ),
                    if covered { Tone::Good } else { Tone::Bad },
                ),
                Styled::from(ac.map_or(0, |a| a.efficacy).to_string()),
                Styled::from(
                    ac.and_then(|a| a.evidence)
                        .map_or(Msg::None_.get(lang), |e| lang::evidence(e, lang)),
                ),
            ]);
        }
    }
    let columns = [
        Msg::Goal,
        Msg::Action,
        Msg::Share,
        Msg::By,
        Msg::Efficacy,
        Msg::Evidence,
    ];
    doc.table(header(&columns, lang), rows);
}

fn uncovered_list(doc: &mut Doc, catalog: &Catalog, f: &Formulation, lang: Lang) {
    if f.uncovered.is_empty() {
        return;
    }
    doc.heading(Msg::UncoveredTitle.get(lang));
    doc.list(
        f.uncovered
            .iter()
            .map(|u| {
                let goal = &catalog.goals()[u.goal];
                let action = &goal.actions[u.entry].action;
                let action = catalog
                    .action_index(action)
                    .map_or(action.as_ref(), |a| action_name(catalog, a, lang));
                Styled::new(
                    format!(
                        "{} \u{2014} {}: {}",
                        lang.text(&goal.name),
                        action,
                        lang.text(&uncovered_text(catalog, &u.reason))
                    ),
                    Tone::Warn,
                )
            })
            .collect(),
    );
}

/// The two syringes of one session, when they cover more than one syringe: each with its
/// verdict and roles, and the coverage they give together.
fn two_syringes(
    doc: &mut Doc,
    catalog: &Catalog,
    request: &FormulateRequest,
    f: &Formulation,
    lang: Lang,
) {
    let Some(pair) = &f.two_syringes else {
        return;
    };
    doc.heading(Msg::TwoSyringesTitle.get(lang));
    let single = f.cocktail.as_ref().map_or(0.0, Cocktail::value);
    doc.paragraph(Styled::from(fill(
        Msg::TwoSyringesHint.get(lang),
        &[
            &crate::render::vocab::decimal(pair.value(), lang),
            &crate::render::vocab::decimal(single, lang),
        ],
    )));
    let lines = pair
        .syringes
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let verdict = f
                .two_syringe_checks
                .get(n)
                .map_or(Verdict::Unknown, |r| r.verdict);
            Styled::new(
                format!(
                    "{}: {} ({})",
                    fill(Msg::SyringeN.get(lang), &[&(n + 1)]),
                    id_list(catalog, s, " + "),
                    lang::verdict(verdict, lang)
                ),
                verdict_tone(verdict),
            )
        })
        .collect();
    doc.list(lines);
    roles_table(doc, catalog, request, pair, lang);
    coverage_table(doc, catalog, request, Some(pair), lang);
}

/// The published regimens for the requested goals: items, how they were given, evidence, the
/// verdict for this patient (and why, when it is not allowed), and the cocktail's relation.
fn regimens_table(doc: &mut Doc, catalog: &Catalog, f: &Formulation, lang: Lang) {
    if f.regimens.is_empty() {
        return;
    }
    doc.heading(Msg::RegimensTitle.get(lang));
    let rows = f
        .regimens
        .iter()
        .map(|r| {
            let regimen = &catalog.regimens()[r.regimen];
            let mut status = lang::verdict(r.verdict, lang).to_owned();
            let reasons = regimen_reasons(catalog, r);
            if !reasons.is_empty() {
                let words: Vec<&str> = reasons.iter().map(|t| lang.text(t)).collect();
                status = format!("{status}: {}", words.join("; "));
            }
            if !r.zone_matches {
                status = format!("{status} ({})", Msg::OtherZone.get(lang));
            }
            let relation = match (r.cocktail, r.two_syringes) {
                (RegimenMatch::Matches, _) | (_, RegimenMatch::Matches) => {
                    Msg::RegimenMatches.get(lang)
                }
                (RegimenMatch::Contains, _) | (_, RegimenMatch::Contains) => {
                    Msg::RegimenContained.get(lang)
                }
                _ => "\u{2014}",
            };
            vec![
                Styled::from(format!(
                    "{} \u{2014} {}",
                    lang.text(&regimen.name),
                    regimen.items.join(" + ")
                )),
                Styled::from(if regimen.one_syringe {
                    Msg::OneSyringe.get(lang)
                } else {
                    Msg::SeparateInjections.get(lang)
                }),
                Styled::from(format!(
                    "{}: {} ({})",
                    lang::evidence(regimen.evidence, lang),
                    lang.text(&regimen.outcome),
                    regimen.sources.join(", ")
                )),
                Styled::new(status, verdict_tone(r.verdict)),
                Styled::from(relation),
            ]
        })
        .collect();
    let columns = [
        Msg::Regimen,
        Msg::Mix,
        Msg::Evidence,
        Msg::ForThisPatient,
        Msg::Cocktail,
    ];
    doc.table(header(&columns, lang), rows);
    doc.paragraph(Styled::new(Msg::Precedent.get(lang), Tone::Muted));
}

fn alternatives_table(doc: &mut Doc, catalog: &Catalog, f: &Formulation, lang: Lang) {
    if f.alternatives.is_empty() {
        return;
    }
    doc.heading(Msg::AlternativeCocktails.get(lang));
    let rows = f
        .alternatives
        .iter()
        .enumerate()
        .map(|(n, c)| {
            vec![
                Styled::from((n + 2).to_string()),
                Styled::from(cocktail_line(catalog, c)),
                Styled::from(out_of_three(c.value(), lang)),
                Styled::from(c.score.cautions.to_string()),
                Styled::from(c.score.evidence.to_string()),
            ]
        })
        .collect();
    let columns = [
        Msg::Rank,
        Msg::Cocktail,
        Msg::CoverageScore,
        Msg::Cautions,
        Msg::EvidenceScore,
    ];
    doc.table(header(&columns, lang), rows);
}

/// The cocktail's own check: its verdict sentence, pairs, findings and suggestions, without
/// its title fields or disclaimer (this document has its own).
fn embedded_check(
    doc: &mut Doc,
    catalog: &Catalog,
    request: &FormulateRequest,
    f: &Formulation,
    lang: Lang,
) {
    let Some(report) = &f.check else {
        return;
    };
    // Without its picture: the cocktail's is above.
    let check = check_doc(catalog, report, request.zone, &request.patient, lang, false);
    doc.heading(format!(
        "{}: {}",
        Msg::CheckTitle.get(lang),
        lang::verdict(report.verdict, lang)
    ));
    let disclaimer = Msg::Disclaimer.get(lang);
    doc.blocks.extend(
        check
            .blocks
            .into_iter()
            .skip(1)
            .filter(|b| !matches!(b, Block::Paragraph(p) if p.text == disclaimer)),
    );
}

fn not_chosen_table(doc: &mut Doc, catalog: &Catalog, f: &Formulation, lang: Lang) {
    if f.not_chosen.is_empty() {
        return;
    }
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

/// Excluded ingredients, grouped by reason: status, zone, patient, user.
fn excluded_table(doc: &mut Doc, catalog: &Catalog, f: &Formulation, lang: Lang) {
    if f.excluded.is_empty() {
        return;
    }
    doc.heading(Msg::ExcludedTitle.get(lang));
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
                let group = match exclusion_kind(r) {
                    "condition" | "allergy" | "medication" | "patient" => "patient",
                    other => other,
                };
                if group == kind {
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
