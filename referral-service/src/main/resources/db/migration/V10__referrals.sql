create table referral (
    id                   uuid primary key,
    status               text        not null,
    municipality_code    text        not null check (municipality_code ~ '^[0-9]{4}$'),
    network_id           text,
    unrouted             boolean     not null,
    sender_type          text        not null,
    sender_org_id        text        not null,
    children_birth_years jsonb       not null,
    consent_scopes       jsonb       not null,
    consent_given_at     timestamptz not null,
    consent_method       text        not null,
    received_at          timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null
);
create index referral_sender on referral (sender_org_id, received_at);
create index referral_network on referral (network_id, status);

create table referral_status_change (
    id          bigserial primary key,
    referral_id uuid        not null references referral (id),
    status      text        not null,
    reason      text,
    changed_at  timestamptz not null,
    changed_by  text        not null
);
create index referral_status_change_referral on referral_status_change (referral_id, id);

-- A retried POST with the same key returns the referral of the first; keys are per organisation.
create table idempotency_key (
    sender_org_id text        not null,
    key           text        not null,
    request_hash  text        not null,
    referral_id   uuid        not null,
    created_at    timestamptz not null,
    primary key (sender_org_id, key)
);
