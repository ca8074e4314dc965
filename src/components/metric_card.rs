use yew::prelude::*;

/// How a benchmark badge reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Fair,
    Poor,
}

/// A benchmark badge with its source (shown as a tooltip).
#[derive(Debug, Clone, PartialEq)]
pub struct Badge {
    pub text: AttrValue,
    pub tone: Tone,
    pub source: AttrValue,
}

/// One headline figure.
pub struct Metric<'a> {
    /// Test hook suffix: the card carries `data-testid="metric-<name>"`.
    pub name: &'a str,
    /// Raw value for `data-value` (fractions for ratios, currency units for money).
    pub value: f64,
    /// The value as shown, formatted for the UI language.
    pub text: AttrValue,
    pub label: AttrValue,
    /// One line saying what the figure means.
    pub explain: AttrValue,
    pub badge: Option<Badge>,
}

/// A headline figure: label, large value, one-line explanation, optional benchmark badge.
/// A plain function rather than a component: it has no state or hooks of its own.
pub fn metric_card(m: Metric<'_>) -> Html {
    let badge = m.badge.map(|badge| {
        let tone = match badge.tone {
            Tone::Good => "badge--good",
            Tone::Fair => "badge--fair",
            Tone::Poor => "badge--poor",
        };
        html! {
            <span class={classes!("badge", tone)} title={badge.source} tabindex="0">
                { badge.text }
            </span>
        }
    });
    html! {
        <section class="metric" data-testid={format!("metric-{}", m.name)}
                 data-value={m.value.to_string()}>
            <h3 class="metric__label">{ m.label }</h3>
            <p class="metric__value">{ m.text }</p>
            { for badge }
            <p class="metric__explain">{ m.explain }</p>
        </section>
    }
}
