-- Numbers the buttons of one message in the chat's choices hash: messages sent within the append window
-- continue the numbering, a later one starts again at 1.
-- KEYS[1] the chat's hash. ARGV[1] now (ms), ARGV[2] the append window (ms), ARGV[3] the hash's TTL (ms),
-- ARGV[4..] the buttons' data. Returns the first number used.
local now = tonumber(ARGV[1])
local last = tonumber(redis.call('HGET', KEYS[1], '_at') or '0')
local n = 0
if now - last <= tonumber(ARGV[2]) then n = tonumber(redis.call('HGET', KEYS[1], '_n') or '0') else redis.call('DEL', KEYS[1]) end
local first = n + 1
for i = 4, #ARGV do n = n + 1; redis.call('HSET', KEYS[1], tostring(n), ARGV[i]) end
redis.call('HSET', KEYS[1], '_n', tostring(n), '_at', tostring(now))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
return first
