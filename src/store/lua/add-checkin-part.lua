-- Adds one half of a check-in (photo or location) to the traveller's pending pair and, when both halves are
-- there, takes the pair out in the same step, so concurrent messages make exactly one check-in. The window
-- runs from the first half: it is set only when the pair is created.
-- KEYS[1] the pending pair (a hash). ARGV[1] the window (ms), ARGV[2] 'photo' or 'location', ARGV[3] its value.
-- Returns { photo replaced or false } while incomplete, { photo replaced or false, photo, location, mode or
-- false } once complete.
local key = KEYS[1]
local replaced = false
if ARGV[2] == 'photo' then replaced = redis.call('HGET', key, 'photo') end
redis.call('HSET', key, ARGV[2], ARGV[3])
if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[1]) end
if redis.call('HEXISTS', key, 'photo') == 1 and redis.call('HEXISTS', key, 'location') == 1 then
  local pair = { redis.call('HGET', key, 'photo'), redis.call('HGET', key, 'location') }
  local mode = redis.call('HGET', key, 'mode')
  redis.call('DEL', key)
  return { replaced, pair[1], pair[2], mode }
end
return { replaced }
