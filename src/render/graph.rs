//! The compatibility graph as DOT (through petgraph's DOT writer), Mermaid (for Markdown) and
//! SVG (laid out in pure Rust by layout-rs, behind the default `svg` feature).

use petgraph::dot::{Config, Dot};
use petgraph::graph::UnGraph;
use petgraph::visit::EdgeRef;

use super::lang::{self, Lang};
use crate::catalog::Catalog;
use crate::compat::{PairRating, Via};
use crate::graph::{Link, Node};

/// Fill colours for classes, by class index (pastel, readable under black text).
const PALETTE: [&str; 10] = [
    "#fde2e4", "#e2ece9", "#dfe7fd", "#fff1c1", "#e8dff5", "#d4f0f0", "#fce1c8", "#e2f0cb",
    "#f1e3d3", "#dbe4ee",
];

/// How each rating is drawn: colour, width, dash.
pub fn edge_style(r: PairRating) -> (&'static str, u32, Option<&'static str>) {
    match r {
        PairRating::Incompatible => ("#d62728", 3, None),
        PairRating::Caution => ("#ff9f1c", 2, Some("dashed")),
        PairRating::Compatible => ("#2ca02c", 2, None),
        PairRating::Unknown => ("#8c8c8c", 1, Some("dotted")),
    }
}

fn class_of(catalog: &Catalog, node: Node) -> usize {
    match node {
        Node::Ingredient(i) => catalog.class_of(i),
        Node::Class(c) => c,
    }
}

fn node_label(catalog: &Catalog, node: Node, lang: Lang) -> String {
    match node {
        Node::Ingredient(i) => lang.text(&catalog.ingredients()[i].name).to_owned(),
        Node::Class(c) => lang.text(&catalog.classes()[c].name).to_owned(),
    }
}

fn edge_label(link: &Link, lang: Lang) -> String {
    let mechanism = match (link.mechanism, link.via) {
        (_, via @ (Via::Ph | Via::Rule)) => lang::via(via, lang).to_owned(),
        (Some(m), _) => lang::mechanism(m, lang).to_owned(),
        (None, _) => lang::via(Via::None, lang).to_owned(),
    };
    format!(
        "{} \u{2014} {}",
        lang::pair_rating(link.rating, lang),
        mechanism
    )
}

/// Text for a quoted Mermaid label: every character Mermaid or the HTML it renders to would
/// read as markup (`#` entity codes, quotes, tags, backtick markdown strings, line breaks)
/// written as an entity code, so a label stays one label whatever a name contains.
fn mermaid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' | '"' | '<' | '>' | '`' | '&' | '|' | '\n' | '\r' => {
                out.push_str(&format!("#{};", u32::from(c)));
            }
            _ => out.push(c),
        }
    }
    out
}

/// A DOT string literal.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

pub fn dot(catalog: &Catalog, g: &UnGraph<Node, Link>, lang: Lang) -> String {
    let node_attrs = |_, (_, node): (petgraph::graph::NodeIndex, &Node)| {
        let fill = PALETTE[class_of(catalog, *node) % PALETTE.len()];
        format!(
            "label = {} shape = box style = \"rounded,filled\" fillcolor = {}",
            quoted(&node_label(catalog, *node, lang)),
            quoted(fill)
        )
    };
    let edge_attrs = |_, e: petgraph::graph::EdgeReference<'_, Link>| {
        let link = e.weight();
        let (color, width, dash) = edge_style(link.rating);
        let mut attrs = format!(
            "label = {} color = {} fontcolor = {} penwidth = {width}",
            quoted(&edge_label(link, lang)),
            quoted(color),
            quoted(color)
        );
        if let Some(d) = dash {
            attrs.push_str(&format!(" style = {d}"));
        }
        attrs
    };
    let dot = Dot::with_attr_getters(
        g,
        &[Config::NodeNoLabel, Config::EdgeNoLabel],
        &edge_attrs,
        &node_attrs,
    );
    format!("{dot}")
}

pub fn mermaid(catalog: &Catalog, g: &UnGraph<Node, Link>, lang: Lang) -> String {
    let mut out = String::from("graph LR\n");
    for n in g.node_indices() {
        let label = mermaid_text(&node_label(catalog, g[n], lang));
        out.push_str(&format!("    n{}[\"{label}\"]\n", n.index()));
    }
    for e in g.edge_references() {
        let label = mermaid_text(&edge_label(e.weight(), lang));
        let arrow = match e.weight().rating {
            PairRating::Incompatible => "===",
            PairRating::Caution | PairRating::Unknown => "-.-",
            PairRating::Compatible => "---",
        };
        out.push_str(&format!(
            "    n{} {arrow}|\"{label}\"| n{}\n",
            e.source().index(),
            e.target().index()
        ));
    }
    let mut classes: Vec<usize> = g.node_indices().map(|n| class_of(catalog, g[n])).collect();
    classes.sort_unstable();
    classes.dedup();
    for c in classes {
        out.push_str(&format!(
            "    classDef c{c} fill:{},stroke:#555555\n",
            PALETTE[c % PALETTE.len()]
        ));
        let members: Vec<String> = g
            .node_indices()
            .filter(|&n| class_of(catalog, g[n]) == c)
            .map(|n| format!("n{}", n.index()))
            .collect();
        out.push_str(&format!("    class {} c{c}\n", members.join(",")));
    }
    for (k, e) in g.edge_references().enumerate() {
        let (color, width, dash) = edge_style(e.weight().rating);
        let dash = match dash {
            Some("dashed") => ",stroke-dasharray:6 4",
            Some(_) => ",stroke-dasharray:2 3",
            None => "",
        };
        out.push_str(&format!(
            "    linkStyle {k} stroke:{color},stroke-width:{width}px{dash}\n"
        ));
    }
    out
}

/// The most nodes an SVG picture lays out.
pub const MAX_SVG_NODES: usize = 24;
/// The most lines an SVG picture lays out.
pub const MAX_SVG_EDGES: usize = 80;

/// The graph as SVG, laid out by layout-rs from a DOT description it understands.
#[cfg(feature = "svg")]
pub fn svg(catalog: &Catalog, g: &UnGraph<Node, Link>, lang: Lang) -> Result<String, String> {
    use layout::backends::svg::SVGWriter;
    use layout::gv::{DotParser, GraphBuilder};
    // layout-rs's layered layout grows steeply with nodes and edges (25 ingredients with every
    // pair drawn took about a minute): refuse a picture it cannot draw in reasonable time.
    if g.node_count() > MAX_SVG_NODES || g.edge_count() > MAX_SVG_EDGES {
        return Err(format!(
            "{} nodes and {} lines are more than the SVG layout draws (at most {MAX_SVG_NODES} and {MAX_SVG_EDGES}); use --format dot or mermaid, or fewer ingredients",
            g.node_count(),
            g.edge_count()
        ));
    }
    // layout-rs reads a subset of DOT: one attribute list per statement, `dashed` but not
    // `dotted` (unknown pairs are grey and dashed), integer pen widths.
    let mut src = String::from("graph {\n");
    for n in g.node_indices() {
        let fill = PALETTE[class_of(catalog, g[n]) % PALETTE.len()];
        src.push_str(&format!(
            "  n{} [label={}, shape=box, fillcolor={}];\n",
            n.index(),
            quoted(&node_label(catalog, g[n], lang)),
            quoted(fill)
        ));
    }
    for e in g.edge_references() {
        let (color, width, dash) = edge_style(e.weight().rating);
        let style = if dash.is_some() {
            ", style=\"dashed\""
        } else {
            ""
        };
        src.push_str(&format!(
            "  n{} -- n{} [label={}, color={}, penwidth={width}{style}];\n",
            e.source().index(),
            e.target().index(),
            quoted(&edge_label(e.weight(), lang)),
            quoted(color)
        ));
    }
    src.push_str("}\n");
    let mut parser = DotParser::new(&src);
    let graph = parser.process().map_err(|e| format!("layout: {e}"))?;
    let mut builder = GraphBuilder::new();
    builder.visit_graph(&graph);
    let mut visual = builder.get();
    let mut writer = SVGWriter::new();
    visual.do_it(false, false, false, &mut writer);
    Ok(stable_styles(&writer.finalize()))
}

/// layout-rs writes its font classes from a hash map, in a different order from run to run;
/// sorting the lines of the `<style>` block makes the same graph give the same bytes.
#[cfg(feature = "svg")]
fn stable_styles(svg: &str) -> String {
    let (Some(start), Some(end)) = (svg.find("<style>\n"), svg.find("</style>")) else {
        return svg.to_owned();
    };
    let body = start + "<style>\n".len();
    if body > end {
        return svg.to_owned();
    }
    let mut lines: Vec<&str> = svg[body..end].lines().collect();
    lines.sort_unstable();
    let mut out = String::with_capacity(svg.len());
    out.push_str(&svg[..body]);
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&svg[end..]);
    out
}

/// Without the `svg` feature there is no SVG renderer.
#[cfg(not(feature = "svg"))]
pub fn svg(_: &Catalog, _: &UnGraph<Node, Link>, _: Lang) -> Result<String, String> {
    Err("this mesomix was built without the `svg` feature".into())
}

#[cfg(test)]
mod tests {
    use super::mermaid_text;

    #[test]
    fn mermaid_labels_keep_their_quotes_whatever_a_name_holds() {
        for name in [
            "a\"] --> b[\"c",
            "x|y",
            "#quot; <b>",
            "`md`",
            "line\nbreak",
            "&lt;",
        ] {
            let label = mermaid_text(name);
            for bad in ['"', '|', '<', '>', '`', '\n'] {
                assert!(!label.contains(bad), "{name:?} -> {label:?}");
            }
            // Every `#` starts an entity code this function wrote.
            assert!(
                label.split('#').skip(1).all(|p| p
                    .split_once(';')
                    .is_some_and(|(n, _)| n.parse::<u32>().is_ok())),
                "{label}"
            );
        }
        assert_eq!(mermaid_text("PC/DC"), "PC/DC");
    }
}
