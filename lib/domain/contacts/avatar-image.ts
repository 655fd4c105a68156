import { sniffType, SNIFF_HEAD_BYTES, TYPES } from '../attachments/sniff-type';

// K2: an avatar is a picture of at most 5 MB, counted on the bytes received.
export const MAX_AVATAR_MB = 5;
export const MAX_AVATAR_BYTES = MAX_AVATAR_MB * 1024 * 1024;

// The image types a browser shows in an <img> safely; SVG (active content) is not one of them.
const AVATAR_TYPES: readonly unknown[] = [TYPES.jpeg, TYPES.png, TYPES.webp, TYPES.gif];

// The avatar's MIME type read from its bytes (magic numbers, sniffType: never the file name or the
// browser's Content-Type), or null when it is not one of the allowed pictures.
export const avatarTypeOf = (bytes: Uint8Array): string | null => {
  const type = sniffType({ head: bytes.subarray(0, SNIFF_HEAD_BYTES) });
  return type && AVATAR_TYPES.includes(type) ? type.mimeType : null;
};
