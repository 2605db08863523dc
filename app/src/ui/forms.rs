//! Showing a server function's error next to the field it names, or above the form.

use crate::error::AppError;
use crate::ui::use_i18n;
use leptos::prelude::*;

/// The error of the last submission, as a signal (none while pending or after success).
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(|r| r.err()))
}

/// The message for `field`, shown beside its input; screen readers announce it (`role="alert"`).
#[component]
pub fn FieldError(error: Signal<Option<AppError>>, field: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().filter(|e| e.field() == Some(field)).map(|e| {
            view! { <span class="field-error" data-field=field role="alert">{i18n.get().error(&e)}</span> }
        })
    }
}

/// Like [`FieldError`] for a field whose name is known only at run time, such as the name of the
/// third scenario (`scenarios[2].name`), which moves when rows are reordered.
#[component]
pub fn ItemFieldError(error: Signal<Option<AppError>>, field: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let field = field.get();
        error.get().filter(|e| e.field() == Some(field.as_str())).map(|e| {
            view! { <span class="field-error" data-field=field.clone() role="alert">{i18n.get().error(&e)}</span> }
        })
    }
}

/// The message of an error that is not about one of `fields` (shown above the form).
#[component]
pub fn FormError(error: Signal<Option<AppError>>, #[prop(optional)] fields: &'static [&'static str]) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().filter(|e| e.field().is_none_or(|f| !fields.contains(&f))).map(|e| {
            let text = match e.field() {
                Some(f) => format!("{f}: {}", i18n.get().error(&e)),
                None => i18n.get().error(&e),
            };
            view! { <p class="form-error" role="alert">{text}</p> }
        })
    }
}

/// What a page shows when its main data did not load: the 404 page (with its status) for
/// something missing or not visible to this person, otherwise the error's message.
pub fn load_error(e: AppError) -> AnyView {
    let i18n = use_i18n();
    match e {
        AppError::NotFound => view! { <crate::NotFound/> }.into_any(),
        e => view! { <p class="form-error" role="alert">{move || i18n.get().error(&e)}</p> }.into_any(),
    }
}
