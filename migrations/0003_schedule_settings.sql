-- Schedule settings kept between plans: the organisation's working-day calendar and each team's
-- capacity, availability and own calendar. Plans are built from them, so they are stored exactly
-- as a plan file writes them (a calendar is the JSON of the engine's CalendarSpec).
-- Same portable subset as 0001 (text ids, bigint epoch-ms timestamps, ISO 'YYYY-MM-DD' text dates).

-- Exactly one row (the check pins its id). Starts as the shipped mainland-China calendar.
create table organisation_calendar (
    organisation_calendar_id text primary key check (organisation_calendar_id = 'organisation'),
    -- CalendarSpec JSON: a shipped calendar's name ('"cn"', '"weekdays"') or a custom object
    calendar text not null,
    -- optimistic concurrency: every save bumps it, a stale save is refused with 409
    version bigint not null default 1,
    -- both null while the shipped default has never been changed
    updated_at bigint,
    updated_by text references users (user_id)
);
insert into organisation_calendar (organisation_calendar_id, calendar, version, updated_at, updated_by)
values ('organisation', '"cn"', 1, null, null);

-- A department without a row has the defaults: capacity 1, available any time, the organisation's
-- calendar. A row is written the first time someone saves the department's settings.
create table department_schedules (
    department_id text primary key references departments (department_id),
    -- how many of a plan's items the team runs at once
    capacity bigint not null default 1 check (capacity >= 1),
    -- the first day the team can take a project's work; null: no limit
    available_from text,
    -- CalendarSpec JSON; null: the organisation's calendar
    calendar text,
    version bigint not null default 1,
    updated_at bigint not null,
    updated_by text not null references users (user_id)
);
