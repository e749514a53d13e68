-- Erasure keeps only what statistics already has in coarse form: the rest of the row may be null.
alter table referral alter column expected_move_out drop not null;
alter table referral alter column children drop not null;
alter table referral alter column matching drop not null;
alter table referral alter column consent_given_at drop not null;
alter table referral alter column consent_method drop not null;
alter table referral alter column consent_recorded_by drop not null;
update referral set children = null, matching = null, expected_move_out = null, consent_scopes = '[]'::jsonb,
       shared_with_municipality = false, consent_given_at = null, consent_method = null, consent_recorded_by = null
 where erased_at is not null;

-- Idempotency keys are purged after their replay window.
create index idempotency_key_created on idempotency_key (created_at);
delete from idempotency_key k using referral r where r.id = k.referral_id and r.erased_at is not null;

-- Audit entries: a coded reason for break-glass reads, and which hash the row's chain link uses
-- (1 = plain SHA-256 of rows written before the chain was keyed, 2 = HMAC-SHA-256).
alter table audit_entry add column reason text;
alter table audit_entry add column hash_version smallint not null default 1;
alter table audit_entry alter column hash_version set default 2;

-- Webhook signing secrets are sealed like personal data; plain rows are sealed at start.
alter table webhook_subscription alter column secret drop not null;
alter table webhook_subscription add column master_key_id text;
alter table webhook_subscription add column wrapped_key bytea;
alter table webhook_subscription add column sealed_secret bytea;

-- The re-wrap job finds rows of retiring master keys.
create index referral_secret_master_key on referral_secret (master_key_id);
