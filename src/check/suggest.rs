//! Suggestions for a mix that is not approved. Ingredients ruled out on their own for this
//! patient and zone (not [`eligible`]) are set apart and left out of every suggestion; over the
//! rest: every smallest remove set (minimum vertex covers of the blocking graph), the fewest
//! syringes (exact colouring up to [`EXACT_SPLIT_LIMIT`](super::EXACT_SPLIT_LIMIT)
//! ingredients, DSatur beyond) and alternatives for what a remove set takes out. Every syringe
//! offered is checked again with [`assess`] (which never suggests) and kept only when approved.

use super::{
    Alternative, CheckRequest, EXACT_REMOVE_LIMIT, EXACT_SPLIT_LIMIT, NoneApprovable, Severity,
    Suggestions, Syringe, approved, assess, blocks, eligible, session_findings, solo_blocks,
};
use crate::catalog::{Catalog, Item, holds_in};
use std::collections::BTreeMap;

use crate::compat::{PairRating, resolve, resolve_items};

/// The mix's items: each product's actives together (a product is used whole or not at all),
/// each raw ingredient alone, in mix order.
fn items(mix: &[usize], from: &BTreeMap<usize, usize>) -> Vec<Vec<usize>> {
    let mut items: Vec<Vec<usize>> = Vec::new();
    for &i in mix {
        match from.get(&i) {
            Some(p) => match items.iter_mut().find(|item| from.get(&item[0]) == Some(p)) {
                Some(item) => item.push(i),
                None => items.push(vec![i]),
            },
            None => items.push(vec![i]),
        }
    }
    items
}

/// Whether a product's maker forbids mixing it (a label-graded "do not mix").
fn product_solo_blocks(catalog: &Catalog, product: Option<&usize>) -> bool {
    product
        .and_then(|&p| catalog.products()[p].solo.as_ref())
        .is_some_and(|s| s.rating == crate::catalog::model::Rating::Incompatible)
}

/// The blocking graph of the items as a symmetric adjacency matrix over positions 0..n: two
/// items are linked when a pair of their actives [`blocks`], or either holds a blocking solo
/// ingredient or is a product whose maker forbids mixing.
fn blocking_graph(
    catalog: &Catalog,
    items: &[Vec<usize>],
    from: &BTreeMap<usize, usize>,
) -> Vec<Vec<bool>> {
    let n = items.len();
    let alone_blocks = |item: &[usize]| {
        item.iter().any(|&i| solo_blocks(catalog, i))
            || product_solo_blocks(catalog, from.get(&item[0]))
    };
    let mut adj = vec![vec![false; n]; n];
    for x in 0..n {
        for y in x + 1..n {
            let pairs_block = items[x].iter().any(|&a| {
                items[y].iter().any(|&b| {
                    let r = resolve_items(
                        catalog,
                        (a, from.get(&a).copied()),
                        (b, from.get(&b).copied()),
                    );
                    blocks(r.rating)
                })
            });
            let blocked = pairs_block || alone_blocks(&items[x]) || alone_blocks(&items[y]);
            adj[x][y] = blocked;
            adj[y][x] = blocked;
        }
    }
    adj
}

/// Whether `syringe`, checked again with the request's zone and patient, is approved
/// (`compatible` or `caution`). An empty syringe is not.
fn passes(catalog: &Catalog, request: &CheckRequest, syringe: &[usize]) -> bool {
    // Each item keeps its own amount; items left out take theirs with them.
    let amounts = request
        .amounts
        .iter()
        .filter(|a| {
            catalog
                .actives_of(a.item)
                .iter()
                .all(|i| syringe.contains(i))
        })
        .copied()
        .collect();
    let request = CheckRequest {
        mix: syringe.to_vec(),
        amounts,
        ..request.clone()
    };
    assess(catalog, &request).is_ok_and(|report| approved(report.verdict))
}

/// `mix` without the ingredients of `set`, in `mix` order.
fn rest_of(mix: &[usize], set: &[usize]) -> Vec<usize> {
    mix.iter().copied().filter(|i| !set.contains(i)).collect()
}

/// The suggestions for a mix (sorted as [`super::check`] sorts it) that is not approved.
pub(super) fn suggest(catalog: &Catalog, mix: &[usize], request: &CheckRequest) -> Suggestions {
    // A finding about the whole session rules out every syringe: nothing to offer.
    if session_findings(catalog, &request.patient)
        .iter()
        .any(|f| f.severity >= Severity::Incompatible)
    {
        return Suggestions {
            none_approvable: Some(NoneApprovable::Session),
            ..Suggestions::default()
        };
    }
    // An item blocked on its own (checked alone with this patient and zone) is in no syringe.
    let (usable, blocked): (Vec<Vec<usize>>, Vec<Vec<usize>>) = items(mix, &request.from)
        .into_iter()
        .partition(|item| passes(catalog, request, item));
    let blocked_alone: Vec<usize> = mix
        .iter()
        .copied()
        .filter(|i| blocked.iter().any(|item| item.contains(i)))
        .collect();
    let adj = blocking_graph(catalog, &usable, &request.from);
    let remove: Vec<Vec<usize>> = remove_sets(mix, &usable, &blocked_alone, &adj)
        .into_iter()
        .filter(|set| passes(catalog, request, &rest_of(mix, set)))
        .collect();
    let (mut split, exact) = split(catalog, &usable, &adj);
    // A split is one plan: offered whole, or not at all.
    if !split
        .iter()
        .all(|s| passes(catalog, request, &s.ingredients))
    {
        split.clear();
    }
    let split_exact = exact && !split.is_empty();
    let alternatives = alternatives(catalog, mix, &remove, request);
    let none_approvable =
        (remove.is_empty() && split.is_empty()).then_some(NoneApprovable::Ingredients);
    Suggestions {
        remove,
        split,
        split_exact,
        alternatives,
        blocked_alone,
        none_approvable,
    }
}

/// The remove sets: `blocked_alone` with each minimum vertex cover of the blocking graph `adj`
/// of `usable`, in `mix` order; just `blocked_alone` when no pair of `usable` blocks. None when
/// nothing would remain, or when `usable` has more than [`EXACT_REMOVE_LIMIT`] ingredients and
/// a blocking pair (every minimum cover is enumerated exactly, which is exponential).
fn remove_sets(
    mix: &[usize],
    usable: &[Vec<usize>],
    blocked_alone: &[usize],
    adj: &[Vec<bool>],
) -> Vec<Vec<usize>> {
    if usable.is_empty() {
        return Vec::new();
    }
    let has_edge = adj.iter().any(|row| row.contains(&true));
    if !has_edge {
        return if blocked_alone.is_empty() {
            Vec::new()
        } else {
            vec![blocked_alone.to_vec()]
        };
    }
    if usable.len() > EXACT_REMOVE_LIMIT {
        return Vec::new();
    }
    minimum_vertex_covers(adj)
        .into_iter()
        .map(|cover| {
            mix.iter()
                .copied()
                .filter(|i| {
                    blocked_alone.contains(i) || cover.iter().any(|&p| usable[p].contains(i))
                })
                .collect()
        })
        .collect()
}

/// The fewest syringes for the `usable` items given their blocking graph `adj` (a product's
/// actives stay together), each with the goals it serves, and whether the count is proven the
/// fewest (exact up to [`EXACT_SPLIT_LIMIT`] items).
fn split(catalog: &Catalog, usable: &[Vec<usize>], adj: &[Vec<bool>]) -> (Vec<Syringe>, bool) {
    let (colouring, exact) = if usable.len() <= EXACT_SPLIT_LIMIT {
        (exact_colouring(adj), true)
    } else {
        (dsatur(adj), false)
    };
    let colours = colouring.iter().copied().max().map_or(0, |m| m + 1);
    let syringes = (0..colours)
        .map(|c| {
            let ingredients: Vec<usize> = (0..usable.len())
                .filter(|&p| colouring[p] == c)
                .flat_map(|p| usable[p].iter().copied())
                .collect();
            let goals = goals_served(catalog, &ingredients);
            Syringe { ingredients, goals }
        })
        .collect();
    (syringes, exact)
}

/// Goal indices served by any of `ingredients` (one of them performs an action of the goal,
/// by a claim that holds in every zone), in catalog order, each once.
pub fn goals_served(catalog: &Catalog, ingredients: &[usize]) -> Vec<usize> {
    (0..catalog.goals().len())
        .filter(|&g| {
            ingredients
                .iter()
                .any(|&i| catalog.goal_value(Item::Ingredient(i), g, None).is_some())
        })
        .collect()
}

/// Every minimum vertex cover of the graph given as a symmetric adjacency matrix: every set of
/// positions of the smallest size that touches every edge, each sorted ascending, the sets in
/// lexicographic order. Empty when the graph has no edge. Exact (subsets are tried by
/// increasing size), so exponential: callers bound `adj.len()`.
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

/// Calls `visit` with every `k`-subset of `0..n` that extends `chosen` with elements from
/// `start` on, each ascending, in lexicographic order.
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

/// A colouring with the fewest colours of the graph given as a symmetric adjacency matrix: one
/// colour per position, `0..k` with `k` the chromatic number, no edge between two positions of
/// one colour, and colours opened in position order (position 0 has colour 0, and each position
/// uses at most one colour more than those before it). Exact, by backtracking over increasing
/// `k`, so exponential: callers bound `adj.len()`.
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

/// Colours positions `at..` with colours below `k`, given those before `at`; leaves the first
/// colouring found (in lexicographic order) in `colours` and returns whether there is one.
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

/// A proper colouring by DSatur (petgraph) for mixes too large for the exact search: no edge
/// between two positions of one colour, but not proven to use the fewest colours.
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

/// For each ingredient a `remove` set takes out (the first set that does): eligible catalog
/// ingredients not in the mix that serve one of its goals and, put into the rest of the mix
/// after that set, pass a new check. Per replaced ingredient, best efficacy first, then the
/// safer, then by id.
fn alternatives(
    catalog: &Catalog,
    mix: &[usize],
    remove: &[Vec<usize>],
    request: &CheckRequest,
) -> Vec<Alternative> {
    let mut out: Vec<Alternative> = Vec::new();
    let mut done: Vec<usize> = Vec::new();
    let zone = request.zone.map(|z| catalog.zones()[z].id.as_ref());
    for set in remove {
        let rest = rest_of(mix, set);
        for &removed in set {
            // Only the first set that takes an ingredient out gives it alternatives, so each
            // alternative goes with one known rest of the mix.
            if done.contains(&removed) {
                continue;
            }
            done.push(removed);
            // The actions the removed one performs (in the zone): a replacement performs one.
            let wanted: Vec<&str> = catalog.ingredients()[removed]
                .actions
                .iter()
                .filter(|c| holds_in(c, zone))
                .map(|c| c.action.as_ref())
                .collect();
            let mut found: Vec<(u8, Alternative)> = (0..catalog.ingredients().len())
                .filter(|cand| !mix.contains(cand))
                .filter_map(|cand| replacement(catalog, removed, &wanted, cand, &rest, request))
                .collect();
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

/// `cand` as a replacement for `removed` next to `rest`, with its best efficacy for the goals
/// they share: when it performs one of the `wanted` actions (those `removed` performs in the
/// zone), is eligible for the patient and zone, is no solo ingredient put next to others,
/// blocks with nothing in `rest`, and `rest` with it passes a new check. The cheap tests come
/// first: most of the catalog performs none of the wanted actions.
fn replacement(
    catalog: &Catalog,
    removed: usize,
    wanted: &[&str],
    cand: usize,
    rest: &[usize],
    request: &CheckRequest,
) -> Option<(u8, Alternative)> {
    let ing = &catalog.ingredients()[cand];
    let zone = request.zone.map(|z| catalog.zones()[z].id.as_ref());
    let best = ing
        .actions
        .iter()
        .filter(|c| holds_in(c, zone) && wanted.contains(&c.action.as_ref()))
        .map(|c| c.efficacy)
        .max()?;
    if (ing.solo.is_some() && !rest.is_empty())
        || !eligible(catalog, cand, request.zone, &request.patient)
    {
        return None;
    }
    let worst = rest
        .iter()
        .map(|&r| resolve(catalog, cand, r).rating)
        .max()
        .unwrap_or(PairRating::Compatible);
    let mut syringe = rest.to_vec();
    syringe.push(cand);
    if blocks(worst) || !passes(catalog, request, &syringe) {
        return None;
    }
    // The goals both serve.
    let goals = (0..catalog.goals().len())
        .filter(|&g| {
            [removed, cand]
                .iter()
                .all(|&i| catalog.goal_value(Item::Ingredient(i), g, zone).is_some())
        })
        .collect();
    Some((
        best,
        Alternative {
            replaces: removed,
            ingredient: cand,
            goals,
            worst,
        },
    ))
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

    /// Whether no edge joins two positions of one colour.
    fn proper(adj: &[Vec<bool>], colours: &[usize]) -> bool {
        (0..adj.len()).all(|x| (0..x).all(|y| !adj[x][y] || colours[x] != colours[y]))
    }

    fn colour_count(colours: &[usize]) -> usize {
        colours.iter().copied().max().map_or(0, |m| m + 1)
    }

    /// Small graphs whose answers were worked out by hand: (name, vertices, edges, every
    /// minimum vertex cover, the exact colouring).
    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, usize, &[(usize, usize)], &[&[usize]], &[usize])] = &[
        ("empty graph", 0, &[], &[], &[]),
        ("one vertex", 1, &[], &[], &[0]),
        ("no edges", 3, &[], &[], &[0, 0, 0]),
        ("one edge", 2, &[(0, 1)], &[&[0], &[1]], &[0, 1]),
        ("path 0-1-2", 3, &[(0, 1), (1, 2)], &[&[1]], &[0, 1, 0]),
        (
            "triangle",
            3,
            &[(0, 1), (1, 2), (0, 2)],
            &[&[0, 1], &[0, 2], &[1, 2]],
            &[0, 1, 2],
        ),
        (
            "star around 2",
            4,
            &[(2, 0), (2, 1), (2, 3)],
            &[&[2]],
            &[0, 0, 1, 0],
        ),
        (
            "square 0-1-2-3",
            4,
            &[(0, 1), (1, 2), (2, 3), (3, 0)],
            &[&[0, 2], &[1, 3]],
            &[0, 1, 0, 1],
        ),
        (
            "5-cycle",
            5,
            &[(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)],
            &[&[0, 1, 3], &[0, 2, 3], &[0, 2, 4], &[1, 2, 4], &[1, 3, 4]],
            &[0, 1, 0, 1, 2],
        ),
        (
            "two disjoint edges and an isolated vertex",
            5,
            &[(0, 3), (1, 4)],
            &[&[0, 1], &[0, 4], &[1, 3], &[3, 4]],
            &[0, 0, 0, 1, 1],
        ),
        (
            "K4",
            4,
            &[(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)],
            &[&[0, 1, 2], &[0, 1, 3], &[0, 2, 3], &[1, 2, 3]],
            &[0, 1, 2, 3],
        ),
    ];

    #[test]
    fn vertex_covers_of_known_graphs() {
        for &(name, n, edges, covers, _) in CASES {
            let expected: Vec<Vec<usize>> = covers.iter().map(|c| c.to_vec()).collect();
            assert_eq!(minimum_vertex_covers(&graph(n, edges)), expected, "{name}");
        }
    }

    #[test]
    fn exact_colourings_of_known_graphs() {
        for &(name, n, edges, _, colouring) in CASES {
            assert_eq!(exact_colouring(&graph(n, edges)), colouring, "{name}");
        }
    }

    #[test]
    fn dsatur_colourings_are_proper() {
        for &(name, n, edges, _, colouring) in CASES {
            let adj = graph(n, edges);
            let colours = dsatur(&adj);
            assert_eq!(colours.len(), n, "{name}");
            assert!(proper(&adj, &colours), "{name}: {colours:?}");
            // These graphs are small and regular enough for DSatur to be optimal too.
            assert_eq!(colour_count(&colours), colour_count(colouring), "{name}");
        }
    }

    /// Every graph on five vertices (all 1024 edge sets), against brute force: the covers are
    /// exactly the smallest edge-touching subsets, and the colouring is proper and uses as few
    /// colours as any colouring does.
    #[test]
    fn agree_with_brute_force_on_every_graph_of_five_vertices() {
        const N: usize = 5;
        let pairs: Vec<(usize, usize)> = (0..N)
            .flat_map(|x| (x + 1..N).map(move |y| (x, y)))
            .collect();
        for mask in 0u32..1 << pairs.len() {
            let edges: Vec<(usize, usize)> = (0..pairs.len())
                .filter(|&e| mask & (1 << e) != 0)
                .map(|e| pairs[e])
                .collect();
            let adj = graph(N, &edges);

            let covers_all = |set: u32| {
                edges
                    .iter()
                    .all(|&(x, y)| set & (1 << x) != 0 || set & (1 << y) != 0)
            };
            let mut brute: Vec<Vec<usize>> = Vec::new();
            if !edges.is_empty() {
                let least = (0u32..1 << N)
                    .filter(|&set| covers_all(set))
                    .map(u32::count_ones)
                    .min()
                    .unwrap_or(0);
                brute = (0u32..1 << N)
                    .filter(|&set| set.count_ones() == least && covers_all(set))
                    .map(|set| (0..N).filter(|&v| set & (1 << v) != 0).collect())
                    .collect();
                brute.sort();
            }
            assert_eq!(minimum_vertex_covers(&adj), brute, "edges {edges:?}");

            let colours = exact_colouring(&adj);
            assert!(proper(&adj, &colours), "edges {edges:?}: {colours:?}");
            let chromatic = (1..=N)
                .find(|&k| {
                    (0..k.pow(N as u32)).any(|code| {
                        let assignment: Vec<usize> =
                            (0..N).map(|v| code / k.pow(v as u32) % k).collect();
                        proper(&adj, &assignment)
                    })
                })
                .unwrap_or(N);
            assert_eq!(colour_count(&colours), chromatic, "edges {edges:?}");
            assert!(proper(&adj, &dsatur(&adj)), "edges {edges:?}");
        }
    }
}
