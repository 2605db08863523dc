//! Entered calendar years: listing a calendar's years, adding, editing and removing one, and
//! importing a holiday file with a preview of what changes and which open plans' dates move.
//! Every change is one transaction that saves the calendar (refused with 409 on a stale version)
//! and records each year's before → after in `calendar_changes`.
//!
//! A department that follows the organisation's calendar gets its own copy of it the first time
//! someone enters a year for the department alone.

use super::dto::*;
use super::service::{load_plan_settings, PlanSettings};
use crate::auth::CurrentUser;
use crate::db::{self, calendar_changes as changes, schedule_settings as repo};
use crate::domain::dates::Date;
use crate::domain::permissions::{can_edit_department_schedule, can_edit_organisation_calendar};
use crate::domain::schedule::calendar::unlimited_range;
use crate::domain::schedule::holiday_files::{read_years, FileProblem};
use crate::domain::schedule::{cn, schedule, Calendar, CalendarSpec, CalendarYear, CustomCalendar, PlanError, YearProblem};
use crate::domain::schedule_settings::Capacity;
use crate::domain::solutions::{OptionContent, PlanFrame};
use crate::domain::DomainError;
use crate::error::AppError;
use crate::state::AppState;

/// Whose calendar: the organisation's, or one department's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarScope {
    Organisation,
    Department(String),
}

impl CalendarScope {
    fn department_id(&self) -> Option<&str> {
        match self {
            CalendarScope::Organisation => None,
            CalendarScope::Department(id) => Some(id),
        }
    }
}

/// A calendar as it stands, read inside the change's transaction.
struct Current {
    /// The calendar the scope schedules with (a department without its own: the organisation's).
    spec: CalendarSpec,
    own_calendar: bool,
    version: i64,
    /// The department's settings row, when the scope is a department.
    department: Option<repo::DepartmentScheduleRow>,
}

fn damaged(what: &str) -> impl Fn(serde_json::Error) -> AppError + '_ {
    move |e| {
        tracing::error!(error = %e, what, "a stored calendar is not a CalendarSpec");
        AppError::Internal
    }
}

async fn load(conn: &mut db::Conn, scope: &CalendarScope) -> Result<Current, AppError> {
    let organisation = repo::organisation_calendar(conn).await?;
    let organisation_spec: CalendarSpec = serde_json::from_str(&organisation.calendar).map_err(damaged("organisation"))?;
    match scope {
        CalendarScope::Organisation => {
            Ok(Current { spec: organisation_spec, own_calendar: true, version: organisation.version, department: None })
        }
        CalendarScope::Department(id) => {
            let row = repo::find_department(conn, id).await?.ok_or(AppError::NotFound)?;
            let own: Option<CalendarSpec> = row.calendar.as_deref().map(serde_json::from_str).transpose().map_err(damaged("department"))?;
            Ok(Current {
                own_calendar: own.is_some(),
                spec: own.unwrap_or(organisation_spec),
                version: row.version.unwrap_or(0),
                department: Some(row),
            })
        }
    }
}

fn check_permission(user: &CurrentUser, scope: &CalendarScope) -> Result<(), AppError> {
    let allowed = match scope {
        CalendarScope::Organisation => can_edit_organisation_calendar(&user.actor()),
        CalendarScope::Department(id) => can_edit_department_schedule(&user.actor(), id),
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The custom form of a calendar, so years can be entered on it (a shipped name becomes its base).
fn custom_of(spec: &CalendarSpec) -> CustomCalendar {
    match spec {
        CalendarSpec::Named(name) => CustomCalendar { base: Some(name.clone()), ..Default::default() },
        CalendarSpec::Custom(custom) => custom.clone(),
    }
}

/// The shipped years of a calendar's base.
fn shipped_years(spec: &CalendarSpec) -> Vec<CalendarYear> {
    let base = match spec {
        CalendarSpec::Named(name) => Some(name.as_str()),
        CalendarSpec::Custom(custom) => custom.base.as_deref(),
    };
    if base == Some(cn::NAME) {
        cn::years()
    } else {
        Vec::new()
    }
}

fn entered_years(spec: &CalendarSpec) -> &[CalendarYear] {
    match spec {
        CalendarSpec::Named(_) => &[],
        CalendarSpec::Custom(custom) => &custom.years,
    }
}

/// The year as the calendar has it now, entered or shipped.
fn year_of(spec: &CalendarSpec, year: i32) -> Option<(CalendarYear, YearSource)> {
    entered_years(spec)
        .iter()
        .find(|y| y.year == year)
        .map(|y| (y.clone(), YearSource::Entered))
        .or_else(|| shipped_years(spec).into_iter().find(|y| y.year == year).map(|y| (y, YearSource::Shipped)))
}

/// The last day the calendar knows holidays of; `None` when it knows every year.
fn known_until(spec: &CalendarSpec) -> Result<Option<Date>, AppError> {
    let calendar = Calendar::from_spec(spec, "calendar").map_err(|e| {
        tracing::error!(error = %e, "a stored calendar no longer compiles");
        AppError::Internal
    })?;
    Ok(Some(calendar.known_until()).filter(|d| *d < unlimited_range().1))
}

/// A calendar's years (shipped ones its entered years do not replace, and the entered ones), in
/// order, and the last day whose holidays it knows (`None`: every year).
pub fn listed_years(spec: &CalendarSpec) -> Result<(Vec<CalendarYearDto>, Option<Date>), AppError> {
    let entered = entered_years(spec);
    let mut years: Vec<CalendarYearDto> = shipped_years(spec)
        .into_iter()
        .filter(|y| !entered.iter().any(|e| e.year == y.year))
        .map(|y| CalendarYearDto { year: y.year, source: YearSource::Shipped, breaks: y.breaks, workdays: y.workdays })
        .chain(entered.iter().map(|y| CalendarYearDto {
            year: y.year,
            source: YearSource::Entered,
            breaks: y.breaks.clone(),
            workdays: y.workdays.clone(),
        }))
        .collect();
    years.sort_by_key(|y| y.year);
    Ok((years, known_until(spec)?))
}

fn years_dto(scope: &CalendarScope, current: &Current) -> Result<CalendarYearsDto, AppError> {
    let (years, known_until) = listed_years(&current.spec)?;
    Ok(CalendarYearsDto {
        department_id: scope.department_id().map(str::to_string),
        own_calendar: current.own_calendar,
        known_until,
        calendar: current.spec.clone(),
        years,
        version: current.version,
    })
}

/// A refused year, with the field it is about and the engine's words in both languages.
fn year_refused(field: &'static str, error: PlanError) -> AppError {
    AppError::Invalid(DomainError::InvalidCalendar { field: field.into(), message: error.to_string(), plan: Some(Box::new(error)) })
}

fn field_of(problem: &YearProblem) -> &'static str {
    match problem {
        YearProblem::MakeUpNotWeekend { .. } | YearProblem::MakeUpInBreak { .. } | YearProblem::MakeUpTwice { .. } => "workdays",
        YearProblem::YearOutOfRange | YearProblem::AlreadyEntered { .. } | YearProblem::NotEntered { .. } | YearProblem::Empty { .. } => {
            "year"
        }
        _ => "breaks",
    }
}

/// The calendar with `years` as its entered years, checked whole by the engine.
fn with_years(spec: &CalendarSpec, years: Vec<CalendarYear>, field: Option<&'static str>) -> Result<CalendarSpec, AppError> {
    let mut custom = custom_of(spec);
    custom.years = years;
    custom.years.sort_by_key(|y| y.year);
    let spec = CalendarSpec::Custom(custom.clone());
    match Calendar::from_spec(&spec, "calendar") {
        // Stored as checked: names trimmed, days in order (what the history shows is what counts).
        Ok(calendar) => {
            let weekend = calendar.weekend_days();
            custom.years =
                custom.years.into_iter().map(|y| y.normalised(&weekend)).collect::<Result<_, _>>().map_err(|_| AppError::Internal)?;
            // The last entered year removed from a shipped calendar: it is that calendar again.
            let plain_base = custom.base.clone().filter(|base| custom == CustomCalendar { base: Some(base.clone()), ..Default::default() });
            Ok(match plain_base {
                Some(base) => CalendarSpec::Named(base),
                None => CalendarSpec::Custom(custom),
            })
        }
        Err(e) => {
            let field = match (&e, field) {
                (_, Some(field)) => field,
                (PlanError::InvalidYear { problem, .. }, None) => field_of(problem),
                _ => "calendar",
            };
            Err(year_refused(field, e))
        }
    }
}

fn not_entered(year: i32) -> AppError {
    let problem = YearProblem::NotEntered { year };
    year_refused("year", PlanError::InvalidYear { calendar: "calendar".into(), year, problem })
}

/// Saves the scope's calendar if it is still at `version`; records each year's change.
async fn save(
    tx: &mut db::Conn,
    user: &CurrentUser,
    scope: &CalendarScope,
    current: &Current,
    spec: &CalendarSpec,
    recorded: &[Recorded],
) -> Result<i64, AppError> {
    let text = serde_json::to_string(spec).map_err(|_| AppError::Internal)?;
    let (version, now) = (current.version + 1, db::now_ms());
    match scope {
        CalendarScope::Organisation => {
            if !repo::update_organisation_calendar_if_version(tx, &text, version, now, &user.id).await? {
                return Err(AppError::StaleVersion);
            }
        }
        CalendarScope::Department(id) => {
            let row = current.department.as_ref().ok_or(AppError::Internal)?;
            let settings = repo::DepartmentSchedule {
                department_id: id.clone(),
                capacity: row.capacity.unwrap_or(Capacity::DEFAULT.get()),
                available_from: row.available_from.clone(),
                calendar: Some(text),
                version,
                updated_at: now,
                updated_by: user.id.clone(),
            };
            if row.version.is_none() {
                repo::insert_department(tx, &settings).await?;
            } else if !repo::update_department_if_version(tx, &settings).await? {
                return Err(AppError::StaleVersion);
            }
        }
    }
    let as_json = |y: &Option<CalendarYear>| y.as_ref().map(serde_json::to_string).transpose().map_err(|_| AppError::Internal);
    for (action, year, before, after) in recorded {
        let change = changes::NewCalendarChange {
            department_id: scope.department_id(),
            action,
            year: *year as i64,
            before_year: as_json(before)?,
            after_year: as_json(after)?,
            changed_at: now,
            changed_by: &user.id,
        };
        changes::insert(tx, &change).await?;
    }
    Ok(version)
}

/// Everyone signed in may read a calendar's years (plans and their readers depend on them).
#[tracing::instrument(skip_all)]
pub async fn calendar_years(state: &AppState, _user: &CurrentUser, scope: &CalendarScope) -> Result<CalendarYearsDto, AppError> {
    let mut conn = state.db.acquire().await?;
    let current = load(&mut conn, scope).await?;
    years_dto(scope, &current)
}

/// Adds, replaces (`year` given to [`edit_year`]) or removes one entered year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearChange {
    Add,
    Edit(i32),
    Remove(i32),
}

async fn change_year(
    state: &AppState,
    user: &CurrentUser,
    scope: &CalendarScope,
    change: YearChange,
    input: CalendarYearInput,
) -> Result<CalendarYearsDto, AppError> {
    check_permission(user, scope)?;
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let current = load(&mut tx, scope).await?;
    if input.version != current.version {
        return Err(AppError::StaleVersion);
    }
    let mut years = entered_years(&current.spec).to_vec();
    let (action, year, before, after) = match change {
        YearChange::Add => {
            let year = input.year.ok_or_else(|| DomainError::Empty { field: "year".into() })?;
            if year_of(&current.spec, year).is_some() {
                let problem = YearProblem::AlreadyEntered { year };
                return Err(year_refused("year", PlanError::InvalidYear { calendar: "calendar".into(), year, problem }));
            }
            let entered = CalendarYear { year, breaks: input.breaks, workdays: input.workdays };
            years.push(entered.clone());
            ("add", year, None, Some(entered))
        }
        YearChange::Edit(year) => {
            let (before, _) = year_of(&current.spec, year).ok_or_else(|| not_entered(year))?;
            let entered = CalendarYear { year, breaks: input.breaks, workdays: input.workdays };
            years.retain(|y| y.year != year);
            years.push(entered.clone());
            ("edit", year, Some(before), Some(entered))
        }
        YearChange::Remove(year) => {
            let before = years.iter().find(|y| y.year == year).cloned().ok_or_else(|| not_entered(year))?;
            years.retain(|y| y.year != year);
            ("remove", year, Some(before), None)
        }
    };
    let spec = with_years(&current.spec, years, None)?;
    let after = after.and_then(|_| entered_years(&spec).iter().find(|y| y.year == year).cloned());
    let version = save(&mut tx, user, scope, &current, &spec, &[(action, year, before, after)]).await?;
    tx.commit().await?;
    let saved = Current { spec, own_calendar: true, version, department: None };
    years_dto(scope, &saved)
}

/// Enters a year the calendar does not know yet (its base's shipped years included).
#[tracing::instrument(skip_all)]
pub async fn add_year(
    state: &AppState,
    user: &CurrentUser,
    scope: &CalendarScope,
    input: CalendarYearInput,
) -> Result<CalendarYearsDto, AppError> {
    change_year(state, user, scope, YearChange::Add, input).await
}

/// Replaces a year's breaks and make-up days (a shipped year becomes an entered one).
#[tracing::instrument(skip_all)]
pub async fn edit_year(
    state: &AppState,
    user: &CurrentUser,
    scope: &CalendarScope,
    year: i32,
    input: CalendarYearInput,
) -> Result<CalendarYearsDto, AppError> {
    change_year(state, user, scope, YearChange::Edit(year), input).await
}

/// Removes an entered year (a shipped year it replaced comes back).
#[tracing::instrument(skip_all)]
pub async fn remove_year(
    state: &AppState,
    user: &CurrentUser,
    scope: &CalendarScope,
    year: i32,
    version: i64,
) -> Result<CalendarYearsDto, AppError> {
    change_year(state, user, scope, YearChange::Remove(year), CalendarYearInput { version, ..Default::default() }).await
}

fn file_refused(problem: FileProblem) -> AppError {
    AppError::Invalid(DomainError::InvalidCalendar { field: "content".into(), message: problem.to_string(), plan: None })
}

/// Previews (or, with `apply`, stores) the years of a holiday file. A preview reads on a plain
/// connection; only storing takes the write transaction.
#[tracing::instrument(skip_all)]
pub async fn import_years(
    state: &AppState,
    user: &CurrentUser,
    scope: &CalendarScope,
    input: CalendarImportInput,
) -> Result<CalendarImportDto, AppError> {
    check_permission(user, scope)?;
    let file_years = read_years(input.format, &input.content).map_err(file_refused)?;
    if !input.apply {
        let mut conn = state.db.acquire().await?;
        return Ok(plan_import(&mut conn, user, scope, &input, file_years).await?.0);
    }
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let (mut outcome, current, spec, recorded) = plan_import(&mut tx, user, scope, &input, file_years).await?;
    if let Some(year) = outcome.years.iter().find(|y| y.status == YearImport::Conflict).map(|y| y.year) {
        let problem = YearProblem::AlreadyEntered { year };
        return Err(year_refused("content", PlanError::InvalidYear { calendar: "calendar".into(), year, problem }));
    }
    if !recorded.is_empty() {
        outcome.version = save(&mut tx, user, scope, &current, &spec, &recorded).await?;
        outcome.applied = true;
        tx.commit().await?;
    }
    Ok(outcome)
}

/// A year's change as recorded in the history: action, year, before, after.
type Recorded = (&'static str, i32, Option<CalendarYear>, Option<CalendarYear>);

/// What importing `file_years` would do: the report (not yet applied), the calendar as it is,
/// the calendar as it would become, and the changes to record.
async fn plan_import(
    conn: &mut db::Conn,
    user: &CurrentUser,
    scope: &CalendarScope,
    input: &CalendarImportInput,
    file_years: Vec<CalendarYear>,
) -> Result<(CalendarImportDto, Current, CalendarSpec, Vec<Recorded>), AppError> {
    let current = load(conn, scope).await?;
    if input.version != current.version {
        return Err(AppError::StaleVersion);
    }
    let weekend = Calendar::from_spec(&current.spec, "calendar").map(|c| c.weekend_days()).map_err(|_| AppError::Internal)?;
    let mut entered = entered_years(&current.spec).to_vec();
    let mut report = Vec::with_capacity(file_years.len());
    let mut recorded = Vec::new();
    for year in file_years {
        let number = year.year;
        let after = year
            .normalised(&weekend)
            .map_err(|problem| year_refused("content", PlanError::InvalidYear { calendar: "calendar".into(), year: number, problem }))?;
        let before = year_of(&current.spec, number).map(|(y, _)| y);
        let status = match &before {
            None => YearImport::Added,
            Some(b) if *b == after => YearImport::Unchanged,
            Some(_) if input.replace => YearImport::Replaced,
            Some(_) => YearImport::Conflict,
        };
        if matches!(status, YearImport::Added | YearImport::Replaced) {
            entered.retain(|y| y.year != number);
            entered.push(after.clone());
            recorded.push(("import", number, before.clone(), Some(after.clone())));
        }
        report.push(YearImportDto { year: number, status, before, after });
    }
    let spec = with_years(&current.spec, entered, Some("content"))?;
    let outcome = CalendarImportDto {
        applied: false,
        known_until_before: known_until(&current.spec)?,
        known_until_after: known_until(&spec)?,
        moved_plans: moved_plans(conn, user, scope, &spec).await?,
        years: report,
        version: current.version,
    };
    Ok((outcome, current, spec, recorded))
}

/// The open options (of projects the person may read) whose schedule changes when the scope's
/// calendar becomes `spec`.
async fn moved_plans(
    conn: &mut db::Conn,
    user: &CurrentUser,
    scope: &CalendarScope,
    spec: &CalendarSpec,
) -> Result<Vec<MovedPlanDto>, AppError> {
    let before = load_plan_settings(conn).await?;
    let mut after = before.clone();
    match scope {
        CalendarScope::Organisation => after.calendar = spec.clone(),
        CalendarScope::Department(id) => {
            if let Some(d) = after.departments.iter_mut().find(|d| &d.department_id == id) {
                d.calendar = Some(spec.clone());
            }
        }
    }
    let mut moved = Vec::new();
    for row in changes::open_options(conn, user.is_admin, &user.department_id).await? {
        let Ok(content) = serde_json::from_str::<OptionContent>(&row.content) else {
            tracing::error!(option_id = %row.option_id, "stored option content is unreadable");
            return Err(AppError::Internal);
        };
        let Ok(start) = Date::parse(&row.kickoff_on, "kickoff_on") else { return Err(AppError::Internal) };
        let scheduled = |settings: &PlanSettings| {
            let frame = PlanFrame { start, calendar: settings.calendar.clone(), departments: settings.department_specs() };
            schedule(&content.plan.to_plan(&frame)).ok()
        };
        // An option whose plan cannot be scheduled either way shows its own error on its page.
        let (Some(a), Some(b)) = (scheduled(&before), scheduled(&after)) else { continue };
        let items_moved = a.items.iter().zip(&b.items).filter(|(x, y)| x.start != y.start || x.finish != y.finish).count() as u32;
        if items_moved == 0 && a.launch == b.launch && a.holidays_unknown_after == b.holidays_unknown_after {
            continue;
        }
        moved.push(MovedPlanDto {
            project_id: row.project_id,
            project_name: row.project_name,
            requirement_id: row.requirement_id,
            requirement_key: row.req_key,
            option_id: row.option_id,
            option_title: row.title,
            launch_before: a.launch,
            launch_after: b.launch,
            items_moved,
            holidays_unknown_after_before: a.holidays_unknown_after,
            holidays_unknown_after_after: b.holidays_unknown_after,
        });
    }
    Ok(moved)
}

/// The newest calendar changes first (every calendar), for everyone signed in.
#[tracing::instrument(skip_all)]
pub async fn calendar_changes(state: &AppState, _user: &CurrentUser) -> Result<Vec<CalendarChangeDto>, AppError> {
    let mut conn = state.db.acquire().await?;
    let rows = changes::recent(&mut conn, 200).await?;
    let year = |text: Option<String>| -> Result<Option<CalendarYear>, AppError> {
        text.as_deref().map(serde_json::from_str).transpose().map_err(damaged("calendar change"))
    };
    rows.into_iter()
        .map(|r| {
            Ok(CalendarChangeDto {
                department_id: r.department_id,
                department_code: r.department_code,
                action: r.action,
                year: r.year as i32,
                before: year(r.before_year)?,
                after: year(r.after_year)?,
                changed_at: r.changed_at,
                changed_by: r.changed_by,
                changed_by_name: r.changed_by_name,
            })
        })
        .collect()
}
