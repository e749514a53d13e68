-- Who was supported when (issue 17): each started match of a woman with STATISTICS consent, from
-- its first meeting to its end (open while it runs), with her coarse attributes and a keyed hash of
-- the volunteer's id. The people supported in a period (each woman once, her children, each
-- volunteer once) are counted from it when the figures are computed. When she is erased, her key
-- here is replaced by a random one: her matches still count, once, and no longer point to her.
create table match_period (
    match_key     bytea    primary key,
    subject_key   bytea    not null,
    volunteer_key bytea,
    network_id    text     not null,
    region_code   text     not null,
    source        text     not null,
    children      smallint not null,
    started_on    date     not null,
    ended_on      date
);
create index match_period_subject on match_period (subject_key);
create index match_period_days on match_period (started_on, ended_on);
