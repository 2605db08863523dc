-- Calendars outlive a release: organisations enter the holidays of years the shipped table does
-- not know yet (breaks and make-up working days), by hand or from an iCalendar / JSON file. The
-- years themselves live inside the calendar's CalendarSpec JSON (organisation_calendar.calendar,
-- department_schedules.calendar); this table keeps every change to them, so people can see who
-- changed which year, when, and what it was before.

create table calendar_changes (
    calendar_change_id text primary key,
    -- null: the organisation calendar; otherwise the department whose own calendar changed
    department_id text references departments (department_id),
    -- 'add', 'edit', 'remove' or 'import'
    action text not null,
    year bigint not null,
    -- the year as it was and as it became (CalendarYear JSON); null where it was not entered
    before_year text,
    after_year text,
    changed_at bigint not null,
    changed_by text not null references users (user_id)
);
create index calendar_changes_changed_at_idx on calendar_changes (changed_at);
