-- wrk script: POST one route question to /api/routes; wrk itself reports non-2xx answers ("Non-2xx or 3xx responses").
-- Usage: wrk -s scripts/http-load.lua http://127.0.0.1:8080/api/routes   (body from the environment variable CARAVAN_BODY)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- The bearer token writes need (docs/API.md, Authentication); scripts/bench-http sets it for its server.
local token = os.getenv("CARAVAN_TOKEN")
if token then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.body = os.getenv("CARAVAN_BODY") or
  '{"from":"Xian","to":"Duisburg","avoid_countries":["RU","BY"],"objective":"time","depart":"2026-12-01"}'

function done(summary, latency, requests)
  io.write(string.format("requests=%d duration_s=%.1f req_per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
