use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorBannerProps {
    /// The message in the UI language; nothing is shown when `None`.
    pub message: Option<AttrValue>,
    /// A bold first line, when the message needs a headline ("The import failed…").
    #[prop_or_default]
    pub headline: Option<AttrValue>,
    pub dismiss_label: AttrValue,
    pub on_dismiss: Callback<()>,
    /// Test hook of the banner (`error-banner` unless a section needs its own).
    #[prop_or(AttrValue::Static("error-banner"))]
    pub test_id: AttrValue,
    /// An outcome to confirm ("restored from the link") rather than a problem.
    #[prop_or_default]
    pub info: bool,
}

/// The one place problems are announced (corrupt storage, failed imports), and outcomes
/// confirmed (`info`: a calmer colour, and `role="status"` so it is read out politely).
#[component]
pub fn ErrorBanner(props: &ErrorBannerProps) -> Html {
    let Some(message) = props.message.clone() else {
        return html! {};
    };
    let on_click = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class={classes!("banner", props.info.then_some("banner--info"))}
             role={if props.info { "status" } else { "alert" }} data-testid={props.test_id.clone()}>
            <div>
                if let Some(headline) = props.headline.clone() {
                    <strong>{ headline }</strong>
                }
                <p class="banner__detail" data-testid={format!("{}-message", props.test_id)}>{ message }</p>
            </div>
            <button type="button" class="banner__dismiss" onclick={on_click}>{ props.dismiss_label.clone() }</button>
        </div>
    }
}
