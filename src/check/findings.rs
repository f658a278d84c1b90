//! Findings about a mix (status, solo, too many components, session limits, zone) and about the
//! patient (session-wide conditions and medications; per ingredient contraindications,
//! allergies and interactions).

use super::{Carrier, CheckRequest, Clearance, ComponentOf, Finding, FindingKind, Severity};
use crate::catalog::Catalog;
use crate::catalog::model::{Evidence, Rating, Scope, Status};
use crate::dose::{DoseReport, Standing};
use crate::patient::{Allergen, Patient};

/// Findings about the mix itself, per ingredient in `mix` order (status, solo, session limit,
/// zone), then too many components.
pub(super) fn mix_findings(
    catalog: &Catalog,
    mix: &[usize],
    request: &CheckRequest,
) -> Vec<Finding> {
    let mut out = product_solo_findings(catalog, mix, request);
    for &i in mix {
        let ing = &catalog.ingredients()[i];
        match &ing.status {
            Status::Available => {}
            Status::Withdrawn { sources, .. }
            | Status::NotInjectable { sources, .. }
            | Status::Unapproved { sources, .. } => {
                out.push(Finding {
                    kind: FindingKind::Status { ingredient: i },
                    severity: Severity::Incompatible,
                    evidence: None,
                    sources: sources.to_strings(),
                    clearance: None,
                    component: None,
                });
            }
        }
        if let Some(solo) = &ing.solo
            && mix.len() > 1
        {
            out.push(Finding {
                kind: FindingKind::Solo { ingredient: i },
                severity: solo.rating.into(),
                evidence: Some(solo.evidence),
                sources: solo.sources.to_strings(),
                clearance: None,
                component: None,
            });
        }
        if let Some(limit) = &ing.session_limit {
            out.push(Finding {
                kind: FindingKind::SessionLimit { ingredient: i },
                severity: Severity::Info,
                evidence: Some(limit.evidence),
                sources: limit.sources.to_strings(),
                clearance: None,
                component: None,
            });
        }
        if let Some(zone) = request.zone
            && !allowed_in_zone(catalog, i, zone)
        {
            let note = ing.zone_note.as_ref();
            out.push(Finding {
                kind: FindingKind::NotInZone {
                    ingredient: i,
                    zone,
                },
                severity: Severity::Incompatible,
                evidence: note.map(|n| n.evidence),
                sources: note.map_or(&ing.sources, |n| &n.sources).to_strings(),
                clearance: None,
                component: None,
            });
        }
    }
    if mix.len() > request.max_components {
        out.push(Finding {
            kind: FindingKind::TooManyComponents {
                count: mix.len(),
                max: request.max_components,
            },
            severity: Severity::Caution,
            evidence: None,
            sources: Vec::new(),
            clearance: None,
            component: None,
        });
    }
    out
}

/// Whether ingredient `i` may be used in zone `z`: its `regions` list is empty or names the
/// zone's region, and its `zones` list is empty or names the zone. Indices into the catalog.
pub fn allowed_in_zone(catalog: &Catalog, i: usize, z: usize) -> bool {
    let ing = &catalog.ingredients()[i];
    let zone = &catalog.zones()[z];
    (ing.regions.is_empty() || ing.regions.contains(&zone.region))
        && (ing.zones.is_empty() || ing.zones.contains(&zone.id))
}

/// Findings about the patient: the session-wide ones, then each ingredient's in `mix` order.
pub(super) fn patient_findings(
    catalog: &Catalog,
    mix: &[usize],
    request: &CheckRequest,
) -> Vec<Finding> {
    let mut out = session_findings(catalog, &request.patient);
    out.extend(
        mix.iter()
            .flat_map(|&i| ingredient_patient_findings(catalog, i, &request.patient)),
    );
    for p in products_in(mix, request) {
        out.extend(component_findings(
            catalog,
            Carrier::Product(p),
            &catalog.products()[p].components,
            &request.patient,
        ));
    }
    out
}

/// The distinct products the mix's actives came in, in index order.
fn products_in(mix: &[usize], request: &CheckRequest) -> Vec<usize> {
    let mut products: Vec<usize> = mix
        .iter()
        .filter_map(|i| request.from.get(i).copied())
        .collect();
    products.sort_unstable();
    products.dedup();
    products
}

/// A product whose maker says not to mix it, in a mix that holds anything else.
fn product_solo_findings(catalog: &Catalog, mix: &[usize], request: &CheckRequest) -> Vec<Finding> {
    products_in(mix, request)
        .into_iter()
        .filter_map(|p| {
            let solo = catalog.products()[p].solo.as_ref()?;
            let others = mix.iter().any(|i| request.from.get(i) != Some(&p));
            others.then(|| Finding {
                kind: FindingKind::ProductSolo { product: p },
                severity: solo.rating.into(),
                evidence: Some(solo.evidence),
                sources: solo.sources.to_strings(),
                clearance: None,
                component: None,
            })
        })
        .collect()
}

/// Findings about the patient that hold for any session, whatever is injected: each absolute or
/// zone condition (`refused`), each postpone condition (`postpone`), then each medication's
/// general warning (its own rating). Conditions of ingredient scope give none here; they act
/// through [`ingredient_patient_findings`]. Empty for an empty patient.
pub fn session_findings(catalog: &Catalog, patient: &Patient) -> Vec<Finding> {
    let mut out = Vec::new();
    for &c in &patient.conditions {
        let cond = &catalog.conditions()[c];
        let (severity, clearance) = match cond.scope {
            Scope::Absolute => (Severity::Refused, None),
            Scope::Postpone => (Severity::Postpone, None),
            // The lesion is in the zone being treated: no session there.
            Scope::Zone => (Severity::Refused, None),
            Scope::Relative => cleared(
                Rating::Caution,
                true,
                patient.cleared_conditions.contains(&c),
            ),
            Scope::Ingredient => continue,
        };
        out.push(Finding {
            kind: FindingKind::Condition { condition: c },
            severity,
            evidence: Some(cond.evidence),
            sources: cond.sources.to_strings(),
            clearance,
            component: None,
        });
    }
    for &m in &patient.medications {
        if let Some(general) = &catalog.medications()[m].general {
            let (severity, clearance) = cleared(
                general.rating,
                general.clearance,
                patient.cleared_medications.contains(&m),
            );
            out.push(Finding {
                kind: FindingKind::MedicationGeneral { medication: m },
                severity,
                evidence: Some(general.evidence),
                sources: general.sources.to_strings(),
                clearance,
                component: None,
            });
        }
    }
    out
}

/// Findings about ingredient `i` for this patient, in this order: its contraindications naming
/// a condition the patient has (or an allergy condition the patient has), each allergy that
/// hits it (the ingredient itself or its class; `incompatible`), its interactions with the
/// patient's medications, then the same for each of its components (a component that is a
/// catalog ingredient brings that ingredient's findings, marked with [`ComponentOf`]; a
/// component's own conditions rule the carrier out). Severities come from the catalog's
/// ratings. Empty for an empty patient.
pub fn ingredient_patient_findings(catalog: &Catalog, i: usize, patient: &Patient) -> Vec<Finding> {
    let mut out = own_patient_findings(catalog, i, patient);
    out.extend(component_findings(
        catalog,
        Carrier::Ingredient(i),
        &catalog.ingredients()[i].components,
        patient,
    ));
    out
}

/// The findings a carrier's components bring: a component that is a catalog ingredient brings
/// that ingredient's own findings (with the component's sources first); a component's
/// conditions rule the carrier out.
pub fn component_findings(
    catalog: &Catalog,
    carrier: Carrier,
    components: &[crate::catalog::model::Component],
    patient: &Patient,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (index, component) in components.iter().enumerate() {
        let of = ComponentOf { carrier, index };
        if let Some(j) = component
            .ingredient
            .as_ref()
            .and_then(|id| catalog.ingredient_index(id))
        {
            out.extend(
                own_patient_findings(catalog, j, patient)
                    .into_iter()
                    .map(|f| {
                        // That the carrier contains it rests on the component's sources.
                        let mut sources = component.sources.to_strings();
                        sources.extend(
                            f.sources
                                .iter()
                                .filter(|s| !component.sources.iter().any(|c| c == *s))
                                .cloned(),
                        );
                        Finding {
                            component: Some(of),
                            evidence: f.evidence.or(Some(component.evidence)),
                            sources,
                            ..f
                        }
                    }),
            );
        }
        for condition in &component.conditions {
            let Some(c) = catalog.conditions().iter().position(|x| &x.id == condition) else {
                continue;
            };
            if patient.conditions.contains(&c)
                || patient.allergies.contains(&Allergen::Condition(c))
            {
                out.push(Finding {
                    kind: FindingKind::ComponentCondition { of, condition: c },
                    severity: Severity::Incompatible,
                    evidence: Some(component.evidence),
                    sources: component.sources.to_strings(),
                    clearance: None,
                    component: Some(of),
                });
            }
        }
    }
    out
}

/// The findings about ingredient `i` itself (not its components).
fn own_patient_findings(catalog: &Catalog, i: usize, patient: &Patient) -> Vec<Finding> {
    let ing = &catalog.ingredients()[i];
    let mut out = Vec::new();
    // A contraindication applies only to a condition the patient has or is allergic to, an
    // interaction only to a medication they take: without any, no record's id is looked up.
    let names_conditions = !patient.conditions.is_empty() || !patient.allergies.is_empty();
    let contraindications = if names_conditions {
        &ing.contraindications[..]
    } else {
        &[]
    };
    for (n, contra) in contraindications.iter().enumerate() {
        let Some(c) = catalog
            .conditions()
            .iter()
            .position(|x| x.id == contra.condition)
        else {
            continue;
        };
        let named =
            patient.conditions.contains(&c) || patient.allergies.contains(&Allergen::Condition(c));
        if named {
            let (severity, clearance) = cleared(
                contra.rating,
                contra.clearance,
                patient.cleared_conditions.contains(&c),
            );
            out.push(Finding {
                kind: FindingKind::Contraindication {
                    ingredient: i,
                    condition: c,
                    contraindication: n,
                },
                severity,
                evidence: Some(contra.evidence),
                sources: contra.sources.to_strings(),
                clearance,
                component: None,
            });
        }
    }
    for &allergen in &patient.allergies {
        let hit = match allergen {
            Allergen::Ingredient(x) => x == i,
            Allergen::Class(c) => catalog.class_of(i) == c,
            // Allergy conditions act through the ingredient's contraindications, above.
            Allergen::Condition(_) => false,
        };
        if hit {
            out.push(Finding {
                kind: FindingKind::Allergy {
                    ingredient: i,
                    allergen,
                },
                severity: Severity::Incompatible,
                evidence: None,
                sources: Vec::new(),
                clearance: None,
                component: None,
            });
        }
    }
    let interactions = if patient.medications.is_empty() {
        &[]
    } else {
        &ing.interactions[..]
    };
    for (n, inter) in interactions.iter().enumerate() {
        let Some(m) = catalog
            .medications()
            .iter()
            .position(|x| x.id == inter.medication)
        else {
            continue;
        };
        if patient.medications.contains(&m) {
            let (severity, clearance) = cleared(
                inter.rating,
                inter.clearance,
                patient.cleared_medications.contains(&m),
            );
            out.push(Finding {
                kind: FindingKind::Interaction {
                    ingredient: i,
                    medication: m,
                    interaction: n,
                },
                severity,
                evidence: Some(inter.evidence),
                sources: inter.sources.to_strings(),
                clearance,
                component: None,
            });
        }
    }
    out
}

/// Whether ingredient `i` may be offered to this patient in this zone at all: its status is
/// available, it is [`allowed_in_zone`] (when a zone is given), and none of its
/// [`ingredient_patient_findings`] is `incompatible` or worse (cautions do not exclude it).
pub fn eligible(catalog: &Catalog, i: usize, zone: Option<usize>, patient: &Patient) -> bool {
    matches!(catalog.ingredients()[i].status, Status::Available)
        && zone.is_none_or(|z| allowed_in_zone(catalog, i, z))
        && ingredient_patient_findings(catalog, i, patient)
            .iter()
            .all(|f| f.severity < Severity::Incompatible)
}

/// The severity of a claim rated `rating` that may need the prescriber's clearance: a relative
/// contraindication blocks (`incompatible`) until cleared, then weighs its own rating.
fn cleared(rating: Rating, relative: bool, given: bool) -> (Severity, Option<Clearance>) {
    match (relative, given) {
        (false, _) => (rating.into(), None),
        (true, false) => (Severity::Incompatible, Some(Clearance::Needed)),
        (true, true) => (rating.into(), Some(Clearance::Given)),
    }
}

/// Findings from the doses: every limit a total goes past (blocking above a label limit set
/// for local injection, a caution above anything weaker) or that needs a weight, and the
/// anaesthetics' sum when it goes past 1 or cannot be made.
pub fn dose_findings(catalog: &Catalog, doses: &DoseReport) -> Vec<Finding> {
    let milli = |x: f64| (x * 1000.0).round().max(0.0) as u64;
    let weight_tenths = doses.weight_kg.map(|w| (w * 10.0).round() as u32);
    let mut out = Vec::new();
    for u in &doses.limits {
        let severity = match u.standing {
            Standing::Within => continue,
            Standing::Caution => Severity::Caution,
            Standing::Over => Severity::Incompatible,
        };
        let limit = &catalog.ingredients()[u.ingredient].dose_limits[u.limit];
        out.push(Finding {
            kind: FindingKind::DoseLimit {
                ingredient: u.ingredient,
                limit: u.limit,
                total_milli: milli(u.total),
                applied_milli: u.applied.map(milli),
                weight_tenths,
            },
            severity,
            evidence: Some(limit.evidence),
            sources: limit.sources.to_strings(),
            clearance: None,
            component: None,
        });
    }
    if let Some(sum) = &doses.anaesthetics
        && sum.standing != Standing::Within
    {
        out.push(Finding {
            kind: FindingKind::AnaestheticSum {
                total_milli: milli(sum.total),
                unweighed: sum.unweighed.len(),
            },
            severity: Severity::Caution,
            evidence: Some(Evidence::Inference),
            sources: sum
                .parts
                .iter()
                .map(|p| p.0)
                .chain(sum.unweighed.iter().copied())
                .flat_map(|i| {
                    catalog.ingredients()[i]
                        .dose_limits
                        .iter()
                        .filter(|l| l.anaesthetic)
                        .flat_map(|l| l.sources.iter().map(|s| s.to_string()))
                })
                .fold(Vec::new(), |mut acc, s| {
                    if !acc.contains(&s) {
                        acc.push(s);
                    }
                    acc
                }),
            clearance: None,
            component: None,
        });
    }
    out
}
