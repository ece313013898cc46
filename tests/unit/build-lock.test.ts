import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, describeHolder, processStart, tryLock, type HeldLock } from '../../src/lib/build-lock.ts';

const lockIn = () => join(mkdtempSync(join(tmpdir(), 'lock-')), '.cache/build.lock');
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('the build lock', () => {
  it('is held by one at a time and free again once released', () => {
    const file = lockIn();
    const first = tryLock(file, 'build') as HeldLock;
    expect('held' in first).toBe(false);
    const second = tryLock(file, 'build');
    expect(second).toMatchObject({ held: false, holder: { what: 'build', pids: [process.pid] } });
    first.release();
    expect(existsSync(file)).toBe(false);
    (tryLock(file, 'build') as HeldLock).release();
  });

  it('is taken over from a holder whose processes have all gone', () => {
    const file = lockIn();
    const lock = tryLock(file, 'build') as HeldLock;
    writeFileSync(file, JSON.stringify({ ...lock.holder, pids: [deadPid()] }));
    const taken = tryLock(file, 'build') as HeldLock;
    expect('held' in taken).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8')).nonce).toBe(taken.holder.nonce);
    // The old holder's release leaves the new holder's lock alone.
    lock.release();
    expect(existsSync(file)).toBe(true);
    taken.release();
  });

  it('is taken over when its process id now belongs to another process', () => {
    const file = lockIn();
    const lock = tryLock(file, 'build') as HeldLock;
    expect(lock.holder.starts).toEqual([processStart(process.pid)]);
    // The same id, started at another time: a restarted machine or container gave the id out again.
    writeFileSync(file, JSON.stringify({ ...lock.holder, nonce: 'old', starts: ['1'] }));
    expect('held' in tryLock(file, 'build')).toBe(false);
  });

  it('stays held while any of its processes runs', () => {
    const file = lockIn();
    const lock = tryLock(file, 'build') as HeldLock;
    lock.addProcess(process.pid);
    writeFileSync(file, JSON.stringify({ ...lock.holder, pids: [deadPid(), process.pid] }));
    expect(tryLock(file, 'build')).toMatchObject({ held: false });
  });

  it('is waited for while a build holds it, not while a dev server does', async () => {
    const file = lockIn();
    const build = tryLock(file, 'build') as HeldLock;
    const waited: string[] = [];
    const waiting = acquireLock(file, 'build', (holder) => waited.push(describeHolder(holder)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    build.release();
    const next = (await waiting) as HeldLock;
    expect(waited).toHaveLength(1);
    expect(waited[0]).toMatch(/^a build \(process \d+, started at \d\d:\d\d:\d\d\)$/);
    next.release();

    const dev = tryLock(file, 'dev server') as HeldLock;
    expect(await acquireLock(file, 'build', () => waited.push('waited'))).toMatchObject({
      held: false,
      holder: { what: 'dev server' },
    });
    expect(waited).toHaveLength(1);
    dev.release();
  });
});
