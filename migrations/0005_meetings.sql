-- Meetings with their agenda, attendance, minutes, decisions, action items and amendments, and
-- each person's secret calendar-feed token.
-- Same portable subset as 0001 (text ids, bigint epoch-ms timestamps, ISO 'YYYY-MM-DD' text dates).

create table meetings (
    meeting_id text primary key,
    project_id text not null references projects (project_id),
    title text not null,
    -- kick_off | requirement_review | technical_discussion | schedule_review | escalation | other
    kind text not null,
    -- planned | in_progress | closed
    status text not null,
    -- the start and end instants (epoch ms, UTC) and the IANA zone the times were entered in
    starts_at bigint not null,
    ends_at bigint not null,
    time_zone text not null,
    -- a room or a meeting link
    place text not null,
    created_by text not null references users (user_id),
    created_at bigint not null,
    updated_at bigint not null,
    started_at bigint,
    closed_at bigint,
    closed_by text references users (user_id),
    -- bumped by every change, so ICS clients see a new SEQUENCE
    sequence bigint not null default 0
);
create index meetings_project_idx on meetings (project_id, starts_at);

create table meeting_invitees (
    meeting_id text not null references meetings (meeting_id),
    user_id text not null references users (user_id),
    primary key (meeting_id, user_id)
);
create index meeting_invitees_user_idx on meeting_invitees (user_id);

create table meeting_agenda_items (
    item_id text primary key,
    meeting_id text not null references meetings (meeting_id),
    position bigint not null,
    title text not null,
    -- requirement | option | change_request, with the id of that thing in the same project
    subject_kind text,
    subject_id text,
    -- the minutes of this item, Markdown
    minutes text not null default '',
    minutes_updated_by text references users (user_id),
    minutes_updated_at bigint,
    created_at bigint not null
);
create index meeting_agenda_meeting_idx on meeting_agenda_items (meeting_id, position);
create index meeting_agenda_subject_idx on meeting_agenda_items (subject_kind, subject_id);

-- Who came, and the department they came for (kept as it was on the day).
create table meeting_attendance (
    meeting_id text not null references meetings (meeting_id),
    user_id text not null references users (user_id),
    department_id text not null references departments (department_id),
    recorded_by text not null references users (user_id),
    recorded_at bigint not null,
    primary key (meeting_id, user_id)
);

-- A correction or addition after a meeting was closed: never an edit of the locked record.
create table meeting_amendments (
    amendment_id text primary key,
    meeting_id text not null references meetings (meeting_id),
    author_id text not null references users (user_id),
    body text not null,
    created_at bigint not null
);
create index meeting_amendments_meeting_idx on meeting_amendments (meeting_id, created_at);

create table meeting_decisions (
    decision_id text primary key,
    meeting_id text not null references meetings (meeting_id),
    project_id text not null references projects (project_id),
    body text not null,
    -- set when the decision was added by an amendment after the meeting closed
    amendment_id text references meeting_amendments (amendment_id),
    -- the decision this one corrects (it stays visible, marked as corrected)
    corrects_id text references meeting_decisions (decision_id),
    recorded_by text not null references users (user_id),
    recorded_at bigint not null
);
create index meeting_decisions_meeting_idx on meeting_decisions (meeting_id, recorded_at);
create index meeting_decisions_project_idx on meeting_decisions (project_id, recorded_at);

create table decision_makers (
    decision_id text not null references meeting_decisions (decision_id),
    user_id text not null references users (user_id),
    primary key (decision_id, user_id)
);

create table decision_links (
    decision_id text not null references meeting_decisions (decision_id),
    -- requirement | option | change_request
    subject_kind text not null,
    subject_id text not null,
    primary key (decision_id, subject_kind, subject_id)
);
create index decision_links_subject_idx on decision_links (subject_kind, subject_id);

create table action_items (
    action_id text primary key,
    meeting_id text not null references meetings (meeting_id),
    project_id text not null references projects (project_id),
    title text not null,
    owner_id text not null references users (user_id),
    due_on text not null,
    -- open | done | dropped
    status text not null,
    created_by text not null references users (user_id),
    created_at bigint not null,
    updated_at bigint not null,
    status_changed_by text references users (user_id),
    status_changed_at bigint
);
create index action_items_meeting_idx on action_items (meeting_id, created_at);
create index action_items_owner_idx on action_items (owner_id, due_on);

-- A person's subscribable calendar feed: the secret is in the URL, only its hash is stored.
create table calendar_feeds (
    feed_id text primary key,
    user_id text not null references users (user_id),
    token_hash text not null,
    created_at bigint not null,
    last_used_at bigint,
    revoked_at bigint
);
create unique index calendar_feeds_token_key on calendar_feeds (token_hash);
create index calendar_feeds_user_idx on calendar_feeds (user_id);
