-- The load guard's `GET`: counts every answer outside 200–299 in the thread's `non2xx`,
-- which `report.lua` sums over the threads.
non2xx = 0

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end
