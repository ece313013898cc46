import { writeFile } from 'node:fs/promises';

/**
 * Writes files one after another on libuv's thread pool while the import converts the next post. Creating
 * a file costs about half a millisecond of kernel time here whatever its size, a third of the import when
 * each write blocked; in the background it runs on the other core. One at a time, because writers creating
 * files in the same folder at once mostly wait for each other. The first failure is thrown by the next
 * `drain` or `flush`.
 */
export class WriteQueue {
  private queue: { file: string; content: string | Buffer }[] = [];
  private running: Promise<void> | undefined;
  private failure: unknown;
  private roomMade: (() => void) | undefined;
  private readonly limit: number;

  constructor(limit = 16) {
    this.limit = limit;
  }

  add(file: string, content: string | Buffer): void {
    this.queue.push({ file, content });
    this.running ??= this.pump();
  }

  private async pump(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      try {
        await writeFile(next.file, next.content);
      } catch (error) {
        this.failure ??= error;
      }
      if (this.queue.length <= this.limit) this.roomMade?.();
    }
    this.running = undefined;
    this.roomMade?.();
  }

  /** Waits until no more than the limit are waiting: a longer backlog would only hold memory. */
  async drain(): Promise<void> {
    if (this.queue.length > this.limit && this.running)
      await new Promise<void>((resolve) => {
        this.roomMade = () => {
          this.roomMade = undefined;
          resolve();
        };
      });
    this.throwFailure();
  }

  /** Waits for every write. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    this.throwFailure();
  }

  private throwFailure() {
    if (this.failure !== undefined) throw this.failure;
  }
}
