-- POST /api/v2/notifications/events: one event per request, a new label each time.
-- wrk ... -s bench/event.lua URL -- USERS_FILE PREFIX
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function init(args)
   bench.init(args)
end

function request()
   bench.counter = bench.counter + 1
   return wrk.format(nil, nil, nil, bench.event(bench.counter))
end
