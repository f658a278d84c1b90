//! The compatibility graph's indices: ingredient edges between ingredients, class edges
//! between classes, with constant-time lookups. Built once when a catalog loads; pair
//! resolution over it lives in the `compat` module.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use petgraph::graph::{NodeIndex, UnGraph};

use super::model::CatalogFile;

/// The compatibility graph: ingredient edges between ingredients, class edges between
/// classes. A class edge is inherited by every pair of members of its two classes; it is looked
/// up through the class graph rather than copied onto every pair, so a large catalog does not
/// grow quadratically.
#[derive(Debug)]
pub struct CompatGraph {
    /// Nodes are ingredient indices; weights index `CatalogFile::edges`.
    graph: UnGraph<(), usize>,
    /// The same ingredient edges keyed by (smaller, larger) index, for constant-time lookup.
    lookup: HashMap<u64, usize, BuildHasherDefault<PairHasher>>,
    /// Nodes are class indices; weights index `CatalogFile::class_edges`.
    classes: UnGraph<(), usize>,
    /// The same class edges as a dense row-major matrix, for constant-time lookup.
    class_matrix: Vec<Option<usize>>,
    class_count: usize,
}

impl CompatGraph {
    /// Indexes the edges of `file`, whose ends' indices are `edge_ends` and `class_edge_ends`
    /// (by edge index, as `catalog::index::derive` finds them): ingredient edges by their pair of
    /// ingredient indices, class edges in a class-by-class matrix. An edge whose end is not a
    /// known id (`None`) is left out (validation reports it).
    pub fn build(
        file: &CatalogFile,
        edge_ends: &[Option<(usize, usize)>],
        class_edge_ends: &[Option<(usize, usize)>],
    ) -> CompatGraph {
        let mut graph = UnGraph::with_capacity(file.ingredients.len(), file.edges.len());
        for _ in &file.ingredients {
            graph.add_node(());
        }
        let mut lookup: HashMap<u64, usize, BuildHasherDefault<PairHasher>> =
            HashMap::with_capacity_and_hasher(file.edges.len(), BuildHasherDefault::default());
        for (e, &(a, b)) in edge_ends
            .iter()
            .enumerate()
            .filter_map(|(e, ends)| Some((e, ends.as_ref()?)))
        {
            graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), e);
            lookup.insert(pair_key(a, b), e);
        }
        let mut classes = UnGraph::with_capacity(file.classes.len(), file.class_edges.len());
        for _ in &file.classes {
            classes.add_node(());
        }
        for (e, &(ca, cb)) in class_edge_ends
            .iter()
            .enumerate()
            .filter_map(|(e, ends)| Some((e, ends.as_ref()?)))
        {
            classes.add_edge(NodeIndex::new(ca), NodeIndex::new(cb), e);
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
        self.lookup.get(&pair_key(a, b)).copied()
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

/// The key of an unordered pair of ingredient indices.
fn pair_key(a: usize, b: usize) -> u64 {
    ((a.min(b) as u64) << 32) | a.max(b) as u64
}

/// A hasher for pair keys: the splitmix64 finaliser of the key, far quicker than the default
/// SipHash for the millions of pair lookups of a search; keys come from the catalog, not from
/// a network peer.
#[derive(Debug, Default, Clone, Copy)]
struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        let mut z = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
