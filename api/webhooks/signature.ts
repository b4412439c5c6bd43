/**
 * Signing of webhook deliveries, so that a receiver can tell a delivery came from us and was not
 * altered. Every delivery is a POST of JSON with these headers:
 *
 * - `X-Collusion-Signature: sha256=<hex>`: HMAC-SHA256 of the raw request body (the bytes as
 *   received, before any JSON parsing), keyed with the webhook's secret (shown once, when the
 *   webhook was registered with `POST /api/v1/webhooks`).
 * - `X-Collusion-Delivery`: the delivery id. Retries of a delivery repeat it: process each id once.
 * - `X-Collusion-Timestamp`: Unix seconds when this attempt was sent.
 *
 * To check a delivery, a receiver computes the HMAC over the raw body with its secret and
 * compares it with the header in constant time, for example in Node:
 *
 * ```js
 * const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(rawBody).digest('hex');
 * const given = req.headers['x-collusion-signature'] ?? '';
 * const ok = given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
 * ```
 *
 * and answers 2xx only after it has stored the events (any other answer, or no answer within
 * 10 s, counts as a failed attempt, retried with exponential backoff). Events carry the flag's
 * feed cursor as `id`; the same flag may come again when it changes again (or, rarely, twice
 * for one change): keep the latest `changed_at` per flag id.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Collusion-Signature';
export const DELIVERY_HEADER = 'X-Collusion-Delivery';
export const TIMESTAMP_HEADER = 'X-Collusion-Timestamp';

/**
 * The signature header value of a body.
 * @example signBody('whsec_…', '{"webhook":"W-…"}') // 'sha256=3f1c…'
 */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Whether a signature header matches the body (constant-time comparison), as a receiver checks it.
 * @example verifySignature(secret, rawBody, req.headers['x-collusion-signature'])
 */
export function verifySignature(secret: string, body: string | Buffer, header: string | undefined): boolean {
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A new webhook secret: `whsec_` and 32 random bytes as hex. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`;
}
