-- wrk script: each request takes the next path from the file named by WRK_PATHS (one path per line), so keys rotate;
-- done() prints the latency percentiles and throughput as one parseable line.
local paths = {}
local counter = 0
-- WRK_AUTHORIZATION (e.g. "Bearer eyJ…"): sent on every request, for the auth modes
local headers = { ["Accept"] = "application/json", ["x-ms-version"] = "2015-04-01" }
if os.getenv("WRK_AUTHORIZATION") and os.getenv("WRK_AUTHORIZATION") ~= "" then
  headers["Authorization"] = os.getenv("WRK_AUTHORIZATION")
end

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  -- errors: every failed request; non2xx: answers outside 2xx/3xx; socket: connect, read, write errors and timeouts
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket=%d\n",
    summary.requests, summary.errors.status + socket, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, socket))
end
