-- Aggregates only: counts per calendar month (Danish time). Nothing here identifies anyone.
create table monthly_referrals (
    month    date primary key,
    received integer not null
);
