-- wrk script of bench/server_load.sh. Prints one RESULT line for the run.
--   wrk -s bench/server_load.lua URL                        plain GETs of URL's path
--   wrk -s bench/server_load.lua URL -- ENVELOPES THREADS   POST /api/v1/submissions, each
--       request a new pre-sealed envelope (one per line in ENVELOPES) with its own
--       Idempotency-Key; thread n takes every n-th line, so no two threads send the same one.
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  index, wrapped = 0, 0
  if args[1] == nil then return end
  local id, stride = tonumber(thread_id), tonumber(args[2])
  bodies, keys = {}, {}
  local line_no = 0
  for line in io.lines(args[1]) do
    if line_no % stride == id then
      table.insert(bodies, line)
      table.insert(keys, line:match('"idempotency_id":"(%x+)"'))
    end
    line_no = line_no + 1
  end
end

function request()
  if bodies == nil then return wrk.format(nil) end
  index = index + 1
  if index > #bodies then
    index, wrapped = 1, wrapped + 1
  end
  return wrk.format("POST", "/api/v1/submissions",
                    {["Content-Type"] = "application/json", ["Idempotency-Key"] = keys[index]},
                    bodies[index])
end

function done(summary, latency, requests)
  local wrapped_total = 0
  for _, thread in ipairs(threads) do wrapped_total = wrapped_total + (thread:get("wrapped") or 0) end
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d reused_envelopes=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout, wrapped_total))
end
