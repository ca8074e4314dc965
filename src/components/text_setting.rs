use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextSettingProps {
    /// Test hook suffix: `data-testid="input-<name>"`.
    pub name: AttrValue,
    pub label: AttrValue,
    /// The setting's current value as text; the field resets to it when it changes elsewhere.
    pub value: AttrValue,
    /// Parses the text; `Err` holds the message shown beside the field.
    pub parse: Callback<String, Result<(), AttrValue>>,
}

/// A small text input for a scorecard setting. It keeps what the user types, applies it
/// whenever it parses, and otherwise says why beside it while the last good value stays in use.
#[component]
pub fn TextSetting(props: &TextSettingProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let error = use_state(|| None::<AttrValue>);
    {
        // A reset or another edit changed the value: show it.
        let (text, error) = (text.clone(), error.clone());
        use_effect_with(props.value.clone(), move |value| {
            text.set(value.to_string());
            error.set(None);
        });
    }
    let on_input = {
        let (text, error, parse) = (text.clone(), error.clone(), props.parse.clone());
        Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            error.set(parse.emit(typed.clone()).err());
            text.set(typed);
        })
    };
    let invalid = error.is_some();
    html! {
        <label class={classes!("setting", invalid.then_some("field--invalid"))}>
            <span class="setting__label">{ props.label.clone() }</span>
            <input class="field__input setting__input" type="text" inputmode="decimal" autocomplete="off"
                   data-testid={format!("input-{}", props.name)} value={(*text).clone()} oninput={on_input}
                   aria-invalid={invalid.to_string()} />
            if let Some(message) = (*error).clone() {
                <span class="field__error" role="alert">{ message }</span>
            }
        </label>
    }
}
