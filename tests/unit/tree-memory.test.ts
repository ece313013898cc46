import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { treeResidentKb, watchTreeMemory } from '../../tools/bench/tree-memory.ts';

/** A process that starts a child holding `mb` MB, and says when it is ready. */
function family(mb: number) {
  const grandchild = `const b = Buffer.alloc(${mb} * 1024 * 1024, 1); console.log('ready'); setInterval(() => b[0]++, 1000);`;
  const child = `const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'inherit' }); process.on('SIGTERM', () => { c.kill(); process.exit(); });`;
  const proc = spawn(process.execPath, ['-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolve) => proc.stdout.once('data', () => resolve()));
  return { proc, ready };
}

describe.runIf(process.platform === 'linux')('the process tree’s memory', () => {
  it('counts what a grandchild holds, which the process’s own RSS leaves out', async () => {
    const { proc, ready } = family(200);
    await ready;
    try {
      const watch = watchTreeMemory(proc.pid!, 20);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const peak = watch.stop()!;
      const own = Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))![1]) / 1024;
      expect(own).toBeLessThan(150);
      expect(peak).toBeGreaterThan(200 + own);
      // Two Node processes and 200 MB, not this test runner's memory.
      expect(peak).toBeLessThan(200 + 2 * 150);
      expect(treeResidentKb(process.pid) / 1024).toBeGreaterThan(peak);
    } finally {
      proc.kill();
    }
  });
});
