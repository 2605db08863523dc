//! Meetings' pure rules: the kinds, the planned → in progress → closed life cycle and what each
//! status allows, the time zones a meeting can be entered in and the local ↔ UTC conversion, the
//! checks of a meeting's fields, action items' statuses and when one is overdue, and who may
//! schedule and edit meetings.
//!
//! Decisions here (see the README's "Meetings" section): closing locks the agenda, minutes,
//! attendance and decisions; the only way to change a closed meeting's record is an amendment.
//! Action items stay open to status changes after the close — they are the meeting's follow-up.

use super::dates::Date;
use super::error::{DomainError, Field};
use super::people::JobRole;
use super::permissions::{is_stakeholder, Actor, ProjectAccess};
use super::text::{bounded, optional_long};
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: u32 = 200;
pub const PLACE_MAX: u32 = 500;
pub const TEXT_MAX: u32 = 5_000;
pub const MINUTES_MAX: u32 = 50_000;
/// A meeting lasts at most a day: longer is a typo in the end time.
pub const MAX_DURATION_MS: i64 = 24 * 3_600_000;
pub const DEFAULT_TIME_ZONE: &str = "Asia/Shanghai";

/// What a meeting is for. Stored as its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    KickOff,
    RequirementReview,
    TechnicalDiscussion,
    ScheduleReview,
    Escalation,
    Other,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 6] = [
        MeetingKind::KickOff,
        MeetingKind::RequirementReview,
        MeetingKind::TechnicalDiscussion,
        MeetingKind::ScheduleReview,
        MeetingKind::Escalation,
        MeetingKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::KickOff => "kick_off",
            MeetingKind::RequirementReview => "requirement_review",
            MeetingKind::TechnicalDiscussion => "technical_discussion",
            MeetingKind::ScheduleReview => "schedule_review",
            MeetingKind::Escalation => "escalation",
            MeetingKind::Other => "other",
        }
    }

    pub fn parse(raw: &str, field: Field) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim()).ok_or_else(|| DomainError::not_allowed(field))
    }
}

/// A meeting's life cycle: planned, then held (in progress), then closed for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Planned,
    InProgress,
    Closed,
}

/// Why a change to a meeting is refused in its current status (answered 409).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The meeting is closed: its record is locked; corrections are amendments.
    Closed,
    /// The meeting has not started: there is nothing to record yet.
    NotStarted,
    /// Amendments are for closed meetings; an open one is simply edited.
    NotClosed,
    /// The status change is not the next step (planned → in progress → closed).
    BadTransition,
}

impl MeetingStatus {
    pub const ALL: [MeetingStatus; 3] = [MeetingStatus::Planned, MeetingStatus::InProgress, MeetingStatus::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "planned",
            MeetingStatus::InProgress => "in_progress",
            MeetingStatus::Closed => "closed",
        }
    }

    pub fn parse(raw: &str, field: Field) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim()).ok_or_else(|| DomainError::not_allowed(field))
    }

    /// The only moves: planned → in progress → closed. Closed is final.
    pub fn check_transition(self, to: MeetingStatus) -> Result<(), Refusal> {
        match (self, to) {
            (MeetingStatus::Planned, MeetingStatus::InProgress) | (MeetingStatus::InProgress, MeetingStatus::Closed) => Ok(()),
            (MeetingStatus::Closed, _) => Err(Refusal::Closed),
            _ => Err(Refusal::BadTransition),
        }
    }

    /// Title, time, place, invitees and agenda: while the meeting is not closed.
    pub fn check_plannable(self) -> Result<(), Refusal> {
        match self {
            MeetingStatus::Closed => Err(Refusal::Closed),
            _ => Ok(()),
        }
    }

    /// Attendance, minutes, decisions and new action items: while the meeting is held.
    pub fn check_recordable(self) -> Result<(), Refusal> {
        match self {
            MeetingStatus::InProgress => Ok(()),
            MeetingStatus::Planned => Err(Refusal::NotStarted),
            MeetingStatus::Closed => Err(Refusal::Closed),
        }
    }

    /// Amendments: only once closed.
    pub fn check_amendable(self) -> Result<(), Refusal> {
        match self {
            MeetingStatus::Closed => Ok(()),
            _ => Err(Refusal::NotClosed),
        }
    }
}

/// An action item's status. Any status may follow any other (a dropped item can be reopened).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [ActionStatus::Open, ActionStatus::Done, ActionStatus::Dropped];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn parse(raw: &str, field: Field) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim()).ok_or_else(|| DomainError::not_allowed(field))
    }
}

/// An open action item whose due date has passed (due today is not yet overdue).
pub fn is_overdue(status: ActionStatus, due: Date, today: Date) -> bool {
    status == ActionStatus::Open && due < today
}

/// What an agenda item or a decision can point at, in the meeting's own project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    Requirement,
    Option,
    ChangeRequest,
}

impl SubjectKind {
    pub const ALL: [SubjectKind; 3] = [SubjectKind::Requirement, SubjectKind::Option, SubjectKind::ChangeRequest];

    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Requirement => "requirement",
            SubjectKind::Option => "option",
            SubjectKind::ChangeRequest => "change_request",
        }
    }

    pub fn parse(raw: &str, field: Field) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim()).ok_or_else(|| DomainError::not_allowed(field))
    }

    /// The page of such a subject on this site.
    pub fn path(self, id: &str) -> String {
        match self {
            SubjectKind::Requirement => format!("/requirements/{id}"),
            SubjectKind::Option => format!("/options/{id}"),
            SubjectKind::ChangeRequest => format!("/change-requests/{id}"),
        }
    }
}

/// A time zone a meeting can be entered in. Only zones without daylight saving time are offered,
/// so a local time maps to exactly one instant and the calendar export's VTIMEZONE is one fixed
/// STANDARD block (the organisation works in China; the others are its partners' zones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    pub name: &'static str,
    /// Minutes east of UTC.
    pub offset_minutes: i32,
    /// The zone's abbreviation (TZNAME in the calendar export).
    pub abbreviation: &'static str,
}

pub const ZONES: [Zone; 8] = [
    Zone { name: "Asia/Shanghai", offset_minutes: 480, abbreviation: "CST" },
    Zone { name: "Asia/Hong_Kong", offset_minutes: 480, abbreviation: "HKT" },
    Zone { name: "Asia/Taipei", offset_minutes: 480, abbreviation: "CST" },
    Zone { name: "Asia/Singapore", offset_minutes: 480, abbreviation: "+08" },
    Zone { name: "Asia/Tokyo", offset_minutes: 540, abbreviation: "JST" },
    Zone { name: "Asia/Seoul", offset_minutes: 540, abbreviation: "KST" },
    Zone { name: "Asia/Kolkata", offset_minutes: 330, abbreviation: "IST" },
    Zone { name: "UTC", offset_minutes: 0, abbreviation: "UTC" },
];

impl Zone {
    /// One of [`ZONES`] by its IANA name; an empty name is the default zone.
    pub fn parse(raw: &str, field: Field) -> Result<Zone, DomainError> {
        let name = match raw.trim() {
            "" => DEFAULT_TIME_ZONE,
            other => other,
        };
        ZONES.into_iter().find(|z| z.name == name).ok_or_else(|| DomainError::not_allowed(field))
    }

    /// The zone of a stored name (unknown names, which this code never writes, read as the default).
    pub fn of(name: &str) -> Zone {
        ZONES.into_iter().find(|z| z.name == name).unwrap_or(ZONES[0])
    }

    fn offset_ms(self) -> i64 {
        self.offset_minutes as i64 * 60_000
    }

    /// The instant of a local date-time `YYYY-MM-DDTHH:MM` (as an `<input type="datetime-local">`
    /// sends it; `:SS` allowed and ignored when zero) in this zone, in epoch ms.
    pub fn local_to_utc(self, raw: &str, field: Field) -> Result<i64, DomainError> {
        let raw = raw.trim();
        let (date, time) = raw.split_once(['T', ' ']).ok_or_else(|| DomainError::malformed(field))?;
        let date = Date::parse(date, field)?;
        let parts: Vec<&str> = time.split(':').collect();
        if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(DomainError::malformed(field));
        }
        let num = |s: &str| s.parse::<i64>().unwrap_or(99);
        let (h, m) = (num(parts[0]), num(parts[1]));
        let s = parts.get(2).map_or(0, |s| num(s));
        if h > 23 || m > 59 || s > 59 {
            return Err(DomainError::malformed(field));
        }
        Ok(date.days() as i64 * 86_400_000 + (h * 3600 + m * 60 + s) * 1000 - self.offset_ms())
    }

    /// The local date and time of an instant in this zone: (date, hour, minute, second).
    pub fn local_parts(self, ms: i64) -> (Date, u32, u32, u32) {
        let local = ms + self.offset_ms();
        let date = Date::from_unix_millis(local);
        let secs = local.rem_euclid(86_400_000) / 1000;
        (date, (secs / 3600) as u32, (secs / 60 % 60) as u32, (secs % 60) as u32)
    }

    /// `YYYY-MM-DDTHH:MM`: the value of a datetime-local input, and how the UI shows a time.
    pub fn utc_to_local(self, ms: i64) -> String {
        let (date, h, m, _) = self.local_parts(ms);
        format!("{date}T{h:02}:{m:02}")
    }
}

/// A meeting's checked fields.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingFields {
    pub title: String,
    pub kind: MeetingKind,
    pub zone: Zone,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
}

impl MeetingFields {
    /// Checks a meeting as entered: a title, a kind, a zone, a start and an end in that zone (the
    /// end after the start, at most a day later) and an optional place or link.
    pub fn parse(title: &str, kind: &str, time_zone: &str, start: &str, end: &str, place: &str) -> Result<Self, DomainError> {
        let title = bounded(title, "title", TITLE_MAX)?;
        let kind = MeetingKind::parse(kind, "kind")?;
        let zone = Zone::parse(time_zone, "time_zone")?;
        let starts_at = zone.local_to_utc(start, "start")?;
        let ends_at = zone.local_to_utc(end, "end")?;
        if ends_at <= starts_at {
            return Err(DomainError::DateBefore { field: "end".into(), other: "start".into() });
        }
        if ends_at - starts_at > MAX_DURATION_MS {
            return Err(DomainError::malformed("end"));
        }
        let place = optional_long(place, "place", PLACE_MAX)?;
        if place.chars().any(char::is_control) {
            return Err(DomainError::malformed("place"));
        }
        Ok(MeetingFields { title, kind, zone, starts_at, ends_at, place })
    }
}

/// PMs of the project's stakeholder departments (and admins) schedule its meetings.
pub fn can_schedule_meeting(actor: &Actor, project: &ProjectAccess) -> bool {
    actor.is_admin || (actor.role == JobRole::Pm && is_stakeholder(actor, project))
}

/// A meeting is run by the people invited to it, the stakeholder departments' PMs and admins.
pub fn can_edit_meeting(actor: &Actor, project: &ProjectAccess, invited: bool) -> bool {
    invited || can_schedule_meeting(actor, project)
}

/// An action item's status is changed by its owner or by whoever may edit its meeting.
pub fn can_update_action(actor: &Actor, owner_id: &str, may_edit_meeting: bool) -> bool {
    may_edit_meeting || actor.user_id == owner_id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::projects::Visibility;

    use crate::domain::dates::d as day;

    #[test]
    fn kinds_and_statuses_survive_their_stored_names() {
        for k in MeetingKind::ALL {
            assert_eq!(MeetingKind::parse(k.as_str(), "kind"), Ok(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.as_str()));
        }
        for s in MeetingStatus::ALL {
            assert_eq!(MeetingStatus::parse(s.as_str(), "status"), Ok(s));
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.as_str()));
        }
        for s in ActionStatus::ALL {
            assert_eq!(ActionStatus::parse(s.as_str(), "status"), Ok(s));
        }
        for s in SubjectKind::ALL {
            assert_eq!(SubjectKind::parse(s.as_str(), "kind"), Ok(s));
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.as_str()));
        }
        assert_eq!(MeetingKind::parse("party", "kind"), Err(DomainError::not_allowed("kind")));
    }

    #[test]
    fn a_meeting_moves_one_step_forward_and_closed_is_final() {
        use MeetingStatus::*;
        assert_eq!(Planned.check_transition(InProgress), Ok(()));
        assert_eq!(InProgress.check_transition(Closed), Ok(()));
        assert_eq!(Planned.check_transition(Closed), Err(Refusal::BadTransition), "a meeting is held before it closes");
        assert_eq!(InProgress.check_transition(Planned), Err(Refusal::BadTransition));
        assert_eq!(InProgress.check_transition(InProgress), Err(Refusal::BadTransition));
        for to in MeetingStatus::ALL {
            assert_eq!(Closed.check_transition(to), Err(Refusal::Closed), "{to:?}");
        }
    }

    #[test]
    fn what_each_status_allows() {
        use MeetingStatus::*;
        assert!(Planned.check_plannable().is_ok() && InProgress.check_plannable().is_ok());
        assert_eq!(Closed.check_plannable(), Err(Refusal::Closed));
        assert_eq!(Planned.check_recordable(), Err(Refusal::NotStarted));
        assert_eq!(InProgress.check_recordable(), Ok(()));
        assert_eq!(Closed.check_recordable(), Err(Refusal::Closed));
        assert_eq!(Closed.check_amendable(), Ok(()));
        assert_eq!(InProgress.check_amendable(), Err(Refusal::NotClosed));
    }

    #[test]
    fn only_open_items_past_their_day_are_overdue() {
        let today = day("2026-03-10");
        assert!(is_overdue(ActionStatus::Open, day("2026-03-09"), today));
        assert!(!is_overdue(ActionStatus::Open, day("2026-03-10"), today), "due today is not late yet");
        assert!(!is_overdue(ActionStatus::Done, day("2026-03-01"), today));
        assert!(!is_overdue(ActionStatus::Dropped, day("2026-03-01"), today));
    }

    #[test]
    fn local_times_convert_exactly_in_fixed_offset_zones() {
        let shanghai = Zone::parse("", "time_zone").unwrap();
        assert_eq!(shanghai.name, "Asia/Shanghai", "the default zone");
        let ms = shanghai.local_to_utc("2026-03-02T10:00", "start").unwrap();
        // 10:00 in Shanghai is 02:00 UTC.
        assert_eq!(ms, day("2026-03-02").days() as i64 * 86_400_000 + 2 * 3_600_000);
        assert_eq!(shanghai.utc_to_local(ms), "2026-03-02T10:00");
        assert_eq!(shanghai.local_to_utc("2026-03-02 10:00:00", "start"), Ok(ms), "a space and seconds are accepted");
        // Early morning in Shanghai is the previous day in UTC.
        let early = shanghai.local_to_utc("2026-03-02T07:30", "start").unwrap();
        assert_eq!(Zone::of("UTC").utc_to_local(early), "2026-03-01T23:30");
        let kolkata = Zone::parse("Asia/Kolkata", "time_zone").unwrap();
        assert_eq!(kolkata.utc_to_local(ms), "2026-03-02T07:30");
        for bad in ["2026-03-02", "2026-03-02T25:00", "2026-03-02T10:60", "2026-02-30T10:00", "2026-03-02T1:00", "x"] {
            assert_eq!(shanghai.local_to_utc(bad, "start"), Err(DomainError::malformed("start")), "{bad}");
        }
        assert_eq!(Zone::parse("Europe/Berlin", "time_zone"), Err(DomainError::not_allowed("time_zone")), "a zone with DST");
    }

    #[test]
    fn meeting_fields_name_the_field_at_fault() {
        let ok = MeetingFields::parse(" 启动会 ", "kick_off", "", "2026-03-02T10:00", "2026-03-02T11:30", " 会议室 3 ").unwrap();
        assert_eq!((ok.title.as_str(), ok.place.as_str(), ok.ends_at - ok.starts_at), ("启动会", "会议室 3", 90 * 60_000));
        let field = |r: Result<MeetingFields, DomainError>| r.unwrap_err().field().to_string();
        assert_eq!(field(MeetingFields::parse("", "kick_off", "", "2026-03-02T10:00", "2026-03-02T11:00", "")), "title");
        assert_eq!(field(MeetingFields::parse("t", "lunch", "", "2026-03-02T10:00", "2026-03-02T11:00", "")), "kind");
        assert_eq!(field(MeetingFields::parse("t", "other", "Mars/Base", "2026-03-02T10:00", "2026-03-02T11:00", "")), "time_zone");
        assert_eq!(field(MeetingFields::parse("t", "other", "", "soon", "2026-03-02T11:00", "")), "start");
        assert_eq!(field(MeetingFields::parse("t", "other", "", "2026-03-02T10:00", "2026-03-02T10:00", "")), "end");
        assert_eq!(field(MeetingFields::parse("t", "other", "", "2026-03-02T10:00", "2026-03-04T10:00", "")), "end");
        assert_eq!(field(MeetingFields::parse("t", "other", "", "2026-03-02T10:00", "2026-03-02T11:00", &"x".repeat(501))), "place");
    }

    #[test]
    fn invitees_stakeholder_pms_and_admins_edit_meetings() {
        let project = ProjectAccess {
            visibility: Visibility::Internal,
            created_by: "u-x",
            lead_department_id: "A",
            stakeholder_department_ids: vec!["A", "B"],
        };
        let actor = |role, dept, admin| Actor { user_id: "u-1", department_id: dept, role, is_admin: admin };
        assert!(can_schedule_meeting(&actor(JobRole::Pm, "B", false), &project));
        assert!(!can_schedule_meeting(&actor(JobRole::Pm, "C", false), &project), "a PM outside the project");
        assert!(!can_schedule_meeting(&actor(JobRole::Leader, "A", false), &project));
        assert!(can_schedule_meeting(&actor(JobRole::Engineer, "C", true), &project), "admins");
        assert!(can_edit_meeting(&actor(JobRole::Leader, "C", false), &project, true), "anyone invited");
        assert!(!can_edit_meeting(&actor(JobRole::Architect, "A", false), &project, false), "a stakeholder not invited");
        assert!(can_update_action(&actor(JobRole::Engineer, "C", false), "u-1", false), "the owner");
        assert!(!can_update_action(&actor(JobRole::Engineer, "C", false), "u-2", false));
    }
}
