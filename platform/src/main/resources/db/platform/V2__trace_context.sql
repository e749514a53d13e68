-- The trace context travels with each event: written in the intake transaction, sent as the
-- Kafka header traceparent by the relay; each consumer records the trace it applied an event in.
alter table outbox_event add column traceparent text;
alter table inbox_event add column trace_id text;
