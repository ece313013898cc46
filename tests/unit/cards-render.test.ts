import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SERIF } from '../../src/lib/cards/fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardInput } from '../../src/lib/cards/input.ts';
import { renderCard, toSvg } from '../../src/lib/cards/render.ts';
import { cardTree, MARGIN, type CardNode } from '../../src/lib/cards/template.ts';

const input = (extra: Partial<CardInput> = {}): CardInput => ({
  layout: 'post',
  title: 'Phonics every day',
  lang: 'en',
  network: 'Fixture Network',
  colour: '#2b4c7e',
  eyebrow: 'Case study',
  byline: 'Ann Head, Headteacher',
  context: 'Oak Primary School',
  date: '14 March 2025',
  ...extra,
});

/** Every string in a satori tree, in order. */
function texts(node: CardNode | string): string[] {
  if (typeof node === 'string') return [node];
  const children = node.props.children;
  if (children === undefined) return [];
  return (Array.isArray(children) ? children : [children]).flatMap(texts);
}

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('renderCard', () => {
  it('prints the network’s name once on the network’s own card, and in the footer of every other card', () => {
    const network = input({ layout: 'network', title: 'Fixture Network', date: undefined });
    expect(texts(cardTree(network)).filter((t) => t.includes('Fixture Network'))).toHaveLength(1);
    expect(texts(cardTree(input())).filter((t) => t.includes('Fixture Network'))).toHaveLength(1);
  });

  it('draws dark text on a pale brand colour, as declared', async () => {
    const tree = cardTree(input({ colour: '#f2c94c', ink: '#000000' }));
    expect(JSON.stringify(tree)).toContain('"backgroundColor":"#f2c94c"');
    expect(JSON.stringify(tree)).toContain('"color":"#000000"');
  });

  it('draws a 1200×630 PNG', async () => {
    const { png } = await renderCard(input());
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT]);
  });

  it('draws nothing but the background inside the outer margin, even for a 300-character title', async () => {
    const long =
      `${'Anything and everything we ever learned about reading aloud '.repeat(5)}`.slice(0, 240) + 'x'.repeat(60);
    const { png } = await renderCard(
      input({
        title: long,
        byline: 'Ann Head, Ben Teacher, Carys Pennaeth, Dee Chief and Eve Adviser',
        context: 'A school with a very long name indeed, Shropshire',
        eyebrow: 'Rules of thumb for every single classroom in the whole network of schools',
      }),
    );
    const { data, width, height } = await pixels(png);
    const background = [...data.subarray(0, 3)];
    expect(background).toEqual([0x2b, 0x4c, 0x7e]);
    let stray = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const inside = x >= MARGIN && x < width - MARGIN && y >= MARGIN && y < height - MARGIN;
        if (inside) continue;
        const i = (y * width + x) * 3;
        if (data[i] !== background[0] || data[i + 1] !== background[1] || data[i + 2] !== background[2]) stray++;
      }
    }
    expect(stray).toBe(0);
  });

  it('keeps a title with markup in it as literal text', async () => {
    const title = '<script>alert(1)</script> & "quotes"';
    const tree = cardTree(input({ title }));
    expect(texts(tree).join(' ')).toContain(title);
    const { svg } = await renderCard(input({ title }));
    expect(svg).not.toMatch(/<script/i);
    // With text kept as `<text>`, the SVG holds the title escaped; decoded, it reads exactly as written.
    const withText = await toSvg(tree, { embedFont: false });
    const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };
    const drawn = [...withText.matchAll(/>([^<]*)<\/text>/g)]
      .map((m) => m[1]!.replace(/&(lt|gt|amp|quot|#39);/g, (e) => entities[e]!))
      .join('');
    // Lines break at spaces, so compare without them.
    expect(drawn.replace(/\s/g, '')).toContain(title.replace(/\s/g, ''));
  });

  it('draws Welsh letters as real glyphs, not the missing-glyph box', async () => {
    const glyph = (text: string) =>
      toSvg({
        type: 'div',
        props: {
          style: {
            display: 'flex',
            fontFamily: SERIF,
            fontWeight: 600,
            fontSize: 120,
            color: '#000',
            backgroundColor: '#fff',
          },
          children: text,
        },
      });
    const [welsh, plain, missing] = await Promise.all([glyph('ŵŷ'), glyph('wy'), glyph('\ue000\ue001')]);
    const paths = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
    expect(paths(welsh).length).toBeGreaterThan(0);
    expect(paths(welsh)).not.toEqual(paths(missing));
    expect(paths(welsh)).not.toEqual(paths(plain));
    // The two private-use characters draw the same box; ŵ and ŷ are different letters.
    const box = paths(missing)[0]!;
    expect(paths(welsh).join('')).not.toContain(box);
  });

  it('keeps a Welsh title whole and leaves out emoji cleanly', async () => {
    const tree = cardTree(input({ title: 'Gwdihŵ ac ŷd 🦉 yn yr ysgol', lang: 'cy' }));
    const title = texts(tree).join(' ');
    expect(title).toContain('Gwdihŵ ac ŷd yn yr ysgol');
    expect(title).not.toContain('🦉');
    await expect(renderCard(input({ title: '🦉🦉🦉' }))).resolves.toBeTruthy();
  });
});
