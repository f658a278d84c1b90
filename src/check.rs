//! One syringe → [`CheckReport`]: every pair resolved, mix-level and patient findings, the
//! verdict (the worst finding) and, when it is not approved, the smallest fixes.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::catalog::model::{Evidence, Rating, Scope, Status};
use crate::compat::{PairRating, PhInference, Via, resolve};
use crate::patient::{Allergen, Patient};

/// The default `--max-components`: a setting, not a sourced fact (FACTS found no such rule).
pub const DEFAULT_MAX_COMPONENTS: usize = 4;

/// `remove` suggestions are computed (exactly) up to this many ingredients in the mix.
pub const EXACT_REMOVE_LIMIT: usize = 16;

/// Exact colouring is used up to this many ingredients; beyond it, DSatur (not proven optimal).
pub const EXACT_SPLIT_LIMIT: usize = 12;

/// The verdict of a check, in order of severity.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Compatible,
    Caution,
    Unknown,
    Incompatible,
    Postpone,
    Refused,
}

impl From<PairRating> for Verdict {
    fn from(r: PairRating) -> Verdict {
        match r {
            PairRating::Compatible => Verdict::Compatible,
            PairRating::Caution => Verdict::Caution,
            PairRating::Unknown => Verdict::Unknown,
            PairRating::Incompatible => Verdict::Incompatible,
        }
    }
}

impl From<Rating> for Verdict {
    fn from(r: Rating) -> Verdict {
        PairRating::from(r).into()
    }
}

/// How much a finding weighs: `info` is there to be read and does not change the verdict.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Caution,
    Incompatible,
    Postpone,
    Refused,
}

impl Severity {
    pub fn verdict(self) -> Option<Verdict> {
        match self {
            Severity::Info => None,
            Severity::Caution => Some(Verdict::Caution),
            Severity::Incompatible => Some(Verdict::Incompatible),
            Severity::Postpone => Some(Verdict::Postpone),
            Severity::Refused => Some(Verdict::Refused),
        }
    }
}

impl From<Rating> for Severity {
    fn from(r: Rating) -> Severity {
        match r {
            // A contraindication or interaction is never "compatible" (validation); if one
            // ever were, it still deserves to be read.
            Rating::Compatible => Severity::Info,
            Rating::Caution => Severity::Caution,
            Rating::Incompatible => Severity::Incompatible,
        }
    }
}

/// What a finding is about. Indices point into the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FindingKind {
    /// The ingredient is withdrawn, not injectable or unapproved.
    Status { ingredient: usize },
    /// A "do not mix" ingredient shares the syringe with others.
    Solo { ingredient: usize },
    /// More components than the `--max-components` setting.
    TooManyComponents { count: usize, max: usize },
    /// The ingredient has a sourced per-session limit.
    SessionLimit { ingredient: usize },
    /// The ingredient is not for this zone.
    NotInZone { ingredient: usize, zone: usize },
    /// A patient condition that acts on the whole session (absolute, postpone, zone).
    Condition { condition: usize },
    /// A patient condition named by an ingredient's contraindications.
    Contraindication {
        ingredient: usize,
        condition: usize,
        contraindication: usize,
    },
    /// The patient is allergic to the ingredient (directly, by class or by allergy condition).
    Allergy {
        ingredient: usize,
        allergen: Allergen,
    },
    /// A medication's warning for any session.
    MedicationGeneral { medication: usize },
    /// A medication's interaction with one ingredient.
    Interaction {
        ingredient: usize,
        medication: usize,
        interaction: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    pub evidence: Option<Evidence>,
    pub sources: Vec<String>,
}

/// One pair of the mix, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub rating: PairRating,
    pub via: Via,
    /// Index of the deciding edge in `edges` (via ingredient) or `class_edges` (via class).
    pub edge: Option<usize>,
    pub ph: Option<PhInference>,
}

/// One syringe of a split, with the goals it still serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syringe {
    pub ingredients: Vec<usize>,
    pub goals: Vec<usize>,
}

/// A replacement for an ingredient that a `remove` suggestion takes out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    pub replaces: usize,
    pub ingredient: usize,
    /// Goals of the replaced ingredient that the alternative serves.
    pub goals: Vec<usize>,
    /// The worst rating of the alternative with the rest of the mix.
    pub worst: PairRating,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestions {
    /// Every smallest set of ingredients whose removal leaves no blocking pair.
    pub remove: Vec<Vec<usize>>,
    /// The fewest syringes in which no pair blocks.
    pub split: Vec<Syringe>,
    /// Whether `split` is proven to use the fewest syringes (exact up to 12 ingredients).
    pub split_exact: bool,
    pub alternatives: Vec<Alternative>,
}

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    pub mix: Vec<usize>,
    pub zone: Option<usize>,
    pub patient: Patient,
    pub max_components: usize,
}

#[derive(Debug, Clone)]
pub struct CheckReport {
    pub verdict: Verdict,
    pub mix: Vec<usize>,
    /// Worst first, then by ids.
    pub pairs: Vec<Pair>,
    /// Worst first, in a stable order.
    pub findings: Vec<Finding>,
    pub suggestions: Suggestions,
}

/// Why a mix could not be checked at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    #[error("the mix is empty")]
    Empty,
    #[error("ingredient listed twice")]
    Duplicate { ingredient: usize },
}

/// A pair blocks approval when it is incompatible or has no data.
pub fn blocks(rating: PairRating) -> bool {
    matches!(rating, PairRating::Incompatible | PairRating::Unknown)
}

pub fn check(catalog: &Catalog, request: &CheckRequest) -> Result<CheckReport, CheckError> {
    if request.mix.is_empty() {
        return Err(CheckError::Empty);
    }
    for (n, &i) in request.mix.iter().enumerate() {
        if request.mix[..n].contains(&i) {
            return Err(CheckError::Duplicate { ingredient: i });
        }
    }
    // The verdict must not depend on the order the ingredients were named in.
    let mut mix = request.mix.clone();
    mix.sort_by(|&a, &b| {
        catalog.ingredients()[a]
            .id
            .cmp(&catalog.ingredients()[b].id)
    });

    let pairs = resolve_pairs(catalog, &mix);
    let mut findings = mix_findings(catalog, &mix, request);
    findings.extend(patient_findings(catalog, &mix, request));
    findings.sort_by(|x, y| {
        y.severity
            .cmp(&x.severity)
            .then_with(|| x.kind.cmp(&y.kind))
    });

    let verdict = pairs
        .iter()
        .map(|p| Verdict::from(p.rating))
        .chain(findings.iter().filter_map(|f| f.severity.verdict()))
        .max()
        .unwrap_or(Verdict::Compatible);

    let suggestions = if pairs.iter().any(|p| blocks(p.rating)) || solo_blocks(catalog, &mix) {
        suggest(catalog, &mix, request)
    } else {
        Suggestions::default()
    };
    Ok(CheckReport {
        verdict,
        mix,
        pairs,
        findings,
        suggestions,
    })
}

/// Every pair of `mix`, worst first.
pub fn resolve_pairs(catalog: &Catalog, mix: &[usize]) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for (n, &a) in mix.iter().enumerate() {
        for &b in &mix[n + 1..] {
            let r = resolve(catalog, a, b);
            let compat = catalog.compat();
            let edge = match r.via {
                Via::Ingredient => compat.ingredient_edge(a, b),
                Via::Class => compat.class_link(catalog.class_of(a), catalog.class_of(b)),
                Via::Ph | Via::None => None,
            };
            pairs.push(Pair {
                a,
                b,
                rating: r.rating,
                via: r.via,
                edge,
                ph: r.ph,
            });
        }
    }
    let id = |i: usize| catalog.ingredients()[i].id.as_str();
    pairs.sort_by(|x, y| {
        y.rating
            .cmp(&x.rating)
            .then_with(|| (id(x.a), id(x.b)).cmp(&(id(y.a), id(y.b))))
    });
    pairs
}

/// A solo ingredient rated incompatible blocks any mix it is part of.
fn solo_blocks(catalog: &Catalog, mix: &[usize]) -> bool {
    mix.len() > 1
        && mix.iter().any(|&i| {
            catalog.ingredients()[i]
                .solo
                .as_ref()
                .is_some_and(|s| s.rating == Rating::Incompatible)
        })
}

fn mix_findings(catalog: &Catalog, mix: &[usize], request: &CheckRequest) -> Vec<Finding> {
    let mut out = Vec::new();
    for &i in mix {
        let ing = &catalog.ingredients()[i];
        match &ing.status {
            Status::Available => {}
            Status::Withdrawn { sources, .. }
            | Status::NotInjectable { sources, .. }
            | Status::Unapproved { sources, .. } => {
                out.push(Finding {
                    kind: FindingKind::Status { ingredient: i },
                    severity: Severity::Incompatible,
                    evidence: None,
                    sources: sources.clone(),
                });
            }
        }
        if let Some(solo) = &ing.solo
            && mix.len() > 1
        {
            out.push(Finding {
                kind: FindingKind::Solo { ingredient: i },
                severity: solo.rating.into(),
                evidence: Some(solo.evidence),
                sources: solo.sources.clone(),
            });
        }
        if let Some(limit) = &ing.session_limit {
            out.push(Finding {
                kind: FindingKind::SessionLimit { ingredient: i },
                severity: Severity::Info,
                evidence: Some(limit.evidence),
                sources: limit.sources.clone(),
            });
        }
        if let Some(zone) = request.zone
            && !allowed_in_zone(catalog, i, zone)
        {
            let note = ing.zone_note.as_ref();
            out.push(Finding {
                kind: FindingKind::NotInZone {
                    ingredient: i,
                    zone,
                },
                severity: Severity::Incompatible,
                evidence: note.map(|n| n.evidence),
                sources: note.map_or_else(|| ing.sources.clone(), |n| n.sources.clone()),
            });
        }
    }
    if mix.len() > request.max_components {
        out.push(Finding {
            kind: FindingKind::TooManyComponents {
                count: mix.len(),
                max: request.max_components,
            },
            severity: Severity::Caution,
            evidence: None,
            sources: Vec::new(),
        });
    }
    out
}

/// Whether ingredient `i` may be used in zone `z` (its regions and zones lists).
pub fn allowed_in_zone(catalog: &Catalog, i: usize, z: usize) -> bool {
    let ing = &catalog.ingredients()[i];
    let zone = &catalog.zones()[z];
    (ing.regions.is_empty() || ing.regions.contains(&zone.region))
        && (ing.zones.is_empty() || ing.zones.contains(&zone.id))
}

fn patient_findings(catalog: &Catalog, mix: &[usize], request: &CheckRequest) -> Vec<Finding> {
    let mut out = session_findings(catalog, &request.patient);
    out.extend(
        mix.iter()
            .flat_map(|&i| ingredient_patient_findings(catalog, i, &request.patient)),
    );
    out
}

/// Findings about the patient that hold for any session: absolute, postpone and zone
/// conditions, and general medication warnings.
pub fn session_findings(catalog: &Catalog, patient: &Patient) -> Vec<Finding> {
    let mut out = Vec::new();
    for &c in &patient.conditions {
        let cond = &catalog.conditions()[c];
        let severity = match cond.scope {
            Scope::Absolute => Severity::Refused,
            Scope::Postpone => Severity::Postpone,
            // The lesion is in the zone being treated: no session there.
            Scope::Zone => Severity::Refused,
            Scope::Ingredient => continue,
        };
        out.push(Finding {
            kind: FindingKind::Condition { condition: c },
            severity,
            evidence: Some(cond.evidence),
            sources: cond.sources.clone(),
        });
    }
    for &m in &patient.medications {
        if let Some(general) = &catalog.medications()[m].general {
            out.push(Finding {
                kind: FindingKind::MedicationGeneral { medication: m },
                severity: general.rating.into(),
                evidence: Some(general.evidence),
                sources: general.sources.clone(),
            });
        }
    }
    out
}

/// Findings about one ingredient for this patient: contraindications, allergies, interactions.
pub fn ingredient_patient_findings(catalog: &Catalog, i: usize, patient: &Patient) -> Vec<Finding> {
    let ing = &catalog.ingredients()[i];
    let mut out = Vec::new();
    for (n, contra) in ing.contraindications.iter().enumerate() {
        let Some(c) = catalog
            .conditions()
            .iter()
            .position(|x| x.id == contra.condition)
        else {
            continue;
        };
        let named =
            patient.conditions.contains(&c) || patient.allergies.contains(&Allergen::Condition(c));
        if named {
            out.push(Finding {
                kind: FindingKind::Contraindication {
                    ingredient: i,
                    condition: c,
                    contraindication: n,
                },
                severity: contra.rating.into(),
                evidence: Some(contra.evidence),
                sources: contra.sources.clone(),
            });
        }
    }
    for &allergen in &patient.allergies {
        let hit = match allergen {
            Allergen::Ingredient(x) => x == i,
            Allergen::Class(c) => catalog.class_of(i) == c,
            // Allergy conditions act through the ingredient's contraindications, above.
            Allergen::Condition(_) => false,
        };
        if hit {
            out.push(Finding {
                kind: FindingKind::Allergy {
                    ingredient: i,
                    allergen,
                },
                severity: Severity::Incompatible,
                evidence: None,
                sources: Vec::new(),
            });
        }
    }
    for (n, inter) in ing.interactions.iter().enumerate() {
        let Some(m) = catalog
            .medications()
            .iter()
            .position(|x| x.id == inter.medication)
        else {
            continue;
        };
        if patient.medications.contains(&m) {
            out.push(Finding {
                kind: FindingKind::Interaction {
                    ingredient: i,
                    medication: m,
                    interaction: n,
                },
                severity: inter.rating.into(),
                evidence: Some(inter.evidence),
                sources: inter.sources.clone(),
            });
        }
    }
    out
}

/// Whether an ingredient may be offered to this patient in this zone at all: available, and
/// ruled out by nothing the patient has.
pub fn eligible(catalog: &Catalog, i: usize, zone: Option<usize>, patient: &Patient) -> bool {
    matches!(catalog.ingredients()[i].status, Status::Available)
        && zone.is_none_or(|z| allowed_in_zone(catalog, i, z))
        && ingredient_patient_findings(catalog, i, patient)
            .iter()
            .all(|f| f.severity < Severity::Incompatible)
}

// ---------------------------------------------------------------------------------------------
// Suggestions

/// The blocking graph of a mix as adjacency over positions 0..n.
fn blocking_graph(catalog: &Catalog, mix: &[usize]) -> Vec<Vec<bool>> {
    let n = mix.len();
    let mut adj = vec![vec![false; n]; n];
    for x in 0..n {
        for y in x + 1..n {
            let solo = |i: usize| {
                catalog.ingredients()[i]
                    .solo
                    .as_ref()
                    .is_some_and(|s| s.rating == Rating::Incompatible)
            };
            let blocked =
                blocks(resolve(catalog, mix[x], mix[y]).rating) || solo(mix[x]) || solo(mix[y]);
            adj[x][y] = blocked;
            adj[y][x] = blocked;
        }
    }
    adj
}

fn suggest(catalog: &Catalog, mix: &[usize], request: &CheckRequest) -> Suggestions {
    let adj = blocking_graph(catalog, mix);
    // Every minimum cover is enumerated exactly, which is exponential: beyond
    // `EXACT_REMOVE_LIMIT` ingredients no `remove` suggestion is made (the split still is).
    let covers = if mix.len() <= EXACT_REMOVE_LIMIT {
        minimum_vertex_covers(&adj)
    } else {
        Vec::new()
    };
    let remove: Vec<Vec<usize>> = covers
        .into_iter()
        .map(|set| set.into_iter().map(|p| mix[p]).collect())
        .collect();
    let (colouring, split_exact) = if mix.len() <= EXACT_SPLIT_LIMIT {
        (exact_colouring(&adj), true)
    } else {
        (dsatur(&adj), false)
    };
    let colours = colouring.iter().copied().max().map_or(0, |m| m + 1);
    let split = (0..colours)
        .map(|c| {
            let ingredients: Vec<usize> = (0..mix.len())
                .filter(|&p| colouring[p] == c)
                .map(|p| mix[p])
                .collect();
            let goals = goals_served(catalog, &ingredients);
            Syringe { ingredients, goals }
        })
        .collect();
    let alternatives = alternatives(catalog, mix, &remove, request);
    Suggestions {
        remove,
        split,
        split_exact,
        alternatives,
    }
}

/// Goal indices served by any of `ingredients`, in catalog order.
pub fn goals_served(catalog: &Catalog, ingredients: &[usize]) -> Vec<usize> {
    (0..catalog.goals().len())
        .filter(|&g| {
            let id = &catalog.goals()[g].id;
            ingredients
                .iter()
                .any(|&i| catalog.ingredients()[i].goals.iter().any(|c| &c.goal == id))
        })
        .collect()
}

/// Every minimum vertex cover of the graph (positions), smallest size only, in
/// lexicographic order. Exact: subsets are tried by increasing size.
pub fn minimum_vertex_covers(adj: &[Vec<bool>]) -> Vec<Vec<usize>> {
    let n = adj.len();
    let edges: Vec<(usize, usize)> = (0..n)
        .flat_map(|x| (x + 1..n).map(move |y| (x, y)))
        .filter(|&(x, y)| adj[x][y])
        .collect();
    if edges.is_empty() {
        return Vec::new();
    }
    for k in 1..=n {
        let mut found = Vec::new();
        let mut chosen = Vec::with_capacity(k);
        combinations(n, k, 0, &mut chosen, &mut |set: &[usize]| {
            if edges
                .iter()
                .all(|(x, y)| set.contains(x) || set.contains(y))
            {
                found.push(set.to_vec());
            }
        });
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

fn combinations(
    n: usize,
    k: usize,
    start: usize,
    chosen: &mut Vec<usize>,
    visit: &mut dyn FnMut(&[usize]),
) {
    if chosen.len() == k {
        visit(chosen);
        return;
    }
    for x in start..n {
        if n - x < k - chosen.len() {
            break;
        }
        chosen.push(x);
        combinations(n, k, x + 1, chosen, visit);
        chosen.pop();
    }
}

/// An optimal colouring (colour per position) by backtracking over increasing colour counts.
pub fn exact_colouring(adj: &[Vec<bool>]) -> Vec<usize> {
    let n = adj.len();
    if n == 0 {
        return Vec::new();
    }
    for k in 1..=n {
        let mut colours = vec![usize::MAX; n];
        if colour_from(adj, 0, k, &mut colours) {
            return colours;
        }
    }
    (0..n).collect()
}

fn colour_from(adj: &[Vec<bool>], at: usize, k: usize, colours: &mut [usize]) -> bool {
    if at == adj.len() {
        return true;
    }
    // Symmetry breaking: a vertex may open at most one new colour.
    let used = colours[..at].iter().copied().max().map_or(0, |m| m + 1);
    for c in 0..k.min(used + 1) {
        if (0..at).all(|other| !adj[at][other] || colours[other] != c) {
            colours[at] = c;
            if colour_from(adj, at + 1, k, colours) {
                return true;
            }
        }
    }
    colours[at] = usize::MAX;
    false
}

/// DSatur colouring for mixes too large for the exact search.
fn dsatur(adj: &[Vec<bool>]) -> Vec<usize> {
    use petgraph::graph::UnGraph;
    let n = adj.len();
    let mut g = UnGraph::<(), ()>::with_capacity(n, 0);
    let nodes: Vec<_> = (0..n).map(|_| g.add_node(())).collect();
    for x in 0..n {
        for y in x + 1..n {
            if adj[x][y] {
                g.add_edge(nodes[x], nodes[y], ());
            }
        }
    }
    let (colouring, _) = petgraph::algo::dsatur_coloring(&g);
    nodes.iter().map(|node| colouring[node]).collect()
}

/// For each ingredient a `remove` set takes out: eligible catalog ingredients that serve one of
/// its goals and do not block with the rest of the mix.
fn alternatives(
    catalog: &Catalog,
    mix: &[usize],
    remove: &[Vec<usize>],
    request: &CheckRequest,
) -> Vec<Alternative> {
    let mut out: Vec<Alternative> = Vec::new();
    for set in remove {
        let rest: Vec<usize> = mix.iter().copied().filter(|i| !set.contains(i)).collect();
        for &removed in set {
            if out.iter().any(|a| a.replaces == removed) {
                continue;
            }
            let wanted: Vec<&str> = catalog.ingredients()[removed]
                .goals
                .iter()
                .map(|g| g.goal.as_str())
                .collect();
            let mut found: Vec<(u8, Alternative)> = Vec::new();
            for cand in 0..catalog.ingredients().len() {
                if mix.contains(&cand) || !eligible(catalog, cand, request.zone, &request.patient) {
                    continue;
                }
                let ing = &catalog.ingredients()[cand];
                if ing.solo.is_some() && !rest.is_empty() {
                    continue;
                }
                let shared: Vec<&crate::catalog::model::GoalClaim> = ing
                    .goals
                    .iter()
                    .filter(|g| wanted.contains(&g.goal.as_str()))
                    .collect();
                if shared.is_empty() {
                    continue;
                }
                let worst = rest
                    .iter()
                    .map(|&r| resolve(catalog, cand, r).rating)
                    .max()
                    .unwrap_or(PairRating::Compatible);
                if blocks(worst) {
                    continue;
                }
                let goals = (0..catalog.goals().len())
                    .filter(|&g| shared.iter().any(|c| c.goal == catalog.goals()[g].id))
                    .collect();
                let best = shared.iter().map(|c| c.efficacy).max().unwrap_or(0);
                found.push((
                    best,
                    Alternative {
                        replaces: removed,
                        ingredient: cand,
                        goals,
                        worst,
                    },
                ));
            }
            // Best efficacy first, then safer, then by id.
            found.sort_by(|(ea, a), (eb, b)| {
                eb.cmp(ea)
                    .then_with(|| a.worst.cmp(&b.worst))
                    .then_with(|| {
                        catalog.ingredients()[a.ingredient]
                            .id
                            .cmp(&catalog.ingredients()[b.ingredient].id)
                    })
            });
            out.extend(found.into_iter().map(|(_, a)| a));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<bool>> {
        let mut adj = vec![vec![false; n]; n];
        for &(x, y) in edges {
            adj[x][y] = true;
            adj[y][x] = true;
        }
        adj
    }

    #[test]
    fn vertex_covers_are_all_the_minimum_ones() {
        // A path 0-1-2: {1} alone covers both edges.
        assert_eq!(
            minimum_vertex_covers(&graph(3, &[(0, 1), (1, 2)])),
            vec![vec![1]]
        );
        // One edge: either end.
        assert_eq!(
            minimum_vertex_covers(&graph(2, &[(0, 1)])),
            vec![vec![0], vec![1]]
        );
        // A triangle needs two.
        assert_eq!(
            minimum_vertex_covers(&graph(3, &[(0, 1), (1, 2), (0, 2)])).len(),
            3
        );
        assert!(minimum_vertex_covers(&graph(3, &[])).is_empty());
    }

    #[test]
    fn colouring_is_optimal() {
        let colours =
            |adj: &Vec<Vec<bool>>| exact_colouring(adj).into_iter().max().map_or(0, |m| m + 1);
        assert_eq!(colours(&graph(3, &[])), 1);
        assert_eq!(colours(&graph(3, &[(0, 1), (1, 2)])), 2);
        assert_eq!(colours(&graph(3, &[(0, 1), (1, 2), (0, 2)])), 3);
        // A 5-cycle needs three.
        assert_eq!(
            colours(&graph(5, &[(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)])),
            3
        );
    }
}
