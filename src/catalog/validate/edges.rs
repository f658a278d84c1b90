//! Compatibility edges: both ends exist, no self-edge, one edge per pair, sourced.

use std::collections::BTreeMap;

use super::Validator;
use super::ids::Ids;

impl<'f> Validator<'f> {
    /// The edges of `list` (`edges` between ingredients, `class_edges` between classes), whose
    /// ends must be ids of `ends`.
    pub(super) fn edges(&mut self, list: &str, ends: &Ids<'_>) {
        let edges = if list == "edges" {
            &self.file.edges
        } else {
            &self.file.class_edges
        };
        let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for (e, edge) in edges.iter().enumerate() {
            let p = format!("{list}[{e}]");
            self.reference(&format!("{p}.a"), &edge.a, ends);
            self.reference(&format!("{p}.b"), &edge.b, ends);
            if edge.a == edge.b {
                self.problem(
                    format!("{p}.b"),
                    format!("edge from `{}` to itself", edge.a),
                    "self-edge",
                );
            }
            let key = if edge.a <= edge.b {
                (edge.a.as_ref(), edge.b.as_ref())
            } else {
                (edge.b.as_ref(), edge.a.as_ref())
            };
            if let Some(first) = seen.insert(key, e) {
                self.problem(
                    p.clone(),
                    format!(
                        "two edges for the pair `{}` × `{}` (first at {list}[{first}])",
                        key.0, key.1
                    ),
                    "second edge for one pair",
                );
            }
            self.sources(&format!("{p}.sources"), &edge.sources, Some(edge.evidence));
            for (c, claim) in edge.also.iter().enumerate() {
                self.sources(
                    &format!("{p}.also[{c}].sources"),
                    &claim.sources,
                    Some(claim.evidence),
                );
            }
        }
    }
}
