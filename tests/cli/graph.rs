//! `mesomix graph`: DOT and Mermaid snapshots of the class graph and of real mixes, and the
//! SVG checked as XML: one labelled box per ingredient, one line per drawn pair.

use crate::snap;
use crate::support::Test;

const GRAPHS: &[(&str, &[&str])] = &[
    ("classes", &[]),
    (
        "lidase_ha_anaesthetics",
        &["hyaluronidase", "hyaluronic_acid", "lidocaine", "procaine"],
    ),
    (
        "lipolysis_acids",
        &[
            "phosphatidylcholine_deoxycholate",
            "ascorbic_acid",
            "lidocaine",
            "aminophylline",
            "--show-unknown",
        ],
    ),
    ("vitamin_c_neighbours", &["ascorbic_acid", "--neighbors"]),
];

#[test]
fn dot_and_mermaid_snapshots() {
    for (name, args) in GRAPHS {
        for format in ["dot", "mermaid"] {
            for lang in ["en", "ru"] {
                let run = Test::new()
                    .args(["graph"])
                    .args(*args)
                    .args(["--format", format, "--lang", lang])
                    .status(0);
                snap!(format!("graph.{name}.{lang}.{format}"), run.stdout);
            }
        }
    }
    // DOT is the default picture.
    let default = Test::new().args(["graph"]).status(0);
    assert!(default.stdout.starts_with("graph {"));
}

#[test]
fn svg_holds_a_box_per_ingredient_and_a_line_per_pair() {
    for (name, args) in GRAPHS {
        let dot = Test::new()
            .args(["graph"])
            .args(*args)
            .args(["--format", "dot"])
            .status(0);
        let nodes = dot
            .stdout
            .lines()
            .filter(|l| l.contains("shape = box"))
            .count();
        let edges = dot.stdout.lines().filter(|l| l.contains(" -- ")).count();
        let svg = Test::new()
            .args(["graph"])
            .args(*args)
            .args(["--format", "svg"])
            .status(0);
        let doc = roxmltree::Document::parse(&svg.stdout)
            .unwrap_or_else(|e| panic!("{name}: SVG is XML: {e}"));
        let rects = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
        let lines = doc
            .descendants()
            .filter(|n| {
                n.has_tag_name("path")
                    && n.attribute("id").is_some_and(|id| id.starts_with("arrow"))
            })
            .count();
        assert_eq!(rects, nodes, "{name}: one box per node");
        assert_eq!(lines, edges, "{name}: one line per drawn pair");
        let texts: String = doc
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        for line in dot.stdout.lines().filter(|l| l.contains("shape = box")) {
            let label = line
                .split("label = \"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .expect("a label");
            assert!(texts.contains(label), "{name}: node `{label}` is labelled");
        }
    }
}

#[test]
fn mixes_pick_their_pairs() {
    let run = Test::new()
        .args([
            "graph",
            "hyaluronidase",
            "hyaluronic_acid",
            "--format",
            "dot",
        ])
        .status(0);
    assert_eq!(run.stdout.lines().filter(|l| l.contains(" -- ")).count(), 1);
    assert!(run.stdout.contains("#d62728"), "incompatible is red");
    // Unknown pairs only on request.
    let hidden = Test::new()
        .args(["graph", "minoxidil", "tranexamic_acid", "--format", "dot"])
        .status(0);
    assert_eq!(
        hidden.stdout.lines().filter(|l| l.contains(" -- ")).count(),
        0
    );
    let shown = Test::new()
        .args([
            "graph",
            "minoxidil",
            "tranexamic_acid",
            "--show-unknown",
            "--format",
            "dot",
        ])
        .status(0);
    assert!(shown.stdout.contains("style = dotted"));
    // Neighbours bring their edges.
    let n = Test::new()
        .args(["graph", "ascorbic_acid", "--neighbors", "--format", "dot"])
        .status(0);
    assert!(
        n.stdout.contains("Cyanocobalamin") && n.stdout.contains("oxidation"),
        "{}",
        n.stdout
    );
    // Bad input.
    Test::new().args(["graph", "hyaluronidaze"]).status(2);
    Test::new().args(["graph", "--format", "json"]).status(2);
    Test::new()
        .args(["check", "ha", "pdrn", "--format", "mermaid"])
        .status(2);
}

#[test]
fn markdown_reports_embed_the_mix() {
    let run = Test::new()
        .args([
            "check",
            "hyaluronidase",
            "hyaluronic_acid",
            "--format",
            "markdown",
        ])
        .status(1);
    assert!(
        run.stdout.contains("```mermaid\ngraph LR"),
        "{}",
        run.stdout
    );
    let table = Test::new()
        .args([
            "check",
            "hyaluronidase",
            "hyaluronic_acid",
            "--color",
            "never",
        ])
        .status(1);
    assert!(
        !table.stdout.contains("mermaid"),
        "terminals get no Mermaid source"
    );
    let f = Test::new()
        .args([
            "formulate",
            "--goal",
            "rejuvenation",
            "--goal",
            "hydration",
            "--zone",
            "face",
            "--require",
            "lidocaine",
            "--format",
            "markdown",
        ])
        .status(0);
    assert!(f.stdout.contains("```mermaid"), "{}", f.stdout);
}

/// The picture in README (docs/mix.svg) is what the command draws now.
#[cfg(feature = "svg")]
#[test]
fn readme_picture_is_current() {
    let run = Test::new()
        .args([
            "graph",
            "hyaluronidase",
            "hyaluronic_acid",
            "lidocaine",
            "ascorbic_acid",
            "cyanocobalamin",
            "--format",
            "svg",
        ])
        .status(0);
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/mix.svg"))
        .expect("docs/mix.svg");
    assert_eq!(
        run.stdout, committed,
        "regenerate docs/mix.svg with the command in README"
    );
}

/// An SVG picture has a size its layout can draw; a larger one is refused with the DOT
/// alternative, at once.
#[test]
fn svg_is_bounded() {
    let list = Test::new()
        .args(["ingredients", "--format", "json"])
        .status(0);
    let value: serde_json::Value = serde_json::from_str(&list.stdout).expect("JSON");
    let ids: Vec<String> = value["ingredients"]
        .as_array()
        .expect("ingredients")
        .iter()
        .take(25)
        .map(|i| i["id"].as_str().expect("id").to_owned())
        .collect();
    let run = Test::new()
        .args(["graph", "--show-unknown", "--format", "svg"])
        .args(&ids)
        .status(2);
    assert!(run.stderr.contains("--format dot"), "{}", run.stderr);
    Test::new()
        .args(["graph", "--show-unknown", "--format", "dot"])
        .args(&ids)
        .status(0);
}
