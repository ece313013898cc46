import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openCheckGate } from '../../src/lib/check-gate.ts';
import { tempDir } from '../helpers/build.ts';

const gate = pathToFileURL(join(import.meta.dirname, '../../src/lib/check-gate.ts')).href;

/** A child like Astro under the build script: the gate installed by its preload, a page waiting at it. */
function child(installed: boolean) {
  const script = join(tempDir('check-gate'), 'page.ts');
  writeFileSync(
    script,
    `import { checkPassed, installCheckGate } from ${JSON.stringify(gate)};\n` +
      `process.channel?.unref();\n${installed ? 'installCheckGate();\n' : ''}` +
      `console.log('waiting');\nawait checkPassed();\nconsole.log('rendered');\n`,
  );
  const proc = fork(script, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let out = '';
  proc.stdout!.on('data', (chunk: Buffer) => (out += chunk));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the check gate', () => {
  it('holds pages, keeping the process alive, until the build script says the check passed', async () => {
    const page = child(true);
    await pause(1500);
    expect(page.output()).toBe('waiting\n');
    openCheckGate(page.proc);
    expect(await page.exited).toBe(0);
    expect(page.output()).toBe('waiting\nrendered\n');
  });

  it('lets pages straight through where nothing installed it (astro build or dev on their own)', async () => {
    const page = child(false);
    expect(await page.exited).toBe(0);
    expect(page.output()).toBe('waiting\nrendered\n');
  });
});
