-- Appended to every wrk script of `cargo xtask bench --load`: one machine-readable line
-- with the totals, the latency percentiles (microseconds) and the errors — answers with
-- a status of 400 or more (`status`) and socket errors (connect, read, write, timeout).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "wrk-summary requests=%d duration_us=%d p50_us=%d p99_us=%d status=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
