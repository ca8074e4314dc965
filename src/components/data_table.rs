//! Read-only tables of figures (the health customer list, ticket priority, the at-risk list),
//! built row by row as Yew nodes: rows carry the `data-*` hooks tests read, and Yew escapes
//! every text and attribute, so names from imported files cannot inject markup. (These tables
//! were once written as HTML text to save bytes of the first load; that reason is gone.)

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag};

/// A cell's class: numbers are right-aligned.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Text,
    Number,
}

/// A table under construction.
pub struct DataTable {
    class: String,
    headers: Html,
    rows: Vec<Html>,
    /// The row being built: its tag, then its cells.
    row: Option<VTag>,
}

impl DataTable {
    /// A `<table class="data-table …">` with a header row of `(label, align)`.
    pub fn new(extra_class: &str, headers: &[(&str, Align)]) -> DataTable {
        let headers = headers
            .iter()
            .map(|(label, align)| {
                let class = (*align == Align::Number).then_some("num");
                html! { <th scope="col" {class}>{ label.to_string() }</th> }
            })
            .collect();
        DataTable {
            class: extra_class.to_string(),
            headers,
            rows: Vec::new(),
            row: None,
        }
    }

    /// Opens a row with `data-*` and other attributes.
    pub fn row(&mut self, attributes: &[(&str, &str)]) -> &mut Self {
        self.end_row();
        let mut tr = VTag::new("tr");
        let map = attributes
            .iter()
            .map(|(name, value)| {
                (
                    AttrValue::from(name.to_string()),
                    AttributeOrProperty::Attribute(AttrValue::from(value.to_string())),
                )
            })
            .collect();
        tr.set_attributes(Attributes::IndexMap(Rc::new(map)));
        self.row = Some(tr);
        self
    }

    /// A row-header cell of `(span class, text)` parts.
    pub fn head(&mut self, parts: &[(&str, &str)]) -> &mut Self {
        let cell = html! { <th scope="row">{ spans(parts) }</th> };
        self.push(cell)
    }

    /// A data cell of `(span class, text)` parts (an empty class writes bare text).
    pub fn data(&mut self, align: Align, parts: &[(&str, &str)]) -> &mut Self {
        let class = (align == Align::Number).then_some("num");
        let cell = html! { <td {class}>{ spans(parts) }</td> };
        self.push(cell)
    }

    fn push(&mut self, cell: Html) -> &mut Self {
        if let Some(row) = self.row.as_mut() {
            row.add_child(cell);
        }
        self
    }

    pub fn end_row(&mut self) -> &mut Self {
        if let Some(row) = self.row.take() {
            self.rows.push(row.into());
        }
        self
    }

    pub fn finish(mut self) -> Html {
        self.end_row();
        html! {
            <table class={classes!("data-table", (!self.class.is_empty()).then_some(self.class))}>
                <thead><tr>{ self.headers }</tr></thead>
                <tbody>{ for self.rows }</tbody>
            </table>
        }
    }
}

fn spans(parts: &[(&str, &str)]) -> Html {
    parts
        .iter()
        .map(|(class, text)| {
            if class.is_empty() {
                html! { { text.to_string() } }
            } else {
                html! { <span class={class.to_string()}>{ text.to_string() }</span> }
            }
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[component]
    fn Hostile() -> Html {
        let mut t = DataTable::new("x", &[("<Name>", Align::Text), ("ARR", Align::Number)]);
        t.row(&[("data-customer-id", "a\"><script>")])
            .head(&[("name", "Acme & <b>Co</b>"), ("id", "C'1")])
            .data(Align::Number, &[("", "1,000")]);
        t.finish()
    }

    #[tokio::test]
    async fn every_text_and_attribute_is_escaped() {
        let html = yew::LocalServerRenderer::<Hostile>::new()
            .hydratable(false)
            .render()
            .await;
        assert!(html.contains("&lt;Name&gt;"), "{html}");
        assert!(
            !html.contains("<script>") && !html.contains("<b>"),
            "{html}"
        );
        assert!(html.contains("Acme &amp; &lt;b&gt;Co&lt;/b&gt;"), "{html}");
        assert!(
            html.contains(r#"data-customer-id="a&quot;&gt;&lt;script&gt;""#),
            "{html}"
        );
        assert!(html.contains(r#"<td class="num">1,000</td>"#), "{html}");
        assert!(html.contains(r#"<table class="data-table x">"#), "{html}");
    }
}
