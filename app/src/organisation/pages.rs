//! Admin pages: departments, and people with their roles and passwords.

use super::api::{CreateDepartment, CreatePerson, ResetPassword, UpdateDepartment, UpdatePerson};
use super::dto::{DepartmentDto, PersonDto};
use crate::domain::people::JobRole;
use crate::t;
use crate::ui::forms::action_error;
use crate::ui::session::use_user;
use crate::ui::submit::saved_count;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, FieldError, FormError, RequireLogin};
use leptos::prelude::*;

#[component]
pub fn DepartmentsPage() -> impl IntoView {
    view! {
        <RequireLogin>
            <Departments/>
        </RequireLogin>
    }
}

const DEPARTMENT_FIELDS: &[&str] = &["code", "name_zh", "name_en"];

#[component]
fn Departments() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateDepartment>::new();
    let update = ServerAction::<UpdateDepartment>::new();
    let create_error = action_error(create);
    let update_error = action_error(update);
    let updates_saved = saved_count(*update);
    let departments = Resource::new(move || (create.version().get(), updates_saved.get()), |_| super::api::list_departments());
    let is_admin = use_user().is_admin;
    view! {
        <PageTitle text=t!(i18n, departments_title)/>
        <h1>{t!(i18n, departments_title)}</h1>
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let list = departments.await.unwrap_or_default();
                view! {
                    <table tabindex="0">
                        <thead>
                            <tr>
                                <th>{t!(i18n, code)}</th>
                                <th>{t!(i18n, name_zh)}</th>
                                <th>{t!(i18n, name_en)}</th>
                                <th scope="col"><span class="visually-hidden">{t!(i18n, actions_column)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.into_iter().map(|d| view! { <DepartmentRow d update is_admin/> }).collect_view()}
                        </tbody>
                    </table>
                }
            })}
        </Transition>
        <FormError error=update_error/>
        {is_admin.then(|| view! {
            <section class="card">
                <h2>{t!(i18n, add_department)}</h2>
                <ActionForm action=create>
                    <label><span>{t!(i18n, code)}</span><input name="code" required maxlength="10"/></label>
                    <FieldError error=create_error field="code"/>
                    <label><span>{t!(i18n, name_zh)}</span><input name="name_zh" required/></label>
                    <FieldError error=create_error field="name_zh"/>
                    <label><span>{t!(i18n, name_en)}</span><input name="name_en" required/></label>
                    <FieldError error=create_error field="name_en"/>
                    <FormError error=create_error fields=DEPARTMENT_FIELDS/>
                    <button type="submit">{t!(i18n, add_department)}</button>
                </ActionForm>
            </section>
        })}
    }
}

#[component]
fn DepartmentRow(d: DepartmentDto, update: ServerAction<UpdateDepartment>, is_admin: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <tr>
            <td>{d.code.clone()}</td>
            <td>{d.name_zh.clone()}</td>
            <td>{d.name_en.clone()}</td>
            <td>
                {is_admin.then(|| view! {
                    <details>
                        <summary>{t!(i18n, edit)}</summary>
                        <ActionForm action=update>
                            <input type="hidden" name="id" value=d.id.clone()/>
                            <input type="hidden" name="version" value=d.version/>
                            <label><span>{t!(i18n, code)}</span><input name="code" value=d.code.clone() required/></label>
                            <label><span>{t!(i18n, name_zh)}</span><input name="name_zh" value=d.name_zh.clone() required/></label>
                            <label><span>{t!(i18n, name_en)}</span><input name="name_en" value=d.name_en.clone() required/></label>
                            <button type="submit">{t!(i18n, save)}</button>
                        </ActionForm>
                    </details>
                })}
            </td>
        </tr>
    }
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! {
        <RequireLogin>
            <People/>
        </RequireLogin>
    }
}

const PERSON_FIELDS: &[&str] = &["username", "display_name", "department_id", "role", "password"];

#[component]
fn People() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreatePerson>::new();
    let update = ServerAction::<UpdatePerson>::new();
    let reset = ServerAction::<ResetPassword>::new();
    let create_error = action_error(create);
    let row_error =
        Signal::derive(move || update.value().get().and_then(|r| r.err()).or_else(|| reset.value().get().and_then(|r| r.err())));
    let reset_done = move || matches!(reset.value().get(), Some(Ok(_)));
    // A reset moves the person's version on, so the list (and its edit forms) reloads after one.
    let (updates_saved, resets_saved) = (saved_count(*update), saved_count(*reset));
    let data = Resource::new(
        move || (create.version().get(), updates_saved.get(), resets_saved.get()),
        |_| async move { Ok::<_, crate::error::AppError>((super::api::list_people().await?, super::api::list_departments().await?)) },
    );
    let is_admin = use_user().is_admin;
    view! {
        <PageTitle text=t!(i18n, people_title)/>
        <h1>{t!(i18n, people_title)}</h1>
        <FormError error=row_error/>
        <Show when=reset_done><p class="notice" role="status">{t!(i18n, password_reset_done)}</p></Show>
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let (people, departments) = data.await.unwrap_or_default();
                let departments_for_form = departments.clone();
                view! {
                    <table tabindex="0">
                        <thead>
                            <tr>
                                <th>{t!(i18n, username)}</th>
                                <th>{t!(i18n, display_name)}</th>
                                <th>{t!(i18n, department)}</th>
                                <th>{t!(i18n, role)}</th>
                                <th scope="col"><span class="visually-hidden">{t!(i18n, actions_column)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {people
                                .into_iter()
                                .map(|p| view! { <PersonRow p departments=departments.clone() update reset is_admin/> })
                                .collect_view()}
                        </tbody>
                    </table>
                    {is_admin.then(|| view! {
                        <section class="card">
                            <h2>{t!(i18n, add_person)}</h2>
                            <ActionForm action=create>
                                <label><span>{t!(i18n, username)}</span><input name="username" required/></label>
                                <FieldError error=create_error field="username"/>
                                <label><span>{t!(i18n, display_name)}</span><input name="display_name" required/></label>
                                <FieldError error=create_error field="display_name"/>
                                <DepartmentSelect departments=departments_for_form.clone() selected=String::new()/>
                                <FieldError error=create_error field="department_id"/>
                                <RoleSelect selected=JobRole::Engineer/>
                                <FieldError error=create_error field="role"/>
                                <label class="inline"><input type="checkbox" name="is_admin" value="on"/>{t!(i18n, admin)}</label>
                                <label><span>{t!(i18n, password)}</span><input type="password" name="password" autocomplete="new-password" required/></label>
                                <FieldError error=create_error field="password"/>
                                <FormError error=create_error fields=PERSON_FIELDS/>
                                <button type="submit">{t!(i18n, add_person)}</button>
                            </ActionForm>
                        </section>
                    })}
                }
            })}
        </Transition>
    }
}

#[component]
fn DepartmentSelect(departments: Vec<DepartmentDto>, selected: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label>
            <span>{t!(i18n, department)}</span>
            <select name="department_id">
                {departments
                    .into_iter()
                    .map(|d| {
                        let is_selected = d.id == selected;
                        let label = d.clone();
                        view! { <option value=d.id.clone() selected=is_selected>{move || format!("{} · {}", label.code, label.name(i18n.get()))}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
fn RoleSelect(selected: JobRole) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label>
            <span>{t!(i18n, role)}</span>
            <select name="role">
                {JobRole::ALL
                    .into_iter()
                    .map(|r| view! { <option value=r.as_str() selected=r == selected>{move || i18n.get().job_role(r)}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
fn PersonRow(
    p: PersonDto,
    departments: Vec<DepartmentDto>,
    update: ServerAction<UpdatePerson>,
    reset: ServerAction<ResetPassword>,
    is_admin: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let department = departments.iter().find(|d| d.id == p.department_id).cloned();
    let role = p.role;
    let admin_flag = p.is_admin;
    let version = p.version;
    let (edit_id, reset_id) = (p.id.clone(), p.id.clone());
    let (name, department_id) = (p.display_name.clone(), p.department_id.clone());
    view! {
        <tr>
            <td><code>{p.username.clone()}</code></td>
            <td>{p.display_name.clone()}</td>
            <td>{move || department.as_ref().map(|d| format!("{} · {}", d.code, d.name(i18n.get())))}</td>
            <td>{move || i18n.get().job_role(role)} {move || admin_flag.then(|| format!(" · {}", i18n.m().admin))}</td>
            <td>
                {is_admin.then(|| view! {
                    <details>
                        <summary>{t!(i18n, edit)}</summary>
                        <ActionForm action=update>
                            <input type="hidden" name="id" value=edit_id/>
                            <input type="hidden" name="version" value=version/>
                            <label><span>{t!(i18n, display_name)}</span><input name="display_name" value=name required/></label>
                            <DepartmentSelect departments=departments selected=department_id/>
                            <RoleSelect selected=role/>
                            <label class="inline"><input type="checkbox" name="is_admin" value="on" checked=admin_flag/>{t!(i18n, admin)}</label>
                            <button type="submit">{t!(i18n, save)}</button>
                        </ActionForm>
                        <ActionForm action=reset>
                            <input type="hidden" name="id" value=reset_id/>
                            <input type="hidden" name="version" value=version/>
                            <label><span>{t!(i18n, new_password)}</span><input type="password" name="password" autocomplete="new-password" required/></label>
                            <button type="submit" class="secondary">{t!(i18n, reset_password)}</button>
                        </ActionForm>
                    </details>
                })}
            </td>
        </tr>
    }
}
