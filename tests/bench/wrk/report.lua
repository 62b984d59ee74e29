-- Appended to every wrk script of `cargo xtask bench --load`: one machine-readable line
-- with the totals, the latency percentiles (microseconds) and the errors — answers with
-- a status of 400 or more (`status`) and socket errors (connect, read, write, timeout) —
-- and the answers outside 200–299 that a script counted in its threads' `non2xx`
-- (`status.lua`; 0 for a script that does not count them).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local e = summary.errors
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + (thread:get("non2xx") or 0)
  end
  io.write(string.format(
    "wrk-summary requests=%d duration_us=%d p50_us=%d p99_us=%d status=%d connect=%d read=%d write=%d timeout=%d non2xx=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout, non2xx))
end
