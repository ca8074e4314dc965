use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    /// Names the chart for tests and exports: `data-chart="<name>"`.
    pub name: AttrValue,
    /// The chart as drawn by `chart::*`, or the message to show when it could not be drawn.
    pub svg: Result<AttrValue, AttrValue>,
}

/// Shows an SVG string from `chart::*`. The markup is plotters' own, which escapes every text
/// it draws, so inserting it unchecked cannot inject anything from user data.
#[component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let body = match &props.svg {
        Ok(svg) => Html::from_html_unchecked(svg.clone()),
        Err(message) => html! { <p class="chart__error" role="alert">{ message.clone() }</p> },
    };
    html! {
        <figure class="chart" data-testid="chart" data-chart={props.name.clone()}>{ body }</figure>
    }
}
