//! The compatibility graph as a picture's content: which nodes and which edges to draw.
//!
//! With no ingredients it is the class graph (classes and class edges). With ingredients it is
//! those ingredients and every pair between them (unknown pairs only when asked), and with
//! `neighbours` every catalog ingredient that has an ingredient or class edge to one of them.

use petgraph::graph::UnGraph;

use crate::catalog::Catalog;
use crate::catalog::model::Mechanism;
use crate::compat::{PairRating, Via, resolve};

/// A node: an ingredient or a class (indices into the catalog).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// An ingredient, by index.
    Ingredient(usize),
    /// A class, by index (in the class graph).
    Class(usize),
}

/// An edge to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The pair's rating, as [`resolve`] decides it (a class edge's own rating in the class graph).
    pub rating: PairRating,
    /// The layer that decided the rating (always `Class` in the class graph).
    pub via: Via,
    /// The deciding claim's mechanism; `PhPrecipitation` for a pH inference; `None` for a solo
    /// rule or an unknown pair.
    pub mechanism: Option<Mechanism>,
}

/// What to draw.
#[derive(Debug, Clone)]
pub struct GraphRequest {
    /// The ingredients to draw, by index (repeats are drawn once); empty draws the class graph.
    pub ingredients: Vec<usize>,
    /// Also draw every ingredient with an ingredient edge to one of them, or whose class has a
    /// class edge to one of their classes, linked to them only.
    pub neighbours: bool,
    /// Also draw `unknown` pairs between the requested ingredients (never to neighbours).
    pub show_unknown: bool,
}

/// The picture's graph (petgraph): nodes in a stable order (requested ingredients first, then
/// neighbours by id; or classes in catalog order), edges sorted by their ends.
pub fn build(catalog: &Catalog, request: &GraphRequest) -> UnGraph<Node, Link> {
    let mut g = UnGraph::new_undirected();
    if request.ingredients.is_empty() {
        let nodes: Vec<_> = (0..catalog.classes().len())
            .map(|c| g.add_node(Node::Class(c)))
            .collect();
        for (a, b) in (0..nodes.len()).flat_map(|a| (a + 1..nodes.len()).map(move |b| (a, b))) {
            if let Some(e) = catalog.compat().class_link(a, b) {
                let edge = &catalog.file().class_edges[e];
                let link = Link {
                    rating: edge.rating.into(),
                    via: Via::Class,
                    mechanism: Some(edge.mechanism),
                };
                g.add_edge(nodes[a], nodes[b], link);
            }
        }
        return g;
    }
    let mut shown: Vec<usize> = Vec::new();
    for &i in &request.ingredients {
        if !shown.contains(&i) {
            shown.push(i);
        }
    }
    let requested = shown.len();
    if request.neighbours {
        // Neighbours through an ingredient edge, or through a class edge to their class.
        let compat = catalog.compat();
        let mut extra: Vec<usize> = Vec::new();
        for &i in &shown[..requested] {
            extra.extend(compat.neighbours(i).iter().map(|&(j, _)| j));
            let classes = compat.class_neighbours(catalog.class_of(i));
            extra.extend(
                (0..catalog.ingredients().len())
                    .filter(|&j| classes.contains(&catalog.class_of(j))),
            );
        }
        extra.retain(|j| !shown.contains(j));
        extra.sort_unstable();
        extra.dedup();
        extra.sort_by(|&a, &b| {
            catalog.ingredients()[a]
                .id
                .cmp(&catalog.ingredients()[b].id)
        });
        shown.extend(extra);
    }
    let nodes: Vec<_> = shown
        .iter()
        .map(|&i| g.add_node(Node::Ingredient(i)))
        .collect();
    for a in 0..shown.len() {
        for b in a + 1..shown.len() {
            // Neighbours are drawn with the edges that brought them in, not with each other.
            if a >= requested && b >= requested {
                continue;
            }
            let r = resolve(catalog, shown[a], shown[b]);
            let (rating, via) = (r.rating, r.via);
            let is_neighbour_pair = b >= requested;
            if rating == PairRating::Unknown && (!request.show_unknown || is_neighbour_pair) {
                continue;
            }
            if is_neighbour_pair && !matches!(via, Via::Ingredient | Via::Rule | Via::Class) {
                continue;
            }
            let mechanism = match via {
                Via::Ph => Some(Mechanism::PhPrecipitation),
                _ => r.decision().and_then(|c| c.mechanism),
            };
            g.add_edge(
                nodes[a],
                nodes[b],
                Link {
                    rating,
                    via,
                    mechanism,
                },
            );
        }
    }
    g
}

// petgraph's DOT writer asks for Display even with labels turned off (labels come from the
// attribute getters instead); these give the kind and index.
impl std::fmt::Display for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Node::Ingredient(i) => write!(f, "ingredient {i}"),
            Node::Class(c) => write!(f, "class {c}"),
        }
    }
}

impl std::fmt::Display for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.rating)
    }
}
