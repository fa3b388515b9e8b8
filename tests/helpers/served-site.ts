/**
 * A site built in a test (buildSite), served in-process by `kbsite serve`'s handler on 127.0.0.1,
 * with Debian's Chromium to visit it: for tests that build their own site rather than the e2e
 * harness's sample.
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { handler } from "../../src/cli/serve.ts";

export const CHROMIUM = "/usr/bin/chromium";

/** False when the browser is there, else why the suite is skipped. */
export const noBrowser: string | false = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing`;

export interface ServedSite {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves the built site in `out` under `prefix` and starts the browser. */
export async function serveSite(out: string, prefix: string): Promise<ServedSite> {
  const server = createServer(handler(out, prefix));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}
