//! The "Calendar and team capacity" page (`/admin/schedule`): the organisation calendar and a
//! row per department. Everyone signed in sees the values; each part has a form only for those who
//! may change it (the same permission functions the server checks).

use super::api::{SetDepartmentSchedule, SetOrganisationCalendar};
use super::dto::{DepartmentScheduleDto, OrganisationCalendarDto};
use super::years_page::CalendarYearsSection;
use crate::domain::permissions::{can_edit_department_schedule, can_edit_organisation_calendar};
use crate::domain::schedule::{CalendarSpec, CustomCalendar};
use crate::domain::schedule_settings::{calendar_text, CalendarChoice};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::t;
use crate::ui::forms::{action_error, load_error};
use crate::ui::session::use_user;
use crate::ui::PageTitle;
use crate::ui::{use_i18n, FieldError, FormError, RequireLogin};
use leptos::prelude::*;

#[component]
pub fn ScheduleSettingsPage() -> impl IntoView {
    view! {
        <RequireLogin>
            <ScheduleSettings/>
        </RequireLogin>
    }
}

/// What a custom calendar looks like, shown in an empty text area.
const CUSTOM_EXAMPLE: &str = "{\"base\": \"cn\", \"holidays\": [\"2026-03-02\"], \"workdays\": []}";

#[component]
fn ScheduleSettings() -> impl IntoView {
    let i18n = use_i18n();
    let user = StoredValue::new(use_user());
    let settings = Resource::new(|| (), |_| super::api::get_schedule_settings());
    view! {
        <PageTitle text=t!(i18n, schedule_settings_title)/>
        <h1>{t!(i18n, schedule_settings_title)}</h1>
        <p class="hint">{t!(i18n, schedule_settings_intro)}</p>
        <Transition fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let settings = match settings.await {
                    Ok(settings) => settings,
                    Err(e) => return load_error(e),
                };
                let user = user.get_value();
                let calendar_editable = can_edit_organisation_calendar(&user.actor());
                let departments = settings.departments.clone();
                view! {
                    <OrganisationCalendar initial=settings.organisation_calendar editable=calendar_editable/>
                    <section>
                        <h2>{t!(i18n, teams_title)}</h2>
                        <table class="schedule-settings" tabindex="0">
                            <thead>
                                <tr>
                                    <th>{t!(i18n, department)}</th>
                                    <th>{t!(i18n, capacity)}</th>
                                    <th>{t!(i18n, available_from)}</th>
                                    <th>{t!(i18n, calendar)}</th>
                                    <th>{t!(i18n, last_change)}</th>
                                    <th scope="col"><span class="visually-hidden">{t!(i18n, actions_column)}</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {settings
                                    .departments
                                    .into_iter()
                                    .map(|d| {
                                        let editable = can_edit_department_schedule(&user.actor(), &d.department_id);
                                        view! { <DepartmentScheduleRow initial=d editable/> }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </section>
                    <CalendarYearsSection departments/>
                }
                .into_any()
            })}
        </Transition>
    }
}

/// A calendar in words: its choice's name and, for a custom calendar, what it is made of ("based
/// on the mainland-China calendar · holidays known until 2027-12-31"). Its JSON is what the edit
/// form shows, not the page.
fn calendar_view(locale: Locale, spec: Option<&CalendarSpec>) -> impl IntoView {
    let choice = CalendarChoice::of(spec);
    let details = match spec {
        Some(CalendarSpec::Custom(custom)) => custom_calendar_words(locale, custom),
        _ => Vec::new(),
    };
    let details = (!details.is_empty()).then(|| format!(" ({})", details.join(" · ")));
    view! { <span class="calendar-name">{locale.calendar_choice(choice)}{details}</span> }
}

/// The parts of a custom calendar worth saying, in order: its base, days off and make-up days
/// entered by hand, entered years, and the range it counts.
fn custom_calendar_words(locale: Locale, custom: &CustomCalendar) -> Vec<String> {
    let m = locale.messages();
    let mut words = Vec::new();
    if let Some(base) = &custom.base {
        let name = match base.as_str() {
            "cn" => locale.calendar_choice(CalendarChoice::Cn),
            "weekdays" => locale.calendar_choice(CalendarChoice::Weekdays),
            other => other,
        };
        words.push(m.calendar_based_on(name));
    }
    if !custom.holidays.is_empty() {
        words.push(m.calendar_days_off(custom.holidays.len()));
    }
    if !custom.workdays.is_empty() {
        words.push(m.calendar_make_up_days(custom.workdays.len()));
    }
    if !custom.years.is_empty() {
        let years: Vec<String> = custom.years.iter().map(|y| y.year.to_string()).collect();
        words.push(m.calendar_entered_years(years.join(", ")));
    }
    if let Some(from) = custom.from {
        words.push(m.calendar_counts_from(locale.date(from)));
    }
    if let Some(until) = custom.until {
        words.push(m.calendar_known_until(locale.date(until)));
    }
    words
}

/// Who changed a setting last, and when (or "Defaults" when nobody has).
fn last_change(locale: Locale, name: Option<&str>, at: Option<i64>) -> String {
    match (name, at) {
        (Some(name), Some(at)) => locale.messages().changed_by(locale.day_of(at), name),
        _ => locale.messages().defaults.to_string(),
    }
}

#[component]
fn OrganisationCalendar(initial: OrganisationCalendarDto, editable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SetOrganisationCalendar>::new();
    let error = action_error(save);
    let picker_spec = Some(initial.calendar.clone());
    let current = RwSignal::new(initial);
    let saved = follow_saves(save.value(), current);
    view! {
        <section class="card" aria-labelledby="organisation-calendar-title">
            <h2 id="organisation-calendar-title">{t!(i18n, organisation_calendar)}</h2>
            <p class="calendar-current">{move || current.with(|c| calendar_view(i18n.get(), Some(&c.calendar)))}</p>
            <p class="hint">
                {t!(i18n, last_change)}{t!(i18n, label_colon)}
                {move || current.with(|c| last_change(i18n.get(), c.updated_by_name.as_deref(), c.updated_at))}
            </p>
            {editable.then(|| view! {
                <details>
                    <summary>{t!(i18n, edit)}</summary>
                    <ActionForm action=save>
                        <input type="hidden" name="version" value=move || current.get().version/>
                        <CalendarPicker spec=picker_spec allow_organisation=false error/>
                        <FormError error=error fields=&["calendar"]/>
                        <button type="submit">{t!(i18n, save)}</button>
                    </ActionForm>
                </details>
            })}
            <Show when=saved><p class="notice" role="status">{t!(i18n, saved)}</p></Show>
        </section>
    }
}

/// The calendar select (`calendar_choice`) and, for a custom calendar, its JSON (`calendar_json`).
/// The text area stays in the form when hidden, so switching back and forth keeps what was typed.
#[component]
fn CalendarPicker(spec: Option<CalendarSpec>, allow_organisation: bool, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let initial = CalendarChoice::of(spec.as_ref());
    let choice = RwSignal::new(initial);
    let text = spec.as_ref().filter(|_| initial == CalendarChoice::Custom).map(calendar_text).unwrap_or_default();
    let options = CalendarChoice::ALL.into_iter().filter(|c| allow_organisation || *c != CalendarChoice::Organisation);
    view! {
        <label>
            <span>{t!(i18n, calendar)}</span>
            <select
                name="calendar_choice"
                on:change=move |ev| choice.set(CalendarChoice::parse(&event_target_value(&ev)).unwrap_or(initial))
            >
                {options
                    .map(|c| view! { <option value=c.as_str() selected=c == initial>{move || i18n.get().calendar_choice(c)}</option> })
                    .collect_view()}
            </select>
        </label>
        <label hidden=move || choice.get() != CalendarChoice::Custom>
            <span>{t!(i18n, custom_calendar_json)}</span>
            <textarea name="calendar_json" rows="6" spellcheck="false" placeholder=CUSTOM_EXAMPLE>{text}</textarea>
            <small class="hint">{t!(i18n, custom_calendar_hint)}</small>
        </label>
        <FieldError error field="calendar"/>
    }
}

const DEPARTMENT_FIELDS: &[&str] = &["capacity", "available_from", "calendar"];

#[component]
fn DepartmentScheduleRow(initial: DepartmentScheduleDto, editable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SetDepartmentSchedule>::new();
    let error = action_error(save);
    let (id, capacity, available_from) = (initial.department_id.clone(), initial.capacity, initial.available_from.clone());
    let picker_spec = initial.calendar.clone();
    let current = RwSignal::new(initial);
    let saved = follow_saves(save.value(), current);
    view! {
        <tr>
            <td>{move || current.with(|d| format!("{} · {}", d.code, d.name(i18n.get())))}</td>
            <td>{move || current.get().capacity}</td>
            <td>
                {move || current.with(|d| match &d.available_from {
                    Some(date) => i18n.get().iso_date(date),
                    None => i18n.m().available_any_time.to_string(),
                })}
            </td>
            <td>{move || current.with(|d| calendar_view(i18n.get(), d.calendar.as_ref()))}</td>
            <td>{move || current.with(|d| last_change(i18n.get(), d.updated_by_name.as_deref(), d.updated_at))}</td>
            <td>
                {editable.then(|| view! {
                    <details>
                        <summary>{t!(i18n, edit)}</summary>
                        <ActionForm action=save>
                            <input type="hidden" name="id" value=id/>
                            <input type="hidden" name="version" value=move || current.get().version/>
                            <label>
                                <span>{t!(i18n, capacity)}</span>
                                <input type="number" name="capacity" min="1" max="1000" step="1" value=capacity required/>
                                <small class="hint">{t!(i18n, capacity_hint)}</small>
                            </label>
                            <FieldError error field="capacity"/>
                            <label>
                                <span>{t!(i18n, available_from)}</span>
                                <input type="date" name="available_from" value=available_from.unwrap_or_default()/>
                            </label>
                            <FieldError error field="available_from"/>
                            <CalendarPicker spec=picker_spec allow_organisation=true error/>
                            <FormError error=error fields=DEPARTMENT_FIELDS/>
                            <button type="submit">{t!(i18n, save)}</button>
                        </ActionForm>
                    </details>
                })}
                <Show when=saved><span class="notice" role="status">{t!(i18n, saved)}</span></Show>
            </td>
        </tr>
    }
}

/// Keeps `current` at what the server last saved, and says whether the last save succeeded.
fn follow_saves<T>(value: MappedSignal<Option<Result<T, AppError>>>, current: RwSignal<T>) -> impl Fn() -> bool + Copy
where
    T: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if let Some(Ok(saved)) = value.get() {
            current.set(saved);
        }
    });
    move || matches!(value.get(), Some(Ok(_)))
}
