-- Requirements: immutable revisions, the status workflow's transitions, comments and mentions.
-- Same portable subset as 0001 (text ids, bigint epoch-ms timestamps, bigint 0/1 booleans).

-- A project's short code makes requirement keys (PAY-1); the counter hands out their numbers
-- under the row lock of an update, so two PMs creating at once never get the same key.
alter table projects add column code text not null default 'REQ';
alter table projects add column requirement_seq bigint not null default 0;

-- The current state of each requirement, denormalised from its latest revision for the list page.
create table requirements (
    requirement_id text primary key,
    project_id text not null references projects (project_id),
    number bigint not null,
    req_key text not null,
    title text not null,
    status text not null,
    priority text not null,
    owner_id text not null references users (user_id),
    -- the latest revision's number; a save names the revision it edits and is refused (409)
    -- when this moved on meanwhile
    current_revision bigint not null,
    -- lowercased title, background, goal and scenarios: what the text search looks in
    search_text text not null,
    late_changes bigint not null default 0,
    created_by text not null references users (user_id),
    created_at bigint not null,
    updated_at bigint not null
);
create unique index requirements_number_key on requirements (project_id, number);
create index requirements_project_updated_idx on requirements (project_id, updated_at);

-- Departments with change points in the latest revision (the list's department filter).
create table requirement_departments (
    requirement_id text not null references requirements (requirement_id),
    department_id text not null references departments (department_id),
    primary key (requirement_id, department_id)
);
create index requirement_departments_department_idx on requirement_departments (department_id);

-- Every save, whole and never updated: the content as JSON, who, when, why, and whether it came
-- after agreement (a late change).
create table requirement_revisions (
    requirement_id text not null references requirements (requirement_id),
    revision bigint not null,
    content text not null,
    summary text not null,
    status text not null,
    is_late bigint not null,
    author_id text not null references users (user_id),
    created_at bigint not null,
    primary key (requirement_id, revision)
);

create table requirement_transitions (
    transition_id text primary key,
    requirement_id text not null references requirements (requirement_id),
    from_status text not null,
    to_status text not null,
    reason text not null,
    actor_id text not null references users (user_id),
    created_at bigint not null
);
create index requirement_transitions_requirement_idx on requirement_transitions (requirement_id, created_at);

create table requirement_comments (
    comment_id text primary key,
    requirement_id text not null references requirements (requirement_id),
    -- a reply's parent; replies to replies are kept flat under the thread's first comment
    parent_id text references requirement_comments (comment_id),
    author_id text not null references users (user_id),
    body text not null,
    created_at bigint not null
);
create index requirement_comments_requirement_idx on requirement_comments (requirement_id, created_at);

create table comment_mentions (
    comment_id text not null references requirement_comments (comment_id),
    user_id text not null references users (user_id),
    primary key (comment_id, user_id)
);
create index comment_mentions_user_idx on comment_mentions (user_id);
