-- Extends the WhatsApp socket lock only while this holder still has it.
-- KEYS[1] the lock. ARGV[1] the holder's value of it, ARGV[2] the lease (ms). Returns 1 when extended, else 0.
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0
