/**
 * One build at a time per project: builds share the project's `.astro/` folder and the caches, and two
 * writing them at once would mix their files. The lock is a file holding the processes that hold it;
 * a lock whose processes have all gone (a build that was killed) is taken over.
 */
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { writeAtomic } from './atomic-write.ts';

/** Who holds the lock: what is running, since when, and every process whose death frees it. */
export interface LockHolder {
  what: 'build' | 'dev server';
  pids: number[];
  /**
   * When each process started, where the system says (Linux), so that a process that has since taken
   * the same id (after a restart, or in a new container) is not mistaken for the holder.
   */
  starts?: (string | null)[];
  started: string;
  /** Tells this holder's lock apart from a later one by the same process ids. */
  nonce: string;
}

export interface HeldLock {
  holder: LockHolder;
  /** Adds a process (e.g. the build's child) whose death must also be waited for. */
  addProcess(pid: number): void;
  release(): void;
}

/** The lock is held by someone else: who, when the lock file could be read. */
export interface NotHeld {
  held: false;
  holder: LockHolder | undefined;
}

/** The lock file of a project. */
export const lockFile = (root: string): string => join(root, '.cache', 'build.lock');

/** How long an unreadable lock file is taken to be one still being written. */
const WRITING_MS = 5_000;

/** A process's start time in clock ticks since boot, from `/proc` (Linux); null elsewhere. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid: number, start: string | null | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !start || processStart(pid) === start;
}

function readHolder(file: string): { raw: string; holder: LockHolder | undefined } | undefined {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const holder = JSON.parse(raw) as LockHolder;
    return { raw, holder: Array.isArray(holder.pids) ? holder : undefined };
  } catch {
    return { raw, holder: undefined };
  }
}

/** Whether a lock file's holder still runs; an unreadable file is being written if it is new. */
function held(file: string, holder: LockHolder | undefined): boolean {
  if (holder) return holder.pids.some((pid, n) => alive(pid, holder.starts?.[n]));
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats !== undefined && Date.now() - stats.mtimeMs < WRITING_MS;
}

/**
 * Removes a lock whose holder has gone. It is renamed aside first and checked to be the one that was
 * read, so a process that took the lock over a moment earlier keeps it.
 */
function removeStale(file: string, raw: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  if (readFileSync(aside, 'utf8') !== raw) {
    try {
      linkSync(aside, file);
    } catch {
      // Yet another process holds the lock now; the one set aside lost it and will fail to release.
    }
  }
  rmSync(aside, { force: true });
}

/** Takes the lock if it is free or stale; otherwise says who holds it. */
export function tryLock(file: string, what: LockHolder['what']): HeldLock | NotHeld {
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    const holder: LockHolder = {
      what,
      pids: [process.pid],
      starts: [processStart(process.pid)],
      started: new Date().toISOString(),
      nonce: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    };
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const found = readHolder(file);
      if (!found) continue;
      if (held(file, found.holder)) return { held: false, holder: found.holder };
      removeStale(file, found.raw);
      continue;
    }
    writeSync(fd, JSON.stringify(holder));
    closeSync(fd);
    const ours = () => readHolder(file)?.holder?.nonce === holder.nonce;
    return {
      holder,
      addProcess(pid) {
        holder.pids.push(pid);
        holder.starts?.push(processStart(pid));
        if (ours()) writeAtomic(file, JSON.stringify(holder));
      },
      release() {
        if (ours()) rmSync(file, { force: true });
      },
    };
  }
  return { held: false, holder: undefined };
}

/** One line saying who holds the lock, for a process that has to wait or stop. */
export function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return 'another build';
  const time = new Date(holder.started).toTimeString().slice(0, 8);
  return `${holder.what === 'build' ? 'a build' : 'a dev server'} (process ${holder.pids[0]}, started at ${time})`;
}

/**
 * Takes the lock, waiting for a build that holds it to finish; `onWait` is told once who it waits for.
 * A dev server can run for hours, so a lock held by one is returned at once instead of waited for.
 */
export async function acquireLock(
  file: string,
  what: LockHolder['what'],
  onWait: (holder: LockHolder | undefined) => void,
): Promise<HeldLock | NotHeld> {
  let told = false;
  for (;;) {
    const lock = tryLock(file, what);
    if (!('held' in lock)) return lock;
    if (lock.holder?.what === 'dev server') return lock;
    if (!told) onWait(lock.holder);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
