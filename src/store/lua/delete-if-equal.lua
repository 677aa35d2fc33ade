-- Deletes a key only while it still holds the given value (a lock or claim given back by its holder only).
-- KEYS[1] the key. ARGV[1] the value it must hold. Returns 1 when deleted, else 0.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
