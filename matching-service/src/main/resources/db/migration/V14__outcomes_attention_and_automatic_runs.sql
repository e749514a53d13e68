-- Whether her consent covers STATISTICS: only then are her own ratings recorded and published.
-- The match keeps it, since the pool forgets a woman once her referral is closed.
alter table waiting_referral add column statistics_consent boolean not null default false;
alter table match add column statistics_consent boolean not null default false;

-- A woman's own ratings at the start, after three months and at the end of a match: numbers only.
create table outcome (
    match_id      uuid        not null references match (id),
    timepoint     text        not null check (timepoint in ('START', 'THREE_MONTHS', 'END')),
    network       smallint    not null check (network between 0 and 4),
    community     smallint    not null check (community between 0 and 4),
    health        smallint    not null check (health between 0 and 4),
    economy       smallint    not null check (economy between 0 and 4),
    housing       smallint    not null check (housing between 0 and 4),
    job_education smallint    not null check (job_education between 0 and 4),
    safety        smallint    not null check (safety between 1 and 7),
    recorded_at   timestamptz not null,
    primary key (match_id, timepoint)
);

-- Networks whose proposals are out of date: a woman became ready, or a volunteer changed.
-- The automatic run picks them up, one network at a time, across instances.
create table matching_due (
    network_id text        primary key,
    due_since  timestamptz not null
);

create index proposal_pair on proposal (referral_id, volunteer_id);
create index match_volunteer on match (volunteer_id, status);
