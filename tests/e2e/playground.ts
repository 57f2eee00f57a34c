// The playground, reached the way a reader reaches it: from a rule page's "Open in playground" link.
// It must report the page's rule on the ❌ block and not on the ✅ one, run each on PGlite, and show
// an ACCESS EXCLUSIVE lock for the unsafe migration only. Also measures its load time and assets.
import { stat } from 'node:fs/promises';
import { strict as assert } from 'node:assert';
import type { Browser, Page, Response } from 'playwright-core';
import { sitePath } from './checks.ts';

export const PLAYGROUND_RULE = 'require-concurrent-reindex';
const RULE_ID = `live-upgrade/${PLAYGROUND_RULE}`;
const TAB = 'Knex';

interface Loaded {
  url: string;
  /** Bytes on the wire (the test server gzips text and wasm). */
  transferred: number;
  /** Bytes of the file in the build. */
  size: number;
}

function watchPage(page: Page, origin: string, buildDir: string) {
  const problems: string[] = [];
  const responses: Promise<Loaded>[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response: Response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    const url = new URL(response.url());
    if (url.origin !== new URL(origin).origin || !/\.(js|wasm|data)$/.test(url.pathname)) return;
    responses.push(
      Promise.all([response.finished().then(() => response.request().sizes()), stat(`${buildDir}${sitePath(origin, url.href)}`)]).then(
        ([sizes, file]) => ({ url: url.pathname, transferred: sizes.responseBodySize, size: file.size }),
      ),
    );
  });
  return { problems, loaded: () => Promise.all(responses.splice(0)) };
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Follows the n-th playground link of the rule page's Knex tab; returns the page times (ms since navigation). */
async function openFromRulePage(page: Page, origin: string, index: number): Promise<{ linter: number; postgres: number }> {
  await page.goto(`${origin}/rules/${PLAYGROUND_RULE}`);
  await page.locator('html[data-has-hydrated=true]').waitFor({ state: 'attached' });
  await page.getByRole('tab', { name: TAB, exact: true }).first().click();
  const link = page.locator('[role=tabpanel]:not([hidden]) a[data-playground-link]').nth(index);
  // The link gets its state when pointed at, as a reader's mouse does before the click.
  await link.hover();
  await link.and(page.locator('[href*="#"]')).waitFor();
  await link.click();
  await page.waitForURL(/\/playground#/);
  const root = page.locator('[data-linter-ready-ms][data-postgres-ready-ms]');
  await root.waitFor({ state: 'attached', timeout: 120_000 });
  return {
    linter: Number(await root.getAttribute('data-linter-ready-ms')),
    postgres: Number(await root.getAttribute('data-postgres-ready-ms')),
  };
}

async function runAndReadLocks(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Run the migration' }).click();
  await page.locator('[data-testid=run-results], [data-testid=run-error]').first().waitFor({ timeout: 60_000 });
  const failure = page.locator('[data-testid=run-error], [data-testid=postgres-error]');
  if ((await failure.count()) > 0) throw new Error(`the run failed: ${await failure.first().innerText()}`);
  return (await page.locator('[data-testid=locks]').allInnerTexts()).join('\n');
}

export async function playgroundFromRulePage(browser: Browser, origin: string, buildDir: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const watch = watchPage(page, origin, buildDir);

    // What the rule page loads on its own: none of the playground's WebAssembly or its large chunks.
    await page.goto(`${origin}/rules/${PLAYGROUND_RULE}`);
    await page.locator('html[data-has-hydrated=true]').waitFor({ state: 'attached' });
    const rulePage = await watch.loaded();
    const rulePageUrls = new Set(rulePage.map(({ url }) => url));
    const heavy = rulePage.filter(({ url, size }) => /\.(wasm|data)$/.test(url) || size > 1e6);
    assert.deepEqual(heavy, [], `the rule page loads playground assets: ${heavy.map(({ url }) => url).join(', ')}`);

    const timing = await openFromRulePage(page, origin, 0);
    await page.locator(`a[data-rule="${RULE_ID}"]`).first().waitFor({ timeout: 30_000 });
    const unsafeLocks = await runAndReadLocks(page);
    assert.match(unsafeLocks, /AccessExclusiveLock/, `the ❌ migration shows no AccessExclusiveLock:\n${unsafeLocks}`);
    const playground = (await watch.loaded()).filter(({ url }) => !rulePageUrls.has(url));

    // The ✅ version on a phone: with its reports and lock table shown, the page fits the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await openFromRulePage(page, origin, 1);
    await page.locator('[data-testid=reports], [data-testid=no-reports]').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator(`a[data-rule="${RULE_ID}"]`).count(), 0, `the ✅ migration is reported by ${RULE_ID}`);
    const safeLocks = await runAndReadLocks(page);
    assert.doesNotMatch(safeLocks, /AccessExclusiveLock/, `the ✅ migration shows an AccessExclusiveLock:\n${safeLocks}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the playground is ${overflow}px wider than a 390px screen`);
    assert.deepEqual(watch.problems, [], watch.problems.join('\n'));

    const sum = (assets: Loaded[], key: 'size' | 'transferred') => megabytes(assets.reduce((total, asset) => total + asset[key], 0));
    const binaries = playground.filter(({ url }) => /\.(wasm|data)$/.test(url));
    const js = playground.filter(({ url }) => url.endsWith('.js'));
    return [
      `linter ready ${(timing.linter / 1000).toFixed(1)} s, PGlite ready ${(timing.postgres / 1000).toFixed(1)} s after navigation;`,
      `wasm+data ${binaries.length} files ${sum(binaries, 'size')} (${sum(binaries, 'transferred')} transferred),`,
      `JS ${js.length} chunks ${sum(js, 'size')} (${sum(js, 'transferred')} transferred, largest ${megabytes(Math.max(...js.map(({ size }) => size)))})`,
    ].join(' ');
  } finally {
    await context.close();
  }
}
