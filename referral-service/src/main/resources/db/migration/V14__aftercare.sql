-- The municipality's §109 aftercare for one woman: the window after her move-out, the handover
-- before it, her named caseworker (a municipal employee's work contact), and the shared plan.
-- Nothing here identifies her; a goal's note is sealed under her referral's data key and goes
-- with it on erasure.
create table aftercare (
    referral_id         uuid primary key references referral (id),
    actual_move_out     date,
    window_ends_on      date,
    extended_to         date,
    extension_reason    text,
    extended_at         timestamptz,
    extended_by         text,
    warned_days         int,
    closed_at           timestamptz,
    closed_goals_open   boolean,
    handover_on         date,
    handover_roles      jsonb,
    handover_held       boolean,
    caseworker_name     text,
    caseworker_email    text,
    caseworker_phone    text,
    updated_at          timestamptz not null,
    version             bigint      not null default 0
);
create index aftercare_due on aftercare (window_ends_on) where closed_at is null;

create table plan_goal (
    id              uuid primary key,
    referral_id     uuid        not null references referral (id),
    domain          text        not null,
    owner           text        not null,
    other_offer     text,
    due_on          date,
    status          text        not null,
    drop_reason     text,
    sealed_note     bytea,
    idempotency_key text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0
);
create index plan_goal_referral on plan_goal (referral_id);
create unique index plan_goal_idempotency on plan_goal (referral_id, idempotency_key) where idempotency_key is not null;

-- The dated history of the window and the plan: codes and dates only, never a note's words.
create table aftercare_step (
    id          bigserial primary key,
    referral_id uuid        not null references referral (id),
    at          timestamptz not null,
    by_role     text        not null,
    action      text        not null,
    goal_id     uuid,
    domain      text,
    detail      text
);
create index aftercare_step_referral on aftercare_step (referral_id, id);

-- A webhook delivery says what happened: a status change, or a warning about the aftercare window.
alter table webhook_delivery add column event text not null default 'STATUS_CHANGED';
