/** The graph toolbar: layout start/stop, fit, expand, shortest path, exports; and the selection line. */
import { el, fill } from './dom';

export interface ToolbarActions {
  toggleLayout(): void;
  fit(): void;
  expand(): void;
  path(): void;
  clearPath(): void;
  exportPng(): void;
  exportGexf(): void;
  exportCsv(): void;
}

export class Toolbar {
  readonly layoutButton: HTMLButtonElement;
  private readonly selection = el('span', { class: 'selection' });

  constructor(root: HTMLElement, actions: ToolbarActions) {
    const button = (id: string, label: string, action: () => void, title = '') =>
      el('button', { text: label, attrs: { type: 'button', id, title }, on: { click: action } });
    this.layoutButton = button('layout', 'Start layout', actions.toggleLayout, 'ForceAtlas2 in a web worker');
    fill(
      root,
      this.layoutButton,
      button('fit', 'Fit', actions.fit),
      button('expand', 'Expand', actions.expand, 'Expand the selected node (or double-click it)'),
      button('path', 'Shortest path', actions.path, 'Between the two selected entities (shift-click the second)'),
      button('clear-path', 'Clear path', actions.clearPath),
      el('span', { class: 'spacer' }),
      button('export-png', 'PNG', actions.exportPng, 'Export an image of the graph'),
      button('export-gexf', 'GEXF', actions.exportGexf, 'Export the graph for Gephi'),
      button('export-csv', 'CSV', actions.exportCsv, 'Export nodes and edges as CSV'),
      this.selection,
    );
  }

  setLayoutRunning(running: boolean): void {
    this.layoutButton.textContent = running ? 'Stop layout' : 'Start layout';
  }

  /** Shows the selected nodes' names (as text). */
  setSelection(names: string[]): void {
    this.selection.textContent = names.length ? `Selected: ${names.join(' → ')}` : '';
  }
}
