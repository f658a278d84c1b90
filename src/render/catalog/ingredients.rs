//! `ingredients` (the list, optionally by class or goal) and `show` (one ingredient in full:
//! record, actions and the goals they serve, contraindications, interactions, notes, known pairs and every source cited),
//! as documents and as JSON.

use serde::Serialize;

use crate::catalog::model::{
    ActionClaim, Component, Contraindication, CourseLimit, Depth, Evidence, Fact, Mechanism,
    MedicationInteraction, Ph, Region, Solo, Str, Text,
};
use crate::catalog::{Catalog, Item};
use crate::compat::{PairRating, Resolution, Via};
use crate::render::doc::{Doc, Styled, Tone};
use crate::render::json::{envelope, to_string};
use crate::render::lang::{self, Lang, Msg, fill, header};
use crate::render::query::{allowed_zones, cited_sources, known_pairs, ph_sources, status_note};
use crate::render::vocab::{
    SourceJson, action_name, decimal, joined, name_and_id, out_of_three, ph_note, rating_cell,
    source_list, sources, sources_table, span, status_id, status_tone, tone,
};

// ---------------------------------------------------------------------------------------------
// ingredients

/// The `ingredients` document: one row per ingredient; with a goal filter, that goal's
/// efficacy comes first in each row.
pub fn ingredients_doc(catalog: &Catalog, list: &[usize], goal: Option<usize>, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::IngredientsTitle.get(lang));
    if list.is_empty() {
        doc.paragraph(Msg::NoMatch.get(lang));
        return doc;
    }
    let rows = list
        .iter()
        .map(|&i| {
            let ing = &catalog.ingredients()[i];
            let mut goals = catalog.goals_served(Item::Ingredient(i), None);
            // With a goal filter, the best for that goal comes through clearest.
            goals.sort_by_key(|(g, v)| {
                (
                    Some(*g) != goal,
                    std::cmp::Reverse(v.points * 1000 / v.shares.max(1)),
                    catalog.goals()[*g].id.clone(),
                )
            });
            vec![
                Styled::from(ing.id.as_ref()),
                Styled::from(lang.text(&ing.name)),
                Styled::from(lang.text(&catalog.classes()[catalog.class_of(i)].name)),
                Styled::new(lang::status(&ing.status, lang), status_tone(&ing.status)),
                Styled::from(joined(&goals, |(g, v)| {
                    format!("{} {}", catalog.goals()[*g].id, decimal(v.value(), lang))
                })),
                Styled::from(joined(&ing.depth, |d| lang::depth(*d, lang).to_owned())),
            ]
        })
        .collect();
    let columns = [
        Msg::Id,
        Msg::Name,
        Msg::Class,
        Msg::Status,
        Msg::Goals,
        Msg::Depth,
    ];
    doc.table(header(&columns, lang), rows);
    doc
}

#[derive(Debug, Serialize)]
struct IngredientRow<'c> {
    id: &'c str,
    name: &'c Text,
    class: &'c str,
    status: &'static str,
    aliases: &'c [Str],
    actions: &'c [ActionClaim],
    goals: Vec<GoalRow<'c>>,
    depth: &'c [Depth],
}

/// What an ingredient alone does for a goal, derived from its actions through the goal's
/// shares (claims that hold only in some zones left out).
#[derive(Debug, Serialize)]
struct GoalRow<'c> {
    goal: &'c str,
    /// Σ share × efficacy over the goal's actions, 0 to 3.
    value: f64,
    evidence: Evidence,
}

fn goal_rows(catalog: &Catalog, i: usize) -> Vec<GoalRow<'_>> {
    catalog
        .goals_served(Item::Ingredient(i), None)
        .into_iter()
        .map(|(g, v)| GoalRow {
            goal: &catalog.goals()[g].id,
            value: crate::render::json::round_to(v.value(), 2),
            evidence: v.evidence,
        })
        .collect()
}

/// `mesomix ingredients --format json` (`mesomix.ingredients/2`).
pub fn ingredients_json(catalog: &Catalog, list: &[usize]) -> String {
    #[derive(Serialize)]
    struct Body<'c> {
        ingredients: Vec<IngredientRow<'c>>,
    }
    let body = Body {
        ingredients: list
            .iter()
            .map(|&i| {
                let ing = &catalog.ingredients()[i];
                IngredientRow {
                    id: &ing.id,
                    name: &ing.name,
                    class: &ing.class,
                    status: status_id(&ing.status),
                    aliases: &ing.aliases,
                    actions: &ing.actions,
                    goals: goal_rows(catalog, i),
                    depth: &ing.depth,
                }
            })
            .collect(),
    };
    to_string(&envelope("mesomix.ingredients/2", catalog, body))
}

// ---------------------------------------------------------------------------------------------
// show: JSON

/// One known pair of an ingredient, as `show --format json` lists it.
#[derive(Debug, Serialize)]
pub struct PairRow<'c> {
    pub with: &'c str,
    pub rating: PairRating,
    pub via: Via,
    pub mechanism: Option<Mechanism>,
    /// The deciding edge's note; `None` for a pH inference.
    pub note: Option<&'c Text>,
    pub evidence: Evidence,
    pub sources: &'c [Str],
}

impl<'c> PairRow<'c> {
    /// The row of the pair with ingredient `with`, from its resolution.
    fn of(catalog: &'c Catalog, with: usize, r: &Resolution<'c>) -> PairRow<'c> {
        let claim = r.decision();
        PairRow {
            with: &catalog.ingredients()[with].id,
            rating: r.rating,
            via: r.via,
            mechanism: claim.and_then(|c| c.mechanism),
            note: claim.map(|c| c.note),
            evidence: claim.map_or(Evidence::Inference, |c| c.evidence),
            sources: claim.map_or(&[], |c| c.sources),
        }
    }
}

#[derive(Debug, Serialize)]
struct Detail<'c> {
    id: &'c str,
    name: &'c Text,
    aliases: &'c [Str],
    class: &'c str,
    status: &'static str,
    status_note: Option<&'c Text>,
    status_sources: &'c [Str],
    actions: &'c [ActionClaim],
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
    components: &'c [Component],
    notes: &'c [Fact],
    sources: &'c [Str],
}

/// `mesomix show ID --format json` (`mesomix.ingredient/2`): the record, its known pairs and
/// every source it cites.
pub fn show_json(catalog: &Catalog, i: usize) -> String {
    #[derive(Serialize)]
    struct Body<'c> {
        ingredient: Detail<'c>,
        pairs: Vec<PairRow<'c>>,
        sources: Vec<SourceJson<'c>>,
    }
    let ing = &catalog.ingredients()[i];
    let (status_note, status_sources) = match status_note(&ing.status) {
        Some((n, s)) => (Some(n), s),
        None => (None, &[][..]),
    };
    let detail = Detail {
        id: &ing.id,
        name: &ing.name,
        aliases: &ing.aliases,
        class: &ing.class,
        status: status_id(&ing.status),
        status_note,
        status_sources,
        actions: &ing.actions,
        goals: goal_rows(catalog, i),
        ph: ing.ph.as_ref(),
        concentration: ing.concentration.as_ref(),
        session_limit: ing.session_limit.as_ref(),
        depth: &ing.depth,
        regions: &ing.regions,
        zones: allowed_zones(catalog, i)
            .into_iter()
            .map(|z| catalog.zones()[z].id.as_ref())
            .collect(),
        zone_note: ing.zone_note.as_ref(),
        course: ing.course.as_ref(),
        contraindications: &ing.contraindications,
        interactions: &ing.interactions,
        solo: ing.solo.as_ref(),
        components: &ing.components,
        notes: &ing.notes,
        sources: &ing.sources,
    };
    let cited = cited_sources(catalog, i);
    let body = Body {
        ingredient: detail,
        pairs: known_pairs(catalog, i)
            .iter()
            .map(|(j, r)| PairRow::of(catalog, *j, r))
            .collect(),
        sources: source_list(catalog, cited.iter().map(String::as_str)),
    };
    to_string(&envelope("mesomix.ingredient/2", catalog, body))
}

// ---------------------------------------------------------------------------------------------
// show: document

/// The actions an ingredient performs (efficacy, routes, zones, evidence, note, sources), then
/// what it alone does for each goal; no table when there is nothing to show.
fn actions_tables(doc: &mut Doc, catalog: &Catalog, i: usize, lang: Lang) {
    let ing = &catalog.ingredients()[i];
    if !ing.actions.is_empty() {
        doc.heading(Msg::ActionsTitle.get(lang));
        let rows = ing
            .actions
            .iter()
            .map(|a| {
                let mut name = catalog
                    .action_index(&a.action)
                    .map_or(a.action.to_string(), |x| {
                        action_name(catalog, x, lang).to_owned()
                    });
                if catalog
                    .actions()
                    .iter()
                    .any(|x| x.enabling && x.id == a.action)
                {
                    name = format!("{name} ({})", Msg::Enabling.get(lang));
                }
                if !a.zones.is_empty() {
                    let zones: Vec<&str> = a
                        .zones
                        .iter()
                        .map(|z| {
                            catalog
                                .zones()
                                .iter()
                                .find(|x| &x.id == z)
                                .map_or(z.as_ref(), |x| lang.text(&x.name))
                        })
                        .collect();
                    name = format!("{name} [{}]", zones.join(", "));
                }
                vec![
                    Styled::from(name),
                    Styled::from(a.efficacy.to_string()),
                    Styled::from(joined(&a.routes, |r| lang::route(*r, lang).to_owned())),
                    Styled::from(lang::evidence(a.evidence, lang)),
                    Styled::from(a.note.as_ref().map_or("", |n| lang.text(n))),
                    Styled::from(sources(&a.sources)),
                ]
            })
            .collect();
        let columns = [
            Msg::Action,
            Msg::Efficacy,
            Msg::Route,
            Msg::Evidence,
            Msg::Note,
            Msg::Sources,
        ];
        doc.table(header(&columns, lang), rows);
    }
    let goals = catalog.goals_served(Item::Ingredient(i), None);
    if !goals.is_empty() {
        doc.heading(Msg::GoalsTitle.get(lang));
        let rows = goals
            .iter()
            .map(|(g, v)| {
                vec![
                    Styled::from(lang.text(&catalog.goals()[*g].name)),
                    Styled::from(out_of_three(v.value(), lang)),
                    Styled::from(lang::evidence(v.evidence, lang)),
                ]
            })
            .collect();
        let columns = [Msg::Goal, Msg::CoverageScore, Msg::Evidence];
        doc.table(header(&columns, lang), rows);
    }
}

/// The `show` document: the record's fields, goals, solo rule, contraindications,
/// interactions, notes, known pairs and sources.
pub fn show_doc(catalog: &Catalog, i: usize, lang: Lang) -> Doc {
    let ing = &catalog.ingredients()[i];
    let mut doc = Doc::new(name_and_id(lang.text(&ing.name), &ing.id));
    doc.fields(show_fields(catalog, i, lang));
    actions_tables(&mut doc, catalog, i, lang);
    if let Some(solo) = &ing.solo {
        doc.heading(Msg::Solo.get(lang));
        doc.paragraph(solo_text(solo, lang));
    }
    let columns = [
        Msg::Name,
        Msg::Rating,
        Msg::Evidence,
        Msg::Note,
        Msg::Sources,
    ];
    if !ing.contraindications.is_empty() {
        doc.heading(Msg::Contraindications.get(lang));
        let rows = ing
            .contraindications
            .iter()
            .map(|c| contraindication_row(catalog, c, lang))
            .collect();
        doc.table(header(&columns, lang), rows);
    }
    if !ing.interactions.is_empty() {
        doc.heading(Msg::Interactions.get(lang));
        let rows = ing
            .interactions
            .iter()
            .map(|m| interaction_row(catalog, m, lang))
            .collect();
        doc.table(header(&columns, lang), rows);
    }
    if !ing.components.is_empty() {
        doc.heading(Msg::ContainsTitle.get(lang));
        doc.list(
            ing.components
                .iter()
                .map(|c| Styled::from(component_line(catalog, c, lang)))
                .collect(),
        );
    }
    if !ing.notes.is_empty() {
        doc.heading(Msg::Notes.get(lang));
        doc.list(ing.notes.iter().map(|n| fact(n, lang)).collect());
    }
    pairs_table(&mut doc, catalog, i, lang);
    let cited = cited_sources(catalog, i);
    sources_table(
        &mut doc,
        &source_list(catalog, cited.iter().map(String::as_str)),
        lang,
    );
    doc
}

/// Class, status (and its note), aliases, depth, zones, pH, limits, course and sources.
fn show_fields(catalog: &Catalog, i: usize, lang: Lang) -> Vec<(String, Styled)> {
    let ing = &catalog.ingredients()[i];
    let field = |label: Msg, value: Styled| (label.get(lang).to_owned(), value);
    let mut fields = vec![
        field(
            Msg::Class,
            Styled::from(lang.text(&catalog.classes()[catalog.class_of(i)].name)),
        ),
        field(
            Msg::Status,
            Styled::new(lang::status(&ing.status, lang), status_tone(&ing.status)),
        ),
    ];
    if let Some((note, srcs)) = status_note(&ing.status) {
        let text = format!("{} [{}]", lang.text(note), sources(srcs));
        fields.push(field(Msg::Note, Styled::new(text, Tone::Bad)));
    }
    if !ing.aliases.is_empty() {
        fields.push(field(Msg::Aliases, Styled::from(ing.aliases.join(", "))));
    }
    fields.push(field(
        Msg::Depth,
        Styled::from(joined(&ing.depth, |d| lang::depth(*d, lang).to_owned())),
    ));
    fields.push(field(
        Msg::AllowedZones,
        Styled::from(zones_text(catalog, i, lang)),
    ));
    if let Some(z) = &ing.zone_note {
        let label =
            String::new() + Msg::AllowedZones.get(lang) + " \u{2014} " + Msg::Note.get(lang);
        fields.push((label, fact(z, lang)));
    }
    if let Some(ph) = &ing.ph {
        let text = format!("{} ({})", span(ph.min, ph.max), sources(&ph.sources));
        fields.push(field(Msg::Ph, Styled::from(text)));
    }
    if let Some(c) = &ing.concentration {
        fields.push(field(Msg::Concentration, fact(c, lang)));
    }
    if let Some(s) = &ing.session_limit {
        fields.push(field(Msg::SessionLimit, fact(s, lang)));
    }
    if let Some(c) = &ing.course {
        fields.push(field(Msg::Course, Styled::from(course_text(c, lang))));
    }
    fields.push(field(Msg::Sources, Styled::from(sources(&ing.sources))));
    fields
}

/// The zones an ingredient is allowed in, by name; "any zone" when it is allowed in all.
fn zones_text(catalog: &Catalog, i: usize, lang: Lang) -> String {
    let zones = allowed_zones(catalog, i);
    if zones.len() == catalog.zones().len() {
        Msg::AnyZone.get(lang).to_owned()
    } else {
        let names: Vec<&str> = zones
            .iter()
            .map(|&z| lang.text(&catalog.zones()[z].name))
            .collect();
        names.join(", ")
    }
}

/// Every known pair, worst first; a pH inference gives its reasoning and both pH sources.
fn pairs_table(doc: &mut Doc, catalog: &Catalog, i: usize, lang: Lang) {
    doc.heading(Msg::PairsTitle.get(lang));
    let pairs = known_pairs(catalog, i);
    if pairs.is_empty() {
        doc.paragraph(Msg::PairsNone.get(lang));
        return;
    }
    let rows = pairs
        .iter()
        .map(|(j, r)| {
            let p = PairRow::of(catalog, *j, r);
            let (note, srcs) = match p.note {
                Some(note) => (lang.text(note).to_owned(), sources(p.sources)),
                // A pH inference: its reasoning, and the sources of both pH ranges.
                None => (
                    r.ph.as_ref()
                        .map_or_else(String::new, |ph| lang.text(&ph_note(ph)).to_owned()),
                    sources(&ph_sources(catalog, i, *j)),
                ),
            };
            let other = &catalog.ingredients()[*j];
            vec![
                Styled::from(name_and_id(lang.text(&other.name), &other.id)),
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
    let columns = [
        Msg::With,
        Msg::Rating,
        Msg::Via,
        Msg::Mechanism,
        Msg::Evidence,
        Msg::Note,
        Msg::Sources,
    ];
    doc.table(header(&columns, lang), rows);
}

/// A sourced fact: its text, evidence and sources.
/// A component in one line: what it is, the catalog ingredient it is, what it rules out, and
/// its grade and sources.
fn component_line(catalog: &Catalog, c: &Component, lang: Lang) -> String {
    let mut line = lang.text(&c.name).to_owned();
    if let Some(id) = &c.ingredient {
        line.push_str(&format!(" ({})", catalog_name(catalog, id, lang)));
    }
    if !c.conditions.is_empty() {
        let names: Vec<String> = c
            .conditions
            .iter()
            .map(|id| {
                catalog
                    .conditions()
                    .iter()
                    .find(|x| &x.id == id)
                    .map_or_else(|| id.to_string(), |x| lang.text(&x.name).to_owned())
            })
            .collect();
        line.push_str(&format!(
            " — {}: {}",
            Msg::RulesOutIn.get(lang),
            names.join(", ")
        ));
    }
    format!(
        "{line} [{}; {}]",
        lang::evidence(c.evidence, lang),
        c.sources.join(", ")
    )
}

/// An ingredient's name in `lang`, by id.
fn catalog_name(catalog: &Catalog, id: &str, lang: Lang) -> String {
    catalog
        .ingredients()
        .iter()
        .find(|x| x.id == id)
        .map_or_else(|| id.to_owned(), |x| lang.text(&x.name).to_owned())
}

fn fact(f: &Fact, lang: Lang) -> Styled {
    Styled::from(format!(
        "{} ({}; {})",
        lang.text(&f.text),
        lang::evidence(f.evidence, lang),
        sources(&f.sources)
    ))
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

fn contraindication_row(catalog: &Catalog, c: &Contraindication, lang: Lang) -> Vec<Styled> {
    let name = catalog
        .conditions()
        .iter()
        .find(|x| x.id == c.condition)
        .map_or(c.condition.as_ref(), |x| lang.text(&x.name));
    vec![
        Styled::from(name_and_id(name, &c.condition)),
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
        .map_or(m.medication.as_ref(), |x| lang.text(&x.name));
    vec![
        Styled::from(name_and_id(name, &m.medication)),
        rating_cell(m.rating, lang),
        Styled::from(lang::evidence(m.evidence, lang)),
        Styled::from(lang.text(&m.note)),
        Styled::from(sources(&m.sources)),
    ]
}
