-- Solution options with their work plans, comments and concerns, schedule change requests with
-- leaders' decisions, the project's baselines, and the in-app inbox.
-- Same portable subset as 0001 (text ids, bigint epoch-ms timestamps, bigint 0/1 booleans,
-- ISO 'YYYY-MM-DD' text dates, JSON as text).

-- A stakeholder that a schedule change pulled in after development had started.
alter table project_stakeholders add column identified_late bigint not null default 0;

-- Each option's current state, denormalised from its latest revision for lists.
create table solution_options (
    option_id text primary key,
    requirement_id text not null references requirements (requirement_id),
    project_id text not null references projects (project_id),
    title text not null,
    -- proposed | chosen | not_chosen
    status text not null,
    current_revision bigint not null,
    -- the latest revision's computed launch (on the frame of its save)
    launch_on text not null,
    chosen_by text references users (user_id),
    chosen_at bigint,
    chosen_rationale text,
    -- set when it was chosen while concerns were open: why that was acceptable
    chosen_override text,
    created_by text not null references users (user_id),
    created_at bigint not null,
    updated_at bigint not null
);
create index solution_options_requirement_idx on solution_options (requirement_id, created_at);

-- Every save, whole and never updated: title, description, covered scenarios and work plan as
-- JSON, and the launch the engine computed when it was saved.
create table solution_revisions (
    option_id text not null references solution_options (option_id),
    revision bigint not null,
    content text not null,
    summary text not null,
    launch_on text not null,
    author_id text not null references users (user_id),
    created_at bigint not null,
    primary key (option_id, revision)
);

create table option_comments (
    comment_id text primary key,
    option_id text not null references solution_options (option_id),
    -- replies to replies are kept flat under the thread's first comment
    parent_id text references option_comments (comment_id),
    author_id text not null references users (user_id),
    -- the author's job role when they wrote it (the badge stays true if they change roles)
    author_role text not null,
    body text not null,
    is_concern bigint not null default 0,
    resolved_by text references users (user_id),
    resolved_at bigint,
    resolution text,
    created_at bigint not null
);
create index option_comments_option_idx on option_comments (option_id, created_at);

-- The agreed schedules of a project, numbered 1, 2, ... The highest number is the current one.
-- `plan` is the whole plan file as approved (frame included), so it can be re-scheduled exactly.
create table baselines (
    baseline_id text primary key,
    project_id text not null references projects (project_id),
    number bigint not null,
    option_id text not null references solution_options (option_id),
    revision bigint not null,
    plan text not null,
    launch_on text not null,
    request_id text not null,
    created_at bigint not null
);
create unique index baselines_project_number_key on baselines (project_id, number);

-- A request to make an option's revision the baseline. `plan` is the candidate plan file frozen
-- when it was asked; `impact` is the engine's impact of it against the baseline's plan (null for
-- a project's first baseline, measured against the target launch instead).
create table change_requests (
    request_id text primary key,
    project_id text not null references projects (project_id),
    option_id text not null references solution_options (option_id),
    revision bigint not null,
    -- choice | change
    kind text not null,
    -- pending | approved | rejected | withdrawn
    status text not null,
    reason text not null,
    base_baseline_id text references baselines (baseline_id),
    plan text not null,
    impact text,
    launch_on text not null,
    requested_by text not null references users (user_id),
    created_at bigint not null,
    decided_at bigint
);
-- Only one pending request per project: the second insert fails on both engines.
create unique index change_requests_one_pending on change_requests (project_id) where status = 'pending';
create index change_requests_project_idx on change_requests (project_id, created_at);

-- The departments that must approve a request, why, and each one's decision (null while waiting).
create table change_request_departments (
    request_id text not null references change_requests (request_id),
    department_id text not null references departments (department_id),
    -- JSON list of ApprovalReason
    reasons text not null,
    -- approved | rejected
    decision text,
    decided_by text references users (user_id),
    decision_comment text,
    decided_at bigint,
    primary key (request_id, department_id)
);

-- The in-app inbox.
create table notifications (
    notification_id text primary key,
    user_id text not null references users (user_id),
    -- decision_needed | request_decided | option_comment | option_concern | mention
    kind text not null,
    project_id text references projects (project_id),
    -- the page the notification opens, e.g. /change-requests/<id>
    link text not null,
    -- a short line naming what it is about (an option's title, a request's reason)
    subject text not null,
    actor_id text references users (user_id),
    created_at bigint not null,
    read_at bigint
);
create index notifications_user_idx on notifications (user_id, created_at);
