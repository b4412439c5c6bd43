/**
 * `npm run bench:render`: the viewer's sigma setup in headless Chromium (Debian's `chromium`, or
 * CHROMIUM_PATH) drawing generated graphs of 5k nodes / 20k edges and 10k / 50k: time to first
 * frame and frames per second during a scripted pan/zoom, next to two baselines measured in the
 * same run — an empty sigma graph (the frame-rate ceiling of this browser) and a plain 2D canvas
 * drawing the same points and lines. The sigma graph is drawn twice: with the viewer's arrow
 * edges (used below 5,000 edges) and with the line edges it switches to above. Goal: first frame ≤ 1.5 s, pan/zoom ≥ 30 fps. Prints JSON
 * and writes bench-results/render.json. Options: --seconds N (pan/zoom per run, default 5).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { option } from './options';
import { launchChromium } from '../tools/chromium';
import { projectRoot } from '../lib/paths';

const SIZES = [
  { nodes: 5_000, edges: 20_000 },
  { nodes: 10_000, edges: 50_000 },
];
const GOAL = { first_frame_ms: 1500, fps: 30 };
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/** Serves dist/viz-bench (built by viz/build.js) on a free loopback port. */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname) || 'index.html';
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main(): Promise<void> {
  const root = projectRoot();
  const dir = path.join(root, 'dist', 'viz-bench');
  if (!fs.existsSync(path.join(dir, 'app.js')))
    throw new Error('bench:render: dist/viz-bench is missing; run node viz/build.js');
  const seconds = Number(option('seconds') ?? 5);
  const browser = await launchChromium('bench:render');
  const server = await serve(dir);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => typeof (globalThis as { runRenderBench?: unknown }).runRenderBench === 'function');
    const renderer = String(
      await page.evaluate(`(() => {
        const gl = document.createElement('canvas').getContext('webgl');
        const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
        return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'unknown';
      })()`),
    );
    const run = (params: { mode: string; nodes: number; edges: number; edges_as?: string }) =>
      page.evaluate(
        (p) =>
          (
            globalThis as unknown as { runRenderBench: (x: unknown) => Promise<Record<string, number | string>> }
          ).runRenderBench(p),
        { ...params, seconds, seed: 7 },
      );
    const baseline = await run({ mode: 'empty-sigma', nodes: 0, edges: 0 });
    const results = [];
    for (const size of SIZES) {
      const arrows = await run({ mode: 'sigma', ...size, edges_as: 'arrow' });
      const lines = await run({ mode: 'sigma', ...size, edges_as: 'line' });
      const canvas = await run({ mode: 'canvas2d', ...size });
      results.push({
        ...size,
        sigma_arrow_edges: arrows,
        sigma_line_edges: lines,
        canvas2d_baseline: canvas,
        meets_goal: Number(lines.first_frame_ms) <= GOAL.first_frame_ms && Number(lines.fps) >= GOAL.fps,
      });
    }
    const report = {
      browser: browser.version(),
      webgl_renderer: renderer,
      seconds_per_run: seconds,
      goal: GOAL,
      empty_sigma_baseline: baseline,
      results,
    };
    const text = `${JSON.stringify(report, null, 2)}\n`;
    process.stdout.write(text);
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench-results', 'render.json'), text);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
