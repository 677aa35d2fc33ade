// Container health check: healthy when /healthz (alive) and /readyz (Redis answers) both return 200.
// `web` and a webhook `bot` serve them on PORT; `worker` and a polling `bot` on HEALTH_PORT (set in compose.yml).
const ports = [...new Set([process.env.HEALTH_PORT, process.env.PORT || "3000"].filter(Boolean))];

async function healthy(port) {
  const get = (path) => fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(3000) });
  const replies = await Promise.all([get("/healthz"), get("/readyz")]);
  return replies.every((r) => r.ok);
}

for (const port of ports) {
  if (await healthy(port).catch(() => false)) process.exit(0);
}
process.exit(1);
