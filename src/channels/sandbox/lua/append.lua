-- Appends one entry to a sandbox chat log with the next sequence number, in one round trip.
-- KEYS[1] sequence counter, KEYS[2] the chat's log list.
-- ARGV[1] the entry as JSON without its opening brace (the sequence number goes first), ARGV[2] entries kept,
-- ARGV[3] the log's TTL (ms). Returns the sequence number.
local seq = redis.call('INCR', KEYS[1])
redis.call('RPUSH', KEYS[2], '{"seq":' .. seq .. ',' .. ARGV[1])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return seq
