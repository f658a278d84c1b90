//! The vocabularies a catalog defines, as documents and as JSON: `classes` (with the
//! class-by-class matrix and class edges), `goals` (with the ingredients serving each),
//! `zones` (with their course pattern), `conditions` and `medications` (with the ingredients
//! each acts on).

use serde::Serialize;

use crate::catalog::Catalog;
use crate::catalog::model::{
    Action, Edge, Evidence, GoalAction, Interaction, Rating, Scope, Str, Text, Zone,
};
use crate::render::doc::{Doc, Styled, Tone};
use crate::render::json::{envelope, to_string};
use crate::render::lang::{self, Lang, Msg, fill, header};
use crate::render::query::{
    affected_by_condition, affected_by_medication, class_matrix, members, served_by,
};
use crate::render::vocab::{
    action_name, decimal, joined, rating_cell, scope_tone, sources, span, tone,
};

// ---------------------------------------------------------------------------------------------
// classes

/// The `classes` document: each class and its members, the class-by-class matrix, and the
/// class edges.
pub fn classes_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::Classes.get(lang));
    let rows = catalog
        .classes()
        .iter()
        .enumerate()
        .map(|(c, class)| {
            vec![
                Styled::from(class.id.as_ref()),
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
    // Only the classes some class edge names: a grid of dashes would say nothing.
    let matrix = class_matrix(catalog);
    let known: Vec<usize> = (0..catalog.classes().len())
        .filter(|&c| matrix[c].iter().any(Option::is_some))
        .collect();
    if known.is_empty() {
        doc.paragraph(Styled::new(Msg::NoClassEdges.get(lang), Tone::Muted));
    } else {
        let mut head = vec![String::new()];
        head.extend(known.iter().map(|&c| catalog.classes()[c].id.to_string()));
        let rows = known
            .iter()
            .map(|&a| {
                let mut cells = vec![Styled::from(catalog.classes()[a].id.as_ref())];
                cells.extend(known.iter().map(|&b| match matrix[a][b] {
                    Some(r) => rating_cell(r, lang),
                    None => Styled::new(Msg::None_.get(lang), Tone::Muted),
                }));
                cells
            })
            .collect();
        doc.table(head, rows);
        let others = catalog.classes().len() - known.len();
        if others > 0 {
            doc.paragraph(Styled::new(
                fill(Msg::OtherClassesNoData.get(lang), &[&others]),
                Tone::Muted,
            ));
        }
    }
    class_edges_table(&mut doc, &catalog.file().class_edges, lang);
    doc
}

fn class_edges_table(doc: &mut Doc, edges: &[Edge], lang: Lang) {
    if edges.is_empty() {
        return;
    }
    doc.heading(Msg::ClassEdgesTitle.get(lang));
    let rows = edges
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
    let columns = [
        Msg::Classes,
        Msg::Rating,
        Msg::Mechanism,
        Msg::Evidence,
        Msg::Note,
        Msg::Sources,
    ];
    doc.table(header(&columns, lang), rows);
}

/// `mesomix classes --format json` (`mesomix.classes/1`).
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
        class_edges: &'c [Edge],
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

/// The `goals` document: each goal, the actions it works through with their shares, and the
/// ingredients performing them (what each alone does for the goal, best first).
pub fn goals_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::GoalsTitle.get(lang));
    let rows = catalog
        .goals()
        .iter()
        .enumerate()
        .map(|(g, goal)| {
            let total: u32 = goal.actions.iter().map(|a| a.share).sum();
            let actions: Vec<String> = goal
                .actions
                .iter()
                .map(|a| {
                    let name = catalog
                        .action_index(&a.action)
                        .map_or(a.action.as_ref(), |x| action_name(catalog, x, lang));
                    format!("{name} {}/{total}", a.share)
                })
                .collect();
            vec![
                Styled::from(goal.id.as_ref()),
                Styled::from(lang.text(&goal.name)),
                Styled::from(goal.aliases.join(", ")),
                Styled::from(actions.join(", ")),
                Styled::from(joined(&served_by(catalog, g), |(id, v)| {
                    format!("{id} {}", decimal(v.value(), lang))
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
                Msg::Actions,
                Msg::ServedBy,
            ],
            lang,
        ),
        rows,
    );
    doc
}

/// `mesomix goals --format json` (`mesomix.goals/2`).
pub fn goals_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Served<'c> {
        ingredient: &'c str,
        /// What the ingredient alone does for the goal, 0 to 3.
        value: f64,
        evidence: Evidence,
    }
    #[derive(Serialize)]
    struct Row<'c> {
        id: &'c str,
        name: &'c Text,
        aliases: &'c [Str],
        actions: &'c [GoalAction],
        share_note: Option<&'c Text>,
        served_by: Vec<Served<'c>>,
    }
    #[derive(Serialize)]
    struct Body<'c> {
        actions: &'c [Action],
        goals: Vec<Row<'c>>,
    }
    let body = Body {
        actions: catalog.actions(),
        goals: catalog
            .goals()
            .iter()
            .enumerate()
            .map(|(g, goal)| Row {
                id: &goal.id,
                name: &goal.name,
                aliases: &goal.aliases,
                actions: &goal.actions,
                share_note: goal.share_note.as_ref(),
                served_by: served_by(catalog, g)
                    .into_iter()
                    .map(|(ingredient, v)| Served {
                        ingredient,
                        value: crate::render::json::round_to(v.value(), 2),
                        evidence: v.evidence,
                    })
                    .collect(),
            })
            .collect(),
    };
    to_string(&envelope("mesomix.goals/2", catalog, body))
}

// ---------------------------------------------------------------------------------------------
// zones

/// The `zones` document: each zone's region, depth and course pattern, then the zones' notes.
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
                Styled::from(z.id.as_ref()),
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

/// `mesomix zones --format json` (`mesomix.zones/1`): the catalog's zone records as they are.
pub fn zones_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Body<'c> {
        zones: &'c [Zone],
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

/// The `conditions` document: each condition's scope and the ingredients it rules out or
/// cautions.
pub fn conditions_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::ConditionsTitle.get(lang));
    let rows = catalog
        .conditions()
        .iter()
        .map(|c| {
            let affected = affected_by_condition(catalog, &c.id);
            vec![
                Styled::from(c.id.as_ref()),
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

/// `mesomix conditions --format json` (`mesomix.conditions/1`).
pub fn conditions_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Affected<'c> {
        ingredient: &'c str,
        rating: Rating,
        evidence: Evidence,
        sources: &'c [Str],
    }
    #[derive(Serialize)]
    struct Row<'c> {
        id: &'c str,
        name: &'c Text,
        aliases: &'c [Str],
        scope: Scope,
        allergy: bool,
        note: Option<&'c Text>,
        evidence: Evidence,
        sources: &'c [Str],
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

/// The `medications` document: each medication's general warning and the ingredients it
/// interacts with.
pub fn medications_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::MedicationsTitle.get(lang));
    let rows = catalog
        .medications()
        .iter()
        .map(|m| {
            let affected = affected_by_medication(catalog, &m.id);
            vec![
                Styled::from(m.id.as_ref()),
                Styled::from(lang.text(&m.name)),
                Styled::from(m.aliases.join(", ")),
                match &m.general {
                    Some(g) => Styled::new(
                        format!(
                            "{}: {} ({})",
                            if g.clearance {
                                lang::scope(Scope::Relative, lang)
                            } else {
                                lang::rating(g.rating, lang)
                            },
                            lang.text(&g.note),
                            sources(&g.sources)
                        ),
                        tone(g.rating.into()),
                    ),
                    None => Styled::from(""),
                },
                Styled::from(joined(&affected, |(id, x)| {
                    let rating = if x.clearance {
                        lang::scope(Scope::Relative, lang)
                    } else {
                        lang::rating(x.rating, lang)
                    };
                    format!("{id} ({rating})")
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

/// `mesomix medications --format json` (`mesomix.medications/1`).
pub fn medications_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Affected<'c> {
        ingredient: &'c str,
        rating: Rating,
        note: &'c Text,
        evidence: Evidence,
        sources: &'c [Str],
    }
    #[derive(Serialize)]
    struct Row<'c> {
        id: &'c str,
        name: &'c Text,
        aliases: &'c [Str],
        general: Option<&'c Interaction>,
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
