-- The trace context travels with each event: written in the intake transaction, sent as the
-- Kafka header traceparent by the relay; each consumer records the trace it applied an event in.
-- Repeatable and idempotent, because the platform's versions (V1-V9) sit below every service's
-- (V10 and up): a platform change made later still reaches a database that is further on.
-- When the columns are there, PostgreSQL would say so in a NOTICE, which Flyway logs as a WARN.
set client_min_messages = warning;
alter table outbox_event add column if not exists traceparent text;
alter table inbox_event add column if not exists trace_id text;
reset client_min_messages;
