import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

/**
 * Holds a child process's output back until `release`, then writes what it held, in the order it came, and
 * passes the rest straight through. The build script holds Astro's while the content check runs, so a file
 * the check refuses is reported by the check alone.
 */
export function holdOutput(child: ChildProcess): { release(): void; drained(waitMs?: number): Promise<void> } {
  let queue: [NodeJS.WriteStream, Buffer][] | undefined = [];
  const follow = (from: NodeJS.ReadableStream | null, to: NodeJS.WriteStream) =>
    from?.on('data', (chunk: Buffer) => (queue ? queue.push([to, chunk]) : to.write(chunk)));
  follow(child.stdout, process.stdout);
  follow(child.stderr, process.stderr);
  const ended = (from: Readable | null) =>
    new Promise<void>((resolve) => (from && !from.readableEnded ? from.once('end', resolve) : resolve()));
  const allEnded = Promise.all([ended(child.stdout), ended(child.stderr)]);
  return {
    release() {
      for (const [to, chunk] of queue ?? []) to.write(chunk);
      queue = undefined;
    },
    /**
     * Resolves once the child's last words have been passed on, so what the caller prints next comes after
     * them; a process the child started that keeps its output open is waited for `waitMs` at most.
     */
    async drained(waitMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([allEnded, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
    },
  };
}
