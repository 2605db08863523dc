-- Every record people edit carries the version it is at: a save names the version it started
-- from, and one from an older version is refused (409) instead of silently overwriting a change
-- its author never saw.
alter table departments add column version bigint not null default 1;
alter table users add column version bigint not null default 1;

-- The requirement revision a status change moved, so an approval names what was approved
-- (null on changes recorded before it was kept).
alter table requirement_transitions add column revision bigint;

-- A meeting's details (title, kind, time, place, invitees), its attendance list, each agenda item
-- (title and minutes) and each action item are edited apart, often by several people during the
-- meeting, so each has a version of its own: two people writing the minutes of different items
-- never conflict, two writing the same item's do.
alter table meetings add column version bigint not null default 1;
alter table meetings add column attendance_version bigint not null default 1;
alter table meeting_agenda_items add column version bigint not null default 1;
alter table action_items add column version bigint not null default 1;
