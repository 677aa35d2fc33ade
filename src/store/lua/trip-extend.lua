-- Moves an active trip's deadline (its stages start again), only if it is still this trip and still active.
-- KEYS[1] the trip hash, KEYS[2] who was alerted (unused, kept for the caller's key list), KEYS[3] the active
-- trips (a sorted set by deadline). ARGV[1] trip id, ARGV[2] new deadline (ms), ARGV[3] new expiry (ms),
-- ARGV[4] the traveller id. Returns 1 when extended, else 0.
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'status') ~= 'active' then return 0 end
redis.call('HSET', KEYS[1], 'deadline', ARGV[2], 'stage', 0, 'expireAt', ARGV[3])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[4])
return 1
