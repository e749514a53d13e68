alter table activity
    add column description      text,
    add column venue_kind       text        not null default 'NETWORK_PREMISES',
    add column audience         jsonb       not null default '[]',
    add column signup_deadline  timestamptz,
    add column created_at       timestamptz not null default now(),
    add column updated_at       timestamptz not null default now(),
    add column attended_women      integer,
    add column attended_children   integer,
    add column attended_volunteers integer,
    add column held_at          timestamptz;

-- The networks activities may belong to, as qnet.networks.v1 tells.
create table network (
    network_id  text primary key,
    name        text        not null,
    active      boolean     not null,
    updated_at  timestamptz not null
);

-- A woman (by her pseudonymous referral id, with her children), a volunteer, or a head count of
-- people who want to be in no system. Erasure turns a woman's registration into a head count.
create table registration (
    id           uuid primary key,
    activity_id  uuid        not null references activity (id),
    kind         text        not null,
    referral_id  uuid,
    volunteer_id uuid,
    women        integer     not null check (women >= 0),
    children     integer     not null check (children >= 0),
    volunteers   integer     not null check (volunteers >= 0),
    state        text        not null,
    queued_at    bigserial,
    created_at   timestamptz not null,
    attended     boolean
);
create index registration_activity on registration (activity_id, state, queued_at);
create unique index registration_one_woman on registration (activity_id, referral_id)
    where referral_id is not null and state <> 'CANCELLED';
create unique index registration_one_volunteer on registration (activity_id, volunteer_id)
    where volunteer_id is not null and state <> 'CANCELLED';
create index registration_referral on registration (referral_id) where referral_id is not null;

-- The secret calendar link of a network: only its hash is stored; a new link replaces the old.
create table calendar_link (
    network_id  text primary key,
    token_hash  text        not null unique,
    created_at  timestamptz not null
);
