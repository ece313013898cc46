import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { CardInput } from '../../src/lib/cards/input.ts';
import { createPool } from '../../src/lib/cards/pool.ts';
import { tempDir } from '../helpers/build.ts';

const input = (title: string): CardInput => ({
  layout: 'post',
  title,
  lang: 'en',
  network: 'Fixture Network',
  colour: '#2b4c7e',
});

describe('card pool', () => {
  it('draws cards submitted at any time, on one thread until widened, and reports them when closed', async () => {
    const dir = tempDir('pool');
    const pool = createPool(1);
    pool.submit({ input: input('First'), out: join(dir, 'a.png'), label: 'a' });
    pool.submit({ input: input('Second'), out: join(dir, 'b.png'), label: 'b' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    pool.submit({ input: input('Third'), out: join(dir, 'c.png'), label: 'c' });
    pool.widen(2);
    const stats = await pool.close();
    expect(stats.rendered).toBe(3);
    expect(stats.threads).toBeLessThanOrEqual(2);
    for (const name of ['a', 'b', 'c']) {
      const meta = await sharp(readFileSync(join(dir, `${name}.png`))).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    }
  });

  it('closes at once when nothing was submitted', async () => {
    expect(await createPool().close()).toMatchObject({ rendered: 0, threads: 0 });
  });

  it('rejects with the label of the card that could not be drawn', async () => {
    const dir = tempDir('pool');
    const pool = createPool(1);
    pool.submit({ input: input('Fine'), out: join(dir, 'fine.png'), label: 'cards/fine.png' });
    pool.submit({ input: input('Nowhere'), out: join(dir, 'missing/folder/x.png'), label: 'cards/nowhere.png' });
    await expect(pool.close()).rejects.toThrow(/Could not draw cards\/nowhere\.png/);
    expect(existsSync(join(dir, 'fine.png'))).toBe(true);
  });
});
