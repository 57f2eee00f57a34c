import { readFile, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { Engine } from './database.ts';
import type { TracedStatement } from './lock-trace.ts';

/** A committed trace file (`trace.<engine>.json`), as the docs render it with <LockTrace>. */
export interface TraceSnapshot {
  engine: Engine;
  serverVersion: number;
  steps: { tool: string; migration: string; statements: TracedStatement[] }[];
}

/**
 * Compares a measured trace with its committed snapshot, which the docs render. With
 * UPDATE_TRACES=1 it writes the snapshot instead. Traces hold relation names and lock modes only
 * (no oids, relfilenode numbers or timings), so a difference is a real change in behaviour.
 */
export async function matchTraceSnapshot(file: URL, measured: TraceSnapshot): Promise<void> {
  const json = `${JSON.stringify(measured, null, 2)}\n`;
  if (process.env.UPDATE_TRACES === '1') {
    await writeFile(file, json);
    return;
  }
  const committed = await readFile(file, 'utf8').catch(() => {
    throw new Error(`No snapshot at ${file.pathname}: run the test with UPDATE_TRACES=1 and commit the file`);
  });
  expect(measured, `${file.pathname} differs from what was measured (UPDATE_TRACES=1 rewrites it)`).toEqual(
    JSON.parse(committed),
  );
}
