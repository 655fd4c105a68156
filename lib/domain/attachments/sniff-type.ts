// W4: what a file really is, read from its bytes (magic numbers), never from its name or the
// browser's Content-Type. Only the types below may be uploaded; everything else (executables,
// HTML, SVG, archives, ...) is refused, so a file served back to an agent is always one of them.

export type AttachmentKind = 'image' | 'audio' | 'video' | 'file';

export type SniffedType = {
  mimeType: string;
  kind: AttachmentKind;
  // The file name extensions this content may carry (lower case, without the dot).
  extensions: readonly string[];
};

export type SniffSample = {
  // The first bytes of the file (SNIFF_HEAD_BYTES, or the whole file when smaller).
  head: Uint8Array;
  // The last bytes (ZIP keeps its table of contents at the end; MP4 may keep its track list there).
  tail?: Uint8Array;
  // Whether the WHOLE file is valid UTF-8 without NUL bytes (createTextCheck).
  isText?: boolean;
  // For containers that hold audio or video alike (WebM, MP4) when the tracks cannot be read:
  // a voice note, or an upload declared as audio/*, is audio.
  preferAudio?: boolean;
};

// Enough for every signature below, WebM's codec ids and the first ZIP entries.
export const SNIFF_HEAD_BYTES = 64 * 1024;
export const SNIFF_TAIL_BYTES = 64 * 1024;

const type = (mimeType: string, kind: AttachmentKind, extensions: string[]): SniffedType => ({ mimeType, kind, extensions });

export const TYPES = {
  jpeg: type('image/jpeg', 'image', ['jpg', 'jpeg', 'jpe', 'jfif']),
  png: type('image/png', 'image', ['png']),
  gif: type('image/gif', 'image', ['gif']),
  webp: type('image/webp', 'image', ['webp']),
  pdf: type('application/pdf', 'file', ['pdf']),
  docx: type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'file', ['docx']),
  xlsx: type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'file', ['xlsx']),
  pptx: type('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'file', ['pptx']),
  mp3: type('audio/mpeg', 'audio', ['mp3']),
  oggAudio: type('audio/ogg', 'audio', ['ogg', 'oga', 'opus']),
  oggVideo: type('video/ogg', 'video', ['ogv', 'ogg']),
  webmAudio: type('audio/webm', 'audio', ['webm', 'weba']),
  webmVideo: type('video/webm', 'video', ['webm']),
  mp4Audio: type('audio/mp4', 'audio', ['m4a', 'mp4', 'm4b']),
  mp4Video: type('video/mp4', 'video', ['mp4', 'm4v']),
  wav: type('audio/wav', 'audio', ['wav']),
  text: type('text/plain', 'file', ['txt', 'text', 'log', 'md', 'csv', 'tsv']),
} as const;

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

const startsWith = (bytes: Uint8Array, signature: ArrayLike<number>, offset = 0) => {
  if (bytes.length < offset + signature.length) return false;
  for (let i = 0; i < signature.length; i += 1) if (bytes[offset + i] !== signature[i]) return false;
  return true;
};

const indexOf = (bytes: Uint8Array, needle: Uint8Array, from = 0) => {
  const first = needle[0];
  for (let i = bytes.indexOf(first, from); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, needle, i)) return i;
  }
  return -1;
};

const contains = (samples: Uint8Array[], text: string) => {
  const needle = ascii(text);
  return samples.some((bytes) => indexOf(bytes, needle) !== -1);
};

// Office Open XML files are ZIPs whose entries name the document part; the local headers at the
// start usually list them, the central directory at the end always does.
const sniffOffice = (samples: Uint8Array[]): SniffedType | null => {
  if (!contains(samples, '[Content_Types].xml')) return null;
  if (contains(samples, 'word/document.xml')) return TYPES.docx;
  if (contains(samples, 'ppt/presentation.xml')) return TYPES.pptx;
  if (contains(samples, 'xl/workbook.xml')) return TYPES.xlsx;
  return null;
};

// MPEG audio frame header: 11 sync bits, then version and layer; layer III is MP3.
const isMp3Frame = (head: Uint8Array) => head.length >= 3 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && ((head[1] >> 1) & 0x03) === 0x01;

// ISO base media (MP4) brands we accept; QuickTime (qt), HEIF/AVIF images and the like are refused.
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4A ', 'M4B ', 'M4V ', 'M4P ', 'mmp4', 'MSNV', 'F4V ']);

// A track's handler box ('hdlr', 4 bytes of version/flags, 4 of pre_defined, then the handler type).
const hasMp4Handler = (samples: Uint8Array[], handler: 'vide' | 'soun') => {
  const box = ascii('hdlr');
  const kind = ascii(handler);
  return samples.some((bytes) => {
    for (let i = indexOf(bytes, box); i !== -1; i = indexOf(bytes, box, i + 1)) if (startsWith(bytes, kind, i + 12)) return true;
    return false;
  });
};

const sniffMp4 = (head: Uint8Array, samples: Uint8Array[], preferAudio: boolean): SniffedType | null => {
  const brand = String.fromCharCode(...head.subarray(8, 12));
  if (!MP4_BRANDS.has(brand)) return null;
  if (brand === 'M4A ' || brand === 'M4B ') return TYPES.mp4Audio;
  if (hasMp4Handler(samples, 'vide')) return TYPES.mp4Video;
  if (hasMp4Handler(samples, 'soun')) return TYPES.mp4Audio;
  return preferAudio ? TYPES.mp4Audio : TYPES.mp4Video;
};

// WebM is Matroska with DocType "webm"; its Tracks (near the start) name the codecs.
const sniffWebm = (head: Uint8Array, preferAudio: boolean): SniffedType | null => {
  if (!contains([head.subarray(0, 64)], 'webm')) return null;
  if (['V_VP8', 'V_VP9', 'V_AV1', 'V_MPEG4'].some((codec) => contains([head], codec))) return TYPES.webmVideo;
  if (['A_OPUS', 'A_VORBIS'].some((codec) => contains([head], codec))) return TYPES.webmAudio;
  return preferAudio ? TYPES.webmAudio : TYPES.webmVideo;
};

// Text that a browser would render as a page (HTML, SVG, XML) is not "plain text", whatever its
// name: refused like any other active content.
const MARKUP = /^\s*<(!doctype|html|head|body|script|iframe|style|title|svg|\?xml|!--|a|b|p|br|div|font|h1|table)[\s>/]/i;
const looksLikeMarkup = (head: Uint8Array) => MARKUP.test(new TextDecoder().decode(head.subarray(0, 512)).replace(/^\uFEFF/, ''));

// The allowed type of a file's content, or null when it is not one of them.
export const sniffType = ({ head, tail, isText = false, preferAudio = false }: SniffSample): SniffedType | null => {
  const samples = tail ? [head, tail] : [head];
  if (startsWith(head, [0xff, 0xd8, 0xff])) return TYPES.jpeg;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return TYPES.gif;
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return TYPES.webp;
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WAVE'), 8)) return TYPES.wav;
  if (startsWith(head, ascii('%PDF-'))) return TYPES.pdf;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return sniffOffice(samples);
  if (startsWith(head, ascii('ID3')) || isMp3Frame(head)) return TYPES.mp3;
  if (startsWith(head, ascii('OggS'))) return contains([head], 'theora') || contains([head], '\x01video') ? TYPES.oggVideo : TYPES.oggAudio;
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return sniffWebm(head, preferAudio);
  if (startsWith(head, ascii('ftyp'), 4)) return sniffMp4(head, samples, preferAudio);
  if (isText && head.length > 0 && !looksLikeMarkup(head)) return TYPES.text;
  return null;
};

// Whether the first bytes can still turn out to be an allowed type, so that an upload of anything
// else is stopped at its first chunk instead of after 50 MB. Text is judged by createTextCheck.
export const mayBeAllowedBinary = (head: Uint8Array): boolean =>
  startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || sniffType({ head, tail: head, isText: false }) !== null;

// Streaming check that a file is UTF-8 text without NUL bytes (a NUL means binary, e.g. UTF-16 or
// an executable). Feed every chunk, then read `done()`.
export const createTextCheck = () => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  return {
    push: (chunk: Uint8Array) => {
      if (!valid) return;
      if (chunk.includes(0)) valid = false;
      else {
        try {
          decoder.decode(chunk, { stream: true });
        } catch {
          valid = false;
        }
      }
    },
    get valid() {
      return valid;
    },
    done: (): boolean => {
      if (!valid) return false;
      try {
        decoder.decode();
        return true;
      } catch {
        return false;
      }
    },
  };
};
