use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorBannerProps {
    /// The message in the UI language; nothing is shown when `None`.
    pub message: Option<AttrValue>,
    pub dismiss_label: AttrValue,
    pub on_dismiss: Callback<()>,
}

/// The one place app-level problems are announced (corrupt storage, failed imports).
#[component]
pub fn ErrorBanner(props: &ErrorBannerProps) -> Html {
    let Some(message) = props.message.clone() else {
        return html! {};
    };
    let on_click = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="banner" role="alert" data-testid="error-banner">
            <span class="banner__message">{ message }</span>
            <button type="button" class="banner__dismiss" onclick={on_click}>{ props.dismiss_label.clone() }</button>
        </div>
    }
}
