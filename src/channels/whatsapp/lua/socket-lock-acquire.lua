-- Takes the WhatsApp socket lock when free, with the next fencing token.
-- KEYS[1] the lock, KEYS[2] the fencing counter. ARGV[1] this process's owner id, ARGV[2] the lease (ms).
-- Returns the lock's value ("<token>:<owner>"), or nil when another process holds it.
if redis.call('exists', KEYS[1]) == 1 then return nil end
local token = redis.call('incr', KEYS[2])
local value = token .. ':' .. ARGV[1]
redis.call('set', KEYS[1], value, 'PX', ARGV[2])
return value
