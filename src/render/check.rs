//! `check` and `explain` output: the verdict first, then pairs worst-first, findings and
//! suggestions; as a document (table, Markdown) and as JSON (`mesomix.check/1`).

use schemars::JsonSchema;
use serde::Serialize;

use super::catalog::tone;
use super::doc::{Doc, Styled, Tone};
use super::json::{CatalogRef, to_string};
use super::lang::{self, Lang, Msg, fill, header};
use crate::catalog::Catalog;
use crate::catalog::model::{Edge, Evidence, Mechanism, Scope, Status, Text};
use crate::check::{CheckReport, Finding, FindingKind, NoneApprovable, Pair, Severity, Verdict};
use crate::compat::{PairRating, Resolution, Via};
use crate::patient::{Allergen, Patient};

fn text(en: String, ru: String) -> Text {
    Text { en, ru }
}

/// Both languages of a fixed message.
fn both(msg: Msg) -> Text {
    text(msg.get(Lang::En).to_owned(), msg.get(Lang::Ru).to_owned())
}

fn id(catalog: &Catalog, i: usize) -> &str {
    &catalog.ingredients()[i].id
}

pub fn verdict_word(v: Verdict, lang: Lang) -> &'static str {
    match (v, lang) {
        (Verdict::Compatible, Lang::En) => "compatible",
        (Verdict::Compatible, Lang::Ru) => "совместимо",
        (Verdict::Caution, Lang::En) => "caution",
        (Verdict::Caution, Lang::Ru) => "с осторожностью",
        (Verdict::Unknown, Lang::En) => "unknown",
        (Verdict::Unknown, Lang::Ru) => "нет данных",
        (Verdict::Incompatible, Lang::En) => "incompatible",
        (Verdict::Incompatible, Lang::Ru) => "несовместимо",
        (Verdict::Postpone, Lang::En) => "postpone",
        (Verdict::Postpone, Lang::Ru) => "отложить",
        (Verdict::Refused, Lang::En) => "refused",
        (Verdict::Refused, Lang::Ru) => "отказ",
    }
}

pub fn verdict_tone(v: Verdict) -> Tone {
    match v {
        Verdict::Compatible => Tone::Good,
        Verdict::Caution => Tone::Warn,
        Verdict::Unknown => Tone::Muted,
        Verdict::Incompatible | Verdict::Postpone | Verdict::Refused => Tone::Bad,
    }
}

fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Info, Lang::En) => "info",
        (Severity::Info, Lang::Ru) => "к сведению",
        (s, lang) => verdict_word(s.verdict().unwrap_or(Verdict::Compatible), lang),
    }
}

fn severity_tone(s: Severity) -> Tone {
    s.verdict().map_or(Tone::Plain, verdict_tone)
}

// ---------------------------------------------------------------------------------------------
// Notes of pairs and findings, in both languages.

/// The note of a pair: the edge's note, the pH reasoning, or why it is unknown.
pub fn pair_note(catalog: &Catalog, pair: &Pair) -> Text {
    match (pair.via, pair.edge) {
        (Via::Ingredient, Some(e)) => catalog.file().edges[e].note.clone(),
        (Via::Class, Some(e)) => {
            let edge = &catalog.file().class_edges[e];
            text(
                format!("class edge {} × {}: {}", edge.a, edge.b, edge.note.en),
                format!("связь классов {} × {}: {}", edge.a, edge.b, edge.note.ru),
            )
        }
        (Via::Ph, _) => match pair.ph {
            Some(ph) => text(
                format!(
                    "pH {} and {} are {} units apart (more than {}): one may precipitate or degrade the other. Inference; no source tested this pair.",
                    range(ph.a),
                    range(ph.b),
                    round(ph.gap),
                    crate::compat::PH_GAP
                ),
                format!(
                    "pH {} и {} различаются на {} ед. (более {}): возможны осаждение или разрушение. Вывод; эту пару ни один источник не проверял.",
                    range(ph.a),
                    range(ph.b),
                    round(ph.gap),
                    crate::compat::PH_GAP
                ),
            ),
            None => both(Msg::NoDataPair),
        },
        _ => both(Msg::NoDataPair),
    }
}

fn range((min, max): (f64, f64)) -> String {
    if min == max {
        format!("{min}")
    } else {
        format!("{min}–{max}")
    }
}

fn round(x: f64) -> String {
    format!("{}", (x * 10.0).round() / 10.0)
}

fn pair_evidence(catalog: &Catalog, pair: &Pair) -> Option<Evidence> {
    match (pair.via, pair.edge) {
        (Via::Ingredient, Some(e)) => Some(catalog.file().edges[e].evidence),
        (Via::Class, Some(e)) => Some(catalog.file().class_edges[e].evidence),
        (Via::Ph, _) => Some(Evidence::Inference),
        _ => None,
    }
}

fn pair_mechanism(catalog: &Catalog, pair: &Pair) -> Option<Mechanism> {
    match (pair.via, pair.edge) {
        (Via::Ingredient, Some(e)) => Some(catalog.file().edges[e].mechanism),
        (Via::Class, Some(e)) => Some(catalog.file().class_edges[e].mechanism),
        _ => None,
    }
}

fn pair_sources(catalog: &Catalog, pair: &Pair) -> Vec<String> {
    match (pair.via, pair.edge) {
        (Via::Ingredient, Some(e)) => catalog.file().edges[e].sources.clone(),
        (Via::Class, Some(e)) => catalog.file().class_edges[e].sources.clone(),
        (Via::Ph, _) => {
            let mut s: Vec<String> = [pair.a, pair.b]
                .iter()
                .filter_map(|&i| catalog.ingredients()[i].ph.as_ref())
                .flat_map(|ph| ph.sources.iter().cloned())
                .collect();
            s.sort();
            s.dedup();
            s
        }
        _ => Vec::new(),
    }
}

/// What a finding is about, as an id (an ingredient, condition, medication, or `mix`).
pub fn finding_subject(catalog: &Catalog, f: &Finding) -> String {
    match f.kind {
        FindingKind::Status { ingredient }
        | FindingKind::Solo { ingredient }
        | FindingKind::SessionLimit { ingredient }
        | FindingKind::NotInZone { ingredient, .. }
        | FindingKind::Contraindication { ingredient, .. }
        | FindingKind::Allergy { ingredient, .. }
        | FindingKind::Interaction { ingredient, .. } => id(catalog, ingredient).to_owned(),
        FindingKind::TooManyComponents { .. } => "mix".to_owned(),
        FindingKind::Condition { condition } => catalog.conditions()[condition].id.clone(),
        FindingKind::MedicationGeneral { medication } => {
            catalog.medications()[medication].id.clone()
        }
    }
}

pub fn finding_kind(f: &Finding) -> &'static str {
    match f.kind {
        FindingKind::Status { .. } => "status",
        FindingKind::Solo { .. } => "solo",
        FindingKind::TooManyComponents { .. } => "too_many_components",
        FindingKind::SessionLimit { .. } => "session_limit",
        FindingKind::NotInZone { .. } => "not_in_zone",
        FindingKind::Condition { .. } => "condition",
        FindingKind::Contraindication { .. } => "contraindication",
        FindingKind::Allergy { .. } => "allergy",
        FindingKind::MedicationGeneral { .. } => "medication",
        FindingKind::Interaction { .. } => "interaction",
    }
}

/// The note of a finding in both languages, built from the catalog's own texts.
pub fn finding_note(catalog: &Catalog, f: &Finding) -> Text {
    let each = |make: &dyn Fn(Lang) -> String| text(make(Lang::En), make(Lang::Ru));
    match f.kind {
        FindingKind::Status { ingredient } => {
            let status = &catalog.ingredients()[ingredient].status;
            let note = match status {
                Status::Available => None,
                Status::Withdrawn { note, .. }
                | Status::NotInjectable { note, .. }
                | Status::Unapproved { note, .. } => Some(note),
            };
            each(&|l| {
                format!(
                    "{}: {}",
                    lang::status(status, l),
                    note.map_or("", |n| l.text(n))
                )
            })
        }
        FindingKind::Solo { ingredient } => {
            let solo = catalog.ingredients()[ingredient].solo.as_ref();
            each(&|l| {
                format!(
                    "{}: {}",
                    Msg::Solo.get(l),
                    solo.map_or("", |s| l.text(&s.note))
                )
            })
        }
        FindingKind::TooManyComponents { count, max } => {
            each(&|l| fill(Msg::TooManyComponents.get(l), &[&count, &max]))
        }
        FindingKind::SessionLimit { ingredient } => {
            let limit = catalog.ingredients()[ingredient].session_limit.as_ref();
            each(&|l| {
                format!(
                    "{}: {}",
                    Msg::SessionLimit.get(l),
                    limit.map_or("", |s| l.text(&s.text))
                )
            })
        }
        FindingKind::NotInZone { ingredient, zone } => {
            let ing = &catalog.ingredients()[ingredient];
            let zone = &catalog.zones()[zone];
            each(&|l| {
                let mut s = fill(Msg::NotInZone.get(l), &[&l.text(&zone.name)]);
                if let Some(n) = &ing.zone_note {
                    s.push_str(": ");
                    s.push_str(l.text(&n.text));
                }
                s
            })
        }
        FindingKind::Condition { condition } => {
            let cond = &catalog.conditions()[condition];
            each(&|l| {
                let mut s = format!(
                    "{} \u{2014} {}",
                    l.text(&cond.name),
                    lang::scope(cond.scope, l)
                );
                if cond.scope == Scope::Zone {
                    s.push_str(Msg::ZoneConditionHint.get(l));
                }
                if let Some(n) = &cond.note {
                    s.push_str(". ");
                    s.push_str(l.text(n));
                }
                s
            })
        }
        FindingKind::Contraindication {
            ingredient,
            condition,
            contraindication,
        } => {
            let contra = &catalog.ingredients()[ingredient].contraindications[contraindication];
            let cond = &catalog.conditions()[condition];
            each(&|l| {
                let what = if contra.rating == crate::catalog::model::Rating::Incompatible {
                    Msg::RuledOutBy
                } else {
                    Msg::CautionIn
                };
                let mut s = fill(what.get(l), &[&l.text(&cond.name)]);
                if let Some(n) = &contra.note {
                    s.push_str(": ");
                    s.push_str(l.text(n));
                }
                s
            })
        }
        FindingKind::Allergy { allergen, .. } => each(&|l| {
            let name = match allergen {
                Allergen::Ingredient(i) => l.text(&catalog.ingredients()[i].name).to_owned(),
                Allergen::Class(c) => l.text(&catalog.classes()[c].name).to_owned(),
                Allergen::Condition(c) => l.text(&catalog.conditions()[c].name).to_owned(),
            };
            fill(Msg::AllergicTo.get(l), &[&name])
        }),
        FindingKind::MedicationGeneral { medication } => {
            let med = &catalog.medications()[medication];
            each(&|l| {
                format!(
                    "{}: {}",
                    l.text(&med.name),
                    med.general.as_ref().map_or("", |g| l.text(&g.note))
                )
            })
        }
        FindingKind::Interaction {
            medication,
            ingredient,
            interaction,
        } => {
            let med = &catalog.medications()[medication];
            let inter = &catalog.ingredients()[ingredient].interactions[interaction];
            each(&|l| format!("{}: {}", l.text(&med.name), l.text(&inter.note)))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

/// `mesomix check --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CheckJson<'c> {
    /// Always `mesomix.check/1`.
    pub schema: &'static str,
    pub catalog: CatalogRef<'c>,
    pub verdict: Verdict,
    /// Ingredient ids, sorted.
    pub mix: Vec<&'c str>,
    pub zone: Option<&'c str>,
    pub patient: PatientJson<'c>,
    /// Every pair, worst first.
    pub pairs: Vec<PairJson>,
    /// Mix-level and patient-level findings, worst first.
    pub findings: Vec<FindingJson>,
    pub suggestions: SuggestionsJson<'c>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PatientJson<'c> {
    pub conditions: Vec<&'c str>,
    pub medications: Vec<&'c str>,
    /// Allergens as `ingredient:ID`, `class:ID` or `condition:ID`.
    pub allergies: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct TextJson {
    pub en: String,
    pub ru: String,
}

impl From<Text> for TextJson {
    fn from(t: Text) -> Self {
        TextJson { en: t.en, ru: t.ru }
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PairJson {
    pub a: String,
    pub b: String,
    pub rating: PairRating,
    pub via: Via,
    pub mechanism: Option<Mechanism>,
    pub note: TextJson,
    /// Evidence grade; `null` for a pair with no data.
    pub evidence: Option<Evidence>,
    pub sources: Vec<String>,
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
    pub note: TextJson,
    pub evidence: Option<Evidence>,
    pub sources: Vec<String>,
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

pub fn patient_json<'c>(catalog: &'c Catalog, patient: &Patient) -> PatientJson<'c> {
    PatientJson {
        conditions: patient
            .conditions
            .iter()
            .map(|&c| catalog.conditions()[c].id.as_str())
            .collect(),
        medications: patient
            .medications
            .iter()
            .map(|&m| catalog.medications()[m].id.as_str())
            .collect(),
        allergies: patient
            .allergies
            .iter()
            .map(|a| match *a {
                Allergen::Ingredient(i) => format!("ingredient:{}", id(catalog, i)),
                Allergen::Class(c) => format!("class:{}", catalog.classes()[c].id),
                Allergen::Condition(c) => format!("condition:{}", catalog.conditions()[c].id),
            })
            .collect(),
    }
}

pub fn pair_json(catalog: &Catalog, p: &Pair) -> PairJson {
    PairJson {
        a: id(catalog, p.a).to_owned(),
        b: id(catalog, p.b).to_owned(),
        rating: p.rating,
        via: p.via,
        mechanism: pair_mechanism(catalog, p),
        note: pair_note(catalog, p).into(),
        evidence: pair_evidence(catalog, p),
        sources: pair_sources(catalog, p),
    }
}

pub fn finding_json(catalog: &Catalog, f: &Finding) -> FindingJson {
    FindingJson {
        kind: finding_kind(f),
        subject: finding_subject(catalog, f),
        rating: f.severity,
        note: finding_note(catalog, f).into(),
        evidence: f.evidence,
        sources: f.sources.clone(),
    }
}

pub fn check_value<'c>(
    catalog: &'c Catalog,
    report: &CheckReport,
    zone: Option<usize>,
    patient: &Patient,
) -> CheckJson<'c> {
    let ids = |list: &[usize]| list.iter().map(|&i| id(catalog, i)).collect::<Vec<_>>();
    let goal_ids = |list: &[usize]| {
        list.iter()
            .map(|&g| catalog.goals()[g].id.as_str())
            .collect::<Vec<_>>()
    };
    CheckJson {
        schema: "mesomix.check/1",
        catalog: CatalogRef::of(catalog),
        verdict: report.verdict,
        mix: ids(&report.mix),
        zone: zone.map(|z| catalog.zones()[z].id.as_str()),
        patient: patient_json(catalog, patient),
        pairs: report.pairs.iter().map(|p| pair_json(catalog, p)).collect(),
        findings: report
            .findings
            .iter()
            .map(|f| finding_json(catalog, f))
            .collect(),
        suggestions: SuggestionsJson {
            remove: report.suggestions.remove.iter().map(|s| ids(s)).collect(),
            split: report
                .suggestions
                .split
                .iter()
                .map(|s| SyringeJson {
                    ingredients: ids(&s.ingredients),
                    goals: goal_ids(&s.goals),
                })
                .collect(),
            split_exact: report.suggestions.split_exact,
            alternatives: report
                .suggestions
                .alternatives
                .iter()
                .map(|a| AlternativeJson {
                    replaces: id(catalog, a.replaces),
                    ingredient: id(catalog, a.ingredient),
                    goals: goal_ids(&a.goals),
                    worst: a.worst,
                })
                .collect(),
            blocked_alone: ids(&report.suggestions.blocked_alone),
            none_approvable: report.suggestions.none_approvable,
        },
    }
}

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

pub fn check_doc(
    catalog: &Catalog,
    report: &CheckReport,
    zone: Option<usize>,
    patient: &Patient,
    lang: Lang,
) -> Doc {
    let names = |list: &[usize]| {
        list.iter()
            .map(|&i| lang.text(&catalog.ingredients()[i].name))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let mut doc = Doc::new(format!(
        "{}: {}",
        Msg::CheckTitle.get(lang),
        names(&report.mix)
    ));
    let mut fields = vec![(
        Msg::Verdict.get(lang).to_owned(),
        Styled::new(
            verdict_word(report.verdict, lang).to_uppercase(),
            verdict_tone(report.verdict),
        ),
    )];
    fields.push((
        Msg::Mix.get(lang).to_owned(),
        Styled::from(
            report
                .mix
                .iter()
                .map(|&i| id(catalog, i))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ));
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
        verdict_explanation(report.verdict, lang),
        verdict_tone(report.verdict),
    ));

    if !report.pairs.is_empty() {
        doc.heading(Msg::PairsWorstFirst.get(lang));
        let rows = report
            .pairs
            .iter()
            .map(|p| {
                vec![
                    Styled::from(format!("{} × {}", id(catalog, p.a), id(catalog, p.b))),
                    Styled::new(lang::pair_rating(p.rating, lang), tone(p.rating)),
                    Styled::from(lang::via(p.via, lang)),
                    Styled::from(
                        pair_mechanism(catalog, p)
                            .map_or(Msg::None_.get(lang), |m| lang::mechanism(m, lang)),
                    ),
                    Styled::from(
                        pair_evidence(catalog, p)
                            .map_or(Msg::None_.get(lang), |e| lang::evidence(e, lang)),
                    ),
                    Styled::from(lang.text(&pair_note(catalog, p)).to_owned()),
                    Styled::from(pair_sources(catalog, p).join(", ")),
                ]
            })
            .collect();
        doc.table(
            header(
                &[
                    Msg::Pair,
                    Msg::Rating,
                    Msg::Via,
                    Msg::Mechanism,
                    Msg::Evidence,
                    Msg::Note,
                    Msg::Sources,
                ],
                lang,
            ),
            rows,
        );
    }

    if !report.findings.is_empty() {
        doc.heading(Msg::Findings.get(lang));
        let rows = report
            .findings
            .iter()
            .map(|f| {
                vec![
                    Styled::from(finding_subject(catalog, f)),
                    Styled::new(severity_word(f.severity, lang), severity_tone(f.severity)),
                    Styled::from(lang.text(&finding_note(catalog, f)).to_owned()),
                    Styled::from(
                        f.evidence
                            .map_or(Msg::None_.get(lang), |e| lang::evidence(e, lang)),
                    ),
                    Styled::from(f.sources.join(", ")),
                ]
            })
            .collect();
        doc.table(
            header(
                &[
                    Msg::Subject,
                    Msg::Rating,
                    Msg::Note,
                    Msg::Evidence,
                    Msg::Sources,
                ],
                lang,
            ),
            rows,
        );
    }

    let s = &report.suggestions;
    if !s.remove.is_empty()
        || !s.split.is_empty()
        || !s.blocked_alone.is_empty()
        || s.none_approvable.is_some()
    {
        doc.heading(Msg::Suggestions.get(lang));
        let mut items = Vec::new();
        if !s.blocked_alone.is_empty() {
            let list: Vec<&str> = s.blocked_alone.iter().map(|&i| id(catalog, i)).collect();
            items.push(Styled::from(fill(
                Msg::BlockedAlone.get(lang),
                &[&list.join(", ")],
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
                .map(|set| {
                    format!(
                        "{{{}}}",
                        set.iter()
                            .map(|&i| id(catalog, i))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
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
                    syringe
                        .ingredients
                        .iter()
                        .map(|&i| id(catalog, i))
                        .collect::<Vec<_>>()
                        .join(" + "),
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
        if !s.alternatives.is_empty() {
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
                        Styled::from(
                            a.goals
                                .iter()
                                .map(|&g| catalog.goals()[g].id.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                        Styled::new(lang::pair_rating(a.worst, lang), tone(a.worst)),
                    ]
                })
                .collect();
            doc.table(
                header(
                    &[
                        Msg::Replaces,
                        Msg::Alternative,
                        Msg::Goals,
                        Msg::WorstWithRest,
                    ],
                    lang,
                ),
                rows,
            );
        }
    }
    // The mix as a picture, for Markdown (terminals skip it).
    if report.mix.len() > 1 {
        doc.blocks.push(super::doc::Block::Fenced {
            info: "mermaid".into(),
            text: mix_picture(catalog, &report.mix, lang),
        });
    }
    doc.paragraph(Styled::new(Msg::Disclaimer.get(lang), Tone::Muted));
    doc
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

fn verdict_explanation(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Compatible => Msg::VerdictCompatible.get(lang),
        Verdict::Caution => Msg::VerdictCaution.get(lang),
        Verdict::Unknown => Msg::VerdictUnknown.get(lang),
        Verdict::Incompatible => Msg::VerdictIncompatible.get(lang),
        Verdict::Postpone => Msg::VerdictPostpone.get(lang),
        Verdict::Refused => Msg::VerdictRefused.get(lang),
    }
}

pub fn patient_line(catalog: &Catalog, patient: &Patient, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(
        patient
            .conditions
            .iter()
            .map(|&c| lang.text(&catalog.conditions()[c].name).to_owned()),
    );
    parts.extend(
        patient
            .medications
            .iter()
            .map(|&m| lang.text(&catalog.medications()[m].name).to_owned()),
    );
    parts.extend(patient.allergies.iter().map(|a| {
        let name = match *a {
            Allergen::Ingredient(i) => lang.text(&catalog.ingredients()[i].name),
            Allergen::Class(c) => lang.text(&catalog.classes()[c].name),
            Allergen::Condition(c) => lang.text(&catalog.conditions()[c].name),
        };
        fill(Msg::AllergicTo.get(lang), &[&name])
    }));
    parts.join("; ")
}

// ---------------------------------------------------------------------------------------------
// explain

#[derive(Debug, Serialize)]
struct EdgeJson<'c> {
    a: &'c str,
    b: &'c str,
    rating: crate::catalog::model::Rating,
    mechanism: Mechanism,
    note: &'c Text,
    evidence: Evidence,
    sources: &'c [String],
}

fn edge_json(e: &Edge) -> EdgeJson<'_> {
    EdgeJson {
        a: &e.a,
        b: &e.b,
        rating: e.rating,
        mechanism: e.mechanism,
        note: &e.note,
        evidence: e.evidence,
        sources: &e.sources,
    }
}

pub fn explain_json(catalog: &Catalog, a: usize, b: usize, r: &Resolution<'_>) -> String {
    #[derive(Serialize)]
    struct Ph {
        a: Option<[f64; 2]>,
        b: Option<[f64; 2]>,
        gap: Option<f64>,
        /// Whether the gap alone would rate the pair `caution`.
        decisive: bool,
    }
    #[derive(Serialize)]
    struct ClassStep<'c> {
        classes: [&'c str; 2],
        edge: Option<EdgeJson<'c>>,
        overridden: bool,
    }
    #[derive(Serialize)]
    struct Body<'c> {
        schema: &'static str,
        catalog: CatalogRef<'c>,
        a: &'c str,
        b: &'c str,
        rating: PairRating,
        via: Via,
        ingredient_edge: Option<EdgeJson<'c>>,
        class_edge: ClassStep<'c>,
        ph: Ph,
        sources: Vec<SourceJson<'c>>,
    }
    let ing = |i: usize| &catalog.ingredients()[i];
    let ph_of = |i: usize| ing(i).ph.as_ref().map(|p| [p.min, p.max]);
    let body = Body {
        schema: "mesomix.explain/1",
        catalog: CatalogRef::of(catalog),
        a: &ing(a).id,
        b: &ing(b).id,
        rating: r.rating,
        via: r.via,
        ingredient_edge: r.ingredient_edge.map(edge_json),
        class_edge: ClassStep {
            classes: [&ing(a).class, &ing(b).class],
            edge: r.class_edge.map(edge_json),
            overridden: r.class_edge.is_some() && r.ingredient_edge.is_some(),
        },
        ph: Ph {
            a: ph_of(a),
            b: ph_of(b),
            gap: r.ph.map(|p| p.gap),
            decisive: r.ph.is_some_and(|p| p.decides()),
        },
        sources: explain_sources(catalog, a, b, r),
    };
    to_string(&body)
}

#[derive(Debug, Serialize)]
struct SourceJson<'c> {
    id: &'c str,
    title: &'c str,
    citation: &'c str,
    grade: crate::catalog::model::Grade,
}

fn explain_sources<'c>(
    catalog: &'c Catalog,
    a: usize,
    b: usize,
    r: &Resolution<'c>,
) -> Vec<SourceJson<'c>> {
    let mut ids: Vec<&str> = Vec::new();
    for e in [r.ingredient_edge, r.class_edge].into_iter().flatten() {
        ids.extend(e.sources.iter().map(String::as_str));
    }
    for i in [a, b] {
        if let Some(ph) = &catalog.ingredients()[i].ph {
            ids.extend(ph.sources.iter().map(String::as_str));
        }
    }
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .filter_map(|s| catalog.source(s))
        .map(|s| SourceJson {
            id: &s.id,
            title: &s.title,
            citation: &s.citation,
            grade: s.grade,
        })
        .collect()
}

pub fn explain_doc(catalog: &Catalog, a: usize, b: usize, r: &Resolution<'_>, lang: Lang) -> Doc {
    let ing = |i: usize| &catalog.ingredients()[i];
    let mut doc = Doc::new(format!(
        "{}: {} × {}",
        Msg::ExplainTitle.get(lang),
        lang.text(&ing(a).name),
        lang.text(&ing(b).name)
    ));
    doc.fields(vec![
        (
            Msg::Rating.get(lang).to_owned(),
            Styled::new(
                lang::pair_rating(r.rating, lang).to_uppercase(),
                tone(r.rating),
            ),
        ),
        (
            Msg::Via.get(lang).to_owned(),
            Styled::from(lang::via(r.via, lang)),
        ),
    ]);
    let edge_line = |e: &Edge| {
        format!(
            "{} ({}, {}): {} [{}]",
            lang::rating(e.rating, lang),
            lang::mechanism(e.mechanism, lang),
            lang::evidence(e.evidence, lang),
            lang.text(&e.note),
            e.sources.join(", ")
        )
    };
    let mut steps = Vec::new();
    // Step 1: ingredient edge.
    steps.push(match r.ingredient_edge {
        Some(e) => Styled::new(
            format!("1. {}: {}", Msg::StepIngredientEdge.get(lang), edge_line(e)),
            tone(e.rating.into()),
        ),
        None => Styled::from(format!(
            "1. {}: {}",
            Msg::StepIngredientEdge.get(lang),
            Msg::NoEdge.get(lang)
        )),
    });
    // Step 2: class edge.
    let classes = format!("{} × {}", ing(a).class, ing(b).class);
    steps.push(match (r.class_edge, r.ingredient_edge.is_some()) {
        (Some(e), true) => Styled::new(
            format!(
                "2. {} ({classes}): {} \u{2014} {}",
                Msg::StepClassEdge.get(lang),
                edge_line(e),
                Msg::Overridden.get(lang)
            ),
            Tone::Muted,
        ),
        (Some(e), false) => Styled::new(
            format!(
                "2. {} ({classes}): {} \u{2014} {}",
                Msg::StepClassEdge.get(lang),
                edge_line(e),
                Msg::Decides.get(lang)
            ),
            tone(e.rating.into()),
        ),
        (None, _) => Styled::from(format!(
            "2. {} ({classes}): {}",
            Msg::StepClassEdge.get(lang),
            Msg::NoEdge.get(lang)
        )),
    });
    // Step 3: pH inference.
    let ph_desc = |i: usize| {
        ing(i).ph.as_ref().map_or_else(
            || Msg::PhUnknown.get(lang).to_owned(),
            |p| range((p.min, p.max)),
        )
    };
    let ph_line = format!("{} {}, {} {}", ing(a).id, ph_desc(a), ing(b).id, ph_desc(b));
    let decided_before = r.ingredient_edge.is_some() || r.class_edge.is_some();
    steps.push(match r.ph {
        Some(p) => {
            let verdict = if p.decides() {
                fill(
                    Msg::PhGapDecisive.get(lang),
                    &[&round(p.gap), &crate::compat::PH_GAP],
                )
            } else {
                fill(
                    Msg::PhGapSmall.get(lang),
                    &[&round(p.gap), &crate::compat::PH_GAP],
                )
            };
            let used = if decided_before {
                format!(" \u{2014} {}", Msg::NotUsed.get(lang))
            } else {
                String::new()
            };
            Styled::from(format!(
                "3. {}: {ph_line}; {verdict}{used}",
                Msg::StepPh.get(lang)
            ))
        }
        None => Styled::from(format!(
            "3. {}: {ph_line}; {}",
            Msg::StepPh.get(lang),
            Msg::PhNotApplicable.get(lang)
        )),
    });
    steps.push(Styled::new(
        format!(
            "4. {}: {} ({})",
            Msg::StepResult.get(lang),
            lang::pair_rating(r.rating, lang),
            lang::via(r.via, lang)
        ),
        tone(r.rating),
    ));
    doc.heading(Msg::Steps.get(lang));
    doc.list(steps);
    if r.rating == PairRating::Unknown {
        doc.paragraph(Styled::new(Msg::NoDataPair.get(lang), Tone::Muted));
    }
    let sources = explain_sources(catalog, a, b, r);
    if !sources.is_empty() {
        doc.heading(Msg::SourcesTitle.get(lang));
        let rows = sources
            .iter()
            .map(|s| {
                vec![
                    Styled::from(s.id),
                    Styled::from(lang::grade(s.grade, lang)),
                    Styled::from(format!("{} \u{2014} {}", s.title, s.citation)),
                ]
            })
            .collect();
        doc.table(header(&[Msg::Id, Msg::Evidence, Msg::Name], lang), rows);
    }
    doc
}
