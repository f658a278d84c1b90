//! Suggestions for a mix that is not approved: every smallest remove set (minimum vertex covers
//! of the blocking graph), the fewest syringes (exact colouring up to
//! [`EXACT_SPLIT_LIMIT`](super::EXACT_SPLIT_LIMIT) ingredients, DSatur beyond) and alternatives
//! for what a remove set takes out.

use super::{
    Alternative, CheckRequest, EXACT_REMOVE_LIMIT, EXACT_SPLIT_LIMIT, Suggestions, Syringe, blocks,
    eligible, solo_blocks,
};
use crate::catalog::Catalog;
use crate::catalog::model::GoalClaim;
use crate::compat::{PairRating, resolve};

/// The blocking graph of a mix as a symmetric adjacency matrix over positions 0..n: two
/// positions are linked when their pair [`blocks`] or either is a blocking solo ingredient.
fn blocking_graph(catalog: &Catalog, mix: &[usize]) -> Vec<Vec<bool>> {
    let n = mix.len();
    let mut adj = vec![vec![false; n]; n];
    for x in 0..n {
        for y in x + 1..n {
            let blocked = blocks(resolve(catalog, mix[x], mix[y]).rating)
                || solo_blocks(catalog, mix[x])
                || solo_blocks(catalog, mix[y]);
            adj[x][y] = blocked;
            adj[y][x] = blocked;
        }
    }
    adj
}

/// The suggestions for a mix (sorted as [`super::check`] sorts it) that does not pass.
pub(super) fn suggest(catalog: &Catalog, mix: &[usize], request: &CheckRequest) -> Suggestions {
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

/// Goal indices served by any of `ingredients` (a goal claim of one of them names the goal), in
/// catalog order, each once.
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
                let shared: Vec<&GoalClaim> = ing
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
