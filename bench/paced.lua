-- Like event.lua, but paced to a total rate (open-loop-ish): each thread hands out send slots every
-- THREADS*1000/RATE ms, and delay() makes a connection wait for its slot. A connection that is late sends at once;
-- a backlog of more than a second is dropped rather than sent as a burst.
-- wrk ... -s bench/paced.lua URL -- USERS_FILE PREFIX RATE THREADS CONNECTIONS
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local interval, fallback, next_due
local now_ms

-- A monotonic clock in ms through LuaJIT's FFI (wrk links LuaJIT). Without it: a fixed wait per connection.
local ok, ffi = pcall(require, "ffi")
if ok then
   ffi.cdef [[
      typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
      int clock_gettime(int clock_id, bench_timespec *tp);
   ]]
   local ts = ffi.new("bench_timespec")
   now_ms = function()
      ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
      return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
   end
end

function init(args)
   bench.init(args)
   local rate, threads, connections = tonumber(args[3]), tonumber(args[4]), tonumber(args[5])
   interval = threads * 1000 / rate
   fallback = math.floor(connections * 1000 / rate)
end

function delay()
   if not now_ms then
      return fallback
   end
   local t = now_ms()
   if next_due == nil or next_due < t - 1000 then
      next_due = t
   end
   local wait = next_due - t
   next_due = next_due + interval
   if wait <= 0 then
      return 0
   end
   return math.floor(wait + 0.5)
end

function request()
   bench.counter = bench.counter + 1
   return wrk.format(nil, nil, nil, bench.event(bench.counter))
end
