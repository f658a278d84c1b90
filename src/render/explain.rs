//! `explain` output: how one pair's rating was reached, layer by layer (ingredient edge, class
//! edge, pH inference), with the sources; as a document and as JSON (`mesomix.explain/1`).

use serde::Serialize;

use super::doc::{Doc, Styled, Tone};
use super::json::{CatalogRef, to_string};
use super::lang::{self, Lang, Msg, fill};
use super::vocab::{
    ClaimJson, SourceJson, claim_line, claims_json, round, source_list, sources_table, span, tone,
};
use crate::catalog::Catalog;
use crate::catalog::model::{Edge, Evidence, Ingredient, Mechanism, Rating, Str, Text};
use crate::compat::{PH_GAP, PairRating, Resolution, Via};

// ---------------------------------------------------------------------------------------------
// JSON

#[derive(Debug, Serialize)]
struct EdgeJson<'c> {
    a: &'c str,
    b: &'c str,
    rating: Rating,
    mechanism: Mechanism,
    note: &'c Text,
    evidence: Evidence,
    sources: &'c [Str],
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

#[derive(Debug, Serialize)]
struct PhJson {
    a: Option<[f64; 2]>,
    b: Option<[f64; 2]>,
    gap: Option<f64>,
    /// Whether the gap alone would rate the pair `caution`.
    decisive: bool,
}

#[derive(Debug, Serialize)]
struct ClassStepJson<'c> {
    classes: [&'c str; 2],
    edge: Option<EdgeJson<'c>>,
    overridden: bool,
}

#[derive(Debug, Serialize)]
struct ExplainJson<'c> {
    schema: &'static str,
    catalog: CatalogRef<'c>,
    a: &'c str,
    b: &'c str,
    rating: PairRating,
    via: Via,
    ingredient_edge: Option<EdgeJson<'c>>,
    /// Every claim on the pair (edge claims and solo rules), the deciding one first.
    claims: Vec<ClaimJson<'c>>,
    class_edge: ClassStepJson<'c>,
    ph: PhJson,
    sources: Vec<SourceJson<'c>>,
}

/// `mesomix explain --format json`: every layer of the resolution of pair `a` × `b`.
pub fn explain_json(catalog: &Catalog, a: usize, b: usize, r: &Resolution<'_>) -> String {
    let ing = |i: usize| &catalog.ingredients()[i];
    let ph_of = |i: usize| ing(i).ph.as_ref().map(|p| [p.min, p.max]);
    let body = ExplainJson {
        schema: "mesomix.explain/1",
        catalog: CatalogRef::of(catalog),
        a: &ing(a).id,
        b: &ing(b).id,
        rating: r.rating,
        via: r.via,
        ingredient_edge: r.ingredient_edge.map(edge_json),
        claims: claims_json(catalog, r),
        class_edge: ClassStepJson {
            classes: [&ing(a).class, &ing(b).class],
            edge: r.class_edge.map(edge_json),
            overridden: r.class_edge.is_some() && !r.claims.is_empty(),
        },
        ph: PhJson {
            a: ph_of(a),
            b: ph_of(b),
            gap: r.ph.map(|p| p.gap),
            decisive: r.ph.is_some_and(|p| p.decides()),
        },
        sources: explain_sources(catalog, a, b, r),
    };
    to_string(&body)
}

/// Every source the layers cite (both edges and both pH ranges), sorted and without repeats.
fn explain_sources<'c>(
    catalog: &'c Catalog,
    a: usize,
    b: usize,
    r: &Resolution<'c>,
) -> Vec<SourceJson<'c>> {
    let mut ids: Vec<&str> = Vec::new();
    for e in [r.ingredient_edge, r.class_edge].into_iter().flatten() {
        ids.extend(e.sources.iter().map(|s| &**s));
    }
    for c in &r.claims {
        ids.extend(c.sources.iter().map(|s| &**s));
    }
    for i in [a, b] {
        if let Some(ph) = &catalog.ingredients()[i].ph {
            ids.extend(ph.sources.iter().map(|s| &**s));
        }
    }
    ids.sort_unstable();
    ids.dedup();
    source_list(catalog, ids)
}

// ---------------------------------------------------------------------------------------------
// Document

/// The `explain` document: the rating, then one numbered step per layer and the result.
pub fn explain_doc(catalog: &Catalog, a: usize, b: usize, r: &Resolution<'_>, lang: Lang) -> Doc {
    let (ia, ib) = (&catalog.ingredients()[a], &catalog.ingredients()[b]);
    let mut doc = Doc::new(format!(
        "{}: {} × {}",
        Msg::ExplainTitle.get(lang),
        lang.text(&ia.name),
        lang.text(&ib.name)
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
    let mut steps = ingredient_steps(catalog, r, lang);
    steps.extend([
        class_step(catalog, ia, ib, r, lang),
        ph_step(ia, ib, r, lang),
        Styled::new(
            format!(
                "4. {}: {} ({})",
                Msg::StepResult.get(lang),
                lang::pair_rating(r.rating, lang),
                lang::via(r.via, lang)
            ),
            tone(r.rating),
        ),
    ]);
    doc.heading(Msg::Steps.get(lang));
    doc.list(steps);
    if r.rating == PairRating::Unknown {
        doc.paragraph(Styled::new(Msg::NoDataPair.get(lang), Tone::Muted));
    }
    let sources = explain_sources(catalog, a, b, r);
    if !sources.is_empty() {
        sources_table(&mut doc, &sources, lang);
    }
    doc
}

/// An edge in one line: rating, mechanism, evidence, note and sources.
fn edge_line(e: &Edge, lang: Lang) -> String {
    format!(
        "{} ({}, {}): {} [{}]",
        lang::rating(e.rating, lang),
        lang::mechanism(e.mechanism, lang),
        lang::evidence(e.evidence, lang),
        lang.text(&e.note),
        e.sources.join(", ")
    )
}

/// Step 1: the ingredient edge, if any; when solo rules or further claims speak of the pair,
/// every claim, the deciding one first, each marked.
fn ingredient_steps(catalog: &Catalog, r: &Resolution<'_>, lang: Lang) -> Vec<Styled> {
    let only_the_edge = r.claims.len() <= 1 && r.via != Via::Rule;
    if only_the_edge {
        let step = Msg::StepIngredientEdge.get(lang);
        return vec![match r.ingredient_edge {
            Some(e) => Styled::new(
                format!("1. {step}: {}", edge_line(e, lang)),
                tone(e.rating.into()),
            ),
            None => Styled::from(format!("1. {step}: {}", Msg::NoEdge.get(lang))),
        }];
    }
    let mut lines = vec![Styled::from(format!("1. {}:", Msg::StepClaims.get(lang)))];
    let decided = r.claims.first().map(|c| c.rating);
    for (n, claim) in r.claims.iter().enumerate() {
        let mark = match n {
            0 => Msg::ClaimDecides,
            _ if Some(claim.rating) != decided => Msg::ClaimConflicts,
            _ => Msg::ClaimAgrees,
        };
        lines.push(Styled::new(
            format!(
                "   {} — {}",
                mark.get(lang),
                claim_line(catalog, claim, lang)
            ),
            tone(claim.rating.into()),
        ));
    }
    lines
}

/// Step 2: the class edge, if any, and whether it decided or was overridden.
fn class_step(
    catalog: &Catalog,
    a: &Ingredient,
    b: &Ingredient,
    r: &Resolution<'_>,
    lang: Lang,
) -> Styled {
    // Russian prose names the classes; English keeps the ids a person types.
    let class = |ing: &Ingredient| match lang {
        Lang::En => ing.class.clone(),
        Lang::Ru => catalog
            .classes()
            .iter()
            .find(|c| c.id == ing.class)
            .map_or_else(|| ing.class.to_string(), |c| lang.text(&c.name).to_owned())
            .into(),
    };
    let step = format!(
        "2. {} ({} × {})",
        Msg::StepClassEdge.get(lang),
        class(a),
        class(b)
    );
    match (r.class_edge, !r.claims.is_empty()) {
        (Some(e), true) => Styled::new(
            format!(
                "{step}: {} \u{2014} {}",
                edge_line(e, lang),
                Msg::Overridden.get(lang)
            ),
            Tone::Muted,
        ),
        (Some(e), false) => Styled::new(
            format!(
                "{step}: {} \u{2014} {}",
                edge_line(e, lang),
                Msg::Decides.get(lang)
            ),
            tone(e.rating.into()),
        ),
        (None, _) => Styled::from(format!("{step}: {}", Msg::NoEdge.get(lang))),
    }
}

/// Step 3: the pH inference: both ranges, the gap, and whether it was used.
fn ph_step(a: &Ingredient, b: &Ingredient, r: &Resolution<'_>, lang: Lang) -> Styled {
    let ph_desc = |i: &Ingredient| {
        i.ph.as_ref().map_or_else(
            || Msg::PhUnknown.get(lang).to_owned(),
            |p| span(p.min, p.max),
        )
    };
    let name = |i: &Ingredient| match lang {
        Lang::En => i.id.to_string(),
        Lang::Ru => lang.text(&i.name).to_owned(),
    };
    let ph_line = format!("{} {}, {} {}", name(a), ph_desc(a), name(b), ph_desc(b));
    let step = Msg::StepPh.get(lang);
    match r.ph {
        Some(p) => {
            let gap = if p.decides() {
                Msg::PhGapDecisive
            } else {
                Msg::PhGapSmall
            };
            let verdict = fill(gap.get(lang), &[&round(p.gap), &PH_GAP]);
            let decided_before = !r.claims.is_empty() || r.class_edge.is_some();
            let used = if decided_before {
                format!(" \u{2014} {}", Msg::NotUsed.get(lang))
            } else {
                String::new()
            };
            Styled::from(format!("3. {step}: {ph_line}; {verdict}{used}"))
        }
        None => Styled::from(format!(
            "3. {step}: {ph_line}; {}",
            Msg::PhNotApplicable.get(lang)
        )),
    }
}
