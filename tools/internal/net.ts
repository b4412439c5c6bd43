/**
 * Small TCP probes over node:net, so the service starters can tell "nothing listens", "something else
 * listens" and "our service answers" apart without a client library.
 */
import net from 'node:net';

/** What a probe found on a port. */
export type ProbeResult = { kind: 'refused' } | { kind: 'reply'; bytes: Buffer } | { kind: 'silent' };

/**
 * Connects, writes `request`, and collects the reply until `expectBytes` bytes arrived, the peer closed the
 * connection, or `timeoutMs` passed. A refused or unreachable port is `refused`; a listener that accepted
 * but sent nothing is `silent`.
 */
export function probe(
  host: string,
  port: number,
  request: Buffer,
  opts: { expectBytes: number; timeoutMs: number },
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let connected = false;
    const socket = net.connect({ host, port });
    const finish = (result: ProbeResult): void => {
      socket.destroy();
      resolve(result);
    };
    const collected = (): ProbeResult => {
      const bytes = Buffer.concat(chunks);
      return bytes.length > 0 ? { kind: 'reply', bytes } : { kind: connected ? 'silent' : 'refused' };
    };
    socket.setTimeout(opts.timeoutMs, () => finish(collected()));
    socket.on('connect', () => {
      connected = true;
      socket.write(request);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (Buffer.concat(chunks).length >= opts.expectBytes) finish(collected());
    });
    socket.on('error', () => finish(collected()));
    socket.on('close', () => finish(collected()));
  });
}

/** True when something accepts TCP connections on host:port. */
export function canConnect(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.on('connect', () => finish(true));
    socket.on('error', () => finish(false));
  });
}

/**
 * Finds `count` distinct ports that are free on 127.0.0.1 right now (held open together so they differ).
 * @example
 * const [boltPort, redisPort] = await freePorts(2);
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((server) => (server.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
