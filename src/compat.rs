//! The compatibility graph and pair resolution.
//!
//! Nodes are ingredients. An ingredient edge links its two ingredients; a class edge is
//! inherited by every pair of members of its two classes unless an ingredient edge already
//! covers that pair (ingredient edges override). Edges are undirected. A pair with no edge is
//! rated by pH inference when both pH ranges are known and far apart, and is otherwise
//! `unknown`: no data is never read as compatible.

use std::collections::HashMap;

use petgraph::graph::{NodeIndex, UnGraph};
use serde::Serialize;

use crate::catalog::Catalog;
use crate::catalog::model::{CatalogFile, Edge, Rating};

/// Two pH ranges further apart than this many units make a pair `caution` by inference.
pub const PH_GAP: f64 = 2.0;

/// The rating of a pair, in order of severity.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PairRating {
    Compatible,
    Caution,
    Unknown,
    Incompatible,
}

impl From<Rating> for PairRating {
    fn from(r: Rating) -> Self {
        match r {
            Rating::Compatible => PairRating::Compatible,
            Rating::Caution => PairRating::Caution,
            Rating::Incompatible => PairRating::Incompatible,
        }
    }
}

/// Where a pair's rating came from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    Ingredient,
    Class,
    Ph,
    /// No data: the pair is unknown.
    None,
}

/// The compatibility graph: ingredient edges between ingredients, class edges between
/// classes. A class edge is inherited by every pair of members of its two classes; it is looked
/// up through the class graph rather than copied onto every pair, so a large catalog does not
/// grow quadratically.
#[derive(Debug)]
pub struct CompatGraph {
    /// Nodes are ingredient indices; weights index `CatalogFile::edges`.
    graph: UnGraph<(), usize>,
    /// The same ingredient edges keyed by (smaller, larger) index, for constant-time lookup.
    lookup: HashMap<(usize, usize), usize>,
    /// Nodes are class indices; weights index `CatalogFile::class_edges`.
    classes: UnGraph<(), usize>,
    /// The same class edges as a dense row-major matrix, for constant-time lookup.
    class_matrix: Vec<Option<usize>>,
    class_count: usize,
}

/// Every layer of a pair's resolution, for `explain`; `rating` and `via` are the first match.
#[derive(Debug, Clone)]
pub struct Resolution<'c> {
    pub rating: PairRating,
    pub via: Via,
    pub ingredient_edge: Option<&'c Edge>,
    /// The class edge between the two classes, whether or not it decided the rating.
    pub class_edge: Option<&'c Edge>,
    /// Both pH ranges when both are known, and the gap between them.
    pub ph: Option<PhInference>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhInference {
    pub a: (f64, f64),
    pub b: (f64, f64),
    /// Distance between the ranges; 0 when they overlap.
    pub gap: f64,
}

impl PhInference {
    pub fn decides(&self) -> bool {
        self.gap > PH_GAP
    }
}

impl CompatGraph {
    pub fn build(file: &CatalogFile) -> CompatGraph {
        let ingredient_index: HashMap<&str, usize> = file
            .ingredients
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.as_str(), i))
            .collect();
        let mut graph = UnGraph::with_capacity(file.ingredients.len(), file.edges.len());
        for _ in &file.ingredients {
            graph.add_node(());
        }
        let mut lookup = HashMap::with_capacity(file.edges.len());
        for (e, edge) in file.edges.iter().enumerate() {
            if let (Some(&a), Some(&b)) = (
                ingredient_index.get(edge.a.as_str()),
                ingredient_index.get(edge.b.as_str()),
            ) {
                graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), e);
                lookup.insert((a.min(b), a.max(b)), e);
            }
        }
        let class_index: HashMap<&str, usize> = file
            .classes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut classes = UnGraph::with_capacity(file.classes.len(), file.class_edges.len());
        for _ in &file.classes {
            classes.add_node(());
        }
        for (e, edge) in file.class_edges.iter().enumerate() {
            if let (Some(&ca), Some(&cb)) = (
                class_index.get(edge.a.as_str()),
                class_index.get(edge.b.as_str()),
            ) {
                classes.add_edge(NodeIndex::new(ca), NodeIndex::new(cb), e);
            }
        }
        let class_count = file.classes.len();
        let mut class_matrix = vec![None; class_count * class_count];
        for e in classes.edge_indices() {
            if let Some((a, b)) = classes.edge_endpoints(e) {
                class_matrix[a.index() * class_count + b.index()] = Some(classes[e]);
                class_matrix[b.index() * class_count + a.index()] = Some(classes[e]);
            }
        }
        CompatGraph {
            graph,
            lookup,
            classes,
            class_matrix,
            class_count,
        }
    }

    /// The ingredient edge between two ingredients, if any (index into `edges`).
    pub fn ingredient_edge(&self, a: usize, b: usize) -> Option<usize> {
        self.lookup.get(&(a.min(b), a.max(b))).copied()
    }

    /// Ingredients that have an ingredient edge to `a`, with the edge index, sorted by index.
    pub fn neighbours(&self, a: usize) -> Vec<(usize, usize)> {
        use petgraph::visit::EdgeRef;
        let mut out: Vec<_> = self
            .graph
            .edges(NodeIndex::new(a))
            .map(|e| {
                let other = if e.source().index() == a {
                    e.target()
                } else {
                    e.source()
                };
                (other.index(), *e.weight())
            })
            .collect();
        out.sort_by_key(|(i, _)| *i);
        out
    }

    /// The class edge between two classes, if any (index into `class_edges`).
    pub fn class_link(&self, ca: usize, cb: usize) -> Option<usize> {
        self.class_matrix
            .get(ca * self.class_count + cb)
            .copied()
            .flatten()
    }

    /// Classes that have a class edge to class `c`, sorted.
    pub fn class_neighbours(&self, c: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .classes
            .neighbors(NodeIndex::new(c))
            .map(|n| n.index())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Resolves a pair: ingredient edge, then class edge, then pH inference, then unknown.
pub fn resolve(catalog: &Catalog, a: usize, b: usize) -> Resolution<'_> {
    let file = catalog.file();
    let compat = catalog.compat();
    let ingredient_edge = compat.ingredient_edge(a, b).map(|e| &file.edges[e]);
    let class_edge = compat
        .class_link(catalog.class_of(a), catalog.class_of(b))
        .map(|e| &file.class_edges[e]);
    let ph = match (&file.ingredients[a].ph, &file.ingredients[b].ph) {
        (Some(pa), Some(pb)) => {
            let gap = (pa.min - pb.max).max(pb.min - pa.max).max(0.0);
            Some(PhInference {
                a: (pa.min, pa.max),
                b: (pb.min, pb.max),
                gap,
            })
        }
        _ => None,
    };
    let (rating, via) = if let Some(edge) = ingredient_edge {
        (edge.rating.into(), Via::Ingredient)
    } else if let Some(edge) = class_edge {
        (edge.rating.into(), Via::Class)
    } else if ph.is_some_and(|p| p.decides()) {
        (PairRating::Caution, Via::Ph)
    } else {
        (PairRating::Unknown, Via::None)
    };
    Resolution {
        rating,
        via,
        ingredient_edge,
        class_edge,
        ph,
    }
}
