//! The patient: conditions, medications and allergies, named by the practitioner, resolved
//! against the catalog, and screened against a mix.

use serde::Deserialize;

use crate::catalog::{Catalog, Kind, UnknownName};

/// What the practitioner knows of the patient, as typed (flags or a patient file).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatientInput {
    /// Conditions the patient has, by id, name or alias (`--condition`, or `conditions` in a
    /// patient file).
    #[serde(default)]
    pub conditions: Vec<String>,
    /// Medications the patient takes: a medication class or a drug it lists, by id, name or alias
    /// (`--medication`, or `medications` in a patient file).
    #[serde(default)]
    pub medications: Vec<String>,
    /// Ingredients, classes or allergy conditions.
    #[serde(default)]
    pub allergies: Vec<String>,
    /// Relative contraindications the prescriber or physician has cleared: conditions or
    /// medications.
    #[serde(default)]
    pub cleared: Vec<String>,
    /// Body weight in kilograms (`--weight`, or `weight_kg` in a patient file), for limits per
    /// kilogram; above 0 and at most 500.
    #[serde(default)]
    pub weight_kg: Option<f64>,
}

impl PatientInput {
    /// Adds another input's entries (flags on top of a file; a weight typed replaces the
    /// file's).
    pub fn extend(&mut self, other: PatientInput) {
        self.conditions.extend(other.conditions);
        self.medications.extend(other.medications);
        self.allergies.extend(other.allergies);
        self.cleared.extend(other.cleared);
        if other.weight_kg.is_some() {
            self.weight_kg = other.weight_kg;
        }
    }
}

/// What a patient is allergic to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Allergen {
    /// An allergy condition of the catalog (soy, salicylates, ...).
    Condition(usize),
    /// An ingredient, by index: it is ruled out.
    Ingredient(usize),
    /// A class, by index: every ingredient of the class is ruled out.
    Class(usize),
}

/// A patient resolved against the catalog: indices, sorted, without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Patient {
    /// Indices of the conditions the patient has.
    pub conditions: Vec<usize>,
    /// Indices of the medications the patient takes.
    pub medications: Vec<usize>,
    /// What the patient is allergic to.
    pub allergies: Vec<Allergen>,
    /// Conditions whose relative contraindication the prescriber has cleared.
    pub cleared_conditions: Vec<usize>,
    /// Medications whose relative contraindication the prescriber has cleared.
    pub cleared_medications: Vec<usize>,
    /// Body weight, for limits per kilogram.
    pub weight: Option<crate::dose::Weight>,
}

/// One of the lists that describe a patient (the fields of [`PatientInput`] and of a patient
/// file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PatientField {
    /// Conditions of the catalog the patient has.
    Conditions,
    /// Medications (classes or drugs) the patient takes.
    Medications,
    /// Allergies: allergy conditions, ingredients or classes.
    Allergies,
    /// Relative contraindications cleared by the prescriber: conditions or medications.
    Cleared,
}

impl PatientField {
    /// The field's name in [`PatientInput`] and in a patient file: `conditions`,
    /// `medications` or `allergies`.
    pub fn name(self) -> &'static str {
        match self {
            PatientField::Conditions => "conditions",
            PatientField::Medications => "medications",
            PatientField::Allergies => "allergies",
            PatientField::Cleared => "cleared",
        }
    }
}

/// A patient name that matches nothing, with the field it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatientNameError {
    /// The list the name was given in.
    pub field: PatientField,
    /// The name and the closest known names.
    pub unknown: UnknownName,
}

/// Where a patient file's text went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct PatientFileError {
    /// 1-based line of the error.
    pub line: usize,
    /// 1-based column of the error.
    pub column: usize,
    /// What is wrong, as the JSON or RON parser words it.
    pub message: String,
}

/// Parses a patient file, JSON when it starts with `{`, RON otherwise.
pub fn parse_patient_file(text: &str) -> Result<PatientInput, PatientFileError> {
    let input = parse_patient_text(text)?;
    if let Some(w) = input.weight_kg
        && crate::dose::Weight::from_kg(w).is_none()
    {
        // The number's place: the first `weight_kg` key.
        let at = text.find("weight_kg").unwrap_or(0);
        let (line, column) = crate::catalog::line_column(text, at);
        return Err(PatientFileError {
            line,
            column,
            message: format!("weight_kg {w} is not a body weight: above 0 and at most 500 kg"),
        });
    }
    Ok(input)
}

fn parse_patient_text(text: &str) -> Result<PatientInput, PatientFileError> {
    if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| PatientFileError {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    } else {
        crate::catalog::ron_options()
            .from_str(text)
            .map_err(|e| PatientFileError {
                line: e.span.start.line,
                column: e.span.start.col,
                message: e.code.to_string(),
            })
    }
}

impl Patient {
    /// Resolves every name; the first unknown one is the error.
    pub fn resolve(catalog: &Catalog, input: &PatientInput) -> Result<Patient, PatientNameError> {
        let mut patient = Patient {
            weight: input.weight_kg.and_then(crate::dose::Weight::from_kg),
            ..Patient::default()
        };
        for name in &input.conditions {
            let i = catalog
                .find(Kind::Condition, name)
                .map_err(|unknown| PatientNameError {
                    field: PatientField::Conditions,
                    unknown,
                })?;
            patient.conditions.push(i);
        }
        for name in &input.medications {
            let i = catalog
                .find(Kind::Medication, name)
                .map_err(|unknown| PatientNameError {
                    field: PatientField::Medications,
                    unknown,
                })?;
            patient.medications.push(i);
        }
        for name in &input.allergies {
            patient.allergies.push(resolve_allergen(catalog, name)?);
        }
        for name in &input.cleared {
            if let Some(c) = catalog.lookup(Kind::Condition, name) {
                patient.cleared_conditions.push(c);
            } else if let Some(m) = catalog.lookup(Kind::Medication, name) {
                patient.cleared_medications.push(m);
            } else {
                let mut unknown = catalog.unknown(Kind::Condition, name);
                unknown
                    .suggestions
                    .extend(catalog.unknown(Kind::Medication, name).suggestions);
                unknown.suggestions.dedup();
                unknown.suggestions.truncate(5);
                return Err(PatientNameError {
                    field: PatientField::Cleared,
                    unknown,
                });
            }
        }
        patient.conditions.sort_unstable();
        patient.conditions.dedup();
        patient.medications.sort_unstable();
        patient.medications.dedup();
        patient.allergies.sort_unstable();
        patient.allergies.dedup();
        patient.cleared_conditions.sort_unstable();
        patient.cleared_conditions.dedup();
        patient.cleared_medications.sort_unstable();
        patient.cleared_medications.dedup();
        Ok(patient)
    }

    /// Whether nothing is known of the patient: no condition, medication or allergy, so no patient
    /// finding can arise.
    pub fn is_empty(&self) -> bool {
        self.conditions.is_empty()
            && self.medications.is_empty()
            && self.allergies.is_empty()
            && self.cleared_conditions.is_empty()
            && self.cleared_medications.is_empty()
            && self.weight.is_none()
    }
}

/// An allergy names an allergy condition, an ingredient or a class, tried in that order.
fn resolve_allergen(catalog: &Catalog, name: &str) -> Result<Allergen, PatientNameError> {
    // Plain lookups first: the "did you mean" work is done once the name is known to be
    // none of the three.
    if let Some(c) = catalog.lookup(Kind::Condition, name)
        && catalog.conditions()[c].allergy
    {
        return Ok(Allergen::Condition(c));
    }
    if let Some(i) = catalog.lookup(Kind::Ingredient, name) {
        return Ok(Allergen::Ingredient(i));
    }
    if let Some(c) = catalog.lookup(Kind::Class, name) {
        return Ok(Allergen::Class(c));
    }
    // Suggest from all three kinds, allergy conditions first; a name that is a condition, but
    // not an allergy one, gets no condition suggestions.
    let mut suggestions = Vec::new();
    for kind in [Kind::Condition, Kind::Ingredient, Kind::Class] {
        if catalog.lookup(kind, name).is_some() {
            continue;
        }
        for s in catalog.unknown(kind, name).suggestions {
            let is_allergy = kind != Kind::Condition
                || catalog
                    .lookup(Kind::Condition, &s)
                    .is_some_and(|c| catalog.conditions()[c].allergy);
            if is_allergy && !suggestions.contains(&s) {
                suggestions.push(s);
            }
        }
    }
    suggestions.truncate(3);
    Err(PatientNameError {
        field: PatientField::Allergies,
        unknown: UnknownName {
            kind: Kind::Ingredient,
            name: name.to_owned(),
            suggestions,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patient_files_in_json_and_ron() {
        let json =
            parse_patient_file(r#"{"conditions": ["pregnancy"], "medications": ["warfarin"]}"#)
                .expect("json");
        assert_eq!(json.conditions, ["pregnancy"]);
        assert_eq!(json.medications, ["warfarin"]);
        let ron = parse_patient_file(r#"(conditions: ["menstruation"], allergies: ["soy"])"#)
            .expect("ron");
        assert_eq!(ron.allergies, ["soy"]);
        let err = parse_patient_file("{\n  \"conditions\": [],\n  \"weight\": 60\n}")
            .expect_err("unknown field");
        assert_eq!((err.line, err.column), (3, 10));
        let err = parse_patient_file("(conditions: [\"a\"], age: 3)").expect_err("unknown field");
        assert_eq!(err.line, 1);
        assert!(err.message.contains("age"));
    }

    #[test]
    fn unknown_names_report_the_patient_file_field_they_came_from() {
        let catalog = crate::catalog::embedded().expect("embedded catalog");
        for field in [
            PatientField::Conditions,
            PatientField::Medications,
            PatientField::Allergies,
        ] {
            // The field's name is the key a patient file uses for it.
            let text = format!(r#"{{"{}": ["no_such_name"]}}"#, field.name());
            let input = parse_patient_file(&text).expect("a patient file");
            let err = Patient::resolve(&catalog, &input).expect_err("an unknown name");
            assert_eq!(err.field, field, "{text}");
            assert_eq!(err.unknown.name, "no_such_name");
        }
    }
}
