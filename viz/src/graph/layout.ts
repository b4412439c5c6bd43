/**
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker) with start, stop and a
 * time limit; the worker is created on first start and killed when the graph is replaced.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ViewGraph } from './model';

export class Layout {
  private supervisor: FA2Layout | null = null;
  private timer: number | undefined;

  constructor(
    private readonly graph: ViewGraph,
    private readonly onChange: (running: boolean) => void,
  ) {}

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  /** Starts the layout; with `forMs`, stops it by itself after that long. */
  start(forMs?: number): void {
    if (this.graph.order === 0) return;
    if (!this.supervisor) {
      this.supervisor = new FA2Layout(this.graph, {
        settings: { ...forceAtlas2.inferSettings(this.graph), slowDown: 5, barnesHutOptimize: this.graph.order > 500 },
      });
    }
    this.supervisor.start();
    window.clearTimeout(this.timer);
    if (forMs) this.timer = window.setTimeout(() => this.stop(), forMs);
    this.onChange(true);
  }

  stop(): void {
    window.clearTimeout(this.timer);
    this.supervisor?.stop();
    this.onChange(false);
  }

  toggle(): void {
    if (this.running) this.stop();
    else this.start();
  }

  /** Kills the worker (before the graph is cleared and refilled). */
  kill(): void {
    window.clearTimeout(this.timer);
    this.supervisor?.kill();
    this.supervisor = null;
    this.onChange(false);
  }
}
