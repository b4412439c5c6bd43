/**
 * Bar charts on chart.js with tree-shaken registration (only the bar controller, its scales and
 * tooltip/legend are bundled). No animation, so a chart is fully drawn as soon as it is created.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const COLOURS = ['#1f5fa8', '#c77c1e', '#3f9b5a', '#b3261e', '#7a4fa3'];

export interface Series {
  label: string;
  data: (number | null)[];
}

export interface BarOptions {
  labels: string[];
  series: Series[];
  /** Called with the index of the clicked bar's category. */
  click?: (index: number) => void;
  horizontal?: boolean;
  /** Title of the value axis. */
  unit?: string;
}

/** Draws a bar chart into a canvas; destroy() it before drawing another on the same canvas. */
export function barChart(canvas: HTMLCanvasElement, options: BarOptions): Chart<'bar'> {
  const { click } = options;
  const valueAxis = options.horizontal ? 'x' : 'y';
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: options.labels,
      datasets: options.series.map((s, i) => ({
        label: s.label,
        data: s.data,
        backgroundColor: COLOURS[i % COLOURS.length],
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: options.horizontal ? 'y' : 'x',
      plugins: { legend: { display: options.series.length > 1 } },
      scales: {
        [valueAxis]: { beginAtZero: true, title: { display: Boolean(options.unit), text: options.unit ?? '' } },
      },
      onHover: (event, elements) => {
        const target = event.native?.target;
        if (click && target instanceof HTMLElement) target.style.cursor = elements.length ? 'pointer' : 'default';
      },
      onClick: (_event, elements) => {
        const [hit] = elements;
        if (click && hit) click(hit.index);
      },
    },
  });
}
