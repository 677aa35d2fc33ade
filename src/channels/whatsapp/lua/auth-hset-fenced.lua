-- Sets (value) or deletes (empty value) WhatsApp signal-key fields, only under the current socket-lock value.
-- KEYS[1] the socket lock, KEYS[2] the signal keys (a hash). ARGV[1] the caller's lock value, then field,
-- value pairs. Fails with FENCED when the lock is held by another (or nobody); nothing is written then.
if redis.call('get', KEYS[1]) ~= ARGV[1] then return redis.error_reply('FENCED') end
for i = 2, #ARGV, 2 do
  if ARGV[i + 1] == '' then redis.call('hdel', KEYS[2], ARGV[i]) else redis.call('hset', KEYS[2], ARGV[i], ARGV[i + 1]) end
end
return 1
