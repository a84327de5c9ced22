import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('generated GraphQL types', () => {
  it('match the schema snapshot and the documents (run `pnpm --filter @asb/shared codegen` after changing either)', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const committedDir = path.join(root, 'src/generated');
    const freshDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asb-codegen-'));
    try {
      const result = spawnSync('pnpm', ['exec', 'graphql-codegen', '--config', 'codegen.ts', '--silent'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CODEGEN_OUT: `${freshDir}/` },
      });
      expect(result.status, result.stderr + result.stdout).toBe(0);
      const files = fs.readdirSync(freshDir).sort();
      expect(files).toEqual(fs.readdirSync(committedDir).sort());
      for (const file of files) {
        expect(
          fs.readFileSync(path.join(committedDir, file), 'utf8') === fs.readFileSync(path.join(freshDir, file), 'utf8'),
          `${file} is stale`,
        ).toBe(true);
      }
    } finally {
      fs.rmSync(freshDir, { recursive: true, force: true });
    }
    // Running graphql-codegen in a child process takes 3 s on an idle machine, several times that on a busy one.
  }, 60_000);
});
