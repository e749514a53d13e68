-- From here on every figure is kept per month, network, region and referral source, so any
-- year, quarter or month can be cut by region, network and source without reading events again.

-- A woman, known only by a keyed hash (HMAC-SHA256, key from config) of her referral id: enough to
-- count her once, and to know which of her later events count. Coarse attributes only.
create table subject (
    subject_key     bytea    primary key,
    statistics      boolean  not null,  -- her consent covers STATISTICS
    network_id      text     not null,
    region_code     text     not null,
    source          text     not null,
    children        smallint not null,
    received_on     date     not null,
    waiting         boolean  not null default false,
    reached         boolean  not null default false,
    start_safety    smallint,          -- her own START ratings, to tell whether they improved
    start_wellbeing smallint           -- the sum of the six dimensions at START (0 best, 24 worst)
);

-- A match, by a keyed hash of its id: whether it became active, so its end counts right.
create table match_state (
    match_key   bytea   primary key,
    subject_key bytea   not null,
    started     boolean not null default false
);
create index match_state_subject on match_state (subject_key);

-- The networks as published on qnet.networks.v1, for the region each belongs to.
create table network (
    network_id  text    primary key,
    region_code text    not null,
    active      boolean not null
);

-- Counts. A measure ending in ".delta" is a change of a stock (waiting list, active matches,
-- active volunteers, active networks): its level at the end of a month is the sum up to it.
create table monthly_count (
    measure     text   not null,
    month       date   not null,
    network_id  text   not null,
    region_code text   not null,
    source      text   not null,
    value       bigint not null,
    primary key (measure, month, network_id, region_code, source)
);

-- Distributions (days to a match, match length, outcome ratings): how many cases fell in each bucket.
create table monthly_histogram (
    measure     text    not null,
    month       date    not null,
    network_id  text    not null,
    region_code text    not null,
    source      text    not null,
    bucket      integer not null,
    value       bigint  not null,
    primary key (measure, month, network_id, region_code, source, bucket)
);

-- The counts kept before this version carry over, with network and region unknown.
insert into monthly_count (measure, month, network_id, region_code, source, value)
select 'referrals.received', month, 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', received from monthly_referrals;
insert into monthly_count (measure, month, network_id, region_code, source, value)
select m.measure, a.month, 'UNKNOWN', 'UNKNOWN', 'NONE', m.value
from monthly_activities a
cross join lateral (values ('activities.held', a.held), ('activities.women', a.women),
                           ('activities.children', a.children), ('activities.volunteers', a.volunteers)) as m (measure, value);
drop table monthly_referrals;
drop table monthly_activities;
