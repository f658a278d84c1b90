//! Why `formulate` left something out, in both languages: excluded ingredients, uncovered
//! goal actions, candidates not chosen, and what stands in a regimen's way. The document and
//! the JSON give the same reasons.

use crate::catalog::Catalog;
use crate::catalog::model::Text;
use crate::check::{Finding, FindingKind, Severity, Verdict};
use crate::compat::PairRating;
use crate::formulate::{ExclusionReason, NotChosenReason, RegimenStatus, UncoveredReason};
use crate::render::lang::{self, Lang, Msg, fill};
use crate::render::query::status_note;
use crate::render::vocab::{both, each, finding_note, finding_subject, prose, prose_list};

/// The kind of an exclusion as JSON names it.
pub fn exclusion_kind(reason: &ExclusionReason) -> &'static str {
    match reason {
        ExclusionReason::Status => "status",
        ExclusionReason::Zone { .. } => "zone",
        ExclusionReason::Patient(f) => match f.kind {
            FindingKind::Contraindication { .. } => "condition",
            FindingKind::Allergy { .. } => "allergy",
            FindingKind::Interaction { .. } => "medication",
            _ => "patient",
        },
        ExclusionReason::ByUser => "excluded_by_user",
    }
}

/// The full note, filling in the status text the catalog gives.
pub fn exclusion_text(catalog: &Catalog, ingredient: usize, reason: &ExclusionReason) -> Text {
    let finding = |kind| Finding {
        kind,
        severity: Severity::Incompatible,
        evidence: None,
        sources: Vec::new(),
        clearance: None,
        component: None,
    };
    match reason {
        ExclusionReason::Status => {
            finding_note(catalog, &finding(FindingKind::Status { ingredient }))
        }
        ExclusionReason::Zone { zone } => finding_note(
            catalog,
            &finding(FindingKind::NotInZone {
                ingredient,
                zone: *zone,
            }),
        ),
        ExclusionReason::Patient(f) => finding_note(catalog, f),
        ExclusionReason::ByUser => both(Msg::ExcludedByUser),
    }
}

/// The sources behind an exclusion: the finding's, the status note's or the zone note's.
pub fn exclusion_sources(
    catalog: &Catalog,
    ingredient: usize,
    reason: &ExclusionReason,
) -> Vec<String> {
    let ing = &catalog.ingredients()[ingredient];
    match reason {
        ExclusionReason::Patient(f) => f.sources.clone(),
        ExclusionReason::Status => status_note(&ing.status)
            .map_or_else(Vec::new, |(_, s)| s.iter().map(|s| s.to_string()).collect()),
        ExclusionReason::Zone { .. } => ing
            .zone_note
            .as_ref()
            .map_or_else(Vec::new, |n| n.sources.to_strings()),
        ExclusionReason::ByUser => Vec::new(),
    }
}

/// The kind of an uncovered goal's reason as JSON names it.
pub fn uncovered_kind(reason: &UncoveredReason) -> &'static str {
    match reason {
        UncoveredReason::NoData => "no_data",
        UncoveredReason::NoEligible { .. } => "no_eligible_ingredient",
        UncoveredReason::Conflicts { .. } => "conflicts",
        UncoveredReason::NoRoom { .. } => "no_room",
    }
}

/// Why a goal action is not covered: no ingredient performs it, no eligible one does (and
/// why each performer is out), every performer conflicts, or no room is left.
pub fn uncovered_text(catalog: &Catalog, reason: &UncoveredReason) -> Text {
    match reason {
        UncoveredReason::NoData => both(Msg::NoIngredientServes),
        UncoveredReason::NoEligible { candidates } => each(&|l| {
            let list: Vec<String> = candidates
                .iter()
                .map(|e| {
                    let why: Vec<String> = e
                        .reasons
                        .iter()
                        .map(|r| l.text(&exclusion_text(catalog, e.ingredient, r)).to_owned())
                        .collect();
                    format!("{} ({})", prose(catalog, e.ingredient, l), why.join("; "))
                })
                .collect();
            format!("{}: {}", Msg::NoEligibleServes.get(l), list.join(", "))
        }),
        UncoveredReason::Conflicts { pairs } => each(&|l| {
            let list: Vec<String> = pairs
                .iter()
                .map(|&(a, b, r)| pair_words(catalog, a, b, r, l))
                .collect();
            format!(
                "{}: {}",
                Msg::EveryCandidateConflicts.get(l),
                list.join(", ")
            )
        }),
        UncoveredReason::NoRoom { candidates } => each(&|l| {
            format!(
                "{}: {}",
                Msg::NoRoomFor.get(l),
                prose_list(catalog, candidates, ", ", l)
            )
        }),
    }
}

/// Why an eligible candidate is not in the cocktail.
pub fn not_chosen_text(catalog: &Catalog, reason: &NotChosenReason) -> Text {
    match *reason {
        NotChosenReason::Conflicts { with, rating } => each(&|l| match rating {
            // No data is not a conflict: say what the data says.
            PairRating::Unknown => fill(Msg::NoDataWith.get(l), &[&prose(catalog, with, l)]),
            _ => fill(
                Msg::ConflictsWith.get(l),
                &[&prose(catalog, with, l), &lang::pair_rating(rating, l)],
            ),
        }),
        NotChosenReason::NoRoom => both(Msg::NoRoomLeft),
        NotChosenReason::AddsNothing => both(Msg::AddsNothing),
    }
}

/// A pair that may not share the syringe, in words: "no data for A × B" when nothing is known,
/// else "A × B (rating)".
fn pair_words(catalog: &Catalog, a: usize, b: usize, rating: PairRating, l: Lang) -> String {
    let (a, b) = (prose(catalog, a, l), prose(catalog, b, l));
    match rating {
        PairRating::Unknown => fill(Msg::NoDataFor.get(l), &[&a, &b]),
        _ => format!("{a} × {b} ({})", lang::pair_rating(rating, l)),
    }
}

/// What keeps a regimen from being allowed for this patient: every pair of its checks that is
/// not compatible and every finding above `info`, each in words; empty when it is allowed.
pub fn regimen_reasons(catalog: &Catalog, r: &RegimenStatus) -> Vec<Text> {
    let mut out: Vec<Text> = Vec::new();
    if r.verdict == Verdict::Compatible {
        return out;
    }
    for check in &r.checks {
        for p in check
            .pairs
            .iter()
            .filter(|p| p.rating != PairRating::Compatible)
        {
            let t = each(&|l| pair_words(catalog, p.a, p.b, p.rating, l));
            if !out.contains(&t) {
                out.push(t);
            }
        }
        for f in check
            .findings
            .iter()
            .filter(|f| f.severity > Severity::Info)
        {
            let note = finding_note(catalog, f);
            let t = each(&|l| format!("{}: {}", finding_subject(catalog, f), l.text(&note)));
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}
