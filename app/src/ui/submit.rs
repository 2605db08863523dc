//! The one way a form calls the server: [`submit`] wraps the server call in an `Action`, keeps the
//! error of the last try for the form to show, and runs what should follow a success (reload the
//! page's data, navigate, clear a field). Dispatching clears the previous error first, so a
//! corrected form never shows a stale message.

use crate::error::AppError;
use leptos::prelude::*;
use std::future::Future;

/// A form's server call and the error of its last try. `Copy`, so closures in a view can share it.
pub struct Submit<I: 'static, O: 'static> {
    pub action: Action<I, Result<O, AppError>>,
    pub error: RwSignal<Option<AppError>>,
}

impl<I: 'static, O: 'static> Clone for Submit<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static, O: 'static> Copy for Submit<I, O> {}

impl<I, O> Submit<I, O>
where
    I: Send + Sync + 'static,
    O: Send + Sync + 'static,
{
    /// Sends `input`, clearing the previous error.
    pub fn dispatch(&self, input: I) {
        self.error.set(None);
        self.action.dispatch(input);
    }

    /// True while the call is on its way (the form's button is disabled meanwhile).
    pub fn pending(&self) -> bool {
        self.action.pending().get()
    }
}

/// A server call made by a form: `call` builds the request from the input (and the form's
/// signals, read untracked), `on_ok` runs with the answer when it succeeds.
pub fn submit<I, O, F, Fut>(call: F, on_ok: impl Fn(O) + 'static) -> Submit<I, O>
where
    I: Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
    F: Fn(&I) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<O, AppError>> + Send + 'static,
{
    submit_or(call, on_ok, |_| {})
}

/// [`submit`] for a form that does more with an error than show it: `on_err` runs before the
/// error is shown (an editor fetches what the other person saved on a conflict).
pub fn submit_or<I, O, F, Fut>(call: F, on_ok: impl Fn(O) + 'static, on_err: impl Fn(&AppError) + 'static) -> Submit<I, O>
where
    I: Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
    F: Fn(&I) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<O, AppError>> + Send + 'static,
{
    let action = Action::new(call);
    let error = RwSignal::new(None::<AppError>);
    Effect::new(move |_| match action.value().get() {
        Some(Ok(answer)) => on_ok(answer),
        Some(Err(e)) => {
            on_err(&e);
            error.set(Some(e));
        }
        None => {}
    });
    Submit { action, error }
}

/// How many times an action's call succeeded. A page reloads its data on this rather than on the
/// action's `version()` (which also counts refusals), so a refused save (a conflict, a broken
/// rule) leaves the form as the person typed it, with the error beside it.
pub fn saved_count<I, O, E>(action: Action<I, Result<O, E>>) -> ReadSignal<usize>
where
    I: Send + Sync + 'static,
    O: Send + Sync + 'static,
    E: Send + Sync + 'static,
{
    let count = RwSignal::new(0usize);
    Effect::new(move |_| {
        if action.value().with(|answer| matches!(answer, Some(Ok(_)))) {
            count.update(|n| *n += 1);
        }
    });
    count.read_only()
}
