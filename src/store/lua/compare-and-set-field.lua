-- Replaces a hash field only if nobody changed it since it was read (a missing field never matches).
-- KEYS[1] the hash. ARGV[1] the field, ARGV[2] the value read, ARGV[3] the new value.
-- Returns 1 when replaced, else 0.
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
