//! The edge: parse arguments, read files, run one command, write its output, pick the exit
//! code. Everything that touches the terminal or the file system is here.

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser};

use crate::catalog::{self, Catalog, CatalogError, Kind, UnknownName};
use crate::check::{self as checker, CheckRequest, Verdict};
use crate::cli::{Cli, ColorChoice, Command, PatientArgs, SchemaKind};
use crate::error::Error;
use crate::exit::Exit;
use crate::formulate::{self, FormulateError, FormulateRequest, GoalWeight};
use crate::patient::{Patient, PatientInput, parse_patient_file};
use crate::render::lang::{Lang, Msg};
use crate::render::table::TableOptions;
use crate::render::{
    self, Format, Style, catalog as views, check as check_view, formulate as formulate_view,
    plan as plan_view,
};

/// What the process knows about its surroundings, gathered once by `main`.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// `LC_ALL`, else `LC_MESSAGES`, else `LANG`.
    pub locale: Option<String>,
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    /// Today's date as text: `MESOMIX_TODAY` when set (tests and reproducible runs pin the clock
    /// with it), else the local date from the system clock and time zone. `None` leaves "is the
    /// start in the past?" unanswered.
    pub today: Option<Today>,
}

/// Where today's date came from, so a bad `MESOMIX_TODAY` is reported by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Today {
    /// `MESOMIX_TODAY`, as given (checked when a command needs the date).
    Pinned(String),
    /// The system clock in the local time zone.
    Clock(jiff::civil::Date),
}

impl Env {
    /// Reads the environment of this process.
    pub fn from_process() -> Env {
        use std::io::IsTerminal;
        let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
        Env {
            locale: var("LC_ALL")
                .or_else(|| var("LC_MESSAGES"))
                .or_else(|| var("LANG")),
            no_color: var("NO_COLOR").is_some(),
            stdout_is_terminal: io::stdout().is_terminal(),
            stderr_is_terminal: io::stderr().is_terminal(),
            today: Some(match var("MESOMIX_TODAY") {
                Some(text) => Today::Pinned(text),
                None => Today::Clock(jiff::Zoned::now().date()),
            }),
        }
    }
}

/// Runs mesomix with `args` (program name first) and returns the exit code.
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    env: &Env,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Exit {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let quiet = matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
            let text = e.render().to_string();
            return if quiet {
                write_quietly(stdout, text.as_bytes());
                Exit::Success
            } else {
                write_quietly(stderr, text.as_bytes());
                Exit::Error
            };
        }
    };
    let lang = cli
        .global
        .lang
        .unwrap_or_else(|| Lang::from_locale(env.locale.as_deref()));
    let stderr_color = match cli.global.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => env.stderr_is_terminal && !env.no_color,
    };
    if let Command::Formulate(args) = &cli.command
        && let Some(input) = &args.batch
    {
        let streamed = load_catalog(cli.global.catalog.as_deref()).and_then(|catalog| {
            crate::batch::run(&catalog, input, cli.global.output.as_deref(), stdout)
        });
        return match streamed {
            Ok(exit) => exit,
            Err(e) => report(&e, lang, stderr_color, stderr),
        };
    }
    match execute(&cli, env, lang) {
        Ok((text, exit)) => match &cli.global.output {
            Some(path) => match write_atomically(path, text.as_bytes()) {
                Ok(()) => exit,
                Err(e) => report(&e, lang, stderr_color, stderr),
            },
            None => {
                write_quietly(stdout, text.as_bytes());
                exit
            }
        },
        Err(e) => report(&e, lang, stderr_color, stderr),
    }
}

/// Writes to a stream; a closed pipe (`mesomix ... | head -1`) is not an error worth a word.
fn write_quietly(out: &mut dyn Write, bytes: &[u8]) {
    let _ = out.write_all(bytes).and_then(|()| out.flush());
}

fn report(error: &Error, lang: Lang, color: bool, stderr: &mut dyn Write) -> Exit {
    let text = match error {
        Error::Catalog(e) => render::diagnostics::render(e, color),
        Error::Unknown { flag, source } => unknown_message(flag, source, lang),
        Error::PatientFile { .. } => format!(
            "{}: {}: {error}\n",
            Msg::Error.get(lang),
            Msg::BadPatientFile.get(lang)
        ),
        Error::Io { .. } | Error::Usage(_) => format!("{}: {error}\n", Msg::Error.get(lang)),
    };
    write_quietly(stderr, text.as_bytes());
    Exit::Error
}

fn unknown_message(flag: &str, unknown: &UnknownName, lang: Lang) -> String {
    let what = match unknown.kind {
        _ if flag == "--allergy" => Msg::UnknownAllergen,
        Kind::Ingredient => Msg::UnknownIngredient,
        Kind::Class => Msg::UnknownClass,
        Kind::Goal => Msg::UnknownGoal,
        Kind::Zone => Msg::UnknownZone,
        Kind::Condition => Msg::UnknownCondition,
        Kind::Medication => Msg::UnknownMedication,
    };
    let mut text = format!(
        "{}: {} `{}` ({flag})\n",
        Msg::Error.get(lang),
        what.get(lang),
        unknown.name
    );
    if !unknown.suggestions.is_empty() {
        text.push_str(&format!(
            "  {}: {}?\n",
            Msg::DidYouMean.get(lang),
            unknown.suggestions.join(", ")
        ));
    }
    text
}

/// Runs the command and returns its output and exit code.
fn execute(cli: &Cli, env: &Env, lang: Lang) -> Result<(String, Exit), Error> {
    let format = cli.global.format;
    let color = match cli.global.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => env.stdout_is_terminal && !env.no_color && cli.global.output.is_none(),
    };
    let wrap = env.stdout_is_terminal && cli.global.output.is_none();
    let style = Style {
        lang,
        table: TableOptions { color, wrap },
    };
    let human = |doc: render::doc::Doc| render::human(&doc, format, style);

    let plans = match &cli.command {
        Command::Plan(_) => true,
        Command::Formulate(args) => args.plan,
        _ => false,
    };
    if format == Format::Ics && !plans {
        return Err(Error::Usage(
            "--format ics is for `plan` and `formulate --plan` only".into(),
        ));
    }
    let draws = matches!(cli.command, Command::Graph { .. });
    if matches!(format, Format::Dot | Format::Mermaid | Format::Svg) && !draws {
        return Err(Error::Usage(
            "--format dot, mermaid and svg are for `graph` only".into(),
        ));
    }
    let load = || load_catalog(cli.global.catalog.as_deref());
    let find = |catalog: &Catalog, kind: Kind, flag: &str, name: &str| {
        catalog.find(kind, name).map_err(|source| Error::Unknown {
            flag: flag.to_owned(),
            source,
        })
    };
    let text = match &cli.command {
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "mesomix", &mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        }
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut buf)
                .map_err(|source| Error::Io {
                    path: PathBuf::from("<man page>"),
                    source,
                })?;
            String::from_utf8_lossy(&buf).into_owned()
        }
        Command::Validate { file } => {
            // The embedded catalog is validated from its RON text here, as any file is, rather
            // than read from the form `build.rs` validated.
            let loaded = match (file.as_deref(), cli.global.catalog.as_deref()) {
                (Some(path), _) | (None, Some(path)) => load_file(path),
                (None, None) => {
                    catalog::load(catalog::EMBEDDED, catalog::EMBEDDED_ORIGIN).map_err(Error::from)
                }
            };
            match loaded {
                Ok(catalog) => match format {
                    Format::Json => views::valid_json(&catalog),
                    _ => human(views::valid_doc(&catalog, lang)),
                },
                // JSON callers get the problems as data on stdout, and still exit 2.
                Err(Error::Catalog(e)) if format == Format::Json => {
                    return Ok((views::invalid_json(&e), Exit::Error));
                }
                Err(e) => return Err(e),
            }
        }
        Command::Check {
            ingredients,
            zone,
            patient,
            max_components,
            strict,
            allow_unknown,
        } => {
            let catalog = load()?;
            let mix = resolve_mix(&catalog, ingredients)?;
            let zone = zone
                .as_deref()
                .map(|z| find(&catalog, Kind::Zone, "--zone", z))
                .transpose()?;
            let patient = resolve_patient(&catalog, patient)?;
            let request = CheckRequest {
                mix,
                zone,
                patient,
                max_components: usize::from(*max_components),
            };
            let report =
                checker::check(&catalog, &request).map_err(|e| Error::Usage(e.to_string()))?;
            let text = match format {
                Format::Json => check_view::check_json(&catalog, &report, zone, &request.patient),
                _ => human(check_view::check_doc(
                    &catalog,
                    &report,
                    zone,
                    &request.patient,
                    lang,
                )),
            };
            return Ok((text, verdict_exit(report.verdict, *strict, *allow_unknown)));
        }
        Command::Formulate(args) => {
            let catalog = load()?;
            let patient = resolve_patient(&catalog, &args.patient)?;
            let spec = RequestSpec {
                goals: &args.goals,
                zone: args.zone.as_deref(),
                max_components: usize::from(args.max_components),
                require: &args.require,
                exclude: &args.exclude,
                allow_caution: args.allow_caution,
                alternatives: usize::from(args.alternatives),
            };
            let request = build_request(&catalog, &spec, patient)?;
            let formulation = formulate::formulate(&catalog, &request)
                .map_err(|e| formulate_error(&catalog, &request, &e))?;
            let course = match args.start.as_ref().filter(|_| args.plan) {
                Some(start) => {
                    let zone = request.zone.ok_or_else(|| {
                        Error::Usage(
                            "--plan needs --zone: the zone's course pattern sets the sessions"
                                .into(),
                        )
                    })?;
                    match &formulation.cocktail {
                        Some(c) => Some(make_plan(
                            &catalog,
                            zone,
                            c.ingredients.clone(),
                            start,
                            None,
                            plan_today(args.today.as_deref(), env)?,
                        )?),
                        None => None,
                    }
                }
                None => None,
            };
            let text = match format {
                Format::Json => {
                    let mut value =
                        formulate_view::formulation_value(&catalog, &request, &formulation);
                    value.plan = course.as_ref().map(|p| plan_view::plan_value(&catalog, p));
                    render::json::to_string(&value)
                }
                Format::Ics => match &course {
                    Some(p) => plan_view::plan_ics(&catalog, p, lang),
                    None => {
                        return Err(Error::Usage(
                            "no cocktail to plan: run `mesomix formulate` without --format ics to see why".into(),
                        ));
                    }
                },
                _ => {
                    let mut doc =
                        formulate_view::formulation_doc(&catalog, &request, &formulation, lang);
                    if let Some(p) = &course {
                        let plan_doc = plan_view::plan_doc(&catalog, p, lang);
                        doc.heading(plan_doc.title.clone());
                        doc.blocks.extend(plan_doc.blocks);
                    }
                    human(doc)
                }
            };
            return Ok((
                text,
                verdict_exit(formulation.verdict, args.strict, args.allow_unknown),
            ));
        }
        Command::Graph {
            ingredients,
            neighbors,
            show_unknown,
        } => {
            let catalog = load()?;
            let ingredients = if ingredients.is_empty() {
                Vec::new()
            } else {
                resolve_mix(&catalog, ingredients)?
            };
            let request = crate::graph::GraphRequest {
                ingredients,
                neighbours: *neighbors,
                show_unknown: *show_unknown,
            };
            let g = crate::graph::build(&catalog, &request);
            match format {
                Format::Mermaid => render::graph::mermaid(&catalog, &g, lang),
                Format::Svg => render::graph::svg(&catalog, &g, lang).map_err(Error::Usage)?,
                Format::Dot | Format::Table => render::graph::dot(&catalog, &g, lang),
                _ => {
                    return Err(Error::Usage(
                        "`graph` draws --format dot (the default), mermaid or svg".into(),
                    ));
                }
            }
        }
        Command::Plan(args) => {
            let catalog = load()?;
            let zone = find(&catalog, Kind::Zone, "--zone", &args.zone)?;
            let ingredients = if let Some(path) = &args.from {
                ingredients_from_formulation(&catalog, path)?
            } else if !args.ingredients.is_empty() {
                resolve_mix(&catalog, &args.ingredients)?
            } else if !args.goals.is_empty() {
                // No cocktail given: formulate one for the goals in this zone.
                let spec = RequestSpec {
                    goals: &args.goals,
                    zone: Some(&args.zone),
                    max_components: crate::check::DEFAULT_MAX_COMPONENTS,
                    require: &[],
                    exclude: &[],
                    allow_caution: false,
                    alternatives: 0,
                };
                let request = build_request(&catalog, &spec, Patient::default())?;
                let f = formulate::formulate(&catalog, &request)
                    .map_err(|e| formulate_error(&catalog, &request, &e))?;
                f.cocktail.map(|c| c.ingredients).unwrap_or_default()
            } else {
                return Err(Error::Usage("give --goal, --ingredients or --from: the cocktail's course limits shape the plan".into()));
            };
            let plan = make_plan(
                &catalog,
                zone,
                ingredients,
                &args.start,
                args.sessions,
                plan_today(args.today.as_deref(), env)?,
            )?;
            match format {
                Format::Json => render::json::to_string(&plan_view::plan_value(&catalog, &plan)),
                Format::Ics => plan_view::plan_ics(&catalog, &plan, lang),
                _ => human(plan_view::plan_doc(&catalog, &plan, lang)),
            }
        }
        Command::Explain { a, b } => {
            let catalog = load()?;
            let ia = find(&catalog, Kind::Ingredient, "A", a)?;
            let ib = find(&catalog, Kind::Ingredient, "B", b)?;
            if ia == ib {
                return Err(Error::Usage(format!(
                    "explain needs two different ingredients; both name `{}`",
                    catalog.ingredients()[ia].id
                )));
            }
            let r = crate::compat::resolve(&catalog, ia, ib);
            match format {
                Format::Json => check_view::explain_json(&catalog, ia, ib, &r),
                _ => human(check_view::explain_doc(&catalog, ia, ib, &r, lang)),
            }
        }
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Check => schemars::schema_for!(check_view::CheckJson<'static>),
                SchemaKind::Formulation => {
                    schemars::schema_for!(formulate_view::FormulationJson<'static>)
                }
                SchemaKind::Plan => schemars::schema_for!(plan_view::PlanJson<'static>),
            };
            render::json::to_string(&schema)
        }
        Command::Ingredients { class, goal } => {
            let catalog = load()?;
            let class = class
                .as_deref()
                .map(|c| find(&catalog, Kind::Class, "--class", c))
                .transpose()?;
            let goal = goal
                .as_deref()
                .map(|g| find(&catalog, Kind::Goal, "--goal", g))
                .transpose()?;
            let list = views::filter_ingredients(&catalog, class, goal);
            match format {
                Format::Json => views::ingredients_json(&catalog, &list),
                _ => human(views::ingredients_doc(&catalog, &list, goal, lang)),
            }
        }
        Command::Show { ingredient } => {
            let catalog = load()?;
            let i = find(&catalog, Kind::Ingredient, "INGREDIENT", ingredient)?;
            match format {
                Format::Json => views::show_json(&catalog, i),
                _ => human(views::show_doc(&catalog, i, lang)),
            }
        }
        Command::Classes => {
            let catalog = load()?;
            match format {
                Format::Json => views::classes_json(&catalog),
                _ => human(views::classes_doc(&catalog, lang)),
            }
        }
        Command::Goals => {
            let catalog = load()?;
            match format {
                Format::Json => views::goals_json(&catalog),
                _ => human(views::goals_doc(&catalog, lang)),
            }
        }
        Command::Zones => {
            let catalog = load()?;
            match format {
                Format::Json => views::zones_json(&catalog),
                _ => human(views::zones_doc(&catalog, lang)),
            }
        }
        Command::Conditions => {
            let catalog = load()?;
            match format {
                Format::Json => views::conditions_json(&catalog),
                _ => human(views::conditions_doc(&catalog, lang)),
            }
        }
        Command::Medications => {
            let catalog = load()?;
            match format {
                Format::Json => views::medications_json(&catalog),
                _ => human(views::medications_doc(&catalog, lang)),
            }
        }
    };
    Ok((text, Exit::Success))
}

/// The exit code a verdict maps to (DESIGN §4).
pub fn verdict_exit(verdict: Verdict, strict: bool, allow_unknown: bool) -> Exit {
    match verdict {
        Verdict::Compatible => Exit::Success,
        Verdict::Caution if strict => Exit::Finding,
        Verdict::Caution => Exit::Success,
        Verdict::Unknown if allow_unknown => Exit::Success,
        Verdict::Unknown | Verdict::Incompatible | Verdict::Postpone | Verdict::Refused => {
            Exit::Finding
        }
    }
}

/// Resolves the mix's names; an unknown name or the same ingredient twice is an error.
fn resolve_mix(catalog: &Catalog, names: &[String]) -> Result<Vec<usize>, Error> {
    let mut mix: Vec<usize> = Vec::with_capacity(names.len());
    for (n, name) in names.iter().enumerate() {
        let i = catalog
            .find(Kind::Ingredient, name)
            .map_err(|source| Error::Unknown {
                flag: "INGREDIENT".into(),
                source,
            })?;
        if let Some(first) = mix.iter().position(|&x| x == i) {
            return Err(Error::Usage(format!(
                "`{}` is listed twice (as `{}` and `{name}`, arguments {} and {}); list each ingredient once",
                catalog.ingredients()[i].id,
                names[first],
                first + 1,
                n + 1
            )));
        }
        mix.push(i);
    }
    Ok(mix)
}

/// A formulation request as typed (flags or one batch line).
#[derive(Debug)]
pub struct RequestSpec<'a> {
    pub goals: &'a [String],
    pub zone: Option<&'a str>,
    pub max_components: usize,
    pub require: &'a [String],
    pub exclude: &'a [String],
    pub allow_caution: bool,
    pub alternatives: usize,
}

/// Resolves a typed request against the catalog. `GOAL:WEIGHT` sets a weight; goals without
/// one get the default weights by position (the first weighs most).
pub fn build_request(
    catalog: &Catalog,
    spec: &RequestSpec<'_>,
    patient: Patient,
) -> Result<FormulateRequest, Error> {
    if spec.goals.is_empty() {
        return Err(Error::Usage("give at least one --goal".into()));
    }
    let mut goals = Vec::new();
    let mut explicit = Vec::new();
    for typed in spec.goals {
        let (name, weight) = match typed.rsplit_once(':') {
            Some((name, w)) => {
                let weight: u32 = w
                    .trim()
                    .parse()
                    .ok()
                    .filter(|&w| (1..=1000).contains(&w))
                    .ok_or_else(|| {
                        Error::Usage(format!(
                            "--goal {typed}: the weight `{w}` must be a whole number from 1 to 1000"
                        ))
                    })?;
                (name, Some(weight))
            }
            None => (typed.as_str(), None),
        };
        let g = catalog
            .find(Kind::Goal, name)
            .map_err(|source| Error::Unknown {
                flag: "--goal".into(),
                source,
            })?;
        if goals.contains(&g) {
            return Err(Error::Usage(format!(
                "--goal `{}` is given twice",
                catalog.goals()[g].id
            )));
        }
        goals.push(g);
        explicit.push(weight);
    }
    let defaults = formulate::default_weights(&goals);
    let goals = defaults
        .into_iter()
        .zip(explicit)
        .map(|(gw, w)| GoalWeight {
            goal: gw.goal,
            weight: w.unwrap_or(gw.weight),
        })
        .collect();
    let zone = spec
        .zone
        .map(|z| {
            catalog
                .find(Kind::Zone, z)
                .map_err(|source| Error::Unknown {
                    flag: "--zone".into(),
                    source,
                })
        })
        .transpose()?;
    let names = |flag: &str, list: &[String]| -> Result<Vec<usize>, Error> {
        list.iter()
            .map(|n| {
                catalog
                    .find(Kind::Ingredient, n)
                    .map_err(|source| Error::Unknown {
                        flag: flag.into(),
                        source,
                    })
            })
            .collect()
    };
    Ok(FormulateRequest {
        goals,
        zone,
        patient,
        max_components: spec.max_components,
        require: names("--require", spec.require)?,
        exclude: names("--exclude", spec.exclude)?,
        allow_caution: spec.allow_caution,
        alternatives: spec.alternatives,
    })
}

/// A formulation request that cannot be answered, as a message naming what is wrong.
pub fn formulate_error(catalog: &Catalog, request: &FormulateRequest, e: &FormulateError) -> Error {
    let id = |i: usize| catalog.ingredients()[i].id.as_str();
    Error::Usage(match *e {
        FormulateError::NoGoals => "give at least one --goal".into(),
        FormulateError::NoRoom => "--max-components must be at least 1".into(),
        FormulateError::DuplicateGoal { goal } => {
            format!("--goal `{}` is given twice", catalog.goals()[goal].id)
        }
        FormulateError::RequiredRuledOut { ingredient } => {
            let reasons: Vec<String> = formulate::exclusion_reasons(catalog, ingredient, request)
                .iter()
                .map(|r| {
                    Lang::En
                        .text(&formulate_view::exclusion_text(catalog, ingredient, r))
                        .to_owned()
                })
                .collect();
            format!(
                "--require {}: ruled out for this request: {}",
                id(ingredient),
                reasons.join("; ")
            )
        }
        FormulateError::RequiredConflict { a, b, rating } => {
            format!(
                "--require {} and --require {} cannot share a syringe: the pair is {} (see `mesomix explain {} {}`)",
                id(a),
                id(b),
                crate::render::lang::pair_rating(rating, Lang::En),
                id(a),
                id(b)
            )
        }
        FormulateError::TooManyRequired { required, max } => {
            format!("{required} --require ingredients do not fit --max-components {max}")
        }
        FormulateError::RequiredExcluded { ingredient } => {
            format!("`{}` is both --require'd and --exclude'd", id(ingredient))
        }
    })
}

/// Parses a date flag (YYYY-MM-DD); an impossible date such as 2026-02-30 is an error.
fn parse_date(flag: &str, text: &str) -> Result<jiff::civil::Date, Error> {
    text.trim()
        .parse::<jiff::civil::Date>()
        .map_err(|e| Error::Usage(format!("{flag} {text}: not a valid date (YYYY-MM-DD): {e}")))
}

/// Today's date for a plan: `--today` when given, else the environment's (`MESOMIX_TODAY` or the
/// local clock).
fn plan_today(flag: Option<&str>, env: &Env) -> Result<Option<jiff::civil::Date>, Error> {
    match (flag, &env.today) {
        (Some(text), _) => parse_date("--today", text).map(Some),
        (None, Some(Today::Pinned(text))) => parse_date("MESOMIX_TODAY", text).map(Some),
        (None, Some(Today::Clock(date))) => Ok(Some(*date)),
        (None, None) => Ok(None),
    }
}

/// Plans a course for a cocktail.
fn make_plan(
    catalog: &Catalog,
    zone: usize,
    ingredients: Vec<usize>,
    start: &str,
    sessions: Option<u32>,
    today: Option<jiff::civil::Date>,
) -> Result<crate::plan::Plan, Error> {
    let start = parse_date("--start", start)?;
    let request = crate::plan::PlanRequest {
        zone,
        ingredients,
        start,
        sessions,
        today,
    };
    crate::plan::plan(catalog, &request).map_err(|e| match e {
        crate::plan::PlanError::TooManySessions { asked, limit } => {
            let who = match limit.set_by {
                crate::plan::RuleSource::Zone { zone } => {
                    format!("the course pattern of zone `{}`", catalog.zones()[zone].id)
                }
                crate::plan::RuleSource::Ingredient { ingredient } => {
                    format!(
                        "the course limit of `{}`",
                        catalog.ingredients()[ingredient].id
                    )
                }
                crate::plan::RuleSource::Requested => "the request".into(),
            };
            Error::Usage(format!(
                "--sessions {asked}: {who} allows at most {} sessions ({})",
                limit.value,
                limit.sources.join(", ")
            ))
        }
        crate::plan::PlanError::NoSessions => {
            Error::Usage("--sessions: --sessions must be at least 1".into())
        }
        other => Error::Usage(format!("--sessions: {other}")),
    })
}

/// The cocktail of a `formulate --format json` document.
fn ingredients_from_formulation(catalog: &Catalog, path: &Path) -> Result<Vec<usize>, Error> {
    let (text, origin) = read_input(path)?;
    let not_one = |why: String| {
        Error::Usage(format!(
            "--from {origin}: not a mesomix formulation ({why})"
        ))
    };
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| not_one(format!("{}:{}: {e}", e.line(), e.column())))?;
    if value.get("schema").and_then(|s| s.as_str()) != Some("mesomix.formulation/1") {
        return Err(not_one(
            "its `schema` is not `mesomix.formulation/1`".into(),
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
            catalog
                .find(Kind::Ingredient, id)
                .map_err(|source| Error::Unknown {
                    flag: "--from".into(),
                    source,
                })
        })
        .collect()
}

/// The patient from `--patient FILE` and the flags, resolved against the catalog.
fn resolve_patient(catalog: &Catalog, args: &PatientArgs) -> Result<Patient, Error> {
    let mut input = PatientInput::default();
    if let Some(path) = &args.patient {
        let (text, _) = read_input(path)?;
        let parsed = parse_patient_file(&text).map_err(|e| Error::PatientFile {
            path: path.clone(),
            line: e.line,
            column: e.column,
            message: e.message,
        })?;
        input.extend(parsed);
    }
    input.extend(PatientInput {
        conditions: args.conditions.clone(),
        medications: args.medications.clone(),
        allergies: args.allergies.clone(),
    });
    Patient::resolve(catalog, &input).map_err(|e| Error::Unknown {
        flag: match e.field {
            crate::patient::PatientField::Conditions => "--condition",
            crate::patient::PatientField::Medications => "--medication",
            crate::patient::PatientField::Allergies => "--allergy",
        }
        .to_owned(),
        source: e.unknown,
    })
}

/// The catalog in use: `--catalog FILE` (or `MESOMIX_CATALOG`), else the embedded one.
fn load_catalog(path: Option<&Path>) -> Result<Catalog, Error> {
    match path {
        Some(path) => load_file(path),
        None => Ok(catalog::embedded()?),
    }
}

fn load_file(path: &Path) -> Result<Catalog, Error> {
    let (text, origin) = read_input(path)?;
    catalog::load(&text, &origin).map_err(|e: CatalogError| e.into())
}

/// Reads a file argument; `-` is standard input. Returns the text and the name to show.
pub fn read_input(path: &Path) -> Result<(String, String), Error> {
    let io_error = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map_err(io_error)?;
        buf
    } else {
        std::fs::read(path).map_err(io_error)?
    };
    let origin = if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]);
        let (line, column) = catalog::line_column(&valid, valid.len());
        io_error(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not UTF-8 text: invalid byte at line {line}, column {column} (byte offset {offset})"),
        ))
    })?;
    // A byte-order mark is not part of the text.
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    Ok((text, origin))
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so the
/// file is either the whole new output or untouched.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let io_error = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io_error)?;
    tmp.write_all(bytes).map_err(io_error)?;
    tmp.as_file().sync_all().map_err(io_error)?;
    tmp.persist(path).map_err(|e| io_error(e.error))?;
    Ok(())
}
