//! The words of every error, in both languages, naming the flag (command line) or the field
//! (batch record) through [`Surface`]. Each message is one exhaustive `match` arm with both
//! languages, so a missing translation does not compile.

use super::lang::{Lang, Msg, pair_rating};
use crate::catalog::{Catalog, Kind, UnknownName};
use crate::error::{AmountProblem, BatchRefusal, Error, Field, LimitOwner, Surface, Usage};

/// The message for `error`, one line or more, ending in a newline. Catalog problems are
/// rendered with their places by `render::diagnostics`.
pub fn message(error: &Error, lang: Lang, surface: Surface, color: bool) -> String {
    let label = Msg::Error.get(lang);
    match error {
        Error::Catalog(e) => super::diagnostics::render(e, color),
        Error::Unknown { field, source } => unknown(*field, source, lang, surface),
        Error::UnknownInFile {
            path,
            line,
            column,
            field,
            source,
        } => {
            // The file's place, then the words of an unknown name with the file's key.
            let key = field.key().trim_start_matches("patient.");
            let words = unknown(*field, source, lang, surface);
            let body = words
                .split_once(": ")
                .map_or(words.as_str(), |(_, rest)| rest)
                .replace(&format!("({})", surface.name(*field)), &format!("({key})"));
            format!("{label}: {}:{line}:{column}: {body}", path.display())
        }
        Error::PatientFile { .. } => {
            format!("{label}: {}: {error}\n", Msg::BadPatientFile.get(lang))
        }
        Error::Io { .. } => format!("{label}: {error}\n"),
        Error::Usage(usage) => format!("{label}: {}\n", usage_text(usage, lang, surface)),
        // Worded by `word` at the edge; without the catalog only the fact is left.
        Error::RuledOut { .. } => format!("{label}: {}: {error}\n", surface.name(Field::Require)),
    }
}

/// Puts into words what only the catalog can word (a required ingredient's exclusion
/// reasons); every other error is returned as it is. The edges (app and batch) call it with the
/// catalog the request was resolved against.
pub fn word(catalog: &Catalog, error: Error) -> Error {
    match error {
        Error::RuledOut {
            ingredient,
            reasons,
        } => Error::Usage(Usage::RequiredRuledOut {
            id: catalog.ingredients()[ingredient].id.to_string(),
            reasons: reasons
                .iter()
                .map(|r| super::formulate::exclusion_text(catalog, ingredient, r))
                .collect(),
        }),
        other => other,
    }
}

/// An unknown name, with the closest known ones.
pub fn unknown(field: Field, unknown: &UnknownName, lang: Lang, surface: Surface) -> String {
    let what = match unknown.kind {
        _ if field == Field::Allergies => Msg::UnknownAllergen,
        _ if field == Field::Cleared => Msg::UnknownCleared,
        Kind::Ingredient | Kind::Product => Msg::UnknownIngredient,
        Kind::Class => Msg::UnknownClass,
        Kind::Goal => Msg::UnknownGoal,
        Kind::Zone => Msg::UnknownZone,
        Kind::Condition => Msg::UnknownCondition,
        Kind::Medication => Msg::UnknownMedication,
    };
    let place = surface.name(field);
    let mut text = match surface {
        Surface::CommandLine => format!(
            "{}: {} `{}` ({place})\n",
            Msg::Error.get(lang),
            what.get(lang),
            unknown.name
        ),
        // Batch answers are for programs: one stable English phrase for every kind.
        Surface::Batch => format!("{place}: unknown name `{}`", unknown.name),
    };
    if !unknown.suggestions.is_empty() {
        let hint = unknown.suggestions.join(", ");
        match surface {
            Surface::CommandLine => {
                text.push_str(&format!("  {}: {hint}?\n", Msg::DidYouMean.get(lang)));
            }
            Surface::Batch => text.push_str(&format!("; did you mean {hint}?")),
        }
    }
    text
}

/// A usage problem in words.
pub fn usage_text(usage: &Usage, lang: Lang, surface: Surface) -> String {
    match usage {
        Usage::FormatNotFor { .. }
        | Usage::ListedTwice { .. }
        | Usage::NoGoals
        | Usage::GoalTwice { .. }
        | Usage::GoalWeight { .. }
        | Usage::BadDate { .. }
        | Usage::ExplainSame { .. } => request_text(usage, lang, surface),
        Usage::PlanNeedsCocktail
        | Usage::PlanNeedsZone
        | Usage::NoCocktailToPlan
        | Usage::NotAFormulation { .. }
        | Usage::AtLeastOne { .. }
        | Usage::OutOfRange { .. }
        | Usage::TooManySessions { .. }
        | Usage::PlanOutOfRange => plan_text(usage, lang, surface),
        Usage::SeveralActives { .. }
        | Usage::NotWithBatch { .. }
        | Usage::RequiredRuledOut { .. }
        | Usage::RequiredConflict { .. }
        | Usage::TooManyRequired { .. }
        | Usage::RequiredExcluded { .. }
        | Usage::Svg(_) => formulate_text(usage, lang, surface),
        Usage::BadAmount { .. }
        | Usage::StrengthNeeded { .. }
        | Usage::StrengthUnknown { .. }
        | Usage::StrengthForProduct { .. }
        | Usage::StrengthKind { .. }
        | Usage::AmountMissing { .. }
        | Usage::BadWeight { .. } => amount_text(usage, lang, surface),
    }
}

/// Amounts, strengths and the patient's weight.
fn amount_text(usage: &Usage, lang: Lang, surface: Surface) -> String {
    let en = lang == Lang::En;
    let form = "NAME:VOLUME@STRENGTH, e.g. lidocaine:1ml@2%";
    let form_ru = "НАЗВАНИЕ:ОБЪЁМ@КОНЦЕНТРАЦИЯ, например lidocaine:1ml@2%";
    match usage {
        Usage::BadAmount { item, why } => {
            let (e, r) = match why {
                AmountProblem::NoVolume => ("no volume", "не указан объём"),
                AmountProblem::Volume => (
                    "the volume is not millilitres (write 4ml)",
                    "объём не в миллилитрах (пишите 4ml)",
                ),
                AmountProblem::VolumeRange => (
                    "the volume must be above 0 and at most 1000 ml",
                    "объём должен быть больше 0 и не больше 1000 мл",
                ),
                AmountProblem::Strength => (
                    "the strength is not a number with %, mg/ml, u/ml or iu/ml",
                    "концентрация не является числом с %, mg/ml, u/ml или iu/ml",
                ),
            };
            if en {
                format!("`{item}`: {e}; the form is {form}")
            } else {
                format!("`{item}`: {r}; форма записи: {form_ru}")
            }
        }
        Usage::StrengthNeeded { item, choices } => {
            let list = choices.join(", ");
            if en {
                format!(
                    "`{item}`: it comes in several strengths ({list}); say which, e.g. `{item}@{}`",
                    choices[0]
                )
            } else {
                format!(
                    "`{item}`: выпускается в нескольких концентрациях ({list}); укажите какую, например `{item}@{}`",
                    choices[0]
                )
            }
        }
        Usage::StrengthUnknown { item } => {
            if en {
                format!(
                    "`{item}`: the catalog knows no strength for it; give one, e.g. `{item}@10mg/ml`"
                )
            } else {
                format!(
                    "`{item}`: в каталоге нет его концентрации; укажите её, например `{item}@10mg/ml`"
                )
            }
        }
        Usage::StrengthForProduct { item } => {
            if en {
                format!(
                    "`{item}`: a product's strength comes from the catalog; give only its volume"
                )
            } else {
                format!(
                    "`{item}`: концентрация готового препарата берётся из каталога; укажите только объём"
                )
            }
        }
        Usage::StrengthKind { item, expected } => {
            if en {
                format!(
                    "`{item}`: it is dosed in {expected}; give its strength in {}",
                    if *expected == "mg" {
                        "% or mg/ml"
                    } else {
                        "u/ml or iu/ml"
                    }
                )
            } else {
                format!(
                    "`{item}`: дозируется в {}; укажите концентрацию в {}",
                    if *expected == "mg" { "мг" } else { "ЕД" },
                    if *expected == "mg" {
                        "% или mg/ml"
                    } else {
                        "u/ml или iu/ml"
                    }
                )
            }
        }
        Usage::AmountMissing { item } => {
            if en {
                format!(
                    "`{item}` has no volume while other items have one: give every item a volume, or none"
                )
            } else {
                format!(
                    "у `{item}` нет объёма, а у других он есть: укажите объём для всех или ни для одного"
                )
            }
        }
        Usage::BadWeight { field, text } => {
            let name = surface.name(*field);
            if en {
                format!(
                    "{name} `{text}` is not a body weight: give kilograms above 0 and at most 500, e.g. 60kg"
                )
            } else {
                format!(
                    "{name} `{text}` \u{2014} не масса тела: укажите килограммы больше 0 и не больше 500, например 60kg"
                )
            }
        }
        _ => String::new(),
    }
}

/// Format, names, goals and dates.
fn request_text(usage: &Usage, lang: Lang, surface: Surface) -> String {
    let en = lang == Lang::En;
    let name = |f: Field| surface.name(f);
    match usage {
        Usage::FormatNotFor {
            format,
            command,
            supported,
        } => {
            let list = supported;
            match (en, list.is_empty()) {
                (true, true) => {
                    format!("`{command}` has one output form; --format {format} does not apply")
                }
                (false, true) => {
                    format!("у `{command}` один вид вывода; --format {format} здесь не применяется")
                }
                (true, false) => format!(
                    "`{command}` does not write --format {format}; it writes {}",
                    list.join(", ")
                ),
                (false, false) => format!(
                    "`{command}` не выводит --format {format}; доступно: {}",
                    list.join(", ")
                ),
            }
        }
        Usage::ListedTwice {
            id,
            first,
            second,
            at,
        } => {
            if en {
                format!(
                    "`{id}` is listed twice (as `{first}` and `{second}`, arguments {} and {}); list each ingredient once",
                    at.0, at.1
                )
            } else {
                format!(
                    "`{id}` указан дважды (как `{first}` и `{second}`, аргументы {} и {}); укажите каждый ингредиент один раз",
                    at.0, at.1
                )
            }
        }
        Usage::NoGoals => {
            if en {
                format!("give at least one {}", name(Field::Goals))
            } else {
                format!("укажите хотя бы одну цель ({})", name(Field::Goals))
            }
        }
        Usage::GoalTwice { id } => {
            if en {
                format!("{} `{id}` is given twice", name(Field::Goals))
            } else {
                format!("{} `{id}` указана дважды", name(Field::Goals))
            }
        }
        Usage::GoalWeight { typed, weight } => {
            if en {
                format!(
                    "{} {typed}: the weight `{weight}` must be a whole number from 1 to 1000",
                    name(Field::Goals)
                )
            } else {
                format!(
                    "{} {typed}: вес `{weight}` должен быть целым числом от 1 до 1000",
                    name(Field::Goals)
                )
            }
        }
        Usage::BadDate { field, text } => {
            if en {
                format!(
                    "{} {text}: not a valid date; give it as YYYY-MM-DD (e.g. 2026-12-07){}",
                    name(*field),
                    if *field == Field::Start {
                        ", today or tomorrow"
                    } else {
                        ""
                    }
                )
            } else {
                format!(
                    "{} {text}: неверная дата; укажите её как ГГГГ-ММ-ДД (например 2026-12-07){}",
                    name(*field),
                    if *field == Field::Start {
                        ", today или tomorrow"
                    } else {
                        ""
                    }
                )
            }
        }
        Usage::ExplainSame { id } => {
            if en {
                format!("explain needs two different ingredients; both name `{id}`")
            } else {
                format!("для explain нужны два разных ингредиента; оба названия означают `{id}`")
            }
        }
        // The other variants are worded by the other groups (see `usage_text`).
        _ => String::new(),
    }
}

/// Plans, `--from` and numbers.
fn plan_text(usage: &Usage, lang: Lang, surface: Surface) -> String {
    let en = lang == Lang::En;
    let name = |f: Field| surface.name(f);
    match usage {
        Usage::PlanNeedsCocktail => if en {
            "give --goal, --ingredients or --from: the cocktail's course limits shape the plan"
        } else {
            "укажите --goal, --ingredients или --from: ограничения курса для ингредиентов определяют план"
        }
        .to_owned(),
        Usage::PlanNeedsZone => if en {
            "--plan needs --zone: the zone's course pattern sets the sessions"
        } else {
            "для --plan нужна --zone: схема курса зоны задаёт сеансы"
        }
        .to_owned(),
        Usage::NoCocktailToPlan => if en {
            "no cocktail to plan: run `mesomix formulate` without --format ics to see why"
        } else {
            "нет коктейля для плана: запустите `mesomix formulate` без --format ics, чтобы увидеть причину"
        }
        .to_owned(),
        Usage::NotAFormulation { origin, why } => {
            if en {
                format!("{} {origin}: not a mesomix formulation ({why})", name(Field::From))
            } else {
                format!("{} {origin}: это не состав mesomix ({why})", name(Field::From))
            }
        }
        Usage::AtLeastOne { field } => {
            if en {
                format!("{} must be at least 1", name(*field))
            } else {
                format!("{} должно быть не меньше 1", name(*field))
            }
        }
        Usage::OutOfRange { field, min, max } => {
            if en {
                format!("{} must be from {min} to {max}", name(*field))
            } else {
                format!("{} должно быть от {min} до {max}", name(*field))
            }
        }
        Usage::TooManySessions { asked, by, limit, sources } => {
            let flag = name(Field::Sessions);
            let sources = sources.join(", ");
            let who = match (by, en) {
                (LimitOwner::Zone(z), true) => format!("the course pattern of zone `{z}`"),
                (LimitOwner::Zone(z), false) => format!("схема курса зоны `{z}`"),
                (LimitOwner::Ingredient(i), true) => format!("the course limit of `{i}`"),
                (LimitOwner::Ingredient(i), false) => format!("ограничение курса для `{i}`"),
                (LimitOwner::Request, true) => "the request".to_owned(),
                (LimitOwner::Request, false) => "запрос".to_owned(),
            };
            if en {
                format!("{flag} {asked}: {who} allows at most {limit} sessions ({sources})")
            } else {
                format!("{flag} {asked}: {who} допускает не более {limit} сеансов ({sources})")
            }
        }
        Usage::PlanOutOfRange => if en {
            "the plan runs past the calendar's end"
        } else {
            "план выходит за пределы календаря"
        }
        .to_owned(),
        // The other variants are worded by the other groups (see `usage_text`).
        _ => String::new(),
    }
}

/// Required ingredients and the SVG writer.
fn formulate_text(usage: &Usage, lang: Lang, surface: Surface) -> String {
    let en = lang == Lang::En;
    let name = |f: Field| surface.name(f);
    match usage {
        Usage::RequiredRuledOut { id, reasons } => {
            let reasons: Vec<&str> = reasons.iter().map(|r| lang.text(r)).collect();
            let flag = name(Field::Require);
            if en {
                format!(
                    "{flag} {id}: ruled out for this request: {}",
                    reasons.join("; ")
                )
            } else {
                format!(
                    "{flag} {id}: исключён для этого запроса: {}",
                    reasons.join("; ")
                )
            }
        }
        Usage::RequiredConflict { a, b, rating } => {
            let flag = name(Field::Require);
            let rating = pair_rating(*rating, lang);
            if en {
                format!(
                    "{flag} {a} and {flag} {b} cannot share a syringe: the pair is {rating} (see `mesomix explain {a} {b}`)"
                )
            } else {
                format!(
                    "{flag} {a} и {flag} {b} нельзя набрать в один шприц: пара — {rating} (см. `mesomix explain {a} {b}`)"
                )
            }
        }
        Usage::TooManyRequired { required, max } => {
            let (flag, limit) = (name(Field::Require), name(Field::MaxComponents));
            if en {
                format!("{required} {flag} ingredients do not fit {limit} {max}")
            } else {
                format!("{required} ингредиентов {flag} не помещаются в {limit} {max}")
            }
        }
        Usage::RequiredExcluded { id } => {
            let (require, exclude) = (name(Field::Require), name(Field::Exclude));
            if en {
                format!("`{id}` is both {require} and {exclude}")
            } else {
                format!("`{id}` указан и в {require}, и в {exclude}")
            }
        }
        Usage::NotWithBatch { flag, why } => {
            let why = match (why, en) {
                (BatchRefusal::JsonLines, true) => "answers are JSON Lines",
                (BatchRefusal::JsonLines, false) => "ответы выводятся в формате JSON Lines",
                (BatchRefusal::BothLanguages, true) => "answers carry both languages",
                (BatchRefusal::BothLanguages, false) => "ответы содержат оба языка",
                (BatchRefusal::PlanEach, true) => "plan each cocktail with `plan --from`",
                (BatchRefusal::PlanEach, false) => "планируйте каждый коктейль через `plan --from`",
                (BatchRefusal::StdinTaken, true) => "standard input holds the requests",
                (BatchRefusal::StdinTaken, false) => "стандартный ввод занят запросами",
            };
            if en {
                format!("{flag} does not apply to --batch: {why}")
            } else {
                format!("{flag} не применяется с --batch: {why}")
            }
        }
        Usage::SeveralActives { product, actives } => {
            let list = actives.join(", ");
            if en {
                format!("`{product}` holds several actives ({list}): explain them one at a time")
            } else {
                format!(
                    "`{product}` содержит несколько действующих веществ ({list}): объясняйте их по одному"
                )
            }
        }
        // The SVG writer's own words (English): layout-rs gives no others.
        Usage::Svg(why) => format!("SVG: {why}"),
        // The other variants are worded by the other groups (see `usage_text`).
        _ => String::new(),
    }
}
