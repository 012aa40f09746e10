-- Row g, measurement: the lease as the generic plan of a prepared statement (what PgJDBC runs after five
-- executions, and what plan_cache_mode = auto may pick), five times; bench/run reports the median.
\set ON_ERROR_STOP 1
SET plan_cache_mode = force_generic_plan;
\ir lease.sql
\ir lease_once.sql
\ir lease_once.sql
\ir lease_once.sql
\ir lease_once.sql
\ir lease_once.sql
