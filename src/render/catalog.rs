//! The catalog commands' output: `ingredients`, `show`, `classes`, `goals`, `zones`,
//! `conditions`, `medications` and `validate`, as documents and as JSON.

use serde::Serialize;

use super::doc::{Doc, Styled, Tone};
use super::json::{envelope, to_string};
use super::lang::{self, Lang, Msg, fill, header};
use crate::catalog::model::{
    Contraindication, CourseLimit, Depth, Evidence, Fact, Ingredient, MedicationInteraction, Ph,
    Rating, Region, Scope, Solo, Status, Text,
};
use crate::catalog::{Catalog, CatalogError};
use crate::compat::{PairRating, Via, resolve};

/// The tone a rating is shown in.
pub fn tone(rating: PairRating) -> Tone {
    match rating {
        PairRating::Compatible => Tone::Good,
        PairRating::Caution => Tone::Warn,
        PairRating::Unknown => Tone::Muted,
        PairRating::Incompatible => Tone::Bad,
    }
}

fn rating_cell(r: Rating, lang: Lang) -> Styled {
    Styled::new(lang::rating(r, lang), tone(r.into()))
}

fn sources(ids: &[String]) -> String {
    ids.join(", ")
}

fn joined<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(", ")
}

fn ingredient_name(catalog: &Catalog, id: &str, lang: Lang) -> String {
    catalog
        .ingredients()
        .iter()
        .find(|i| i.id == id)
        .map_or_else(|| id.to_owned(), |i| lang.text(&i.name).to_owned())
}

fn status_tone(status: &Status) -> Tone {
    match status {
        Status::Available => Tone::Plain,
        _ => Tone::Bad,
    }
}

fn status_note(status: &Status) -> Option<(&Text, &[String])> {
    match status {
        Status::Available => None,
        Status::Withdrawn { note, sources }
        | Status::NotInjectable { note, sources }
        | Status::Unapproved { note, sources } => Some((note, sources)),
    }
}

fn status_id(status: &Status) -> &'static str {
    match status {
        Status::Available => "available",
        Status::Withdrawn { .. } => "withdrawn",
        Status::NotInjectable { .. } => "not_injectable",
        Status::Unapproved { .. } => "unapproved",
    }
}

// ---------------------------------------------------------------------------------------------
// ingredients

/// Ingredients of `class` serving `goal` (indices), in catalog order.
pub fn filter_ingredients(
    catalog: &Catalog,
    class: Option<usize>,
    goal: Option<usize>,
) -> Vec<usize> {
    let goal_id = goal.map(|g| catalog.goals()[g].id.as_str());
    (0..catalog.ingredients().len())
        .filter(|&i| class.is_none_or(|c| catalog.class_of(i) == c))
        .filter(|&i| {
            goal_id.is_none_or(|g| {
                catalog.ingredients()[i]
                    .goals
                    .iter()
                    .any(|claim| claim.goal == g)
            })
        })
        .collect()
}

pub fn ingredients_doc(catalog: &Catalog, list: &[usize], goal: Option<usize>, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::IngredientsTitle.get(lang));
    if list.is_empty() {
        doc.paragraph(Msg::NoMatch.get(lang));
        return doc;
    }
    let goal_id = goal.map(|g| catalog.goals()[g].id.as_str());
    let rows = list
        .iter()
        .map(|&i| {
            let ing = &catalog.ingredients()[i];
            let mut goals: Vec<_> = ing.goals.iter().collect();
            // With a goal filter, the best for that goal comes through clearest.
            goals.sort_by_key(|g| {
                (
                    Some(g.goal.as_str()) != goal_id,
                    std::cmp::Reverse(g.efficacy),
                    g.goal.clone(),
                )
            });
            vec![
                Styled::from(ing.id.as_str()),
                Styled::from(lang.text(&ing.name)),
                Styled::from(lang.text(&catalog.classes()[catalog.class_of(i)].name)),
                Styled::new(lang::status(&ing.status, lang), status_tone(&ing.status)),
                Styled::from(joined(&goals, |g| format!("{} {}", g.goal, g.efficacy))),
                Styled::from(joined(&ing.depth, |d| lang::depth(*d, lang).to_owned())),
            ]
        })
        .collect();
    let header = header(
        &[
            Msg::Id,
            Msg::Name,
            Msg::Class,
            Msg::Status,
            Msg::Goals,
            Msg::Depth,
        ],
        lang,
    );
    doc.table(header, rows);
    doc
}

#[derive(Debug, Serialize)]
struct IngredientRow<'c> {
    id: &'c str,
    name: &'c Text,
    class: &'c str,
    status: &'static str,
    aliases: &'c [String],
    goals: Vec<GoalRow<'c>>,
    depth: &'c [Depth],
}

#[derive(Debug, Serialize)]
struct GoalRow<'c> {
    goal: &'c str,
    efficacy: u8,
    evidence: Evidence,
    sources: &'c [String],
}

fn ingredient_row(ing: &Ingredient) -> IngredientRow<'_> {
    IngredientRow {
        id: &ing.id,
        name: &ing.name,
        class: &ing.class,
        status: status_id(&ing.status),
        aliases: &ing.aliases,
        goals: ing
            .goals
            .iter()
            .map(|g| GoalRow {
                goal: &g.goal,
                efficacy: g.efficacy,
                evidence: g.evidence,
                sources: &g.sources,
            })
            .collect(),
        depth: &ing.depth,
    }
}

pub fn ingredients_json(catalog: &Catalog, list: &[usize]) -> String {
    #[derive(Serialize)]
    struct Body<'c> {
        ingredients: Vec<IngredientRow<'c>>,
    }
    let body = Body {
        ingredients: list
            .iter()
            .map(|&i| ingredient_row(&catalog.ingredients()[i]))
            .collect(),
    };
    to_string(&envelope("mesomix.ingredients/1", catalog, body))
}

// ---------------------------------------------------------------------------------------------
// show

/// One known pair of an ingredient, as `show` lists it.
#[derive(Debug, Serialize)]
pub struct PairRow<'c> {
    pub with: &'c str,
    pub rating: PairRating,
    pub via: Via,
    pub mechanism: Option<crate::catalog::model::Mechanism>,
    pub note: Option<&'c Text>,
    pub evidence: Evidence,
    pub sources: &'c [String],
}

/// Every pair of ingredient `i` that has data (an edge or a pH inference), worst first.
pub fn known_pairs(catalog: &Catalog, i: usize) -> Vec<PairRow<'_>> {
    let mut rows: Vec<PairRow<'_>> = (0..catalog.ingredients().len())
        .filter(|&j| j != i)
        .filter_map(|j| {
            let r = resolve(catalog, i, j);
            let with = catalog.ingredients()[j].id.as_str();
            let edge = match r.via {
                Via::Ingredient => r.ingredient_edge,
                Via::Class => r.class_edge,
                Via::Ph => {
                    return Some(PairRow {
                        with,
                        rating: r.rating,
                        via: r.via,
                        mechanism: None,
                        note: None,
                        evidence: Evidence::Inference,
                        sources: &[],
                    });
                }
                Via::None => None,
            }?;
            Some(PairRow {
                with,
                rating: r.rating,
                via: r.via,
                mechanism: Some(edge.mechanism),
                note: Some(&edge.note),
                evidence: edge.evidence,
                sources: &edge.sources,
            })
        })
        .collect();
    rows.sort_by(|a, b| b.rating.cmp(&a.rating).then_with(|| a.with.cmp(b.with)));
    rows
}

/// The pH sources of both ingredients, for a pair rated by pH inference.
fn ph_sources(catalog: &Catalog, a: usize, with: &str) -> Vec<String> {
    let mut out = Vec::new();
    for ing in [
        Some(&catalog.ingredients()[a]),
        catalog.ingredients().iter().find(|i| i.id == with),
    ]
    .into_iter()
    .flatten()
    {
        if let Some(ph) = &ing.ph {
            out.extend(ph.sources.iter().cloned());
        }
    }
    out.dedup();
    out
}

fn ph_note(catalog: &Catalog, a: usize, with: &str, lang: Lang) -> String {
    let pa = catalog.ingredients()[a].ph.as_ref();
    let pb = catalog
        .ingredients()
        .iter()
        .find(|i| i.id == with)
        .and_then(|i| i.ph.as_ref());
    match (pa, pb, lang) {
        (Some(pa), Some(pb), Lang::En) => format!(
            "pH {}–{} and {}–{} are more than {} units apart: one may precipitate or degrade the other (inference, no source tested this pair)",
            pa.min,
            pa.max,
            pb.min,
            pb.max,
            crate::compat::PH_GAP
        ),
        (Some(pa), Some(pb), Lang::Ru) => format!(
            "pH {}–{} и {}–{} различаются более чем на {} единицы: возможны осаждение или разрушение (вывод; эту пару ни один источник не проверял)",
            pa.min,
            pa.max,
            pb.min,
            pb.max,
            crate::compat::PH_GAP
        ),
        _ => String::new(),
    }
}

pub fn show_doc(catalog: &Catalog, i: usize, lang: Lang) -> Doc {
    let ing = &catalog.ingredients()[i];
    let mut doc = Doc::new(format!("{} ({})", lang.text(&ing.name), ing.id));
    let mut fields = vec![
        (
            Msg::Class.get(lang).to_owned(),
            Styled::from(lang.text(&catalog.classes()[catalog.class_of(i)].name)),
        ),
        (
            Msg::Status.get(lang).to_owned(),
            Styled::new(lang::status(&ing.status, lang), status_tone(&ing.status)),
        ),
    ];
    if let Some((note, srcs)) = status_note(&ing.status) {
        fields.push((
            Msg::Note.get(lang).to_owned(),
            Styled::new(
                format!("{} [{}]", lang.text(note), sources(srcs)),
                Tone::Bad,
            ),
        ));
    }
    if !ing.aliases.is_empty() {
        fields.push((
            Msg::Aliases.get(lang).to_owned(),
            Styled::from(ing.aliases.join(", ")),
        ));
    }
    fields.push((
        Msg::Depth.get(lang).to_owned(),
        Styled::from(joined(&ing.depth, |d| lang::depth(*d, lang).to_owned())),
    ));
    fields.push((
        Msg::AllowedZones.get(lang).to_owned(),
        Styled::from(allowed_zones(catalog, ing, lang)),
    ));
    if let Some(z) = &ing.zone_note {
        fields.push((
            String::new() + Msg::AllowedZones.get(lang) + " \u{2014} " + Msg::Note.get(lang),
            fact(z, lang),
        ));
    }
    if let Some(ph) = &ing.ph {
        fields.push((Msg::Ph.get(lang).to_owned(), Styled::from(ph_text(ph))));
    }
    if let Some(c) = &ing.concentration {
        fields.push((Msg::Concentration.get(lang).to_owned(), fact(c, lang)));
    }
    if let Some(s) = &ing.session_limit {
        fields.push((Msg::SessionLimit.get(lang).to_owned(), fact(s, lang)));
    }
    if let Some(c) = &ing.course {
        fields.push((
            Msg::Course.get(lang).to_owned(),
            Styled::from(course_text(c, lang)),
        ));
    }
    fields.push((
        Msg::Sources.get(lang).to_owned(),
        Styled::from(sources(&ing.sources)),
    ));
    doc.fields(fields);

    doc.heading(Msg::GoalsTitle.get(lang));
    let rows = ing
        .goals
        .iter()
        .map(|g| {
            let name = catalog
                .goals()
                .iter()
                .find(|x| x.id == g.goal)
                .map_or(g.goal.as_str(), |x| lang.text(&x.name));
            vec![
                Styled::from(name),
                Styled::from(g.efficacy.to_string()),
                Styled::from(lang::evidence(g.evidence, lang)),
                Styled::from(sources(&g.sources)),
            ]
        })
        .collect();
    doc.table(
        header(
            &[Msg::Goal, Msg::Efficacy, Msg::Evidence, Msg::Sources],
            lang,
        ),
        rows,
    );

    if let Some(solo) = &ing.solo {
        doc.heading(Msg::Solo.get(lang));
        doc.paragraph(solo_text(solo, lang));
    }
    if !ing.contraindications.is_empty() {
        doc.heading(Msg::Contraindications.get(lang));
        let rows = ing
            .contraindications
            .iter()
            .map(|c| contraindication_row(catalog, c, lang))
            .collect();
        doc.table(
            header(
                &[
                    Msg::Name,
                    Msg::Rating,
                    Msg::Evidence,
                    Msg::Note,
                    Msg::Sources,
                ],
                lang,
            ),
            rows,
        );
    }
    if !ing.interactions.is_empty() {
        doc.heading(Msg::Interactions.get(lang));
        let rows = ing
            .interactions
            .iter()
            .map(|m| interaction_row(catalog, m, lang))
            .collect();
        doc.table(
            header(
                &[
                    Msg::Name,
                    Msg::Rating,
                    Msg::Evidence,
                    Msg::Note,
                    Msg::Sources,
                ],
                lang,
            ),
            rows,
        );
    }
    if !ing.notes.is_empty() {
        doc.heading(Msg::Notes.get(lang));
        doc.list(ing.notes.iter().map(|n| fact(n, lang)).collect());
    }

    doc.heading(Msg::PairsTitle.get(lang));
    let pairs = known_pairs(catalog, i);
    if pairs.is_empty() {
        doc.paragraph(Msg::PairsNone.get(lang));
    } else {
        let rows = pairs
            .iter()
            .map(|p| {
                let (note, srcs) = match p.note {
                    Some(note) => (lang.text(note).to_owned(), sources(p.sources)),
                    None => (
                        ph_note(catalog, i, p.with, lang),
                        sources(&ph_sources(catalog, i, p.with)),
                    ),
                };
                vec![
                    Styled::from(format!(
                        "{} ({})",
                        ingredient_name(catalog, p.with, lang),
                        p.with
                    )),
                    Styled::new(lang::pair_rating(p.rating, lang), tone(p.rating)),
                    Styled::from(lang::via(p.via, lang)),
                    Styled::from(
                        p.mechanism
                            .map_or(Msg::None_.get(lang), |m| lang::mechanism(m, lang)),
                    ),
                    Styled::from(lang::evidence(p.evidence, lang)),
                    Styled::from(note),
                    Styled::from(srcs),
                ]
            })
            .collect();
        doc.table(
            header(
                &[
                    Msg::With,
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

    doc.heading(Msg::SourcesTitle.get(lang));
    let rows = cited_sources(catalog, i)
        .into_iter()
        .filter_map(|id| catalog.source(&id))
        .map(|s| {
            vec![
                Styled::from(s.id.as_str()),
                Styled::from(lang::grade(s.grade, lang)),
                Styled::from(format!("{} \u{2014} {}", s.title, s.citation)),
            ]
        })
        .collect();
    doc.table(header(&[Msg::Id, Msg::Evidence, Msg::Name], lang), rows);
    doc
}

fn fact(f: &Fact, lang: Lang) -> Styled {
    Styled::from(format!(
        "{} ({}; {})",
        lang.text(&f.text),
        lang::evidence(f.evidence, lang),
        sources(&f.sources)
    ))
}

fn ph_text(ph: &Ph) -> String {
    if ph.min == ph.max {
        format!("{} ({})", ph.min, sources(&ph.sources))
    } else {
        format!("{}–{} ({})", ph.min, ph.max, sources(&ph.sources))
    }
}

fn course_text(c: &CourseLimit, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(n) = c.max_sessions {
        parts.push(fill(Msg::MaxSessions.get(lang), &[&n]));
    }
    if let Some(d) = c.min_interval_days {
        parts.push(fill(Msg::MinInterval.get(lang), &[&d]));
    }
    if let Some(d) = c.max_interval_days {
        parts.push(fill(Msg::MaxInterval.get(lang), &[&d]));
    }
    format!(
        "{}; {} ({}; {})",
        parts.join(", "),
        lang.text(&c.note),
        lang::evidence(c.evidence, lang),
        sources(&c.sources)
    )
}

fn solo_text(solo: &Solo, lang: Lang) -> Styled {
    Styled::new(
        format!(
            "{}: {} ({}; {})",
            lang::rating(solo.rating, lang),
            lang.text(&solo.note),
            lang::evidence(solo.evidence, lang),
            sources(&solo.sources)
        ),
        tone(solo.rating.into()),
    )
}

fn allowed_zones(catalog: &Catalog, ing: &Ingredient, lang: Lang) -> String {
    let zones: Vec<&str> = catalog
        .zones()
        .iter()
        .filter(|z| ing.regions.is_empty() || ing.regions.contains(&z.region))
        .filter(|z| ing.zones.is_empty() || ing.zones.contains(&z.id))
        .map(|z| lang.text(&z.name))
        .collect();
    if zones.len() == catalog.zones().len() {
        Msg::AnyZone.get(lang).to_owned()
    } else {
        zones.join(", ")
    }
}

fn contraindication_row(catalog: &Catalog, c: &Contraindication, lang: Lang) -> Vec<Styled> {
    let name = catalog
        .conditions()
        .iter()
        .find(|x| x.id == c.condition)
        .map_or(c.condition.as_str(), |x| lang.text(&x.name));
    vec![
        Styled::from(format!("{name} ({})", c.condition)),
        rating_cell(c.rating, lang),
        Styled::from(lang::evidence(c.evidence, lang)),
        Styled::from(c.note.as_ref().map_or("", |n| lang.text(n))),
        Styled::from(sources(&c.sources)),
    ]
}

fn interaction_row(catalog: &Catalog, m: &MedicationInteraction, lang: Lang) -> Vec<Styled> {
    let name = catalog
        .medications()
        .iter()
        .find(|x| x.id == m.medication)
        .map_or(m.medication.as_str(), |x| lang.text(&x.name));
    vec![
        Styled::from(format!("{name} ({})", m.medication)),
        rating_cell(m.rating, lang),
        Styled::from(lang::evidence(m.evidence, lang)),
        Styled::from(lang.text(&m.note)),
        Styled::from(sources(&m.sources)),
    ]
}

/// Every source an ingredient's record and its pairs cite, sorted and without repeats.
fn cited_sources(catalog: &Catalog, i: usize) -> Vec<String> {
    let ing = &catalog.ingredients()[i];
    let mut all: Vec<String> = ing.sources.clone();
    if let Some((_, s)) = status_note(&ing.status) {
        all.extend(s.iter().cloned());
    }
    for g in &ing.goals {
        all.extend(g.sources.iter().cloned());
    }
    if let Some(ph) = &ing.ph {
        all.extend(ph.sources.iter().cloned());
    }
    for f in [&ing.concentration, &ing.session_limit, &ing.zone_note]
        .into_iter()
        .flatten()
        .chain(&ing.notes)
    {
        all.extend(f.sources.iter().cloned());
    }
    if let Some(c) = &ing.course {
        all.extend(c.sources.iter().cloned());
    }
    for c in &ing.contraindications {
        all.extend(c.sources.iter().cloned());
    }
    for m in &ing.interactions {
        all.extend(m.sources.iter().cloned());
    }
    if let Some(s) = &ing.solo {
        all.extend(s.sources.iter().cloned());
    }
    for p in known_pairs(catalog, i) {
        if p.via == Via::Ph {
            all.extend(ph_sources(catalog, i, p.with));
        } else {
            all.extend(p.sources.iter().cloned());
        }
    }
    all.sort();
    all.dedup();
    all
}

pub fn show_json(catalog: &Catalog, i: usize) -> String {
    #[derive(Serialize)]
    struct Detail<'c> {
        id: &'c str,
        name: &'c Text,
        aliases: &'c [String],
        class: &'c str,
        status: &'static str,
        status_note: Option<&'c Text>,
        status_sources: &'c [String],
        goals: Vec<GoalRow<'c>>,
        ph: Option<&'c Ph>,
        concentration: Option<&'c Fact>,
        session_limit: Option<&'c Fact>,
        depth: &'c [Depth],
        regions: &'c [Region],
        zones: Vec<&'c str>,
        zone_note: Option<&'c Fact>,
        course: Option<&'c CourseLimit>,
        contraindications: &'c [Contraindication],
        interactions: &'c [MedicationInteraction],
        solo: Option<&'c Solo>,
        notes: &'c [Fact],
        sources: &'c [String],
    }
    #[derive(Serialize)]
    struct SourceRow<'c> {
        id: &'c str,
        title: &'c str,
        citation: &'c str,
        grade: crate::catalog::model::Grade,
    }
    #[derive(Serialize)]
    struct Body<'c> {
        ingredient: Detail<'c>,
        pairs: Vec<PairRow<'c>>,
        sources: Vec<SourceRow<'c>>,
    }
    let ing = &catalog.ingredients()[i];
    let (status_note_text, status_sources) = match status_note(&ing.status) {
        Some((n, s)) => (Some(n), s),
        None => (None, &[][..]),
    };
    let zones = catalog
        .zones()
        .iter()
        .filter(|z| ing.regions.is_empty() || ing.regions.contains(&z.region))
        .filter(|z| ing.zones.is_empty() || ing.zones.contains(&z.id))
        .map(|z| z.id.as_str())
        .collect();
    let detail = Detail {
        id: &ing.id,
        name: &ing.name,
        aliases: &ing.aliases,
        class: &ing.class,
        status: status_id(&ing.status),
        status_note: status_note_text,
        status_sources,
        goals: ingredient_row(ing).goals,
        ph: ing.ph.as_ref(),
        concentration: ing.concentration.as_ref(),
        session_limit: ing.session_limit.as_ref(),
        depth: &ing.depth,
        regions: &ing.regions,
        zones,
        zone_note: ing.zone_note.as_ref(),
        course: ing.course.as_ref(),
        contraindications: &ing.contraindications,
        interactions: &ing.interactions,
        solo: ing.solo.as_ref(),
        notes: &ing.notes,
        sources: &ing.sources,
    };
    let cited = cited_sources(catalog, i);
    let body = Body {
        ingredient: detail,
        pairs: known_pairs(catalog, i),
        sources: cited
            .iter()
            .filter_map(|id| catalog.source(id))
            .map(|s| SourceRow {
                id: &s.id,
                title: &s.title,
                citation: &s.citation,
                grade: s.grade,
            })
            .collect(),
    };
    to_string(&envelope("mesomix.ingredient/1", catalog, body))
}

// ---------------------------------------------------------------------------------------------
// classes

/// The class-by-class matrix: `matrix[a][b]` is the class edge's rating, if any.
pub fn class_matrix(catalog: &Catalog) -> Vec<Vec<Option<Rating>>> {
    let n = catalog.classes().len();
    (0..n)
        .map(|a| {
            (0..n)
                .map(|b| {
                    catalog
                        .compat()
                        .class_link(a, b)
                        .map(|e| catalog.file().class_edges[e].rating)
                })
                .collect()
        })
        .collect()
}

fn members(catalog: &Catalog, class: usize) -> Vec<&str> {
    (0..catalog.ingredients().len())
        .filter(|&i| catalog.class_of(i) == class)
        .map(|i| catalog.ingredients()[i].id.as_str())
        .collect()
}

pub fn classes_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::Classes.get(lang));
    let rows = catalog
        .classes()
        .iter()
        .enumerate()
        .map(|(c, class)| {
            vec![
                Styled::from(class.id.as_str()),
                Styled::from(lang.text(&class.name)),
                Styled::from(members(catalog, c).join(", ")),
                Styled::from(lang.text(&class.description)),
            ]
        })
        .collect();
    doc.table(
        header(&[Msg::Id, Msg::Name, Msg::Members, Msg::Description], lang),
        rows,
    );

    doc.heading(Msg::Matrix.get(lang));
    doc.paragraph(Styled::new(Msg::MatrixNote.get(lang), Tone::Muted));
    let matrix = class_matrix(catalog);
    let mut head = vec![String::new()];
    head.extend(catalog.classes().iter().map(|c| c.id.clone()));
    let rows = catalog
        .classes()
        .iter()
        .zip(&matrix)
        .map(|(class, row)| {
            let mut cells = vec![Styled::from(class.id.as_str())];
            cells.extend(row.iter().map(|r| match r {
                Some(r) => rating_cell(*r, lang),
                None => Styled::new(Msg::None_.get(lang), Tone::Muted),
            }));
            cells
        })
        .collect();
    doc.table(head, rows);

    if !catalog.file().class_edges.is_empty() {
        doc.heading(Msg::ClassEdgesTitle.get(lang));
        let rows = catalog
            .file()
            .class_edges
            .iter()
            .map(|e| {
                vec![
                    Styled::from(format!("{} \u{00d7} {}", e.a, e.b)),
                    rating_cell(e.rating, lang),
                    Styled::from(lang::mechanism(e.mechanism, lang)),
                    Styled::from(lang::evidence(e.evidence, lang)),
                    Styled::from(lang.text(&e.note)),
                    Styled::from(sources(&e.sources)),
                ]
            })
            .collect();
        doc.table(
            header(
                &[
                    Msg::Classes,
                    Msg::Rating,
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
    doc
}

pub fn classes_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct ClassRow<'c> {
        id: &'c str,
        name: &'c Text,
        description: &'c Text,
        members: Vec<&'c str>,
    }
    #[derive(Serialize)]
    struct Body<'c> {
        classes: Vec<ClassRow<'c>>,
        class_edges: &'c [crate::catalog::model::Edge],
        /// Row and column order is `classes`; `null` means no class-level data.
        matrix: Vec<Vec<Option<Rating>>>,
    }
    let body = Body {
        classes: catalog
            .classes()
            .iter()
            .enumerate()
            .map(|(c, class)| ClassRow {
                id: &class.id,
                name: &class.name,
                description: &class.description,
                members: members(catalog, c),
            })
            .collect(),
        class_edges: &catalog.file().class_edges,
        matrix: class_matrix(catalog),
    };
    to_string(&envelope("mesomix.classes/1", catalog, body))
}

// ---------------------------------------------------------------------------------------------
// goals

/// Ingredients serving goal `g`, best efficacy first, then by id.
fn served_by<'c>(catalog: &'c Catalog, goal: &str) -> Vec<(&'c str, u8, Evidence)> {
    let mut out: Vec<_> = catalog
        .ingredients()
        .iter()
        .filter_map(|i| {
            i.goals
                .iter()
                .find(|g| g.goal == goal)
                .map(|g| (i.id.as_str(), g.efficacy, g.evidence))
        })
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    out
}

pub fn goals_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::GoalsTitle.get(lang));
    let rows = catalog
        .goals()
        .iter()
        .map(|g| {
            vec![
                Styled::from(g.id.as_str()),
                Styled::from(lang.text(&g.name)),
                Styled::from(g.aliases.join(", ")),
                Styled::from(joined(&served_by(catalog, &g.id), |(id, e, _)| {
                    format!("{id} {e}")
                })),
            ]
        })
        .collect();
    doc.table(
        header(&[Msg::Id, Msg::Name, Msg::Aliases, Msg::ServedBy], lang),
        rows,
    );
    doc
}

pub fn goals_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Served<'c> {
        ingredient: &'c str,
        efficacy: u8,
        evidence: Evidence,
    }
    #[derive(Serialize)]
    struct Row<'c> {
        id: &'c str,
        name: &'c Text,
        aliases: &'c [String],
        served_by: Vec<Served<'c>>,
    }
    #[derive(Serialize)]
    struct Body<'c> {
        goals: Vec<Row<'c>>,
    }
    let body = Body {
        goals: catalog
            .goals()
            .iter()
            .map(|g| Row {
                id: &g.id,
                name: &g.name,
                aliases: &g.aliases,
                served_by: served_by(catalog, &g.id)
                    .into_iter()
                    .map(|(ingredient, efficacy, evidence)| Served {
                        ingredient,
                        efficacy,
                        evidence,
                    })
                    .collect(),
            })
            .collect(),
    };
    to_string(&envelope("mesomix.goals/1", catalog, body))
}

// ---------------------------------------------------------------------------------------------
// zones

pub fn zones_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::ZonesTitle.get(lang));
    let rows = catalog
        .zones()
        .iter()
        .map(|z| {
            let c = &z.course;
            let mut maintenance = Vec::new();
            if let Some(m) = c.maintenance_interval_days {
                maintenance.push(fill(Msg::EveryDays.get(lang), &[&span(m.min, m.max)]));
            }
            if let Some(d) = c.next_course_within_days {
                maintenance.push(fill(Msg::NextCourseWithin.get(lang), &[&d]));
            }
            vec![
                Styled::from(z.id.as_str()),
                Styled::from(lang.text(&z.name)),
                Styled::from(lang::region(z.region, lang)),
                Styled::from(format!("{}–{}", z.depth_mm.min, z.depth_mm.max)),
                Styled::from(span(c.sessions.min, c.sessions.max)),
                Styled::from(span(c.interval_days.min, c.interval_days.max)),
                Styled::from(if maintenance.is_empty() {
                    Msg::None_.get(lang).to_owned()
                } else {
                    maintenance.join("; ")
                }),
                Styled::from(lang::evidence(c.evidence, lang)),
                Styled::from(sources(&c.sources)),
            ]
        })
        .collect();
    doc.table(
        header(
            &[
                Msg::Id,
                Msg::Name,
                Msg::Region,
                Msg::DepthMm,
                Msg::Sessions,
                Msg::IntervalDays,
                Msg::Maintenance,
                Msg::Evidence,
                Msg::Sources,
            ],
            lang,
        ),
        rows,
    );
    let notes: Vec<Styled> = catalog
        .zones()
        .iter()
        .filter_map(|z| {
            z.course
                .note
                .as_ref()
                .map(|n| Styled::from(format!("{}: {}", z.id, lang.text(n))))
        })
        .collect();
    if !notes.is_empty() {
        doc.heading(Msg::Notes.get(lang));
        doc.list(notes);
    }
    doc
}

fn span(min: u32, max: u32) -> String {
    if min == max {
        min.to_string()
    } else {
        format!("{min}–{max}")
    }
}

pub fn zones_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Body<'c> {
        zones: &'c [crate::catalog::model::Zone],
    }
    to_string(&envelope(
        "mesomix.zones/1",
        catalog,
        Body {
            zones: catalog.zones(),
        },
    ))
}

// ---------------------------------------------------------------------------------------------
// conditions

/// Ingredients whose contraindications name `condition`, with the rating.
fn affected_by_condition<'c>(
    catalog: &'c Catalog,
    condition: &str,
) -> Vec<(&'c str, &'c Contraindication)> {
    catalog
        .ingredients()
        .iter()
        .flat_map(|i| {
            i.contraindications
                .iter()
                .filter(|c| c.condition == condition)
                .map(move |c| (i.id.as_str(), c))
        })
        .collect()
}

fn scope_tone(scope: Scope) -> Tone {
    match scope {
        Scope::Absolute => Tone::Bad,
        Scope::Postpone | Scope::Zone => Tone::Warn,
        Scope::Ingredient => Tone::Plain,
    }
}

pub fn conditions_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::ConditionsTitle.get(lang));
    let rows = catalog
        .conditions()
        .iter()
        .map(|c| {
            let affected = affected_by_condition(catalog, &c.id);
            vec![
                Styled::from(c.id.as_str()),
                Styled::from(lang.text(&c.name)),
                Styled::new(lang::scope(c.scope, lang), scope_tone(c.scope)),
                Styled::from(if c.allergy { Msg::Yes.get(lang) } else { "" }),
                Styled::from(joined(&affected, |(id, contra)| {
                    format!("{id} ({})", lang::rating(contra.rating, lang))
                })),
                Styled::from(lang::evidence(c.evidence, lang)),
                Styled::from(sources(&c.sources)),
            ]
        })
        .collect();
    doc.table(
        header(
            &[
                Msg::Id,
                Msg::Name,
                Msg::Scope,
                Msg::Allergy,
                Msg::IngredientsTitle,
                Msg::Evidence,
                Msg::Sources,
            ],
            lang,
        ),
        rows,
    );
    doc
}

pub fn conditions_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Affected<'c> {
        ingredient: &'c str,
        rating: Rating,
        evidence: Evidence,
        sources: &'c [String],
    }
    #[derive(Serialize)]
    struct Row<'c> {
        id: &'c str,
        name: &'c Text,
        aliases: &'c [String],
        scope: Scope,
        allergy: bool,
        note: Option<&'c Text>,
        evidence: Evidence,
        sources: &'c [String],
        ingredients: Vec<Affected<'c>>,
    }
    #[derive(Serialize)]
    struct Body<'c> {
        conditions: Vec<Row<'c>>,
    }
    let body = Body {
        conditions: catalog
            .conditions()
            .iter()
            .map(|c| Row {
                id: &c.id,
                name: &c.name,
                aliases: &c.aliases,
                scope: c.scope,
                allergy: c.allergy,
                note: c.note.as_ref(),
                evidence: c.evidence,
                sources: &c.sources,
                ingredients: affected_by_condition(catalog, &c.id)
                    .into_iter()
                    .map(|(ingredient, x)| Affected {
                        ingredient,
                        rating: x.rating,
                        evidence: x.evidence,
                        sources: &x.sources,
                    })
                    .collect(),
            })
            .collect(),
    };
    to_string(&envelope("mesomix.conditions/1", catalog, body))
}

// ---------------------------------------------------------------------------------------------
// medications

fn affected_by_medication<'c>(
    catalog: &'c Catalog,
    medication: &str,
) -> Vec<(&'c str, &'c MedicationInteraction)> {
    catalog
        .ingredients()
        .iter()
        .flat_map(|i| {
            i.interactions
                .iter()
                .filter(|m| m.medication == medication)
                .map(move |m| (i.id.as_str(), m))
        })
        .collect()
}

pub fn medications_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::MedicationsTitle.get(lang));
    let rows = catalog
        .medications()
        .iter()
        .map(|m| {
            let affected = affected_by_medication(catalog, &m.id);
            vec![
                Styled::from(m.id.as_str()),
                Styled::from(lang.text(&m.name)),
                Styled::from(m.aliases.join(", ")),
                match &m.general {
                    Some(g) => Styled::new(
                        format!(
                            "{}: {} ({})",
                            lang::rating(g.rating, lang),
                            lang.text(&g.note),
                            sources(&g.sources)
                        ),
                        tone(g.rating.into()),
                    ),
                    None => Styled::from(""),
                },
                Styled::from(joined(&affected, |(id, x)| {
                    format!("{id} ({})", lang::rating(x.rating, lang))
                })),
            ]
        })
        .collect();
    doc.table(
        header(
            &[
                Msg::Id,
                Msg::Name,
                Msg::Aliases,
                Msg::GeneralWarning,
                Msg::InteractsWith,
            ],
            lang,
        ),
        rows,
    );
    doc
}

pub fn medications_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Affected<'c> {
        ingredient: &'c str,
        rating: Rating,
        note: &'c Text,
        evidence: Evidence,
        sources: &'c [String],
    }
    #[derive(Serialize)]
    struct Row<'c> {
        id: &'c str,
        name: &'c Text,
        aliases: &'c [String],
        general: Option<&'c crate::catalog::model::Interaction>,
        ingredients: Vec<Affected<'c>>,
    }
    #[derive(Serialize)]
    struct Body<'c> {
        medications: Vec<Row<'c>>,
    }
    let body = Body {
        medications: catalog
            .medications()
            .iter()
            .map(|m| Row {
                id: &m.id,
                name: &m.name,
                aliases: &m.aliases,
                general: m.general.as_ref(),
                ingredients: affected_by_medication(catalog, &m.id)
                    .into_iter()
                    .map(|(ingredient, x)| Affected {
                        ingredient,
                        rating: x.rating,
                        note: &x.note,
                        evidence: x.evidence,
                        sources: &x.sources,
                    })
                    .collect(),
            })
            .collect(),
    };
    to_string(&envelope("mesomix.medications/1", catalog, body))
}

// ---------------------------------------------------------------------------------------------
// validate

fn counts_line(catalog: &Catalog, lang: Lang) -> String {
    let f = catalog.file();
    fill(
        Msg::CountsLine.get(lang),
        &[
            &f.ingredients.len(),
            &f.classes.len(),
            &f.goals.len(),
            &f.zones.len(),
            &f.conditions.len(),
            &f.medications.len(),
            &f.edges.len(),
            &f.class_edges.len(),
            &f.sources.len(),
        ],
    )
}

pub fn valid_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(format!(
        "{}: {}",
        Msg::CatalogTitle.get(lang),
        catalog.origin()
    ));
    doc.fields(vec![
        (
            Msg::Status.get(lang).to_owned(),
            Styled::new(Msg::Valid.get(lang), Tone::Good),
        ),
        (
            Msg::Version.get(lang).to_owned(),
            Styled::from(catalog.version()),
        ),
        ("sha256".to_owned(), Styled::from(catalog.sha256())),
        (
            Msg::Counts.get(lang).to_owned(),
            Styled::from(counts_line(catalog, lang)),
        ),
    ]);
    doc
}

#[derive(Debug, Serialize)]
struct ProblemRow<'e> {
    message: &'e str,
    label: &'e str,
    line: usize,
    column: usize,
}

#[derive(Debug, Serialize)]
struct Counts {
    ingredients: usize,
    classes: usize,
    goals: usize,
    zones: usize,
    conditions: usize,
    medications: usize,
    edges: usize,
    class_edges: usize,
    sources: usize,
}

pub fn valid_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Body<'c> {
        file: &'c str,
        valid: bool,
        counts: Counts,
        problems: [ProblemRow<'c>; 0],
    }
    let f = catalog.file();
    let counts = Counts {
        ingredients: f.ingredients.len(),
        classes: f.classes.len(),
        goals: f.goals.len(),
        zones: f.zones.len(),
        conditions: f.conditions.len(),
        medications: f.medications.len(),
        edges: f.edges.len(),
        class_edges: f.class_edges.len(),
        sources: f.sources.len(),
    };
    to_string(&envelope(
        "mesomix.validation/1",
        catalog,
        Body {
            file: catalog.origin(),
            valid: true,
            counts,
            problems: [],
        },
    ))
}

/// The JSON report of a catalog that failed validation (it has no version or hash to give).
pub fn invalid_json(error: &CatalogError) -> String {
    #[derive(Serialize)]
    struct Doc<'e> {
        schema: &'static str,
        file: &'e str,
        valid: bool,
        problems: Vec<ProblemRow<'e>>,
    }
    let doc = Doc {
        schema: "mesomix.validation/1",
        file: &error.origin,
        valid: false,
        problems: error
            .diagnostics
            .iter()
            .map(|d| ProblemRow {
                message: &d.message,
                label: &d.label,
                line: d.line,
                column: d.column,
            })
            .collect(),
    };
    to_string(&doc)
}
