import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { readImageFacts } from '../../src/lib/images/metadata.ts';
import { sniffFormat, stripMetadata } from '../../src/lib/images/strip.ts';
import { phonePhoto, plantedSecrets } from '../helpers/phone-photo.ts';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('image metadata', () => {
  test('finds the GPS position and the people a phone photo names', async () => {
    const facts = await readImageFacts(await phonePhoto(64, 48));
    expect(facts.format).toBe('jpeg');
    expect(facts.gps).toBe(true);
    expect(facts.people).toEqual(
      expect.arrayContaining([plantedSecrets.artist, plantedSecrets.owner, plantedSecrets.xmpCreator]),
    );
  });

  test('a JPEG loses every trace of them and keeps its pixels', async () => {
    const photo = await phonePhoto(64, 48);
    const stripped = stripMetadata(photo)!;
    for (const secret of [
      plantedSecrets.artist,
      plantedSecrets.owner,
      plantedSecrets.comment,
      plantedSecrets.xmpCreator,
    ])
      expect(text(stripped)).not.toContain(secret);
    expect(text(stripped)).not.toContain('Exif');
    const facts = await readImageFacts(stripped);
    expect(facts).toMatchObject({ gps: false, people: [], anyMetadata: false });
    const before = await sharp(photo).raw().toBuffer();
    const after = await sharp(stripped).raw().toBuffer();
    expect(after.equals(before)).toBe(true);
    expect(stripMetadata(stripped)).toBeUndefined();
  });

  test.each(['png', 'webp'] as const)('a %s loses its EXIF and XMP and keeps its pixels', async (format) => {
    const photo = await sharp(await phonePhoto(64, 48))
      .withExif({ IFD0: { Artist: plantedSecrets.artist } })
      .withXmp(`<x:xmpmeta xmlns:x="adobe:ns:meta/">${plantedSecrets.xmpCreator}</x:xmpmeta>`)
      .toFormat(format, { lossless: true })
      .toBuffer();
    expect(text(photo)).toContain(plantedSecrets.artist);
    const stripped = stripMetadata(photo)!;
    expect(text(stripped)).not.toContain(plantedSecrets.artist);
    expect(text(stripped)).not.toContain(plantedSecrets.xmpCreator);
    const [before, after] = await Promise.all([sharp(photo).raw().toBuffer(), sharp(stripped).raw().toBuffer()]);
    expect(after.equals(before)).toBe(true);
  });

  test('tells a file by its bytes, not its name', () => {
    expect(sniffFormat(new TextEncoder().encode('%PDF-1.7\n…'))).toBe('pdf');
    expect(sniffFormat(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(sniffFormat(new Uint8Array([1, 2, 3]))).toBe('unknown');
  });
});
