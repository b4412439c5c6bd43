/**
 * "Does Bolt answer on this port?" with a real Bolt handshake over a plain socket: the embedded Neo4j is
 * only ready when Bolt negotiates a version, and a port taken by another program must not pass for it.
 */
import { probe } from '../internal/net';

/** Bolt magic preamble followed by four version proposals (5.4, 5.0, 4.4, 4.0), each as 00 00 minor major. */
const HANDSHAKE = Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 0, 4, 5, 0, 0, 0, 5, 0, 0, 4, 4, 0, 0, 0, 4]);

/** `bolt`: a Bolt server agreed a version; `other`: something else listens; `closed`: nothing listens. */
export type BoltAnswer = 'bolt' | 'other' | 'closed';

/**
 * Performs the Bolt handshake against host:port.
 * @example
 * if ((await boltHandshake('127.0.0.1', 7687)) === 'bolt') console.log('Neo4j is up');
 */
export async function boltHandshake(host: string, port: number, timeoutMs = 2000): Promise<BoltAnswer> {
  const result = await probe(host, port, HANDSHAKE, { expectBytes: 4, timeoutMs });
  if (result.kind === 'refused') return 'closed';
  // A Bolt server replies with the agreed version as 00 00 minor major; four bytes of text must not pass.
  const bytes = result.kind === 'reply' ? result.bytes : Buffer.alloc(0);
  const agreed = bytes.length === 4 && bytes[0] === 0 && bytes[1] === 0 && bytes.readUInt32BE(0) !== 0;
  return agreed ? 'bolt' : 'other';
}
