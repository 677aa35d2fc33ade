-- Counts a failure of a deadline's firing and moves its timer to the retry: after firstMs, then twice as
-- long each failure in a row, up to maxMs. Only while the deadline is scheduled: a cancelled one stays
-- cancelled, and leaves no count behind.
-- KEYS[1] the due deadlines (a sorted set), KEYS[2] their failure counts (a hash).
-- ARGV[1] the member, ARGV[2] now (ms), ARGV[3] firstMs, ARGV[4] maxMs.
-- Returns the failures in a row, or 0 when the deadline is not scheduled.
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
local failures = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
local wait = math.min(tonumber(ARGV[3]) * 2 ^ math.min(failures - 1, 40), tonumber(ARGV[4]))
redis.call('ZADD', KEYS[1], 'XX', tonumber(ARGV[2]) + wait, ARGV[1])
return failures
