//! Calendar export: one meeting as an `.ics` file, and each person's subscribable feed behind a
//! secret URL token (created, shown, revoked by its owner; stored hashed like personal access
//! tokens). The feed holds the person's meetings, the due dates of their open action items and the
//! milestones of their projects' current baselines, and is re-read under the owner's permissions
//! at every fetch (leaving a project drops its events).

use super::dto::CalendarFeedDto;
use super::ics::{IcsCalendar, IcsEvent, IcsPerson, IcsTime};
use super::loaded::load_meeting;
use crate::access::{load_readable, project_access};
use crate::auth::{self, CurrentUser};
use crate::db::{self, meetings as repo};
use crate::domain::meetings::{ActionStatus, Zone};
use crate::domain::permissions::{can_read_project, is_stakeholder};
use crate::domain::schedule::{schedule, Plan};
use crate::error::AppError;
use crate::state::AppState;

/// Where feeds are served, under the site's origin.
pub const FEED_PATH: &str = "/api/v1/calendar-feeds/";
/// Prefix that makes a leaked feed token recognisable.
pub const FEED_TOKEN_PREFIX: &str = "ccf_";

/// The site's origin as the request reached it (`Host`, and `X-Forwarded-Proto` or the secure-cookie
/// setting for the scheme): feed addresses and event links are built on it.
pub fn site_base(headers: &http::HeaderMap, state: &AppState) -> String {
    let host = headers.get(http::header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("localhost");
    let forwarded = headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok());
    let scheme = match forwarded {
        Some("https") => "https",
        Some("http") => "http",
        _ if state.config.secure_cookies => "https",
        _ => "http",
    };
    // A Host header is a host and an optional port; anything else is not used in an address.
    let host = if host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')) { host } else { "localhost" };
    format!("{scheme}://{host}")
}

fn person(id: &str, name: &str) -> IcsPerson {
    IcsPerson { name: name.to_string(), uri: format!("urn:uuid:{id}") }
}

/// The VEVENT of a meeting: its time in its zone, place, agenda, organiser and invitees.
async fn meeting_event(conn: &mut db::Conn, m: &repo::MeetingRow, project_name: &str, base: Option<&str>) -> Result<IcsEvent, AppError> {
    let zone = Zone::of(&m.time_zone);
    let agenda = repo::agenda(conn, &m.meeting_id).await?;
    let mut description = format!("{project_name}\n");
    for (i, a) in agenda.iter().enumerate() {
        description.push_str(&format!("{}. {}\n", i + 1, a.title));
    }
    let organizer = db::users::find(conn, &m.created_by).await?.map(|u| person(&u.user_id, &u.display_name));
    let attendees = repo::invitees(conn, &m.meeting_id).await?.into_iter().map(|p| person(&p.user_id, &p.display_name)).collect();
    Ok(IcsEvent {
        uid: format!("meeting-{}@concord", m.meeting_id),
        start: IcsTime::Zoned { ms: m.starts_at, zone },
        end: IcsTime::Zoned { ms: m.ends_at, zone },
        summary: m.title.clone(),
        location: m.place.clone(),
        description: description.trim_end().to_string(),
        organizer,
        attendees,
        sequence: m.sequence,
        last_modified: Some(m.updated_at),
        categories: vec![m.kind.as_str().to_string()],
        url: base.map(|b| format!("{b}/meetings/{}", m.meeting_id)),
    })
}

/// One meeting as an iCalendar file, for anyone who may read its project.
#[tracing::instrument(skip_all, fields(meeting_id = %meeting_id))]
pub async fn meeting_ics(state: &AppState, user: &CurrentUser, meeting_id: &str, base: Option<&str>) -> Result<String, AppError> {
    let mut conn = state.db.acquire().await?;
    let loaded = load_meeting(&mut conn, user, meeting_id).await?;
    let event = meeting_event(&mut conn, &loaded.meeting, &loaded.project.name, base).await?;
    let calendar = IcsCalendar { name: loaded.meeting.title.clone(), events: vec![event] };
    Ok(calendar.write(db::now_ms()))
}

fn feed_dto(row: Option<repo::FeedRow>, url: Option<String>) -> CalendarFeedDto {
    CalendarFeedDto {
        active: row.is_some(),
        created_at: row.as_ref().map(|r| r.created_at),
        last_used_at: row.and_then(|r| r.last_used_at),
        url,
    }
}

/// Whether the person has a live feed (its address cannot be shown again: only its hash is kept).
#[tracing::instrument(skip_all)]
pub async fn feed_status(state: &AppState, user: &CurrentUser) -> Result<CalendarFeedDto, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(feed_dto(repo::live_feed(&mut conn, &user.id).await?, None))
}

/// Makes a new secret feed address for the person, revoking the previous one; the answer is the
/// only time the address is shown. `base` is the site's origin (`https://host`).
#[tracing::instrument(skip_all)]
pub async fn create_feed(state: &AppState, user: &CurrentUser, base: &str) -> Result<CalendarFeedDto, AppError> {
    let token = format!("{FEED_TOKEN_PREFIX}{}", auth::random_token());
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    let now = db::now_ms();
    repo::revoke_feeds(&mut tx, &user.id, now).await?;
    repo::insert_feed(&mut tx, &db::new_id(), &user.id, &auth::sha256_hex(&token), now).await?;
    let row = repo::live_feed(&mut tx, &user.id).await?;
    tx.commit().await?;
    Ok(feed_dto(row, Some(format!("{base}{FEED_PATH}{token}.ics"))))
}

/// Revokes the person's feed: its address answers 404 from now on.
#[tracing::instrument(skip_all)]
pub async fn revoke_feed(state: &AppState, user: &CurrentUser) -> Result<CalendarFeedDto, AppError> {
    let mut tx = db::begin_write(&state.db, state.db_kind).await?;
    if !repo::revoke_feeds(&mut tx, &user.id, db::now_ms()).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(feed_dto(None, None))
}

/// The feed of a token (with or without its `.ics` ending); unknown or revoked tokens are 404.
#[tracing::instrument(skip_all)]
pub async fn feed_ics(state: &AppState, token: &str, base: Option<&str>) -> Result<String, AppError> {
    let token = token.strip_suffix(".ics").unwrap_or(token);
    if !token.starts_with(FEED_TOKEN_PREFIX) {
        return Err(AppError::NotFound);
    }
    let mut conn = state.db.acquire().await?;
    let now = db::now_ms();
    let owner = repo::feed_owner(&mut conn, &auth::sha256_hex(token), now).await?.ok_or(AppError::NotFound)?;
    let user = auth::user_from_row(db::users::find(&mut conn, &owner).await?.ok_or(AppError::NotFound)?);
    let mut events = Vec::new();
    for m in repo::meetings_of_person(&mut conn, &user.id).await? {
        let Ok((project, _)) = load_readable(&mut conn, &user, &m.project_id).await else { continue };
        events.push(meeting_event(&mut conn, &m, &project.name, base).await?);
    }
    for a in repo::owner_actions(&mut conn, &user.id).await? {
        if a.status != ActionStatus::Open || load_readable(&mut conn, &user, &a.project_id).await.is_err() {
            continue;
        }
        let due = a.due_on;
        events.push(IcsEvent {
            uid: format!("action-{}@concord", a.action_id),
            start: IcsTime::Day(due),
            end: IcsTime::Day(due),
            summary: format!("☐ {}", a.title),
            location: String::new(),
            description: format!("{}\n{}", a.project_name, a.meeting_title),
            organizer: None,
            attendees: vec![],
            sequence: 0,
            last_modified: None,
            categories: vec!["action_item".into()],
            url: base.map(|b| format!("{b}/meetings/{}", a.meeting_id)),
        });
    }
    events.extend(milestone_events(&mut conn, &user, base).await?);
    let calendar = IcsCalendar { name: format!("Concord · {}", user.display_name), events };
    Ok(calendar.write(now))
}

/// The milestones of the current baselines of the projects the person's department takes part in.
async fn milestone_events(conn: &mut db::Conn, user: &CurrentUser, base: Option<&str>) -> Result<Vec<IcsEvent>, AppError> {
    let stakeholders = db::projects::all_stakeholders(conn).await?;
    let mut events = Vec::new();
    for project in db::projects::list(conn).await? {
        let own: Vec<_> = stakeholders.iter().filter(|s| s.project_id == project.project_id).cloned().collect();
        let acc = project_access(&project, &own);
        if !can_read_project(&user.actor(), &acc) || !is_stakeholder(&user.actor(), &acc) {
            continue;
        }
        let Some(baseline) = db::solutions::current_baseline(conn, &project.project_id).await? else { continue };
        let Ok(plan) = serde_json::from_str::<Plan>(&baseline.plan) else {
            tracing::error!(baseline_id = %baseline.baseline_id, "a stored baseline plan is unreadable");
            continue;
        };
        let Ok(scheduled) = schedule(&plan) else { continue };
        for m in scheduled.milestones {
            let name = m.name.clone().unwrap_or_else(|| m.id.clone());
            events.push(IcsEvent {
                uid: format!("milestone-{}-{}@concord", baseline.baseline_id, m.id),
                start: IcsTime::Day(m.date),
                end: IcsTime::Day(m.date),
                summary: format!("◆ {} · {name}", project.name),
                location: String::new(),
                description: format!("{} #{}", project.code, baseline.number),
                organizer: None,
                attendees: vec![],
                sequence: baseline.number,
                last_modified: Some(baseline.created_at),
                categories: vec!["milestone".into()],
                url: base.map(|b| format!("{b}/projects/{}/schedule", project.project_id)),
            });
        }
    }
    Ok(events)
}
