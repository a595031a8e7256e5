/** The sizes packed into the icon: the tab (16, 32) and a larger one for shortcuts and high-density screens. */
const SIZES = [16, 32, 48] as const;

/**
 * A `.ico` file drawn from an SVG (the site's logo): one PNG per size, in the ICO container that every
 * browser reads at /favicon.ico (PNG entries are allowed since Windows Vista and by all browsers).
 */
export async function icoFromSvg(svg: Buffer): Promise<Buffer> {
  // libvips is loaded when the icon is first drawn, not at start-up (ADR 0011).
  const { default: sharp } = await import('sharp');
  const images = await Promise.all(SIZES.map((size) => sharp(svg, { density: 384 }).resize(size, size).png().toBuffer()));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = header.length + 16 * images.length;
  images.forEach((image, index) => {
    const size = SIZES[index]!;
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size, 0); // width (0 would mean 256)
    entry.writeUInt8(size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(image.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += image.length;
    entries.push(entry);
  });
  return Buffer.concat([header, ...entries, ...images]);
}
