//! The rules of each kind of record: zones (depth and course ranges), conditions,
//! medications, aftercare and expectations (sourced claims), and ingredients (references,
//! facts, course limits, contraindications, interactions and solo rules).

use super::Validator;
use super::ids::RecordIds;
use crate::catalog::model::{Component, Ingredient, Rating, Solo, Status};

impl<'f> Validator<'f> {
    /// Every zone: depth within 0..=50 mm, course sessions and intervals at least 1, sourced.
    pub(super) fn check_zones(&mut self) {
        for (z, zone) in self.file.zones.iter().enumerate() {
            let p = format!("zones[{z}]");
            self.real_range(
                &format!("{p}.depth_mm"),
                zone.depth_mm.min,
                zone.depth_mm.max,
                0.0,
                50.0,
                "depth in mm",
            );
            self.whole_range(
                &format!("{p}.course.sessions"),
                zone.course.sessions.min,
                zone.course.sessions.max,
                1,
            );
            self.whole_range(
                &format!("{p}.course.interval_days"),
                zone.course.interval_days.min,
                zone.course.interval_days.max,
                1,
            );
            if let Some(m) = zone.course.maintenance_interval_days {
                self.whole_range(
                    &format!("{p}.course.maintenance_interval_days"),
                    m.min,
                    m.max,
                    1,
                );
            }
            if let Some(d) = zone.course.next_course_within_days {
                self.bounded(
                    &format!("{p}.course.next_course_within_days"),
                    d,
                    super::MAX_DAYS,
                );
            }
            self.sources(&format!("{p}.sources"), &zone.sources, None);
            self.sources(
                &format!("{p}.course.sources"),
                &zone.course.sources,
                Some(zone.course.evidence),
            );
        }
    }

    /// The sourced claims of conditions, medications (whose general warning is never
    /// `compatible`), aftercare rules and expectations.
    pub(super) fn check_claims(&mut self) {
        let f = self.file;
        for (c, cond) in f.conditions.iter().enumerate() {
            self.sources(
                &format!("conditions[{c}].sources"),
                &cond.sources,
                Some(cond.evidence),
            );
        }
        for (m, med) in f.medications.iter().enumerate() {
            if let Some(g) = &med.general {
                self.sources(
                    &format!("medications[{m}].general.sources"),
                    &g.sources,
                    Some(g.evidence),
                );
                self.not_compatible(
                    &format!("medications[{m}].general.rating"),
                    g.rating,
                    "a general medication warning",
                );
                self.cleared_rating(
                    &format!("medications[{m}].general.rating"),
                    g.clearance,
                    g.rating,
                );
            }
        }
        for (a, care) in f.aftercare.iter().enumerate() {
            self.bounded(
                &format!("aftercare[{a}].before_days"),
                care.before_days,
                super::MAX_DAYS,
            );
            if let Some(d) = care.after_days {
                self.bounded(&format!("aftercare[{a}].after_days"), d, super::MAX_DAYS);
            }
            self.sources(
                &format!("aftercare[{a}].sources"),
                &care.sources,
                Some(care.evidence),
            );
        }
        for (e, st) in f.expectations.iter().enumerate() {
            self.sources(
                &format!("expectations[{e}].sources"),
                &st.sources,
                Some(st.evidence),
            );
        }
    }

    /// Every rule of ingredient `i`, in the order of its fields.
    pub(super) fn check_ingredient(&mut self, i: usize, ing: &'f Ingredient, ids: &RecordIds<'_>) {
        let p = format!("ingredients[{i}]");
        self.reference(&format!("{p}.class"), &ing.class, &ids.classes);
        self.sources(&format!("{p}.sources"), &ing.sources, None);
        match &ing.status {
            Status::Available => {}
            Status::Withdrawn { sources, .. }
            | Status::NotInjectable { sources, .. }
            | Status::Unapproved { sources, .. } => {
                self.sources(&format!("{p}.status.sources"), sources, None);
            }
        }
        self.ingredient_facts(&p, ing);
        if ing.depth.is_empty() {
            self.problem(
                format!("{p}.depth"),
                format!("ingredient `{}` has no injection depth", ing.id),
                "at least one depth",
            );
        }
        for (z, zone) in ing.zones.iter().enumerate() {
            self.reference(&format!("{p}.zones[{z}]"), zone, &ids.zones);
        }
        self.ingredient_course(&p, ing);
        self.ingredient_rules(&p, ing, ids);
    }

    /// The pH range (within 0..=14) and the sourced facts: concentration, session limit, zone
    /// note and notes.
    fn ingredient_facts(&mut self, p: &str, ing: &'f Ingredient) {
        if let Some(ph) = &ing.ph {
            self.real_range(&format!("{p}.ph"), ph.min, ph.max, 0.0, 14.0, "pH");
            self.sources(&format!("{p}.ph.sources"), &ph.sources, None);
        }
        for (field, fact) in [
            ("concentration", &ing.concentration),
            ("session_limit", &ing.session_limit),
            ("zone_note", &ing.zone_note),
        ] {
            if let Some(fact) = fact {
                self.sources(
                    &format!("{p}.{field}.sources"),
                    &fact.sources,
                    Some(fact.evidence),
                );
            }
        }
        for (n, fact) in ing.notes.iter().enumerate() {
            self.sources(
                &format!("{p}.notes[{n}].sources"),
                &fact.sources,
                Some(fact.evidence),
            );
        }
    }

    /// The course limit: sourced, minimum interval not above the maximum, at least one session.
    fn ingredient_course(&mut self, p: &str, ing: &'f Ingredient) {
        let Some(course) = &ing.course else {
            return;
        };
        self.sources(
            &format!("{p}.course.sources"),
            &course.sources,
            Some(course.evidence),
        );
        for (field, value, most) in [
            ("max_sessions", course.max_sessions, super::MAX_SESSIONS),
            (
                "min_interval_days",
                course.min_interval_days,
                super::MAX_DAYS,
            ),
            (
                "max_interval_days",
                course.max_interval_days,
                super::MAX_DAYS,
            ),
        ] {
            if let Some(v) = value {
                self.bounded(&format!("{p}.course.{field}"), v, most);
            }
        }
        if let (Some(lo), Some(hi)) = (course.min_interval_days, course.max_interval_days)
            && lo > hi
        {
            self.problem(
                format!("{p}.course.min_interval_days"),
                format!(
                    "course of `{}`: minimum interval {lo} is greater than maximum {hi}",
                    ing.id
                ),
                "min > max",
            );
        }
        if course.max_sessions == Some(0) {
            self.problem(
                format!("{p}.course.max_sessions"),
                format!("course of `{}` allows no session", ing.id),
                "must be at least 1",
            );
        }
    }

    /// Contraindications (known conditions, never `compatible`), interactions (known
    /// medications) and the solo rule (never `compatible`), each sourced.
    fn ingredient_rules(&mut self, p: &str, ing: &'f Ingredient, ids: &RecordIds<'_>) {
        for (c, contra) in ing.contraindications.iter().enumerate() {
            let cp = format!("{p}.contraindications[{c}]");
            self.reference(
                &format!("{cp}.condition"),
                &contra.condition,
                &ids.conditions,
            );
            self.sources(
                &format!("{cp}.sources"),
                &contra.sources,
                Some(contra.evidence),
            );
            self.not_compatible(&format!("{cp}.rating"), contra.rating, "a contraindication");
            self.cleared_rating(&format!("{cp}.rating"), contra.clearance, contra.rating);
        }
        for (m, inter) in ing.interactions.iter().enumerate() {
            let mp = format!("{p}.interactions[{m}]");
            self.reference(
                &format!("{mp}.medication"),
                &inter.medication,
                &ids.medications,
            );
            self.sources(
                &format!("{mp}.sources"),
                &inter.sources,
                Some(inter.evidence),
            );
            self.cleared_rating(&format!("{mp}.rating"), inter.clearance, inter.rating);
        }
        for (k, component) in ing.components.iter().enumerate() {
            let kp = format!("{p}.components[{k}]");
            if let Some(other) = &component.ingredient {
                self.reference(&format!("{kp}.ingredient"), other, &ids.ingredients);
                if other == &ing.id {
                    self.problem(
                        format!("{kp}.ingredient"),
                        format!("`{}` lists itself as a component", ing.id),
                        "a component is another substance",
                    );
                }
            }
            self.component(&kp, component, ids);
        }
        if let Some(solo) = &ing.solo {
            self.solo_rule(&format!("{p}.solo"), solo);
        }
    }

    /// A component's conditions are known, and its claim is sourced.
    pub(super) fn component(&mut self, kp: &str, component: &'f Component, ids: &RecordIds<'_>) {
        for (n, condition) in component.conditions.iter().enumerate() {
            self.reference(&format!("{kp}.conditions[{n}]"), condition, &ids.conditions);
        }
        self.sources(
            &format!("{kp}.sources"),
            &component.sources,
            Some(component.evidence),
        );
    }

    /// A "do not mix" rule is sourced and rated by its grade (label: incompatible; weaker:
    /// caution).
    pub(super) fn solo_rule(&mut self, path: &str, solo: &'f Solo) {
        self.sources(
            &format!("{path}.sources"),
            &solo.sources,
            Some(solo.evidence),
        );
        if solo.rating != solo.pair_rating() {
            self.problem(
                format!("{path}.rating"),
                format!(
                    "a solo rule graded `{}` rates every pair `{}`",
                    serde_plain(solo.evidence),
                    serde_plain(solo.pair_rating())
                ),
                "label: incompatible; weaker grades: caution",
            );
        }
    }
}

impl Validator<'_> {
    /// A relative claim (`clearance: true`) is rated for after the clearance: `caution`.
    fn cleared_rating(&mut self, path: &str, clearance: bool, rating: Rating) {
        if clearance && rating != Rating::Caution {
            self.problem(
                path.into(),
                "a relative contraindication (`clearance: true`) is rated `caution`: its rating once cleared".into(),
                "it blocks until cleared whatever its rating; rate it caution",
            );
        }
    }
}

/// A unit enum's snake_case name, as the catalog spells it.
fn serde_plain<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
