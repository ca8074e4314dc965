//! Read-only tables written as HTML text and inserted whole.
//!
//! Why not `html!`: each element of a `html!` tree compiles to its own construction code, and
//! the health and renewal tables pushed the page's first load over its budget (then 300 KB). These
//! tables only display figures (their controls stay in Yew), so they are built as text: every
//! piece of text goes through [`escape`], so names from imported files cannot inject markup.

use yew::{AttrValue, Html};

/// Escapes text for an HTML text node or a double-quoted attribute value (`& < > "`).
pub fn escape(text: &str, out: &mut String) {
    html_escape::encode_double_quoted_attribute_to_string(text, out);
}

/// A table under construction.
pub struct TableText {
    out: String,
}

/// A cell's class: numbers are right-aligned.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Text,
    Number,
}

impl TableText {
    /// Opens `<table class="data-table …">` with a header row of `(label, align)`.
    pub fn new(extra_class: &str, headers: &[(&str, Align)]) -> TableText {
        let mut t = TableText {
            out: String::with_capacity(4096),
        };
        t.out.push_str("<table class=\"data-table ");
        escape(extra_class, &mut t.out);
        t.out.push_str("\"><thead><tr>");
        for (label, align) in headers {
            t.out.push_str(if *align == Align::Number {
                "<th scope=\"col\" class=\"num\">"
            } else {
                "<th scope=\"col\">"
            });
            escape(label, &mut t.out);
            t.out.push_str("</th>");
        }
        t.out.push_str("</tr></thead><tbody>");
        t
    }

    /// Opens a row with `data-*` and other attributes (names are constants, values escaped).
    pub fn row(&mut self, attributes: &[(&str, &str)]) -> &mut Self {
        self.out.push_str("<tr");
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape(value, &mut self.out);
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    /// A row-header cell.
    pub fn head(&mut self, parts: &[(&str, &str)]) -> &mut Self {
        self.cell("th scope=\"row\"", "th", Align::Text, parts)
    }

    /// A data cell of `(span class, text)` parts (an empty class writes bare text).
    pub fn data(&mut self, align: Align, parts: &[(&str, &str)]) -> &mut Self {
        self.cell("td", "td", align, parts)
    }

    fn cell(&mut self, open: &str, close: &str, align: Align, parts: &[(&str, &str)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(open);
        if align == Align::Number {
            self.out.push_str(" class=\"num\"");
        }
        self.out.push('>');
        for (class, text) in parts {
            if class.is_empty() {
                escape(text, &mut self.out);
            } else {
                self.out.push_str("<span class=\"");
                escape(class, &mut self.out);
                self.out.push_str("\">");
                escape(text, &mut self.out);
                self.out.push_str("</span>");
            }
        }
        self.out.push_str("</");
        self.out.push_str(close);
        self.out.push('>');
        self
    }

    pub fn end_row(&mut self) -> &mut Self {
        self.out.push_str("</tr>");
        self
    }

    pub fn finish(mut self) -> Html {
        self.out.push_str("</tbody></table>");
        Html::from_html_unchecked(AttrValue::from(self.out))
    }

    #[cfg(test)]
    fn text(&self) -> &str {
        &self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_and_attribute_is_escaped() {
        let mut t = TableText::new("x", &[("<Name>", Align::Text), ("ARR", Align::Number)]);
        t.row(&[("data-customer-id", "a\"><script>")])
            .head(&[("name", "Acme & <b>Co</b>"), ("id", "C'1")])
            .data(Align::Number, &[("", "1,000")])
            .end_row();
        let html = t.text();
        assert!(html.contains("&lt;Name&gt;"));
        assert!(html.contains("data-customer-id=\"a&quot;&gt;&lt;script&gt;\""));
        assert!(html.contains("<span class=\"name\">Acme &amp; &lt;b&gt;Co&lt;/b&gt;</span>"));
        // Every attribute is double-quoted, so an apostrophe is plain text there.
        assert!(html.contains("C'1"));
        assert!(!html.contains("<script>") && !html.contains("<b>"));
        assert!(html.contains("<td class=\"num\">1,000</td>"));
    }
}
