//! A number field beside a slider, bound to the same value and the same handler: a slider
//! alone can only be dragged or stepped, and WCAG 2.2 (2.5.7, dragging movements) asks for a
//! way to set the value without dragging; a consultant also types an exact figure faster.

use yew::prelude::*;

/// The twin field of the slider `input-<name>`: `input-<name>-number`, with the same range,
/// step and value, named for screen readers by `label`. A typed value outside the slider's
/// range (which the slider itself can never send) is held back: the last one stays.
pub fn number_twin(
    name: &str,
    label: &str,
    (min, max, step): (f64, f64, f64),
    value: &str,
    oninput: Callback<InputEvent>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value_as_number();
        if (min..=max).contains(&value) {
            oninput.emit(e);
        }
    });
    html! {
        <input type="number" class="field__input slider__number" data-testid={format!("input-{name}-number")}
               min={min.to_string()} max={max.to_string()} step={step.to_string()} value={value.to_string()}
               aria-label={label.to_string()} {oninput} />
    }
}
