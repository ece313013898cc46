import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  cachedPngFile,
  manifestFile,
  pruneCardCache,
  RECORDS_KEPT_DAYS,
  writeBuildManifest,
} from '../../src/lib/cards/cache.ts';
import { devManifestFile } from '../../src/lib/cards/channel.ts';
import type { CardJob } from '../../src/lib/cards/input.ts';
import { tempDir } from '../helpers/build.ts';

const SALT = 'salt';
const DAY = 24 * 60 * 60 * 1000;

function job(title: string): CardJob {
  return {
    file: `cards/${title}.png`,
    page: `/${title}/`,
    input: { layout: 'post', title, lang: 'en', network: 'Oak Family', colour: '#225522' },
  };
}

/** A card cache holding a drawing of each job, and the records of builds into the given folders. */
function cacheWith(jobs: CardJob[]): string {
  const dir = tempDir('card-cache');
  mkdirSync(join(dir, 'png'));
  for (const { input } of jobs) writeFileSync(cachedPngFile(dir, input, SALT), 'png');
  return dir;
}

const drawn = (dir: string, jobs: CardJob[]) =>
  jobs.filter(({ input }) => existsSync(cachedPngFile(dir, input, SALT))).map(({ input }) => input.title);

describe('card cache pruning', () => {
  test('deletes the drawings neither this build nor a recent build into another folder uses', () => {
    const [kept, edited, ownSite, gone] = [job('kept'), job('edited'), job('own-site'), job('old-title')];
    const dir = cacheWith([kept, edited, ownSite, gone]);
    const network = manifestFile(dir, '/site/dist');
    const school = manifestFile(dir, '/site/dist-oak');
    writeBuildManifest(school, [ownSite]);
    const using = new Set([kept, edited].map(({ input }) => cachedPngFile(dir, input, SALT)));
    expect(pruneCardCache(dir, network, using, SALT)).toBe(1);
    expect(drawn(dir, [kept, edited, ownSite, gone])).toEqual(['kept', 'edited', 'own-site']);
    expect(readdirSync(join(dir, 'png'))).toHaveLength(3);
  });

  test(`forgets a folder not built for ${RECORDS_KEPT_DAYS} days, and its drawings`, () => {
    const [kept, abandoned] = [job('kept'), job('abandoned-preview')];
    const dir = cacheWith([kept, abandoned]);
    const network = manifestFile(dir, '/site/dist');
    const preview = manifestFile(dir, '/tmp/preview');
    writeBuildManifest(preview, [abandoned]);
    writeFileSync(devManifestFile(preview), '');
    const now = Date.now();
    const using = new Set([cachedPngFile(dir, kept.input, SALT)]);
    expect(pruneCardCache(dir, network, using, SALT, now + (RECORDS_KEPT_DAYS - 1) * DAY)).toBe(0);
    const old = new Date(now - (RECORDS_KEPT_DAYS + 1) * DAY);
    utimesSync(preview, old, old);
    expect(pruneCardCache(dir, network, using, SALT, now)).toBe(1);
    expect(drawn(dir, [kept, abandoned])).toEqual(['kept']);
    expect(existsSync(preview) || existsSync(devManifestFile(preview))).toBe(false);
  });

  test('deletes nothing while another build’s records are damaged, as they cannot say what they keep', () => {
    const [kept, unknown] = [job('kept'), job('unknown')];
    const dir = cacheWith([kept, unknown]);
    writeFileSync(manifestFile(dir, '/site/dist-oak'), 'half a record');
    const using = new Set([cachedPngFile(dir, kept.input, SALT)]);
    expect(pruneCardCache(dir, manifestFile(dir, '/site/dist'), using, SALT)).toBe(0);
    expect(drawn(dir, [kept, unknown])).toEqual(['kept', 'unknown']);
  });

  test('drawings keyed with another salt (an earlier Commonroom) are all deleted', () => {
    const card = job('kept');
    const dir = cacheWith([card]);
    writeFileSync(cachedPngFile(dir, card.input, 'earlier release'), 'png');
    const using = new Set([cachedPngFile(dir, card.input, SALT)]);
    expect(pruneCardCache(dir, manifestFile(dir, '/site/dist'), using, SALT)).toBe(1);
    expect(readdirSync(join(dir, 'png'))).toEqual([basename(cachedPngFile(dir, card.input, SALT))]);
  });
});
