//! The command line: clap definitions only.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::render::Format;
use crate::render::lang::Lang;

/// Compose and check mesotherapy cocktails against a sourced compatibility catalog.
///
/// mesomix reports what its catalog's sources say. It supports a qualified practitioner's
/// judgement; it does not replace it.
#[derive(Debug, Parser)]
#[command(name = "mesomix", version, about, long_about)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Catalog file to use instead of the embedded one (`-` reads standard input).
    #[arg(long, global = true, env = "MESOMIX_CATALOG", value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// Output format: each command's help lists the ones it writes, its default first.
    #[arg(long, global = true, value_enum, hide_possible_values = true)]
    pub format: Option<Format>,
    /// Output language [default: from LC_ALL, LC_MESSAGES or LANG, else en].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// When to colour the output (NO_COLOR is honoured by `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Write the output to FILE instead of standard output (`-`: standard output). A regular
    /// file is replaced whole or not at all and keeps its permissions; a symlink is followed
    /// (the file it points to is replaced); another hard link to the old file keeps the old
    /// contents; a device or FIFO (`/dev/null`, `/dev/stdout`) is written directly.
    #[arg(long, short = 'o', global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Fit tables and text to N columns (0: no limit) [default: the terminal's width, else
    /// COLUMNS, else 100]. Below 100 columns a table that does not fit becomes one block per row.
    #[arg(long, global = true, value_name = "N")]
    pub width: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Every command. Those that answer from the catalog are one group ([`CatalogCommand`]); the
/// others need no catalog loaded.
///
/// Each command's arguments are added only when clap builds that command (`defer`): a run builds
/// the one it runs, not all of them (help, completions and the man page build every one).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
#[allow(
    clippy::large_enum_variant,
    reason = "one value per run; boxing would only add noise"
)]
pub enum Command {
    #[command(flatten)]
    Catalog(CatalogCommand),
    /// Print the JSON Schema of a command's JSON output.
    Schema {
        #[arg(value_enum)]
        kind: SchemaKind,
    },
    /// Validate a catalog file and list every problem (default: the catalog in use).
    Validate {
        /// Catalog file (`-` reads standard input).
        file: Option<PathBuf>,
    },
    /// Print shell completions.
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff).
    Man,
}

/// The commands that answer from the loaded catalog (their arguments deferred as [`Command`]'s).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum CatalogCommand {
    /// List the catalog's ingredients.
    Ingredients {
        /// Only ingredients of this class.
        #[arg(long, value_name = "CLASS")]
        class: Option<String>,
        /// Only ingredients that serve this goal.
        #[arg(long, value_name = "GOAL")]
        goal: Option<String>,
    },
    /// One ingredient or product in full: actions, goals, pH, limits, contraindications, pairs, sources.
    Show {
        /// Ingredient or product: id, alias or name (any case, English or Russian).
        ingredient: String,
    },
    /// Branded products: actives with strengths, what is inside, registration, the maker's
    /// word on mixing.
    Products,
    /// Ingredient classes and the class-by-class compatibility matrix.
    Classes,
    /// The goals a cocktail can serve.
    Goals,
    /// Treatment zones with depth and course pattern.
    Zones,
    /// Patient conditions and what each rules out.
    Conditions,
    /// Medication classes and the ingredients they interact with.
    Medications,
    /// Verdict for one syringe: every pair, the patient, and the smallest fix.
    Check {
        /// Ingredients to draw into one syringe (id, alias or name).
        #[arg(required = true, value_name = "INGREDIENT")]
        ingredients: Vec<String>,
        /// Treatment zone; ingredients not allowed there are flagged.
        #[arg(long, value_name = "ZONE")]
        zone: Option<String>,
        #[command(flatten)]
        patient: PatientArgs,
        /// Flag mixes with more components than this (a setting, not a sourced limit).
        #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=100))]
        max_components: u16,
        /// Exit 1 on a `caution` verdict too.
        #[arg(long, conflicts_with = "allow_unknown")]
        strict: bool,
        /// Exit 0 on an `unknown` verdict (the verdict itself stays `unknown`).
        #[arg(long)]
        allow_unknown: bool,
    },
    /// The best cocktail the catalog supports for a patient's goals, with reasons.
    Formulate(FormulateArgs),
    /// A dated course: sessions, aftercare windows, maintenance and the next course.
    Plan(PlanArgs),
    /// The compatibility graph as a picture: DOT, Mermaid or SVG (`--format`).
    Graph {
        /// Ingredients to draw with every pair between them (none: the class graph).
        #[arg(value_name = "INGREDIENT")]
        ingredients: Vec<String>,
        /// Also draw every catalog ingredient with an edge to one of them.
        #[arg(long)]
        neighbors: bool,
        /// Also draw pairs with no data (grey, dotted).
        #[arg(long)]
        show_unknown: bool,
    },
    /// How a pair's rating was reached, step by step, with sources.
    Explain {
        /// First ingredient.
        a: String,
        /// Second ingredient.
        b: String,
    },
}

impl Command {
    /// The command's name as typed.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Catalog(c) => c.name(),
            Command::Schema { .. } => "schema",
            Command::Validate { .. } => "validate",
            Command::Completions { .. } => "completions",
            Command::Man => "man",
        }
    }
}

impl CatalogCommand {
    /// The command's name as typed.
    pub fn name(&self) -> &'static str {
        match self {
            CatalogCommand::Ingredients { .. } => "ingredients",
            CatalogCommand::Show { .. } => "show",
            CatalogCommand::Classes => "classes",
            CatalogCommand::Products => "products",
            CatalogCommand::Goals => "goals",
            CatalogCommand::Zones => "zones",
            CatalogCommand::Conditions => "conditions",
            CatalogCommand::Medications => "medications",
            CatalogCommand::Check { .. } => "check",
            CatalogCommand::Formulate(_) => "formulate",
            CatalogCommand::Plan(_) => "plan",
            CatalogCommand::Graph { .. } => "graph",
            CatalogCommand::Explain { .. } => "explain",
        }
    }
}

/// Parses the command line (program name first). A run parses it with [`lean`] definitions:
/// only the command it names, without help texts, which only help and errors print. A help
/// request or an error is parsed again with [`command`], to the same outcome, so that what it
/// prints is whole. When the process ends after the run (`exits_after_run`), clap's definitions
/// are left for the system to reclaim.
pub fn parse(
    args: impl IntoIterator<Item = OsString>,
    exits_after_run: bool,
) -> Result<Cli, clap::Error> {
    let args: Vec<OsString> = args.into_iter().collect();
    match parse_with(lean(&args, exits_after_run), &args, exits_after_run) {
        Err(e) if e.kind() != clap::error::ErrorKind::DisplayVersion => {
            parse_with(command(), &args, exits_after_run)
        }
        parsed => parsed,
    }
}

fn parse_with(
    mut command: clap::Command,
    args: &[OsString],
    exits_after_run: bool,
) -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    // `from_arg_matches` would take the values out of a copy of the matches; these are not
    // needed after, so they are taken from the matches themselves.
    let parsed = command
        .try_get_matches_from_mut(args)
        .and_then(|mut matches| {
            let cli = Cli::from_arg_matches_mut(&mut matches);
            if exits_after_run {
                std::mem::forget(matches);
            }
            cli
        });
    if exits_after_run {
        std::mem::forget(command);
    }
    parsed
}

/// The tool's own flags and only the command `args` name (the first argument that is a
/// command's name), without the commands' help texts: what a run needs, and clap then copies the
/// global flags into one command instead of every one. If that guess is not the command, or
/// there is none, this parses nothing that [`command`] would parse otherwise: the tool takes no
/// argument of its own, so the command's place holds a name this does not know, and parsing
/// fails (then [`parse`] parses again with [`command`]). The other commands are left to the
/// system as [`parse`] leaves the definitions.
fn lean(args: &[OsString], exits_after_run: bool) -> clap::Command {
    use clap::{Args, Subcommand};
    // Every command as `Cli::command()` holds it (its arguments deferred), without the tool's.
    let all = Command::augment_subcommands(clap::Command::new("mesomix"));
    let named = args
        .iter()
        .skip(1)
        .find_map(|arg| all.find_subcommand(arg).cloned());
    if exits_after_run {
        std::mem::forget(all);
    }
    let own = clap::Command::new("mesomix")
        .version(env!("CARGO_PKG_VERSION"))
        .subcommand_required(true)
        .arg_required_else_help(true);
    let own = Global::augment_args(own);
    match named {
        Some(command) => own.subcommand(command),
        None => own,
    }
}

/// The command line as clap sees it, with each command's help listing the formats it writes
/// (from `render::emit::formats`, the table `--format` is checked against).
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let mut cli = Cli::command();
    let names: Vec<String> = cli
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        let formats = crate::render::emit::formats(&name);
        let mut listed: Vec<String> = formats
            .iter()
            .filter_map(|f| f.to_possible_value())
            .map(|v| v.get_name().to_owned())
            .collect();
        let mut help = String::new();
        if let Some(first) = listed.first_mut() {
            first.push_str(" (default)");
            if name == "formulate"
                && let Some(ics) = listed.last_mut()
            {
                ics.push_str(" (with --plan)");
            }
            help = format!("Formats (--format): {}", listed.join(", "));
        }
        let examples = examples(&name);
        if !examples.is_empty() {
            if !help.is_empty() {
                help.push_str("\n\n");
            }
            help.push_str("Examples:");
            for (command, what) in examples {
                help.push_str(&format!("\n  {command}\n      {what}"));
            }
        }
        if matches!(name.as_str(), "check" | "formulate" | "plan") {
            help.push_str(EXIT_CODES);
        }
        if !help.is_empty() {
            cli = cli.mut_subcommand(&name, |c| c.after_help(help));
        }
    }
    cli
}

/// [`command`] with each command's arguments added up front, in the order clap gives them when it
/// builds a whole command line at once: the command's own, then the global ones, then `--help`.
/// Completions list arguments in that order; a command whose arguments are deferred would get
/// the global ones first, as clap adds them to it before it builds it.
pub fn command_with_every_argument() -> clap::Command {
    let mut cli = command();
    let names: Vec<String> = cli
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        cli = cli.mut_subcommand(&name, |sub| {
            // A copy built alone has exactly the command's own arguments and groups (and the
            // `--help` that building adds, which the command will add again after the global
            // ones); the command itself then no longer needs to defer them.
            let mut built = sub.clone();
            built.build();
            let own: Vec<clap::Arg> = built
                .get_arguments()
                .filter(|a| a.get_id() != "help")
                .cloned()
                .collect();
            let groups: Vec<clap::ArgGroup> = built.get_groups().cloned().collect();
            sub.defer(|c| c).args(own).groups(groups)
        });
    }
    cli
}

/// The exit codes, as `check`, `formulate` and `plan` end their help.
const EXIT_CODES: &str = "\n\nExit codes:\n  0  compatible, or caution (1 with --strict)\n  1  unknown (0 with \
--allow-unknown), incompatible, postpone or refused\n  2  usage error, unknown name, invalid catalog or patient file";

/// Two or three real examples for a command's help: the command line and what it shows.
fn examples(command: &str) -> &'static [(&'static str, &'static str)] {
    match command {
        "check" => &[
            (
                "mesomix check lidase hyaluronic_acid",
                "a brand (Lidase) and an active: incompatible, with the smallest fix",
            ),
            (
                "mesomix check pcdc:4ml lidocaine:1ml@2% --weight 60kg --zone abdomen",
                "volumes and strengths: each active's dose against its sourced limits",
            ),
            (
                "mesomix check hyaluronic_acid pdrn --condition pregnancy --format markdown",
                "the patient screened too, as Markdown for the notes",
            ),
        ],
        "formulate" => &[
            (
                "mesomix formulate --goal hyperpigmentation --zone face",
                "the best cocktail, action by action, and the published regimens it matches",
            ),
            (
                "mesomix formulate --goal local_fat --goal cellulite --zone abdomen --medication warfarin",
                "two goals (the first weighs more) for a patient on a blood thinner",
            ),
            (
                "mesomix formulate --batch requests.jsonl",
                "JSON Lines in, one JSON result per line out",
            ),
        ],
        "plan" => &[
            (
                "mesomix plan --zone submental --ingredients kybella:10ml --start 2026-12-03",
                "a dated course with its aftercare, and the doses over the course",
            ),
            (
                "mesomix plan --zone face --goal rejuvenation --start today --format ics",
                "formulate for the goal, then a calendar for the phone",
            ),
        ],
        "explain" => &[
            (
                "mesomix explain vitamin_c b12",
                "every claim on the pair, its grade and sources, and which one decides",
            ),
            (
                "mesomix explain lidase hyaluronic_acid --lang ru",
                "the same in Russian",
            ),
        ],
        "show" => &[
            (
                "mesomix show lidase",
                "a branded product: actives, strengths, what it is for",
            ),
            (
                "mesomix show hyaluronidase --format json",
                "an ingredient in full: actions, limits, contraindications, pairs, sources",
            ),
        ],
        "ingredients" => &[
            (
                "mesomix ingredients --goal hair_loss",
                "what serves a goal, best first",
            ),
            (
                "mesomix ingredients --class enzyme",
                "the members of a class",
            ),
        ],
        "graph" => &[
            (
                "mesomix graph lidase hyaluronic_acid lidocaine --format mermaid",
                "a mix as a Mermaid picture for Markdown",
            ),
            (
                "mesomix graph --format dot | dot -Tsvg > classes.svg",
                "the class graph",
            ),
        ],
        "validate" => &[
            (
                "mesomix validate",
                "the embedded catalog: contents and pair coverage",
            ),
            (
                "mesomix validate clinic.ron",
                "a clinic's own catalog: every problem with its place",
            ),
        ],
        "goals" => &[(
            "mesomix goals",
            "each goal, the actions it works through, who serves it",
        )],
        "conditions" => &[(
            "mesomix conditions --lang ru",
            "patient conditions and their scope",
        )],
        "products" => &[("mesomix products", "branded products with their actives")],
        "schema" => &[(
            "mesomix schema formulation",
            "the JSON Schema of formulate's JSON",
        )],
        "zones" => &[(
            "mesomix zones",
            "each zone's region, depth and course pattern",
        )],
        "medications" => &[(
            "mesomix medications --format json",
            "medication classes, the drugs they hold, what they interact with",
        )],
        "classes" => &[(
            "mesomix classes",
            "the classes and what is known between them",
        )],
        "completions" => &[(
            "mesomix completions bash > /etc/bash_completion.d/mesomix",
            "completions for bash (also zsh, fish, elvish, powershell)",
        )],
        "man" => &[("mesomix man | man -l -", "read this manual page")],
        _ => &[],
    }
}

// What the practitioner knows of the patient. (Not a doc comment: clap would take it for the
// `about` of each command that flattens these flags, over the command's own when it builds the
// command's arguments late.)
#[derive(Debug, Clone, Default, Args)]
pub struct PatientArgs {
    /// A patient condition (repeatable or comma-separated): pregnancy, menstruation, gallstones, ...
    #[arg(long = "condition", value_name = "CONDITION", value_delimiter = ',')]
    pub conditions: Vec<String>,
    /// A medication class or drug the patient takes (repeatable): anticoagulant, warfarin, ...
    #[arg(long = "medication", value_name = "MEDICATION", value_delimiter = ',')]
    pub medications: Vec<String>,
    /// An allergy: an allergy condition, an ingredient or a class (repeatable).
    #[arg(long = "allergy", value_name = "ALLERGEN", value_delimiter = ',')]
    pub allergies: Vec<String>,
    /// A relative contraindication (condition or medication) the prescriber or physician has
    /// cleared for treatment (repeatable): blood thinners, G6PD deficiency, ...
    #[arg(long = "cleared", value_name = "NAME", value_delimiter = ',')]
    pub cleared: Vec<String>,
    /// Body weight for limits per kilogram: `60kg`, `60` or `60.5 kg`.
    #[arg(long, value_name = "KG")]
    pub weight: Option<String>,
    /// A patient file (RON or JSON with `conditions`, `medications`, `allergies`, `cleared`,
    /// `weight_kg`; `-` = stdin).
    #[arg(long, value_name = "FILE")]
    pub patient: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FormulateArgs {
    /// A goal, in priority order (the first weighs most); `GOAL:WEIGHT` sets a weight.
    #[arg(
        long = "goal",
        value_name = "GOAL[:WEIGHT]",
        required_unless_present = "batch"
    )]
    pub goals: Vec<String>,
    /// Treatment zone; ingredients not allowed there are excluded.
    #[arg(long, value_name = "ZONE")]
    pub zone: Option<String>,
    #[command(flatten)]
    pub patient: PatientArgs,
    /// At most this many ingredients in one syringe (a setting, not a sourced limit; up to 12).
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=12))]
    pub max_components: u16,
    /// An ingredient the cocktail must contain (repeatable).
    #[arg(long = "require", value_name = "INGREDIENT")]
    pub require: Vec<String>,
    /// An ingredient the cocktail must not contain (repeatable).
    #[arg(long = "exclude", value_name = "INGREDIENT")]
    pub exclude: Vec<String>,
    /// Allow pairs rated `caution` (never `unknown` or `incompatible`).
    #[arg(long)]
    pub allow_caution: bool,
    /// Also show the next K best distinct cocktails.
    #[arg(long, value_name = "K", default_value_t = 0, value_parser = clap::value_parser!(u16).range(0..=50))]
    pub alternatives: u16,
    /// Exit 1 on a `caution` verdict too.
    #[arg(long, conflicts_with = "allow_unknown")]
    pub strict: bool,
    /// Exit 0 on an `unknown` verdict.
    #[arg(long)]
    pub allow_unknown: bool,
    /// Append a dated course plan (needs --zone and --start).
    #[arg(long, requires = "start")]
    pub plan: bool,
    /// First session of the plan (YYYY-MM-DD, `today` or `tomorrow`), with --plan.
    #[arg(long, value_name = "DATE", requires = "plan")]
    pub start: Option<String>,
    /// Today's date, to flag a plan that starts in the past, with --plan [default: the local
    /// date, or `MESOMIX_TODAY`].
    #[arg(long, value_name = "DATE", requires = "plan")]
    pub today: Option<String>,
    /// JSON Lines requests, one JSON result per line (`-` = stdin).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["goals", "zone", "require", "exclude", "patient", "conditions", "medications", "allergies", "cleared", "weight"])]
    pub batch: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Treatment zone: its course pattern sets the defaults.
    #[arg(long, value_name = "ZONE")]
    pub zone: String,
    /// Goals; without --ingredients or --from, the cocktail is formulated for them.
    #[arg(long = "goal", value_name = "GOAL[:WEIGHT]")]
    pub goals: Vec<String>,
    /// First session (YYYY-MM-DD, `today` or `tomorrow`).
    #[arg(long, value_name = "DATE")]
    pub start: String,
    /// Number of sessions (default: the course pattern's shortest course within every limit).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100))]
    pub sessions: Option<u32>,
    /// The cocktail's ingredients (their course limits tighten the zone's pattern).
    #[arg(long, value_name = "INGREDIENT", num_args = 1.., conflicts_with = "from")]
    pub ingredients: Vec<String>,
    /// The patient: the cocktail is checked for them in this zone before it is planned.
    #[command(flatten)]
    pub patient: PatientArgs,
    /// A formulation from `formulate --format json` (`-` = stdin) whose cocktail to plan.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Today's date, to flag a start in the past [default: the local date, or `MESOMIX_TODAY`].
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

pub use crate::render::emit::SchemaKind;

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the lean definitions parse, the whole ones parse the same way; a run never
    /// depends on which of the two parsed it.
    #[track_caller]
    fn check(line: &str) {
        let args: Vec<OsString> = line.split_whitespace().map(OsString::from).collect();
        let whole = parse_with(command(), &args, false);
        if let Ok(lean) = parse_with(lean(&args, false), &args, false) {
            assert_eq!(
                format!("{:?}", Ok::<_, String>(lean)),
                format!("{:?}", whole.as_ref().map_err(|e| e.to_string())),
                "{line}"
            );
        }
        let parsed = parse(args, false);
        assert_eq!(
            format!("{:?}", parsed.map_err(|e| (e.kind(), e.to_string()))),
            format!("{:?}", whole.map_err(|e| (e.kind(), e.to_string()))),
            "{line}"
        );
    }

    #[test]
    fn the_lean_definitions_parse_as_the_whole_ones() {
        for name in command().get_subcommands().map(|c| c.get_name().to_owned()) {
            for (line, _) in examples(&name) {
                check(line);
            }
            check(&format!("mesomix {name}"));
            check(&format!("mesomix {name} --help"));
            check(&format!("mesomix --format json {name} lidase"));
        }
        for line in [
            "mesomix",
            "mesomix --version",
            "mesomix -V check",
            "mesomix check --version",
            "mesomix --catalog check plan --zone face lidase",
            "mesomix --catalog check check lidase hyaluronic_acid",
            "mesomix -o plan check lidase --color never",
            "mesomix --width 40 --lang ru check lidase hyaluronic_acid --strict",
            "mesomix check lidase --strict --allow-unknown",
            "mesomix chekc lidase",
            "mesomix lidase check",
            "mesomix help check",
            "mesomix help",
            "mesomix check -- --lidase",
            "mesomix formulate --goal cellulite --zone abdomen --max-components 3",
            "mesomix completions bash",
            "mesomix schema check",
        ] {
            check(line);
        }
    }
}
