-- When each network was active (issue 17): a row from the day it became active to the day it
-- stopped (open while it is). The networks active in a period, on any day of it, are counted
-- from it when the figures are computed. Networks are organisations: no person is in it.
create table network_period (
    network_id   text not null,
    region_code  text not null,
    active_from  date not null,
    active_until date,
    primary key (network_id, active_from)
);
-- At most one open period per network.
create unique index network_period_open on network_period (network_id) where active_until is null;

-- The networks active now, from the first month they were counted active.
insert into network_period (network_id, region_code, active_from)
select n.network_id, n.region_code,
       coalesce((select min(c.month) from monthly_count c
                 where c.measure = 'networks.active.delta' and c.network_id = n.network_id and c.value > 0), current_date)
from network n where n.active;
