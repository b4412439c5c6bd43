/**
 * Small DOM helpers. Every piece of data reaches the page through textContent or an attribute
 * set with setAttribute, never through innerHTML, so a name like `<img src=x onerror=…>` shows
 * literally.
 */

export interface ElOptions {
  class?: string;
  text?: string | number | null;
  attrs?: Record<string, string>;
  /** CSS custom properties (set through the CSSOM, not an inline style attribute). */
  vars?: Record<string, string>;
  on?: Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
}

/** Creates an element with text, attributes, listeners and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElOptions = {},
  children: (Node | string | null | undefined)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const [name, value] of Object.entries(options.vars ?? {})) node.style.setProperty(name, value);
  for (const [type, listener] of Object.entries(options.on ?? {})) if (listener) node.addEventListener(type, listener);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** The element with this id, or an error naming it (the page is broken without it). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`viz: element #${id} is missing from index.html`);
  return node as T;
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: (Node | string | null | undefined)[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined));
}

/** Shows a message in the status line (text only). */
export function status(text: string, kind: 'info' | 'error' = 'info'): void {
  const line = document.getElementById('status');
  if (!line) return;
  line.textContent = text;
  line.className = kind;
}
