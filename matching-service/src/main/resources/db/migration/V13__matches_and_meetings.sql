-- A woman and her volunteer: OFFERED → ACCEPTED → ACTIVE → ENDED, or DECLINED.
create table match (
    id              uuid primary key,
    network_id      text        not null,
    referral_id     uuid        not null,
    volunteer_id    uuid        not null references volunteer (id),
    status          text        not null,
    score           integer     not null,
    explanation     jsonb       not null,
    offered_at      timestamptz not null,
    accepted_at     timestamptz,
    started_at      timestamptz,
    ended_at        timestamptz,
    end_reason      text,
    last_meeting_on date,
    version         bigint      not null
);
create index match_network on match (network_id, status);
create index match_referral on match (referral_id);

-- Meetings: a date and a duration, never notes about the woman.
create table meeting (
    id               uuid primary key,
    match_id         uuid        not null references match (id),
    held_on          date        not null,
    duration_minutes integer     not null check (duration_minutes between 1 and 720),
    logged_at        timestamptz not null
);
create index meeting_match on meeting (match_id, held_on);

-- Pairs never to propose again: declined, or ended as not a good fit.
create table excluded_pair (
    referral_id  uuid not null,
    volunteer_id uuid not null,
    primary key (referral_id, volunteer_id)
);
