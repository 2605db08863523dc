//! Reading the file a person picks in an `<input type=file>` (plan files, holiday calendars): the
//! browser reads it, nothing is uploaded until the page sends the text where it belongs.

/// Reads the first file chosen in the input behind `ev` and hands its name and text to `loaded`.
/// Does nothing on the server (the event only fires in the browser).
pub fn read_chosen_file(ev: leptos::ev::Event, loaded: impl FnOnce(String, String) + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        leptos::task::spawn_local(async move {
            if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                loaded(file.name(), text.as_string().unwrap_or_default());
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, loaded);
}
