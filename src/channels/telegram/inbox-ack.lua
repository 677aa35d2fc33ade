-- An inbox entry was handled (or given up on): out of the group's pending list and out of the stream, together,
-- so that no acknowledged entry is left behind in the stream.
-- KEYS[1] the inbox stream. ARGV[1] the consumer group, ARGV[2] the entry id.
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return redis.call('XDEL', KEYS[1], ARGV[2])
