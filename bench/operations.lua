-- wrk script for B4: PUT Services(…)?RunAsynchronously=1 with {"Operation":"Stop"} and {"Operation":"Start"} in turn,
-- rotating over the service paths in the file named by WRK_PATHS; done() prints the answers' statuses.
local paths = {}
local counter = 0
local accepted = 0
local refused = 0

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1] .. "?RunAsynchronously=1"
  local operation = (math.floor(counter / #paths) % 2 == 0) and "Stop" or "Start"
  return wrk.format("PUT", path, { ["Content-Type"] = "application/json", ["OData-MaxVersion"] = "4.0" },
    '{"Operation":"' .. operation .. '"}')
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
