import sharp from 'sharp';

/**
 * The generator's images: four small 400×225 charts drawn as SVG (shapes only, no text, so no font is
 * needed) and rendered to PNG once per run with sharp.
 */
const W = 400;
const H = 225;
const frame = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="${W}" height="${H}" fill="#ffffff"/><path d="M40 20V195H380" stroke="#444" stroke-width="2" fill="none"/>${body}</svg>`;

const bars = (values: readonly number[], colour: string, offset = 0, width = 50) =>
  values
    .map((v, i) => `<rect x="${60 + offset + i * 80}" y="${195 - v}" width="${width}" height="${v}" fill="${colour}"/>`)
    .join('');

const svgs: readonly string[] = [
  frame(bars([70, 95, 120, 150], '#1d4e89')),
  frame(
    `<polyline points="50,60 110,70 170,120 230,135 290,95 350,55" fill="none" stroke="#b3261e" stroke-width="4"/>` +
      [60, 70, 120, 135, 95, 55].map((y, i) => `<circle cx="${50 + i * 60}" cy="${y}" r="5" fill="#b3261e"/>`).join(''),
  ),
  frame(
    [
      [90, 40, 30],
      [90, 30, 10],
    ]
      .map((parts, i) => {
        let y = 195;
        return parts
          .map((h, j) => {
            y -= h;
            return `<rect x="${90 + i * 150}" y="${y}" width="90" height="${h}" fill="${['#0b6e4f', '#9bc53d', '#f2c94c'][j]}"/>`;
          })
          .join('');
      })
      .join(''),
  ),
  frame(bars([60, 80, 45, 100], '#9aa5b1', 0, 28) + bars([90, 110, 85, 130], '#5b2a86', 30, 28)),
];

let rendered: Promise<Buffer[]> | undefined;

/** PNG bytes of every chart, rendered once and shared by every post that uses one. */
export function renderCharts(): Promise<Buffer[]> {
  rendered ??= Promise.all(
    svgs.map((svg) => sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer()),
  );
  return rendered;
}
