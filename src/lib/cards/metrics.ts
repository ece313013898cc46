/**
 * Advance widths (thousandths of an em) of printable ASCII, U+0020 to U+007E, in the card fonts, read
 * from the `@fontsource` WOFF files. Accented letters measure as their base letter.
 */
const literata600 = [
  200, 331, 417, 683, 581, 884, 825, 248, 347, 347, 450, 582, 327, 345, 330, 463, 601, 412, 526, 552, 582, 529, 566,
  529, 574, 555, 330, 327, 582, 582, 582, 550, 906, 746, 678, 705, 773, 652, 629, 761, 840, 414, 568, 772, 643, 993,
  835, 770, 633, 776, 736, 607, 742, 795, 749, 1100, 736, 732, 674, 345, 465, 345, 582, 470, 500, 562, 632, 525, 640,
  547, 411, 586, 678, 352, 326, 646, 351, 986, 681, 609, 643, 625, 514, 479, 424, 659, 609, 883, 588, 596, 514, 370,
  433, 370, 582,
];
const sourceSans400 = [
  200, 289, 426, 497, 497, 824, 609, 249, 303, 303, 418, 497, 249, 311, 249, 350, 497, 497, 497, 497, 497, 497, 497,
  497, 497, 497, 249, 249, 497, 497, 497, 425, 847, 543, 588, 571, 615, 527, 494, 617, 652, 263, 479, 579, 486, 727,
  647, 664, 566, 664, 569, 534, 536, 645, 515, 786, 513, 476, 539, 303, 350, 303, 497, 500, 542, 504, 553, 456, 555,
  496, 292, 504, 544, 246, 247, 495, 255, 829, 547, 542, 555, 555, 347, 419, 338, 544, 467, 719, 446, 467, 425, 303,
  241, 303, 497,
];

const extra: Record<string, [number, number]> = {
  '…': [906, 948],
  '‘': [315, 249],
  '’': [315, 249],
  '“': [529, 426],
  '”': [529, 426],
  '–': [500, 480],
  '—': [1000, 800],
};

/** Measures text in the card's title face (0) or body face (1): width in px at `fontSize`. */
export type Measure = (text: string, fontSize: number) => number;

const widthOf = (char: string, face: 0 | 1): number => {
  const table = face === 0 ? literata600 : sourceSans400;
  const code = char.codePointAt(0)!;
  if (code >= 32 && code < 127) return table[code - 32]!;
  const known = extra[char];
  if (known) return known[face];
  const base = char.normalize('NFD')[0]!.codePointAt(0)!;
  if (base >= 32 && base < 127) return table[base - 32]!;
  // Wider than any Latin lower-case letter, so an estimate never comes out short.
  return 700;
};

const measureWith =
  (face: 0 | 1): Measure =>
  (text, fontSize) => {
    let total = 0;
    for (const char of text) total += widthOf(char, face);
    return (total * fontSize) / 1000;
  };

/** Width of text set in the title face, Literata 600. */
export const measureTitle = measureWith(0);
/** Width of text set in the body face, Source Sans 3 400. */
export const measureBody = measureWith(1);

/**
 * Code points the bundled subsets cover: the `latin` and `latin-ext` unicode ranges of `@fontsource/literata`
 * and `@fontsource/source-sans-3` (the same for both).
 */
const coverage: [number, number][] = (
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,' +
  'U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD,U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,' +
  'U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF'
)
  .split(',')
  .map((range) => {
    const [from, to = from] = range.slice(2).split('-');
    return [parseInt(from!, 16), parseInt(to!, 16)];
  });

/** True when a bundled font has a glyph for the character. */
export const isCovered = (char: string): boolean => {
  const code = char.codePointAt(0)!;
  return coverage.some(([from, to]) => code >= from && code <= to);
};
