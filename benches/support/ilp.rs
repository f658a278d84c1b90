//! The formulation objective as an integer program (good_lp with its pure-Rust microlp
//! backend), written independently of `formulate`'s search, to check and to time it against.
//!
//! Targets: every action of every requested goal, with the whole-number weight
//! `goal weight × L / goal's total shares × share` (`L` the least common multiple of the totals),
//! computed here from the catalog, entry by entry (the search merges equal entries; this does
//! not). Variables: `x_i` (ingredient i in the syringe), `z_ti` (target t counted from ingredient
//! i), `p_ij` (caution pair i, j both chosen). The lexicographic objective (coverage, then fewer
//! cautions, then evidence, then fewer components) becomes one weighted sum whose weights keep
//! each level above everything below it.

use good_lp::{
    Expression, ProblemVariables, Solution, SolverModel, Variable, constraint, microlp, variable,
};
use mesomix::catalog::Catalog;
use mesomix::catalog::model::{Evidence, Rating};
use mesomix::check::{Severity, ingredient_patient_findings};
use mesomix::compat::{PairRating, resolve};
use mesomix::formulate::{FormulateRequest, Score, exclusion_reasons};

fn rank(e: Evidence) -> u64 {
    match e {
        Evidence::Label => 3,
        Evidence::Peer => 2,
        Evidence::Weak => 1,
        Evidence::Inference => 0,
    }
}

/// Cautions a pair adds if both are chosen; `None` if they may not share a syringe.
fn pair_cautions(catalog: &Catalog, a: usize, b: usize, allow_caution: bool) -> Option<u64> {
    let mut n = match resolve(catalog, a, b).rating {
        PairRating::Compatible => 0,
        PairRating::Caution if allow_caution => 1,
        _ => return None,
    };
    for i in [a, b] {
        match catalog.ingredients()[i].solo.as_ref().map(|s| s.rating) {
            None => {}
            Some(Rating::Caution) if allow_caution => n += 1,
            Some(_) => return None,
        }
    }
    Some(n)
}

/// The instance of a request: candidates, targets' weights, each candidate's best (efficacy,
/// evidence) per target and its own cautions.
struct Instance {
    cands: Vec<usize>,
    weights: Vec<u64>,
    profile: Vec<Vec<(u64, u64)>>,
    own: Vec<u64>,
}

/// The instance of a request, or `None` when no ingredient can be chosen.
fn instance(catalog: &Catalog, req: &FormulateRequest) -> Option<Instance> {
    // Targets: (accepted actions, weight), one per goal action.
    fn gcd(a: u64, b: u64) -> u64 {
        if b == 0 { a } else { gcd(b, a % b) }
    }
    let totals: Vec<u64> = req
        .goals
        .iter()
        .map(|gw| {
            catalog.goals()[gw.goal]
                .actions
                .iter()
                .map(|a| u64::from(a.share))
                .sum()
        })
        .collect();
    let l = totals
        .iter()
        .filter(|&&t| t > 0)
        .fold(1u64, |acc, &t| acc / gcd(acc, t) * t);
    let mut targets: Vec<(Vec<&str>, u64)> = Vec::new();
    for (gw, &total) in req.goals.iter().zip(&totals) {
        for entry in &catalog.goals()[gw.goal].actions {
            let mut accepts = vec![entry.action.as_ref()];
            accepts.extend(entry.also_served_by.iter().map(|s| &**s));
            targets.push((
                accepts,
                u64::from(gw.weight) * (l / total) * u64::from(entry.share),
            ));
        }
    }
    let weights: Vec<u64> = targets.iter().map(|t| t.1).collect();
    let zone = req.zone.map(|z| catalog.zones()[z].id.as_ref());
    // An ingredient's best (efficacy, evidence) per target among its claims that hold in the zone.
    let claims = |i: usize| -> Vec<(u64, u64)> {
        targets
            .iter()
            .map(|(accepts, _)| {
                catalog.ingredients()[i]
                    .actions
                    .iter()
                    .filter(|c| accepts.contains(&c.action.as_ref()))
                    .filter(|c| {
                        c.zones.is_empty() || zone.is_some_and(|z| c.zones.iter().any(|x| x == z))
                    })
                    .map(|c| (u64::from(c.efficacy), rank(c.evidence)))
                    .max()
                    .unwrap_or((0, 0))
            })
            .collect()
    };
    let cands: Vec<usize> = (0..catalog.ingredients().len())
        .filter(|&i| exclusion_reasons(catalog, i, req).is_empty())
        .filter(|&i| claims(i).iter().any(|c| c.0 > 0))
        .collect();
    if cands.is_empty() {
        return None;
    }
    let profile: Vec<Vec<(u64, u64)>> = cands.iter().map(|&i| claims(i)).collect();
    let own: Vec<u64> = cands
        .iter()
        .map(|&i| {
            ingredient_patient_findings(catalog, i, &req.patient)
                .iter()
                .filter(|f| f.severity == Severity::Caution)
                .count() as u64
        })
        .collect();
    Some(Instance {
        cands,
        weights,
        profile,
        own,
    })
}

/// A maximisation integer program as plain data.
pub struct Program {
    /// Variable names, and whether each is binary (else continuous, at least 0).
    pub vars: Vec<(String, bool)>,
    /// Objective coefficients (maximised).
    pub objective: Vec<(usize, f64)>,
    /// Constraints `Σ coef × var ≤ rhs`.
    pub constraints: Vec<(Vec<(usize, f64)>, f64)>,
    /// The objective's weights: coverage, cautions, evidence, components (see [`Program::value`]).
    pub weights: [f64; 4],
    /// The candidates (ingredient indices) whose `x` variables are `0..candidates.len()`.
    pub candidates: Vec<usize>,
}

impl Program {
    /// The objective value of a score: the weighted sum the program maximises.
    pub fn value(&self, score: &Score) -> f64 {
        let [a, b, c, d] = self.weights;
        a * score.coverage as f64 - b * f64::from(score.cautions) + c * score.evidence as f64
            - d * score.components as f64
    }

    /// The program in CPLEX LP format.
    pub fn lp(&self) -> String {
        use std::fmt::Write as _;
        let term = |out: &mut String, first: bool, coef: f64, var: usize| {
            let sign = if coef < 0.0 {
                "-"
            } else if first {
                ""
            } else {
                "+"
            };
            let _ = write!(out, " {sign} {} {}", coef.abs(), self.vars[var].0);
        };
        let mut out =
            String::from("\\ mesomix formulation (benches/support/ilp.rs)\nMaximize\n obj:");
        for (n, &(v, coef)) in self.objective.iter().enumerate() {
            term(&mut out, n == 0, coef, v);
            if n % 8 == 7 {
                out.push('\n');
            }
        }
        out.push_str("\nSubject To\n");
        for (i, (terms, rhs)) in self.constraints.iter().enumerate() {
            let _ = write!(out, " c{i}:");
            for (n, &(v, coef)) in terms.iter().enumerate() {
                term(&mut out, n == 0, coef, v);
            }
            let _ = writeln!(out, " <= {rhs}");
        }
        out.push_str("Bounds\n");
        for (name, binary) in &self.vars {
            if !binary {
                let _ = writeln!(out, " {name} >= 0");
            }
        }
        out.push_str("Binary\n");
        for (name, binary) in &self.vars {
            if *binary {
                let _ = writeln!(out, " {name}");
            }
        }
        out.push_str("End\n");
        out
    }
}

/// The integer program of a request, or `None` when no ingredient can be chosen.
pub fn program(catalog: &Catalog, req: &FormulateRequest) -> Option<Program> {
    let Instance {
        cands,
        weights,
        profile,
        own,
    } = instance(catalog, req)?;
    let targets = &weights;
    let k = req.max_components as u64;
    let max_evidence: u64 = weights.iter().sum::<u64>() * 3;
    let max_cautions: u64 = own.iter().copied().max().unwrap_or(0) * k + k * k * 3;
    let d = 1.0;
    let c_w = (k + 1) as f64;
    let b_w = (max_evidence + 1) as f64 * c_w + k as f64 + 1.0;
    let a_w = (max_cautions + 1) as f64 * b_w + (max_evidence + 1) as f64 * c_w + k as f64 + 1.0;
    let mut vars: Vec<(String, bool)> = Vec::new();
    let x: Vec<usize> = (0..cands.len())
        .map(|ci| {
            vars.push((format!("x{ci}"), true));
            vars.len() - 1
        })
        .collect();
    let mut z: Vec<(usize, usize, usize)> = Vec::new();
    for (ci, p) in profile.iter().enumerate() {
        for (g, &(eff, _)) in p.iter().enumerate() {
            if eff > 0 {
                vars.push((format!("z{g}_{ci}"), true));
                z.push((g, ci, vars.len() - 1));
            }
        }
    }
    let mut conflicts: Vec<(usize, usize)> = Vec::new();
    let mut cautions: Vec<(usize, usize, u64, usize)> = Vec::new();
    for a in 0..cands.len() {
        for b in a + 1..cands.len() {
            match pair_cautions(catalog, cands[a], cands[b], req.allow_caution) {
                None => conflicts.push((a, b)),
                Some(0) => {}
                Some(n) => {
                    vars.push((format!("p{a}_{b}"), false));
                    cautions.push((a, b, n, vars.len() - 1));
                }
            }
        }
    }
    let mut objective: Vec<(usize, f64)> = Vec::new();
    for &(g, ci, v) in &z {
        let (eff, ev) = profile[ci][g];
        objective.push((
            v,
            a_w * (weights[g] * eff) as f64 + c_w * (weights[g] * ev) as f64,
        ));
    }
    for (ci, &v) in x.iter().enumerate() {
        objective.push((v, -(b_w * own[ci] as f64 + d)));
    }
    for &(_, _, n, v) in &cautions {
        objective.push((v, -(b_w * n as f64)));
    }
    let mut constraints: Vec<(Vec<(usize, f64)>, f64)> = Vec::new();
    constraints.push((x.iter().map(|&v| (v, 1.0)).collect(), k as f64));
    for &(a, b) in &conflicts {
        constraints.push((vec![(x[a], 1.0), (x[b], 1.0)], 1.0));
    }
    for &(a, b, _, v) in &cautions {
        // p ≥ x_a + x_b − 1
        constraints.push((vec![(x[a], 1.0), (x[b], 1.0), (v, -1.0)], 1.0));
    }
    for g in 0..targets.len() {
        let terms: Vec<(usize, f64)> = z
            .iter()
            .filter(|(gg, _, _)| *gg == g)
            .map(|&(_, _, v)| (v, 1.0))
            .collect();
        if !terms.is_empty() {
            constraints.push((terms, 1.0));
        }
    }
    for &(_, ci, v) in &z {
        constraints.push((vec![(v, 1.0), (x[ci], -1.0)], 0.0));
    }
    Some(Program {
        vars,
        objective,
        constraints,
        weights: [a_w, b_w, c_w, d],
        candidates: cands,
    })
}

/// The optimum's score by integer programming (microlp), or `None` when no ingredient can be
/// chosen.
pub fn ilp_best(catalog: &Catalog, req: &FormulateRequest) -> Option<Score> {
    let program = program(catalog, req)?;
    let mut problem = ProblemVariables::new();
    let vars: Vec<Variable> = program
        .vars
        .iter()
        .map(|(_, binary)| {
            if *binary {
                problem.add(variable().binary())
            } else {
                problem.add(variable().min(0.0))
            }
        })
        .collect();
    let objective: Expression = program
        .objective
        .iter()
        .map(|&(v, coef)| coef * vars[v])
        .sum();
    let mut model = problem.maximise(objective).using(microlp);
    for (terms, rhs) in &program.constraints {
        let lhs: Expression = terms.iter().map(|&(v, coef)| coef * vars[v]).sum();
        model = model.with(constraint!(lhs <= *rhs));
    }
    let solution = model.solve().ok()?;
    let chosen: Vec<usize> = (0..program.candidates.len())
        .filter(|&ci| solution.value(vars[ci]) > 0.5)
        .map(|ci| program.candidates[ci])
        .collect();
    score_of(catalog, req, &chosen)
}

/// The score of a set of ingredients (indices) by the objective's own definitions, computed
/// here independently of `formulate`; `None` for the empty set.
pub fn score_of(catalog: &Catalog, req: &FormulateRequest, chosen: &[usize]) -> Option<Score> {
    let Instance {
        cands,
        weights,
        profile,
        own,
    } = instance(catalog, req)?;
    let chosen: Vec<usize> = chosen
        .iter()
        .filter_map(|i| cands.iter().position(|c| c == i))
        .collect();
    if chosen.is_empty() {
        return None;
    }
    let mut coverage = 0;
    let mut evidence = 0;
    for g in 0..weights.len() {
        let best = chosen
            .iter()
            .map(|&ci| profile[ci][g])
            .max()
            .unwrap_or((0, 0));
        if best.0 > 0 {
            coverage += weights[g] * best.0;
            evidence += weights[g] * best.1;
        }
    }
    let mut caution_count: u64 = chosen.iter().map(|&ci| own[ci]).sum();
    for (n, &a) in chosen.iter().enumerate() {
        for &b in &chosen[n + 1..] {
            caution_count +=
                pair_cautions(catalog, cands[a], cands[b], req.allow_caution).unwrap_or(0);
        }
    }
    Some(Score {
        coverage,
        cautions: caution_count as u32,
        evidence,
        components: chosen.len(),
    })
}
