import { TYPES, type SniffedType } from './sniff-type';

const MAX_NAME_LENGTH = 200;

// The extension of a file name, lower case without the dot ('' when there is none).
export const extensionOf = (fileName: string): string => {
  const match = /\.([^.]{1,16})$/.exec(fileName);
  return match ? match[1].toLowerCase() : '';
};

// Control characters, and the bidirectional overrides, embeddings and isolates (plus the marks) that
// make "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
const INVISIBLE = /[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// A file name as agents see it: only its last path segment, no control or bidi characters, no
// trailing dots or spaces (Windows drops them, so "a.exe." would open as "a.exe"), at most 200
// characters (its extension kept). Only shown and used in Content-Disposition, never as a path.
export const cleanFileName = (raw: string): string => {
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(INVISIBLE, '').trim().replace(/[.\s]+$/, '');
  if (!base || base === '.' || base === '..') return 'file';
  if (base.length <= MAX_NAME_LENGTH) return base;
  const extension = extensionOf(base);
  return extension ? `${base.slice(0, MAX_NAME_LENGTH - extension.length - 1)}.${extension}` : base.slice(0, MAX_NAME_LENGTH);
};

// Whether the name's extension agrees with what the content is. A name without an extension
// agrees with anything; an unknown or contradicting one (a ".pdf" that is HTML, a ".jpg" that is a
// PDF) does not: agents trust the extension they see when they open a file.
export const nameMatchesType = (fileName: string, type: SniffedType): boolean => {
  const extension = extensionOf(fileName);
  return extension === '' || type.extensions.includes(extension);
};

// Extensions a file of unknown content (application/octet-stream: only inbound channels keep such
// files) may keep: documents and archives that no browser or desktop runs when opened. Anything else
// (.exe, .html, .svg, .js, .bat, .lnk...) gets ".bin" appended.
const INERT_EXTENSIONS = new Set(['bin', 'dat', 'zip', '7z', 'gz', 'tgz', 'tar', 'rar', 'doc', 'xls', 'ppt', 'odt', 'ods', 'odp', 'rtf', 'heic', 'heif', 'tif', 'tiff', 'bmp', 'ics', 'vcf', 'eml']);

// The name a file is served under (Content-Disposition): never with an extension more dangerous than
// its sniffed type. A name whose extension the type does not carry gets the type's own appended
// ("report.html" that is plain text downloads as "report.html.txt"). Also cleans names stored before
// cleanFileName stripped bidi characters.
export const servedFileName = (fileName: string, mimeType: string): string => {
  const name = cleanFileName(fileName);
  const extension = extensionOf(name);
  const essence = mimeType.split(';')[0].trim().toLowerCase();
  // text/plain, text/csv and text/tab-separated-values are all the one text type.
  const type = essence.startsWith('text/') ? TYPES.text : Object.values(TYPES).find((candidate) => candidate.mimeType === essence);
  if (!type) return extension === '' || INERT_EXTENSIONS.has(extension) ? name : `${name}.bin`;
  return extension === '' || type.extensions.includes(extension) ? name : `${name}.${type.extensions[0]}`;
};
