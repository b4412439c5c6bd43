/**
 * The case file as PDF: the same self-contained HTML printed by Debian's Chromium (playwright-core,
 * tools/chromium.ts) on A4 with page numbers in the footer, Chinese set in the locally installed
 * Noto CJK fonts (fonts-noto-cjk) and embedded in the PDF. Every request the page might make is
 * refused, as the HTML's own content security policy also says.
 */
import type { Browser } from 'playwright-core';
import { CasePdfError } from './errors';
import { escapeHtml } from './html';
import { FONT_STACK } from './render-html';

function footer(label: string): string {
  return (
    `<div style="width:100%;font-size:8px;color:#555;padding:0 12mm;font-family:${escapeHtml(FONT_STACK)};display:flex;justify-content:space-between">` +
    `<span>${escapeHtml(label)}</span>` +
    `<span>第 <span class="pageNumber"></span> / <span class="totalPages"></span> 页 · page <span class="pageNumber"></span> of <span class="totalPages"></span></span>` +
    `</div>`
  );
}

/** Chromium instances printing at once in this process: each takes a few hundred MB. */
const MAX_PRINTS = 2;
let printing = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (printing >= MAX_PRINTS) await new Promise<void>((resolve) => waiting.push(resolve));
  printing += 1;
  try {
    return await work();
  } finally {
    printing -= 1;
    waiting.shift()?.();
  }
}

/**
 * Prints the HTML to an A4 PDF. Pass a running browser to print several files with one Chromium;
 * otherwise one is launched for this file and closed afterwards (at most two at once per process).
 * @example const pdf = await printPdf(renderHtml(model), { footer: '案卷 Case file F-…' });
 */
export function printPdf(html: string, options: { footer: string; browser?: Browser }): Promise<Buffer> {
  return options.browser ? print(html, options) : slot(() => print(html, options));
}

async function print(html: string, options: { footer: string; browser?: Browser }): Promise<Buffer> {
  let own: Browser | undefined;
  try {
    let browser = options.browser;
    if (!browser) {
      const { launchChromium } = await import('../../tools/chromium');
      browser = own = await launchChromium('case pdf');
    }
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) =>
        route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient'),
      );
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: footer(options.footer),
        margin: { top: '14mm', bottom: '16mm', left: '10mm', right: '10mm' },
      });
    } finally {
      await context.close();
    }
  } catch (error) {
    if (error instanceof CasePdfError) throw error;
    const message = (error as Error).message ?? String(error);
    throw new CasePdfError(`case pdf: Chromium could not print the case file: ${message}`, { cause: error });
  } finally {
    await own?.close();
  }
}
