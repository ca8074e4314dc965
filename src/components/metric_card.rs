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

#[derive(Properties, PartialEq)]
pub struct MetricCardProps {
    /// Test hook suffix: the card carries `data-testid="metric-<name>"`.
    pub name: AttrValue,
    /// Raw value for `data-value` (fractions for ratios, currency units for money).
    pub value: f64,
    /// The value as shown, formatted for the UI language.
    pub text: AttrValue,
    pub label: AttrValue,
    /// One line saying what the figure means.
    pub explain: AttrValue,
    #[prop_or_default]
    pub badge: Option<Badge>,
}

/// A headline figure: label, large value, one-line explanation, optional benchmark badge.
#[component]
pub fn MetricCard(props: &MetricCardProps) -> Html {
    let badge = props.badge.as_ref().map(|badge| {
        let tone = match badge.tone {
            Tone::Good => "badge--good",
            Tone::Fair => "badge--fair",
            Tone::Poor => "badge--poor",
        };
        html! {
            <span class={classes!("badge", tone)} title={badge.source.clone()} tabindex="0">
                { badge.text.clone() }
            </span>
        }
    });
    html! {
        <section class="metric" data-testid={format!("metric-{}", props.name)}
                 data-value={props.value.to_string()}>
            <h3 class="metric__label">{ props.label.clone() }</h3>
            <p class="metric__value">{ props.text.clone() }</p>
            { for badge }
            <p class="metric__explain">{ props.explain.clone() }</p>
        </section>
    }
}
