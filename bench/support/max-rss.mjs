// Preloaded into a measured Node process (`node --import`): writes its peak resident memory on exit.
import fs from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE)
    fs.writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
