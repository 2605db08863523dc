//! The "Holiday years" section of the calendar settings page: which years a calendar (the
//! organisation's or a department's) knows, a form to add or edit a year's breaks and make-up
//! days, an import from an iCalendar or JSON file with a preview (what changes, which open
//! options' dates move), and the history of changes. Forms appear only for those who may change
//! the calendar (the same permission functions the server checks).

use super::api::{get_calendar_changes, get_calendar_years, ImportCalendarFile, RemoveCalendarYear, SaveCalendarYear};
use super::dto::{
    CalendarChangeDto, CalendarImportDto, CalendarImportInput, CalendarYearDto, CalendarYearsDto, DepartmentScheduleDto, YearImport,
};
use super::messages::YearMessages;
use crate::domain::dates::Date;
use crate::domain::permissions::{can_edit_department_schedule, can_edit_organisation_calendar};
use crate::domain::schedule::holiday_files::HolidayFileFormat;
use crate::domain::schedule::years::{breaks_text, dates_text};
use crate::domain::schedule::{Break, CalendarYear};
use crate::i18n::Locale;
use crate::t;
use crate::ui::files::read_chosen_file;
use crate::ui::forms::{action_error, load_error};
use crate::ui::session::use_user;
use crate::ui::{use_i18n, FieldError, FormError};
use leptos::prelude::*;

const YEAR_FIELDS: &[&str] = &["year", "breaks", "workdays"];

fn break_line(locale: Locale, b: &Break) -> String {
    if b.first == b.last {
        format!("{} {}", b.name, locale.date(b.first))
    } else {
        format!("{} {} – {}", b.name, locale.date(b.first), locale.date(b.last))
    }
}

fn days_line(locale: Locale, days: &[Date]) -> String {
    days.iter().map(|d| locale.date(*d)).collect::<Vec<_>>().join(locale.messages().list_separator)
}

/// The section; `departments` fills the calendar picker.
#[component]
pub fn CalendarYearsSection(departments: Vec<DepartmentScheduleDto>) -> impl IntoView {
    let i18n = use_i18n();
    let ym = move || YearMessages::of(i18n.get());
    let user = StoredValue::new(use_user());
    // "": the organisation calendar; otherwise a department id.
    let scope = RwSignal::new(String::new());
    // Bumped after every change, so the years and the history are read again.
    let changes = RwSignal::new(0u32);
    let years = Resource::new(move || (scope.get(), changes.get()), |(scope, _)| get_calendar_years(Some(scope)));
    let version = RwSignal::new(None::<i64>);
    let editable = Signal::derive(move || {
        let user = user.get_value();
        let scope = scope.get();
        if scope.is_empty() {
            can_edit_organisation_calendar(&user.actor())
        } else {
            can_edit_department_schedule(&user.actor(), &scope)
        }
    });
    let options = departments
        .into_iter()
        .map(|d| {
            let id = d.department_id.clone();
            let label = move || format!("{} · {}", d.code, d.name(i18n.get()));
            view! { <option value=id>{label}</option> }
        })
        .collect_view();
    view! {
        <section class="card calendar-years" aria-labelledby="calendar-years-heading">
            <h2 id="calendar-years-heading">{move || ym().section_title}</h2>
            <p class="hint">{move || ym().intro}</p>
            <label>
                <span>{move || ym().which_calendar}</span>
                <select name="calendar_scope" on:change=move |ev| scope.set(event_target_value(&ev))>
                    <option value="" selected=true>{move || ym().organisation}</option>
                    {options}
                </select>
            </label>
            <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match years.await {
                        Ok(dto) => {
                            version.set(Some(dto.version));
                            view! { <YearsOfCalendar dto editable=editable.get_untracked() changes/> }.into_any()
                        }
                        Err(e) => load_error(e),
                    }
                })}
            </Transition>
            <Show when=move || editable.get()>
                <ImportForm scope version changes/>
            </Show>
            <CalendarChanges changes/>
        </section>
    }
}

#[component]
fn YearsOfCalendar(dto: CalendarYearsDto, editable: bool, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let ym = move || YearMessages::of(i18n.get());
    let known = dto.known_until;
    let known_line = move || match known {
        Some(day) => ym().known_until(i18n.get().date(day)),
        None => ym().knows_every_year.to_string(),
    };
    let follows = dto.department_id.is_some() && !dto.own_calendar;
    let department_id = dto.department_id.clone().unwrap_or_default();
    let version = dto.version;
    let rows = dto
        .years
        .iter()
        .cloned()
        .map(|y| view! { <YearRow year=y department_id=department_id.clone() version editable changes/> })
        .collect_view();
    let no_years = dto.years.is_empty();
    let next_year = dto.years.iter().map(|y| y.year + 1).max();
    view! {
        <p class="known-until" data-testid="known-until" data-known-until=known.map(|d| d.to_string()).unwrap_or_default()>{known_line}</p>
        {follows.then(|| view! { <p class="hint">{move || ym().follows_organisation}</p> })}
        {if no_years {
            view! { <p class="muted">{move || ym().no_years}</p> }.into_any()
        } else {
            view! {
                <table class="calendar-years-table" tabindex="0">
                    <thead><tr>
                        <th scope="col">{move || ym().year}</th>
                        <th scope="col">{move || ym().source}</th>
                        <th scope="col">{move || ym().breaks}</th>
                        <th scope="col">{move || ym().make_up_days}</th>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, edit)}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }}
        {editable.then(|| view! {
            <details class="add-year">
                <summary>{move || ym().add_year}</summary>
                <YearForm department_id=department_id.clone() year=None suggested=next_year version changes/>
            </details>
        })}
    }
}

#[component]
fn YearRow(year: CalendarYearDto, department_id: String, version: i64, editable: bool, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let ym = move || YearMessages::of(i18n.get());
    let (number, source) = (year.year, year.source);
    let breaks = year.breaks.clone();
    let days = year.workdays.clone();
    let entered = source == super::dto::YearSource::Entered;
    let remove = ServerAction::<RemoveCalendarYear>::new();
    let remove_error = action_error(remove);
    Effect::new(move |_| {
        if let Some(Ok(_)) = remove.value().get() {
            changes.update(|n| *n += 1);
        }
    });
    let remove_department = department_id.clone();
    view! {
        <tr data-year=number data-source=move || ym().source(source)>
            <th scope="row">{number}</th>
            <td>{move || ym().source(source)}</td>
            <td>
                <ul class="plain">
                    {breaks.into_iter().map(|b| view! { <li>{move || break_line(i18n.get(), &b)}</li> }).collect_view()}
                </ul>
            </td>
            <td>{move || days_line(i18n.get(), &days)}</td>
            <td>
                {editable.then(|| view! {
                    <details>
                        <summary>{move || ym().edit_year(number)}</summary>
                        <YearForm department_id=department_id.clone() year=Some(year.clone()) suggested=None version changes/>
                    </details>
                    {entered.then(|| view! {
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| {
                                remove.dispatch(RemoveCalendarYear {
                                    department_id: Some(remove_department.clone()),
                                    year: number,
                                    version,
                                });
                            }
                        >
                            {move || ym().remove_year(number)}
                        </button>
                    })}
                    <FormError error=remove_error fields=&[]/>
                })}
            </td>
        </tr>
    }
}

/// Adds a year (`year` None) or replaces one.
#[component]
fn YearForm(
    department_id: String,
    year: Option<CalendarYearDto>,
    suggested: Option<i32>,
    version: i64,
    changes: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ym = move || YearMessages::of(i18n.get());
    let save = ServerAction::<SaveCalendarYear>::new();
    let error = action_error(save);
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            changes.update(|n| *n += 1);
        }
    });
    let mode = if year.is_some() { "edit" } else { "add" };
    let number = year.as_ref().map(|y| y.year).or(suggested).map(|n| n.to_string()).unwrap_or_default();
    let breaks = year.as_ref().map(|y| breaks_text(&y.breaks)).unwrap_or_default();
    let days = year.as_ref().map(|y| dates_text(&y.workdays)).unwrap_or_default();
    view! {
        <ActionForm action=save attr:class="year-form">
            <input type="hidden" name="department_id" value=department_id/>
            <input type="hidden" name="mode" value=mode/>
            <input type="hidden" name="version" value=version/>
            <label>
                <span>{move || ym().year}</span>
                <input type="number" name="year" min="1900" max="2999" step="1" value=number readonly=year.is_some() required/>
            </label>
            <FieldError error field="year"/>
            <label>
                <span>{move || ym().breaks}</span>
                <textarea name="breaks" rows="6" spellcheck="false">{breaks}</textarea>
                <small class="hint">{move || ym().breaks_hint}</small>
            </label>
            <FieldError error field="breaks"/>
            <label>
                <span>{move || ym().make_up_days}</span>
                <textarea name="workdays" rows="2" spellcheck="false">{days}</textarea>
                <small class="hint">{move || ym().make_up_hint}</small>
            </label>
            <FieldError error field="workdays"/>
            <FormError error=error fields=YEAR_FIELDS/>
            <button type="submit">{t!(i18n, save)}</button>
        </ActionForm>
    }
}

/// The format a holiday file's name says: `.json` is JSON, anything else is read as iCalendar.
fn format_of(file_name: &str) -> HolidayFileFormat {
    if file_name.to_lowercase().ends_with(".json") {
        HolidayFileFormat::Json
    } else {
        HolidayFileFormat::Ics
    }
}

#[component]
fn ImportForm(scope: RwSignal<String>, version: RwSignal<Option<i64>>, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let ym = move || YearMessages::of(i18n.get());
    let content = RwSignal::new(String::new());
    let format = RwSignal::new(HolidayFileFormat::Ics);
    let replace = RwSignal::new(false);
    let import = ServerAction::<ImportCalendarFile>::new();
    let error = action_error(import);
    Effect::new(move |_| {
        if let Some(Ok(done)) = import.value().get() {
            if done.applied {
                changes.update(|n| *n += 1);
            }
        }
    });
    let send = move |apply: bool| {
        let Some(version) = version.get_untracked() else { return };
        import.dispatch(ImportCalendarFile {
            department_id: Some(scope.get_untracked()),
            input: CalendarImportInput {
                format: format.get_untracked(),
                content: content.get_untracked(),
                replace: replace.get_untracked(),
                apply,
                version,
            },
        });
    };
    let result = move || import.value().get().and_then(Result::ok);
    view! {
        <details class="import-years">
            <summary>{move || ym().import_title}</summary>
            <p class="hint">{move || ym().import_hint}</p>
            <label>
                <span>{move || ym().file}</span>
                <input type="file" accept=".ics,.ical,.json,text/calendar,application/json" on:change=move |ev| read_chosen_file(ev, move |name, text| {
                    format.set(format_of(&name));
                    content.set(text);
                })/>
            </label>
            <label>
                <span>{move || ym().format}</span>
                <select
                    name="format"
                    on:change=move |ev| format.set(if event_target_value(&ev) == "json" { HolidayFileFormat::Json } else { HolidayFileFormat::Ics })
                    prop:value=move || if format.get() == HolidayFileFormat::Json { "json" } else { "ics" }
                >
                    <option value="ics">"iCalendar (.ics)"</option>
                    <option value="json">"JSON"</option>
                </select>
            </label>
            <label>
                <span>{move || ym().file_text}</span>
                <textarea
                    name="content"
                    rows="6"
                    spellcheck="false"
                    prop:value=move || content.get()
                    on:input=move |ev| content.set(event_target_value(&ev))
                ></textarea>
            </label>
            <label class="checkbox">
                <input type="checkbox" name="replace" prop:checked=move || replace.get() on:change=move |ev| replace.set(event_target_checked(&ev))/>
                <span>{move || ym().replace}</span>
            </label>
            <FieldError error field="content"/>
            <FormError error=error fields=&["content"]/>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| send(false) disabled=move || content.with(String::is_empty)>
                    {move || ym().preview}
                </button>
                <button type="button" on:click=move |_| send(true) disabled=move || content.with(String::is_empty)>
                    {move || ym().import}
                </button>
            </div>
            {move || result().map(|r| view! { <ImportResult result=r/> })}
        </details>
    }
}

fn year_summary(locale: Locale, year: Option<&CalendarYear>) -> String {
    let ym = YearMessages::of(locale);
    match year {
        None => ym.none.to_string(),
        Some(y) => {
            let mut parts: Vec<String> = y.breaks.iter().map(|b| break_line(locale, b)).collect();
            if !y.workdays.is_empty() {
                parts.push(format!("{}: {}", ym.make_up_days, days_line(locale, &y.workdays)));
            }
            if parts.is_empty() {
                ym.summary(0, 0)
            } else {
                parts.join(locale.messages().clause_separator)
            }
        }
    }
}

#[component]
fn ImportResult(result: CalendarImportDto) -> impl IntoView {
    let i18n = use_i18n();
    let ym = move || YearMessages::of(i18n.get());
    let imported = result.years.iter().filter(|y| matches!(y.status, YearImport::Added | YearImport::Replaced)).count();
    let applied = result.applied;
    let (before, after) = (result.known_until_before, result.known_until_after);
    let known = move |d: Option<Date>| d.map_or_else(|| ym().every_year.to_string(), |d| i18n.get().date(d));
    let years = result.years.clone();
    let moved = result.moved_plans.clone();
    let no_moved = moved.is_empty();
    view! {
        <div class="import-result" data-testid="import-result" data-applied=applied.to_string()>
            {applied.then(|| view! { <p class="notice" role="status">{move || ym().imported(imported)}</p> })}
            {(!applied && imported == 0).then(|| view! { <p class="notice" role="status">{move || ym().nothing_to_import}</p> })}
            <p>
                <strong>{move || ym().known_before_after}": "</strong>
                {move || format!("{} → {}", known(before), known(after))}
            </p>
            <table class="import-years-table" tabindex="0">
                <thead><tr>
                    <th scope="col">{move || ym().year}</th>
                    <th scope="col">{move || ym().change}</th>
                    <th scope="col">{move || ym().before}</th>
                    <th scope="col">{move || ym().after}</th>
                </tr></thead>
                <tbody>
                    {years
                        .into_iter()
                        .map(|y| {
                            let (b, a) = (y.before.clone(), y.after.clone());
                            view! {
                                <tr data-year=y.year data-status=y.status.as_str()>
                                    <th scope="row">{y.year}</th>
                                    <td>{move || ym().status(y.status)}</td>
                                    <td>{move || year_summary(i18n.get(), b.as_ref())}</td>
                                    <td>{move || year_summary(i18n.get(), Some(&a))}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <h3>{move || ym().moved_plans}</h3>
            {if no_moved {
                view! { <p class="muted">{move || ym().no_moved_plans}</p> }.into_any()
            } else {
                view! {
                    <ul class="moved-plans">
                        {moved
                            .into_iter()
                            .map(|p| {
                                let href = format!("/options/{}", p.option_id);
                                let title = format!("{} · {} · {}", p.project_name, p.requirement_key, p.option_title);
                                view! {
                                    <li data-option=p.option_id.clone()>
                                        <a href=href>{title}</a>
                                        ": "
                                        {move || ym().moved_plan(i18n.get().date(p.launch_after), i18n.get().date(p.launch_before), p.items_moved)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </div>
    }
}

#[component]
fn CalendarChanges(changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let ym = move || YearMessages::of(i18n.get());
    let history = Resource::new(move || changes.get(), |_| get_calendar_changes());
    view! {
        <details class="calendar-history">
            <summary>{move || ym().history_title}</summary>
            <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">{move || ym().no_history}</p> }.into_any(),
                        Ok(list) => view! { <ChangeTable list/> }.into_any(),
                        Err(e) => load_error(e),
                    }
                })}
            </Transition>
        </details>
    }
}

#[component]
fn ChangeTable(list: Vec<CalendarChangeDto>) -> impl IntoView {
    let i18n = use_i18n();
    let ym = move || YearMessages::of(i18n.get());
    view! {
        <table class="calendar-changes" tabindex="0">
            <thead><tr>
                <th scope="col">{move || ym().when}</th>
                <th scope="col">{move || ym().who}</th>
                <th scope="col">{move || ym().calendar}</th>
                <th scope="col">{move || ym().year}</th>
                <th scope="col">{move || ym().change}</th>
                <th scope="col">{move || ym().before}</th>
                <th scope="col">{move || ym().after}</th>
            </tr></thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|c| {
                        let calendar = c.department_code.clone();
                        let (before, after) = (c.before.clone(), c.after.clone());
                        let action = c.action.clone();
                        view! {
                            <tr>
                                <td>{move || i18n.get().day_of(c.changed_at)}</td>
                                <td>{c.changed_by_name.clone()}</td>
                                <td>{move || calendar.clone().unwrap_or_else(|| ym().organisation.to_string())}</td>
                                <td>{c.year}</td>
                                <td>{move || ym().action(&action)}</td>
                                <td>{move || year_summary(i18n.get(), before.as_ref())}</td>
                                <td>{move || year_summary(i18n.get(), after.as_ref())}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
