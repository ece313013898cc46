import { clampLines, fitTitle, normaliseText, type FitBox, type TitleFit } from './fit.ts';
import { SANS, SERIF } from './fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardInput } from './input.ts';
import { measureBody } from './metrics.ts';

/** Bump when the drawing changes, so every cached card is drawn again. */
export const TEMPLATE_VERSION = 1;

/** The band along the card's edges where nothing but the background is ever drawn, px. */
export const MARGIN = 64;
// Layout starts a little further in, since antialiasing and side bearings reach a pixel or two beyond a box.
const PADDING = MARGIN + 8;
const INNER = CARD_WIDTH - 2 * PADDING;

/** A satori element: the shape React elements have, without React. */
export interface CardNode {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: CardChild | CardChild[];
    src?: string;
    [key: string]: unknown;
  };
}
type CardChild = CardNode | string;

const el = (
  type: string,
  style: Record<string, string | number>,
  children?: CardChild | CardChild[],
  extra = {},
): CardNode => ({
  type,
  props: { style, ...(children === undefined ? {} : { children }), ...extra },
});

/** Title box per layout: pages named after a thing get bigger type and fewer lines. */
export function titleBox(input: Pick<CardInput, 'layout' | 'subtitle'>): FitBox {
  const named = ['school', 'author', 'family', 'topic', 'network'].includes(input.layout);
  return {
    // A little narrower than the box, so kerning and rounding never push a line past the margin.
    width: INNER - 16,
    maxLines: input.subtitle ? 3 : 4,
    maxSize: named ? 88 : 72,
    minSize: 40,
    lineHeight: 1.15,
    height: input.subtitle ? 190 : 290,
  };
}

const SUBTITLE_SIZE = 30;
const META_SIZE = 28;

/** Cuts text to `lines` lines of body text, with an ellipsis when cut. */
const clampBody = (text: string, width: number, size: number, lines: number) =>
  clampLines(text, width, size, lines, measureBody);

/** A `#rrggbb` colour at an opacity, as satori's `rgba()`. */
function translucent(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgba(${r},${g},${b},${alpha})`;
}

/**
 * The one card template: a field of the brand colour as declared, the title in Literata in the text colour
 * chosen for it (black or white), an eyebrow with the
 * page's kind above it, and a footer with the people, the school or family, the date and the network.
 */
export function cardTree(
  input: CardInput,
  logo?: string,
  fit: TitleFit = fitTitle(input.title, titleBox(input)),
): CardNode {
  const ink = input.ink ?? '#ffffff';
  const soft = translucent(ink, 0.86);
  // Lines come already broken by `fitTitle`; no overflow clipping, which would cut descenders off.
  const line = (text: string, style: Record<string, string | number>) =>
    el('div', { display: 'flex', width: INNER, whiteSpace: 'pre', ...style }, text);

  const eyebrow = input.eyebrow ? normaliseText(input.eyebrow) : undefined;
  const title = el(
    'div',
    { display: 'flex', flexDirection: 'column', width: INNER },
    fit.lines.map((text) =>
      line(text, {
        fontFamily: SERIF,
        fontWeight: 600,
        fontSize: fit.fontSize,
        lineHeight: fit.lineHeight,
        color: ink,
      }),
    ),
    { lang: input.lang },
  );
  const subtitle = input.subtitle
    ? clampBody(normaliseText(input.subtitle), INNER - 16, SUBTITLE_SIZE, 2).map((text) =>
        line(text, { fontFamily: SANS, fontSize: SUBTITLE_SIZE, lineHeight: 1.3, color: soft }),
      )
    : [];

  const present = (values: (string | undefined)[]) => values.map((v) => normaliseText(v ?? '')).filter(Boolean);
  const footerLeft = present([input.byline, input.context]);
  // The network's own card has its name as the title already.
  const right = present([input.date, input.title === input.network ? undefined : input.network]);
  // The right column is as wide as its text; the left one takes the rest. Bold text is wider than the body
  // face the table measures, so widths allow 12% more.
  const BOLD = 1.12;
  const rightWidth = Math.min(INNER / 2, Math.ceil(Math.max(0, ...right.map((t) => measureBody(t, META_SIZE) * BOLD))));
  const leftWidth = INNER - rightWidth - 40;
  const footerLine = (text: string, bold: boolean, align: 'left' | 'right') => {
    const width = align === 'left' ? leftWidth : rightWidth;
    return el(
      'div',
      {
        display: 'flex',
        justifyContent: align === 'left' ? 'flex-start' : 'flex-end',
        width,
        whiteSpace: 'pre',
        fontFamily: SANS,
        fontWeight: bold ? 700 : 400,
        fontSize: META_SIZE,
        lineHeight: 1.3,
        color: bold ? ink : soft,
      },
      clampBody(text, width / BOLD, META_SIZE, 1)[0] ?? '',
    );
  };

  const head = el(
    'div',
    { display: 'flex', alignItems: 'center', justifyContent: 'space-between', width: INNER, height: 72 },
    [
      el(
        'div',
        {
          display: 'flex',
          fontFamily: SANS,
          fontWeight: 700,
          fontSize: 26,
          letterSpacing: 2,
          textTransform: 'uppercase',
          color: ink,
          whiteSpace: 'pre',
        },
        eyebrow ? clampBody(eyebrow.toUpperCase(), (logo ? INNER - 100 : INNER) / 1.25, 26, 1)[0]! : '',
      ),
      ...(logo
        ? [
            el(
              'div',
              {
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                width: 72,
                height: 72,
                borderRadius: 12,
                // The logo keeps its white tile on any colour.
                backgroundColor: '#ffffff',
              },
              el('img', { width: 60, height: 60, objectFit: 'contain' }, undefined, {
                src: logo,
                width: 60,
                height: 60,
              }),
            ),
          ]
        : []),
    ],
  );

  const footer = el(
    'div',
    {
      display: 'flex',
      justifyContent: 'space-between',
      alignItems: 'flex-end',
      width: INNER,
      paddingTop: 24,
      borderTop: `2px solid ${translucent(ink, 0.5)}`,
    },
    [
      el(
        'div',
        { display: 'flex', flexDirection: 'column' },
        footerLeft.map((text, index) => footerLine(text, index === 0 && Boolean(input.byline), 'left')),
      ),
      el(
        'div',
        { display: 'flex', flexDirection: 'column', alignItems: 'flex-end' },
        right.map((text, index) => footerLine(text, index === right.length - 1, 'right')),
      ),
    ],
  );

  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      padding: PADDING,
      backgroundColor: input.colour,
    },
    [
      head,
      el('div', { display: 'flex', flexDirection: 'column', gap: 16, width: INNER }, [
        title,
        ...(subtitle.length ? [el('div', { display: 'flex', flexDirection: 'column' }, subtitle)] : []),
      ]),
      footer,
    ],
  );
}
