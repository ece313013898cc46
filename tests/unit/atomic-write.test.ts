import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  DamageReport,
  pngDamage,
  readChecked,
  readCheckedJson,
  removeTemporaryFiles,
  temporaryName,
  writeAtomic,
  writeChecked,
} from '../../src/lib/atomic-write.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'atomic-'));

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 1×1 PNG. */
function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('writeAtomic', () => {
  it('replaces a file whole and leaves no temporary file', () => {
    const folder = dir();
    const file = join(folder, 'sub/entry.json');
    mkdirSync(join(folder, 'sub'));
    writeAtomic(file, 'one');
    writeAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(join(folder, 'sub'))).toEqual(['entry.json']);
  });

  it('removes only the temporary files of writes that never finished', () => {
    const folder = dir();
    writeFileSync(temporaryName(join(folder, 'a.png')), 'half');
    writeFileSync(join(folder, 'b.png'), 'whole');
    writeFileSync(join(folder, 'notes.tmp'), 'not ours');
    expect(removeTemporaryFiles(folder)).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['b.png', 'notes.tmp']);
    expect(removeTemporaryFiles(join(folder, 'missing'))).toBe(0);
  });
});

describe('checked entries', () => {
  it('read back what was written', () => {
    const file = join(dir(), 'entry');
    writeChecked(file, JSON.stringify({ code: 'export default 1' }));
    expect(readCheckedJson(file)).toEqual({ status: 'ok', value: { code: 'export default 1' } });
  });

  it('say a missing entry is missing', () => {
    expect(readChecked(join(dir(), 'none'))).toEqual({ status: 'missing' });
  });

  it('are damaged when cut short, changed, or not written by writeChecked', () => {
    const file = join(dir(), 'entry');
    writeChecked(file, 'x'.repeat(100));
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 10));
    expect(readChecked(file)).toEqual({ status: 'damaged', reason: '90 bytes where 100 were written' });
    const changed = Buffer.from(whole);
    changed[changed.length - 1] = 0x79;
    writeFileSync(file, changed);
    expect(readChecked(file)).toEqual({ status: 'damaged', reason: 'contents do not match their hash' });
    writeFileSync(file, '{"plain": "json"}');
    expect(readChecked(file)).toEqual({ status: 'damaged', reason: 'no valid header' });
  });

  it('are damaged when they pass the hash but are not JSON', () => {
    const file = join(dir(), 'entry');
    writeChecked(file, '{"cut":');
    expect(readCheckedJson(file)).toEqual({ status: 'damaged', reason: 'not valid JSON' });
  });
});

describe('pngDamage', () => {
  it('accepts a whole PNG', () => {
    expect(pngDamage(png())).toBeUndefined();
  });

  it('finds a PNG cut short at any length', () => {
    const whole = png();
    for (let length = 0; length < whole.length; length++) expect(pngDamage(whole.subarray(0, length))).toBeDefined();
  });

  it('finds any single changed byte after the signature', () => {
    const whole = png();
    for (let at = 8; at < whole.length; at++) {
      const changed = Buffer.from(whole);
      changed[at] = changed[at]! ^ 0x01;
      expect(pngDamage(changed), `byte ${at}`).toBeDefined();
    }
  });

  it('refuses other files and data after the end', () => {
    expect(pngDamage(Buffer.from('GIF89a'))).toBe('not a PNG');
    expect(pngDamage(Buffer.concat([png(), Buffer.from('x')]))).toBe('data after the end of the image');
  });
});

describe('DamageReport', () => {
  it('says nothing when nothing was damaged, and reports in one line once', () => {
    const report = new DamageReport('card cache');
    const lines: string[] = [];
    report.flush((line) => lines.push(line));
    expect(lines).toEqual([]);
    for (const name of ['a', 'b', 'c', 'd', 'e']) report.note(`/cache/png/${name}.png`, 'cut short');
    report.flush((line) => lines.push(line));
    report.flush((line) => lines.push(line));
    expect(lines).toEqual([
      '5 damaged card cache entries were ignored and made again: a.png (cut short), b.png (cut short), c.png (cut short) and 2 more',
    ]);
  });
});

it('writes nothing for a write that fails', () => {
  const folder = dir();
  expect(() => writeAtomic(join(folder, 'missing/entry'), 'x')).toThrow();
  expect(readdirSync(folder)).toEqual([]);
  writeFileSync(join(folder, 'file'), 'a file where a folder should be');
  expect(() => writeChecked(join(folder, 'file/entry'), 'x')).toThrow();
  expect(existsSync(join(folder, 'file/entry'))).toBe(false);
});
