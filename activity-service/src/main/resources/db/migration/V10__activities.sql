-- Group activities of the local networks. A venue is a public place or the network's premises,
-- never a participant's address.
create table activity (
    id         uuid primary key,
    network_id text        not null,
    title      text        not null,
    type       text        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    venue      text        not null,
    capacity   integer     not null check (capacity > 0),
    status     text        not null,
    version    bigint      not null
);
create index activity_network on activity (network_id, starts_at);
