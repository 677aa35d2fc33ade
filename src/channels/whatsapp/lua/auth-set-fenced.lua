-- Sets the WhatsApp credentials only while the caller's socket-lock value is the current one.
-- KEYS[1] the socket lock, KEYS[2] the credentials. ARGV[1] the caller's lock value, ARGV[2] the sealed
-- credentials. Fails with FENCED when the lock is held by another (or nobody).
if redis.call('get', KEYS[1]) ~= ARGV[1] then return redis.error_reply('FENCED') end
return redis.call('set', KEYS[2], ARGV[2])
