use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// Test hook suffix: the input carries `data-testid="input-<name>"`.
    pub name: AttrValue,
    pub label: AttrValue,
    /// The raw text as typed.
    pub value: AttrValue,
    /// Shown beside the input: a currency symbol or `%`.
    pub unit: AttrValue,
    /// The problem with the current text, in the UI language.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub on_change: Callback<String>,
}

/// A text input for a number (money or percent) that keeps whatever the user types and shows
/// the parse error beside it; parsing happens in `forms`, not here.
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let on_input = props
        .on_change
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let id = format!("field-{}", props.name);
    let error_id = format!("{id}-error");
    let invalid = props.error.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("field--invalid"))}>
            <label class="field__label" for={id.clone()}>{ props.label.clone() }</label>
            <div class="field__control">
                <input {id} class="field__input" type="text" inputmode="decimal" autocomplete="off"
                       data-testid={format!("input-{}", props.name)}
                       value={props.value.clone()} oninput={on_input}
                       aria-invalid={invalid.to_string()}
                       aria-describedby={invalid.then(|| AttrValue::from(error_id.clone()))} />
                <span class="field__unit">{ props.unit.clone() }</span>
            </div>
            if let Some(error) = props.error.clone() {
                <p class="field__error" id={error_id} data-testid={format!("error-{}", props.name)}>{ error }</p>
            }
        </div>
    }
}
