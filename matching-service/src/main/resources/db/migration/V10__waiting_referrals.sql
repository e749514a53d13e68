-- Referrals waiting for a volunteer, as far as matching needs them: no personal data.
create table waiting_referral (
    referral_id          uuid primary key,
    municipality_code    text        not null check (municipality_code ~ '^[0-9]{4}$'),
    network_id           text,
    children_birth_years jsonb       not null,
    received_at          timestamptz not null,
    waiting_since        timestamptz not null
);
create index waiting_referral_network on waiting_referral (network_id, waiting_since);
