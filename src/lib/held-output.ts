import type { ChildProcess } from 'node:child_process';

/**
 * Holds a child process's output back until `release`, then writes what it held, in the order it came, and
 * passes the rest straight through. The build script holds Astro's while the content check runs, so a file
 * the check refuses is reported by the check alone.
 */
export function holdOutput(child: ChildProcess): { release(): void } {
  let queue: [NodeJS.WriteStream, Buffer][] | undefined = [];
  const follow = (from: NodeJS.ReadableStream | null, to: NodeJS.WriteStream) =>
    from?.on('data', (chunk: Buffer) => (queue ? queue.push([to, chunk]) : to.write(chunk)));
  follow(child.stdout, process.stdout);
  follow(child.stderr, process.stderr);
  return {
    release() {
      for (const [to, chunk] of queue ?? []) to.write(chunk);
      queue = undefined;
    },
  };
}
