/**
 * Security headers on every response of the web server (@fastify/helmet): a Content-Security-Policy that allows
 * scripts and styles from this site only (no inline script or style anywhere), no framing, no MIME sniffing,
 * and a same-origin referrer (the dashboard's cross-origin check needs browsers to send a real Origin).
 */
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export const CSP_DIRECTIVES = {
  "default-src": ["'none'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  // blob: for the sandbox's preview of a chosen photo; data: for small inline images.
  "img-src": ["'self'", "data:", "blob:"],
  "connect-src": ["'self'"],
  "font-src": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "base-uri": ["'none'"],
  "object-src": ["'none'"],
} as const;

/** The policy as a header value, for a route that must change one directive (bull-board's inline styles). */
export function cspHeader(overrides: Partial<Record<keyof typeof CSP_DIRECTIVES, readonly string[]>> = {}): string {
  return Object.entries({ ...CSP_DIRECTIVES, ...overrides })
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export async function registerSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  await fastify.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES } },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    // Browsers only heed it over HTTPS; no includeSubDomains: other hosts of the NGO's domain are not ours to decide.
    strictTransportSecurity: { maxAge: 180 * 86_400, includeSubDomains: false },
  });
}
