-- One callback URL per organisation. Status changes are POSTed to it, signed with its secret.
create table webhook_subscription (
    org_id     text primary key,
    url        text        not null,
    secret     text        not null,
    created_at timestamptz not null
);

-- Deliveries are written in the status change's transaction and sent afterwards: a slow or
-- failing receiver never blocks the change, and no change is lost. No personal data here.
create table webhook_delivery (
    id              bigserial primary key,
    org_id          text        not null,
    referral_id     uuid        not null,
    status          text        not null,
    changed_at      timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    last_error      text
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null and failed_at is null;
