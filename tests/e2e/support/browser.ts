import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp, type App } from '../../../server/src/app';
import { loadConfig } from '../../../server/src/config';
import { openDatabase, type DatabaseHandle } from '../../../server/src/db/database';
import { migrateToLatest } from '../../../server/src/db/migrate';
import type { Clock } from '../../../server/src/services/clock';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Flags the browser needs on a machine with no network and no display. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumPath = inject('chromiumPath' as never) as string | null;

export interface RunningServer {
  app: App;
  database: DatabaseHandle;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the real Closer server, as shipped, on SQLite in a temporary folder. A journey that
 * needs history from earlier days gives a clock it can set while seeding (the app's only
 * source of time); by default the server runs on real time.
 */
export async function startServer(options: { clock?: Clock } = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' });
  const database = openDatabase(config);
  await migrateToLatest(database);
  const app = await buildApp({ config, database, logger: false, clock: options.clock });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let stopped = false;
  return {
    app,
    database,
    origin: `http://127.0.0.1:${port}`,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath ?? undefined, args: CHROMIUM_ARGS });
}

/**
 * A fresh browser profile that records every request, so a test can prove the app never
 * talks to another origin, and every console error, so none passes unseen.
 */
export async function newContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
) {
  const context: BrowserContext = await browser.newContext({ locale: 'en-GB', ...options });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('response', (response) => {
    if (response.status() >= 500) consoleErrors.push(`${response.status()} from ${response.url()}`);
  });
  context.on('page', (page) => watchConsole(page, consoleErrors));
  return { context, requests, consoleErrors };
}

function watchConsole(page: Page, sink: string[]) {
  page.on('pageerror', (error) => sink.push(String(error)));
  page.on('console', (message) => {
    // The browser logs every 4xx answer; those are the API's expected answers (signed out,
    // a refused password) and the tests check them directly. 5xx answers are still caught.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text()))
      sink.push(message.text());
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core on the page for WCAG 2.0–2.2 A and AA, and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target,
        failureSummary: node.failureSummary,
      })),
    }));
  });
}

/** A readable summary for a failing assertion. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    )
    .join('\n');
}

/** Presses Tab until `locator`'s element has focus; returns the number of presses, or -1. */
export async function tabUntilFocused(
  page: Page,
  selector: string,
  maxPresses = 40,
): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      (sel) => document.activeElement?.matches(sel) ?? false,
      selector,
    );
    if (focused) return presses;
  }
  return -1;
}

/**
 * Starts one Closer server and one browser for a describe block, and stops both after it.
 * The returned object is filled in by the block's set-up.
 */
export function useServerAndBrowser(): { server: RunningServer; browser: Browser } {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
