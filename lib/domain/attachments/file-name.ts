import type { SniffedType } from './sniff-type';

const MAX_NAME_LENGTH = 200;

// The extension of a file name, lower case without the dot ('' when there is none).
export const extensionOf = (fileName: string): string => {
  const match = /\.([^.]{1,16})$/.exec(fileName);
  return match ? match[1].toLowerCase() : '';
};

// A file name as agents see it: only its last path segment, no control characters, at most 200
// characters (its extension kept). Only shown and used in Content-Disposition, never as a path.
export const cleanFileName = (raw: string): string => {
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
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
