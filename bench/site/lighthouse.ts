// One Lighthouse run (the CLI from npm, its default mobile settings with simulated throttling)
// against Debian's Chromium.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromiumPath } from '../../tests/e2e/site.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export type Category = (typeof CATEGORIES)[number];

// A root container has no user namespace for Chromium's sandbox.
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu';

interface NetworkRequest {
  resourceType?: string;
  transferSize?: number;
}

interface LighthouseResult {
  categories: Record<Category, { score: number | null }>;
  audits: Record<string, { details?: { items?: NetworkRequest[] } }>;
  environment: { benchmarkIndex: number };
  runtimeError?: { code: string; message: string };
}

export interface Run {
  /** 0–100 per category, as the report shows it. */
  scores: Record<Category, number>;
  /** Bytes of JavaScript over the wire: the script requests of the network-requests audit. */
  scriptBytes: number;
  /** Lighthouse's measure of this machine's CPU speed during the run (higher is faster). */
  benchmarkIndex: number;
  /** The whole report as JSON, to open in the Lighthouse viewer. */
  report: string;
}

export async function lighthouse(url: string): Promise<Run> {
  const { stdout } = await promisify(execFile)(
    'npx',
    [
      'lighthouse',
      url,
      '--quiet',
      '--output=json',
      '--output-path=stdout',
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${CHROME_FLAGS}`,
    ],
    { env: { ...process.env, CHROME_PATH: chromiumPath() }, maxBuffer: 256 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as LighthouseResult;
  if (result.runtimeError) throw new Error(`${url}: ${result.runtimeError.code} ${result.runtimeError.message}`);
  const scores = {} as Record<Category, number>;
  for (const category of CATEGORIES) {
    const { score } = result.categories[category];
    if (score === null) throw new Error(`${url}: Lighthouse gave no ${category} score`);
    scores[category] = Math.round(score * 100);
  }
  const requests = result.audits['network-requests']?.details?.items ?? [];
  const scriptBytes = requests
    .filter((request) => request.resourceType === 'Script')
    .reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  return { scores, scriptBytes, benchmarkIndex: result.environment.benchmarkIndex, report: stdout };
}
