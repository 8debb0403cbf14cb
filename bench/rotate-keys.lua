-- wrk script: each request takes the next path from the file named by WRK_PATHS (one path per line), so keys rotate;
-- done() prints the latency percentiles and throughput as one parseable line.
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  return wrk.format("GET", path, { ["Accept"] = "application/json", ["x-ms-version"] = "2015-04-01" })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
