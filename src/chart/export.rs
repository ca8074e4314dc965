//! A chart made ready to leave the page: a white background (a PNG would otherwise be
//! transparent, black in some viewers) and a footer line naming the data source and the date,
//! so a picture pasted into a deck still says where its numbers came from. The chart's own
//! title is already drawn inside it.

use super::FONT;

/// Height in pixels added below the chart for the source line.
pub const FOOTER_HEIGHT: u32 = 28;

/// `(width, height)` of an SVG written by plotters (`<svg width="…" height="…" …>`).
pub fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let open = &svg[svg.find("<svg")?..];
    let open = &open[..open.find('>')?];
    Some((attribute(open, "width")?, attribute(open, "height")?))
}

fn attribute(tag: &str, name: &str) -> Option<u32> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let rest = &tag[start..];
    rest[..rest.find('"')?].parse().ok()
}

/// The chart with a background and `source` written below it; `None` if `svg` is not a
/// plotters SVG (nothing to export then).
///
/// ```
/// use retention_lab::chart::export::{svg_size, with_source, FOOTER_HEIGHT};
/// let svg = r#"<svg width="300" height="200" viewBox="0 0 300 200" xmlns="http://www.w3.org/2000/svg">
/// </svg>"#;
/// let out = with_source(svg, "Data source: a <b> & c").unwrap();
/// assert_eq!(svg_size(&out), Some((300, 200 + FOOTER_HEIGHT)));
/// assert!(out.contains("a &lt;b&gt; &amp; c"));
/// ```
pub fn with_source(svg: &str, source: &str) -> Option<String> {
    let (width, height) = svg_size(svg)?;
    let tag_start = svg.find("<svg")?;
    let tag_end = tag_start + svg[tag_start..].find('>')? + 1;
    let body_end = svg.rfind("</svg>")?;
    if body_end < tag_end {
        return None;
    }
    let total = height + FOOTER_HEIGHT;
    let mut out = String::with_capacity(svg.len() + 400);
    out.push_str(&format!(
        r#"<svg width="{width}" height="{total}" viewBox="0 0 {width} {total}" xmlns="http://www.w3.org/2000/svg">"#
    ));
    out.push_str(&format!(
        r##"<rect x="0" y="0" width="{width}" height="{total}" fill="#FFFFFF"/>"##
    ));
    out.push_str(&svg[tag_end..body_end]);
    out.push_str(&format!(
        r##"<text x="10" y="{}" font-family="{}" font-size="12" fill="#444444">{}</text>"##,
        height + FOOTER_HEIGHT - 10,
        FONT.as_str(),
        escape(source)
    ));
    out.push_str("</svg>");
    Some(out)
}

/// The footer's text as SVG text content (`& < > "` escaped).
fn escape(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::bars::{draw, Bar, Bars};
    use plotters::style::RGBColor;

    #[test]
    fn a_real_chart_keeps_its_body_and_gains_the_footer() {
        let chart = draw(
            &Bars {
                title: "ARR by band".into(),
                x_label: "band".into(),
                y_label: "ARR".into(),
                bars: vec![Bar {
                    label: "red".into(),
                    value: 3.0,
                    colour: RGBColor(200, 0, 0),
                }],
            },
            &|v| format!("{v}"),
        );
        let svg = chart.unwrap();
        let (w, h) = svg_size(&svg).unwrap();
        let out = with_source(&svg, "Data source: sample · 2026-11-23").unwrap();
        assert_eq!(svg_size(&out), Some((w, h + FOOTER_HEIGHT)));
        assert!(out.contains("ARR by band"));
        assert!(out.contains("2026-11-23</text></svg>"));
        // The source line sits in the footer, below the chart, in the charts' font.
        let footer = format!(
            r#"<text x="10" y="{}" font-family="{}" font-size="12""#,
            h + FOOTER_HEIGHT - 10,
            FONT.as_str()
        );
        assert!(out.contains(&footer), "{out}");
        assert_eq!(out.matches("<svg").count(), 1);
    }

    #[test]
    fn not_an_svg_gives_none() {
        assert_eq!(with_source("<p>hello</p>", "x"), None);
        assert_eq!(with_source("<svg width=\"1\">", "x"), None);
    }
}
