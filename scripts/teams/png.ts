/**
 * The little PNG handling the Teams app package needs: read the header (pixel size), decode
 * 8-bit non-interlaced images to RGBA (to check the outline icon's colours), and encode RGBA
 * images (to draw the built-in icons). Node's zlib does the compression.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { AppError, ErrorCode } from '../../src/domain/errors';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Channels per pixel by PNG colour type (8-bit depth): grey, RGB, grey+alpha, RGBA. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** The fields of the IHDR chunk. */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  readonly colorType: number;
  readonly interlaced: boolean;
}

/** An image as 8-bit RGBA rows, top to bottom. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

function invalid(name: string, reason: string): AppError {
  return new AppError(ErrorCode.ValidationFailed, `${name} is not a usable PNG: ${reason}`, { file: name });
}

function chunksOf(png: Buffer, name: string): { type: string; data: Buffer }[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw invalid(name, 'the PNG signature is missing');
  const chunks: { type: string; data: Buffer }[] = [];
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > png.length) throw invalid(name, `chunk ${type} is truncated`);
    chunks.push({ type, data: png.subarray(offset + 8, offset + 8 + length) });
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** Reads the IHDR chunk (pixel size, depth, colour type). Throws VALIDATION_FAILED for a non-PNG. */
export function readPngHeader(png: Buffer, name = 'image'): PngHeader {
  const ihdr = chunksOf(png, name)[0];
  if (!ihdr || ihdr.type !== 'IHDR' || ihdr.data.length !== 13) throw invalid(name, 'the IHDR chunk is missing');
  return {
    width: ihdr.data.readUInt32BE(0),
    height: ihdr.data.readUInt32BE(4),
    bitDepth: ihdr.data[8] ?? 0,
    colorType: ihdr.data[9] ?? 0,
    interlaced: ihdr.data[12] === 1,
  };
}

/** Decodes an 8-bit, non-interlaced grey, RGB, grey+alpha or RGBA PNG to RGBA. */
export function decodePng(png: Buffer, name = 'image'): RgbaImage {
  const header = readPngHeader(png, name);
  const channels = CHANNELS[header.colorType];
  if (header.bitDepth !== 8 || channels === undefined || header.interlaced) {
    throw invalid(name, 'only 8-bit, non-interlaced greyscale or RGB images (with or without alpha) are supported');
  }
  const compressed = Buffer.concat(chunksOf(png, name).filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data));
  const raw = unfilter(inflateSync(compressed), header.width, header.height, channels);
  const rgba = new Uint8Array(header.width * header.height * 4);
  for (let pixel = 0; pixel < header.width * header.height; pixel += 1) {
    const source = raw.subarray(pixel * channels, pixel * channels + channels);
    const grey = channels <= 2;
    rgba[pixel * 4] = source[0] ?? 0;
    rgba[pixel * 4 + 1] = (grey ? source[0] : source[1]) ?? 0;
    rgba[pixel * 4 + 2] = (grey ? source[0] : source[2]) ?? 0;
    rgba[pixel * 4 + 3] = channels === 2 || channels === 4 ? (source[channels - 1] ?? 0) : 255;
  }
  return { width: header.width, height: header.height, rgba };
}

/** Reverses the per-row filters (PNG spec, section 9) into plain pixel bytes. */
function unfilter(data: Buffer, width: number, height: number, bytesPerPixel: number): Uint8Array {
  const stride = width * bytesPerPixel;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = data[y * (stride + 1)];
    const row = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= bytesPerPixel ? (out[y * stride + x - bytesPerPixel] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= bytesPerPixel ? (out[(y - 1) * stride + x - bytesPerPixel] ?? 0) : 0;
      out[y * stride + x] = ((row[x] ?? 0) + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predictor(filter: number | undefined, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4: {
      const estimate = left + up - upLeft;
      const [dLeft, dUp, dUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
      if (dLeft <= dUp && dLeft <= dUpLeft) return left;
      return dUp <= dUpLeft ? up : upLeft;
    }
    default:
      throw new AppError(ErrorCode.ValidationFailed, `unknown PNG row filter ${String(filter)}`);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes an RGBA image as an 8-bit RGBA PNG (no row filters; deflate at level 9). */
export function encodePng(image: RgbaImage): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const stride = image.width * 4;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y += 1) {
    raw.set(image.rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
