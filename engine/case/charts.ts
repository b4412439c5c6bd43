/**
 * The case file's two small charts as inline SVG: a lot's bids against its ceiling price (最高投标
 * 限价), and a timeline of a procedure (events of the project and its lots, bids submitted, panel
 * drawn). Pure functions of the model with fixed geometry, so the same case draws the same bytes.
 */
import { escapeHtml, money, when } from './html';
import type { CaseLot } from './model';
import { short } from './subgraph';

const fmt = (v: number) => String(Math.round(v * 10) / 10);

const CHART_WIDTH = 720;
const LABEL_WIDTH = 270;
const BAR_ROW = 22;

/**
 * Bids of a lot as bars (cheapest first) against the ceiling and estimate lines; the bids the
 * finding rests on in red, the winner starred, rejected bids pale. The axis starts near the lowest
 * value, not at zero, so that small differences show: the chart says where it starts.
 */
export function priceChart(lot: CaseLot): string {
  const bids = lot.bids.filter((b) => b.price !== undefined).sort((a, b) => (a.price as number) - (b.price as number));
  if (bids.length === 0) return '';
  const values = [
    ...bids.map((b) => b.price as number),
    ...(lot.ceiling ? [lot.ceiling] : []),
    ...(lot.estimate ? [lot.estimate] : []),
  ];
  const lo = Math.min(...values) * 0.97;
  const hi = Math.max(...values) * 1.01;
  const x0 = LABEL_WIDTH;
  const x1 = CHART_WIDTH - 90;
  const x = (v: number) => x0 + ((v - lo) / Math.max(1e-9, hi - lo)) * (x1 - x0);
  const top = 26;
  const height = top + bids.length * BAR_ROW + 34;
  const parts: string[] = [];
  bids.forEach((bid, i) => {
    const y = top + i * BAR_ROW;
    const fill = bid.cited ? '#d1495b' : '#9aa5b1';
    const opacity = bid.status === 'rejected' || bid.status === 'withdrawn' ? ' fill-opacity="0.35"' : '';
    const name = `${bid.won ? '★ ' : ''}${short(bid.bidderName ?? bid.bidder, 12)} ${bid.id}`;
    parts.push(`<text x="${x0 - 6}" y="${fmt(y + 14)}" class="pl">${escapeHtml(name)}</text>`);
    parts.push(
      `<rect x="${x0}" y="${fmt(y + 3)}" width="${fmt(Math.max(1, x(bid.price as number) - x0))}" height="${BAR_ROW - 6}" fill="${fill}"${opacity}/>`,
    );
    const status = bid.status && bid.status !== 'valid' ? ` (${bid.status})` : '';
    parts.push(
      `<text x="${fmt(x(bid.price as number) + 4)}" y="${fmt(y + 14)}" class="pv">${escapeHtml(money(bid.price) + status)}</text>`,
    );
  });
  const bottom = top + bids.length * BAR_ROW;
  const line = (value: number, color: string, text: string) => {
    const lx = fmt(x(value));
    parts.push(
      `<line x1="${lx}" y1="${top - 8}" x2="${lx}" y2="${fmt(bottom + 2)}" stroke="${color}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
    );
    parts.push(`<text x="${lx}" y="${top - 12}" class="pc" fill="${color}">${escapeHtml(text)}</text>`);
  };
  if (lot.ceiling) line(lot.ceiling, '#b2182b', `最高投标限价 ceiling ${money(lot.ceiling)}`);
  if (lot.estimate && lot.estimate !== lot.ceiling) line(lot.estimate, '#555', `估算 estimate ${money(lot.estimate)}`);
  parts.push(`<line x1="${x0}" y1="${fmt(bottom + 2)}" x2="${x1}" y2="${fmt(bottom + 2)}" stroke="#888"/>`);
  parts.push(
    `<text x="${x0}" y="${fmt(bottom + 18)}" class="pa">${escapeHtml(`轴起点 axis from ${money(Math.round(lo))} · 红色：案件所指投标 red: bids the finding rests on · ★ 中标 winner`)}</text>`,
  );
  return (
    `<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${fmt(height)}" width="${CHART_WIDTH}" height="${fmt(height)}" role="img" aria-label="${escapeHtml(`bids of ${lot.id}`)}">` +
    `<title>${escapeHtml(`标段 ${lot.id} 投标报价 Bids vs ceiling`)}</title>` +
    `<style>text{font-size:11px;fill:#222}.pl{text-anchor:end}.pc{text-anchor:middle;font-size:10px}.pa{font-size:10px;fill:#555}</style>` +
    `<rect x="0" y="0" width="${CHART_WIDTH}" height="${fmt(height)}" fill="#fff"/>` +
    parts.join('') +
    `</svg>`
  );
}

export interface TimelineEvent {
  at: string;
  what: string;
  /** Where it comes from: project, lot, bid, panel, flag. */
  source: string;
  /** Drawn stronger (e.g. a flagged bid, a time limit broken). */
  emphasis?: boolean;
}

/** Milliseconds of an ISO date or time; NaN when it is not one. */
export function timeOf(value: string): number {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value.length === 10 ? `${value}T00:00:00+08:00` : value) : NaN;
}

const COLOURS: Record<string, string> = {
  project: '#c77c1e',
  lot: '#e0a526',
  bid: '#2f6fb3',
  panel: '#8a56b8',
  flag: '#d1495b',
  triage: '#3f9b5a',
};

/** Events in time order, one row each, on a shared time axis (Beijing dates at its ticks). */
export function timelineChart(events: TimelineEvent[], title: string): string {
  const dated = events.filter((e) => Number.isFinite(timeOf(e.at)));
  if (dated.length === 0) return '';
  const sorted = [...dated].sort((a, b) => timeOf(a.at) - timeOf(b.at) || (a.what < b.what ? -1 : 1));
  const t0 = timeOf(sorted[0].at);
  const t1 = Math.max(t0 + 86_400_000, timeOf(sorted[sorted.length - 1].at));
  const x0 = 20;
  const x1 = 300;
  const x = (t: number) => x0 + ((t - t0) / (t1 - t0)) * (x1 - x0);
  const row = 17;
  const top = 30;
  const height = top + sorted.length * row + 16;
  const parts: string[] = [];
  const day = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
  parts.push(`<line x1="${x0}" y1="${top - 8}" x2="${x1}" y2="${top - 8}" stroke="#888"/>`);
  for (const t of [t0, (t0 + t1) / 2, t1]) {
    parts.push(`<text x="${fmt(x(t))}" y="${top - 13}" class="tt">${day(t)}</text>`);
  }
  sorted.forEach((event, i) => {
    const y = top + i * row + 6;
    const cx = x(timeOf(event.at));
    const color = COLOURS[event.source] ?? '#555';
    parts.push(`<line x1="${fmt(cx)}" y1="${top - 8}" x2="${fmt(cx)}" y2="${fmt(y)}" stroke="#ddd"/>`);
    parts.push(
      `<circle cx="${fmt(cx)}" cy="${fmt(y)}" r="${event.emphasis ? 4.5 : 3.5}" fill="${color}"${event.emphasis ? ' stroke="#111"' : ''}/>`,
    );
    parts.push(`<text x="${x1 + 12}" y="${fmt(y + 4)}">${escapeHtml(`${when(event.at)}  ${event.what}`)}</text>`);
  });
  return (
    `<svg class="chart timeline" viewBox="0 0 ${CHART_WIDTH} ${fmt(height)}" width="${CHART_WIDTH}" height="${fmt(height)}" role="img" aria-label="timeline">` +
    `<title>${escapeHtml(title)}</title>` +
    `<style>text{font-size:10.5px;fill:#222}.tt{text-anchor:middle;fill:#555;font-size:9.5px}</style>` +
    `<rect x="0" y="0" width="${CHART_WIDTH}" height="${fmt(height)}" fill="#fff"/>` +
    parts.join('') +
    `</svg>`
  );
}
