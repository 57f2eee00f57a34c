// The reader-facing checks, each on the one shared page; each throws with the URL and what is wrong.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export const RULE_PAGE = '/rules/require-lock-timeout';
export const OTHER_RULE_PAGE = '/rules/no-concurrently-in-transaction';
export const RECIPE_PAGE = '/docs/migrations/operations/create-index-concurrently';
const SCREENSHOT_DIR = '.artifacts/screenshots';

function collectProblems(page: Page): { problems: string[]; stop(): void } {
  const problems: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  };
  const onPageError = (error: Error) => problems.push(`page error: ${error.message}`);
  const onRequestFailed = (request: { url(): string; failure(): { errorText: string } | null }) => {
    const reason = request.failure()?.errorText;
    // Prefetches of linked pages still in flight are cancelled when the test moves on to the next page.
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
  };
  const onResponse = (response: { url(): string; status(): number }) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onRequestFailed);
  page.on('response', onResponse);
  return {
    problems,
    stop() {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('requestfailed', onRequestFailed);
      page.off('response', onResponse);
    },
  };
}

async function open(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || response.status() >= 400) throw new Error(`${url}: HTTP ${response?.status()}`);
  // Docusaurus marks <html data-has-hydrated> once React runs: client-only errors and renders show
  // up by then, and clicks reach React's handlers (a click before hydration does nothing).
  await page.locator('html[data-has-hydrated=true]').waitFor({ state: 'attached', timeout: 30_000 });
}

/** Loads a page and returns what went wrong on it (an empty list when nothing did). */
export async function visitProblems(page: Page, url: string): Promise<string[]> {
  const collector = collectProblems(page);
  try {
    await open(page, url);
    // The main content wrapper holds the page's one title heading (the search page has no <main>).
    const headings = await page.locator('#__docusaurus_skipToContent_fallback h1').allInnerTexts();
    if (headings.length !== 1 || !headings[0].trim()) {
      collector.problems.push(`expected one main h1, found ${JSON.stringify(headings)}`);
    }
  } catch (error) {
    collector.problems.push(String(error));
  } finally {
    collector.stop();
  }
  return collector.problems;
}

/** Types a query into the navbar search, opens the suggestion titled `title` and returns the site path it reaches. */
export async function searchAndOpen(page: Page, origin: string, query: string, title: string): Promise<string> {
  await open(page, `${origin}/`);
  const input = page.locator('input.navbar__search-input');
  // The index loads on first focus; typing key by key fires the input events the search box listens to.
  await input.click();
  await input.pressSequentially(query, { delay: 20 });
  const suggestion = page
    .locator('[role=listbox] [role=option]')
    .filter({ has: page.getByText(title, { exact: true }) })
    .first();
  await suggestion.waitFor({ timeout: 10_000 });
  const home = new URL(`${origin}/`).pathname;
  await Promise.all([page.waitForURL((url) => url.pathname !== home), suggestion.click()]);
  return sitePath(origin, page.url());
}

/** The path of `url` inside the site served at `origin` (which may end in a base path). */
export function sitePath(origin: string, url: string): string {
  return new URL(url).pathname.slice(new URL(origin).pathname.replace(/\/$/, '').length);
}

/** Picks a tool tab on one rule page; returns the label then selected on another rule page. */
export async function toolTabAfterNavigation(page: Page, origin: string, label: string): Promise<string> {
  await open(page, `${origin}${RULE_PAGE}`);
  await page.getByRole('tab', { name: label, exact: true }).first().click();
  await open(page, `${origin}${OTHER_RULE_PAGE}`);
  return page.locator('[role=tab][aria-selected=true]').first().innerText();
}

/** Counts rendered mermaid diagrams and code blocks on the recipe page. */
export async function recipeRenders(page: Page, origin: string): Promise<{ diagrams: number; codeBlocks: number }> {
  await open(page, `${origin}${RECIPE_PAGE}`);
  const diagram = page.locator('.docusaurus-mermaid-container svg');
  await diagram.first().waitFor({ timeout: 10_000 });
  return { diagrams: await diagram.count(), codeBlocks: await page.locator('.theme-code-block pre code').count() };
}

/** How many CSS pixels the page is wider than a 390 px phone screen (0 when it fits). */
export async function phoneOverflow(page: Page, url: string): Promise<number> {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await open(page, url);
    return await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
}

export async function screenshot(page: Page, url: string, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await open(page, url);
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
