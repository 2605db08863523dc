-- The foundation: departments, people, sessions, access tokens, projects and their stakeholder map.
-- Portable subset shared by SQLite and PostgreSQL: text ids (UUIDv7 made in Rust), bigint
-- epoch-millisecond timestamps, ISO 'YYYY-MM-DD' text dates, bigint 0/1 booleans.

create table departments (
    department_id text primary key,
    code text not null,
    name_zh text not null,
    name_en text not null,
    created_at bigint not null,
    updated_at bigint not null
);
create unique index departments_code_key on departments (code);
create unique index departments_name_zh_key on departments (name_zh);
create unique index departments_name_en_key on departments (name_en);

create table users (
    user_id text primary key,
    username text not null,
    display_name text not null,
    department_id text not null references departments (department_id),
    job_role text not null,
    is_admin bigint not null default 0,
    password_hash text not null,
    -- null: follow the browser's Accept-Language
    locale text,
    created_at bigint not null,
    updated_at bigint not null
);
create unique index users_username_key on users (username);
create index users_department_idx on users (department_id);

-- The cookie carries a random token; only its SHA-256 is stored, so a leaked table opens nothing.
create table sessions (
    session_id text primary key,
    user_id text not null references users (user_id),
    created_at bigint not null,
    expires_at bigint not null
);
create index sessions_user_idx on sessions (user_id);

-- Personal access tokens for scripts (Authorization: Bearer ...), stored hashed like sessions.
create table api_tokens (
    token_id text primary key,
    user_id text not null references users (user_id),
    name text not null,
    token_hash text not null,
    created_at bigint not null,
    last_used_at bigint,
    revoked_at bigint
);
create unique index api_tokens_hash_key on api_tokens (token_hash);
create index api_tokens_user_idx on api_tokens (user_id);

create table projects (
    project_id text primary key,
    name text not null,
    goal text not null,
    lead_department_id text not null references departments (department_id),
    kickoff_on text not null,
    target_launch_on text not null,
    visibility text not null,
    created_by text not null references users (user_id),
    created_at bigint not null,
    updated_at bigint not null,
    -- optimistic concurrency: every edit bumps it, a stale edit is refused with 409
    version bigint not null default 1
);

-- A department involved in a project; when and by whom it was identified lets later rules flag
-- stakeholders found only after development started (the seed case's department C).
create table project_stakeholders (
    project_id text not null references projects (project_id),
    department_id text not null references departments (department_id),
    stakeholder_role text not null,
    identified_at bigint not null,
    identified_by text not null references users (user_id),
    primary key (project_id, department_id)
);

-- upstream -> downstream: C -> B -> A in the seed case.
create table stakeholder_links (
    project_id text not null references projects (project_id),
    upstream_department_id text not null references departments (department_id),
    downstream_department_id text not null references departments (department_id),
    created_at bigint not null,
    created_by text not null references users (user_id),
    primary key (project_id, upstream_department_id, downstream_department_id)
);
