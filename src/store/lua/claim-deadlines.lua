-- Takes the deadlines that are due, for one worker to fire: each is leased (its score moves to the lease's
-- end), so no other worker takes it meanwhile, and one whose worker dies is due again when the lease ends.
-- KEYS[1] the due deadlines (a sorted set: member a deadline, score when it is next looked at).
-- ARGV[1] now (ms), ARGV[2] how many at most, ARGV[3] the lease's end (ms).
-- Returns { the members taken, the earliest score left (after the leases) or false when none }.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[3], member) end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return { due, first[2] or false }
