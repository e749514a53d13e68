-- Activities held and who came, per calendar month (Danish time). Counts only.
create table monthly_activities (
    month      date primary key,
    held       integer not null,
    women      integer not null,
    children   integer not null,
    volunteers integer not null
);
