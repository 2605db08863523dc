-- Sign-offs (签字确认) and the append-only, hash-chained audit log.
-- Same portable subset as 0001 (text ids, bigint epoch-ms timestamps, JSON as text).

-- Every audit entry, never updated or deleted. `hash` is the SHA-256 (hex) of the canonical JSON
-- of the entry's fields including `prev_hash`, the previous entry's hash (64 zeros for the first).
-- `seq` is the entry's position in the one global chain: 1, 2, 3, ... without gaps.
create table audit_log (
    seq bigint primary key,
    -- null for an entry about no project
    project_id text references projects (project_id),
    created_at bigint not null,
    actor_id text not null references users (user_id),
    -- sign_off_signed | sign_off_revoked | decision_recorded | meeting_closed | meeting_amended | change_request_decided
    action text not null,
    subject_kind text not null,
    subject_id text not null,
    -- canonical JSON (sorted keys, no spaces)
    payload text not null,
    prev_hash text not null,
    hash text not null
);
create index audit_log_project_idx on audit_log (project_id, seq);
-- a sign-off's signing and revocation, found when verifying it
create index audit_log_subject_idx on audit_log (subject_kind, subject_id, seq);

-- The chain's head: one row, updated in the same transaction as each append. Updating it takes a
-- row lock on PostgreSQL (SQLite's `begin immediate` already serialises writers), so two
-- concurrent appenders cannot both read the same head and fork the chain; `seq` being the
-- primary key of `audit_log` is the second guard.
create table audit_head (
    head_id bigint primary key,
    seq bigint not null,
    hash text not null
);
insert into audit_head (head_id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- A person's signature on one subject at one revision. A cell of the sign-off matrix is
-- (subject_kind, subject_id, signer_id); its latest unrevoked row is its signature, and whether that
-- is still current is computed by comparing `fingerprint` with the subject's current one.
create table signoffs (
    signoff_id text primary key,
    project_id text not null references projects (project_id),
    -- requirement | solution | baseline
    subject_kind text not null,
    -- requirement_id (requirement, solution) or project_id (baseline)
    subject_id text not null,
    -- what exactly was signed: the requirement, the chosen option, or the baseline row
    subject_ref text not null,
    -- the requirement's or option's revision, or the baseline's number
    revision bigint not null,
    -- SHA-256 (hex) of the signed content's canonical form
    fingerprint text not null,
    signer_id text not null references users (user_id),
    -- the capacity the matrix named: pm | technical | leader
    capacity text not null,
    -- the signer's job role and department when signing (pm, architect, tech-manager, leader)
    signer_role text not null,
    signer_department_id text not null references departments (department_id),
    -- the meaning's key and its text exactly as shown, in the signer's language
    meaning_key text not null,
    meaning_text text not null,
    signed_at bigint not null,
    revoked_at bigint,
    revoke_reason text
);
create index signoffs_project_idx on signoffs (project_id, subject_kind, subject_id, signer_id, signed_at);

-- Which (cell, current fingerprint) the person was already told to sign, so a subject change
-- notifies each person once.
create table signoff_notices (
    project_id text not null references projects (project_id),
    subject_kind text not null,
    subject_id text not null,
    signer_id text not null references users (user_id),
    fingerprint text not null,
    notified_at bigint not null,
    primary key (project_id, subject_kind, subject_id, signer_id, fingerprint)
);
