-- The networks as matching-service publishes them on qnet.networks.v1: the routing table.
create table network_route (
    network_id         text primary key,
    name               text        not null,
    active             boolean     not null,
    municipality_codes jsonb       not null,
    updated_at         timestamptz not null
);
