/**
 * The viewer's controller: signs in, follows the deep link in the fragment, fills the graph and
 * the side panel for a flag, lot, project or entity, and wires the toolbar, time bar and legend.
 * The statistics dashboard (`#stats`) replaces the investigation area while it is open.
 * `window.__viewer` exposes the graph and a few actions for the browser tests.
 */
import { ApiClient, ApiError } from './api-client';
import { byId, status } from './dom';
import { canExpand, expandNode, findPath } from './explore';
import { FlagList } from './flag-list';
import { GraphView } from './graph/graph-view';
import { download, exportCsv, exportGexf, exportPng } from './graph/export';
import { Layout } from './graph/layout';
import { renderLegend } from './graph/legend';
import { lotGraph } from './graph/lot-graph';
import { mergeAnswer } from './graph/model';
import { TimeBar } from './graph/time-bar';
import { select, showPath } from './graph/view-state';
import { showLogin } from './login';
import { renderFlagPanel } from './panels/flag-panel';
import { renderEntityPanel, renderLotPanel, renderProjectPanel } from './panels/record-panel';
import { onRoute, type Route } from './router';
import { mountSearch } from './search';
import { currentKey, signOut, takeKeyFromFragment } from './session';
import { Dashboard } from './stats/dashboard';
import { Toolbar } from './toolbar';
import type { LotAnswer } from './types';

/** Lots of a flag drawn at most (a cartel flag can cite many). */
const MAX_LOTS = 8;

export class Viewer {
  private client: ApiClient | null = null;
  private readonly graphView: GraphView;
  private readonly layout: Layout;
  private readonly timeBar: TimeBar;
  private readonly toolbar: Toolbar;
  private readonly panel = byId('panel');
  private readonly dashboard: Dashboard;
  private statsShown = false;
  private flagList: FlagList | null = null;
  private opened = 0;
  private routed = false;
  /** Loads in flight; the tests wait for 0. */
  busy = 0;
  /** The last route fully drawn ("flag=F-1"); the tests wait for it. */
  loaded = '';

  constructor() {
    this.graphView = new GraphView(byId('graph'), {
      clickNode: (node, event) => this.clickNode(node, event.shiftKey),
      doubleClickNode: (node) => void this.expand(node),
      clickStage: () => this.selectNode(null, false),
      changed: () => undefined,
    });
    this.layout = new Layout(this.graphView.graph, (running) => this.toolbar?.setLayoutRunning(running));
    this.timeBar = new TimeBar(byId('time-bar'), this.graphView);
    this.toolbar = new Toolbar(byId('toolbar'), {
      toggleLayout: () => this.layout.toggle(),
      fit: () => this.graphView.fit(),
      expand: () => void this.expand(this.graphView.view.selected.at(-1) ?? null),
      path: () => void this.path(),
      clearPath: () => this.graphView.update(showPath([], [])),
      exportPng: () => void exportPng(this.graphView).catch((e: Error) => status(e.message, 'error')),
      exportGexf: () => exportGexf(this.graphView),
      exportCsv: () => exportCsv(this.graphView),
    });
    renderLegend(byId('legend'));
    this.dashboard = new Dashboard(
      byId('stats-view'),
      () => this.api,
      (what, work) => this.task(what, work),
    );
    byId('sign-out').addEventListener('click', () => {
      signOut();
      location.hash = '';
      location.reload();
    });
  }

  get api(): ApiClient {
    if (!this.client) throw new Error('viz: not signed in');
    return this.client;
  }

  get graph() {
    return this.graphView.graph;
  }

  get sigma() {
    return this.graphView.sigma;
  }

  start(): void {
    takeKeyFromFragment();
    const key = currentKey();
    if (key) this.signedIn(key);
    else showLogin((k) => this.signedIn(k));
  }

  private signedIn(key: string): void {
    this.client = new ApiClient(key);
    byId('login').hidden = true;
    byId('app').hidden = false;
    this.graphView.sigma.resize();
    if (!this.flagList) {
      this.flagList = new FlagList(byId('flag-list'), () => this.api);
      mountSearch(byId<HTMLFormElement>('search'), byId('search-results'), () => this.api);
    }
    void this.flagList.load();
    if (!this.routed) {
      this.routed = true;
      onRoute((route) => void this.open(route));
    }
  }

  /** Runs a load, reporting errors; a 401 sends the user back to sign-in. */
  private async task<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
    this.busy++;
    status(`${what}…`);
    try {
      const result = await work();
      status('');
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        signOut();
        showLogin((k) => this.signedIn(k), 'That key was not accepted; paste a valid API key.');
      } else if (error instanceof ApiError && error.status === 404) {
        status(`${what}: not found in your jurisdiction`, 'error');
      } else {
        status(`${what}: ${(error as Error).message}`, 'error');
      }
      return undefined;
    } finally {
      this.busy--;
    }
  }

  async open(route: Route): Promise<void> {
    const ticket = ++this.opened;
    const current = () => ticket === this.opened;
    this.showStats(route.view === 'stats');
    if (route.view === 'stats') {
      await this.task('Loading statistics', () => this.dashboard.load());
      if (current()) this.loaded = 'stats';
      return;
    }
    if (route.view === 'list') {
      this.panel.replaceChildren();
      this.loaded = 'list';
      return;
    }
    await this.task(`Opening ${route.view} ${route.id}`, async () => {
      if (route.view === 'flag') await this.openFlag(route.id, current);
      else if (route.view === 'lot') await this.openLot(route.id, current);
      else if (route.view === 'project') await this.openProject(route.id, current);
      else await this.openEntity(route.id, current);
      if (current()) this.loaded = `${route.view}=${route.id}`;
    });
  }

  /** Shows the dashboard instead of the flag list, graph and panel (or back). */
  private showStats(on: boolean): void {
    if (on === this.statsShown) return;
    this.statsShown = on;
    byId('stats-view').hidden = !on;
    byId('investigate').hidden = on;
    for (const link of document.querySelectorAll('#nav a')) {
      if ((link.getAttribute('href') === '#stats') === on) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (on) this.dashboard.resize();
    else this.graphView.sigma.resize();
  }

  private async openFlag(id: string, current: () => boolean): Promise<void> {
    const flag = await this.api.flag(id);
    const lots = await Promise.all(flag.lots.slice(0, MAX_LOTS).map((lot) => this.api.lot(lot)));
    if (!current()) return;
    renderFlagPanel(this.panel, flag, lots, {
      triage: (status, note) => this.api.triage(flag.id, status, note || undefined),
      caseFile: (redact) => this.downloadCase('flags', flag.id, redact),
    });
    await this.drawLots(lots, current);
    const inGraph = flag.entities.filter((e) => this.graph.hasNode(e));
    this.graphView.update((s) => ({ ...s, selected: inGraph.slice(0, 1) }));
  }

  private async openLot(id: string, current: () => boolean): Promise<void> {
    const answer = await this.api.lot(id);
    if (!current()) return;
    renderLotPanel(this.panel, answer);
    await this.drawLots([answer], current);
  }

  private async openProject(id: string, current: () => boolean): Promise<void> {
    const answer = await this.api.project(id);
    if (!current()) return;
    renderProjectPanel(this.panel, answer);
    this.reset();
    for (const lot of answer.lots) {
      mergeAnswer(this.graph, lotGraph(lot, { project: answer.project, tenderer: answer.tenderer }));
    }
    this.drawn();
  }

  private async openEntity(id: string, current: () => boolean): Promise<void> {
    const [entity, graph] = await Promise.all([this.api.entity(id), this.api.entityGraph(id, { depth: 1, limit: 60 })]);
    if (!current()) return;
    renderEntityPanel(this.panel, entity, {
      communityCase: (community) => (redact) => this.downloadCase('communities', community, redact),
    });
    this.reset();
    mergeAnswer(this.graph, graph);
    this.drawn();
    if (this.graph.hasNode(id)) this.graphView.update(select(id, false));
  }

  /** Fetches a case file (案卷) with the session's key and offers it for download. */
  async downloadCase(kind: 'flags' | 'communities', id: string, redact: boolean): Promise<void> {
    const { blob, name } = await this.api.caseFile(kind, id, { redact });
    download(blob, name);
  }

  /** Draws lots with their project's tenderer (the project record is read once per project). */
  private async drawLots(lots: LotAnswer[], current: () => boolean): Promise<void> {
    const projects = [...new Set(lots.map((l) => l.project.id))];
    const tenderers = new Map(
      await Promise.all(
        projects.map(async (p) => [p, (await this.api.project(p).catch(() => null))?.tenderer ?? null] as const),
      ),
    );
    if (!current()) return;
    this.reset();
    for (const { lot, project } of lots) {
      mergeAnswer(this.graph, lotGraph(lot, { project, tenderer: tenderers.get(project.id) }));
    }
    this.drawn();
  }

  private reset(): void {
    this.layout.kill();
    this.graphView.clear();
  }

  /** After a new graph: time bar, a short layout run, framing. */
  private drawn(): void {
    this.graphView.tune();
    this.timeBar.rebuild();
    this.toolbar.setSelection([]);
    this.layout.start(2500);
    this.graphView.fit();
  }

  private clickNode(node: string, add: boolean): void {
    if (this.graph.getNodeAttribute(node, 'kind') === 'more' && node.startsWith('more:')) {
      void this.expand(node);
      return;
    }
    this.selectNode(node, add);
  }

  selectNode(node: string | null, add: boolean): void {
    this.graphView.update(select(node, add));
    this.toolbar.setSelection(this.graphView.view.selected.map((n) => this.graph.getNodeAttribute(n, 'label')));
  }

  async expand(node: string | null): Promise<number> {
    if (!node || !this.graph.hasNode(node)) {
      status('Select an organisation, person or expert to expand', 'error');
      return 0;
    }
    if (!canExpand(this.graphView, node)) {
      status('Only organisations, people and experts can be expanded', 'error');
      return 0;
    }
    const added = await this.task(`Expanding ${node}`, () => expandNode(this.graphView, this.api, node));
    this.graphView.tune();
    this.timeBar.rebuild();
    if (added) this.layout.start(1500);
    return added ?? 0;
  }

  async path(): Promise<number | null> {
    const [from, to] = this.graphView.view.selected;
    if (!from || !to) {
      status('Select two entities (click one, shift-click the other)', 'error');
      return null;
    }
    const length = await this.task(`Shortest path ${from} → ${to}`, () => findPath(this.graphView, this.api, from, to));
    if (length === null) status(`No connection between ${from} and ${to} within reach`, 'info');
    this.timeBar.rebuild();
    return length ?? null;
  }

  /** What the browser tests read. */
  get testHook() {
    return {
      viewer: this,
      nodeCount: () => this.graph.order,
      edgeCount: () => this.graph.size,
      nodes: () => this.graph.nodes(),
      busy: () => this.busy,
      loaded: () => this.loaded,
      select: (node: string, add = false) => this.selectNode(node, add),
      expand: (node: string) => this.expand(node),
      path: () => this.path(),
      stopLayout: () => this.layout.stop(),
      barPoint: (chart: string, index: number) => this.dashboard.barPoint(chart, index),
    };
  }
}
