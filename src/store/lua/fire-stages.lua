-- Advances trips' stage counters, each only if this exact stage of this exact deadline is the next one: for
-- each (trip, deadline, stage) exactly one caller gets 1, every other 0. Many advances in one call (the
-- firings of one event-loop turn, see src/store/batcher.ts), each as if alone.
-- KEYS[1] the due deadlines (a sorted set, see deadline-timers.ts), KEYS[2] their failure counts (a hash);
-- then per advance: the trip hash, and a sent marker to set first (for a message the stage already sent) or
-- the trip hash again for none.
-- ARGV per advance, 7 each: trip id, deadline (ms), stage, '1' when the stage alerts others than the traveller,
-- the marker's TTL (ms), the deadline's member in KEYS[1] or '' (a deadline job of BullMQ moves itself), and
-- when the next stage is due (ms) or '' when there is none. An advanced deadline's member moves to that time
-- (only if still there: a cancelled one stays cancelled) or, after the last stage, is removed.
-- Returns one entry per advance: 1 or 0, or the error as a string (a key of the wrong type) for that one alone.
local function advance(k, a)
  local trip = KEYS[k]
  if KEYS[k + 1] ~= trip then redis.call('SET', KEYS[k + 1], '1', 'PX', ARGV[a + 4]) end
  if redis.call('HGET', trip, 'id') ~= ARGV[a] then return 0 end
  if redis.call('HGET', trip, 'status') ~= 'active' then return 0 end
  if redis.call('HGET', trip, 'deadline') ~= ARGV[a + 1] then return 0 end
  if tonumber(redis.call('HGET', trip, 'stage')) ~= tonumber(ARGV[a + 2]) then return 0 end
  redis.call('HSET', trip, 'stage', tonumber(ARGV[a + 2]) + 1)
  if ARGV[a + 3] == '1' then redis.call('HSET', trip, 'escalated', '1') end
  local member = ARGV[a + 5]
  if member ~= '' then
    if ARGV[a + 6] ~= '' then
      redis.call('ZADD', KEYS[1], 'XX', ARGV[a + 6], member)
    else
      redis.call('ZREM', KEYS[1], member)
    end
    redis.call('HDEL', KEYS[2], member)
  end
  return 1
end

local out = {}
local a = 1
for k = 3, #KEYS, 2 do
  local ok, res = pcall(advance, k, a)
  if ok then
    out[#out + 1] = res
  else
    out[#out + 1] = 'error: ' .. (type(res) == 'table' and tostring(res.err) or tostring(res))
  end
  a = a + 7
end
return out
