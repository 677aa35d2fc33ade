-- What deadline firings read, and the send claim of the reminder each is about to send: many firings in one
-- call (the firings of one event-loop turn, see src/store/batcher.ts), each as if alone.
-- A firing's stage is the trip's own (one deadline walks its stages): its reminder is claimed only when this
-- is the firing's trip and deadline, still active, and that stage is due, which is exactly when it fires.
-- KEYS, per firing: its trip hash, person hash, the person's data key, then one key per ladder stage: the
-- sent marker of the stage's reminder, or the trip hash for a stage without one.
-- ARGV[1] the claim's TTL (ms), ARGV[2] n, the number of person fields, ARGV[3..2+n] the person fields,
-- ARGV[3+n] s, the number of ladder stages; then per firing: '1' to read the data key, trip id, deadline (ms),
-- due by (ms), and each stage's due time (ms) in ladder order.
-- Returns one entry per firing: { trip as HGETALL, person fields as HMGET, data key or false,
-- 'claimed' | 'sent' | 'busy' | false, the stage whose reminder the claim is for, or false }; or, for a firing
-- whose records cannot be read (a key of the wrong type), the error as a string: the others are not held up.
local n = tonumber(ARGV[2])
local s = tonumber(ARGV[3 + n])
local fields = { unpack(ARGV, 3, 2 + n) }

local function load(k, a)
  local tripKey = KEYS[k]
  local trip = redis.call('HGETALL', tripKey)
  local person = redis.call('HMGET', KEYS[k + 1], unpack(fields))
  local dek = false
  if ARGV[a] == '1' then dek = redis.call('GET', KEYS[k + 2]) end
  local h = {}
  for i = 1, #trip, 2 do h[trip[i]] = trip[i + 1] end
  local claim = false
  local claimed = false
  if h.id == ARGV[a + 1] and h.status == 'active' and h.deadline == ARGV[a + 2] then
    local stage = tonumber(h.stage or '0')
    local marker = stage < s and KEYS[k + 3 + stage]
    if marker and marker ~= tripKey and tonumber(ARGV[a + 4 + stage]) <= tonumber(ARGV[a + 3]) then
      claimed = stage
      if redis.call('SET', marker, 'claimed', 'PX', ARGV[1], 'NX') then
        claim = 'claimed'
      elseif redis.call('GET', marker) == '1' then
        claim = 'sent'
      else
        claim = 'busy'
      end
    end
  end
  return { trip, person, dek, claim, claimed }
end

local out = {}
local k, a = 1, 4 + n
while k <= #KEYS do
  local ok, res = pcall(load, k, a)
  if ok then
    out[#out + 1] = res
  else
    out[#out + 1] = 'error: ' .. (type(res) == 'table' and tostring(res.err) or tostring(res))
  end
  k = k + 3 + s
  a = a + 4 + s
end
return out
