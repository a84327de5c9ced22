import { defineConfig } from 'vitest/config';

// Workspace-level tests (deployment files, configuration). Each package has its own suite.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 60_000 } });
