import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest runs on one worker fewer than there are cores: on a 2-core CI machine, one worker.
    // The main process only collects results, so every core runs test files.
    maxWorkers: Math.max(availableParallelism(), 2),
    projects: [
      {
        test: {
          name: 'lint-rules',
          include: ['lint-rules/tests/**/*.test.ts'],
          setupFiles: ['lint-rules/tests/setup-rule-tester.ts'],
        },
      },
      {
        test: {
          name: 'examples',
          include: ['examples/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'docs',
          include: ['tests/docs/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
