-- The matching inputs of a waiting referral (non-identifying), and where it stands in the pool.
alter table waiting_referral
    add column matching         jsonb not null default '{}',
    add column status           text  not null default 'WAITING',
    add column waitlist_priority boolean not null default false;

-- Volunteers of a network. Their name and contact data are seen only by that network's
-- coordinator and never leave this service.
create table volunteer (
    id                      uuid primary key,
    network_id              text        not null references network (network_id),
    first_name              text        not null,
    phone                   text,
    email                   text,
    municipality_code       text        not null check (municipality_code ~ '^[0-9]{4}$'),
    languages               jsonb       not null,
    availability            jsonb       not null,
    interests               jsonb       not null,
    age_band                text        not null,
    capacity                integer     not null check (capacity between 1 and 5),
    training_completed_on   date,
    certificate_valid_until date,
    status                  text        not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint      not null
);
create index volunteer_network on volunteer (network_id, status);

-- The engine's current proposals, each with the explanation a coordinator reads.
create table proposal (
    id           uuid primary key,
    network_id   text        not null,
    referral_id  uuid        not null references waiting_referral (referral_id) on delete cascade,
    volunteer_id uuid        not null references volunteer (id),
    score        integer     not null,
    explanation  jsonb       not null,
    status       text        not null,
    created_at   timestamptz not null
);
create index proposal_network on proposal (network_id, status);
