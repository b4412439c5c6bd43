/**
 * The render benchmark's page: draws a generated graph with the viewer's own sigma setup (node
 * shape program, arrow edges, labels) and measures time to first frame and frames per second
 * during a scripted pan/zoom, next to two baselines measured the same way in the same browser:
 * an empty sigma graph (the frame-rate ceiling) and a plain 2D canvas drawing the same points
 * and lines. bench/render.ts calls `window.runRenderBench` through playwright.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram } from 'sigma/rendering';
import { NodeShapeProgram } from '../src/graph/node-program';
import { mulberry32 } from '../../engine/stats/prng';

export interface BenchParams {
  mode: 'sigma' | 'empty-sigma' | 'canvas2d';
  nodes: number;
  edges: number;
  seconds: number;
  seed?: number;
  /** Edge program: the viewer's arrows (default), plain lines, or no edges at all. */
  edges_as?: 'arrow' | 'line' | 'none';
  labels?: boolean;
  /** Node program: the viewer's shapes with risk rings (default) or sigma's plain circles. */
  nodes_as?: 'shape' | 'circle';
}

export interface BenchResult extends BenchParams {
  first_frame_ms: number;
  frames: number;
  fps: number;
  p95_frame_ms: number;
  /** Main-thread time sigma spends issuing one render (the rest of a frame is the GPU, here SwiftShader). */
  cpu_ms_per_render?: number;
}

/** Clustered positions (like a laid-out graph) and mostly local edges. */
function generate(nodes: number, edges: number, seed: number): Graph {
  const rand = mulberry32(seed);
  const graph = new Graph({ multi: true });
  const clusters = Math.max(1, Math.round(nodes / 150));
  const centres = Array.from({ length: clusters }, () => [rand() * 1000, rand() * 1000]);
  const colors = ['#2f6fb3', '#3f9b5a', '#8a56b8', '#e0a526', '#8c8c8c'];
  for (let i = 0; i < nodes; i++) {
    const [cx, cy] = centres[i % clusters];
    const risk = rand() ** 4;
    graph.addNode(String(i), {
      x: cx + (rand() - 0.5) * 80,
      y: cy + (rand() - 0.5) * 80,
      size: 3 + 10 * risk,
      color: colors[i % colors.length],
      shape: i % 4,
      ringColor: risk > 0.5 ? '#d7191c' : '#ffffff',
      ringWidth: 0.2,
      label: `Node ${i}`,
    });
  }
  for (let e = 0; e < edges; e++) {
    const a = Math.floor(rand() * nodes);
    const local = rand() < 0.85;
    const b = local ? (a + clusters * (1 + Math.floor(rand() * 20))) % nodes : Math.floor(rand() * nodes);
    if (a !== b) graph.addEdge(String(a), String(b), { size: 1, color: '#c0c6cc' });
  }
  return graph;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Pans and zooms for `seconds`, one camera step per animation frame; returns frame intervals. */
async function panZoom(seconds: number, step: (t: number) => void): Promise<number[]> {
  const intervals: number[] = [];
  const start = await nextFrame();
  let last = start;
  for (;;) {
    const now = await nextFrame();
    intervals.push(now - last);
    last = now;
    const t = (now - start) / 1000;
    if (t >= seconds) break;
    step(t);
  }
  return intervals;
}

function summarise(params: BenchParams, firstFrame: number, intervals: number[]): BenchResult {
  const total = intervals.reduce((a, b) => a + b, 0);
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    ...params,
    first_frame_ms: Math.round(firstFrame),
    frames: intervals.length,
    fps: Math.round((intervals.length / (total / 1000)) * 10) / 10,
    p95_frame_ms: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
  };
}

async function benchSigma(params: BenchParams, stage: HTMLElement): Promise<BenchResult> {
  const graph = params.mode === 'empty-sigma' ? new Graph() : generate(params.nodes, params.edges, params.seed ?? 1);
  await nextFrame();
  const started = performance.now();
  const renderer = new Sigma(graph, stage, {
    defaultNodeType: 'shape',
    nodeProgramClasses: { shape: params.nodes_as === 'circle' ? NodeCircleProgram : NodeShapeProgram },
    edgeProgramClasses: { straight: params.edges_as === 'line' ? EdgeLineProgram : EdgeArrowProgram },
    defaultEdgeType: 'straight',
    labelRenderedSizeThreshold: 8,
    renderLabels: params.labels !== false,
    ...(params.edges_as === 'none' ? { edgeReducer: () => ({ hidden: true }) } : {}),
  });
  let renders = 0;
  let renderStart = 0;
  let renderMs = 0;
  renderer.on('beforeRender', () => (renderStart = performance.now()));
  renderer.on('afterRender', () => {
    renders++;
    renderMs += performance.now() - renderStart;
  });
  await nextFrame();
  const firstFrame = performance.now() - started;
  const camera = renderer.getCamera();
  renders = 0;
  renderMs = 0;
  const intervals = await panZoom(params.seconds, (t) => {
    camera.setState({
      x: 0.5 + 0.3 * Math.cos(t * 1.5),
      y: 0.5 + 0.3 * Math.sin(t * 1.5),
      ratio: 0.35 + 0.6 * (0.5 + 0.5 * Math.sin(t * 2)),
    });
  });
  renderer.kill();
  const result = summarise(params, firstFrame, intervals);
  return {
    ...result,
    frames: renders,
    fps: Math.round((renders / params.seconds) * 10) / 10,
    cpu_ms_per_render: Math.round(renderMs / Math.max(1, renders)),
  };
}

async function benchCanvas(params: BenchParams, stage: HTMLElement): Promise<BenchResult> {
  const graph = generate(params.nodes, params.edges, params.seed ?? 1);
  const xs = new Float32Array(graph.order);
  const ys = new Float32Array(graph.order);
  const index = new Map<string, number>();
  graph.forEachNode((node, a) => {
    index.set(node, index.size);
    xs[index.size - 1] = a.x;
    ys[index.size - 1] = a.y;
  });
  const pairs = new Uint32Array(graph.size * 2);
  let k = 0;
  graph.forEachEdge((_e, _a, s, t) => {
    pairs[k++] = index.get(s) ?? 0;
    pairs[k++] = index.get(t) ?? 0;
  });
  const canvas = document.createElement('canvas');
  canvas.width = stage.clientWidth;
  canvas.height = stage.clientHeight;
  stage.append(canvas);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('bench: no 2D context');
  const draw = (cx: number, cy: number, zoom: number) => {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(zoom, 0, 0, zoom, canvas.width / 2 - cx * zoom, canvas.height / 2 - cy * zoom);
    ctx.strokeStyle = '#c0c6cc';
    ctx.beginPath();
    for (let i = 0; i < pairs.length; i += 2) {
      ctx.moveTo(xs[pairs[i]], ys[pairs[i]]);
      ctx.lineTo(xs[pairs[i + 1]], ys[pairs[i + 1]]);
    }
    ctx.stroke();
    ctx.fillStyle = '#2f6fb3';
    for (let i = 0; i < xs.length; i++) ctx.fillRect(xs[i] - 2, ys[i] - 2, 4, 4);
  };
  await nextFrame();
  const started = performance.now();
  draw(500, 500, Math.min(canvas.width, canvas.height) / 1000);
  await nextFrame();
  const firstFrame = performance.now() - started;
  const intervals = await panZoom(params.seconds, (t) =>
    draw(
      500 + 300 * Math.cos(t * 1.5),
      500 + 300 * Math.sin(t * 1.5),
      (0.6 + 1.4 * (0.5 + 0.5 * Math.sin(t * 2))) * (canvas.height / 1000),
    ),
  );
  canvas.remove();
  return summarise(params, firstFrame, intervals);
}

declare global {
  interface Window {
    runRenderBench: (params: BenchParams) => Promise<BenchResult>;
  }
}

window.runRenderBench = async (params) => {
  const stage = document.getElementById('stage');
  if (!stage) throw new Error('bench: #stage missing');
  stage.replaceChildren();
  return params.mode === 'canvas2d' ? benchCanvas(params, stage) : benchSigma(params, stage);
};
