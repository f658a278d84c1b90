//! The command line's edge: argv → [`Request`] → core → [`Report`] → bytes → exit code.
//!
//! `run` parses the arguments (clap), loads the catalog, resolves every name and file into a
//! typed [`Request`] (through `resolve`, which batch shares), lets `request::answer` call the
//! core, hands the report to `render::emit` in the one format chosen by `render::emit::choose`,
//! writes the bytes (stdout, or `--output` whole or not at all) and returns the report's exit
//! code. Every error becomes exit 2 with words from `render::errors`.

use std::ffi::OsString;
use std::io::{self, Write};

use crate::catalog::{self, Kind};
use crate::check::CheckRequest;
use crate::cli::{CatalogCommand, Cli, ColorChoice, Command, FormulateArgs, PatientArgs, PlanArgs};
use crate::error::{BatchRefusal, Error, Field, Surface, Usage};
use crate::exit::Exit;
use crate::io::{Target, load_catalog, read_input, write_quietly, write_stdout, write_to};
use crate::patient::PatientInput;
use crate::render::emit::{self, Emitted};
use crate::render::lang::Lang;
use crate::render::table::TableOptions;
use crate::render::{Format, Style};
use crate::request::{ExitPolicy, Listing, PlanCocktail, PlanSpec, Request};
pub use crate::resolve::Today;
use crate::resolve::{self, FormulateSpec, Mix, Resolver};

/// What the process knows about its surroundings, gathered once by `main`.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// `LC_ALL`, else `LC_MESSAGES`, else `LANG`.
    pub locale: Option<String>,
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    /// The terminal's width in columns, when standard output is one.
    pub terminal_width: Option<usize>,
    /// `COLUMNS`, when set to a number.
    pub columns: Option<usize>,
    /// Today's date: `MESOMIX_TODAY` when set (tests and reproducible runs pin the clock with
    /// it), else the local date from the system clock and time zone. `None` leaves "is the
    /// start in the past?" unanswered.
    pub today: Option<Today>,
    /// The process ends once this run is done: the catalog and clap's definitions are left for
    /// the system to reclaim rather than freed piece by piece (the catalog took 1.3 M
    /// instructions, a quarter of a short `check`, when it was deserialised).
    /// False by default, so that a caller that runs many times in one process frees it.
    pub exits_after_run: bool,
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
            terminal_width: terminal_size::terminal_size_of(io::stdout())
                .map(|(terminal_size::Width(w), _)| usize::from(w)),
            columns: var("COLUMNS").and_then(|c| c.trim().parse().ok()),
            today: Some(match var("MESOMIX_TODAY") {
                Some(text) => Today::Pinned(text),
                None => Today::Clock(jiff::Zoned::now().date()),
            }),
            exits_after_run: true,
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
    let cli = match crate::cli::parse(args, env.exits_after_run) {
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
    let fail = |e: &Error, stderr: &mut dyn Write| {
        let text = crate::render::errors::message(e, lang, Surface::CommandLine, stderr_color);
        write_quietly(stderr, text.as_bytes());
        Exit::Error
    };
    if let Command::Catalog(CatalogCommand::Formulate(args)) = &cli.command
        && let Some(input) = &args.batch
    {
        let streamed = batch_defaults(&cli, args, input).and_then(|defaults| {
            let catalog = load_catalog(cli.global.catalog.as_deref())?;
            crate::batch::run(
                &catalog,
                input,
                cli.global.output.as_deref(),
                &defaults,
                stdout,
            )
        });
        return streamed.unwrap_or_else(|e| fail(&e, stderr));
    }
    let written = execute(&cli, env, lang).and_then(|(emitted, exit)| {
        match (emitted, &cli.global.output) {
            (Emitted::Out(text), Some(path)) => {
                write_to(&Target::of(path), stdout, text.as_bytes())?
            }
            (Emitted::Out(text), None) => write_stdout(stdout, text.as_bytes())?,
            (Emitted::Err(text), _) => write_quietly(stderr, text.as_bytes()),
        }
        Ok(exit)
    });
    written.unwrap_or_else(|e| fail(&e, stderr))
}

/// The flags `formulate --batch` applies to every record (a record's own field wins); the
/// ones that cannot apply to JSON Lines answers are refused, not ignored.
fn batch_defaults(
    cli: &Cli,
    args: &FormulateArgs,
    input: &std::path::Path,
) -> Result<crate::batch::Defaults, Error> {
    let refuse = |flag: &'static str, why: BatchRefusal| -> Error {
        Usage::NotWithBatch { flag, why }.into()
    };
    if cli.global.format.is_some_and(|f| f != Format::Json) {
        return Err(refuse("--format", BatchRefusal::JsonLines));
    }
    if cli.global.lang.is_some() {
        return Err(refuse("--lang", BatchRefusal::BothLanguages));
    }
    if args.plan || args.start.is_some() || args.today.is_some() {
        return Err(refuse("--plan", BatchRefusal::PlanEach));
    }
    let stdin = std::path::Path::new("-");
    if input == stdin && cli.global.catalog.as_deref() == Some(stdin) {
        return Err(refuse("--catalog -", BatchRefusal::StdinTaken));
    }
    Ok(crate::batch::Defaults {
        max_components: usize::from(args.max_components),
        allow_caution: args.allow_caution,
        alternatives: usize::from(args.alternatives),
        policy: ExitPolicy {
            strict: args.strict,
            allow_unknown: args.allow_unknown,
        },
    })
}

/// Runs the command: its output and exit code.
fn execute(cli: &Cli, env: &Env, lang: Lang) -> Result<(Emitted, Exit), Error> {
    let plans = matches!(&cli.command, Command::Catalog(CatalogCommand::Formulate(a)) if a.plan);
    let format = emit::choose(cli.command.name(), cli.global.format, plans)?;
    let text = match &cli.command {
        Command::Catalog(command) => return answer(cli, command, env, format, lang),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(
                *shell,
                &mut crate::cli::command_with_every_argument(),
                "mesomix",
                &mut buf,
            );
            String::from_utf8_lossy(&buf).into_owned()
        }
        Command::Man => man_page().map_err(|source| Error::Io {
            path: "<man page>".into(),
            source,
        })?,
        Command::Schema { kind } => emit::schema(*kind),
        Command::Validate { file } => {
            let (text, origin) = match file.as_deref().or(cli.global.catalog.as_deref()) {
                Some(path) => read_input(path, crate::io::MAX_CATALOG_BYTES)?,
                // The embedded catalog is validated from its RON text here, as any file is,
                // rather than read from the form `build.rs` validated.
                None => (
                    catalog::EMBEDDED.to_owned(),
                    catalog::EMBEDDED_ORIGIN.to_owned(),
                ),
            };
            let report = crate::request::validate(&text, &origin);
            let exit = report.exit();
            return Ok((emit::emit(report, format, style(cli, env, lang))?, exit));
        }
    };
    Ok((Emitted::Out(text), Exit::Success))
}

/// The man page: one page for the whole tool, each command a part of it (its usage, formats,
/// examples and exit codes), so it refers to no page that does not exist.
fn man_page() -> Result<String, std::io::Error> {
    let cmd = crate::cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    let mut page = String::from_utf8_lossy(&buf).into_owned();
    page.push_str(".SH COMMANDS\n");
    for mut sub in cmd.get_subcommands().cloned() {
        if sub.get_name() == "help" {
            continue;
        }
        let usage = sub.render_usage().to_string();
        page.push_str(&format!(
            ".TP\n\\fBmesomix {}\\fR\n{}\n.br\n{}\n",
            sub.get_name(),
            roff(&sub.get_about().map(ToString::to_string).unwrap_or_default()),
            roff(&format!("mesomix {}", usage.trim_start_matches("Usage: ")))
        ));
        if let Some(after) = sub.get_after_help() {
            page.push_str(".RS\n.nf\n");
            for line in after.to_string().lines() {
                page.push_str(&roff(line));
                page.push('\n');
            }
            page.push_str(".fi\n.RE\n");
        }
    }
    let mut buf = Vec::new();
    man.render_version_section(&mut buf)?;
    page.push_str(&String::from_utf8_lossy(&buf));
    Ok(page)
}

/// Text as roff reads it literally: backslashes escaped, hyphens as minus signs, and a leading
/// `.` or `'` kept from becoming a request.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// The width output is fitted to when nothing else says: piped output stays readable in `less`.
pub const DEFAULT_WIDTH: usize = 100;

/// How human output looks: language, colour, width.
fn style(cli: &Cli, env: &Env, lang: Lang) -> Style {
    let to_terminal = env.stdout_is_terminal && cli.global.output.is_none();
    let color = match cli.global.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && !env.no_color,
    };
    // --width wins (0: no limit); then the terminal's width, COLUMNS, and 100.
    let width = match cli.global.width {
        Some(0) => None,
        Some(n) => Some(n),
        None => Some(
            env.terminal_width
                .filter(|_| to_terminal)
                .or(env.columns)
                .unwrap_or(DEFAULT_WIDTH),
        ),
    };
    Style {
        lang,
        table: TableOptions { color, width },
    }
}

/// A command over the catalog: load it, resolve, answer, render.
fn answer(
    cli: &Cli,
    command: &CatalogCommand,
    env: &Env,
    format: Format,
    lang: Lang,
) -> Result<(Emitted, Exit), Error> {
    let catalog = load_catalog(cli.global.catalog.as_deref())?;
    let answered = (|| {
        let request = request(command, Resolver::new(&catalog), env)?;
        let report = crate::request::answer(&catalog, request)
            .map_err(|e| crate::render::errors::word(&catalog, e))?;
        let exit = report.exit();
        Ok((emit::emit(report, format, style(cli, env, lang))?, exit))
    })();
    if env.exits_after_run {
        std::mem::forget(catalog);
    }
    answered
}

/// The typed request of a command over the catalog.
fn request(command: &CatalogCommand, names: Resolver<'_>, env: &Env) -> Result<Request, Error> {
    Ok(match command {
        CatalogCommand::Ingredients { class, goal } => Request::List(Listing::Ingredients {
            class: names.maybe(Kind::Class, Field::Class, class.as_deref())?,
            goal: names.maybe(Kind::Goal, Field::Goals, goal.as_deref())?,
        }),
        CatalogCommand::Show { ingredient: name } => {
            Request::List(match names.item(Field::Ingredient, name)? {
                catalog::Item::Ingredient(i) => Listing::Show(i),
                catalog::Item::Product(p) => Listing::ShowProduct(p),
            })
        }
        CatalogCommand::Products => Request::List(Listing::Products),
        CatalogCommand::Classes => Request::List(Listing::Classes),
        CatalogCommand::Goals => Request::List(Listing::Goals),
        CatalogCommand::Zones => Request::List(Listing::Zones),
        CatalogCommand::Conditions => Request::List(Listing::Conditions),
        CatalogCommand::Medications => Request::List(Listing::Medications),
        CatalogCommand::Check {
            ingredients,
            zone,
            patient,
            max_components,
            strict,
            allow_unknown,
        } => {
            let mix = names.mix(ingredients)?;
            Request::Check {
                request: CheckRequest {
                    mix: mix.ingredients,
                    from: mix.from,
                    amounts: mix.amounts,
                    zone: names.maybe(Kind::Zone, Field::Zone, zone.as_deref())?,
                    patient: patient_of(names, patient)?,
                    max_components: usize::from(*max_components),
                },
                policy: ExitPolicy {
                    strict: *strict,
                    allow_unknown: *allow_unknown,
                },
            }
        }
        CatalogCommand::Explain { a, b } => Request::Explain {
            a: names.single_active(Field::A, a)?,
            b: names.single_active(Field::B, b)?,
        },
        CatalogCommand::Formulate(args) => formulate_request(args, names, env)?,
        CatalogCommand::Plan(args) => plan_request(args, names, env)?,
        CatalogCommand::Graph {
            ingredients,
            neighbors,
            show_unknown,
        } => Request::Graph(crate::graph::GraphRequest {
            ingredients: if ingredients.is_empty() {
                Vec::new()
            } else {
                names.mix(ingredients)?.ingredients
            },
            neighbours: *neighbors,
            show_unknown: *show_unknown,
        }),
    })
}

/// The patient of the command line: `--patient FILE` and the flags.
fn patient_of(names: Resolver<'_>, args: &PatientArgs) -> Result<crate::patient::Patient, Error> {
    let weight_kg = args
        .weight
        .as_deref()
        .map(|text| resolve::weight(Field::Weight, text))
        .transpose()?;
    let typed = PatientInput {
        conditions: args.conditions.clone(),
        medications: args.medications.clone(),
        allergies: args.allergies.clone(),
        cleared: args.cleared.clone(),
        weight_kg,
    };
    names.patient(args.patient.as_deref(), typed)
}

/// `formulate` with its flags, and the plan when `--plan` asks for one.
fn formulate_request(
    args: &FormulateArgs,
    names: Resolver<'_>,
    env: &Env,
) -> Result<Request, Error> {
    let spec = FormulateSpec {
        goals: &args.goals,
        zone: args.zone.as_deref(),
        max_components: usize::from(args.max_components),
        require: &args.require,
        exclude: &args.exclude,
        allow_caution: args.allow_caution,
        alternatives: usize::from(args.alternatives),
    };
    let request = names.formulate(&spec, patient_of(names, &args.patient)?)?;
    let plan = match args.start.as_deref().filter(|_| args.plan) {
        Some(start) => {
            let today = resolve::today(args.today.as_deref(), env.today.as_ref())?;
            Some(PlanSpec {
                zone: request.zone.ok_or(Usage::PlanNeedsZone)?,
                start: resolve::day(Field::Start, start, today)?,
                sessions: None,
                today,
            })
        }
        None => None,
    };
    Ok(Request::Formulate {
        request,
        plan,
        policy: ExitPolicy {
            strict: args.strict,
            allow_unknown: args.allow_unknown,
        },
    })
}

/// `plan`: the cocktail given, read from a formulation, or formulated for the goals.
fn plan_request(args: &PlanArgs, names: Resolver<'_>, env: &Env) -> Result<Request, Error> {
    let zone = names.one(Kind::Zone, Field::Zone, &args.zone)?;
    let patient = patient_of(names, &args.patient)?;
    let cocktail = if let Some(path) = &args.from {
        PlanCocktail::Given(Mix {
            ingredients: names.formulation_file(path)?,
            ..Mix::default()
        })
    } else if !args.ingredients.is_empty() {
        PlanCocktail::Given(names.mix(&args.ingredients)?)
    } else if !args.goals.is_empty() {
        let spec = FormulateSpec {
            goals: &args.goals,
            zone: Some(&args.zone),
            max_components: crate::check::DEFAULT_MAX_COMPONENTS,
            require: &[],
            exclude: &[],
            allow_caution: false,
            alternatives: 0,
        };
        PlanCocktail::Formulated(Box::new(names.formulate(&spec, patient.clone())?))
    } else {
        return Err(Usage::PlanNeedsCocktail.into());
    };
    let today = resolve::today(args.today.as_deref(), env.today.as_ref())?;
    Ok(Request::Plan {
        cocktail,
        spec: PlanSpec {
            zone,
            start: resolve::day(Field::Start, &args.start, today)?,
            sessions: args.sessions,
            today,
        },
        patient,
    })
}
