//! The `formulate` document (table and Markdown): the cocktail and each ingredient's role,
//! coverage, what is left out and why, alternatives, and the cocktail's own check.

use super::reasons::{exclusion_kind, exclusion_text, not_chosen_text, uncovered_text};
use crate::catalog::Catalog;
use crate::check::Verdict;
use crate::formulate::{Cocktail, FormulateRequest, Formulation};
use crate::render::check::{check_doc, mix_picture};
use crate::render::doc::{Block, Doc, Styled, Tone};
use crate::render::lang::{self, Lang, Msg, header};
use crate::render::vocab::{
    finding_note, finding_subject, goal_id, id, id_list, patient_line, severity_tone, verdict_cell,
    verdict_tone,
};

/// The `formulate` document. A patient who must postpone or is refused gets the findings and
/// that verdict only.
pub fn formulation_doc(
    catalog: &Catalog,
    request: &FormulateRequest,
    f: &Formulation,
    lang: Lang,
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
            roles_table(&mut doc, catalog, c, lang);
        }
        None => {
            doc.paragraph(Styled::new(Msg::NoCocktail.get(lang), Tone::Bad));
        }
    }
    if let Some(c) = f.cocktail.as_ref().filter(|c| c.ingredients.len() > 1) {
        doc.blocks.push(Block::Fenced {
            info: "mermaid".into(),
            text: mix_picture(catalog, &c.ingredients, lang),
        });
    }
    coverage_table(&mut doc, catalog, request, f, lang);
    uncovered_list(&mut doc, catalog, f, lang);
    second_syringe(&mut doc, catalog, f, lang);
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
    }
    doc.fields(fields);
    doc
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

/// One row per ingredient: what it is, its class, the goals it covers best, and their sources.
fn roles_table(doc: &mut Doc, catalog: &Catalog, c: &Cocktail, lang: Lang) {
    let rows = c
        .ingredients
        .iter()
        .map(|&i| {
            let ing = &catalog.ingredients()[i];
            let covered = c.coverage.iter().filter(|cov| cov.by == Some(i));
            let covers: Vec<String> = covered
                .clone()
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
            let mut sources: Vec<String> = covered
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
    let columns = [Msg::Ingredient, Msg::Class, Msg::Role, Msg::Sources];
    doc.table(header(&columns, lang), rows);
}

fn coverage_table(
    doc: &mut Doc,
    catalog: &Catalog,
    request: &FormulateRequest,
    f: &Formulation,
    lang: Lang,
) {
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
    let columns = [
        Msg::Goal,
        Msg::Weight,
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

fn second_syringe(doc: &mut Doc, catalog: &Catalog, f: &Formulation, lang: Lang) {
    let Some(second) = &f.second else {
        return;
    };
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
            lang::verdict(verdict, lang)
        ),
        verdict_tone(verdict),
    ));
    roles_table(doc, catalog, second, lang);
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
                Styled::from(c.score.coverage.to_string()),
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
    let check = check_doc(catalog, report, request.zone, &request.patient, lang);
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
