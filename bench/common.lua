-- Shared by batch.lua, event.lua and paced.lua (loaded with dofile from this folder).
-- wrk runs one Lua state per thread: init(args) runs in each, so every thread reads the users file itself.
-- args (after "--" on the wrk command line): 1 users file (one uuid a line), 2 label prefix, then per script.

bench = { users = {}, prefix = "x", counter = 0 }

-- setup() runs in the main state once per thread: give each thread a number so labels never collide.
local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("thread_no", threads)
end

function bench.init(args)
   for line in io.lines(args[1]) do
      if #line > 0 then bench.users[#bench.users + 1] = line end
   end
   assert(#bench.users > 0, "no users in " .. tostring(args[1]))
   -- thread_no is set by setup(); the run prefix keeps rows of different measurements apart.
   bench.prefix = (args[2] or "x") .. "-" .. tostring(thread_no or 0)
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

-- One event of the "Workspace Deleted" template (audience: its subject, so one message per event).
-- The label "name" is unique per event: the service dedupes identical events per user and day.
function bench.event(n)
   local user = bench.users[n % #bench.users + 1]
   return '{"template":"Workspace Deleted","user_id":"' .. user .. '","labels":{"name":"'
      .. bench.prefix .. "-" .. n .. '","reason":"benchmark run","initiator":"bench"}}'
end

-- One line wrk's caller (bench/run) parses, instead of scraping wrk's human-readable report.
-- summary.duration is in microseconds, latency percentiles too.
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "BENCH requests=%d duration_us=%d non2xx=%d sockerr=%d p50_us=%d p99_us=%d\n",
      summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
      latency:percentile(50), latency:percentile(99)))
end
