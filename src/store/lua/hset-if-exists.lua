-- Sets fields of a hash only while the hash exists (it keeps its TTL). A record that expired meanwhile is not
-- brought back as a hash with a few fields and no expiry.
-- KEYS[1] the hash; ARGV field, value, field, value, ...
-- Returns 1 when set, 0 when the hash does not exist.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
