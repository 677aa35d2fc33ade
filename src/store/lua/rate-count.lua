-- Fixed-window counters of one sender, counted in turn as separate INCR + PEXPIRE transactions would be, in
-- one call: KEYS[i] the counter of the i-th kind, ARGV[2i - 1] its window (ms, its TTL from this use),
-- ARGV[2i] its limit. Stops at the first counter past its limit (the later ones are not counted).
-- Returns {i, count} of that one, or {0, 0} when every count is within its limit.
for i = 1, #KEYS do
  local count = redis.call('incr', KEYS[i])
  redis.call('pexpire', KEYS[i], ARGV[2 * i - 1])
  if count > tonumber(ARGV[2 * i]) then return {i, count} end
end
return {0, 0}
