// Settings for local runs and tests: the shell's environment wins, then .env, then .env.example
// (the documented development defaults). Production never reads these files: it gets its
// environment from docker-compose, and refuses example secrets (see @asb/shared checkSecrets).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';

export function loadEnv(root) {
  const file = ['.env', '.env.example'].map((f) => path.join(root, f)).find((f) => fs.existsSync(f));
  if (!file) return {};
  const values = parse(fs.readFileSync(file));
  for (const [key, value] of Object.entries(values)) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
  return { file, values };
}
