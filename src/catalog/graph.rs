//! The compatibility graph's indices: ingredient edges between ingredients, class edges
//! between classes, with lookups that allocate nothing. Derived with the name index
//! (`catalog::index::derive`), so that for the embedded catalog `build.rs` writes it as statics
//! and a start builds nothing; pair resolution over it lives in the `compat` module.

use serde::Serialize;

use super::model::List;

/// The compatibility graph: ingredient edges between ingredients, class edges between
/// classes. A class edge is inherited by every pair of members of its two classes; it is looked
/// up through the class matrix rather than copied onto every pair, so a large catalog does not
/// grow quadratically.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompatGraph {
    /// Where each ingredient's neighbours start in `adjacent`, by ingredient index, and where
    /// the last one's end (one more entry than there are ingredients).
    pub(super) starts: List<usize>,
    /// Each ingredient's neighbours with the index of their edge in `CatalogFile::edges`, sorted
    /// by neighbour; every edge appears twice, once from each end.
    pub(super) adjacent: List<(usize, usize)>,
    /// The class edges as a dense row-major class-by-class matrix of indices into
    /// `CatalogFile::class_edges`.
    pub(super) class_matrix: List<Option<usize>>,
    pub(super) class_count: usize,
}

impl CompatGraph {
    /// Indexes the edges of a catalog of `ingredients` ingredients and `classes` classes, whose
    /// ends' indices are `edge_ends` and `class_edge_ends` (by edge index, as
    /// `catalog::index::derive` finds them). An edge whose end is not a known id (`None`) is left
    /// out (validation reports it, as it reports a second edge for a pair and a self-edge).
    pub fn build(
        ingredients: usize,
        classes: usize,
        edge_ends: &[Option<(usize, usize)>],
        class_edge_ends: &[Option<(usize, usize)>],
    ) -> CompatGraph {
        let ends = || {
            edge_ends
                .iter()
                .enumerate()
                .filter_map(|(e, ends)| Some((e, (*ends)?)))
        };
        let mut degree = vec![0usize; ingredients];
        for (_, (a, b)) in ends() {
            degree[a] += 1;
            degree[b] += 1;
        }
        let mut starts = Vec::with_capacity(ingredients + 1);
        let mut at = 0;
        for d in &degree {
            starts.push(at);
            at += d;
        }
        starts.push(at);
        let mut next = starts.clone();
        let mut adjacent = vec![(0, 0); at];
        for (e, (a, b)) in ends() {
            adjacent[next[a]] = (b, e);
            next[a] += 1;
            adjacent[next[b]] = (a, e);
            next[b] += 1;
        }
        for i in 0..ingredients {
            adjacent[starts[i]..starts[i + 1]].sort_unstable();
        }
        let mut class_matrix = vec![None; classes * classes];
        for (e, &(ca, cb)) in class_edge_ends
            .iter()
            .enumerate()
            .filter_map(|(e, ends)| Some((e, ends.as_ref()?)))
        {
            class_matrix[ca * classes + cb] = Some(e);
            class_matrix[cb * classes + ca] = Some(e);
        }
        CompatGraph {
            starts: starts.into(),
            adjacent: adjacent.into(),
            class_matrix: class_matrix.into(),
            class_count: classes,
        }
    }

    /// The ingredient edge between two ingredients, if any (index into `edges`).
    pub fn ingredient_edge(&self, a: usize, b: usize) -> Option<usize> {
        let row = self.neighbours(a);
        row.binary_search_by_key(&b, |&(other, _)| other)
            .ok()
            .map(|at| row[at].1)
    }

    /// Ingredients that have an ingredient edge to `a`, with the edge index, sorted by index.
    pub fn neighbours(&self, a: usize) -> &[(usize, usize)] {
        match (self.starts.get(a), self.starts.get(a + 1)) {
            (Some(&start), Some(&end)) => &self.adjacent[start..end],
            _ => &[],
        }
    }

    /// The class edge between two classes, if any (index into `class_edges`).
    pub fn class_link(&self, ca: usize, cb: usize) -> Option<usize> {
        if ca >= self.class_count || cb >= self.class_count {
            return None;
        }
        self.class_matrix
            .get(ca * self.class_count + cb)
            .copied()
            .flatten()
    }

    /// Classes that have a class edge to class `c`, sorted.
    pub fn class_neighbours(&self, c: usize) -> Vec<usize> {
        (0..self.class_count)
            .filter(|&d| self.class_link(c, d).is_some())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_are_found_from_either_end_and_missing_ends_are_left_out() {
        // Ingredients 0..4; edge 1 has an unknown end; classes 0..3, a class edge 1 × 1.
        let graph = CompatGraph::build(
            4,
            3,
            &[Some((2, 0)), None, Some((0, 3)), Some((1, 2))],
            &[Some((0, 2)), Some((1, 1)), None],
        );
        assert_eq!(graph.neighbours(0), [(2, 0), (3, 2)]);
        assert_eq!(graph.neighbours(2), [(0, 0), (1, 3)]);
        assert_eq!(graph.ingredient_edge(0, 3), Some(2));
        assert_eq!(graph.ingredient_edge(3, 0), Some(2));
        assert_eq!(graph.ingredient_edge(0, 1), None);
        assert_eq!(graph.neighbours(4), []);
        assert_eq!(graph.ingredient_edge(9, 0), None);
        assert_eq!(graph.class_link(2, 0), Some(0));
        assert_eq!(graph.class_link(1, 1), Some(1));
        assert_eq!(graph.class_link(0, 1), None);
        assert_eq!(graph.class_link(0, 3), None);
        assert_eq!(graph.class_neighbours(0), [2]);
        assert_eq!(graph.class_neighbours(1), [1]);
    }
}
