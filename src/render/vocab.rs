//! The vocabulary every view shares: texts in both languages, ids and names, tones, number
//! spans, the pH sentence, the notes of pairs and findings, and source lists. Words that never
//! change live in [`super::lang`]; what is here is built from the catalog's own texts.

use serde::Serialize;

use super::doc::{Doc, Styled, Tone};
use super::lang::{self, Lang, Msg, fill, header};
use super::query;
use crate::catalog::Catalog;
use crate::catalog::model::{
    DoseLimit, DoseUnit, Evidence, Grade, LimitPer, Mechanism, Rating, Scope, Status, Str, Text,
};
use crate::check::{Clearance, Finding, FindingKind, Pair, Severity, Verdict};
use crate::compat::{ClaimAt, PH_GAP, PairClaim, PairRating, PhInference, Resolution, Via};
use crate::patient::{Allergen, Patient};

// ---------------------------------------------------------------------------------------------
// Texts in both languages

/// A text from its English and Russian.
pub fn text(en: String, ru: String) -> Text {
    Text {
        en: en.into(),
        ru: ru.into(),
    }
}

/// Both languages of a fixed message.
pub fn both(msg: Msg) -> Text {
    text(msg.get(Lang::En).to_owned(), msg.get(Lang::Ru).to_owned())
}

/// A text made once per language.
pub fn each(make: &dyn Fn(Lang) -> String) -> Text {
    text(make(Lang::En), make(Lang::Ru))
}

// ---------------------------------------------------------------------------------------------
// Ids, names and lists

/// The id of ingredient `i`.
pub fn id(catalog: &Catalog, i: usize) -> &str {
    &catalog.ingredients()[i].id
}

/// Ingredient `i` as prose names it: its id in English (what a person types), its name in
/// Russian (no raw ids in Russian prose).
pub fn prose(catalog: &Catalog, i: usize, lang: Lang) -> String {
    match lang {
        Lang::En => id(catalog, i).to_owned(),
        Lang::Ru => lang.text(&catalog.ingredients()[i].name).to_owned(),
    }
}

/// An active as a mix names it: "Profhilo (hyaluronic_acid)" when it came in a product, else
/// as [`prose`] names it.
pub fn item_label(catalog: &Catalog, i: usize, product: Option<usize>, lang: Lang) -> String {
    match product {
        Some(p) => format!(
            "{} ({})",
            lang.text(&catalog.products()[p].name),
            prose(catalog, i, lang)
        ),
        None => prose(catalog, i, lang),
    }
}

/// The ingredient a finding is about, when it is about one ingredient of the mix.
pub fn finding_ingredient(f: &Finding) -> Option<usize> {
    match f.kind {
        FindingKind::Status { ingredient }
        | FindingKind::Solo { ingredient }
        | FindingKind::SessionLimit { ingredient }
        | FindingKind::NotInZone { ingredient, .. }
        | FindingKind::Contraindication { ingredient, .. }
        | FindingKind::Allergy { ingredient, .. }
        | FindingKind::Interaction { ingredient, .. }
            if f.component.is_none() =>
        {
            Some(ingredient)
        }
        _ => None,
    }
}

/// Several ingredients as prose names them, joined by `sep`.
pub fn prose_list(catalog: &Catalog, list: &[usize], sep: &str, lang: Lang) -> String {
    list.iter()
        .map(|&i| prose(catalog, i, lang))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The id of goal `g`.
pub fn goal_id(catalog: &Catalog, g: usize) -> &str {
    &catalog.goals()[g].id
}

/// The ids of ingredients, in the order given.
pub fn ids<'c>(catalog: &'c Catalog, list: &[usize]) -> Vec<&'c str> {
    list.iter().map(|&i| id(catalog, i)).collect()
}

/// The ids of goals, in the order given.
pub fn goal_ids<'c>(catalog: &'c Catalog, list: &[usize]) -> Vec<&'c str> {
    list.iter().map(|&g| goal_id(catalog, g)).collect()
}

/// The ids of ingredients joined by `sep` (`", "` for a list, `" + "` for a syringe).
pub fn id_list(catalog: &Catalog, list: &[usize], sep: &str) -> String {
    ids(catalog, list).join(sep)
}

/// A list of source ids as one cell.
pub fn sources<S: std::borrow::Borrow<str>>(ids: &[S]) -> String {
    ids.join(", ")
}

/// Items joined by commas after `f` describes each.
pub fn joined<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(", ")
}

/// The name of what a patient is allergic to.
pub fn allergen_name(catalog: &Catalog, allergen: Allergen, lang: Lang) -> &str {
    match allergen {
        Allergen::Ingredient(i) => lang.text(&catalog.ingredients()[i].name),
        Allergen::Class(c) => lang.text(&catalog.classes()[c].name),
        Allergen::Condition(c) => lang.text(&catalog.conditions()[c].name),
    }
}

/// An allergen as JSON names it: `ingredient:ID`, `class:ID` or `condition:ID`.
pub fn allergen_id(catalog: &Catalog, allergen: Allergen) -> String {
    match allergen {
        Allergen::Ingredient(i) => format!("ingredient:{}", id(catalog, i)),
        Allergen::Class(c) => format!("class:{}", catalog.classes()[c].id),
        Allergen::Condition(c) => format!("condition:{}", catalog.conditions()[c].id),
    }
}

/// The patient in one line: conditions, medications and allergies by name.
pub fn patient_line(catalog: &Catalog, patient: &Patient, lang: Lang) -> String {
    let conditions = patient
        .conditions
        .iter()
        .map(|&c| lang.text(&catalog.conditions()[c].name).to_owned());
    let medications = patient
        .medications
        .iter()
        .map(|&m| lang.text(&catalog.medications()[m].name).to_owned());
    let allergies = patient.allergies.iter().map(|&a| {
        fill(
            Msg::AllergicTo.get(lang),
            &[&allergen_name(catalog, a, lang)],
        )
    });
    let cleared = patient
        .cleared_conditions
        .iter()
        .map(|&c| lang.text(&catalog.conditions()[c].name).to_owned())
        .chain(
            patient
                .cleared_medications
                .iter()
                .map(|&m| lang.text(&catalog.medications()[m].name).to_owned()),
        )
        .map(|name| fill(Msg::Cleared.get(lang), &[&name]));
    let weight = patient
        .weight
        .map(|w| format!("{} {}", number(w.kg(), lang), Msg::Kg.get(lang)));
    conditions
        .chain(medications)
        .chain(allergies)
        .chain(cleared)
        .chain(weight)
        .collect::<Vec<_>>()
        .join("; ")
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// `min` alone when it equals `max`, else `min–max`.
pub fn span<T: std::fmt::Display + PartialEq>(min: T, max: T) -> String {
    if min == max {
        format!("{min}")
    } else {
        format!("{min}–{max}")
    }
}

/// A name followed by its id in brackets, unless the name already says it ("Hyaluronidase",
/// not "Hyaluronidase (hyaluronidase)"; "Gallstones (cholelithiasis)", not twice).
pub fn name_and_id(name: &str, id: &str) -> String {
    let plain = |s: &str| s.to_lowercase().replace(['_', '-'], " ");
    if plain(name).contains(&plain(id)) {
        name.to_owned()
    } else {
        format!("{name} ({id})")
    }
}

/// A number to one decimal place, without trailing zeros.
pub fn round(x: f64) -> String {
    format!("{}", (x * 10.0).round() / 10.0)
}

/// A number to one decimal place in the language's own form (a decimal comma in Russian).
pub fn decimal(x: f64, lang: Lang) -> String {
    let s = format!("{:.1}", (x * 10.0).round() / 10.0);
    match lang {
        Lang::En => s,
        Lang::Ru => s.replace('.', ","),
    }
}

/// A value on the efficacy scale: "1.8 of 3".
pub fn out_of_three(x: f64, lang: Lang) -> String {
    fill(Msg::OutOfThree.get(lang), &[&decimal(x, lang)])
}

/// The display name of action `a`.
pub fn action_name(catalog: &Catalog, a: usize, lang: Lang) -> &str {
    lang.text(&catalog.actions()[a].name)
}

// ---------------------------------------------------------------------------------------------
// Tones and cells

/// The tone a rating is shown in.
pub fn tone(rating: PairRating) -> Tone {
    match rating {
        PairRating::Compatible => Tone::Good,
        PairRating::Caution => Tone::Warn,
        PairRating::Unknown => Tone::Muted,
        PairRating::Incompatible => Tone::Bad,
    }
}

/// A catalog rating as a cell, in its tone.
pub fn rating_cell(r: Rating, lang: Lang) -> Styled {
    Styled::new(lang::rating(r, lang), tone(r.into()))
}

/// The tone a verdict is shown in.
pub fn verdict_tone(v: Verdict) -> Tone {
    match v {
        Verdict::Compatible => Tone::Good,
        Verdict::Caution => Tone::Warn,
        Verdict::Unknown => Tone::Muted,
        Verdict::Incompatible | Verdict::Postpone | Verdict::Refused => Tone::Bad,
    }
}

/// A verdict as a field value: the word in capitals, in its tone.
pub fn verdict_cell(v: Verdict, lang: Lang) -> Styled {
    Styled::new(lang::verdict(v, lang).to_uppercase(), verdict_tone(v))
}

/// The tone a finding's severity is shown in (plain for `info`).
pub fn severity_tone(s: Severity) -> Tone {
    s.verdict().map_or(Tone::Plain, verdict_tone)
}

/// The tone an ingredient's status is shown in.
pub fn status_tone(status: &Status) -> Tone {
    match status {
        Status::Available => Tone::Plain,
        _ => Tone::Bad,
    }
}

/// The status as JSON names it.
pub fn status_id(status: &Status) -> &'static str {
    match status {
        Status::Available => "available",
        Status::Withdrawn { .. } => "withdrawn",
        Status::NotInjectable { .. } => "not_injectable",
        Status::Unapproved { .. } => "unapproved",
    }
}

/// The tone a condition's scope is shown in.
pub fn scope_tone(scope: Scope) -> Tone {
    match scope {
        Scope::Absolute => Tone::Bad,
        Scope::Postpone | Scope::Zone | Scope::Relative => Tone::Warn,
        Scope::Ingredient => Tone::Plain,
    }
}

// ---------------------------------------------------------------------------------------------
// Pairs

/// Why a pair is rated by pH: both ranges, the gap and the threshold. The one sentence every
/// view gives for a pH inference.
pub fn ph_note(ph: &PhInference) -> Text {
    text(
        format!(
            "pH {} and {} are {} units apart (more than {}): one may precipitate or degrade the other. Inference; no source tested this pair.",
            span(ph.a.0, ph.a.1),
            span(ph.b.0, ph.b.1),
            round(ph.gap),
            PH_GAP
        ),
        format!(
            "pH {} и {} различаются на {} ед. (более {}): возможны осаждение или разрушение. Вывод; эту пару ни один источник не проверял.",
            span(ph.a.0, ph.a.1),
            span(ph.b.0, ph.b.1),
            round(ph.gap),
            PH_GAP
        ),
    )
}

/// The note of a pair: the deciding claim's note, the pH reasoning, or why it is unknown.
pub fn pair_note(catalog: &Catalog, pair: &Pair) -> Text {
    match (pair.via, pair_claim(catalog, pair)) {
        (Via::Class, Some(claim)) => {
            let (a, b) = match claim.at {
                ClaimAt::Class { edge } => {
                    let e = &catalog.file().class_edges[edge];
                    (e.a.as_ref(), e.b.as_ref())
                }
                _ => ("", ""),
            };
            text(
                format!("class edge {a} × {b}: {}", claim.note.en),
                format!("связь классов {a} × {b}: {}", claim.note.ru),
            )
        }
        (_, Some(claim)) => claim.note.clone(),
        (Via::Ph, _) => pair
            .ph
            .as_ref()
            .map_or_else(|| both(Msg::NoDataPair), ph_note),
        _ => both(Msg::NoDataPair),
    }
}

/// The claim that rated a pair (ingredient edge, solo rule or class edge), if one did.
fn pair_claim<'c>(catalog: &'c Catalog, pair: &Pair) -> Option<PairClaim<'c>> {
    pair.decided_by.and_then(|at| at.get(catalog))
}

/// The evidence behind a pair's rating; `None` for a pair without data.
pub fn pair_evidence(catalog: &Catalog, pair: &Pair) -> Option<Evidence> {
    match pair.via {
        Via::Ph => Some(Evidence::Inference),
        _ => pair_claim(catalog, pair).map(|c| c.evidence),
    }
}

/// The mechanism of the claim that rated a pair, if it names one.
pub fn pair_mechanism(catalog: &Catalog, pair: &Pair) -> Option<Mechanism> {
    pair_claim(catalog, pair).and_then(|c| c.mechanism)
}

/// The sources of a pair's rating: the edge's, or both pH sources for an inference.
pub fn pair_sources(catalog: &Catalog, pair: &Pair) -> Vec<String> {
    match pair.via {
        Via::Ph => query::ph_sources(catalog, pair.a, pair.b),
        _ => pair_claim(catalog, pair).map_or_else(Vec::new, |c| {
            c.sources.iter().map(|s| s.to_string()).collect()
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// Findings

/// What a finding is about, as an id (an ingredient, condition, medication, or `mix`).
pub fn finding_subject(catalog: &Catalog, f: &Finding) -> String {
    if let Some(of) = f.component {
        return of.carrier_id(catalog).to_owned();
    }
    match f.kind {
        FindingKind::Status { ingredient }
        | FindingKind::Solo { ingredient }
        | FindingKind::SessionLimit { ingredient }
        | FindingKind::NotInZone { ingredient, .. }
        | FindingKind::Contraindication { ingredient, .. }
        | FindingKind::Allergy { ingredient, .. }
        | FindingKind::Interaction { ingredient, .. } => id(catalog, ingredient).to_owned(),
        FindingKind::ComponentCondition { of, .. } => of.carrier_id(catalog).to_owned(),
        FindingKind::ProductSolo { product } => catalog.products()[product].id.to_string(),
        FindingKind::DoseLimit { ingredient, .. } => id(catalog, ingredient).to_owned(),
        FindingKind::TooManyComponents { .. } | FindingKind::AnaestheticSum { .. } => {
            "mix".to_owned()
        }
        FindingKind::Condition { condition } => catalog.conditions()[condition].id.to_string(),
        FindingKind::MedicationGeneral { medication } => {
            catalog.medications()[medication].id.to_string()
        }
    }
}

/// The kind of a finding as JSON names it.
pub fn finding_kind(f: &Finding) -> &'static str {
    match f.clearance {
        Some(Clearance::Needed) => return "needs_clearance",
        Some(Clearance::Given) => return "cleared",
        None => {}
    }
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
        FindingKind::ComponentCondition { .. } => "component",
        FindingKind::ProductSolo { .. } => "product_solo",
        FindingKind::DoseLimit { .. } => "dose_limit",
        FindingKind::AnaestheticSum { .. } => "anaesthetic_sum",
    }
}

/// The note of a finding in both languages, built from the catalog's own texts; a relative
/// contraindication says first whether the prescriber's clearance is needed or was given.
pub fn finding_note(catalog: &Catalog, f: &Finding) -> Text {
    let note = cleared_note(catalog, f);
    match (f.component, f.kind) {
        (Some(of), kind) if !matches!(kind, FindingKind::ComponentCondition { .. }) => {
            let name = &of.component(catalog).name;
            let contains = |l: Lang| fill(Msg::Contains.get(l), &[&l.text(name)]);
            text(
                format!("{}: {}", contains(Lang::En), note.en),
                format!("{}: {}", contains(Lang::Ru), note.ru),
            )
        }
        _ => note,
    }
}

/// The note with, for a relative contraindication, whether the clearance is needed or given.
fn cleared_note(catalog: &Catalog, f: &Finding) -> Text {
    let note = base_note(catalog, f);
    let Some(clearance) = f.clearance else {
        return note;
    };
    let who = match f.kind {
        FindingKind::Condition { condition } | FindingKind::Contraindication { condition, .. } => {
            catalog.conditions()[condition].id.as_ref()
        }
        FindingKind::MedicationGeneral { medication }
        | FindingKind::Interaction { medication, .. } => {
            catalog.medications()[medication].id.as_ref()
        }
        _ => "",
    };
    let msg = match clearance {
        Clearance::Needed => Msg::NeedsClearance,
        Clearance::Given => Msg::ClearanceGiven,
    };
    text(
        format!("{}. {}", fill(msg.get(Lang::En), &[&who]), note.en),
        format!("{}. {}", fill(msg.get(Lang::Ru), &[&who]), note.ru),
    )
}

/// A finding's note from the catalog, without the clearance.
fn base_note(catalog: &Catalog, f: &Finding) -> Text {
    let ing = |i: usize| &catalog.ingredients()[i];
    match f.kind {
        FindingKind::Status { ingredient } => {
            let status = &ing(ingredient).status;
            let note = query::status_note(status).map(|(n, _)| n);
            labelled(&|l| lang::status(status, l), note)
        }
        FindingKind::Solo { ingredient } => {
            let note = ing(ingredient).solo.as_ref().map(|s| &s.note);
            labelled(&|l| Msg::Solo.get(l), note)
        }
        FindingKind::TooManyComponents { count, max } => {
            each(&|l| fill(Msg::TooManyComponents.get(l), &[&count, &max]))
        }
        FindingKind::SessionLimit { ingredient } => {
            let note = ing(ingredient).session_limit.as_ref().map(|s| &s.text);
            labelled(&|l| Msg::SessionLimit.get(l), note)
        }
        FindingKind::NotInZone { ingredient, zone } => {
            let zone = &catalog.zones()[zone].name;
            let note = ing(ingredient).zone_note.as_ref().map(|n| &n.text);
            each(&|l| with_note(fill(Msg::NotInZone.get(l), &[&l.text(zone)]), ": ", note, l))
        }
        FindingKind::Condition { condition } => condition_note(catalog, condition),
        FindingKind::Contraindication {
            ingredient,
            condition,
            contraindication,
        } => {
            let contra = &ing(ingredient).contraindications[contraindication];
            let what = if contra.rating == Rating::Incompatible {
                Msg::RuledOutBy
            } else {
                Msg::CautionIn
            };
            let name = &catalog.conditions()[condition].name;
            let note = contra.note.as_ref();
            each(&|l| with_note(fill(what.get(l), &[&l.text(name)]), ": ", note, l))
        }
        FindingKind::Allergy { allergen, .. } => each(&|l| {
            fill(
                Msg::AllergicTo.get(l),
                &[&allergen_name(catalog, allergen, l)],
            )
        }),
        FindingKind::MedicationGeneral { medication } => {
            let med = &catalog.medications()[medication];
            labelled(
                &|l| l.text(&med.name),
                med.general.as_ref().map(|g| &g.note),
            )
        }
        FindingKind::Interaction {
            medication,
            ingredient,
            interaction,
        } => {
            let med = &catalog.medications()[medication];
            let note = &ing(ingredient).interactions[interaction].note;
            labelled(&|l| l.text(&med.name), Some(note))
        }
        FindingKind::ProductSolo { product } => {
            let note = catalog.products()[product].solo.as_ref().map(|s| &s.note);
            labelled(&|l| Msg::Solo.get(l), note)
        }
        FindingKind::ComponentCondition { of, condition } => {
            let name = &of.component(catalog).name;
            let cond = &catalog.conditions()[condition].name;
            each(&|l| {
                fill(
                    Msg::ComponentRulesOut.get(l),
                    &[&l.text(name), &l.text(cond)],
                )
            })
        }
        FindingKind::DoseLimit {
            ingredient,
            limit,
            total_milli,
            applied_milli,
            weight_tenths,
        } => {
            let lim = &ing(ingredient).dose_limits[limit];
            let total = total_milli as f64 / 1000.0;
            let applied = applied_milli.map(|a| a as f64 / 1000.0);
            let weight = weight_tenths.map(|w| f64::from(w) / 10.0);
            each(&|l| {
                let head = match applied {
                    Some(a) if total > a => fill(
                        Msg::DoseOver.get(l),
                        &[
                            &dose_amount(total, lim.unit, l),
                            &dose_amount(a, lim.unit, l),
                            &percent(total / a, l),
                        ],
                    ),
                    // Within the cap, but the per-kilogram part needs the weight.
                    _ => fill(
                        Msg::DoseNeedsWeight.get(l),
                        &[&dose_amount(total, lim.unit, l)],
                    ),
                };
                format!(
                    "{head}; {} ({}, {}). {}",
                    limit_basis(lim, weight, l),
                    lang::limit_route(lim.route, l),
                    lang::evidence(lim.evidence, l),
                    l.text(&lim.note)
                )
            })
        }
        FindingKind::AnaestheticSum {
            total_milli,
            unweighed,
        } => each(&|l| {
            let mut s = fill(
                Msg::AnaestheticSum.get(l),
                &[&percent(total_milli as f64 / 1000.0, l)],
            );
            if unweighed > 0 {
                s.push_str(Msg::AnaestheticUnweighed.get(l));
            }
            s
        }),
    }
}

/// An amount with its unit: "20 mg", "150 U".
pub fn dose_amount(x: f64, unit: DoseUnit, lang: Lang) -> String {
    let unit = match (unit, lang) {
        (DoseUnit::Mg, Lang::En) => "mg",
        (DoseUnit::Mg, Lang::Ru) => "мг",
        (DoseUnit::Units, Lang::En) => "U",
        (DoseUnit::Units, Lang::Ru) => "ЕД",
    };
    format!("{} {unit}", number(x, lang))
}

/// A number to at most one decimal place (two below 10), in the language's form.
pub fn number(x: f64, lang: Lang) -> String {
    let places = if x.abs() < 10.0 { 2 } else { 1 };
    let factor = 10f64.powi(places);
    let mut s = format!("{}", (x * factor).round() / factor);
    if lang == Lang::Ru {
        s = s.replace('.', ",");
    }
    s
}

/// A share as a percentage to one decimal place: "7.4 %".
pub fn percent(share: f64, lang: Lang) -> String {
    let mut s = format!("{}", (share * 1000.0).round() / 10.0);
    if lang == Lang::Ru {
        s = s.replace('.', ",");
    }
    format!("{s} %")
}

/// What a limit allows, labelled, for a sentence: "limit: min(4.5 mg/kg × 60 kg = 270 mg;
/// 300 mg) per session".
pub fn limit_basis(limit: &DoseLimit, weight_kg: Option<f64>, lang: Lang) -> String {
    format!(
        "{}: {}",
        Msg::LimitWord.get(lang),
        limit_rule(limit, weight_kg, lang)
    )
}

/// What a limit allows, as arithmetic, for a cell under the word "limit": "min(4.5 mg/kg ×
/// 60 kg = 270 mg; 300 mg) per session".
pub fn limit_rule(limit: &DoseLimit, weight_kg: Option<f64>, lang: Lang) -> String {
    let per = match (limit.per, lang) {
        (LimitPer::Session, Lang::En) => "per session",
        (LimitPer::Session, Lang::Ru) => "за сеанс",
        (LimitPer::Course, Lang::En) => "per course",
        (LimitPer::Course, Lang::Ru) => "за курс",
    };
    let by_weight = limit.per_kg.map(|k| {
        let per_kg = format!("{}/{}", dose_amount(k, limit.unit, lang), Msg::Kg.get(lang));
        match weight_kg {
            Some(w) => format!(
                "{per_kg} × {} {} = {}",
                number(w, lang),
                Msg::Kg.get(lang),
                dose_amount(k * w, limit.unit, lang)
            ),
            None => format!("{per_kg} ({})", Msg::NoWeight.get(lang)),
        }
    });
    let cap = limit.cap.map(|c| dose_amount(c, limit.unit, lang));
    let rule = match (by_weight, cap) {
        (Some(w), Some(c)) => format!("min({w}; {c})"),
        (Some(w), None) => w,
        (None, Some(c)) => c,
        (None, None) => String::new(),
    };
    format!("{rule} {per}")
}

/// "label: note", the shape of most finding notes (an empty note when there is none).
fn labelled<'a>(label: &dyn Fn(Lang) -> &'a str, note: Option<&Text>) -> Text {
    each(&|l| format!("{}: {}", label(l), note.map_or("", |n| l.text(n))))
}

/// `head`, then `sep` and the note when there is one.
fn with_note(mut head: String, sep: &str, note: Option<&Text>, lang: Lang) -> String {
    if let Some(n) = note {
        head.push_str(sep);
        head.push_str(lang.text(n));
    }
    head
}

/// A session-wide condition: its name, its scope, and its note.
fn condition_note(catalog: &Catalog, condition: usize) -> Text {
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
        with_note(s, ". ", cond.note.as_ref(), l)
    })
}

// ---------------------------------------------------------------------------------------------
// Sources

/// A cited source, as `show` and `explain` list them.
#[derive(Debug, Serialize)]
pub struct SourceJson<'c> {
    pub id: &'c str,
    pub title: &'c str,
    pub citation: &'c str,
    pub grade: Grade,
}

/// The catalog's records of the sources `ids` names (unknown ids are skipped), in that order.
pub fn source_list<'c, 'i>(
    catalog: &'c Catalog,
    ids: impl IntoIterator<Item = &'i str>,
) -> Vec<SourceJson<'c>> {
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

/// The "Sources" heading and a table of `sources`: id, grade, title and citation.
pub fn sources_table(doc: &mut Doc, sources: &[SourceJson<'_>], lang: Lang) {
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

// ---------------------------------------------------------------------------------------------
// Claims on a pair

/// One claim on a pair, in JSON (`explain`'s `claims`, `check`'s `pairs[].conflicting`).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ClaimJson<'c> {
    /// `edge` or `rule` (an ingredient's own "do not mix").
    from: &'static str,
    /// The ingredient whose rule it is.
    ingredient: Option<&'c str>,
    rating: Rating,
    mechanism: Option<Mechanism>,
    #[schemars(with = "super::json::TextSchema")]
    note: &'c Text,
    evidence: Evidence,
    sources: &'c [Str],
    #[schemars(with = "Option<super::json::TextSchema>")]
    condition: Option<&'c Text>,
    /// `decides`, `agrees` or `conflicts`.
    role: &'static str,
}

impl ClaimJson<'_> {
    /// Whether it rates the pair otherwise than the deciding claim.
    pub fn conflicts(&self) -> bool {
        self.role == "conflicts"
    }
}

/// Every claim on a resolved pair, the deciding one first, each with its role.
pub fn claims_json<'c>(catalog: &'c Catalog, r: &Resolution<'c>) -> Vec<ClaimJson<'c>> {
    let decided = r.claims.first().map(|c| c.rating);
    r.claims
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let (from, ingredient) = match c.at {
                ClaimAt::Rule { ingredient } => {
                    ("rule", Some(catalog.ingredients()[ingredient].id.as_ref()))
                }
                _ => ("edge", None),
            };
            ClaimJson {
                from,
                ingredient,
                rating: c.rating,
                mechanism: c.mechanism,
                note: c.note,
                evidence: c.evidence,
                sources: c.sources,
                condition: c.condition,
                role: match n {
                    0 => "decides",
                    _ if Some(c.rating) != decided => "conflicts",
                    _ => "agrees",
                },
            }
        })
        .collect()
}

/// One claim in one line: where it is written, rating, mechanism, grade, note, condition and
/// sources.
pub fn claim_line(catalog: &Catalog, c: &PairClaim<'_>, lang: Lang) -> String {
    let whose = match c.at {
        ClaimAt::Rule { ingredient } => format!(
            "{} {}",
            Msg::RuleOf.get(lang),
            lang.text(&catalog.ingredients()[ingredient].name)
        ),
        _ => Msg::StepIngredientEdge.get(lang).to_owned(),
    };
    let mechanism = c
        .mechanism
        .map(|m| format!("{}, ", lang::mechanism(m, lang)))
        .unwrap_or_default();
    let condition = c
        .condition
        .map(|t| format!(" ({})", lang.text(t)))
        .unwrap_or_default();
    format!(
        "{whose}: {} ({mechanism}{}): {}{condition} [{}]",
        lang::rating(c.rating, lang),
        lang::evidence(c.evidence, lang),
        lang.text(c.note),
        c.sources.join(", ")
    )
}
