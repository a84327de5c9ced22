import fs from 'node:fs';
import net from 'node:net';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium tests fail, not skip, when REQUIRE_CHROMIUM=1 (CI); elsewhere they skip with the reason. */
export function chromiumSkipReason(): string | null {
  if (fs.existsSync(CHROMIUM)) return null;
  const reason = `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
  if (process.env.REQUIRE_CHROMIUM === '1') throw new Error(`${reason}; REQUIRE_CHROMIUM=1 makes this a failure`);
  console.warn(`skipping browser tests: ${reason}`);
  return reason;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
