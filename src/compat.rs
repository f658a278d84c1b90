//! The compatibility graph and pair resolution.
//!
//! Nodes are ingredients. An ingredient edge links its two ingredients; a class edge is
//! inherited by every pair of members of its two classes unless an ingredient edge already
//! covers that pair (ingredient edges override). Edges are undirected. A pair with no edge is
//! rated by pH inference when both pH ranges are known and far apart, and is otherwise
//! `unknown`: no data is never read as compatible.

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

/// Which edge links a pair in the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Index into `CatalogFile::edges`.
    Ingredient(usize),
    /// Index into `CatalogFile::class_edges`.
    Class(usize),
}

/// The graph of ingredient pairs that have data.
#[derive(Debug)]
pub struct CompatGraph {
    graph: UnGraph<(), Link>,
    /// Class-level edges, nodes are class indices.
    classes: UnGraph<(), usize>,
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
    pub fn build(file: &CatalogFile, class_of: &[usize]) -> CompatGraph {
        let index = |id: &str| file.ingredients.iter().position(|i| i.id == id);
        let mut graph = UnGraph::with_capacity(file.ingredients.len(), file.edges.len());
        for _ in &file.ingredients {
            graph.add_node(());
        }
        for (e, edge) in file.edges.iter().enumerate() {
            if let (Some(a), Some(b)) = (index(&edge.a), index(&edge.b)) {
                graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), Link::Ingredient(e));
            }
        }
        let class_index = |id: &str| file.classes.iter().position(|c| c.id == id);
        let mut classes = UnGraph::with_capacity(file.classes.len(), file.class_edges.len());
        for _ in &file.classes {
            classes.add_node(());
        }
        for (e, edge) in file.class_edges.iter().enumerate() {
            let (Some(ca), Some(cb)) = (class_index(&edge.a), class_index(&edge.b)) else {
                continue;
            };
            classes.add_edge(NodeIndex::new(ca), NodeIndex::new(cb), e);
            for (i, &ci) in class_of.iter().enumerate() {
                for (j, &cj) in class_of.iter().enumerate().skip(i + 1) {
                    let members = (ci == ca && cj == cb) || (ci == cb && cj == ca);
                    if members
                        && graph
                            .find_edge(NodeIndex::new(i), NodeIndex::new(j))
                            .is_none()
                    {
                        graph.add_edge(NodeIndex::new(i), NodeIndex::new(j), Link::Class(e));
                    }
                }
            }
        }
        CompatGraph { graph, classes }
    }

    /// The edge linking two ingredients, if any.
    pub fn link(&self, a: usize, b: usize) -> Option<Link> {
        self.graph
            .find_edge(NodeIndex::new(a), NodeIndex::new(b))
            .map(|e| self.graph[e])
    }

    /// Ingredients that have an edge to `a`, with the link, sorted by index.
    pub fn neighbours(&self, a: usize) -> Vec<(usize, Link)> {
        let mut out: Vec<_> = self
            .graph
            .edges(NodeIndex::new(a))
            .map(|e| {
                use petgraph::visit::EdgeRef;
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

    /// The class edge between two classes, if any.
    pub fn class_link(&self, ca: usize, cb: usize) -> Option<usize> {
        self.classes
            .find_edge(NodeIndex::new(ca), NodeIndex::new(cb))
            .map(|e| self.classes[e])
    }

    /// The underlying petgraph graph (node index = ingredient index).
    pub fn graph(&self) -> &UnGraph<(), Link> {
        &self.graph
    }
}

/// Resolves a pair: ingredient edge, then class edge, then pH inference, then unknown.
pub fn resolve(catalog: &Catalog, a: usize, b: usize) -> Resolution<'_> {
    let file = catalog.file();
    let compat = catalog.compat();
    let ingredient_edge = match compat.link(a, b) {
        Some(Link::Ingredient(e)) => Some(&file.edges[e]),
        _ => None,
    };
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
