//! `check` output: the verdict first, then pairs worst-first, findings and suggestions; as a
//! document (table, Markdown) and as JSON (`mesomix.check/3`, with its JSON Schema).
//!
//! `explain` has its own module; its entry points are re-exported here, where callers have
//! always found them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

pub use super::explain::{explain_doc, explain_json};

use super::doc::{Block, Doc, Styled, Tone};
use super::json::{CatalogRef, TextSchema, to_string};
use super::lang::{self, Lang, Msg, fill, header};
use super::vocab::{
    ClaimJson, allergen_id, claim_line, claims_json, finding_ingredient, finding_kind,
    finding_note, finding_subject, goal_ids, id, ids, item_label, pair_evidence, pair_mechanism,
    pair_note, pair_sources, patient_line, severity_tone, tone, verdict_cell, verdict_tone,
};
use crate::catalog::Catalog;
use crate::catalog::model::{Evidence, Mechanism, Text};
use crate::check::{CheckReport, Finding, NoneApprovable, Pair, Severity, Suggestions, Verdict};
use crate::compat::{PairRating, Via, resolve_items};
use crate::patient::Patient;

// ---------------------------------------------------------------------------------------------
// JSON
//
// These types are the JSON Schema that `mesomix schema check` prints: a `///` comment on one
// of them is part of that output.

/// `mesomix check --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CheckJson<'c> {
    /// Always `mesomix.check/3`.
    pub schema: &'static str,
    pub catalog: CatalogRef<'c>,
    pub verdict: Verdict,
    /// Ingredient ids, sorted.
    pub mix: Vec<&'c str>,
    pub zone: Option<&'c str>,
    pub patient: PatientJson<'c>,
    /// Every pair, worst first.
    pub pairs: Vec<PairJson<'c>>,
    /// Mix-level and patient-level findings, worst first.
    pub findings: Vec<FindingJson>,
    pub suggestions: SuggestionsJson<'c>,
    /// The doses, when the mix carries amounts (`NAME:VOLUME@STRENGTH`).
    pub doses: Option<super::dose::DosesJson<'c>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PatientJson<'c> {
    pub conditions: Vec<&'c str>,
    pub medications: Vec<&'c str>,
    /// Allergens as `ingredient:ID`, `class:ID` or `condition:ID`.
    pub allergies: Vec<String>,
    /// Relative contraindications the prescriber has cleared, as `condition:ID` or
    /// `medication:ID`.
    pub cleared: Vec<String>,
    /// Body weight in kilograms, when given.
    pub weight_kg: Option<f64>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PairJson<'c> {
    pub a: String,
    pub b: String,
    /// The product `a` came in, when it came in one.
    pub a_product: Option<&'c str>,
    /// The product `b` came in, when it came in one.
    pub b_product: Option<&'c str>,
    pub rating: PairRating,
    pub via: Via,
    pub mechanism: Option<Mechanism>,
    #[schemars(with = "TextSchema")]
    pub note: Text,
    /// Evidence grade; `null` for a pair with no data.
    pub evidence: Option<Evidence>,
    pub sources: Vec<String>,
    /// When the deciding claim holds, if not always ("mixed just before use").
    #[schemars(with = "Option<TextSchema>")]
    pub condition: Option<Text>,
    /// Claims on the pair that rate it otherwise than the deciding one (DESIGN §2): kept and
    /// shown, never silently dropped.
    pub conflicting: Vec<ClaimJson<'c>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct FindingJson {
    /// `status`, `solo`, `too_many_components`, `session_limit`, `not_in_zone`, `condition`,
    /// `contraindication`, `allergy`, `medication` or `interaction`.
    pub kind: &'static str,
    /// An ingredient, condition or medication id, or `mix`.
    pub subject: String,
    /// `info` findings are there to be read and do not change the verdict.
    pub rating: Severity,
    #[schemars(with = "TextSchema")]
    pub note: Text,
    pub evidence: Option<Evidence>,
    pub sources: Vec<String>,
    /// The substance inside `subject` the finding is about (a component such as lidocaine in
    /// a skin booster), when it is not `subject` itself.
    #[schemars(with = "Option<TextSchema>")]
    pub component: Option<Text>,
    /// The product the ingredient `subject` came in, when the finding is about an active of a
    /// branded product in the mix.
    pub product: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct SuggestionsJson<'c> {
    /// Every smallest set of ingredients whose removal leaves a mix that, checked again with
    /// the same zone and patient, is `compatible` or `caution`; each set holds every
    /// ingredient of `blocked_alone`.
    pub remove: Vec<Vec<&'c str>>,
    /// The fewest syringes for the ingredients not in `blocked_alone`, in which no pair is
    /// incompatible or unknown; each, checked again with the same zone and patient, is
    /// `compatible` or `caution`. A single syringe when only `blocked_alone` had to go.
    pub split: Vec<SyringeJson<'c>>,
    /// Whether `split` is proven minimal (exact search up to 12 ingredients); `false` when
    /// `split` is empty.
    pub split_exact: bool,
    /// Replacements for what a `remove` set takes out: the rest of the mix after the first
    /// `remove` set that takes `replaces` out, with the alternative added, is `compatible` or
    /// `caution` when checked again.
    pub alternatives: Vec<AlternativeJson<'c>>,
    /// Ingredients of the mix that no approvable syringe may hold for this patient and zone
    /// (not available, not for the zone, or ruled out for this patient: the findings about
    /// them say why); left out of every `split` syringe and every remaining mix.
    pub blocked_alone: Vec<&'c str>,
    /// Why no syringe made from the mix's ingredients is offered, when none can be approved
    /// (`remove` and `split` are then empty); `null` otherwise.
    pub none_approvable: Option<NoneApprovable>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct SyringeJson<'c> {
    pub ingredients: Vec<&'c str>,
    /// Goals the syringe still serves.
    pub goals: Vec<&'c str>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct AlternativeJson<'c> {
    pub replaces: &'c str,
    pub ingredient: &'c str,
    pub goals: Vec<&'c str>,
    /// Worst rating of the alternative with the rest of the mix.
    pub worst: PairRating,
}

/// The patient as JSON gives it: condition and medication ids, allergens by kind and id.
pub fn patient_json<'c>(catalog: &'c Catalog, patient: &Patient) -> PatientJson<'c> {
    PatientJson {
        conditions: patient
            .conditions
            .iter()
            .map(|&c| catalog.conditions()[c].id.as_ref())
            .collect(),
        medications: patient
            .medications
            .iter()
            .map(|&m| catalog.medications()[m].id.as_ref())
            .collect(),
        allergies: patient
            .allergies
            .iter()
            .map(|&a| allergen_id(catalog, a))
            .collect(),
        cleared: patient
            .cleared_conditions
            .iter()
            .map(|&c| format!("condition:{}", catalog.conditions()[c].id))
            .chain(
                patient
                    .cleared_medications
                    .iter()
                    .map(|&m| format!("medication:{}", catalog.medications()[m].id)),
            )
            .collect(),
        weight_kg: patient.weight.map(crate::dose::Weight::kg),
    }
}

/// One resolved pair as JSON.
pub fn pair_json<'c>(catalog: &'c Catalog, p: &Pair) -> PairJson<'c> {
    let resolution = resolve_items(catalog, (p.a, p.products[0]), (p.b, p.products[1]));
    let conflicting = claims_json(catalog, &resolution)
        .into_iter()
        .filter(|c| c.conflicts())
        .collect();
    let condition = p
        .decided_by
        .and_then(|at| at.get(catalog))
        .and_then(|c| c.condition.cloned());
    PairJson {
        a: id(catalog, p.a).to_owned(),
        b: id(catalog, p.b).to_owned(),
        a_product: p.products[0].map(|x| catalog.products()[x].id.as_ref()),
        b_product: p.products[1].map(|x| catalog.products()[x].id.as_ref()),
        rating: p.rating,
        via: p.via,
        mechanism: pair_mechanism(catalog, p),
        note: pair_note(catalog, p),
        evidence: pair_evidence(catalog, p),
        sources: pair_sources(catalog, p),
        condition,
        conflicting,
    }
}

/// One finding as JSON.
pub fn finding_json(catalog: &Catalog, f: &Finding) -> FindingJson {
    FindingJson {
        kind: finding_kind(f),
        subject: finding_subject(catalog, f),
        rating: f.severity,
        note: finding_note(catalog, f),
        evidence: f.evidence,
        sources: f.sources.clone(),
        component: f.component.map(|of| of.component(catalog).name.clone()),
        product: None,
    }
}

fn suggestions_json<'c>(catalog: &'c Catalog, s: &Suggestions) -> SuggestionsJson<'c> {
    SuggestionsJson {
        remove: s.remove.iter().map(|set| ids(catalog, set)).collect(),
        split: s
            .split
            .iter()
            .map(|syringe| SyringeJson {
                ingredients: ids(catalog, &syringe.ingredients),
                goals: goal_ids(catalog, &syringe.goals),
            })
            .collect(),
        split_exact: s.split_exact,
        alternatives: s
            .alternatives
            .iter()
            .map(|a| AlternativeJson {
                replaces: id(catalog, a.replaces),
                ingredient: id(catalog, a.ingredient),
                goals: goal_ids(catalog, &a.goals),
                worst: a.worst,
            })
            .collect(),
        blocked_alone: ids(catalog, &s.blocked_alone),
        none_approvable: s.none_approvable,
    }
}

/// The whole `check` report as a JSON value (also embedded in `formulate`'s JSON).
pub fn check_value<'c>(
    catalog: &'c Catalog,
    report: &CheckReport,
    zone: Option<usize>,
    patient: &Patient,
) -> CheckJson<'c> {
    CheckJson {
        schema: "mesomix.check/3",
        catalog: CatalogRef::of(catalog),
        verdict: report.verdict,
        mix: ids(catalog, &report.mix),
        zone: zone.map(|z| catalog.zones()[z].id.as_ref()),
        patient: patient_json(catalog, patient),
        pairs: report.pairs.iter().map(|p| pair_json(catalog, p)).collect(),
        findings: report
            .findings
            .iter()
            .map(|f| FindingJson {
                product: finding_ingredient(f)
                    .and_then(|i| report.from.get(&i))
                    .map(|&p| catalog.products()[p].id.to_string()),
                ..finding_json(catalog, f)
            })
            .collect(),
        suggestions: suggestions_json(catalog, &report.suggestions),
        doses: report
            .doses
            .as_ref()
            .map(|d| super::dose::doses_json(catalog, d)),
    }
}

/// `mesomix check --format json`, as text.
pub fn check_json(
    catalog: &Catalog,
    report: &CheckReport,
    zone: Option<usize>,
    patient: &Patient,
) -> String {
    to_string(&check_value(catalog, report, zone, patient))
}

// ---------------------------------------------------------------------------------------------
// Document (table and Markdown)

/// The `check` document: title and fields, the verdict sentence, pairs, findings,
/// suggestions, the mix as a picture when `pictures` (Markdown shows it, a terminal does not)
/// and the disclaimer.
pub fn check_doc(
    catalog: &Catalog,
    report: &CheckReport,
    zone: Option<usize>,
    patient: &Patient,
    lang: Lang,
    pictures: bool,
) -> Doc {
    // A product is named once, by its brand; a raw ingredient by its name.
    let mut names: Vec<&str> = Vec::new();
    for &i in &report.mix {
        let name = match report.from.get(&i) {
            Some(&p) => lang.text(&catalog.products()[p].name),
            None => lang.text(&catalog.ingredients()[i].name),
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let names = names.join(" + ");
    let mut doc = Doc::new(format!("{}: {names}", Msg::CheckTitle.get(lang)));
    let mut fields = vec![
        (
            Msg::Verdict.get(lang).to_owned(),
            verdict_cell(report.verdict, lang),
        ),
        (
            Msg::Mix.get(lang).to_owned(),
            Styled::from(
                report
                    .mix
                    .iter()
                    .map(|&i| item_label(catalog, i, report.from.get(&i).copied(), Lang::En))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ),
    ];
    if let Some(z) = zone {
        fields.push((
            Msg::Zone.get(lang).to_owned(),
            Styled::from(lang.text(&catalog.zones()[z].name)),
        ));
    }
    if !patient.is_empty() {
        fields.push((
            Msg::Patient.get(lang).to_owned(),
            Styled::from(patient_line(catalog, patient, lang)),
        ));
    }
    doc.fields(fields);
    doc.paragraph(Styled::new(
        lang::verdict_sentence(report.verdict, lang),
        verdict_tone(report.verdict),
    ));
    pairs_table(&mut doc, catalog, &report.pairs, lang);
    findings_table(&mut doc, catalog, &report.findings, &report.from, lang);
    if let Some(d) = &report.doses {
        super::dose::doses_section(&mut doc, catalog, d, lang);
    }
    suggestions(&mut doc, catalog, &report.suggestions, &report.from, lang);
    // The mix as a picture, for Markdown: a terminal does not show it, so it is not drawn there.
    if pictures && report.mix.len() > 1 {
        doc.blocks.push(Block::Fenced {
            info: "mermaid".into(),
            text: mix_picture(catalog, &report.mix, lang),
        });
    }
    doc.paragraph(Styled::new(Msg::Disclaimer.get(lang), Tone::Muted));
    doc
}

fn pairs_table(doc: &mut Doc, catalog: &Catalog, pairs: &[Pair], lang: Lang) {
    if pairs.is_empty() {
        return;
    }
    doc.heading(Msg::PairsWorstFirst.get(lang));
    let none = Msg::None_.get(lang);
    let rows = pairs
        .iter()
        .map(|p| {
            vec![
                Styled::from(format!(
                    "{} × {}",
                    item_label(catalog, p.a, p.products[0], Lang::En),
                    item_label(catalog, p.b, p.products[1], Lang::En)
                )),
                Styled::new(lang::pair_rating(p.rating, lang), tone(p.rating)),
                Styled::from(lang::via(p.via, lang)),
                Styled::from(pair_mechanism(catalog, p).map_or(none, |m| lang::mechanism(m, lang))),
                Styled::from(pair_evidence(catalog, p).map_or(none, |e| lang::evidence(e, lang))),
                Styled::from(lang.text(&pair_note(catalog, p)).to_owned()),
                Styled::from(pair_sources(catalog, p).join(", ")),
            ]
        })
        .collect();
    let columns = [
        Msg::Pair,
        Msg::Rating,
        Msg::Via,
        Msg::Mechanism,
        Msg::Evidence,
        Msg::Note,
        Msg::Sources,
    ];
    doc.table(header(&columns, lang), rows);
    conflicting_evidence(doc, catalog, pairs, lang);
}

/// Claims that rate a pair otherwise than the deciding one, and conditions on the deciding
/// claims: one line each, under the pairs.
fn conflicting_evidence(doc: &mut Doc, catalog: &Catalog, pairs: &[Pair], lang: Lang) {
    let mut lines = Vec::new();
    for p in pairs {
        let r = resolve_items(catalog, (p.a, p.products[0]), (p.b, p.products[1]));
        let name = format!(
            "{} × {}",
            item_label(catalog, p.a, p.products[0], lang),
            item_label(catalog, p.b, p.products[1], lang)
        );
        if let Some(condition) = r.decision().and_then(|c| c.condition) {
            lines.push(Styled::from(format!(
                "{name}: {} {}",
                Msg::OnlyWhen.get(lang),
                lang.text(condition)
            )));
        }
        let decided = r.claims.first().map(|c| c.rating);
        for c in r
            .claims
            .iter()
            .skip(1)
            .filter(|c| Some(c.rating) != decided)
        {
            lines.push(Styled::new(
                format!(
                    "{name}: {} — {}",
                    Msg::ClaimConflicts.get(lang),
                    claim_line(catalog, c, lang)
                ),
                tone(c.rating.into()),
            ));
        }
    }
    if !lines.is_empty() {
        doc.heading(Msg::ConflictingEvidence.get(lang));
        doc.list(lines);
    }
}

fn findings_table(
    doc: &mut Doc,
    catalog: &Catalog,
    findings: &[Finding],
    from: &BTreeMap<usize, usize>,
    lang: Lang,
) {
    if findings.is_empty() {
        return;
    }
    doc.heading(Msg::Findings.get(lang));
    let rows = findings
        .iter()
        .map(|f| {
            let subject = match finding_ingredient(f).and_then(|i| from.get(&i).map(|&p| (i, p))) {
                Some((i, p)) => item_label(catalog, i, Some(p), Lang::En),
                None => finding_subject(catalog, f),
            };
            vec![
                Styled::from(subject),
                Styled::new(lang::severity(f.severity, lang), severity_tone(f.severity)),
                Styled::from(lang.text(&finding_note(catalog, f)).to_owned()),
                Styled::from(
                    f.evidence
                        .map_or(Msg::None_.get(lang), |e| lang::evidence(e, lang)),
                ),
                Styled::from(f.sources.join(", ")),
            ]
        })
        .collect();
    let columns = [
        Msg::Subject,
        Msg::Rating,
        Msg::Note,
        Msg::Evidence,
        Msg::Sources,
    ];
    doc.table(header(&columns, lang), rows);
}

/// The suggestions: sets to remove, syringes to split into, and alternatives.
fn suggestions(
    doc: &mut Doc,
    catalog: &Catalog,
    s: &Suggestions,
    from: &BTreeMap<usize, usize>,
    lang: Lang,
) {
    // Each active as the mix named it: inside its product, or on its own.
    let label_list = |list: &[usize], sep: &str| {
        list.iter()
            .map(|&i| item_label(catalog, i, from.get(&i).copied(), lang))
            .collect::<Vec<_>>()
            .join(sep)
    };
    if s.remove.is_empty()
        && s.split.is_empty()
        && s.blocked_alone.is_empty()
        && s.none_approvable.is_none()
    {
        return;
    }
    doc.heading(Msg::Suggestions.get(lang));
    let mut items = Vec::new();
    if !s.blocked_alone.is_empty() {
        items.push(Styled::from(fill(
            Msg::BlockedAlone.get(lang),
            &[&label_list(&s.blocked_alone, ", ")],
        )));
    }
    items.extend(s.none_approvable.map(|why| {
        Styled::from(match why {
            NoneApprovable::Session => Msg::NoneApprovableSession.get(lang),
            NoneApprovable::Ingredients => Msg::NoneApprovableIngredients.get(lang),
        })
    }));
    if !s.remove.is_empty() {
        let sets: Vec<String> = s
            .remove
            .iter()
            .map(|set| format!("{{{}}}", label_list(set, ", ")))
            .collect();
        items.push(Styled::from(format!(
            "{} {}",
            Msg::RemoveOneOf.get(lang),
            sets.join(&format!(" {} ", Msg::Or.get(lang)))
        )));
    }
    let mut syringes = Vec::new();
    if s.split.len() > 1 {
        let exact = if s.split_exact {
            ""
        } else {
            Msg::NotProvenMinimal.get(lang)
        };
        items.push(Styled::from(fill(
            Msg::SplitInto.get(lang),
            &[&s.split.len(), &exact],
        )));
        for (n, syringe) in s.split.iter().enumerate() {
            let goals: Vec<&str> = syringe
                .goals
                .iter()
                .map(|&g| lang.text(&catalog.goals()[g].name))
                .collect();
            syringes.push(Styled::from(format!(
                "{} {}: {} \u{2014} {}: {}",
                Msg::Syringe.get(lang),
                n + 1,
                label_list(&syringe.ingredients, " + "),
                Msg::Goals.get(lang),
                if goals.is_empty() {
                    Msg::None_.get(lang).to_owned()
                } else {
                    goals.join(", ")
                }
            )));
        }
    }
    doc.list(items);
    doc.sublist(syringes);
    alternatives_table(doc, catalog, s, lang);
}

fn alternatives_table(doc: &mut Doc, catalog: &Catalog, s: &Suggestions, lang: Lang) {
    if s.alternatives.is_empty() {
        return;
    }
    doc.heading(Msg::Alternatives.get(lang));
    let rows = s
        .alternatives
        .iter()
        .map(|a| {
            vec![
                Styled::from(id(catalog, a.replaces)),
                Styled::from(format!(
                    "{} ({})",
                    lang.text(&catalog.ingredients()[a.ingredient].name),
                    id(catalog, a.ingredient)
                )),
                Styled::from(goal_ids(catalog, &a.goals).join(", ")),
                Styled::new(lang::pair_rating(a.worst, lang), tone(a.worst)),
            ]
        })
        .collect();
    let columns = [
        Msg::Replaces,
        Msg::Alternative,
        Msg::Goals,
        Msg::WorstWithRest,
    ];
    doc.table(header(&columns, lang), rows);
}

/// A Mermaid picture of a mix: every pair, unknown ones included (they block approval).
pub fn mix_picture(catalog: &Catalog, mix: &[usize], lang: Lang) -> String {
    let request = crate::graph::GraphRequest {
        ingredients: mix.to_vec(),
        neighbours: false,
        show_unknown: true,
    };
    super::graph::mermaid(catalog, &crate::graph::build(catalog, &request), lang)
}
