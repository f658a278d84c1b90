//! Eligibility: which ingredients a request may use at all, and every reason for each one it may
//! not. Pairs are not considered here (see `space`): an eligible ingredient is one that could be
//! in some cocktail on its own.

use crate::catalog::Catalog;
use crate::catalog::model::Status;
use crate::check::{self, Finding, Severity};

use super::FormulateRequest;

/// Why an ingredient cannot be used for this request.
#[derive(Debug, Clone, PartialEq)]
pub enum ExclusionReason {
    /// Withdrawn, not injectable or unapproved.
    Status,
    /// Not allowed in the requested zone (index into the catalog's zones).
    Zone { zone: usize },
    /// Ruled out by the patient (condition, medication or allergy): the finding says which.
    Patient(Finding),
    /// Listed in the request's `exclude`.
    ByUser,
}

/// An ineligible ingredient and every reason it is out.
#[derive(Debug, Clone, PartialEq)]
pub struct Excluded {
    /// Index into the catalog's ingredients.
    pub ingredient: usize,
    /// Never empty; in the order status, zone, patient findings (in the order
    /// [`check::ingredient_patient_findings`] gives them), `exclude`.
    pub reasons: Vec<ExclusionReason>,
}

/// Why ingredient `i` is not eligible for this request; empty if it is.
///
/// Every reason that applies is listed, in the order status, zone, patient findings of
/// incompatible severity or worse (caution findings do not exclude: they count in the score),
/// then the request's `exclude`.
pub fn exclusion_reasons(
    catalog: &Catalog,
    i: usize,
    request: &FormulateRequest,
) -> Vec<ExclusionReason> {
    let mut reasons = Vec::new();
    if !matches!(catalog.ingredients()[i].status, Status::Available) {
        reasons.push(ExclusionReason::Status);
    }
    if let Some(z) = request.zone
        && !check::allowed_in_zone(catalog, i, z)
    {
        reasons.push(ExclusionReason::Zone { zone: z });
    }
    for f in check::ingredient_patient_findings(catalog, i, &request.patient) {
        if f.severity >= Severity::Incompatible {
            reasons.push(ExclusionReason::Patient(f));
        }
    }
    if request.exclude.contains(&i) {
        reasons.push(ExclusionReason::ByUser);
    }
    reasons
}

/// Eligible ingredients and every excluded one with its reasons, both in catalog order.
pub(super) fn eligibility(
    catalog: &Catalog,
    request: &FormulateRequest,
) -> (Vec<usize>, Vec<Excluded>) {
    let mut eligible = Vec::new();
    let mut excluded = Vec::new();
    for i in 0..catalog.ingredients().len() {
        let reasons = exclusion_reasons(catalog, i, request);
        if reasons.is_empty() {
            eligible.push(i);
        } else {
            excluded.push(Excluded {
                ingredient: i,
                reasons,
            });
        }
    }
    (eligible, excluded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{self, Kind};
    use crate::check::FindingKind;
    use crate::patient::{Allergen, Patient};

    /// One ingredient under one request, and the reasons it is out (empty: eligible).
    struct Case {
        ingredient: &'static str,
        zone: Option<&'static str>,
        conditions: &'static [&'static str],
        medications: &'static [&'static str],
        allergies: &'static [Allergy],
        exclude: bool,
        /// `status`, `zone:<id>`, `contraindication:<condition>`, `allergy`,
        /// `interaction:<medication>`, `exclude`, in order.
        expected: &'static [&'static str],
    }

    #[derive(Clone, Copy)]
    enum Allergy {
        Ingredient(&'static str),
        Class(&'static str),
        Condition(&'static str),
    }

    const NONE: Case = Case {
        ingredient: "",
        zone: None,
        conditions: &[],
        medications: &[],
        allergies: &[],
        exclude: false,
        expected: &[],
    };

    #[rustfmt::skip]
    const CASES: &[Case] = &[
        Case { ingredient: "amino_acids", ..NONE },
        // Status: withdrawn, not injectable, unapproved.
        Case { ingredient: "buflomedil", expected: &["status"], ..NONE },
        Case { ingredient: "vitamin_e", expected: &["status"], ..NONE },
        Case { ingredient: "glutathione", expected: &["status"], ..NONE },
        // Zones: the ingredient's regions and zones lists; no list allows every zone.
        Case { ingredient: "deoxycholic_acid", zone: Some("submental"), ..NONE },
        Case { ingredient: "deoxycholic_acid", zone: Some("face"), expected: &["zone:face"], ..NONE },
        Case { ingredient: "minoxidil", zone: Some("scalp"), ..NONE },
        Case { ingredient: "minoxidil", zone: Some("abdomen"), expected: &["zone:abdomen"], ..NONE },
        Case { ingredient: "phosphatidylcholine_deoxycholate", zone: Some("abdomen"), ..NONE },
        Case { ingredient: "phosphatidylcholine_deoxycholate", zone: Some("neck"),
               expected: &["zone:neck"], ..NONE },
        Case { ingredient: "amino_acids", zone: Some("buttocks"), ..NONE },
        // Patient: incompatible contraindications and interactions exclude, cautions do not.
        Case { ingredient: "aminophylline", conditions: &["porphyria"],
               expected: &["contraindication:porphyria"], ..NONE },
        Case { ingredient: "aminophylline", conditions: &["seizure_disorder"], ..NONE },
        Case { ingredient: "aminophylline", medications: &["theophylline_clearance_inhibitor"], ..NONE },
        Case { ingredient: "tranexamic_acid", conditions: &["seizure_disorder"],
               expected: &["contraindication:seizure_disorder"], ..NONE },
        Case { ingredient: "yohimbine", medications: &["maoi"], expected: &["interaction:maoi"], ..NONE },
        Case { ingredient: "yohimbine", medications: &["antihypertensive"], ..NONE },
        Case { ingredient: "yohimbine", conditions: &["hypertension", "renal_disease"], medications: &["snri_tca"],
               expected: &["contraindication:renal_disease", "interaction:snri_tca"], ..NONE },
        // Allergies: to the ingredient, to its class, or an allergy condition it names.
        Case { ingredient: "procaine", allergies: &[Allergy::Ingredient("procaine")],
               expected: &["allergy"], ..NONE },
        Case { ingredient: "lidocaine", allergies: &[Allergy::Class("anesthetic")],
               expected: &["allergy"], ..NONE },
        Case { ingredient: "lidocaine", allergies: &[Allergy::Ingredient("procaine")], ..NONE },
        Case { ingredient: "lidocaine", allergies: &[Allergy::Condition("amide_anesthetic_allergy")],
               expected: &["contraindication:amide_anesthetic_allergy"], ..NONE },
        Case { ingredient: "procaine", allergies: &[Allergy::Condition("amide_anesthetic_allergy")], ..NONE },
        // The request's own exclusions, and every reason at once in its fixed order.
        Case { ingredient: "amino_acids", exclude: true, expected: &["exclude"], ..NONE },
        Case { ingredient: "collagenase", zone: Some("face"), conditions: &["pregnancy", "cholelithiasis"],
               exclude: true, expected: &["status", "zone:face", "contraindication:pregnancy", "exclude"],
               ..NONE },
    ];

    fn check(catalog: &Catalog, case: &Case) {
        let find = |kind: Kind, name: &str| catalog.find(kind, name).expect(name);
        let mut conditions: Vec<usize> = case
            .conditions
            .iter()
            .map(|c| find(Kind::Condition, c))
            .collect();
        conditions.sort_unstable();
        let patient = Patient {
            conditions,
            medications: case
                .medications
                .iter()
                .map(|m| find(Kind::Medication, m))
                .collect(),
            allergies: case
                .allergies
                .iter()
                .map(|a| match *a {
                    Allergy::Ingredient(i) => Allergen::Ingredient(find(Kind::Ingredient, i)),
                    Allergy::Class(c) => Allergen::Class(find(Kind::Class, c)),
                    Allergy::Condition(c) => Allergen::Condition(find(Kind::Condition, c)),
                })
                .collect(),
            ..Patient::default()
        };
        let i = find(Kind::Ingredient, case.ingredient);
        let request = FormulateRequest {
            goals: Vec::new(),
            zone: case.zone.map(|z| find(Kind::Zone, z)),
            patient,
            max_components: 4,
            require: Vec::new(),
            exclude: if case.exclude { vec![i] } else { Vec::new() },
            allow_caution: false,
            alternatives: 0,
        };
        let reasons = exclusion_reasons(catalog, i, &request);
        let tags: Vec<String> = reasons.iter().map(|r| tag(catalog, r)).collect();
        assert_eq!(
            tags, case.expected,
            "{} in {:?}",
            case.ingredient, case.zone
        );
        // `eligibility` partitions the catalog the same way.
        let (eligible, excluded) = eligibility(catalog, &request);
        assert_eq!(eligible.contains(&i), case.expected.is_empty());
        let listed = excluded.iter().find(|e| e.ingredient == i);
        assert_eq!(
            listed.map(|e| &e.reasons),
            (!reasons.is_empty()).then_some(&reasons)
        );
    }

    fn tag(catalog: &Catalog, reason: &ExclusionReason) -> String {
        match reason {
            ExclusionReason::Status => "status".into(),
            ExclusionReason::Zone { zone } => format!("zone:{}", catalog.zones()[*zone].id),
            ExclusionReason::ByUser => "exclude".into(),
            ExclusionReason::Patient(f) => match f.kind {
                FindingKind::Contraindication { condition, .. } => {
                    format!("contraindication:{}", catalog.conditions()[condition].id)
                }
                FindingKind::Interaction { medication, .. } => {
                    format!("interaction:{}", catalog.medications()[medication].id)
                }
                FindingKind::Allergy { .. } => "allergy".into(),
                other => format!("unexpected:{other:?}"),
            },
        }
    }

    #[test]
    fn exclusion_reasons_of_the_embedded_catalog() {
        let catalog = catalog::embedded().expect("the embedded catalog loads");
        for case in CASES {
            check(&catalog, case);
        }
    }

    /// A request's zone and patient conditions, and every ingredient `eligibility` leaves out.
    #[rustfmt::skip]
    const PARTITIONS: &[(Option<&str>, &[&str], &[&str])] = &[
        // Lipoic acid and vitamin A palmitate are unapproved (no intradermal product), collagen
        // is an implant (Zyderm), not a mesotherapy active; lipase is sourced for submental fat
        // only and contraindicated in pregnancy.
        // Only the ingredients that are not available.
        (None, &[], &["buflomedil", "collagen", "collagenase", "ginkgo", "glutathione", "lipoic_acid", "vitamin_a",
                      "vitamin_e"]),
        // Plus those whose regions or zones leave out the scalp.
        (Some("scalp"), &[], &["buflomedil", "collagen", "collagenase", "deoxycholic_acid", "ginkgo", "glutathione",
                               "lipase", "lipoic_acid", "phosphatidylcholine_deoxycholate", "vitamin_a",
                               "vitamin_e"]),
        // Scalp-only ingredients, and those contraindicated (not merely cautioned) in pregnancy.
        (Some("submental"), &["pregnancy"], &["buflomedil", "caffeine", "collagen", "collagenase", "dutasteride", "ginkgo",
                                              "glutathione", "lipase", "lipoic_acid", "minoxidil", "troxerutin",
                                              "vitamin_a", "vitamin_e", "yohimbine"]),
    ];

    fn check_partition(
        catalog: &Catalog,
        zone: Option<&str>,
        conditions: &[&str],
        expected: &[&str],
    ) {
        let patient = Patient {
            conditions: conditions
                .iter()
                .map(|c| catalog.find(Kind::Condition, c).expect("condition"))
                .collect(),
            ..Patient::default()
        };
        let request = FormulateRequest {
            goals: Vec::new(),
            zone: zone.map(|z| catalog.find(Kind::Zone, z).expect("zone")),
            patient,
            max_components: 4,
            require: Vec::new(),
            exclude: Vec::new(),
            allow_caution: false,
            alternatives: 0,
        };
        let (eligible, excluded) = eligibility(catalog, &request);
        let ids: Vec<&str> = excluded
            .iter()
            .map(|e| catalog.ingredients()[e.ingredient].id.as_ref())
            .collect();
        assert_eq!(ids, expected, "{zone:?} {conditions:?}");
        // Every ingredient is in exactly one list, each list in catalog order.
        let mut all: Vec<usize> = eligible.clone();
        all.extend(excluded.iter().map(|e| e.ingredient));
        all.sort_unstable();
        assert_eq!(all, (0..catalog.ingredients().len()).collect::<Vec<_>>());
        assert!(eligible.is_sorted());
        assert!(excluded.iter().all(|e| !e.reasons.is_empty()));
    }

    #[test]
    fn eligibility_partitions_the_embedded_catalog() {
        let catalog = catalog::embedded().expect("the embedded catalog loads");
        for &(zone, conditions, expected) in PARTITIONS {
            check_partition(&catalog, zone, conditions, expected);
        }
    }
}
