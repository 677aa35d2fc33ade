-- Takes a waiter out of the line (it gave up).
-- KEYS[1] waiters, KEYS[2] waiter info (as for pace-take.lua). ARGV[1] the ticket.
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 0
