-- PEXPIRE that only ever lengthens (a key without expiry gets one); Redis 7's PEXPIRE GT leaves such a key
-- without. KEYS[1] the key. ARGV[1] the TTL (ms) it must have at least. Returns the TTL before (PTTL).
local t = redis.call('pttl', KEYS[1])
if t ~= -2 and t < tonumber(ARGV[1]) then redis.call('pexpire', KEYS[1], ARGV[1]) end
return t
