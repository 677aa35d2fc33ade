-- Extends a worker's leases on the deadlines it is still firing: each only while its score is still that
-- worker's lease end (a firing that has moved its deadline on, or failed and set its retry, is left alone).
-- KEYS[1] the due deadlines (a sorted set). ARGV[1] the new lease end (ms), then pairs: member, its lease end.
-- Returns, per pair, 1 when extended, else 0.
local out = {}
for i = 2, #ARGV, 2 do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if score and tonumber(score) == tonumber(ARGV[i + 1]) then
    redis.call('ZADD', KEYS[1], 'XX', ARGV[1], ARGV[i])
    out[#out + 1] = 1
  else
    out[#out + 1] = 0
  end
end
return out
