/**
 * How everything kept between builds is written and read back. A build can be killed at any instant
 * (out of memory, a CI timeout, a power cut, Ctrl-C), so a file is never written in place: it goes to a
 * temporary name beside its final one and is renamed, which replaces the old file in one step. A cache
 * entry also carries its own length and SHA-256, so an entry damaged in any other way (a full disk, a
 * bad sector, someone editing it) is noticed when it is read and rebuilt, never trusted.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { crc32 } from 'node:zlib';

let counter = 0;

/** The name a file is written under before it is renamed into place; unique to this thread and write. */
export function temporaryName(file: string): string {
  return `${file}.${process.pid}-${threadId}-${++counter}.tmp`;
}

/** Whether a file name is one `temporaryName` made (a write that never finished, if it is still there). */
export const isTemporaryName = (name: string): boolean => /\.\d+-\d+-\d+\.tmp$/.test(name);

/** Removes the temporary files writes that never finished left in a folder (not its subfolders). */
export function removeTemporaryFiles(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  const left = names.filter(isTemporaryName);
  for (const name of left) rmSync(join(dir, name), { force: true });
  return left.length;
}

/** Writes a file under a temporary name and renames it into place, so readers see the old file or the new one. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  const temp = temporaryName(file);
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** What reading a cache entry found. `damaged` says what was wrong, in a few words. */
export type CacheRead<T> = { status: 'ok'; value: T } | { status: 'missing' } | { status: 'damaged'; reason: string };

/** The first line of a checked entry: a format tag, the length of the rest and its SHA-256. */
const HEADER = /^commonroom-cache 1 (\d+) ([0-9a-f]{64})\n/;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Writes a cache entry with its length and hash in a first line, atomically, creating its folder if needed. */
export function writeChecked(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  writeAtomic(file, Buffer.concat([Buffer.from(`commonroom-cache 1 ${body.length} ${sha256(body)}\n`), body]));
}

/** Reads a file, or says it is missing. */
function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Reads an entry `writeChecked` wrote, and returns its contents only if their length and hash still match. */
export function readChecked(file: string): CacheRead<Buffer> {
  const bytes = readBytes(file);
  if (!bytes) return { status: 'missing' };
  const newline = bytes.indexOf(10);
  const header = HEADER.exec(bytes.subarray(0, newline + 1).toString('latin1'));
  if (!header) return { status: 'damaged', reason: 'no valid header' };
  const body = bytes.subarray(newline + 1);
  if (body.length !== Number(header[1]))
    return { status: 'damaged', reason: `${body.length} bytes where ${header[1]} were written` };
  if (sha256(body) !== header[2]) return { status: 'damaged', reason: 'contents do not match their hash' };
  return { status: 'ok', value: body };
}

/** `readChecked` for JSON: an entry that passes the hash check but does not parse is damaged too. */
export function readCheckedJson<T>(file: string): CacheRead<T> {
  const read = readChecked(file);
  if (read.status !== 'ok') return read;
  try {
    return { status: 'ok', value: JSON.parse(read.value.toString('utf8')) as T };
  } catch {
    return { status: 'damaged', reason: 'not valid JSON' };
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Why a PNG is not whole, or undefined if it is: the signature, then every chunk's length and CRC, ending
 * with IEND and nothing after it. Cards are served as they are, so they cannot carry a header of their own.
 */
export function pngDamage(bytes: Buffer): string | undefined {
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'not a PNG';
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > bytes.length) return 'cut short';
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length))
      return 'a chunk does not match its checksum';
    if (bytes.toString('latin1', at + 4, at + 8) === 'IEND')
      return end === bytes.length ? undefined : 'data after the end of the image';
    at = end;
  }
  return 'cut short';
}

/** Reads a PNG only if it is whole (see `pngDamage`). */
export function readCheckedPng(file: string): CacheRead<Buffer> {
  const bytes = readBytes(file);
  if (!bytes) return { status: 'missing' };
  const reason = pngDamage(bytes);
  return reason ? { status: 'damaged', reason } : { status: 'ok', value: bytes };
}

/**
 * Damaged entries one cache found in one build, reported together in one line once the build has read
 * them. An entry is rebuilt once it is reported, so the same damage is never reported twice.
 */
export class DamageReport {
  readonly #what: string;
  readonly #found: string[] = [];

  /** `what` names the cache in the report, e.g. "card cache". */
  constructor(what: string) {
    this.#what = what;
  }

  /** Notes a damaged entry: its file and what was wrong with it. */
  note(file: string, reason: string): void {
    this.#found.push(`${basename(file)} (${reason})`);
  }

  get count(): number {
    return this.#found.length;
  }

  /** The report's one line, or undefined when nothing was damaged. */
  message(): string | undefined {
    const n = this.#found.length;
    if (!n) return undefined;
    const listed = this.#found.slice(0, 3).join(', ') + (n > 3 ? ` and ${n - 3} more` : '');
    return `${n} damaged ${this.#what} ${n === 1 ? 'entry was' : 'entries were'} ignored and made again: ${listed}`;
  }

  /** Logs the report's line as a warning, if there is one. */
  flush(warn: (message: string) => void): void {
    const line = this.message();
    if (line) warn(line);
    this.#found.length = 0;
  }
}
