-- Records that a recipient is about to be alerted, only while the trip is still this one and active; the
-- claim is what a correction later follows, and it lasts as long as the trip.
-- KEYS[1] the trip hash, KEYS[2] who was alerted (a hash). ARGV[1] trip id, ARGV[2] the recipient.
-- Returns 1 when claimed (or claimed already), 0 when the trip ended meanwhile.
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'status') ~= 'active' then return 0 end
redis.call('HSETNX', KEYS[2], ARGV[2], 'claimed')
redis.call('PEXPIREAT', KEYS[2], redis.call('HGET', KEYS[1], 'expireAt'))
return 1
