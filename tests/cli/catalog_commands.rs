//! Snapshots of every catalog command in every format and both languages, and JSON checked
//! as data.

use serde::Deserialize;

use crate::snap;
use crate::support::Test;

/// Commands whose output is covered by snapshots (name, arguments).
const COMMANDS: &[(&str, &[&str])] = &[
    ("ingredients", &["ingredients"]),
    (
        "ingredients_class_enzyme",
        &["ingredients", "--class", "enzyme"],
    ),
    (
        "ingredients_goal_local_fat",
        &["ingredients", "--goal", "local_fat"],
    ),
    ("show_hyaluronidase", &["show", "hyaluronidase"]),
    ("show_buflomedil", &["show", "buflomedil"]),
    ("classes", &["classes"]),
    ("goals", &["goals"]),
    ("zones", &["zones"]),
    ("conditions", &["conditions"]),
    ("medications", &["medications"]),
    ("validate", &["validate"]),
];

#[test]
fn every_command_in_every_format_and_language() {
    for (name, args) in COMMANDS {
        for lang in ["en", "ru"] {
            for format in ["table", "markdown"] {
                let run = Test::new()
                    .args(*args)
                    .args(["--format", format, "--lang", lang, "--color", "never"])
                    .status(0);
                assert!(run.stderr.is_empty(), "{name}: {}", run.stderr);
                snap!(format!("{name}.{lang}.{format}"), run.stdout);
            }
        }
        // JSON is the same in both languages: every text carries both.
        let en = Test::new()
            .args(*args)
            .args(["--format", "json", "--lang", "en"])
            .status(0);
        let ru = Test::new()
            .args(*args)
            .args(["--format", "json", "--lang", "ru"])
            .status(0);
        assert_eq!(
            en.stdout, ru.stdout,
            "{name}: JSON must not depend on --lang"
        );
        let value: serde_json::Value = serde_json::from_str(&en.stdout).expect("valid JSON");
        assert!(
            value["schema"]
                .as_str()
                .is_some_and(|s| s.starts_with("mesomix.")),
            "{name}: schema"
        );
        snap!(format!("{name}.json"), en.stdout);
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IngredientsDoc {
    schema: String,
    catalog: CatalogRef,
    ingredients: Vec<IngredientRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogRef {
    version: String,
    sha256: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IngredientRow {
    id: String,
    name: Bilingual,
    class: String,
    status: String,
    aliases: Vec<String>,
    actions: Vec<ActionRow>,
    goals: Vec<GoalRow>,
    depth: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionRow {
    action: String,
    efficacy: u8,
    routes: Vec<String>,
    #[serde(default)]
    zones: Vec<String>,
    evidence: String,
    #[serde(default)]
    note: Option<Bilingual>,
    sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Bilingual {
    en: String,
    ru: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalRow {
    goal: String,
    value: f64,
    evidence: String,
}

#[test]
fn ingredients_json_is_typed_data() {
    let run = Test::new()
        .args(["ingredients", "--format", "json"])
        .status(0);
    let doc: IngredientsDoc =
        serde_json::from_str(&run.stdout).expect("ingredients JSON matches its shape");
    assert_eq!(doc.schema, "mesomix.ingredients/2");
    assert_eq!(doc.catalog.sha256.len(), 64);
    assert!(!doc.catalog.version.is_empty());
    assert!(doc.ingredients.len() >= 30, "at least 30 ingredients");
    // Issue 13 appends its new actives at the end of the catalog (merge rule for parallel
    // catalog branches); they are sorted into place after the merge. The rest stays sorted.
    let appended = [
        "bupivacaine",
        "folic_acid",
        "idebenone",
        "lipase",
        "lipoic_acid",
        "niacinamide",
        "vitamin_a",
    ];
    let ids: Vec<&str> = doc
        .ingredients
        .iter()
        .map(|i| i.id.as_str())
        .filter(|id| !appended.contains(id))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "ingredients come sorted by id");
    for ing in &doc.ingredients {
        assert!(
            !ing.name.en.is_empty() && !ing.name.ru.is_empty(),
            "{}: both names",
            ing.id
        );
        assert!(
            !ing.class.is_empty() && !ing.depth.is_empty(),
            "{}: class and depth",
            ing.id
        );
        assert!(
            ["available", "withdrawn", "not_injectable", "unapproved"]
                .contains(&ing.status.as_str())
        );
        let _ = &ing.aliases;
        for a in &ing.actions {
            assert!((1..=3).contains(&a.efficacy), "{} {}", ing.id, a.action);
            assert!(["label", "peer", "weak", "inference"].contains(&a.evidence.as_str()));
            assert!(!a.routes.is_empty(), "{} {}: a route", ing.id, a.action);
            assert!(
                !a.sources.is_empty(),
                "{} {}: an action claim has sources",
                ing.id,
                a.action
            );
            let _ = (&a.zones, &a.note);
        }
        // A goal's value is what the ingredient alone does for it: between 0 and 3, and only
        // for goals its actions serve.
        for g in &ing.goals {
            assert!(g.value > 0.0 && g.value <= 3.0, "{} {}", ing.id, g.goal);
            assert!(["label", "peer", "weak", "inference"].contains(&g.evidence.as_str()));
        }
        if ing.actions.is_empty() {
            assert!(ing.goals.is_empty(), "{}: goals come from actions", ing.id);
        }
    }
}

#[test]
fn filters_narrow_the_list() {
    let run = Test::new()
        .args(["ingredients", "--class", "enzyme", "--format", "json"])
        .status(0);
    let doc: IngredientsDoc = serde_json::from_str(&run.stdout).expect("JSON");
    assert!(!doc.ingredients.is_empty());
    assert!(doc.ingredients.iter().all(|i| i.class == "enzyme"));
    let run = Test::new()
        .args(["ingredients", "--goal", "hair_loss", "--format", "json"])
        .status(0);
    let doc: IngredientsDoc = serde_json::from_str(&run.stdout).expect("JSON");
    assert!(
        doc.ingredients
            .iter()
            .all(|i| i.goals.iter().any(|g| g.goal == "hair_loss"))
    );
    assert!(doc.ingredients.iter().any(|i| i.id == "dutasteride"));
}

#[test]
fn names_resolve_by_alias_russian_name_and_case() {
    for name in [
        "hyaluronidase",
        "HYALURONIDASE",
        "Гиалуронидаза",
        "гиалуронидаза",
    ] {
        let run = Test::new()
            .args(["show", name, "--format", "json"])
            .status(0);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        assert_eq!(value["ingredient"]["id"], "hyaluronidase", "{name}");
    }
    let run = Test::new()
        .args(["show", "гиалуронидаза", "--lang", "ru", "--color", "never"])
        .status(0);
    assert!(
        run.stdout.starts_with("Гиалуронидаза (hyaluronidase)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("несовместимы"),
        "the HA pair is shown in Russian"
    );
}

#[test]
fn language_defaults_from_the_locale() {
    let ru = Test::new()
        .args(["goals", "--color", "never"])
        .env("LANG", "ru_RU.UTF-8")
        .status(0);
    assert!(ru.stdout.starts_with("Цели"), "{}", ru.stdout);
    let en = Test::new()
        .args(["goals", "--color", "never"])
        .env("LANG", "de_DE.UTF-8")
        .status(0);
    assert!(en.stdout.starts_with("Goals"));
    let all = Test::new()
        .args(["goals", "--color", "never"])
        .env("LANG", "ru_RU.UTF-8")
        .env("LC_ALL", "C")
        .status(0);
    assert!(all.stdout.starts_with("Goals"), "LC_ALL wins over LANG");
    let flag = Test::new()
        .args(["goals", "--color", "never", "--lang", "en"])
        .env("LANG", "ru_RU.UTF-8")
        .status(0);
    assert!(
        flag.stdout.starts_with("Goals"),
        "--lang wins over the locale"
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let always = Test::new()
        .args(["show", "hyaluronidase", "--color", "always"])
        .status(0);
    assert!(always.stdout.contains("\u{1b}["), "--color always colours");
    let never = Test::new()
        .args(["show", "hyaluronidase", "--color", "never"])
        .status(0);
    assert!(!never.stdout.contains('\u{1b}'));
    // Not a terminal: `auto` does not colour, and NO_COLOR keeps it that way.
    let auto = Test::new()
        .args(["show", "hyaluronidase"])
        .env("NO_COLOR", "1")
        .status(0);
    assert!(!auto.stdout.contains('\u{1b}'));
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("goals.json");
    let run = Test::new()
        .args(["goals", "--format", "json", "--output"])
        .args([path.to_str().expect("utf-8 path")])
        .status(0);
    assert!(run.stdout.is_empty());
    let written = std::fs::read_to_string(&path).expect("the file exists");
    let direct = Test::new().args(["goals", "--format", "json"]).status(0);
    assert_eq!(written, direct.stdout);
    // Nothing else is left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
}

#[test]
fn catalog_flag_and_environment_swap_the_catalog() {
    let minimal = crate::support::fixture("good/minimal.ron");
    let run = Test::new()
        .args(["ingredients", "--format", "json", "--catalog", &minimal])
        .status(0);
    let doc: IngredientsDoc = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc.catalog.version, "test.1");
    assert_eq!(doc.ingredients.len(), 2);
    let run = Test::new()
        .args(["ingredients", "--format", "json"])
        .env("MESOMIX_CATALOG", &minimal)
        .status(0);
    let doc: IngredientsDoc = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc.catalog.version, "test.1");
    let text = std::fs::read_to_string(&minimal).expect("fixture");
    let run = Test::new()
        .args(["ingredients", "--format", "json", "--catalog", "-"])
        .stdin(&text)
        .status(0);
    let doc: IngredientsDoc = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc.catalog.version, "test.1");
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = Test::new().args(["completions", shell]).status(0);
        assert!(run.stdout.contains("mesomix"), "{shell}");
        assert!(
            run.stdout.contains("ingredients"),
            "{shell} completes subcommands"
        );
    }
    let man = Test::new().args(["man"]).status(0);
    assert!(
        man.stdout.starts_with(".ie") || man.stdout.contains(".TH mesomix"),
        "roff man page"
    );
    assert!(man.stdout.contains("ingredients"));
}

/// The words of the command line itself: the tool's and every command's help (short and long),
/// the man page and each shell's completions, kept whole. clap builds a command's arguments only
/// when that command runs or is shown (`cli.rs`), so a change in how it is built shows here.
#[test]
fn help_man_page_and_completions_are_kept_whole() {
    let commands: Vec<String> = mesomix::cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for flag in ["--help", "-h"] {
        let run = Test::new().args([flag]).status(0);
        snap!(format!("help.mesomix.{flag}"), run.stdout);
        for command in &commands {
            let run = Test::new().args([command.as_str(), flag]).status(0);
            snap!(format!("help.{command}.{flag}"), run.stdout);
        }
    }
    snap!("help.help", Test::new().args(["help"]).status(0).stdout);
    for command in &commands {
        let run = Test::new().args(["help", command.as_str()]).status(0);
        snap!(format!("help.help_{command}"), run.stdout);
    }
    snap!("man", Test::new().args(["man"]).status(0).stdout);
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = Test::new().args(["completions", shell]).status(0);
        snap!(format!("completions.{shell}"), run.stdout);
    }
}

#[test]
fn closed_pipe_exits_quietly() {
    for args in [
        &["ingredients"][..],
        &["show", "hyaluronidase", "--format", "json"],
        &["man"],
    ] {
        let (stderr, code) = Test::new().args(args).closed_stdout();
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        assert_eq!(code, Some(0), "{args:?}");
    }
}

#[test]
fn help_and_version() {
    let run = Test::new().args(["--help"]).status(0);
    assert!(run.stdout.contains("does not replace it"));
    let run = Test::new().args(["--version"]).status(0);
    assert!(run.stdout.starts_with("mesomix "));
}

#[test]
fn verify_cli() {
    use clap::CommandFactory;
    mesomix::cli::Cli::command().debug_assert();
}
