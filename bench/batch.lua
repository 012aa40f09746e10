-- POST /api/v2/notifications/events/batch: {"events": [...]} of N events (default 1000, the API's maximum).
-- wrk ... -s bench/batch.lua URL -- USERS_FILE PREFIX [EVENTS_PER_REQUEST]
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local per = 1000

function init(args)
   bench.init(args)
   per = tonumber(args[3] or "1000")
end

function request()
   local events = {}
   for i = 1, per do
      bench.counter = bench.counter + 1
      events[i] = bench.event(bench.counter)
   end
   return wrk.format(nil, nil, nil, '{"events":[' .. table.concat(events, ",") .. "]}")
end
