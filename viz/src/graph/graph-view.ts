/**
 * One sigma instance over one graphology graph, reused for every flag, lot or entity opened:
 * node and edge programs, reducers fed by the view state, hover and click events.
 */
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram } from 'sigma/rendering';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { createGraph, type EdgeAttrs, type NodeAttrs, type ViewGraph } from './model';
import { NodeShapeProgram } from './node-program';
import { edgeReducer, LARGE_GRAPH_EDGES, nodeReducer } from './reducers';
import { emptyViewState, hover, type ViewState } from './view-state';

export interface GraphViewEvents {
  clickNode(node: string, event: MouseEvent): void;
  doubleClickNode(node: string): void;
  clickStage(): void;
  changed(): void;
}

export class GraphView {
  readonly graph: ViewGraph = createGraph();
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private state: ViewState = emptyViewState();

  constructor(container: HTMLElement, events: GraphViewEvents) {
    this.sigma = new Sigma<NodeAttrs, EdgeAttrs>(this.graph, container, {
      defaultNodeType: 'shape',
      nodeProgramClasses: { shape: NodeShapeProgram },
      edgeProgramClasses: { straight: EdgeArrowProgram, curved: EdgeCurvedArrowProgram, line: EdgeLineProgram },
      defaultEdgeType: 'straight',
      renderEdgeLabels: true,
      labelRenderedSizeThreshold: 8,
      labelDensity: 0.5,
      zIndex: true,
      allowInvalidContainer: true,
      nodeReducer: nodeReducer(this.graph, () => this.state),
      edgeReducer: edgeReducer(this.graph, () => this.state),
    });
    this.sigma.on('enterNode', ({ node }) => this.update(hover(node)));
    this.sigma.on('leaveNode', () => this.update(hover(null)));
    this.sigma.on('clickNode', ({ node, event }) => events.clickNode(node, event.original as MouseEvent));
    this.sigma.on('doubleClickNode', (payload) => {
      payload.preventSigmaDefault();
      events.doubleClickNode(payload.node);
    });
    this.sigma.on('clickStage', () => events.clickStage());
    this.graph.on('nodeAdded', () => events.changed());
    this.graph.on('cleared', () => events.changed());
  }

  get view(): ViewState {
    return this.state;
  }

  /** Applies a state transition and redraws without re-indexing the graph. */
  update(transition: (state: ViewState) => ViewState): void {
    this.state = transition(this.state);
    this.sigma.refresh({ skipIndexation: true });
  }

  /** Empties the graph and the visual state (a new flag or entity is opened). */
  clear(): void {
    this.state = emptyViewState();
    this.graph.clear();
  }

  /** Large graphs hide edges and labels while the camera moves (software WebGL cannot keep up otherwise). */
  tune(): void {
    const large = this.graph.size > LARGE_GRAPH_EDGES;
    this.sigma.setSetting('hideEdgesOnMove', large);
    this.sigma.setSetting('hideLabelsOnMove', large);
  }

  /** Frames the whole graph. */
  fit(): void {
    this.sigma.getCamera().animatedReset({ duration: 300 });
  }
}
