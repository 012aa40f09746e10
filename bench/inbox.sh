# bench/inbox.sh: rows j and k of bench/run (sourced by it; BENCH_ONLY=inbox runs them alone). The inbox (SPEC 12) on
# one replica, each setting on a service and a scratch database of its own:
#   inbox on:  rows c, d and e (the same functions, warm-ups and numbers as the main run), then row j: watches of the
#              inbox (half WebSocket, half Server-Sent Events) spread over the bench's users, the replica's resident
#              memory before they open and with them open, and the time from posting an event at a steady rate to
#              each of its frames (bench/InboxWatch.java, the notifier running);
#   inbox off: the service restarted with CODER_NOTIFICATIONS_INBOX_ENABLED=false, rows c, d and e again.
# Row k compares the two in events: with the inbox on every event stores and delivers two messages instead of one.

INBOX_CONNECTIONS=${BENCH_INBOX_CONNECTIONS:-1000}  # open watches on the replica
INBOX_RATE=${BENCH_INBOX_RATE:-200}                # events/s while they are open
INBOX_WARMUP=${BENCH_INBOX_WARMUP:-10}             # seconds of unmeasured events with the watches open
INBOX_DURATION=${BENCH_INBOX_DURATION:-$DURATION}  # seconds of measured events
INBOX_GRACE=${BENCH_INBOX_GRACE:-10}               # longest wait for the last frames after the last event
# Which of rows c, d, e and j run, e.g. BENCH_INBOX_ROWS=d to compare delivery alone (a figure not measured: n/a).
INBOX_ROWS=${BENCH_INBOX_ROWS:-c d e j}

# inbox_row ROW: whether ROW is one of INBOX_ROWS.
inbox_row() { case " $INBOX_ROWS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# Reads key=value from the one "INBOX ..." line of bench/InboxWatch.java (numbers with decimals, or n/a).
inbox_field() { sed -n "s/^INBOX .*\b$1=\([^ ]*\).*/\1/p" "$2"; }

# inbox_service NAME true|false: a scratch database, and the service on it with the inbox on or off, the bench's
# users in its directory, the notifier paused. Sets DB (run_inbox's own), and INBOX_QUEUED to whether the service's
# enqueue answer lists an inbox message (false with the inbox on: a build without the inbox).
inbox_service() {
    local name=$1 enabled=$2 code
    DB=${INBOX_DB_BASE}_${name//-/_}
    DBS+=("$DB")
    sql_admin -c "CREATE DATABASE $DB"
    start_service "$DB" "$name" "CODER_NOTIFICATIONS_INBOX_ENABLED=$enabled"
    read_tokens
    set_paused true
    create_users
    # One event: its answer says whether the service queues inbox messages.
    code=$(api POST /notifications/events "$NOTIFIER_TOKEN" \
        "{\"template\":\"Workspace Deleted\",\"user_id\":\"$(head -n 1 "$USERS_FILE")\",\"labels\":{\"name\":\"inbox-probe\",\"reason\":\"benchmark run\",\"initiator\":\"bench\"}}")
    [ "$code" = 202 ] || die "POST /notifications/events answered $code: $(cat "$TMP/answer.json")"
    INBOX_QUEUED=false
    if grep -Eq '"method" *: *"inbox"' "$TMP/answer.json"; then INBOX_QUEUED=true; fi
    [ "$INBOX_QUEUED" = false ] || [ "$enabled" = true ] ||
        die "CODER_NOTIFICATIONS_INBOX_ENABLED=false, and still an inbox message: $(cat "$TMP/answer.json")"
}

stop_inbox_service() {
    stop_group "$SERVICE_PID" 30
    SERVICE_PID=''
}

# keep_figures PREFIX: copies the figures of rows c, d and e to PREFIX_* before the next run of them overwrites them.
keep_figures() {
    local name
    for name in BATCH_EVENT_RATE BATCH_RATE BATCH_EVENTS BATCH_NON2XX DELIVERY_EVENT_RATE DELIVERY_RATE DELIVERED_EVENTS \
        DELIVERY_LEFT DELIVERY_FAILED SINGLE_RPS SINGLE_P99 SINGLE_NON2XX; do
        printf -v "${1}_$name" %s "${!name}"
    done
}

# Row j on the running service: watches, memory readings and frames (bench/InboxWatch.java); sets WATCH_FILE.
measure_inbox_watch() {
    say "j. inbox: $(num "$INBOX_CONNECTIONS") watches (half WebSocket, half SSE) on one replica, events at $INBOX_RATE/s for ${INBOX_DURATION}s after ${INBOX_WARMUP}s unmeasured (notifier running)"
    WATCH_FILE=$OUT/inbox-watch.txt
    set_paused false
    # Its progress goes straight to stderr, indented like the notes; its one result line to $WATCH_FILE.
    java "$BENCH_DIR/InboxWatch.java" --base "$BASE" --jwt "$TMP/cache/jwt" --users "$USERS_FILE" \
        --connections "$INBOX_CONNECTIONS" --rate "$INBOX_RATE" --warmup "$INBOX_WARMUP" --duration "$INBOX_DURATION" \
        --grace "$INBOX_GRACE" --pid "$(service_java_pid)" --prefix j >"$WATCH_FILE" ||
        die "bench/InboxWatch.java failed"
    grep -q '^INBOX ' "$WATCH_FILE" || die "bench/InboxWatch.java printed no INBOX line"
    set_paused true
    until [ "$(messages "status = 'leased'")" = 0 ]; do sleep 0.2; done
}

# Rows c, d and e of INBOX_ROWS on the running service; a row left out leaves its figures n/a.
inbox_rows() {
    local name
    for name in BATCH_EVENT_RATE BATCH_RATE BATCH_EVENTS BATCH_NON2XX DELIVERY_EVENT_RATE DELIVERY_RATE DELIVERED_EVENTS \
        DELIVERY_LEFT DELIVERY_FAILED SINGLE_RPS SINGLE_P99 SINGLE_NON2XX; do
        printf -v "$name" %s n/a
    done
    if inbox_row c; then measure_batch_enqueue; fi
    if inbox_row d; then measure_delivery; fi
    if inbox_row e; then measure_single_enqueue; fi
}

run_inbox() {
    local INBOX_DB_BASE=$DB DB
    say "j, k. the inbox: a service with it on, then one with it off (each with a scratch database of its own)"
    inbox_service inbox-on true
    if [ "$INBOX_QUEUED" = false ]; then
        note "WARNING: the service queues no inbox messages: $JAR is a build without the inbox; rows j and k skipped"
        stop_inbox_service
        printf '\n### Inbox\n\nSkipped: %s queues no inbox messages (a build without the inbox).\n' "$JAR" >"$OUT/inbox.md"
        return 0
    fi
    inbox_rows
    keep_figures ON
    if inbox_row j; then measure_inbox_watch; else WATCH_FILE=/dev/null; fi
    stop_inbox_service

    say "k. the same service restarted with CODER_NOTIFICATIONS_INBOX_ENABLED=false"
    inbox_service inbox-off false
    inbox_rows
    keep_figures OFF
    stop_inbox_service
    inbox_table >"$OUT/inbox.md"
    [ "${BENCH_ONLY:-}" != inbox ] || cat "$OUT/inbox.md"
}

# The rows j and k, for results.md.
inbox_table() {
    local f=$WATCH_FILE
    local opened rss_before rss_open heap_before heap_open per_rss per_heap p99 ratio_b ratio_d ratio_e
    opened=$(inbox_field opened "$f")
    rss_before=$(inbox_field rss_before_kb "$f") rss_open=$(inbox_field rss_open_kb "$f")
    heap_before=$(inbox_field heap_before_kb "$f") heap_open=$(inbox_field heap_open_kb "$f")
    per_rss=$(per_connection "$rss_open" "$rss_before" "$opened")
    per_heap=$(per_connection "$heap_open" "$heap_before" "$opened")
    p99=$(inbox_field p99_ms "$f")
    ratio_b=$(div "$ON_BATCH_EVENT_RATE" "$OFF_BATCH_EVENT_RATE")
    ratio_d=$(div "$ON_DELIVERY_EVENT_RATE" "$OFF_DELIVERY_EVENT_RATE")
    ratio_e=$(div "$ON_SINGLE_RPS" "$OFF_SINGLE_RPS")
    echo
    echo "### Inbox: $(num "$(inbox_field connections "$f")") watches on one replica, and enqueue and delivery with the inbox on and off"
    echo
    echo "Each setting on a freshly started service with a scratch database of its own; rows c, d and e as above (same warm-ups), then row j on the service with the inbox on, the notifier running. Memory read after a full GC ($(inbox_field gc "$f") = jcmd GC.run) before the watches open and with them open, idle."
    echo
    echo "| what | measured | goal |"
    echo "|---|---|---|"
    echo "| j. enqueue→frame, $(inbox_field websocket "$f") WebSocket + $(inbox_field sse "$f") SSE watches of $(inbox_field users "$f") users, $(num "$(div "$(inbox_field events "$f")" "$(inbox_field seconds "$f")")") events/s | p50 $(inbox_field p50_ms "$f") ms, p99 $p99 ms (WebSocket $(inbox_field ws_p99_ms "$f"), SSE $(inbox_field sse_p99_ms "$f")); after the item was stored: p50 $(inbox_field stored_p50_ms "$f") ms, p99 $(inbox_field stored_p99_ms "$f") ms; $(num "$(inbox_field frames "$f")") of $(num "$(inbox_field expected "$f")") frames | p99 ≤ 250 ms: $(verdict "$p99" '<=' 250) |"
    echo "| j. resident memory without / with the watches | $(num "$(mib "$rss_before")") / $(num "$(mib "$rss_open")") MiB: $(num "$per_rss" 1) KiB per connection (live heap $(num "$per_heap" 1) KiB) | ≤ 64 KiB per connection: $(verdict "$per_rss" '<=' 64) |"
    echo
    echo "| k. events/s | inbox on | inbox off | on ÷ off (goal ≥ 0.6×) |"
    echo "|---|---|---|---|"
    echo "| batch enqueue, 1000 events a request | $(num "$ON_BATCH_EVENT_RATE") ($(num "$ON_BATCH_RATE") msg/s) | $(num "$OFF_BATCH_EVENT_RATE") ($(num "$OFF_BATCH_RATE") msg/s) | $(num "$ratio_b" 2)×: $(verdict "$ratio_b" '>=' 0.6) |"
    echo "| webhook delivery of $(num "$QUEUE") queued events | $(num "$ON_DELIVERY_EVENT_RATE") ($(num "$ON_DELIVERY_RATE") msg/s) | $(num "$OFF_DELIVERY_EVENT_RATE") ($(num "$OFF_DELIVERY_RATE") msg/s) | $(num "$ratio_d" 2)×: $(verdict "$ratio_d" '>=' 0.6) |"
    echo "| single enqueue, 16 connections | $(num "$ON_SINGLE_RPS") (p99 $(num "$ON_SINGLE_P99" 1) ms) | $(num "$OFF_SINGLE_RPS") (p99 $(num "$OFF_SINGLE_P99" 1) ms) | $(num "$ratio_e" 2)×: $(verdict "$ratio_e" '>=' 0.6) |"
    echo
    echo "Details:"
    echo "- j: $(inbox_field opened "$f") of $(inbox_field connections "$f") watches opened ($(inbox_field failed "$f") failed), the service counted $(inbox_field server_watchers "$f"); $(inbox_field ended "$f") ended during the run; $(inbox_field events "$f") events in $(num "$(inbox_field seconds "$f")" 1) s ($(inbox_field dropped "$f") dropped, $(inbox_field errors "$f") errors), $(inbox_field duplicates "$f") duplicate frames; enqueue→frame max $(inbox_field max_ms "$f") ms, WebSocket p50 $(inbox_field ws_p50_ms "$f") ms, SSE p50 $(inbox_field sse_p50_ms "$f") ms."
    echo "- j: VmRSS $(num "$rss_before") → $(num "$rss_open") KiB, heap used $(num "$heap_before") → $(num "$heap_open") KiB; VmRSS at the end of the events (no GC) $(num "$(inbox_field rss_end_kb "$f")") KiB. The client's line: $OUT/inbox-watch.txt."
    echo "- k: batch enqueue non-2xx on/off $ON_BATCH_NON2XX/$OFF_BATCH_NON2XX; delivery left on/off $ON_DELIVERY_LEFT/$OFF_DELIVERY_LEFT, failed $ON_DELIVERY_FAILED/$OFF_DELIVERY_FAILED; single enqueue non-2xx $ON_SINGLE_NON2XX/$OFF_SINGLE_NON2XX."
}

# per_connection WITH WITHOUT N: (WITH - WITHOUT) / N in KiB, or n/a when a reading is missing.
per_connection() {
    case "$1 $2" in *n/a* | ' '* | *' ') echo n/a; return ;; esac
    div "$(calc "$1 - $2")" "$3"
}
# KiB -> MiB; n/a stays n/a.
mib() { case $1 in '' | n/a) echo n/a ;; *) calc "$1 / 1024" ;; esac; }
