import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, withBuildLock } from '../helpers/build.ts';
import { build, cleanTwin, expectSameSite, newSite, startBuild, touchContent, type Site } from './harness.ts';

const lock = join(root, '.cache/build.lock');

function holdLock(what: 'build' | 'dev server', pid: number): void {
  mkdirSync(join(root, '.cache'), { recursive: true });
  const started = new Date().toISOString();
  writeFileSync(lock, JSON.stringify({ what, pids: [pid], started, nonce: `test-${pid}` }));
}

describe('builds at the same time', () => {
  let site: Site;
  let clean: string;

  beforeAll(
    () =>
      withBuildLock(async () => {
        site = newSite();
        const twin = cleanTwin(site);
        await build(twin);
        clean = twin.out;
        await build(site);
      }),
    600_000,
  );

  it('run one after the other when started together, and both succeed', { timeout: 600_000 }, () =>
    withBuildLock(async () => {
      touchContent(site);
      const runs = [startBuild(site), startBuild(site)];
      const syncing = runs.map(() => 0);
      const ended = runs.map(() => 0);
      const watch = setInterval(() => {
        runs.forEach((run, i) => {
          if (!syncing[i] && /\[content\] Syncing content/.test(run.log())) syncing[i] = Date.now();
        });
      }, 5);
      const results = await Promise.all(runs.map((run, i) => run.exited.then((r) => ((ended[i] = Date.now()), r))));
      clearInterval(watch);
      for (const result of results) expect(result.code, result.log).toBe(0);
      const waited = results.findIndex((result) =>
        /Waiting for a build \(process \d+, started at [\d:]+\) to finish/.test(result.log),
      );
      expect(waited, results.map((r) => r.log).join('\n----\n')).not.toBe(-1);
      const first = 1 - waited;
      expect(syncing[first]).toBeGreaterThan(0);
      // The second build looked at the site only once the first had finished, output swapped in, and
      // found that nothing had changed since.
      expect(results[waited]!.log).toMatch(/Nothing has changed since the last build/);
      expect(syncing[waited]).toBe(0);
      expect(ended[waited]).toBeGreaterThanOrEqual(ended[first]!);
      expectSameSite(site.out, clean, 'the output after two builds at once');
      expect(existsSync(lock)).toBe(false);
    }),
  );

  it(
    'stops with one clear line while a dev server holds the caches, leaving the site as it was',
    { timeout: 120_000 },
    () =>
      withBuildLock(async () => {
        holdLock('dev server', process.pid);
        try {
          const { code, log } = await startBuild(site).exited;
          expect(code).toBe(1);
          expect(log).toMatch(
            /^The build did not start: a dev server \(process \d+, started at [\d:]+\) is using this project's caches\. Stop it, then build again\.$/m,
          );
          expectSameSite(site.out, clean, 'the output after a refused build');
        } finally {
          rmSync(lock, { force: true });
        }
      }),
  );

  it('takes over the lock of a build that was killed', { timeout: 300_000 }, () =>
    withBuildLock(async () => {
      const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
      holdLock('build', gone);
      const log = await build(site);
      expect(log).not.toMatch(/Waiting/);
      expect(existsSync(lock)).toBe(false);
    }),
  );

  it('keeps astro dev from starting while a build runs', { timeout: 120_000 }, () =>
    withBuildLock(async () => {
      holdLock('build', process.pid);
      try {
        const dev = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '4391'], {
          cwd: root,
          env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', COMMONROOM_CONTENT: site.content },
        });
        let log = '';
        dev.stdout.on('data', (chunk) => (log += chunk));
        dev.stderr.on('data', (chunk) => (log += chunk));
        const timer = setTimeout(() => dev.kill('SIGKILL'), 90_000);
        const code = await new Promise<number | null>((resolve) => dev.on('close', resolve));
        clearTimeout(timer);
        expect(code, log).toBe(1);
        expect(log).toMatch(
          /a build \(process \d+, started at [\d:]+\) is using this project's caches: start the dev server when it has finished\./,
        );
      } finally {
        rmSync(lock, { force: true });
      }
    }),
  );
});
