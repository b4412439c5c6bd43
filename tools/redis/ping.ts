/**
 * "Does Redis answer on this port?" with a raw RESP `PING` over a plain socket, so a start can be awaited
 * and a port taken by another program told apart from our server without a client library.
 */
import { probe } from '../internal/net';

const PING = Buffer.from('*1\r\n$4\r\nPING\r\n');

/**
 * `pong`: Redis answered PING; `redis`: a Redis answered with an error (NOAUTH, LOADING…);
 * `other`: something else listens; `closed`: nothing listens.
 */
export type PingAnswer = 'pong' | 'redis' | 'other' | 'closed';

/**
 * Sends PING to host:port.
 * @example
 * if ((await ping('127.0.0.1', 6380)) === 'pong') console.log('Redis is up');
 */
export async function ping(host: string, port: number, timeoutMs = 2000): Promise<PingAnswer> {
  const result = await probe(host, port, PING, { expectBytes: '+PONG\r\n'.length, timeoutMs });
  if (result.kind === 'refused') return 'closed';
  const reply = result.kind === 'reply' ? result.bytes.toString('latin1') : '';
  if (reply.startsWith('+PONG')) return 'pong';
  return reply.startsWith('-') ? 'redis' : 'other';
}
