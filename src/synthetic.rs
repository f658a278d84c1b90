//! Seeded synthetic catalogs for tests and benchmarks: random classes, goals working through
//! random actions with random shares, ingredients performing random actions with random
//! efficacies, and a set share of incompatible and caution pairs. Not used by the tool itself.
//!
//! Pair ratings come from class edges between every two classes (so a catalog of 10,000
//! ingredients stays small), plus a sprinkle of ingredient edges that override them. Pairs inside
//! one class have no edge and are `unknown`, as in a real catalog.

use crate::catalog::model::{
    Action, ActionClaim, CatalogFile, Class, Condition, Course, Depth, Edge, Evidence, Goal,
    GoalAction, Grade, Ingredient, List, Mechanism, Medication, Range, Rating, Region, Route,
    Scope, Source, Span, Status, Str, Text, Zone,
};
use crate::catalog::{self, Catalog};

/// Shape of a synthetic catalog.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub ingredients: usize,
    pub goals: usize,
    pub classes: usize,
    /// Share of class pairs (and of the extra ingredient edges) rated incompatible.
    pub conflict: f64,
    /// Share rated caution.
    pub caution: f64,
    /// Actions each ingredient performs: `None` draws one to three at random.
    pub performs: Option<usize>,
    pub seed: u64,
}

impl Shape {
    /// The benchmark shape: 12 goals, 10% conflicts, 5% cautions, one class per 50 ingredients
    /// (at least 8), so about 2% of pairs fall inside a class and are unknown.
    pub fn benchmark(ingredients: usize, seed: u64) -> Shape {
        Shape {
            ingredients,
            goals: 12,
            classes: (ingredients / 50).max(8),
            conflict: 0.10,
            caution: 0.05,
            performs: None,
            seed,
        }
    }

    /// The hostile shape: every ingredient its own class, so every pair is rated by a class
    /// edge and none is unknown (90% of pairs may share a syringe), and each ingredient
    /// performs exactly two actions: a great many near-equal cocktails.
    pub fn hostile(ingredients: usize, seed: u64) -> Shape {
        Shape {
            ingredients,
            goals: 12,
            classes: ingredients.max(1),
            conflict: 0.10,
            caution: 0.05,
            performs: Some(2),
            seed,
        }
    }
}

/// splitmix64: small, seeded and the same on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn text(s: &str) -> Text {
    Text {
        en: s.to_owned().into(),
        ru: s.to_owned().into(),
    }
}

fn rating(rng: &mut Rng, shape: &Shape) -> Rating {
    let x = rng.unit();
    if x < shape.conflict {
        Rating::Incompatible
    } else if x < shape.conflict + shape.caution {
        Rating::Caution
    } else {
        Rating::Compatible
    }
}

fn mechanism(r: Rating) -> Mechanism {
    match r {
        Rating::Incompatible => Mechanism::PhPrecipitation,
        Rating::Caution => Mechanism::PharmacologicalAntagonism,
        Rating::Compatible => Mechanism::DocumentedCoUse,
    }
}

/// The catalog model of a synthetic catalog.
pub fn model(shape: &Shape) -> CatalogFile {
    let mut rng = Rng::new(shape.seed);
    let Vocabularies {
        classes,
        actions,
        goals,
        zones,
        conditions,
        medications,
    } = vocabularies(&mut rng, shape);
    let ingredients = ingredients(&mut rng, shape);
    let (class_edges, edges) = edges(&mut rng, shape, &classes, &ingredients);
    CatalogFile {
        version: format!("synthetic-{}-{}", shape.ingredients, shape.seed).into(),
        sources: sources().into(),
        classes: classes.into(),
        actions: actions.into(),
        goals: goals.into(),
        zones: zones.into(),
        conditions: conditions.into(),
        medications: medications.into(),
        aftercare: List::default(),
        expectations: List::default(),
        ingredients: ingredients.into(),
        class_edges: class_edges.into(),
        edges: edges.into(),
        products: List::default(),
        regimens: List::default(),
    }
}

/// The three sources, one per grade.
fn sources() -> Vec<Source> {
    vec![
        Source {
            id: "s_label".into(),
            title: "synthetic label".into(),
            citation: "synthetic".into(),
            grade: Grade::Label,
        },
        Source {
            id: "s_peer".into(),
            title: "synthetic paper".into(),
            citation: "synthetic".into(),
            grade: Grade::Peer,
        },
        Source {
            id: "s_weak".into(),
            title: "synthetic page".into(),
            citation: "synthetic".into(),
            grade: Grade::Weak,
        },
    ]
}

/// The vocabularies of a synthetic catalog.
struct Vocabularies {
    classes: Vec<Class>,
    actions: Vec<Action>,
    goals: Vec<Goal>,
    zones: Vec<Zone>,
    conditions: Vec<Condition>,
    medications: Vec<Medication>,
}

/// The number of actions of a catalog with `goals` goals (two per goal, shared at random).
fn action_count(goals: usize) -> usize {
    (2 * goals).max(1)
}

/// Classes, actions, goals (each working through one to three actions, shares 1 to 3), one
/// zone, one condition and one medication.
fn vocabularies(rng: &mut Rng, shape: &Shape) -> Vocabularies {
    let classes: Vec<Class> = (0..shape.classes)
        .map(|c| Class {
            id: format!("c{c:03}").into(),
            name: text(&format!("Class {c}")),
            description: text("synthetic"),
        })
        .collect();
    let n_actions = action_count(shape.goals);
    let actions: Vec<Action> = (0..n_actions)
        .map(|a| Action {
            id: format!("a{a:02}").into(),
            name: text(&format!("Action {a}")),
            description: text("synthetic"),
            enabling: false,
        })
        .collect();
    let goals: Vec<Goal> = (0..shape.goals)
        .map(|g| {
            let wanted = (1 + rng.below(3)).min(n_actions);
            let mut entries: Vec<GoalAction> = Vec::new();
            while entries.len() < wanted {
                let id = format!("a{:02}", rng.below(n_actions));
                if entries.iter().any(|e| e.action == id) {
                    continue;
                }
                entries.push(GoalAction {
                    action: id.into(),
                    also_served_by: List::default(),
                    share: 1 + rng.below(3) as u32,
                    evidence: Evidence::Weak,
                    sources: vec!["s_weak".into()].into(),
                });
            }
            Goal {
                id: format!("g{g:02}").into(),
                name: text(&format!("Goal {g}")),
                aliases: List::default(),
                actions: entries.into(),
                share_note: None,
            }
        })
        .collect();
    let course = Course {
        sessions: Span { min: 4, max: 10 },
        interval_days: Span { min: 7, max: 14 },
        maintenance_interval_days: None,
        next_course_within_days: None,
        note: None,
        evidence: Evidence::Weak,
        sources: vec!["s_weak".into()].into(),
    };
    let zones = vec![Zone {
        id: "zone".into(),
        name: text("Zone"),
        aliases: List::default(),
        region: Region::Body,
        depth_mm: Range {
            min: 4.0,
            max: 12.0,
        },
        course,
        sources: vec!["s_weak".into()].into(),
    }];
    let conditions = vec![Condition {
        id: "pregnancy".into(),
        name: text("Pregnancy"),
        aliases: List::default(),
        scope: Scope::Absolute,
        allergy: false,
        note: None,
        evidence: Evidence::Weak,
        sources: vec!["s_weak".into()].into(),
    }];
    let medications = vec![Medication {
        id: "anticoagulant".into(),
        name: text("Anticoagulant"),
        aliases: List::default(),
        general: None,
    }];
    Vocabularies {
        classes,
        actions,
        goals,
        zones,
        conditions,
        medications,
    }
}

/// The ingredients, each performing one to three actions.
fn ingredients(rng: &mut Rng, shape: &Shape) -> Vec<Ingredient> {
    let grades = [
        (Evidence::Label, "s_label"),
        (Evidence::Peer, "s_peer"),
        (Evidence::Weak, "s_weak"),
    ];
    let n_actions = action_count(shape.goals);
    (0..shape.ingredients)
        .map(|i| {
            let performed = shape
                .performs
                .unwrap_or_else(|| 1 + rng.below(3))
                .clamp(1, n_actions);
            let mut claims: Vec<ActionClaim> = Vec::new();
            while claims.len() < performed {
                let id = format!("a{:02}", rng.below(n_actions));
                if claims.iter().any(|c| c.action == id) {
                    continue;
                }
                let (evidence, source) = grades[rng.below(3)];
                claims.push(ActionClaim {
                    action: id.into(),
                    efficacy: 1 + rng.below(3) as u8,
                    routes: vec![Route::Local].into(),
                    zones: List::default(),
                    evidence,
                    note: None,
                    sources: vec![source.into()].into(),
                });
            }
            Ingredient {
                id: format!("i{i:05}").into(),
                name: text(&format!("Ingredient {i}")),
                aliases: List::default(),
                class: format!("c{:03}", rng.below(shape.classes)).into(),
                status: Status::Available,
                actions: claims.into(),
                ph: None,
                concentration: None,
                session_limit: None,
                strengths: List::default(),
                contains: List::default(),
                dose_limits: List::default(),
                depth: vec![Depth::Subcutaneous].into(),
                regions: List::default(),
                zones: List::default(),
                zone_note: None,
                course: None,
                contraindications: List::default(),
                interactions: List::default(),
                solo: None,
                components: List::default(),
                notes: List::default(),
                sources: vec!["s_weak".into()].into(),
            }
        })
        .collect()
}

/// Class edges between every two classes, and about one ingredient edge per ingredient.
fn edges(
    rng: &mut Rng,
    shape: &Shape,
    classes: &[Class],
    ingredients: &[Ingredient],
) -> (Vec<Edge>, Vec<Edge>) {
    let edge = |a: Str, b: Str, r: Rating| Edge {
        a,
        b,
        rating: r,
        mechanism: mechanism(r),
        note: text("synthetic"),
        evidence: Evidence::Weak,
        sources: vec!["s_weak".into()].into(),
        condition: None,
        also: List::default(),
    };
    let mut class_edges = Vec::new();
    for a in 0..shape.classes {
        for b in a + 1..shape.classes {
            let r = rating(rng, shape);
            class_edges.push(edge(classes[a].id.clone(), classes[b].id.clone(), r));
        }
    }
    // One overriding ingredient edge per ingredient, on average.
    let mut edges = Vec::new();
    let mut seen = std::collections::HashSet::new();
    if shape.ingredients > 1 {
        for _ in 0..shape.ingredients {
            let (a, b) = (rng.below(shape.ingredients), rng.below(shape.ingredients));
            if a != b && seen.insert((a.min(b), a.max(b))) {
                let r = rating(rng, shape);
                edges.push(edge(
                    ingredients[a].id.clone(),
                    ingredients[b].id.clone(),
                    r,
                ));
            }
        }
    }
    (class_edges, edges)
}

/// A validated synthetic catalog (the generator writes only what validation accepts, so an
/// error here is a bug in the generator).
pub fn catalog(shape: &Shape) -> Result<Catalog, Vec<catalog::validate::Problem>> {
    catalog::from_model(model(shape), "<synthetic>")
}

/// A synthetic catalog as RON text that `mesomix --catalog` loads (with the `implicit_some`
/// extension the catalog format uses). Compact, one record per line, so that 10,000
/// ingredients stay within the 16 MiB a catalog file may have.
pub fn ron(shape: &Shape) -> Result<String, ron::Error> {
    let body = crate::catalog::codec::ron_options().to_string_pretty(
        &model(shape),
        ron::ser::PrettyConfig::default()
            .depth_limit(2)
            .indentor(""),
    )?;
    Ok(format!("#![enable(implicit_some)]\n{body}\n"))
}
