-- The sink's ceiling: POST a ~1 KB JSON document (about a webhook's size) to nginx, as the notifier does,
-- with an X-Message-Id so that nginx writes the same access-log line. wrk ... -s bench/post.lua URL
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Message-Id"] = "00000000-0000-4000-8000-000000000000"

local filler = string.rep("Your workspace was deleted. ", 28)
wrk.body = '{"_version":"1.1","msg_id":"00000000-0000-4000-8000-000000000000",'
   .. '"payload":{"notification_name":"Workspace Deleted","user_email":"bench-user-001@example.com",'
   .. '"labels":{"name":"sink","reason":"benchmark run","initiator":"bench"}},'
   .. '"title":"Workspace \\"sink\\" deleted","body":"' .. filler .. '"}'

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
