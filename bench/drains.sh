# bench/drains.sh: row i of bench/run (sourced by it; BENCH_ONLY=drains runs this row alone). How fast a backlog
# drains after an outage, by its size: 20,000, 100,000 and 1,000,000 pending webhook messages are queued in turn
# straight into the table (statistics left as the table's life made them, no ANALYZE), the notifier is resumed,
# and the sink's log gives the delivery rate per window of BENCH_DRAIN_WINDOW seconds from the first second to the
# last. The lease's execution times during each drain come from auto_explain, sampled in the drains' own scratch
# database only, read from the server's log. Everything runs on a service of its own, after a warm-up.

DRAINS=${BENCH_DRAINS:-20000 100000 1000000}
DRAIN_WINDOW=${BENCH_DRAIN_WINDOW:-5}          # seconds of each rate window
DRAIN_MAX=${BENCH_DRAIN_MAX:-900}              # longest wait for one drain
DRAIN_WARMUP=${BENCH_DRAIN_WARMUP:-40000}      # messages delivered, unmeasured, before the first drain
DRAIN_SAMPLE=${BENCH_DRAIN_SAMPLE:-0.25}       # share of statements whose plan and time auto_explain logs

# The server's log, where auto_explain writes: the throwaway cluster's, the logging collector's current file, or
# Debian's per-cluster file (BENCH_PG_LOG says otherwise).
pg_log_file() {
    if [ -n "$OWN_PG" ]; then
        echo "$TMP/pg/postgres.log"
        return
    fi
    local file
    file=$(sql_admin -c "SELECT pg_current_logfile()")
    if [ -n "$file" ]; then
        case $file in /*) ;; *) file="$(sql_admin -c 'SHOW data_directory')/$file" ;; esac
        echo "$file"
        return
    fi
    echo "${BENCH_PG_LOG:-/var/log/postgresql/postgresql-$(sql_admin -c 'SHOW server_version_num' | cut -c1-2)-main.log}"
}

# In the drains' scratch database.
dsql() { "$PSQL" -XAtq -v ON_ERROR_STOP=1 -h "$PGH" -p "$PGP" -U postgres -d "$DRAIN_DB" "$@"; }

# The kill switch, set as the API sets it; resuming wakes the notifier at once (as KillSwitch.set does).
drain_paused() {
    dsql -c "UPDATE notification_settings SET notifier_paused = $1"
    [ "$1" = true ] || dsql -c "SELECT pg_notify('notification_messages_enqueued', '')" >/dev/null
    if [ "$1" = true ]; then
        until [ "$(dsql -c "SELECT count(*) FROM notification_messages WHERE status = 'leased'")" = 0 ]; do sleep 0.2; done
    fi
}

# queue_backlog N: N pending messages of "Workspace Deleted" to the drains' users, oldest first, stored as the bulk
# enqueue stores them. No ANALYZE: the planner sees whatever statistics the table had.
queue_backlog() {
    dsql -c "
        WITH u AS (SELECT row_number() OVER (ORDER BY id) - 1 AS i, id, username, name, email FROM users
                   WHERE username LIKE 'drain-%')
        INSERT INTO notification_messages (id, notification_template_id, user_id, method, created_by, payload, created_at)
        SELECT gen_random_uuid(), 'f517da0b-cdc9-410f-ab89-a86107c420ed', u.id, 'webhook', 'bench-drain',
               jsonb_build_object('_version', '1.1', 'notification_name', 'Workspace Deleted',
                   'notification_template_id', 'f517da0b-cdc9-410f-ab89-a86107c420ed', 'user_id', u.id,
                   'user_email', u.email, 'user_name', u.name, 'user_username', u.username,
                   'actions', jsonb_build_array(jsonb_build_object('label', 'View workspaces',
                       'url', 'https://coder.example.com/workspaces')),
                   'labels', jsonb_build_object('name', 'drain-' || n, 'reason', 'benchmark', 'initiator', 'bench'),
                   'data', '{}'::jsonb, 'targets', '[]'::jsonb),
               clock_timestamp()
        FROM generate_series(1, $1) AS n JOIN u ON u.i = n % 100"
}

# Waits until nothing is pending or leased, or $1 s passed (one server-side loop, as bench/run's wait_drained).
drain_wait() {
    dsql -c "DO \$\$
        DECLARE deadline timestamptz := clock_timestamp() + interval '$1 seconds';
        BEGIN
            LOOP
                EXIT WHEN NOT EXISTS (SELECT 1 FROM notification_messages WHERE status IN ('pending', 'leased'));
                EXIT WHEN clock_timestamp() > deadline;
                COMMIT;
                PERFORM pg_sleep(0.2);
            END LOOP;
        END \$\$"
}

# Percentile $2 (0..1) of the numbers in file $1, nearest rank.
percentile() { sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else { r = int(p * NR + 0.999999); if (r < 1) r = 1; print v[r] } }'; }

run_drains() {
    say "i. backlog drains of $(echo "$DRAINS" | tr ' ' '/') pending webhook messages (a service of its own)"
    DRAIN_DB=${DB}_drains
    DBS+=("$DRAIN_DB")
    sql_admin -c "CREATE DATABASE $DRAIN_DB"
    local log
    log=$(pg_log_file)
    local explain=yes
    if [ -r "$log" ]; then
        # Only this database's sessions load auto_explain: the other rows are measured without it.
        sql_admin -c "ALTER DATABASE $DRAIN_DB SET session_preload_libraries = 'auto_explain'" \
            -c "ALTER DATABASE $DRAIN_DB SET auto_explain.log_min_duration = 0" \
            -c "ALTER DATABASE $DRAIN_DB SET auto_explain.sample_rate = $DRAIN_SAMPLE"
        note "lease times: auto_explain (a share of $DRAIN_SAMPLE of the statements) in $log"
    else
        explain=no
        note "cannot read the server's log ($log; set BENCH_PG_LOG): no lease times"
    fi
    start_service "$DRAIN_DB" drains
    dsql -c "INSERT INTO users (id, username, name, email)
             SELECT gen_random_uuid(), 'drain-' || i, 'Drain ' || i, 'drain-' || i || '@example.com'
             FROM generate_series(0, 99) AS i"
    local autovacuum
    autovacuum=$(dsql -c "SHOW autovacuum")
    note "PostgreSQL $(dsql -c 'SHOW server_version'), autovacuum $autovacuum"
    if [ "$DRAIN_WARMUP" -gt 0 ]; then
        drain_paused true
        queue_backlog "$DRAIN_WARMUP"
        drain_paused false
        drain_wait "$DRAIN_MAX"
        note "warm-up: $(num "$DRAIN_WARMUP") delivered, unmeasured"
    fi
    # Statistics taken while the queue is empty, as autovacuum's (or anyone's) ANALYZE takes them in a quiet
    # moment: the planner then believes the leasable rows are few when the backlogs below arrive.
    dsql -c "ANALYZE notification_messages"
    {
        echo
        echo "### Backlog drains: PostgreSQL $(dsql -c 'SHOW server_version'), autovacuum $autovacuum$([ -n "$OWN_PG" ] && echo ' (a throwaway cluster with the defaults)')"
        echo
        echo "Webhook delivery, lease count 20, after $(num "$DRAIN_WARMUP") unmeasured deliveries and an ANALYZE of the then empty queue; each backlog queued straight into the table (no ANALYZE) while paused, then resumed. Rates per ${DRAIN_WINDOW}-s window by the sink's clock; the last window is partial."
        echo
        echo "| backlog | drained in | rate | slowest full window ÷ first backlog's rate | lease median / p99 (sampled) | table after (total size; dead rows) | rate per ${DRAIN_WINDOW}-s window (msg/s) |"
        echo "|---|---|---|---|---|---|---|"
    } >"$OUT/drains.md"
    local n base_rate=''
    for n in $DRAINS; do
        drain_paused true
        queue_backlog "$n"
        local a0 p0=0 t0 t1
        a0=$(stat -c %s "$ACCESS_LOG")
        [ "$explain" = no ] || p0=$(stat -c %s "$log")
        t0=$(now)
        drain_paused false
        drain_wait "$DRAIN_MAX"
        t1=$(now)
        local left
        left=$(dsql -c "SELECT count(*) FROM notification_messages WHERE status IN ('pending', 'leased')")
        sleep 1   # the server's last log lines
        # Arrivals per window since t0; full windows are those that ended before the last arrival.
        local windows
        windows=$(tail -c +"$((a0 + 1))" "$ACCESS_LOG" | awk -v t0="$t0" -v w="$DRAIN_WINDOW" '
            $2 != "-" && $2 != "" { b = int(($1 - t0) / w); c[b]++; if (b > m) m = b; last = $1; n++ }
            END { full = int((last - t0) / w); printf "%d %.3f %d", n, last - t0, full
                  for (i = 0; i <= m; i++) printf " %d", c[i] + 0 }')
        local arrived secs full
        read -r arrived secs full _ <<<"$windows"
        local counts=(${windows#* * * })
        local rate slowest='' i per=()
        rate=$(div "$arrived" "$secs")
        for ((i = 0; i < ${#counts[@]}; i++)); do
            per+=("$(num "$(calc "${counts[$i]} / $DRAIN_WINDOW")")")
            if ((i < full)); then
                if [ -z "$slowest" ] || [ "${counts[$i]}" -lt "$slowest" ]; then slowest=${counts[$i]}; fi
            fi
        done
        [ -n "$base_rate" ] || base_rate=$rate
        local ratio=n/a
        [ -z "$slowest" ] || ratio=$(num "$(div "$(calc "$slowest / $DRAIN_WINDOW")" "$base_rate")" 2)
        local lease="n/a"
        if [ "$explain" = yes ]; then
            tail -c +"$((p0 + 1))" "$log" | awk '
                /duration: [0-9.]+ ms  plan:/ { match($0, /duration: [0-9.]+/); d = substr($0, RSTART + 10, RLENGTH - 10); next_is = 1; next }
                next_is { if ($0 ~ /Query Text: WITH leasable/) print d; next_is = 0 }' >"$TMP/lease-times-$n.txt"
            lease="$(percentile "$TMP/lease-times-$n.txt" 0.5) / $(percentile "$TMP/lease-times-$n.txt" 0.99) ms ($(wc -l <"$TMP/lease-times-$n.txt") leases)"
        fi
        local size
        size=$(dsql -c "SELECT pg_size_pretty(pg_total_relation_size('notification_messages')) || '; ' || n_dead_tup
                        FROM pg_stat_user_tables WHERE relname = 'notification_messages'")
        note "$(num "$n"): $(num "$arrived") arrived in $(num "$secs" 1)s = $(num "$rate")/s; slowest full window ÷ first: $ratio; lease $lease; table $size; left $left"
        note "  per ${DRAIN_WINDOW}s: ${per[*]}"
        [ "$left" = 0 ] || note "WARNING: $left not drained within ${DRAIN_MAX}s"
        echo "| $(num "$n") | $(num "$secs" 1) s | $(num "$rate")/s | $ratio | $lease | $size | ${per[*]} |" >>"$OUT/drains.md"
    done
    echo >>"$OUT/drains.md"
    echo "The service's own vacuums during the drains: $(grep -c 'vacuumed notification_messages' "$TMP/drains.log" || true)." >>"$OUT/drains.md"
    stop_group "$SERVICE_PID" 30
    SERVICE_PID=''
    [ "${BENCH_ONLY:-}" != drains ] || cat "$OUT/drains.md"
}
