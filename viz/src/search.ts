/**
 * The search box: organisations, people, experts, projects and lots by id prefix, name or USCC
 * (GET /search); a result opens the entity, lot or project view.
 */
import type { ApiClient } from './api-client';
import { el, fill } from './dom';
import { linkTo, type Route } from './router';
import type { SearchItem } from './types';

function routeOf(item: SearchItem): Route {
  if (item.label === 'Lot') return { view: 'lot', id: item.id };
  if (item.label === 'Project') return { view: 'project', id: item.id };
  return { view: 'entity', id: item.id };
}

export function mountSearch(form: HTMLFormElement, results: HTMLElement, api: () => ApiClient): void {
  const box = form.querySelector('input');
  if (!box) throw new Error('viz: the search form has no input');
  let timer: number | undefined;
  const run = async () => {
    const q = box.value.trim();
    if (q.length < 2) {
      fill(results);
      results.hidden = true;
      return;
    }
    try {
      const { items } = await api().search(q);
      fill(
        results,
        items.length === 0
          ? el('li', { class: 'note', text: 'Nothing found in your jurisdiction.' })
          : el(
              'ul',
              {},
              items.map((item) =>
                el('li', {}, [
                  el('a', { attrs: { href: linkTo(routeOf(item)) }, on: { click: () => (results.hidden = true) } }, [
                    el('span', { class: 'label', text: item.label }),
                    el('span', { class: 'name', text: item.name ?? item.id }),
                    el('span', { class: 'id', text: `${item.id}${item.region ? ` · ${item.region}` : ''}` }),
                  ]),
                ]),
              ),
            ),
      );
    } catch (error) {
      fill(results, el('p', { class: 'error', text: (error as Error).message }));
    }
    results.hidden = false;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  box.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 250);
  });
}
