-- The outbox: events written in the same transaction as the state change they describe.
create table outbox_event (
    id             bigserial primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    aggregate_id   text        not null,
    event_type     text        not null,
    schema_version int         not null,
    occurred_at    timestamptz not null,
    payload        text        not null,
    published_at   timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- The inbox: one row per (consumer, event) already applied. Insert first; a conflict means done.
create table inbox_event (
    consumer    text        not null,
    event_id    uuid        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
