/** `collusion serve [--port N] [--no-worker]`: the API (and the viewer) over HTTP until stopped. */
import { Command } from 'commander';
import { startServer } from '../../api/server';
import { loadConfig } from '../../lib/config';
import { say } from '../context';
import { EXIT } from '../exit-codes';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the REST API, the early-warning feed and the viewer; runs the job processors too unless --no-worker',
    )
    .option('--port <n>', 'port to listen on (default PORT or 3000)')
    .option('--no-worker', 'do not process load, rescore and webhook jobs here (run `collusion worker` elsewhere)')
    .action(async (flags: { port?: string; worker: boolean }) => {
      const port = flags.port === undefined ? undefined : Number(flags.port);
      if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
        program.error('collusion serve: --port must be a port number (1-65535)', { exitCode: EXIT.usage });
      }
      const server = await startServer(loadConfig(), { port, worker: flags.worker, log: say });
      say(`API on ${server.url}/api/v1 (OpenAPI: ${server.url}/api/openapi.json)`);
      console.log(`admin key (local, kept in the data dir):\n${server.adminKey}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      say('stopping…');
      await server.close();
    });
}
