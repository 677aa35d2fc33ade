-- Advances a trip's stage counter only if this exact stage of this exact deadline is the next one:
-- 1 for exactly one caller per (trip, deadline, stage), else 0.
-- KEYS[1] trip hash, KEYS[2] (optional) a sent marker to set first, for a message the stage already sent.
-- ARGV: trip id, deadline (ms), stage, '1' when the stage alerts others than the traveller, the marker's TTL (ms).
if KEYS[2] then redis.call('SET', KEYS[2], '1', 'PX', ARGV[5]) end
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'status') ~= 'active' then return 0 end
if redis.call('HGET', KEYS[1], 'deadline') ~= ARGV[2] then return 0 end
if tonumber(redis.call('HGET', KEYS[1], 'stage')) ~= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], 'stage', tonumber(ARGV[3]) + 1)
if ARGV[4] == '1' then redis.call('HSET', KEYS[1], 'escalated', '1') end
return 1
