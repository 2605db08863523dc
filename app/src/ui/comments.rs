//! Comment threads, one way for everything that takes comments (requirements, solution options):
//! each first comment with one level of replies under it, the author line with a role badge, and
//! the form that starts a thread or replies. A feature supplies its comments, how to show what its
//! comments carry beyond the text (an option's concern and its resolution), the words of its form
//! and the server call that posts.

use crate::domain::people::JobRole;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::ui::submit::submit;
use crate::ui::use_i18n;
use leptos::prelude::*;
use std::future::Future;

/// What a thread needs to know of a comment.
pub trait ThreadComment: Clone + Send + Sync + 'static {
    fn id(&self) -> &str;
    /// The thread's first comment, for a reply.
    fn parent_id(&self) -> Option<&str>;
}

/// Every thread, oldest first: a first comment, its replies, then (for someone who may comment)
/// a reply form. `show` renders one comment; `form(parent)` renders a form, `None` starting a
/// new thread, which comes last.
pub fn comment_threads<C, S, F>(comments: Vec<C>, show: S, form: Option<F>) -> impl IntoView
where
    C: ThreadComment,
    S: Fn(C) -> AnyView + Clone + Send + Sync + 'static,
    F: Fn(Option<String>) -> AnyView + Clone + Send + Sync + 'static,
{
    let roots: Vec<C> = comments.iter().filter(|c| c.parent_id().is_none()).cloned().collect();
    let all = StoredValue::new(comments);
    let new_thread = form.clone().map(|form| form(None));
    view! {
        <ul class="threads">
            {roots.into_iter().map(|root| {
                let replies: Vec<C> = all.with_value(|c| c.iter().filter(|c| c.parent_id() == Some(root.id())).cloned().collect());
                let root_id = root.id().to_string();
                let (show_root, show_reply) = (show.clone(), show.clone());
                view! {
                    <li class="thread">
                        {show_root(root)}
                        <ul class="replies">{replies.into_iter().map(|c| view! { <li>{show_reply(c.clone())}</li> }).collect_view()}</ul>
                        {form.clone().map(|form| form(Some(root_id)))}
                    </li>
                }
            }).collect_view()}
        </ul>
        {new_thread}
    }
}

/// The author line of a comment: name, a role badge for architects and tech managers (their
/// words carry their role, as in a design review), `extra` (e.g. a concern badge), and the day.
#[component]
pub fn CommentAuthor(name: String, role: String, at: i64, #[prop(default = None)] extra: Option<AnyView>) -> impl IntoView {
    let i18n = use_i18n();
    let badge = JobRole::parse(&role).ok().filter(|r| matches!(r, JobRole::Architect | JobRole::TechManager));
    view! {
        <header>
            <strong>{name}</strong>
            {badge.map(|role| view! { " " <span class="badge role" data-role=role.as_str()>{move || i18n.get().job_role(role)}</span> })}
            {extra}
            <span class="muted">{move || format!(" · {}", i18n.get().day_of(at))}</span>
        </header>
    }
}

/// The words of a comment form, in the reader's language.
#[derive(Clone, Copy)]
pub struct CommentFormWords {
    pub add_comment: &'static str,
    pub reply: &'static str,
    pub hint: &'static str,
    /// The checkbox that raises a new thread as a concern, and its hint; `None` where comments
    /// cannot be concerns.
    pub concern: Option<(&'static str, &'static str)>,
}

/// The form that starts a thread (`parent_id` `None`) or replies. `post(body, parent_id,
/// concern)` sends it; `changes` is bumped once it is stored, so the page reloads its comments.
pub fn comment_form<F, Fut, O>(
    parent_id: Option<String>,
    words: fn(Locale) -> CommentFormWords,
    post: F,
    changes: RwSignal<u32>,
) -> impl IntoView
where
    F: Fn(String, Option<String>, bool) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<O, AppError>> + Send + 'static,
    O: Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let w = move || words(i18n.get());
    let body = RwSignal::new(String::new());
    let concern = RwSignal::new(false);
    let is_reply = parent_id.is_some();
    let send =
        submit(move |_: &()| post(body.get_untracked(), parent_id.clone(), concern.get_untracked()), move |_| changes.update(|n| *n += 1));
    let error = send.error;
    let label = move || if is_reply { w().reply } else { w().add_comment };
    let concern_box = (!is_reply && words(i18n.locale.get_untracked()).concern.is_some()).then(|| {
        view! {
            <label class="inline"><input type="checkbox" name="concern" on:change=move |ev| concern.set(event_target_checked(&ev))/>
                <span>{move || w().concern.map(|(label, _)| label)}</span></label>
            <small class="muted">{move || w().concern.map(|(_, hint)| hint)}</small>
        }
    });
    view! {
        <form class=if is_reply { "comment-form reply" } else { "comment-form" } on:submit=move |ev| {
            ev.prevent_default();
            send.dispatch(());
        }>
            <label><span>{label}</span>
                <textarea name="body" rows=if is_reply { "2" } else { "4" } on:input=move |ev| body.set(event_target_value(&ev))
                    placeholder=move || w().hint></textarea></label>
            {concern_box}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{i18n.get().error(&e)}</p> })}
            <button type="submit" class="secondary" disabled=move || send.pending()>{label}</button>
        </form>
    }
}
