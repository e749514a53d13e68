-- The version of the published figures: the sum of these counters. Every event that changes an
-- aggregate raises one of them in its own transaction, so a reader can tell whether the cubes it
-- suppressed before are still right. Sixteen slots, picked by the consumer's thread, so the
-- five consumers rarely wait for one another's row lock.
create table aggregate_version (
    slot    smallint primary key check (slot between 0 and 15),
    version bigint   not null
);
insert into aggregate_version (slot, version) select s, 0 from generate_series(0, 15) as s;

-- The changes of each stock summed per year, beside the monthly ones: a stock's level at the
-- start of a year is the sum of the years before it, a handful of rows per network and source per
-- year instead of twelve.
create table yearly_delta (
    measure     text    not null,
    year        integer not null,
    network_id  text    not null,
    region_code text    not null,
    source      text    not null,
    value       bigint  not null,
    primary key (measure, year, network_id, region_code, source)
);
insert into yearly_delta (measure, year, network_id, region_code, source, value)
select measure, extract(year from month)::integer, network_id, region_code, source, sum(value)
from monthly_count where measure like '%.delta'
group by measure, extract(year from month), network_id, region_code, source;
