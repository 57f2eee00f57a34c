import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
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
