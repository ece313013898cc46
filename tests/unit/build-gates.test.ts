import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openGate } from '../../src/lib/build-gates.ts';
import { tempDir } from '../helpers/build.ts';

const gates = pathToFileURL(join(import.meta.dirname, '../../src/lib/build-gates.ts')).href;

/**
 * A child like Astro under the build script: the gates installed by its preload, its build start waiting at
 * one and its pages at the other.
 */
function child(installed: boolean) {
  const script = join(tempDir('build-gates'), 'astro.ts');
  writeFileSync(
    script,
    `import { gateOpened, installBuildGates } from ${JSON.stringify(gates)};\n` +
      `process.channel?.unref();\n${installed ? 'installBuildGates();\n' : ''}` +
      `console.log('starting');\nawait gateOpened('staging-ready');\nconsole.log('bundling');\n` +
      `await Promise.all([1, 2].map(() => gateOpened('check-passed')));\nconsole.log('rendered');\n`,
  );
  const proc = fork(script, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let out = '';
  proc.stdout!.on('data', (chunk: Buffer) => (out += chunk));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the build gates', () => {
  it('hold Astro at each gate, keeping the process alive, until the build script opens it', async () => {
    const astro = child(true);
    await pause(1500);
    expect(astro.output()).toBe('starting\n');
    // Opened out of order, the check's gate still waits for its turn: nothing passes the staging gate early.
    openGate(astro.proc, 'check-passed');
    await pause(500);
    expect(astro.output()).toBe('starting\n');
    openGate(astro.proc, 'staging-ready');
    expect(await astro.exited).toBe(0);
    expect(astro.output()).toBe('starting\nbundling\nrendered\n');
  });

  it('let everything straight through where nothing installed them (astro build or dev on their own)', async () => {
    const astro = child(false);
    expect(await astro.exited).toBe(0);
    expect(astro.output()).toBe('starting\nbundling\nrendered\n');
  });
});
