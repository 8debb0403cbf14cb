-- wrk script for B4 (and V3 of vms.sh, over VirtualMachines): PUT Services(…)?RunAsynchronously=1 with {"Operation":"Stop"} and {"Operation":"Start"} in turn.
-- The wrk threads interleave over the service paths in the file named by WRK_PATHS, so no two requests name the
-- same service at once (a second operation on a service whose job still runs is refused with 409, error 2602,
-- as VMM does); a service gets Stop on the first pass over the list and Start on the next. WRK_OFFSET (default 0)
-- continues where an earlier run over the same list stopped (its request count), so a second run does not send Stop
-- again to what the first one stopped (VMM's answer to that is a job that changes nothing). done() prints
-- throughput and latency.
local paths = {}
local threads = 0
local counter = 0
local offset = 0

function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
end

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  threads = tonumber(os.getenv("WRK_THREADS") or "2")
  offset = tonumber(os.getenv("WRK_OFFSET") or "0")
end

function request()
  local n = offset + counter * threads + index
  counter = counter + 1
  local path = paths[(n % #paths) + 1] .. "?RunAsynchronously=1"
  local operation = (math.floor(n / #paths) % 2 == 0) and "Stop" or "Start"
  return wrk.format("PUT", path, { ["Content-Type"] = "application/json", ["OData-MaxVersion"] = "4.0" },
    '{"Operation":"' .. operation .. '"}')
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
