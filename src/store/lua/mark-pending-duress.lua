-- Marks the pending check-in as made with the duress word; the pair window starts here if this is its first
-- part. KEYS[1] the pending pair (a hash). ARGV[1] the window (ms).
redis.call('HSET', KEYS[1], 'mode', 'duress')
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
