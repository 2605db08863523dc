//! The `/projects/:id/signoffs` page: the sign-off matrix (people × subjects, each cell signed,
//! stale or missing in words), the stale and missing list, the sign panel (what exactly is signed,
//! its fingerprint, the fixed meaning text, the password again), revoking with a reason, and the
//! project's audit log.

use super::api::{get_signoff_matrix, revoke_signoff, sign_cell};
use super::dto::{CellDto, CellState, SignerDto, SignoffMatrix, SubjectDto};
use super::messages::SignoffMessages;
use crate::audit::api::list_audit_entries;
use crate::audit::dto::AuditEntryDto;
use crate::change_requests::messages::RequestMessages;
use crate::domain::people::JobRole;
use crate::domain::signoffs::meaning_text;
use crate::i18n::Locale;
use crate::t;
use crate::ui::forms::load_error;
use crate::ui::session::use_user;
use crate::ui::submit::submit;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SignoffsPage() -> impl IntoView {
    view! { <RequireLogin><SignoffsView/></RequireLogin> }
}

#[component]
fn SignoffsView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let changes = RwSignal::new(0u32);
    let project_id = move || params.read().get("id").unwrap_or_default();
    let matrix = Resource::new(move || (project_id(), changes.get()), |(id, _)| get_signoff_matrix(id));
    view! {
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match matrix.await {
                    Ok(matrix) => view! { <MatrixContent matrix changes/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
        {move || view! { <AuditSection project_id=project_id() changes/> }}
    }
}

/// What the person chose to do with one of their cells.
#[derive(Clone, PartialEq)]
enum Pending {
    Sign(SubjectDto),
    Revoke { id: String, subject: SubjectDto },
}

fn short(fingerprint: &str) -> String {
    fingerprint.chars().take(12).collect()
}

#[component]
fn MatrixContent(matrix: SignoffMatrix, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let sm = move || SignoffMessages::of(i18n.get());
    let me = use_user().id;
    let pending = RwSignal::new(None::<Pending>);
    let SignoffMatrix { project_id, project_name, subjects, signers, cells, signed, stale, missing } = matrix;
    let title = project_name.clone();
    let subjects = StoredValue::new(subjects);
    let cells = StoredValue::new(cells);
    let empty = subjects.with_value(|s| s.is_empty());
    let header = subjects.with_value(|subjects| {
        subjects
            .iter()
            .map(|s| {
                let (kind, label, revision, fp, link) = (s.kind, s.label.clone(), s.revision, s.fingerprint.clone(), s.link.clone());
                view! {
                    <th scope="col" data-kind=kind.as_str()>
                        <span class="subject-kind">{move || sm().kind(kind)}</span>" "
                        <A href=link>{label}</A>
                        <br/><span class="muted">{move || sm().revision(revision)}</span>
                        " · "<code class="fingerprint" title=fp.clone()>{short(&fp)}</code>
                    </th>
                }
            })
            .collect_view()
    });
    let rows = signers
        .into_iter()
        .map(|signer| {
            let me = me.clone();
            view! { <SignerRow signer me subjects cells pending/> }
        })
        .collect_view();
    let outstanding: Vec<CellDto> = cells.with_value(|c| c.iter().filter(|c| c.state != CellState::Signed).cloned().collect());
    view! {
        <PageTitle text={let title = title.clone(); move || sm().title(&title)}/>
        <div class="page-title">
            <h1>{move || sm().title(&title)}</h1>
            <A href=format!("/projects/{project_id}") attr:class="button secondary">{move || sm().back_to_project}</A>
        </div>
        <p class="muted">{move || sm().intro}</p>
        <p class="signoff-summary" data-signed=signed data-stale=stale data-missing=missing>{move || sm().summary(missing, signed, stale)}</p>
        {if empty {
            view! { <p class="muted empty">{move || sm().nothing_to_sign}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="signoff-matrix" tabindex="0">
                        <caption>{move || sm().matrix_caption}</caption>
                        <thead><tr><th scope="col">{move || sm().person}</th>{header}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <PendingPanel pending changes project_id=project_id.clone()/>
        <section class="card outstanding" aria-labelledby="outstanding-heading">
            <h2 id="outstanding-heading">{move || sm().outstanding}</h2>
            {if outstanding.is_empty() {
                view! { <p class="muted">{move || sm().nothing_outstanding}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {outstanding.into_iter().map(|c| view! { <OutstandingItem cell=c subjects/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn OutstandingItem(cell: CellDto, subjects: StoredValue<Vec<SubjectDto>>) -> impl IntoView {
    let i18n = use_i18n();
    let sm = move || SignoffMessages::of(i18n.get());
    let label = subjects.with_value(|s| s.iter().find(|s| s.kind == cell.kind && s.subject_id == cell.subject_id).map(|s| s.label.clone()));
    let (kind, capacity, state) = (cell.kind, cell.capacity, cell.state);
    let who = cell.signer_id.is_none();
    view! {
        <li data-state=state.as_str() data-kind=kind.as_str()>
            {move || sm().kind(kind)}" "{label.clone().unwrap_or_default()}" · "{move || sm().capacity(capacity)}" · "
            <strong>{move || sm().state(state)}</strong>
            {who.then(|| view! { " · "<span class="muted">{move || sm().nobody_in_role}</span> })}
        </li>
    }
}

#[component]
fn SignerRow(
    signer: SignerDto,
    me: String,
    subjects: StoredValue<Vec<SubjectDto>>,
    cells: StoredValue<Vec<CellDto>>,
    pending: RwSignal<Option<Pending>>,
) -> impl IntoView {
    let name = format!("{} ({})", signer.display_name, signer.department_code);
    let columns = subjects.with_value(|subjects| {
        subjects
            .iter()
            .map(|s| {
                let cell = cells.with_value(|cells| {
                    cells
                        .iter()
                        .find(|c| c.kind == s.kind && c.subject_id == s.subject_id && c.signer_id.as_deref() == Some(&signer.user_id))
                        .cloned()
                });
                match cell {
                    None => view! { <td class="not-required">"—"</td> }.into_any(),
                    Some(cell) => {
                        let mine = signer.user_id == me;
                        view! { <MatrixCell cell subject=s.clone() mine username=signer.username.clone() pending/> }.into_any()
                    }
                }
            })
            .collect_view()
    });
    let i18n = use_i18n();
    let job_role = JobRole::parse(&signer.job_role).ok();
    let role = move || job_role.map(|r| i18n.get().job_role(r)).unwrap_or_default();
    view! {
        <tr data-signer=signer.username.clone()>
            <th scope="row">{name}<br/><span class="muted">{role}</span></th>
            {columns}
        </tr>
    }
}

#[component]
fn MatrixCell(cell: CellDto, subject: SubjectDto, mine: bool, username: String, pending: RwSignal<Option<Pending>>) -> impl IntoView {
    let i18n = use_i18n();
    let sm = move || SignoffMessages::of(i18n.get());
    let state = cell.state;
    let signature = cell.signature.clone();
    let detail = signature.clone().map(|s| match (&s.revoke_reason, s.revoked_at) {
        (Some(reason), Some(_)) => {
            let reason = reason.clone();
            view! { <span class="muted revoked">{move || sm().revoked(&reason)}</span> }.into_any()
        }
        _ => {
            let (revision, at) = (s.revision, s.signed_at);
            view! { <span class="muted">{move || sm().signed_revision(revision)}" · "{move || i18n.get().day_of(at)}</span> }.into_any()
        }
    });
    let can_sign = mine && state != CellState::Signed;
    let can_revoke = mine && signature.as_ref().is_some_and(|s| s.revoked_at.is_none());
    let revoke_id = signature.as_ref().map(|s| s.id.clone()).unwrap_or_default();
    let (sign_subject, revoke_subject) = (subject.clone(), subject);
    view! {
        <td class=format!("signoff-cell {}", state.as_str()) data-state=state.as_str()
            data-testid=format!("cell-{}-{username}", cell.kind.as_str()) data-subject=cell.subject_id.clone()>
            <strong class="state">{move || sm().state(state)}</strong>
            <span class="capacity muted">" · "{move || sm().capacity(cell.capacity)}</span>
            {detail.map(|d| view! { <br/>{d} })}
            {can_sign.then(|| {
                let subject = sign_subject.clone();
                view! {
                    <br/>
                    <button type="button" class="sign-button" on:click=move |_| pending.set(Some(Pending::Sign(subject.clone())))>
                        {move || if state == CellState::Stale { sm().sign_again } else { sm().sign }}
                    </button>
                }
            })}
            {can_revoke.then(|| {
                let (id, subject) = (revoke_id.clone(), revoke_subject.clone());
                view! {
                    " "
                    <button type="button" class="link revoke-button"
                        on:click=move |_| pending.set(Some(Pending::Revoke { id: id.clone(), subject: subject.clone() }))>
                        {move || sm().revoke}
                    </button>
                }
            })}
        </td>
    }
}

/// The sign or revoke panel for the cell the person chose.
#[component]
fn PendingPanel(pending: RwSignal<Option<Pending>>, changes: RwSignal<u32>, project_id: String) -> impl IntoView {
    let project_id = StoredValue::new(project_id);
    move || {
        pending.get().map(|p| match p {
            Pending::Sign(subject) => view! { <SignPanel subject pending changes project_id=project_id.get_value()/> }.into_any(),
            Pending::Revoke { id, subject } => view! { <RevokePanel id subject pending changes/> }.into_any(),
        })
    }
}

#[component]
fn SignPanel(subject: SubjectDto, pending: RwSignal<Option<Pending>>, changes: RwSignal<u32>, project_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let sm = move || SignoffMessages::of(i18n.get());
    let password = RwSignal::new(String::new());
    let shown = StoredValue::new((project_id, subject.clone()));
    let sign = submit(
        move |password: &String| {
            let (project_id, s) = shown.get_value();
            sign_cell(project_id, s.kind.as_str().to_string(), s.subject_id, s.revision, s.fingerprint, password.clone())
        },
        move |_| {
            pending.set(None);
            changes.update(|n| *n += 1);
        },
    );
    let error = sign.error;
    let kind = subject.kind;
    let meaning = move || meaning_text(kind.meaning_key(), i18n.get() == Locale::ZhCn).unwrap_or_default();
    let field_error = move || {
        error.get().map(|e| {
            let class = if e.field() == Some("password") { "field-error" } else { "form-error" };
            view! { <p class=class data-field="password" role="alert">{i18n.get().error(&e)}</p> }
        })
    };
    view! {
        <section class="card sign-panel" role="dialog" aria-labelledby="sign-heading">
            <h2 id="sign-heading">{move || sm().sign_heading}</h2>
            <h3>{move || sm().what_you_sign}</h3>
            <dl class="facts">
                <dt>{move || sm().subject}</dt>
                <dd data-testid="sign-subject">{move || sm().kind(kind)}" · "{subject.label.clone()}" · "{move || sm().revision(subject.revision)}</dd>
                <dt>{move || sm().fingerprint}</dt>
                <dd><code class="fingerprint" data-testid="sign-fingerprint">{subject.fingerprint.clone()}</code></dd>
                <dt>{move || sm().meaning}</dt>
                <dd data-testid="sign-meaning">{meaning}</dd>
            </dl>
            <form on:submit=move |ev| {
                ev.prevent_default();
                sign.dispatch(password.get_untracked());
            }>
                <label for="signoff-password">{move || sm().password}</label>
                <input id="signoff-password" name="password" type="password" autocomplete="current-password" required
                    aria-describedby="signoff-password-hint"
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                <span id="signoff-password-hint" class="muted">{move || sm().password_hint}</span>
                {field_error}
                <div class="actions">
                    <button type="submit" disabled=move || sign.pending()>{move || sm().confirm_sign}</button>
                    <button type="button" class="secondary" on:click=move |_| pending.set(None)>{move || sm().cancel}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn RevokePanel(id: String, subject: SubjectDto, pending: RwSignal<Option<Pending>>, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let sm = move || SignoffMessages::of(i18n.get());
    let reason = RwSignal::new(String::new());
    let id = StoredValue::new(id);
    let revoke = submit(
        move |reason: &String| revoke_signoff(id.get_value(), reason.clone()),
        move |_| {
            pending.set(None);
            changes.update(|n| *n += 1);
        },
    );
    let error = revoke.error;
    let kind = subject.kind;
    view! {
        <section class="card revoke-panel" role="dialog" aria-labelledby="revoke-heading">
            <h2 id="revoke-heading">{move || sm().revoke_heading}</h2>
            <p>{move || sm().kind(kind)}" · "{subject.label.clone()}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                revoke.dispatch(reason.get_untracked());
            }>
                <label for="revoke-reason">{move || sm().reason}</label>
                <textarea id="revoke-reason" name="reason" required prop:value=move || reason.get()
                    on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                {move || error.get().map(|e| view! { <p class="field-error" data-field="reason" role="alert">{i18n.get().error(&e)}</p> })}
                <div class="actions">
                    <button type="submit" disabled=move || revoke.pending()>{move || sm().confirm_revoke}</button>
                    <button type="button" class="secondary" on:click=move |_| pending.set(None)>{move || sm().cancel}</button>
                </div>
            </form>
        </section>
    }
}

/// The project's audit log, newest first, a page at a time.
#[component]
fn AuditSection(project_id: String, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let sm = move || SignoffMessages::of(i18n.get());
    let before = RwSignal::new(None::<i64>);
    let project = StoredValue::new(project_id);
    let entries = Resource::new(move || (before.get(), changes.get()), move |(before, _)| list_audit_entries(project.get_value(), before));
    view! {
        <section class="card audit-log" aria-labelledby="audit-heading">
            <h2 id="audit-heading">{move || sm().audit}</h2>
            <p class="muted">{move || sm().audit_intro}</p>
            {crate::ui::use_session().demo.then(|| view! { <p class="muted" role="note" data-testid="audit-demo-dates">{move || sm().audit_demo_dates}</p> })}
            <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match entries.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">{move || sm().audit_empty}</p> }.into_any(),
                        Ok(list) => {
                            let last = list.last().map(|e| e.seq);
                            let full = list.len() >= 100;
                            view! {
                                <div class="table-scroll">
                                    <table class="audit-table" tabindex="0">
                                        <thead><tr>
                                            <th scope="col">{move || sm().seq}</th>
                                            <th scope="col">{move || sm().when}</th>
                                            <th scope="col">{move || sm().who}</th>
                                            <th scope="col">{move || sm().what}</th>
                                            <th scope="col">{move || sm().hash}</th>
                                        </tr></thead>
                                        <tbody>{list.into_iter().map(|e| view! { <AuditRow e/> }).collect_view()}</tbody>
                                    </table>
                                </div>
                                {(full && last.is_some()).then(|| view! {
                                    <button type="button" class="secondary" on:click=move |_| before.set(last)>{move || sm().older}</button>
                                })}
                            }.into_any()
                        }
                        Err(e) => view! { <p class="form-error" role="alert">{move || i18n.get().error(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// What an entry is about, in one line: the payload's label, a leader's decision (in the reader's
/// language), the revision, and the people's own words (reason, text, title) when it has them.
fn entry_summary(e: &AuditEntryDto, locale: Locale) -> String {
    let p = &e.payload;
    let mut parts: Vec<String> = Vec::new();
    for key in ["label", "decision", "revision", "reason", "text", "title"] {
        match (key, p.get(key)) {
            ("decision", Some(serde_json::Value::String(d))) => {
                parts.push(RequestMessages::of(locale).decision_name(Some(d.as_str())).to_string())
            }
            ("revision", Some(serde_json::Value::Number(n))) => {
                parts.push(n.as_i64().map(|n| SignoffMessages::of(locale).revision(n)).unwrap_or_default())
            }
            (_, Some(serde_json::Value::String(s))) if !s.is_empty() => parts.push(s.clone()),
            _ => {}
        }
    }
    parts.join(" · ")
}

#[component]
fn AuditRow(e: AuditEntryDto) -> impl IntoView {
    let i18n = use_i18n();
    let sm = move || SignoffMessages::of(i18n.get());
    let (seq, at, action) = (e.seq, e.created_at, e.action.clone());
    let summary = {
        let e = e.clone();
        move || entry_summary(&e, i18n.get())
    };
    view! {
        <tr data-action=e.action.clone()>
            <td>{seq}</td>
            <td>{move || i18n.get().day_of(at)}</td>
            <td>{e.actor_name.clone().unwrap_or_default()}</td>
            <td>{move || sm().action(&action)}" "<span class="muted">{summary}</span></td>
            <td><code class="fingerprint" title=e.hash.clone()>{short(&e.hash)}</code></td>
        </tr>
    }
}
