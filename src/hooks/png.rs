//! A chart's SVG drawn into a PNG by the browser: the SVG becomes an image (a `data:` URL, which
//! the page's CSP already allows for images), the image is painted on a canvas at `scale`, and
//! the canvas is encoded as PNG. Nothing leaves the page.

/// Offers `svg` as a PNG download named `file_name`, `scale` times its own size (2 keeps text
/// sharp on a projector or in a slide).
pub fn download_png(svg: String, file_name: String, scale: u32) {
    #[cfg(target_arch = "wasm32")]
    yew::platform::spawn_local(async move {
        if let Some(bytes) = render(&svg, scale).await {
            super::download::download(&file_name, "image/png", &bytes);
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (svg, file_name, scale);
}

#[cfg(target_arch = "wasm32")]
async fn render(svg: &str, scale: u32) -> Option<Vec<u8>> {
    use wasm_bindgen::JsCast;

    let (width, height) = crate::chart::export::svg_size(svg)?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let escaped = String::from(js_sys::encode_uri_component(svg));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{escaped}"));
    wasm_bindgen_futures::JsFuture::from(image.decode())
        .await
        .ok()?;
    let window = web_sys::window()?;
    let document = window.document()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(width * scale);
    canvas.set_height(height * scale);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(width * scale),
            f64::from(height * scale),
        )
        .ok()?;
    let url = canvas.to_data_url_with_type("image/png").ok()?;
    // A data URL of base64 (the base64 crate: the app's one base64 path).
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(url.split_once(',')?.1)
        .ok()
}
