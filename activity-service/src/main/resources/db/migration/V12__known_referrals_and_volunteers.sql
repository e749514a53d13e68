-- Who may be registered for an activity, as activity-service learns it from the events: only a
-- referral or a volunteer of the activity's network, in a status that allows it. Ids, network and
-- status only; no personal data.
create table known_referral (
    referral_id     uuid        primary key,
    network_id      text,
    status          text        not null,
    contact_allowed boolean     not null,
    updated_at      timestamptz not null
);

create table known_volunteer (
    volunteer_id uuid        primary key,
    network_id   text        not null,
    status       text        not null,
    updated_at   timestamptz not null
);
