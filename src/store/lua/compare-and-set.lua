-- Replaces a value only if nobody changed it since it was read; the key keeps its TTL.
-- KEYS[1] the key. ARGV[1] the value read, ARGV[2] the new value. Returns 1 when replaced, else 0.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1
