//! The one place where a [`Report`] meets a [`Format`]: which formats each command writes, the
//! default one, and the bytes.

use super::{Format, Style, catalog as views, check as check_view, formulate as formulate_view};
use super::{graph, json, plan as plan_view};
use crate::error::{Error, Usage};
use crate::request::{Listing, Report};

/// Tables, JSON and Markdown: every report for a person that is not a picture or a course.
const DOCUMENTS: &[Format] = &[Format::Table, Format::Json, Format::Markdown];
/// A course can also be a calendar.
const COURSES: &[Format] = &[Format::Table, Format::Json, Format::Markdown, Format::Ics];
/// Pictures of the graph.
const PICTURES: &[Format] = &[Format::Dot, Format::Mermaid, Format::Svg];
/// JSON Schemas are JSON.
const SCHEMAS: &[Format] = &[Format::Json];
/// Completions and the man page have one form of their own.
const OWN: &[Format] = &[];

/// The formats `command` writes, its default first. `formulate` writes a calendar only with
/// `--plan`.
pub fn formats(command: &str) -> &'static [Format] {
    match command {
        "plan" | "formulate" => COURSES,
        "graph" => PICTURES,
        "schema" => SCHEMAS,
        "completions" | "man" => OWN,
        _ => DOCUMENTS,
    }
}

/// Documents whose JSON Schema `mesomix schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// `mesomix check --format json`.
    Check,
    /// `mesomix formulate --format json`.
    Formulation,
    /// `mesomix plan --format json`.
    Plan,
}

/// The format to write for `command`: the one asked for, if the command writes it, else the
/// command's default (completions and the man page have their own form: `table` stands for it).
pub fn choose(command: &'static str, asked: Option<Format>, plans: bool) -> Result<Format, Error> {
    let supported = formats(command);
    let allowed = |f: &Format| f != &Format::Ics || command != "formulate" || plans;
    match asked {
        None => Ok(supported.first().copied().unwrap_or(Format::Table)),
        Some(f) if supported.contains(&f) && allowed(&f) => Ok(f),
        Some(format) => Err(Usage::FormatNotFor {
            format: format.name(),
            command: if command == "formulate" && format == Format::Ics {
                "formulate (without --plan)"
            } else {
                command
            },
            supported: supported.iter().map(|f| f.name()).collect(),
        }
        .into()),
    }
}

/// The JSON Schema of a JSON document (`mesomix schema KIND`).
pub fn schema(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Check => schemars::schema_for!(check_view::CheckJson<'static>),
        SchemaKind::Formulation => {
            schemars::schema_for!(formulate_view::FormulationJson<'static>)
        }
        SchemaKind::Plan => schemars::schema_for!(plan_view::PlanJson<'static>),
    };
    json::to_string(&schema)
}

/// The bytes of a report and where they go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Emitted {
    /// The answer: standard output or `--output`.
    Out(String),
    /// Findings that stop a calendar: standard error, so no `.ics` file gets them.
    Err(String),
}

/// Writes `report` in `format` (one the command supports: see [`choose`]). A catalog that
/// does not validate is data in JSON and an error (with its places) otherwise; a plan refused
/// by its check is the check's report, and on standard error when a calendar was asked for.
pub fn emit(report: Report<'_>, format: Format, style: Style) -> Result<Emitted, Error> {
    let lang = style.lang;
    let human = |doc: super::doc::Doc| super::human(&doc, format, style);
    let json = format == Format::Json;
    // Only Markdown shows a document's pictures.
    let pictures = format == Format::Markdown;
    Ok(Emitted::Out(match report {
        Report::Valid(catalog) if json => views::valid_json(&catalog),
        Report::Valid(catalog) => human(views::valid_doc(&catalog, lang)),
        Report::Invalid(problems) if json => views::invalid_json(&problems),
        Report::Invalid(problems) => return Err(Error::Catalog(problems)),
        Report::List(catalog, listing) => list(catalog, listing, format, style),
        Report::Check {
            catalog,
            report,
            zone,
            patient,
            ..
        } => {
            if json {
                check_view::check_json(catalog, &report, zone, &patient)
            } else {
                human(check_view::check_doc(
                    catalog, &report, zone, &patient, lang, pictures,
                ))
            }
        }
        Report::Explain {
            catalog,
            a,
            b,
            resolution,
        } => {
            if json {
                check_view::explain_json(catalog, a, b, &resolution)
            } else {
                human(check_view::explain_doc(catalog, a, b, &resolution, lang))
            }
        }
        Report::Formulation {
            catalog,
            request,
            formulation,
            plan,
            ..
        } => match format {
            Format::Json => {
                let mut value = formulate_view::formulation_value(catalog, &request, &formulation);
                value.plan = plan
                    .flatten()
                    .as_ref()
                    .map(|p| plan_view::plan_value(catalog, p));
                json::to_string(&value)
            }
            Format::Ics => match plan.flatten() {
                Some(p) => plan_view::plan_ics(catalog, &p, lang),
                None => return Err(Usage::NoCocktailToPlan.into()),
            },
            _ => {
                let mut doc = formulate_view::formulation_doc(
                    catalog,
                    &request,
                    &formulation,
                    lang,
                    pictures,
                );
                if let Some(p) = plan.flatten() {
                    let plan_doc = plan_view::plan_doc(catalog, &p, lang);
                    doc.heading(plan_doc.title.clone());
                    doc.blocks.extend(plan_doc.blocks);
                }
                human(doc)
            }
        },
        Report::Plan(catalog, plan) => match format {
            Format::Json => json::to_string(&plan_view::plan_value(catalog, &plan)),
            Format::Ics => plan_view::plan_ics(catalog, &plan, lang),
            _ => human(plan_view::plan_doc(catalog, &plan, lang)),
        },
        Report::Unplanned {
            catalog,
            report,
            zone,
            patient,
        } => {
            let doc = |lang, pictures| {
                check_view::check_doc(catalog, &report, Some(zone), &patient, lang, pictures)
            };
            match format {
                Format::Json => check_view::check_json(catalog, &report, Some(zone), &patient),
                Format::Ics => {
                    let text = super::human(&doc(lang, false), Format::Table, style);
                    return Ok(Emitted::Err(text));
                }
                _ => human(doc(lang, pictures)),
            }
        }
        Report::Graph(catalog, g) => match format {
            Format::Mermaid => graph::mermaid(catalog, &g, lang),
            Format::Svg => graph::svg(catalog, &g, lang).map_err(Usage::Svg)?,
            _ => graph::dot(catalog, &g, lang),
        },
    }))
}

/// A catalog listing.
fn list(
    catalog: &crate::catalog::Catalog,
    listing: Listing,
    format: Format,
    style: Style,
) -> String {
    let lang = style.lang;
    let human = |doc: super::doc::Doc| super::human(&doc, format, style);
    let json = format == Format::Json;
    match listing {
        Listing::Ingredients { class, goal } => {
            let found = views::filter_ingredients(catalog, class, goal);
            if json {
                views::ingredients_json(catalog, &found)
            } else {
                human(views::ingredients_doc(catalog, &found, goal, lang))
            }
        }
        Listing::ShowProduct(p) if json => views::product_json(catalog, p),
        Listing::ShowProduct(p) => human(views::product_doc(catalog, p, lang)),
        Listing::Products if json => views::products_json(catalog),
        Listing::Products => human(views::products_doc(catalog, lang)),
        Listing::Show(i) if json => views::show_json(catalog, i),
        Listing::Show(i) => human(views::show_doc(catalog, i, lang)),
        Listing::Classes if json => views::classes_json(catalog),
        Listing::Classes => human(views::classes_doc(catalog, lang)),
        Listing::Goals if json => views::goals_json(catalog),
        Listing::Goals => human(views::goals_doc(catalog, lang)),
        Listing::Zones if json => views::zones_json(catalog),
        Listing::Zones => human(views::zones_doc(catalog, lang)),
        Listing::Conditions if json => views::conditions_json(catalog),
        Listing::Conditions => human(views::conditions_doc(catalog, lang)),
        Listing::Medications if json => views::medications_json(catalog),
        Listing::Medications => human(views::medications_doc(catalog, lang)),
    }
}
