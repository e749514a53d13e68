-- A referral. Columns here identify nobody; the woman's personal data lives only in
-- referral_secret, encrypted under the referral's own data key.
create table referral (
    id                    uuid primary key,
    status                text        not null,
    status_reason         text,
    municipality_code     text        not null check (municipality_code ~ '^[0-9]{4}$'),
    network_id            text,
    unrouted              boolean     not null,
    sender_type           text        not null,
    sender_org_id         text        not null,
    expected_move_out     date        not null,
    children              jsonb       not null,
    matching              jsonb       not null,
    consent_scopes        jsonb       not null,
    consent_given_at      timestamptz not null,
    consent_method        text        not null,
    consent_recorded_by   text        not null,
    -- The woman agreed to let her municipality's adviser follow the status.
    shared_with_municipality boolean  not null,
    received_at           timestamptz not null,
    updated_at            timestamptz not null,
    final_at              timestamptz,
    erased_at             timestamptz,
    version               bigint      not null
);
create index referral_sender on referral (sender_org_id, received_at);
create index referral_network on referral (network_id, status, received_at);
create index referral_municipality on referral (municipality_code, received_at);
create index referral_retention on referral (final_at) where erased_at is null;

-- The personal data, AES-GCM encrypted with a per-referral data key, which is itself wrapped by
-- the master key. Erasure deletes the row: without the data key nothing can be read back.
create table referral_secret (
    referral_id   uuid primary key references referral (id),
    master_key_id text  not null,
    wrapped_key   bytea not null,
    personal_data bytea not null
);

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
-- request_hash is an HMAC, so it can't be used to guess the body's personal data.
create table idempotency_key (
    sender_org_id text        not null,
    key           text        not null,
    request_hash  text        not null,
    referral_id   uuid        not null,
    created_at    timestamptz not null,
    primary key (sender_org_id, key)
);

-- Every read of personal data: who, in which role and organisation, which referral, which fields.
-- Append-only (the trigger refuses changes), and each row carries the hash of the one before.
create table audit_entry (
    id            bigserial primary key,
    at            timestamptz not null,
    actor_subject text        not null,
    actor_role    text        not null,
    actor_org     text,
    referral_id   uuid        not null,
    action        text        not null,
    fields        text        not null,
    prev_hash     text        not null,
    hash          text        not null
);
create index audit_entry_referral on audit_entry (referral_id, id);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete or truncate on audit_entry
    for each statement execute function audit_entry_append_only();
