import { readdirSync, readFileSync } from 'node:fs';

/** Each process's parent, from /proc: a process's name can hold spaces and brackets, so it is read after the last ")". */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return parentOf;
}

/** A process and everything it started that is still running. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  for (const queue = [root]; queue.length;) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

function residentKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants together, in kB: what the machine has to hold at once. */
export function treeResidentKb(root: number): number {
  return tree(root).reduce((sum, pid) => sum + residentKb(pid), 0);
}

/**
 * Samples `treeResidentKb` of a running process every `everyMs` until stopped, and gives the highest sum in MB.
 * `time -v` reports the largest single process instead, which leaves out every process beside it (the content
 * check beside Astro, Pagefind's binary). Shared library pages count once per process, about 40 MB per Node.
 * Without /proc (not Linux) it gives null.
 */
export function watchTreeMemory(root: number, everyMs = 100): { stop(): number | null } {
  let peak = 0;
  let available = true;
  const sample = () => {
    try {
      peak = Math.max(peak, treeResidentKb(root));
    } catch {
      available = false;
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return available ? Math.round(peak / 1024) : null;
    },
  };
}
