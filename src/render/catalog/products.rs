//! `products` and `show PRODUCT`: the branded products a catalog knows, with their actives and
//! strengths, what matters inside them, their registration and the maker's word on mixing.

use serde::Serialize;

use crate::catalog::model::{Evidence, Product, Strength, StrengthUnit};
use crate::catalog::{Catalog, Item};
use crate::render::doc::{Doc, Styled};
use crate::render::json::{envelope, to_string};
use crate::render::lang::{self, Lang, Msg, header};
use crate::render::vocab::{out_of_three, source_list, sources_table};

/// A strength as an ampoule prints it: "20 mg/mL", "3 %", "150 U/mL".
pub fn strength_text(s: Strength, lang: Lang) -> String {
    let value = match lang {
        Lang::En => format!("{}", s.value),
        Lang::Ru => format!("{}", s.value).replace('.', ","),
    };
    let unit = match (s.unit, lang) {
        (StrengthUnit::MgPerMl, Lang::En) => "mg/mL",
        (StrengthUnit::MgPerMl, Lang::Ru) => "мг/мл",
        (StrengthUnit::Percent, _) => "%",
        (StrengthUnit::UnitsPerMl, Lang::En) => "U/mL",
        (StrengthUnit::UnitsPerMl, Lang::Ru) => "ЕД/мл",
        (StrengthUnit::IuPerMl, Lang::En) => "IU/mL",
        (StrengthUnit::IuPerMl, Lang::Ru) => "МЕ/мл",
    };
    format!("{value} {unit}")
}

/// A product's actives in one line: "hyaluronic_acid 20 mg/mL + lidocaine 3 mg/mL".
fn actives_line(catalog: &Catalog, p: &Product, lang: Lang) -> String {
    p.actives
        .iter()
        .map(|a| {
            let name = match lang {
                Lang::En => a.ingredient.to_string(),
                Lang::Ru => catalog.ingredient_index(&a.ingredient).map_or_else(
                    || a.ingredient.to_string(),
                    |i| lang.text(&catalog.ingredients()[i].name).to_owned(),
                ),
            };
            match a.strength {
                Some(s) => format!("{name} {}", strength_text(s, lang)),
                None => name.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The `products` document: one row per product.
pub fn products_doc(catalog: &Catalog, lang: Lang) -> Doc {
    let mut doc = Doc::new(Msg::ProductsTitle.get(lang));
    let rows = catalog
        .products()
        .iter()
        .map(|p| {
            vec![
                Styled::from(p.id.as_ref()),
                Styled::from(lang.text(&p.name)),
                Styled::from(actives_line(catalog, p, lang)),
                Styled::from(lang::registration(p.registration, lang)),
                Styled::from(p.maker.as_ref()),
            ]
        })
        .collect();
    let columns = [
        Msg::Id,
        Msg::Name,
        Msg::Actives,
        Msg::Registration,
        Msg::Maker,
    ];
    doc.table(header(&columns, lang), rows);
    doc
}

/// `mesomix products --format json`: every product as the catalog holds it.
pub fn products_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Body<'c> {
        products: &'c [Product],
    }
    to_string(&envelope(
        "mesomix.products/1",
        catalog,
        Body {
            products: catalog.products(),
        },
    ))
}

/// `show PRODUCT`: the product in full.
pub fn product_doc(catalog: &Catalog, p: usize, lang: Lang) -> Doc {
    let product = &catalog.products()[p];
    let mut doc = Doc::new(crate::render::vocab::name_and_id(
        lang.text(&product.name),
        &product.id,
    ));
    doc.fields(product_fields(product, lang));
    doc.heading(Msg::ActivesTitle.get(lang));
    doc.list(
        product
            .actives
            .iter()
            .map(|a| {
                let strength = a
                    .strength
                    .map(|s| format!(" {}", strength_text(s, lang)))
                    .unwrap_or_default();
                let name = match lang {
                    Lang::En => a.ingredient.to_string(),
                    Lang::Ru => catalog.ingredient_index(&a.ingredient).map_or_else(
                        || a.ingredient.to_string(),
                        |i| lang.text(&catalog.ingredients()[i].name).to_owned(),
                    ),
                };
                let note = a
                    .note
                    .as_ref()
                    .map(|n| format!(" — {}", lang.text(n)))
                    .unwrap_or_default();
                Styled::from(format!(
                    "{name}{strength}{note} [{}; {}]",
                    lang::evidence(a.evidence, lang),
                    a.sources.join(", ")
                ))
            })
            .collect(),
    );
    // What the product does for each goal: its own claims and its actives' together.
    let goals = catalog.goals_served(Item::Product(p), None);
    if !goals.is_empty() {
        doc.heading(Msg::GoalsTitle.get(lang));
        doc.list(
            goals
                .iter()
                .map(|(g, v)| {
                    Styled::from(format!(
                        "{}: {} ({})",
                        lang.text(&catalog.goals()[*g].name),
                        out_of_three(v.value(), lang),
                        lang::evidence(v.evidence, lang)
                    ))
                })
                .collect(),
        );
    }
    if !product.components.is_empty() {
        doc.heading(Msg::ContainsTitle.get(lang));
        doc.list(
            product
                .components
                .iter()
                .map(|c| {
                    Styled::from(format!(
                        "{} [{}; {}]",
                        lang.text(&c.name),
                        lang::evidence(c.evidence, lang),
                        c.sources.join(", ")
                    ))
                })
                .collect(),
        );
    }
    if let Some(solo) = &product.solo {
        doc.heading(Msg::Solo.get(lang));
        doc.paragraph(Styled::from(format!(
            "{}: {} [{}; {}]",
            lang::rating(solo.rating, lang),
            lang.text(&solo.note),
            lang::evidence(solo.evidence, lang),
            solo.sources.join(", ")
        )));
    }
    if !product.notes.is_empty() {
        doc.heading(Msg::Notes.get(lang));
        doc.list(
            product
                .notes
                .iter()
                .map(|n| Styled::from(format!("{} [{}]", lang.text(&n.text), n.sources.join(", "))))
                .collect(),
        );
    }
    sources_table(&mut doc, &source_list(catalog, cited(product)), lang);
    doc
}

/// A product's fields: maker, registration, presentation, uses and aliases.
fn product_fields(product: &Product, lang: Lang) -> Vec<(String, Styled)> {
    let mut fields = vec![
        (
            Msg::Maker.get(lang).to_owned(),
            Styled::from(product.maker.as_ref()),
        ),
        (
            Msg::Registration.get(lang).to_owned(),
            Styled::from(format!(
                "{}: {}",
                lang::registration(product.registration, lang),
                lang.text(&product.registration_note)
            )),
        ),
        (
            Msg::Presentation.get(lang).to_owned(),
            Styled::from(
                product
                    .presentation
                    .as_ref()
                    .map_or(Msg::NotFoundInSources.get(lang), |t| lang.text(t)),
            ),
        ),
        (
            Msg::Uses.get(lang).to_owned(),
            Styled::from(lang.text(&product.uses)),
        ),
    ];
    if !product.aliases.is_empty() {
        fields.push((
            Msg::Aliases.get(lang).to_owned(),
            Styled::from(product.aliases.join(", ")),
        ));
    }
    fields
}

/// Every source a product cites, sorted, each once.
fn cited(p: &Product) -> Vec<&str> {
    let mut ids: Vec<&str> = p.sources.iter().map(|s| &**s).collect();
    for a in &p.actives {
        ids.extend(a.sources.iter().map(|s| &**s));
    }
    for c in &p.components {
        ids.extend(c.sources.iter().map(|s| &**s));
    }
    if let Some(s) = &p.solo {
        ids.extend(s.sources.iter().map(|s| &**s));
    }
    for n in &p.notes {
        ids.extend(n.sources.iter().map(|s| &**s));
    }
    for a in &p.actions {
        ids.extend(a.sources.iter().map(|s| &**s));
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// `show PRODUCT --format json`.
pub fn product_json(catalog: &Catalog, p: usize) -> String {
    #[derive(Serialize)]
    struct Goal<'c> {
        goal: &'c str,
        /// What the product alone does for the goal, 0 to 3.
        value: f64,
        evidence: Evidence,
    }
    #[derive(Serialize)]
    struct Body<'c> {
        product: &'c Product,
        /// Derived from its own action claims and its actives'.
        goals: Vec<Goal<'c>>,
    }
    to_string(&envelope(
        "mesomix.product/2",
        catalog,
        Body {
            product: &catalog.products()[p],
            goals: catalog
                .goals_served(Item::Product(p), None)
                .into_iter()
                .map(|(g, v)| Goal {
                    goal: &catalog.goals()[g].id,
                    value: crate::render::json::round_to(v.value(), 2),
                    evidence: v.evidence,
                })
                .collect(),
        },
    ))
}
