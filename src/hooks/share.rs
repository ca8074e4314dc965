//! Share links: the scenario document compressed by the browser's own `CompressionStream`
//! (raw DEFLATE), framed by [`crate::persist::share_link`], in the URL
//! fragment, which browsers never send to a server. Opening a page whose fragment is a share
//! link restores the scenarios, says so and takes the fragment off the address; a damaged or
//! newer link leaves the app as it was, with a notice.

use yew::prelude::*;

use crate::persist::scenario_doc::{from_json, DocError, ScenarioDoc};
use crate::persist::share_link::{fragment, parse_fragment, LinkError};
use crate::state::{Action, AppState, LinkProblem, Notice, OpenedFrom};

/// What a share fragment opens to, given the browser's decompression of its payload
/// (`None` when that failed). Pure, so every outcome is tested natively.
pub fn link_outcome(
    framed: Result<Vec<u8>, LinkError>,
    decompress: impl FnOnce(Vec<u8>) -> Option<Vec<u8>>,
) -> Result<ScenarioDoc, LinkProblem> {
    let compressed = framed.map_err(|e| match e {
        LinkError::Malformed => LinkProblem::Damaged,
        LinkError::NewerVersion(v) => LinkProblem::NewerVersion(v),
    })?;
    let bytes = decompress(compressed).ok_or(LinkProblem::Damaged)?;
    let text = String::from_utf8(bytes).map_err(|_| LinkProblem::Damaged)?;
    from_json(&text).map_err(|e| match e {
        DocError::NotJson { .. } | DocError::NotUtf8 | DocError::NotScenarioDoc => {
            LinkProblem::Damaged
        }
        DocError::NewerVersion(v) => LinkProblem::NewerVersion(v),
        other => LinkProblem::Invalid(other),
    })
}

/// Opens the share link in the page's fragment on start, and again whenever the fragment
/// changes (a link pasted into the address bar of an open page).
#[hook]
pub fn use_share_link_opening(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let open = move || open_fragment(browser::hash(), dispatch.clone());
        open();
        browser::on_hash_change(open)
    });
}

fn open_fragment(hash: String, dispatch: UseReducerDispatcher<AppState>) {
    let Some(framed) = parse_fragment(&hash) else {
        return;
    };
    yew::platform::spawn_local(async move {
        let decompressed = match &framed {
            Ok(bytes) => browser::deflate(bytes, false).await,
            Err(_) => None,
        };
        let action = match link_outcome(framed, |_| decompressed) {
            Ok(doc) => {
                // The scenarios are now the working set (saved in this browser): without the
                // fragment, a reload keeps later edits instead of reopening the link.
                browser::forget_hash();
                Action::OpenScenarioDoc(Box::new(doc), OpenedFrom::Link)
            }
            Err(problem) => Action::ShowNotice(Notice::LinkUnreadable(problem)),
        };
        dispatch.dispatch(action);
    });
}

/// Builds the share link of `doc` (this page's address with the fragment) and calls
/// `on_link` with it, and whether the clipboard took it.
pub fn make_link(doc: &ScenarioDoc, on_link: Callback<(String, bool)>) {
    let json = crate::persist::scenario_doc::to_json(doc);
    yew::platform::spawn_local(async move {
        let Some(compressed) = browser::deflate(json.as_bytes(), true).await else {
            return;
        };
        let link = format!("{}#{}", browser::page_address(), fragment(&compressed));
        let copied = browser::copy(&link).await;
        on_link.emit((link, copied));
    });
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Function, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    pub fn hash() -> String {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }

    /// The page's address without its fragment.
    pub fn page_address() -> String {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return String::new();
        };
        let origin = location.origin().unwrap_or_default();
        let path = location.pathname().unwrap_or_default();
        let query = location.search().unwrap_or_default();
        format!("{origin}{path}{query}")
    }

    /// Takes the fragment off the address without a navigation or a history entry.
    pub fn forget_hash() {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&page_address()));
        }
    }

    /// Calls `run` on every `hashchange`; the returned closure removes the listener (gloo
    /// removes it when its guard is dropped).
    pub fn on_hash_change(run: impl Fn() + 'static) -> impl FnOnce() {
        let listener = web_sys::window()
            .map(|w| gloo_events::EventListener::new(&w, "hashchange", move |_| run()));
        move || drop(listener)
    }

    /// Raw DEFLATE by the browser (`compress`) or its inverse; `None` on any failure, such as
    /// a cut or altered payload.
    pub async fn deflate(bytes: &[u8], compress: bool) -> Option<Vec<u8>> {
        transform(bytes, compress).await.ok()
    }

    async fn transform(bytes: &[u8], compress: bool) -> Result<Vec<u8>, JsValue> {
        let name = if compress {
            "CompressionStream"
        } else {
            "DecompressionStream"
        };
        let constructor: Function = Reflect::get(&js_sys::global(), &name.into())?.dyn_into()?;
        let transform = Reflect::construct(&constructor, &Array::of1(&"deflate-raw".into()))?;
        let blob =
            web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))?;
        let input = blob.stream();
        let pipe: Function = Reflect::get(&input, &"pipeThrough".into())?.dyn_into()?;
        let output: web_sys::ReadableStream = pipe.call1(&input, &transform)?.dyn_into()?;
        let response = web_sys::Response::new_with_opt_readable_stream(Some(&output))?;
        let buffer = JsFuture::from(response.array_buffer()?).await?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }

    /// Writes `text` to the clipboard; `false` when the browser refused.
    pub async fn copy(text: &str) -> bool {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let promise = window.navigator().clipboard().write_text(text);
        JsFuture::from(promise).await.is_ok()
    }
}

/// Natively (tests, SSR) there is no page: no fragment, no compression, no clipboard.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    pub fn hash() -> String {
        String::new()
    }
    pub fn page_address() -> String {
        String::new()
    }
    pub fn forget_hash() {}
    pub fn on_hash_change(_run: impl Fn() + 'static) -> impl FnOnce() {
        || ()
    }
    pub async fn deflate(_bytes: &[u8], _compress: bool) -> Option<Vec<u8>> {
        None
    }
    pub async fn copy(_text: &str) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::scenario_doc::to_json;

    fn doc() -> ScenarioDoc {
        crate::state::AppState::default().scenario_doc()
    }

    #[test]
    fn every_way_a_link_can_fail_is_named() {
        let json = to_json(&doc()).into_bytes();
        let ok = link_outcome(Ok(vec![1]), |_| Some(json.clone()));
        assert_eq!(ok, Ok(doc()));
        let cases = [
            (
                link_outcome(Err(LinkError::Malformed), |_| None),
                LinkProblem::Damaged,
            ),
            (
                link_outcome(Err(LinkError::NewerVersion(3)), |_| None),
                LinkProblem::NewerVersion(3),
            ),
            (link_outcome(Ok(vec![1]), |_| None), LinkProblem::Damaged),
            (
                link_outcome(Ok(vec![1]), |_| Some(vec![0xff, 0xfe])),
                LinkProblem::Damaged,
            ),
            (
                link_outcome(Ok(vec![1]), |_| Some(json[..json.len() - 9].to_vec())),
                LinkProblem::Damaged,
            ),
        ];
        for (outcome, problem) in cases {
            assert_eq!(outcome, Err(problem));
        }
        let newer = String::from_utf8(json.clone())
            .unwrap()
            .replace("\"version\":4", "\"version\":5");
        assert_eq!(
            link_outcome(Ok(vec![1]), |_| Some(newer.into_bytes())),
            Err(LinkProblem::NewerVersion(5))
        );
        let faulty = String::from_utf8(json)
            .unwrap()
            .replacen("\"cac\":\"", "\"cac\":\"-", 1);
        assert!(matches!(
            link_outcome(Ok(vec![1]), |_| Some(faulty.into_bytes())),
            Err(LinkProblem::Invalid(DocError::BadInput {
                scenario: 1,
                field: "cac",
                ..
            }))
        ));
    }
}
