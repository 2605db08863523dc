//! Project pages: the list, the new-project form, and the project page with its stakeholder map.

use super::api::{AddLink, AddStakeholder, CreateProject, RemoveLink, RemoveStakeholder, UpdateProject};
use super::dto::{ProjectDetail, ProjectDto};
use super::map::StakeholderMap;
use crate::domain::people::JobRole;
use crate::domain::projects::{StakeholderRole, Visibility};
use crate::error::AppError;
use crate::organisation::dto::DepartmentDto;
use crate::t;
use crate::ui::forms::{action_error, load_error};
use crate::ui::session::use_user;
use crate::ui::submit::saved_count;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, FieldError, FormError, RequireLogin};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn ProjectsPage() -> impl IntoView {
    view! {
        <RequireLogin>
            <ProjectList/>
        </RequireLogin>
    }
}

#[component]
fn ProjectList() -> impl IntoView {
    let i18n = use_i18n();
    let user = use_user();
    let can_create = user.is_admin || user.role == JobRole::Pm;
    let projects = Resource::new(|| (), |_| super::api::list_projects());
    view! {
        <PageTitle text=t!(i18n, projects_title)/>
        <div class="page-title">
            <h1>{t!(i18n, projects_title)}</h1>
            <Show when=move || can_create>
                <A href="/projects/new" attr:class="button">{t!(i18n, new_project)}</A>
            </Show>
        </div>
        <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match projects.await {
                    Ok(list) if list.is_empty() => view! { <p>{t!(i18n, no_projects)}</p> }.into_any(),
                    Ok(list) => view! {
                        <table class="projects" tabindex="0">
                            <thead>
                                <tr>
                                    <th>{t!(i18n, project_name)}</th>
                                    <th>{t!(i18n, lead_department)}</th>
                                    <th>{t!(i18n, kickoff_on)}</th>
                                    <th>{t!(i18n, target_launch_on)}</th>
                                    <th>{t!(i18n, visibility)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list
                                    .into_iter()
                                    .map(|item| {
                                        let p = item.project;
                                        let lead = item.lead;
                                        let (kickoff, launch, vis) = (p.kickoff_on.clone(), p.target_launch_on.clone(), p.visibility);
                                        view! {
                                            <tr>
                                                <td><A href=format!("/projects/{}", p.id)>{p.name.clone()}</A></td>
                                                <td>{move || lead.as_ref().map(|d| d.name(i18n.get()).to_string())}</td>
                                                <td>{move || i18n.get().iso_date(&kickoff)}</td>
                                                <td>{move || i18n.get().iso_date(&launch)}</td>
                                                <td>{move || i18n.get().visibility(vis)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any(),
                    Err(e) => view! { <p class="form-error" role="alert">{move || i18n.get().error(&e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn NewProjectPage() -> impl IntoView {
    view! {
        <RequireLogin>
            <NewProjectForm/>
        </RequireLogin>
    }
}

const PROJECT_FIELDS: &[&str] = &["name", "code", "goal", "lead_department_id", "kickoff_on", "target_launch_on", "visibility"];

#[component]
fn NewProjectForm() -> impl IntoView {
    let i18n = use_i18n();
    let user = use_user();
    let action = ServerAction::<CreateProject>::new();
    let error = action_error(action);
    let departments = Resource::new(|| (), |_| crate::organisation::api::list_departments());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(project)) = action.value().get() {
            navigate(&format!("/projects/{}", project.id), Default::default());
        }
    });
    let own_department = user.department_id.clone();
    view! {
        <PageTitle text=t!(i18n, new_project)/>
        <h1>{t!(i18n, new_project)}</h1>
        <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || {
                let own_department = own_department.clone();
                Suspend::new(async move {
                    let departments = departments.await.unwrap_or_default();
                    view! {
                        <section class="card">
                            <ActionForm action=action>
                                <ProjectFields error departments selected_lead=own_department project=None/>
                                <FormError error fields=PROJECT_FIELDS/>
                                <button type="submit">{t!(i18n, create)}</button>
                            </ActionForm>
                        </section>
                    }
                })
            }}
        </Suspense>
    }
}

/// The project's own fields, shared by the new-project and edit forms.
#[component]
fn ProjectFields(
    error: Signal<Option<AppError>>,
    departments: Vec<DepartmentDto>,
    selected_lead: String,
    project: Option<ProjectDto>,
) -> impl IntoView {
    let i18n = use_i18n();
    let p = project.clone();
    let value = move |f: fn(&ProjectDto) -> String| p.as_ref().map(f).unwrap_or_default();
    let restricted = project.as_ref().is_some_and(|p| p.visibility == Visibility::Restricted);
    view! {
        <label><span>{t!(i18n, project_name)}</span><input name="name" value=value(|p| p.name.clone()) required maxlength="120"/></label>
        <FieldError error field="name"/>
        <label>
            <span>{t!(i18n, project_code)}</span>
            <input name="code" value=value(|p| p.code.clone()) maxlength="10" pattern="[A-Za-z][A-Za-z0-9]{1,9}" placeholder="PAY"
                aria-describedby="code-hint"/>
        </label>
        <small id="code-hint" class="muted">{t!(i18n, project_code_hint)}</small>
        <FieldError error field="code"/>
        <label><span>{t!(i18n, goal)}</span><textarea name="goal" rows="3">{value(|p| p.goal.clone())}</textarea></label>
        <FieldError error field="goal"/>
        <label>
            <span>{t!(i18n, lead_department)}</span>
            <select name="lead_department_id">
                {departments
                    .into_iter()
                    .map(|d| {
                        let selected = d.id == selected_lead;
                        let label = d.clone();
                        view! { <option value=d.id.clone() selected=selected>{move || format!("{} · {}", label.code, label.name(i18n.get()))}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
        <FieldError error field="lead_department_id"/>
        <label><span>{t!(i18n, kickoff_on)}</span><input type="date" name="kickoff_on" value=value(|p| p.kickoff_on.clone()) required/></label>
        <FieldError error field="kickoff_on"/>
        <label><span>{t!(i18n, target_launch_on)}</span><input type="date" name="target_launch_on" value=value(|p| p.target_launch_on.clone()) required/></label>
        <FieldError error field="target_launch_on"/>
        <fieldset>
            <legend>{t!(i18n, visibility)}</legend>
            <label class="inline"><input type="radio" name="visibility" value="internal" checked=!restricted/>{t!(i18n, visibility_internal)}</label>
            <label class="inline"><input type="radio" name="visibility" value="restricted" checked=restricted/>{t!(i18n, visibility_restricted)}</label>
        </fieldset>
        <FieldError error field="visibility"/>
    }
}

#[component]
pub fn ProjectPage() -> impl IntoView {
    view! {
        <RequireLogin>
            <ProjectView/>
        </RequireLogin>
    }
}

/// The actions of the project page; any of them finishing reloads the page's data, except a
/// refused edit of the project, which leaves its form as typed.
#[derive(Clone, Copy)]
struct ProjectActions {
    update: ServerAction<UpdateProject>,
    updates_saved: ReadSignal<usize>,
    add_stakeholder: ServerAction<AddStakeholder>,
    remove_stakeholder: ServerAction<RemoveStakeholder>,
    add_link: ServerAction<AddLink>,
    remove_link: ServerAction<RemoveLink>,
}

impl ProjectActions {
    fn new() -> Self {
        let update = ServerAction::new();
        ProjectActions {
            update,
            updates_saved: saved_count(*update),
            add_stakeholder: ServerAction::new(),
            remove_stakeholder: ServerAction::new(),
            add_link: ServerAction::new(),
            remove_link: ServerAction::new(),
        }
    }
    fn versions(&self) -> [usize; 5] {
        [
            self.updates_saved.get(),
            self.add_stakeholder.version().get(),
            self.remove_stakeholder.version().get(),
            self.add_link.version().get(),
            self.remove_link.version().get(),
        ]
    }
}

#[component]
fn ProjectView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let actions = ProjectActions::new();
    let detail = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), actions.versions()),
        |(id, _)| super::api::get_project_detail(id),
    );
    view! {
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! { <ProjectContent detail=d actions/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn ProjectContent(detail: ProjectDetail, actions: ProjectActions) -> impl IntoView {
    let i18n = use_i18n();
    let ProjectDetail { project, stakeholders, links, people, departments, can_edit } = detail;
    let lead = departments.iter().find(|d| d.id == project.lead_department_id).cloned();
    let (kickoff, launch, vis) = (project.kickoff_on.clone(), project.target_launch_on.clone(), project.visibility);
    let name_of = {
        let departments = departments.clone();
        move |id: &str| departments.iter().find(|d| d.id == id).cloned()
    };
    view! {
        <PageTitle text={let n = project.name.clone(); move || n.clone()}/>
        <div class="page-title">
            <h1>{project.name.clone()}</h1>
            <A href=format!("/projects/{}/requirements", project.id) attr:class="button requirements-link">
                {move || crate::requirements::messages::RequirementMessages::of(i18n.get()).requirements}
            </A>
            <A href=format!("/projects/{}/schedule", project.id) attr:class="button schedule-link">
                {t!(i18n, schedule_tab)}
            </A>
            <A href=format!("/projects/{}/meetings", project.id) attr:class="button meetings-link">
                {move || crate::meetings::messages::MeetingMessages::of(i18n.get()).meetings}
            </A>
            <A href=format!("/projects/{}/signoffs", project.id) attr:class="button signoffs-link">
                {t!(i18n, signoffs_link)}
            </A>
        </div>
        <p class="goal">{project.goal.clone()}</p>
        <dl class="facts">
            <dt>{t!(i18n, lead_department)}</dt>
            <dd>{move || lead.as_ref().map(|d| format!("{} · {}", d.code, d.name(i18n.get())))}</dd>
            <dt>{t!(i18n, kickoff_on)}</dt>
            <dd>{move || i18n.get().iso_date(&kickoff)}</dd>
            <dt>{t!(i18n, target_launch_on)}</dt>
            <dd>{move || i18n.get().iso_date(&launch)}</dd>
            <dt>{t!(i18n, visibility)}</dt>
            <dd>{move || i18n.get().visibility(vis)}</dd>
        </dl>
        <section aria-labelledby="map-heading">
            <h2 id="map-heading">{t!(i18n, stakeholder_map)}</h2>
            <StakeholderMap stakeholders=stakeholders.clone() links=links.clone()/>
        </section>
        <section class="card" aria-labelledby="stakeholders-heading">
            <h2 id="stakeholders-heading">{t!(i18n, stakeholders)}</h2>
            <ul class="stakeholders">
                {stakeholders
                    .iter()
                    .map(|s| {
                        let role = s.role;
                        let when = s.identified_at;
                        let who = s.identified_by_name.clone();
                        let late = s.identified_late;
                        let label = s.clone();
                        let removable = can_edit && role != StakeholderRole::Lead;
                        let (pid, did) = (project.id.clone(), s.department_id.clone());
                        view! {
                            <li>
                                <strong>{move || format!("{} · {}", label.code, label.name(i18n.get()))}</strong>
                                " — " {move || i18n.get().stakeholder_role(role)}
                                <span class="muted">" (" {move || i18n.m().identified(i18n.get().day_of(when), &who)} ")"</span>
                                {late.then(|| view! { " " <span class="badge late">{t!(i18n, identified_late)}</span> })}
                                {removable.then(|| view! {
                                    <ActionForm action=actions.remove_stakeholder>
                                        <input type="hidden" name="project_id" value=pid.clone()/>
                                        <input type="hidden" name="department_id" value=did.clone()/>
                                        <button type="submit" class="secondary">{t!(i18n, remove)}</button>
                                    </ActionForm>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {can_edit.then(|| view! {
                <AddStakeholderForm project_id=project.id.clone() departments=departments.clone() stakeholders=stakeholders.clone() action=actions.add_stakeholder/>
            })}
        </section>
        <section class="card" aria-labelledby="links-heading">
            <h2 id="links-heading">{t!(i18n, links_title)}</h2>
            {links.is_empty().then(|| view! { <p>{t!(i18n, no_links)}</p> })}
            <ul class="links">
                {links
                    .iter()
                    .map(|l| {
                        let up = name_of(&l.upstream_department_id);
                        let down = name_of(&l.downstream_department_id);
                        let pid = project.id.clone();
                        let (up_id, down_id) = (l.upstream_department_id.clone(), l.downstream_department_id.clone());
                        view! {
                            <li>
                                {move || {
                                    let n = |d: &Option<DepartmentDto>| d.as_ref().map(|d| format!("{} · {}", d.code, d.name(i18n.get()))).unwrap_or_default();
                                    format!("{} → {}", n(&up), n(&down))
                                }}
                                {can_edit.then(|| view! {
                                    <ActionForm action=actions.remove_link>
                                        <input type="hidden" name="project_id" value=pid.clone()/>
                                        <input type="hidden" name="upstream_department_id" value=up_id/>
                                        <input type="hidden" name="downstream_department_id" value=down_id/>
                                        <button type="submit" class="secondary">{t!(i18n, remove)}</button>
                                    </ActionForm>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {can_edit.then(|| view! {
                <AddLinkForm project_id=project.id.clone() stakeholders=stakeholders.clone() action=actions.add_link/>
            })}
        </section>
        <section class="card" aria-labelledby="people-heading">
            <h2 id="people-heading">{t!(i18n, people_by_department)}</h2>
            {stakeholders
                .iter()
                .map(|s| {
                    let members: Vec<_> = people.iter().filter(|p| p.department_id == s.department_id).cloned().collect();
                    let label = s.clone();
                    view! {
                        <h3>{move || format!("{} · {}", label.code, label.name(i18n.get()))}</h3>
                        <ul class="people">
                            {members
                                .into_iter()
                                .map(|p| {
                                    let role = p.role;
                                    view! { <li>{p.display_name} " — " {move || i18n.get().job_role(role)}</li> }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
        </section>
        {can_edit.then(|| view! {
            <EditProjectForm project=project.clone() departments=departments.clone() action=actions.update/>
        })}
    }
}

#[component]
fn AddStakeholderForm(
    project_id: String,
    departments: Vec<DepartmentDto>,
    stakeholders: Vec<super::dto::StakeholderDto>,
    action: ServerAction<AddStakeholder>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(action);
    let candidates: Vec<DepartmentDto> =
        departments.into_iter().filter(|d| !stakeholders.iter().any(|s| s.department_id == d.id)).collect();
    if candidates.is_empty() {
        return view! {
            <h3>{t!(i18n, add_stakeholder)}</h3>
            <p class="muted" data-testid="no-stakeholder-candidates">{t!(i18n, every_department_is_a_stakeholder)}</p>
        }
        .into_any();
    }
    view! {
        <h3>{t!(i18n, add_stakeholder)}</h3>
        <ActionForm action=action>
            <input type="hidden" name="project_id" value=project_id/>
            <label>
                <span>{t!(i18n, department)}</span>
                <select name="department_id">
                    {candidates
                        .into_iter()
                        .map(|d| {
                            let label = d.clone();
                            view! { <option value=d.id.clone()>{move || format!("{} · {}", label.code, label.name(i18n.get()))}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <FieldError error field="department_id"/>
            <label>
                <span>{t!(i18n, role)}</span>
                <select name="role">
                    {[StakeholderRole::Collaborator, StakeholderRole::Consulted, StakeholderRole::Informed]
                        .into_iter()
                        .map(|r| view! { <option value=r.as_str()>{move || i18n.get().stakeholder_role(r)}</option> })
                        .collect_view()}
                </select>
            </label>
            <FieldError error field="role"/>
            <FormError error fields=&["department_id", "role"]/>
            <button type="submit">{t!(i18n, add_stakeholder)}</button>
        </ActionForm>
    }
    .into_any()
}

#[component]
fn AddLinkForm(project_id: String, stakeholders: Vec<super::dto::StakeholderDto>, action: ServerAction<AddLink>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(action);
    if stakeholders.len() < 2 {
        return view! {
            <h3>{t!(i18n, add_link)}</h3>
            <p class="muted">{t!(i18n, a_link_needs_two_stakeholders)}</p>
        }
        .into_any();
    }
    // Upstream starts on the first department and downstream on the second, so the form never
    // offers a department linked to itself.
    let options = move |stakeholders: Vec<super::dto::StakeholderDto>, selected: usize| {
        stakeholders
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let label = s.clone();
                view! {
                    <option value=s.department_id.clone() selected=i == selected>
                        {move || format!("{} · {}", label.code, label.name(i18n.get()))}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <h3>{t!(i18n, add_link)}</h3>
        <ActionForm action=action>
            <input type="hidden" name="project_id" value=project_id/>
            <label><span>{t!(i18n, upstream)}</span><select name="upstream_department_id">{options(stakeholders.clone(), 0)}</select></label>
            <FieldError error field="upstream_department_id"/>
            <label><span>{t!(i18n, downstream)}</span><select name="downstream_department_id">{options(stakeholders, 1)}</select></label>
            <FieldError error field="downstream_department_id"/>
            <FormError error fields=&["upstream_department_id", "downstream_department_id"]/>
            <button type="submit">{t!(i18n, add_link)}</button>
        </ActionForm>
    }
    .into_any()
}

#[component]
fn EditProjectForm(project: ProjectDto, departments: Vec<DepartmentDto>, action: ServerAction<UpdateProject>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(action);
    let lead = project.lead_department_id.clone();
    view! {
        <details class="card" open=move || error.get().is_some()>
            <summary>{t!(i18n, edit_project)}</summary>
            <ActionForm action=action>
                <input type="hidden" name="id" value=project.id.clone()/>
                <input type="hidden" name="version" value=project.version/>
                <ProjectFields error departments selected_lead=lead project=Some(project)/>
                <FormError error fields=PROJECT_FIELDS/>
                <button type="submit">{t!(i18n, save)}</button>
            </ActionForm>
        </details>
    }
}
