/**
 * Whether a picture shows something: the distinct colours of a PNG, decoded by the browser itself
 * (a blank page or canvas has one or two). For the viewer's and the case file's browser tests.
 */
import type { Page } from 'playwright-core';

export function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png.toString('base64')}';
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  })()`);
}
