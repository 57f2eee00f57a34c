// `npm run test:e2e`: the built site (`build/`, or E2E_BUILD_DIR) in Debian's Chromium, page by page
// as a reader uses it. Runs every check group, then exits non-zero if one failed; server and browser
// are stopped in any case.
import { existsSync, readFileSync } from 'node:fs';
import { strict as assert } from 'node:assert';
import { startSite, type Site } from './site.ts';
import {
  OTHER_RULE_PAGE,
  RECIPE_PAGE,
  RULE_PAGE,
  phoneOverflow,
  recipeRenders,
  screenshot,
  searchAndOpen,
  toolTabAfterNavigation,
  visitProblems,
} from './checks.ts';
import { PLAYGROUND_RULE, playgroundFromRulePage } from './playground.ts';

const buildDir = process.env.E2E_BUILD_DIR ?? 'build';
// The baseUrl the site was built for (BASE_URL of docusaurus.config.ts): it is served there.
const basePath = process.env.E2E_BASE_URL ?? '/';

function sitemapPaths(): string[] {
  const sitemap = `${buildDir}/sitemap.xml`;
  if (!existsSync(sitemap)) throw new Error(`${sitemap} is missing: run \`npm run build\` first`);
  const base = basePath.replace(/\/$/, '');
  const paths = [...readFileSync(sitemap, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => {
    const { pathname } = new URL(match[1]);
    assert.ok(pathname.startsWith(`${base}/`), `${sitemap}: ${pathname} is outside the base path ${basePath}`);
    return pathname.slice(base.length);
  });
  assert.ok(paths.length > 0, `${sitemap} lists no URL`);
  return paths;
}

const failedSteps: string[] = [];

/** Runs one check group and reports it; a failure is recorded so the remaining groups still run. */
async function step(name: string, run: () => Promise<string>): Promise<void> {
  const start = performance.now();
  const seconds = () => ((performance.now() - start) / 1000).toFixed(1);
  try {
    const detail = await run();
    console.log(`ok      ${name} (${seconds()} s) ${detail}`);
  } catch (error) {
    failedSteps.push(name);
    console.log(`FAILED  ${name} (${seconds()} s)\n${error instanceof Error ? error.message : error}`);
  }
}

async function main(site: Site): Promise<void> {
  const { origin, browser } = site;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

  await step('every sitemap page loads without errors and has a main h1', async () => {
    const paths = sitemapPaths();
    const failures: string[] = [];
    for (const path of paths) {
      const problems = await visitProblems(page, `${origin}${path}`);
      failures.push(...problems.map((problem) => `${path}: ${problem}`));
    }
    assert.ok(failures.length === 0, `pages with problems:\n${failures.join('\n')}`);
    return `${paths.length} pages`;
  });

  await step('offline search finds a rule id and a recipe', async () => {
    const rule = await searchAndOpen(page, origin, 'require-lock-timeout', 'require-lock-timeout');
    assert.equal(rule, '/rules/require-lock-timeout');
    const recipe = await searchAndOpen(page, origin, 'foreign key', 'Add a foreign key without blocking writes');
    assert.equal(recipe, '/docs/migrations/operations/add-foreign-key');
    return `${rule}, ${recipe}`;
  });

  await step('the tool tab choice carries over to another rule page', async () => {
    assert.equal(await toolTabAfterNavigation(page, origin, 'Kysely'), 'Kysely');
    assert.equal(await toolTabAfterNavigation(page, origin, 'Knex'), 'Knex');
    return `${RULE_PAGE} -> ${OTHER_RULE_PAGE}`;
  });

  await step('mermaid diagrams and embedded example code render', async () => {
    const { diagrams, codeBlocks } = await recipeRenders(page, origin);
    assert.ok(diagrams >= 1, `${RECIPE_PAGE}: no rendered mermaid svg`);
    assert.ok(codeBlocks >= 1, `${RECIPE_PAGE}: no code block`);
    return `${diagrams} diagrams, ${codeBlocks} code blocks`;
  });

  await step(`the playground from ${PLAYGROUND_RULE}'s ❌/✅ links: rule reported, locks traced`, () =>
    playgroundFromRulePage(browser, origin, buildDir),
  );

  const samples = { home: '/', rule: RULE_PAGE, recipe: RECIPE_PAGE };
  await step('no horizontal overflow at 390x844', async () => {
    const overflows: string[] = [];
    for (const path of Object.values(samples)) {
      const overflow = await phoneOverflow(page, `${origin}${path}`);
      if (overflow > 0) overflows.push(`${path}: ${overflow}px wider than the screen`);
    }
    assert.ok(overflows.length === 0, overflows.join('\n'));
    return Object.values(samples).join(', ');
  });

  await step('screenshots', async () => {
    const files: string[] = [];
    for (const [name, path] of Object.entries(samples)) files.push(await screenshot(page, `${origin}${path}`, name));
    return files.join(', ');
  });
}

const start = performance.now();
const site = await startSite(buildDir, basePath);
try {
  await main(site);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (failedSteps.length > 0) throw new Error(`e2e failed in ${seconds} s: ${failedSteps.join('; ')}`);
  console.log(`e2e passed in ${seconds} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await site.close();
}
