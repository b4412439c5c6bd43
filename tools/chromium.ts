/**
 * Debian's `chromium` (installed by .ci/run; `CHROMIUM_PATH` for another), headless, for the
 * viewer's browser tests and `bench:render`. Without a GPU, WebGL falls back to SwiftShader, which
 * newer Chromium only allows when asked to.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches it, or says how to install it; `who` names the caller in the error. */
export async function launchChromium(who: string): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${who}: no Chromium at ${CHROMIUM_PATH}; install Debian's chromium (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--enable-unsafe-swiftshader',
    ],
  });
}
