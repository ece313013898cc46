import sharp from 'sharp';

/** Words planted in a test photo's metadata, each of which must never reach a published file. */
export const plantedSecrets = {
  owner: 'Jane Photographer',
  artist: 'Mr Owen Camera',
  comment: 'Taken outside 14 Mill Lane',
  xmpCreator: 'Sarah Safeguard',
  // GPS 52.3676 N, 2.7180 W (Ludlow) as EXIF rationals: the degrees stored in the file.
  latitude: 52,
  longitude: 2,
};

const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${plantedSecrets.xmpCreator}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** Inserts a JPEG comment segment (COM) after the start-of-image marker. */
function withComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/**
 * A photo as a phone saves it: the GPS position, the camera owner's and photographer's names, the time,
 * an XMP creator and a comment. `width` × `height` pixels of a gradient, so it encodes like a photo.
 */
export async function phonePhoto(width = 1600, height = 1200): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = (x * 255) / width;
      pixels[at + 1] = (y * 255) / height;
      pixels[at + 2] = ((x + y) * 7) % 255;
    }
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: { Artist: plantedSecrets.artist, Make: 'PhoneCo', Model: 'Phone 12', DateTime: '2025:06:20 10:15:00' },
      IFD2: { CameraOwnerName: plantedSecrets.owner, DateTimeOriginal: '2025:06:20 10:15:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: `${plantedSecrets.latitude}/1 22/1 336/100`,
        GPSLongitudeRef: 'W',
        GPSLongitude: `${plantedSecrets.longitude}/1 43/1 48/1`,
      },
    })
    .withXmp(xmp)
    .jpeg({ quality: 85 })
    .toBuffer();
  return withComment(jpeg, plantedSecrets.comment);
}
