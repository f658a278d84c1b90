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

/// The optimum's score by integer programming, or `None` when no ingredient can be chosen.
pub fn ilp_best(catalog: &Catalog, req: &FormulateRequest) -> Option<Score> {
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
            let mut accepts = vec![entry.action.as_str()];
            accepts.extend(entry.also_served_by.iter().map(String::as_str));
            targets.push((
                accepts,
                u64::from(gw.weight) * (l / total) * u64::from(entry.share),
            ));
        }
    }
    let weights: Vec<u64> = targets.iter().map(|t| t.1).collect();
    let zone = req.zone.map(|z| catalog.zones()[z].id.as_str());
    // An ingredient's best (efficacy, evidence) per target among its claims that hold in the zone.
    let claims = |i: usize| -> Vec<(u64, u64)> {
        targets
            .iter()
            .map(|(accepts, _)| {
                catalog.ingredients()[i]
                    .actions
                    .iter()
                    .filter(|c| accepts.contains(&c.action.as_str()))
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
    let k = req.max_components as u64;
    let max_evidence: u64 = weights.iter().sum::<u64>() * 3;
    let max_cautions: u64 = own.iter().copied().max().unwrap_or(0) * k + k * k * 3;
    let d = 1.0;
    let c_w = (k + 1) as f64;
    let b_w = (max_evidence + 1) as f64 * c_w + k as f64 + 1.0;
    let a_w = (max_cautions + 1) as f64 * b_w + (max_evidence + 1) as f64 * c_w + k as f64 + 1.0;

    let mut vars = ProblemVariables::new();
    let x: Vec<Variable> = cands
        .iter()
        .map(|_| vars.add(variable().binary()))
        .collect();
    let mut z: Vec<(usize, usize, Variable)> = Vec::new();
    for (ci, p) in profile.iter().enumerate() {
        for (g, &(eff, _)) in p.iter().enumerate() {
            if eff > 0 {
                z.push((g, ci, vars.add(variable().binary())));
            }
        }
    }
    let mut conflicts: Vec<(usize, usize)> = Vec::new();
    let mut cautions: Vec<(usize, usize, u64, Variable)> = Vec::new();
    for a in 0..cands.len() {
        for b in a + 1..cands.len() {
            match pair_cautions(catalog, cands[a], cands[b], req.allow_caution) {
                None => conflicts.push((a, b)),
                Some(0) => {}
                Some(n) => cautions.push((a, b, n, vars.add(variable().min(0.0)))),
            }
        }
    }
    let mut objective = Expression::from(0.0);
    for &(g, ci, v) in &z {
        let (eff, ev) = profile[ci][g];
        objective += (a_w * (weights[g] * eff) as f64 + c_w * (weights[g] * ev) as f64) * v;
    }
    for (ci, &v) in x.iter().enumerate() {
        objective -= (b_w * own[ci] as f64 + d) * v;
    }
    for &(_, _, n, v) in &cautions {
        objective -= (b_w * n as f64) * v;
    }
    let mut model = vars.maximise(objective).using(microlp);
    let total: Expression = x.iter().copied().map(Expression::from).sum();
    model = model.with(constraint!(total <= k as f64));
    for &(a, b) in &conflicts {
        model = model.with(constraint!(x[a] + x[b] <= 1));
    }
    for &(a, b, _, v) in &cautions {
        model = model.with(constraint!(v >= x[a] + x[b] - 1));
    }
    for g in 0..targets.len() {
        let sum: Expression = z
            .iter()
            .filter(|(gg, _, _)| *gg == g)
            .map(|&(_, _, v)| Expression::from(v))
            .sum();
        model = model.with(constraint!(sum <= 1));
    }
    for &(_, ci, v) in &z {
        model = model.with(constraint!(v <= x[ci]));
    }
    let solution = model.solve().ok()?;
    let chosen: Vec<usize> = (0..cands.len())
        .filter(|&ci| solution.value(x[ci]) > 0.5)
        .collect();
    if chosen.is_empty() {
        return None;
    }
    // The score of the chosen set, by the objective's own definitions.
    let mut coverage = 0;
    let mut evidence = 0;
    for g in 0..targets.len() {
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
