//! Resolution: what a person typed (names, files, dates) → indices into the catalog.
//!
//! The command line (`app`) and batch records (`batch`) both build their requests here, so a
//! name, a goal weight or a patient means the same in both. Errors name the request [`Field`];
//! the surface that reports them picks the flag or the batch key.

use std::path::Path;

use jiff::civil::Date;

use crate::catalog::model::{DoseUnit, Strength, StrengthUnit};
use crate::catalog::{Catalog, Item, Kind};
use crate::dose::{ItemAmount, MAX_VOLUME_ML, StrengthError, settle_strength};
use crate::error::{AmountProblem, Error, Field, Usage};
use crate::formulate::{FormulateRequest, GoalWeight, default_weights};
use crate::io::read_input;
use crate::patient::{Patient, PatientField, PatientInput, parse_patient_file};

/// A formulation request as typed (flags or one batch record), before resolution.
#[derive(Debug, Clone, Copy)]
pub struct FormulateSpec<'a> {
    /// Goals in priority order; `GOAL:WEIGHT` sets a weight.
    pub goals: &'a [String],
    pub zone: Option<&'a str>,
    pub max_components: usize,
    pub require: &'a [String],
    pub exclude: &'a [String],
    pub allow_caution: bool,
    pub alternatives: usize,
}

/// A mix as named: its actives, for each active that came in a product, that product, and the
/// items' amounts when they carry them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mix {
    /// The actives, in the order named (a product's in its order).
    pub ingredients: Vec<usize>,
    /// Active → the product it came in.
    pub from: std::collections::BTreeMap<usize, usize>,
    /// Each item with its volume and strength, in the order named; empty when no item carries
    /// an amount.
    pub amounts: Vec<ItemAmount>,
}

/// An amount as typed: a volume in mL and, if given, a strength.
pub type TypedAmount = (f64, Option<Strength>);

/// Splits `NAME[:VOLUME[@STRENGTH]]` (also `NAME@STRENGTH` is refused: a strength needs a
/// volume) into the name and its amount.
pub fn split_amount(text: &str) -> Result<(&str, Option<TypedAmount>), Usage> {
    let Some((name, amount)) = text.rsplit_once(':') else {
        return Ok((text, None));
    };
    let bad = |why| Usage::BadAmount {
        item: text.to_owned(),
        why,
    };
    let (volume, strength) = match amount.split_once('@') {
        Some((v, s)) => (v, Some(s)),
        None => (amount, None),
    };
    let volume = volume.trim();
    if volume.is_empty() {
        return Err(bad(AmountProblem::NoVolume));
    }
    let volume = parse_with_unit(volume, &["ml", "мл"]).ok_or(bad(AmountProblem::Volume))?;
    if !(volume > 0.0 && volume <= MAX_VOLUME_ML) {
        return Err(bad(AmountProblem::VolumeRange));
    }
    let strength = match strength {
        None => None,
        Some(s) => Some(parse_strength(s).ok_or(bad(AmountProblem::Strength))?),
    };
    Ok((name.trim(), Some((volume, strength))))
}

/// A number followed by one of `units` (any case, spaces allowed, `,` or `.` as the decimal
/// mark).
fn parse_with_unit(text: &str, units: &[&str]) -> Option<f64> {
    let lower = text.trim().to_lowercase();
    let unit = units.iter().find(|u| lower.ends_with(*u))?;
    let number = lower[..lower.len() - unit.len()].trim().replace(',', ".");
    let value: f64 = number.parse().ok()?;
    value.is_finite().then_some(value)
}

/// A body weight as typed: `60kg`, `60`, `60.5 kg`, `60 кг`; above 0 and at most 500 kg.
pub fn weight(field: Field, text: &str) -> Result<f64, Error> {
    let lower = text.trim().to_lowercase();
    let number = lower
        .strip_suffix("kg")
        .or_else(|| lower.strip_suffix("кг"))
        .unwrap_or(&lower)
        .trim()
        .replace(',', ".");
    number
        .parse::<f64>()
        .ok()
        .filter(|&w| crate::dose::Weight::from_kg(w).is_some())
        .ok_or_else(|| {
            Usage::BadWeight {
                field,
                text: text.to_owned(),
            }
            .into()
        })
}

/// A strength as ampoules print it: `2%`, `20mg/ml`, `150u/ml`, `150iu/ml` (and the Russian
/// `мг/мл`, `ед/мл`, `ме/мл`).
pub fn parse_strength(text: &str) -> Option<Strength> {
    let forms: [(&[&str], StrengthUnit); 4] = [
        (&["%"], StrengthUnit::Percent),
        (&["mg/ml", "мг/мл"], StrengthUnit::MgPerMl),
        (&["iu/ml", "ме/мл"], StrengthUnit::IuPerMl),
        (&["u/ml", "ед/мл"], StrengthUnit::UnitsPerMl),
    ];
    for (units, unit) in forms {
        if let Some(value) = parse_with_unit(text, units) {
            let ok = value > 0.0
                && value <= 1_000_000.0
                && (unit != StrengthUnit::Percent || value <= 100.0);
            return ok.then_some(Strength { value, unit });
        }
    }
    None
}

/// A strength as typed back to the user: `2%`, `10mg/ml`.
pub fn strength_typed(s: Strength) -> String {
    let unit = match s.unit {
        StrengthUnit::Percent => "%",
        StrengthUnit::MgPerMl => "mg/ml",
        StrengthUnit::UnitsPerMl => "u/ml",
        StrengthUnit::IuPerMl => "iu/ml",
    };
    format!("{}{unit}", s.value)
}

/// Where today's date came from, so a bad `MESOMIX_TODAY` is reported by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Today {
    /// `MESOMIX_TODAY`, as given (checked when a command needs the date).
    Pinned(String),
    /// The system clock in the local time zone.
    Clock(Date),
}

/// Resolves names against one catalog.
#[derive(Debug, Clone, Copy)]
pub struct Resolver<'c> {
    pub catalog: &'c Catalog,
}

impl<'c> Resolver<'c> {
    /// A resolver over `catalog`.
    pub fn new(catalog: &'c Catalog) -> Resolver<'c> {
        Resolver { catalog }
    }

    /// One name of `kind`, typed into `field`.
    pub fn one(&self, kind: Kind, field: Field, name: &str) -> Result<usize, Error> {
        self.catalog
            .find(kind, name)
            .map_err(|source| Error::Unknown { field, source })
    }

    /// A mix item: an ingredient, else a product.
    pub fn item(&self, field: Field, name: &str) -> Result<Item, Error> {
        self.catalog
            .find_item(name)
            .map_err(|source| Error::Unknown { field, source })
    }

    /// An optional name.
    pub fn maybe(
        &self,
        kind: Kind,
        field: Field,
        name: Option<&str>,
    ) -> Result<Option<usize>, Error> {
        name.map(|n| self.one(kind, field, n)).transpose()
    }

    /// The ingredients of a mix: each once, whatever name it is given by.
    pub fn mix(&self, names: &[String]) -> Result<Mix, Error> {
        let mut mix = Mix::default();
        // The name each active came in by, and its position among the names.
        let mut named: Vec<(usize, usize)> = Vec::new();
        let mut amounts: Vec<(&String, Item, Option<TypedAmount>)> = Vec::new();
        for (n, typed) in names.iter().enumerate() {
            let (name, amount) = split_amount(typed)?;
            let item = self.item(Field::Ingredients, name)?;
            amounts.push((typed, item, amount));
            for i in self.catalog.actives_of(item) {
                if let Some(&(_, first)) = named.iter().find(|(x, _)| *x == i) {
                    return Err(Usage::ListedTwice {
                        id: self.catalog.ingredients()[i].id.to_string(),
                        first: names[first].clone(),
                        second: typed.clone(),
                        at: (first + 1, n + 1),
                    }
                    .into());
                }
                named.push((i, n));
                mix.ingredients.push(i);
                if let Item::Product(p) = item {
                    mix.from.insert(i, p);
                }
            }
        }
        if amounts.iter().any(|(_, _, a)| a.is_some()) {
            for (typed, item, amount) in amounts {
                let Some((volume_ml, given)) = amount else {
                    return Err(Usage::AmountMissing {
                        item: typed.clone(),
                    }
                    .into());
                };
                let strength = settle_strength(self.catalog, item, given)
                    .map_err(|e| self.strength_error(typed, e))?;
                mix.amounts.push(ItemAmount {
                    item,
                    volume_ml,
                    strength,
                });
            }
        }
        Ok(mix)
    }

    /// The words of a strength that cannot be settled, naming the item as typed.
    fn strength_error(&self, typed: &str, e: StrengthError) -> Error {
        let item = typed.trim().to_owned();
        match e {
            StrengthError::Ambiguous { choices, .. } => Usage::StrengthNeeded {
                item,
                choices: choices.into_iter().map(strength_typed).collect(),
            },
            StrengthError::Unknown { .. } => Usage::StrengthUnknown { item },
            StrengthError::ForProduct { .. } => Usage::StrengthForProduct { item },
            StrengthError::WrongKind { expected, .. } => Usage::StrengthKind {
                item,
                expected: match expected {
                    DoseUnit::Mg => "mg",
                    DoseUnit::Units => "units",
                },
            },
        }
        .into()
    }

    /// The one active a name stands for: an ingredient, or a product with a single active. A
    /// product with several actives is an error that lists them (explain them one by one).
    pub fn single_active(&self, field: Field, name: &str) -> Result<usize, Error> {
        let item = self.item(field, name)?;
        match self.catalog.actives_of(item).as_slice() {
            [one] => Ok(*one),
            many => Err(Usage::SeveralActives {
                product: name.to_owned(),
                actives: many
                    .iter()
                    .map(|&i| self.catalog.ingredients()[i].id.to_string())
                    .collect(),
            }
            .into()),
        }
    }

    /// The actives that names stand for (a product stands for its actives), in order.
    pub fn actives(&self, field: Field, names: &[String]) -> Result<Vec<usize>, Error> {
        let mut out = Vec::new();
        for name in names {
            for i in self.catalog.actives_of(self.item(field, name)?) {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        Ok(out)
    }

    /// The patient: a patient file (if any) and the typed names, together.
    pub fn patient(&self, file: Option<&Path>, typed: PatientInput) -> Result<Patient, Error> {
        let mut input = PatientInput::default();
        if let Some(path) = file {
            let (text, _) = read_input(path, crate::io::MAX_PATIENT_BYTES)?;
            if text.trim().is_empty() {
                return Err(Error::PatientFile {
                    path: path.to_owned(),
                    line: 1,
                    column: 1,
                    message: "the file is empty; a patient file holds e.g. (conditions: [\"pregnancy\"], weight_kg: 60)".into(),
                });
            }
            let parsed = parse_patient_file(&text).map_err(|e| Error::PatientFile {
                path: path.to_owned(),
                line: e.line,
                column: e.column,
                message: e.message,
            })?;
            // The file's names alone first, so an unknown one is reported in the file, at its
            // place, not as a flag.
            if let Err(e) = Patient::resolve(self.catalog, &parsed) {
                let at = text
                    .find(&format!("\"{}\"", e.unknown.name))
                    .map_or(0, |i| i + 1);
                let (line, column) = crate::catalog::line_column(&text, at);
                return Err(Error::UnknownInFile {
                    path: path.to_owned(),
                    line,
                    column,
                    field: patient_field(e.field),
                    source: e.unknown,
                });
            }
            input.extend(parsed);
        }
        input.extend(typed);
        self.patient_input(&input)
    }

    /// A patient from names alone.
    pub fn patient_input(&self, input: &PatientInput) -> Result<Patient, Error> {
        if let Some(w) = input.weight_kg
            && crate::dose::Weight::from_kg(w).is_none()
        {
            return Err(Usage::BadWeight {
                field: Field::Weight,
                text: w.to_string(),
            }
            .into());
        }
        Patient::resolve(self.catalog, input).map_err(|e| Error::Unknown {
            field: patient_field(e.field),
            source: e.unknown,
        })
    }

    /// Goals with their weights: `GOAL:WEIGHT` sets one; the others get the default weights by
    /// position (the first weighs most). Duplicates and an empty list are left to the core.
    pub fn goals(&self, typed: &[String]) -> Result<Vec<GoalWeight>, Error> {
        let mut goals = Vec::with_capacity(typed.len());
        let mut explicit = Vec::with_capacity(typed.len());
        for text in typed {
            let (name, weight) = match text.rsplit_once(':') {
                Some((name, w)) => (name, Some(goal_weight(text, w)?)),
                None => (text.as_str(), None),
            };
            goals.push(self.one(Kind::Goal, Field::Goals, name)?);
            explicit.push(weight);
        }
        Ok(default_weights(&goals)
            .into_iter()
            .zip(explicit)
            .map(|(gw, w)| GoalWeight {
                goal: gw.goal,
                weight: w.unwrap_or(gw.weight),
            })
            .collect())
    }

    /// A whole formulation request.
    pub fn formulate(
        &self,
        spec: &FormulateSpec<'_>,
        patient: Patient,
    ) -> Result<FormulateRequest, Error> {
        Ok(FormulateRequest {
            goals: self.goals(spec.goals)?,
            zone: self.maybe(Kind::Zone, Field::Zone, spec.zone)?,
            patient,
            max_components: spec.max_components,
            require: self.actives(Field::Require, spec.require)?,
            exclude: self.actives(Field::Exclude, spec.exclude)?,
            allow_caution: spec.allow_caution,
            alternatives: spec.alternatives,
        })
    }

    /// The cocktail of a `formulate --format json` document (`--from`).
    pub fn formulation_file(&self, path: &Path) -> Result<Vec<usize>, Error> {
        let (text, origin) = read_input(path, crate::io::MAX_FORMULATION_BYTES)?;
        let not_one = |why: String| -> Error {
            Usage::NotAFormulation {
                origin: origin.clone(),
                why,
            }
            .into()
        };
        let value: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| not_one(format!("{}:{}: {e}", e.line(), e.column())))?;
        if value.get("schema").and_then(|s| s.as_str()) != Some("mesomix.formulation/2") {
            return Err(not_one(
                "its `schema` is not `mesomix.formulation/2`".into(),
            ));
        }
        let Some(items) = value
            .pointer("/cocktail/ingredients")
            .and_then(|v| v.as_array())
        else {
            return Err(not_one("it has no cocktail to plan".into()));
        };
        items
            .iter()
            .map(|item| {
                let id = item
                    .get("id")
                    .and_then(|v| v.as_str())
                    .ok_or_else(|| not_one("an ingredient without `id`".into()))?;
                self.one(Kind::Ingredient, Field::From, id)
            })
            .collect()
    }
}

/// The request field a patient name came from.
fn patient_field(field: PatientField) -> Field {
    match field {
        PatientField::Conditions => Field::Conditions,
        PatientField::Medications => Field::Medications,
        PatientField::Allergies => Field::Allergies,
        PatientField::Cleared => Field::Cleared,
    }
}

/// The weight of `GOAL:WEIGHT`: a whole number from 1 to 1000.
fn goal_weight(typed: &str, weight: &str) -> Result<u32, Error> {
    weight
        .trim()
        .parse()
        .ok()
        .filter(|w| (1..=1000).contains(w))
        .ok_or_else(|| {
            Usage::GoalWeight {
                typed: typed.to_owned(),
                weight: weight.to_owned(),
            }
            .into()
        })
}

/// A date (YYYY-MM-DD); an impossible date such as 2026-02-30 is an error.
pub fn date(field: Field, text: &str) -> Result<Date, Error> {
    text.trim().parse::<Date>().map_err(|_| {
        Usage::BadDate {
            field,
            text: text.to_owned(),
        }
        .into()
    })
}

/// A day as a person names it: an ISO date, or `today` / `tomorrow` (`сегодня` / `завтра`),
/// counted from `today`.
pub fn day(field: Field, text: &str, today: Option<Date>) -> Result<Date, Error> {
    let offset = match text.trim().to_lowercase().as_str() {
        "today" | "сегодня" => Some(0),
        "tomorrow" | "завтра" => Some(1),
        _ => None,
    };
    match (offset, today) {
        (Some(days), Some(t)) => t.checked_add(jiff::Span::new().days(days)).map_err(|_| {
            Usage::BadDate {
                field,
                text: text.to_owned(),
            }
            .into()
        }),
        _ => date(field, text),
    }
}

/// Today's date for a plan: `--today` when given, else the environment's (`MESOMIX_TODAY` or
/// the local clock); `None` when neither is known.
pub fn today(flag: Option<&str>, env: Option<&Today>) -> Result<Option<Date>, Error> {
    match (flag, env) {
        (Some(text), _) => date(Field::Today, text).map(Some),
        (None, Some(Today::Pinned(text))) => date(Field::TodayVariable, text).map(Some),
        (None, Some(Today::Clock(d))) => Ok(Some(*d)),
        (None, None) => Ok(None),
    }
}
