-- wrk script of bench/loadtest.sh: counts every response that is not 2xx (wrk itself counts only
-- 4xx and 5xx, so a redirect to the login page would pass unnoticed) and prints one tab-separated
-- result line. Headers (the session cookie or bearer token) come from wrk's -H.
--
-- Arguments after "--":
--   get                          every request is the URL given to wrk
--   reply PATH_PREFIX ID,ID,...  POST {"content": "..."} to PATH_PREFIX .. ID .. "/messages",
--                                going round the thread ids (the JSON API's reply endpoint)

local threads = {}

function setup(thread)
  thread:set("number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  first_bad = ""
  mode = args[1] or "get"
  if mode == "reply" then
    prefix = args[2]
    ids = {}
    for id in string.gmatch(args[3] or "", "[^,]+") do
      table.insert(ids, id)
    end
    assert(#ids > 0, "reply needs thread ids")
    sent = 0
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  end
end

function request()
  if mode ~= "reply" then
    return wrk.request()
  end
  sent = sent + 1
  local id = ids[(sent + number) % #ids + 1]
  local body = string.format('{"content":"Load test reply %d from connection group %d."}', sent, number)
  return wrk.format(nil, prefix .. id .. "/messages", nil, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_bad == "" then
      first_bad = status .. " " .. string.sub(body or "", 1, 200):gsub("%s+", " ")
    end
  end
end

function done(summary, latency, requests)
  local bad, example = 0, ""
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    if example == "" then
      example = thread:get("first_bad")
    end
  end
  local e = summary.errors
  io.write(string.format("RESULT\t%.1f\t%.2f\t%.2f\t%d\t%d\t%d\t%s\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    bad, e.connect + e.read + e.write + e.timeout, summary.requests, example))
end
