/**
 * Visual state of the graph view, kept apart from the data: what is hovered, selected, on the
 * shortest path, and hidden by the time bar. The reducers read it; nothing here touches the graph.
 */

export interface ViewState {
  hovered: string | null;
  /** Selected nodes, oldest first (two of them define a shortest-path query). */
  selected: string[];
  pathNodes: Set<string>;
  pathEdges: Set<string>;
  /** Inclusive ISO date bounds of the time bar, or null when it shows everything. */
  timeRange: [string, string] | null;
  /** Nodes whose every dated edge lies outside the time range. */
  timeHiddenNodes: Set<string>;
}

export function emptyViewState(): ViewState {
  return {
    hovered: null,
    selected: [],
    pathNodes: new Set(),
    pathEdges: new Set(),
    timeRange: null,
    timeHiddenNodes: new Set(),
  };
}

/** Selects a node; with `add` (shift-click), toggles it beside the previous one (at most two). */
export const select =
  (node: string | null, add: boolean) =>
  (state: ViewState): ViewState => {
    if (node === null) return { ...state, selected: [] };
    if (!add) return { ...state, selected: [node] };
    if (state.selected.includes(node)) return { ...state, selected: state.selected.filter((n) => n !== node) };
    return { ...state, selected: [...state.selected, node].slice(-2) };
  };

export const hover =
  (node: string | null) =>
  (state: ViewState): ViewState => ({ ...state, hovered: node });

export const showPath =
  (nodes: string[], edges: string[]) =>
  (state: ViewState): ViewState => ({ ...state, pathNodes: new Set(nodes), pathEdges: new Set(edges) });

/** Whether an edge's date lies in the time range (undated edges always do). */
export function inTimeRange(state: ViewState, date: string | undefined): boolean {
  if (!state.timeRange || !date) return true;
  const day = date.slice(0, 10);
  return day >= state.timeRange[0] && day <= state.timeRange[1];
}
