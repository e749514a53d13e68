-- Group courses: a themed series of sessions for one cohort, with admission, a waiting list,
-- attendance per session and completion. Women are known by their pseudonymous referral id only;
-- erasure turns a woman's enrolment into a head count. A venue is never a participant's address.
create table course (
    id                   uuid primary key,
    network_id           text        not null,
    title                text        not null,
    description          text,
    theme                text        not null,
    audience             text        not null,
    child_min_age        integer,
    child_max_age        integer,
    language             text        not null,
    venue                text        not null,
    venue_kind           text        not null,
    capacity             integer     not null check (capacity > 0),
    completion_sessions  integer    not null,
    completion_out_of    integer    not null check (completion_sessions between 1 and completion_out_of),
    status               text        not null,
    previous_cohort_id   uuid        references course (id),
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    closed_at            timestamptz,
    idempotency_key      text,
    version              bigint      not null
);
create index course_network on course (network_id, created_at);
-- A retried creation (the same Idempotency-Key from the same network) answers the course made the first time.
create unique index course_idempotency on course (network_id, idempotency_key) where idempotency_key is not null;

-- The sessions, numbered from 1 in the order of the schedule. A moved or cancelled session keeps
-- its number; its sequence counts the changes, for the calendar feeds (RFC 5545 SEQUENCE).
create table course_session (
    id                 uuid primary key,
    course_id          uuid        not null references course (id),
    number             integer    not null,
    moved              boolean     not null default false,
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    status             text        not null,
    sequence           integer     not null default 0,
    attendance_at      timestamptz,
    updated_at         timestamptz not null,
    unique (course_id, number)
);

-- Who leads: a volunteer of the network (by id) or a member of staff (by her role, such as
-- "Koordinator"; staff are not the people this suite protects, but the field takes no more).
create table course_leader (
    id            uuid primary key,
    course_id     uuid not null references course (id),
    volunteer_id  uuid,
    staff_role    text,
    check ((volunteer_id is null) <> (staff_role is null))
);
create unique index course_leader_one_volunteer on course_leader (course_id, volunteer_id) where volunteer_id is not null;

-- A woman's place on a course: applied (in queue order), admitted, dropped out with a reason, or
-- withdrawn before admission. Children she brings count in the places when the course is for them.
create table enrolment (
    id               uuid primary key,
    course_id        uuid        not null references course (id),
    referral_id      uuid,
    children         integer    not null check (children >= 0),
    state            text        not null,
    queued_at        bigserial,
    drop_out_reason  text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index enrolment_course on enrolment (course_id, state, queued_at);
create unique index enrolment_one_woman on enrolment (course_id, referral_id)
    where referral_id is not null and state in ('APPLIED', 'ADMITTED');
create index enrolment_referral on enrolment (referral_id) where referral_id is not null;

-- Who came to a session: a woman (by enrolment, with how many of her children) or a leader.
create table session_attendance (
    session_id     uuid     not null references course_session (id),
    enrolment_id   uuid references enrolment (id),
    leader_id      uuid references course_leader (id),
    children       integer not null default 0 check (children >= 0),
    check ((enrolment_id is null) <> (leader_id is null))
);
create unique index session_attendance_once on session_attendance (session_id, coalesce(enrolment_id, leader_id));
create index session_attendance_enrolment on session_attendance (enrolment_id) where enrolment_id is not null;

-- A course's own secret calendar link, for its women and leaders: only the hash is stored.
create table course_calendar_link (
    course_id   uuid primary key references course (id),
    token_hash  text        not null unique,
    created_at  timestamptz not null
);

-- What a course's criteria are checked against: the languages and children's birth years a
-- referral carried on qnet.referrals.v1 (no names; birth years only, as the event has them).
alter table known_referral
    add column languages            jsonb not null default '[]',
    add column children_birth_years jsonb not null default '[]';
