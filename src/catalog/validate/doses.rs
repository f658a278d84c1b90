//! Doses (DESIGN §6a): strengths, what an ingredient delivers of another, and dose limits.

use super::Validator;
use super::ids::RecordIds;
use crate::catalog::model::{DoseUnit, Ingredient, Strength, StrengthUnit};

/// The dose unit a strength's amounts are in.
pub(crate) fn unit_of(strength: Strength) -> DoseUnit {
    match strength.unit {
        StrengthUnit::MgPerMl | StrengthUnit::Percent => DoseUnit::Mg,
        StrengthUnit::UnitsPerMl | StrengthUnit::IuPerMl => DoseUnit::Units,
    }
}

impl<'f> Validator<'f> {
    /// Every ingredient's strengths, contents and dose limits, and every component strength.
    pub(super) fn check_doses(&mut self, ids: &RecordIds<'_>) {
        let f = self.file;
        for (i, ing) in f.ingredients.iter().enumerate() {
            self.ingredient_doses(&format!("ingredients[{i}]"), ing, ids);
        }
        for (p, product) in f.products.iter().enumerate() {
            for (k, c) in product.components.iter().enumerate() {
                if let Some(s) = c.strength {
                    self.strength(&format!("products[{p}].components[{k}].strength"), s);
                }
            }
        }
    }

    fn strength(&mut self, path: &str, s: Strength) {
        if !(s.value.is_finite() && s.value > 0.0 && s.value <= 1_000_000.0) {
            self.problem(
                format!("{path}.value"),
                format!(
                    "a strength is a positive number up to 1,000,000, not {}",
                    s.value
                ),
                "positive number",
            );
        }
        if s.unit == StrengthUnit::Percent && s.value > 100.0 {
            self.problem(
                format!("{path}.value"),
                format!("{} % is more than the whole", s.value),
                "at most 100 %",
            );
        }
    }

    fn ingredient_doses(&mut self, p: &str, ing: &'f Ingredient, ids: &RecordIds<'_>) {
        for (s, &strength) in ing.strengths.iter().enumerate() {
            self.strength(&format!("{p}.strengths[{s}]"), strength);
            if ing.strengths[..s].contains(&strength) {
                self.problem(
                    format!("{p}.strengths[{s}]"),
                    format!("`{}` lists the same strength twice", ing.id),
                    "each strength once",
                );
            }
        }
        for (c, contained) in ing.contains.iter().enumerate() {
            let cp = format!("{p}.contains[{c}]");
            self.reference(
                &format!("{cp}.ingredient"),
                &contained.ingredient,
                &ids.ingredients,
            );
            if contained.ingredient == ing.id {
                self.problem(
                    format!("{cp}.ingredient"),
                    format!("`{}` says it contains itself", ing.id),
                    "name another ingredient",
                );
            }
            self.strength(&format!("{cp}.strength"), contained.strength);
            self.sources(
                &format!("{cp}.sources"),
                &contained.sources,
                Some(contained.evidence),
            );
        }
        for (l, limit) in ing.dose_limits.iter().enumerate() {
            let lp = format!("{p}.dose_limits[{l}]");
            if limit.per_kg.is_none() && limit.cap.is_none() {
                self.problem(
                    lp.clone(),
                    format!(
                        "a dose limit of `{}` gives neither `per_kg` nor `cap`",
                        ing.id
                    ),
                    "give per_kg, cap or both",
                );
            }
            for (field, value, most) in [
                ("per_kg", limit.per_kg, 100_000.0),
                ("cap", limit.cap, 100_000_000.0),
            ] {
                if let Some(v) = value
                    && !(v.is_finite() && v > 0.0 && v <= most)
                {
                    self.problem(
                        format!("{lp}.{field}"),
                        format!("`{field}` is a positive number up to {most}, not {v}"),
                        "positive number",
                    );
                }
            }
            if let Some(s) = ing.strengths.first()
                && unit_of(*s) != limit.unit
            {
                self.problem(
                    format!("{lp}.unit"),
                    format!(
                        "the limit of `{}` is in {:?} but its strengths give {:?}",
                        ing.id,
                        limit.unit,
                        unit_of(*s)
                    ),
                    "the same unit as the strengths",
                );
            }
            self.sources(
                &format!("{lp}.sources"),
                &limit.sources,
                Some(limit.evidence),
            );
        }
    }
}
