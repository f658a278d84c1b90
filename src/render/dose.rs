//! Doses (DESIGN §6a) in a check or a plan: each active's amount and concentration, each limit
//! with its arithmetic, source, grade and route, the anaesthetics' sum, and the largest volumes
//! that fit; as a document section and as JSON.

use schemars::JsonSchema;
use serde::Serialize;

use crate::catalog::model::{
    DoseUnit, Evidence, LimitPer, LimitRoute, Str, Strength, StrengthUnit, Text,
};
use crate::catalog::{Catalog, Item};
use crate::dose::{DoseReport, ItemAmount, Standing, Through};
use crate::render::doc::{Doc, Styled, Tone};
use crate::render::json::TextSchema;
use crate::render::lang::{self, Lang, Msg, fill, header};
use crate::render::vocab::{dose_amount, limit_rule, number, percent, sources};

/// An item as typed back: `lidocaine 1 ml @ 2 %`, `belkyra 2 ml`.
pub fn item_words(catalog: &Catalog, it: &ItemAmount, lang: Lang) -> String {
    let id = item_id(catalog, it.item);
    let ml = if lang == Lang::Ru { "мл" } else { "ml" };
    match it.strength {
        Some(s) => format!(
            "{id} {} {ml} @ {}",
            number(it.volume_ml, lang),
            strength_words(s, lang)
        ),
        None => format!("{id} {} {ml}", number(it.volume_ml, lang)),
    }
}

fn item_id(catalog: &Catalog, item: Item) -> &str {
    match item {
        Item::Ingredient(i) => &catalog.ingredients()[i].id,
        Item::Product(p) => &catalog.products()[p].id,
    }
}

/// A strength as an ampoule prints it: `2 %`, `20 mg/ml`.
pub fn strength_words(s: Strength, lang: Lang) -> String {
    let unit = match (s.unit, lang) {
        (StrengthUnit::Percent, _) => "%",
        (StrengthUnit::MgPerMl, Lang::En) => "mg/ml",
        (StrengthUnit::MgPerMl, Lang::Ru) => "мг/мл",
        (StrengthUnit::UnitsPerMl, Lang::En) => "U/ml",
        (StrengthUnit::UnitsPerMl, Lang::Ru) => "ЕД/мл",
        (StrengthUnit::IuPerMl, Lang::En) => "IU/ml",
        (StrengthUnit::IuPerMl, Lang::Ru) => "МЕ/мл",
    };
    format!("{} {unit}", number(s.value, lang))
}

fn standing_tone(s: Standing) -> Tone {
    match s {
        Standing::Within => Tone::Good,
        Standing::Caution => Tone::Warn,
        Standing::Over => Tone::Bad,
    }
}

fn standing_word(s: Standing, lang: Lang) -> &'static str {
    match s {
        Standing::Within => Msg::DoseWithin.get(lang),
        Standing::Caution => Msg::DoseCaution.get(lang),
        Standing::Over => Msg::DoseOverWord.get(lang),
    }
}

/// The doses section of a check or plan document.
pub fn doses_section(doc: &mut Doc, catalog: &Catalog, d: &DoseReport, lang: Lang) {
    doc.heading(if d.sessions > 1 {
        fill(Msg::DosesCourseTitle.get(lang), &[&d.sessions])
    } else {
        Msg::DosesTitle.get(lang).to_owned()
    });
    doc.paragraph(Styled::new(Msg::DosesCeiling.get(lang), Tone::Muted));
    let ml = if lang == Lang::Ru { "мл" } else { "ml" };
    let mut fields = vec![(
        Msg::Volume.get(lang).to_owned(),
        Styled::from(format!(
            "{} {ml}: {}",
            number(d.volume_ml, lang),
            d.items
                .iter()
                .map(|it| item_words(catalog, it, lang))
                .collect::<Vec<_>>()
                .join(" + ")
        )),
    )];
    // The weight, when given or when a limit per kilogram needs it.
    match d.weight_kg {
        Some(w) => fields.push((
            Msg::WeightWord.get(lang).to_owned(),
            Styled::from(format!("{} {}", number(w, lang), Msg::Kg.get(lang))),
        )),
        None if d.limits.iter().any(|u| u.needs_weight) => fields.push((
            Msg::WeightWord.get(lang).to_owned(),
            Styled::new(Msg::NoWeight.get(lang), Tone::Warn),
        )),
        None => {}
    }
    doc.fields(fields);
    // Each active: the amount, the concentration in the syringe, and where it comes from.
    let rows = d
        .actives
        .iter()
        .map(|a| {
            let from: Vec<String> = a
                .contributions
                .iter()
                .map(|c| {
                    let it = &d.items[c.item];
                    let via = match c.through {
                        Through::Own | Through::Active(_) => String::new(),
                        Through::Component(_) | Through::Contained(_) => {
                            format!(" ({})", Msg::Contained.get(lang))
                        }
                    };
                    format!(
                        "{} {} {ml} × {} = {}{via}",
                        item_id(catalog, it.item),
                        number(it.volume_ml, lang),
                        strength_words(c.strength, lang),
                        dose_amount(c.amount, a.unit, lang)
                    )
                })
                .collect();
            let mut row = vec![
                Styled::from(catalog.ingredients()[a.ingredient].id.as_ref()),
                Styled::from(dose_amount(a.amount, a.unit, lang)),
            ];
            if d.sessions > 1 {
                row.push(Styled::from(dose_amount(
                    a.amount * f64::from(d.sessions),
                    a.unit,
                    lang,
                )));
            }
            row.push(Styled::from(format!(
                "{}/{ml}",
                dose_amount(a.concentration, a.unit, lang)
            )));
            row.push(Styled::from(from.join("; ")));
            row
        })
        .collect();
    let mut columns = vec![Msg::Active, Msg::AmountPerSession];
    if d.sessions > 1 {
        columns.push(Msg::CourseTotal);
    }
    columns.extend([Msg::Concentration, Msg::From]);
    doc.table(header(&columns, lang), rows);
    if !d.unknown.is_empty() {
        doc.list(
            d.unknown
                .iter()
                .map(|&(p, a)| {
                    let product = &catalog.products()[p];
                    Styled::new(
                        fill(
                            Msg::StrengthNotKnown.get(lang),
                            &[&product.id, &product.actives[a].ingredient],
                        ),
                        Tone::Warn,
                    )
                })
                .collect(),
        );
    }
    // Each limit with its arithmetic.
    if !d.limits.is_empty() {
        let rows = d
            .limits
            .iter()
            .map(|u| {
                let limit = &catalog.ingredients()[u.ingredient].dose_limits[u.limit];
                vec![
                    Styled::from(catalog.ingredients()[u.ingredient].id.as_ref()),
                    Styled::from(dose_amount(u.total, limit.unit, lang)),
                    Styled::from(limit_rule(limit, d.weight_kg, lang)),
                    Styled::new(
                        format!(
                            "{}{}",
                            u.share
                                .map_or_else(|| "\u{2014}".to_owned(), |s| percent(s, lang)),
                            match u.standing {
                                Standing::Within => String::new(),
                                s => format!(" ({})", standing_word(s, lang)),
                            }
                        ),
                        standing_tone(u.standing),
                    ),
                    Styled::from(lang::limit_route(limit.route, lang)),
                    Styled::from(lang::evidence(limit.evidence, lang)),
                    Styled::from(sources(&limit.sources)),
                ]
            })
            .collect();
        let columns = [
            Msg::Active,
            Msg::Total,
            Msg::LimitWord,
            Msg::Used,
            Msg::Route,
            Msg::Evidence,
            Msg::Sources,
        ];
        doc.table(header(&columns, lang), rows);
    }
    let mut lines = Vec::new();
    if let Some(sum) = &d.anaesthetics {
        let parts: Vec<String> = sum
            .parts
            .iter()
            .map(|&(i, f)| format!("{} {}", catalog.ingredients()[i].id, percent(f, lang)))
            .collect();
        lines.push(Styled::new(
            format!(
                "{}: {} = {} ({})",
                Msg::AnaestheticsWord.get(lang),
                parts.join(" + "),
                percent(sum.total, lang),
                lang::evidence(Evidence::Inference, lang)
            ),
            standing_tone(sum.standing),
        ));
    }
    // What fits: the largest volume of each item behind a limit that is exceeded.
    for u in d.limits.iter().filter(|u| !u.most_volume.is_empty()) {
        let limit = &catalog.ingredients()[u.ingredient].dose_limits[u.limit];
        for &(item, most) in &u.most_volume {
            let it = &d.items[item];
            let strength = it
                .strength
                .map(|s| format!(" ({})", strength_words(s, lang)))
                .unwrap_or_default();
            let weight = d
                .weight_kg
                .filter(|_| limit.per_kg.is_some())
                .map(|w| format!(" {}", fill(Msg::ForKg.get(lang), &[&number(w, lang)])))
                .unwrap_or_default();
            lines.push(Styled::new(
                fill(
                    Msg::AtMost.get(lang),
                    &[
                        &format!("{} {ml}", number(most, lang)),
                        &format!("{}{strength}", item_id(catalog, it.item)),
                        &weight,
                        &catalog.ingredients()[u.ingredient].id,
                        &u.applied
                            .map(|a| dose_amount(a, limit.unit, lang))
                            .unwrap_or_default(),
                    ],
                ),
                Tone::Warn,
            ));
        }
    }
    if !lines.is_empty() {
        doc.list(lines);
    }
}

/// The doses as JSON.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DosesJson<'c> {
    /// The patient's weight, if given.
    pub weight_kg: Option<f64>,
    /// Σ item volumes, mL.
    pub volume_ml: f64,
    /// Sessions the totals count (1 for a check; the course for a plan's course limits).
    pub sessions: u32,
    pub items: Vec<DoseItemJson<'c>>,
    pub actives: Vec<ActiveDoseJson<'c>>,
    /// Product actives whose strength the catalog does not give (not dosed).
    pub unknown: Vec<UnknownStrengthJson<'c>>,
    pub limits: Vec<LimitJson<'c>>,
    /// When two or more local anaesthetics are in the mix: each as a share of its own maximum,
    /// summed (an inference).
    pub anaesthetics: Option<AnaestheticsJson<'c>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct DoseItemJson<'c> {
    /// Ingredient or product id.
    pub item: &'c str,
    pub volume_ml: f64,
    /// The strength given or settled; `null` for a product (its actives carry theirs).
    pub strength: Option<StrengthJson>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct StrengthJson {
    pub value: f64,
    pub unit: StrengthUnit,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ActiveDoseJson<'c> {
    pub ingredient: &'c str,
    pub unit: DoseUnit,
    pub amount: f64,
    /// Amount per mL of the syringe.
    pub concentration_per_ml: f64,
    pub from: Vec<ContributionJson<'c>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ContributionJson<'c> {
    /// The item (ingredient or product id).
    pub item: &'c str,
    /// `own`, `active`, `component` or `contained`.
    pub through: &'static str,
    pub strength: StrengthJson,
    pub amount: f64,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct UnknownStrengthJson<'c> {
    pub product: &'c str,
    pub active: &'c str,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct LimitJson<'c> {
    pub ingredient: &'c str,
    pub per: LimitPer,
    pub unit: DoseUnit,
    pub per_kg: Option<f64>,
    pub cap: Option<f64>,
    /// `per_kg × weight`, when both are known.
    pub by_weight: Option<f64>,
    /// The lower of `by_weight` and `cap`: what applies; `null` when only a per-kg figure
    /// exists and no weight was given.
    pub applied: Option<f64>,
    /// The total held against it.
    pub total: f64,
    /// `total / applied`.
    pub share: Option<f64>,
    pub needs_weight: bool,
    /// `within`, `caution` or `over` (above a label limit set for local injection: blocks).
    pub standing: &'static str,
    pub route: LimitRoute,
    pub evidence: Evidence,
    #[schemars(with = "TextSchema")]
    pub note: &'c Text,
    pub sources: &'c [Str],
    /// For a limit exceeded: the most of each contributing item that fits, the rest unchanged.
    pub most_volume: Vec<MostVolumeJson<'c>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct MostVolumeJson<'c> {
    pub item: &'c str,
    pub volume_ml: f64,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct AnaestheticsJson<'c> {
    pub parts: Vec<AnaestheticPartJson<'c>>,
    pub total: f64,
    /// Anaesthetics left out because their maximum is per kilogram and no weight was given.
    pub unweighed: Vec<&'c str>,
    pub standing: &'static str,
    /// Always `inference`: the labels say the toxic effects add up, not how.
    pub evidence: Evidence,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct AnaestheticPartJson<'c> {
    pub ingredient: &'c str,
    pub share: f64,
}

fn standing_id(s: Standing) -> &'static str {
    match s {
        Standing::Within => "within",
        Standing::Caution => "caution",
        Standing::Over => "over",
    }
}

/// Rounded to a thousandth.
fn r3(x: f64) -> f64 {
    crate::render::json::round_to(x, 3)
}

fn strength_json(s: Strength) -> StrengthJson {
    StrengthJson {
        value: s.value,
        unit: s.unit,
    }
}

/// The doses of a report as JSON.
pub fn doses_json<'c>(catalog: &'c Catalog, d: &DoseReport) -> DosesJson<'c> {
    let ing = |i: usize| catalog.ingredients()[i].id.as_ref();
    DosesJson {
        weight_kg: d.weight_kg,
        volume_ml: r3(d.volume_ml),
        sessions: d.sessions,
        items: d
            .items
            .iter()
            .map(|it| DoseItemJson {
                item: item_id(catalog, it.item),
                volume_ml: it.volume_ml,
                strength: it.strength.map(strength_json),
            })
            .collect(),
        actives: d
            .actives
            .iter()
            .map(|a| ActiveDoseJson {
                ingredient: ing(a.ingredient),
                unit: a.unit,
                amount: r3(a.amount),
                concentration_per_ml: r3(a.concentration),
                from: a
                    .contributions
                    .iter()
                    .map(|c| ContributionJson {
                        item: item_id(catalog, d.items[c.item].item),
                        through: match c.through {
                            Through::Own => "own",
                            Through::Active(_) => "active",
                            Through::Component(_) => "component",
                            Through::Contained(_) => "contained",
                        },
                        strength: strength_json(c.strength),
                        amount: r3(c.amount),
                    })
                    .collect(),
            })
            .collect(),
        unknown: d
            .unknown
            .iter()
            .map(|&(p, a)| UnknownStrengthJson {
                product: &catalog.products()[p].id,
                active: &catalog.products()[p].actives[a].ingredient,
            })
            .collect(),
        limits: d
            .limits
            .iter()
            .map(|u| {
                let limit = &catalog.ingredients()[u.ingredient].dose_limits[u.limit];
                LimitJson {
                    ingredient: ing(u.ingredient),
                    per: limit.per,
                    unit: limit.unit,
                    per_kg: limit.per_kg,
                    cap: limit.cap,
                    by_weight: u.by_weight.map(r3),
                    applied: u.applied.map(r3),
                    total: r3(u.total),
                    share: u.share.map(r3),
                    needs_weight: u.needs_weight,
                    standing: standing_id(u.standing),
                    route: limit.route,
                    evidence: limit.evidence,
                    note: &limit.note,
                    sources: &limit.sources,
                    most_volume: u
                        .most_volume
                        .iter()
                        .map(|&(item, ml)| MostVolumeJson {
                            item: item_id(catalog, d.items[item].item),
                            volume_ml: ml,
                        })
                        .collect(),
                }
            })
            .collect(),
        anaesthetics: d.anaesthetics.as_ref().map(|s| AnaestheticsJson {
            parts: s
                .parts
                .iter()
                .map(|&(i, f)| AnaestheticPartJson {
                    ingredient: ing(i),
                    share: r3(f),
                })
                .collect(),
            total: r3(s.total),
            unweighed: s.unweighed.iter().map(|&i| ing(i)).collect(),
            standing: standing_id(s.standing),
            evidence: Evidence::Inference,
        }),
    }
}
