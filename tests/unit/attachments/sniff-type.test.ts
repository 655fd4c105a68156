import { describe, expect, it } from 'vitest';
import { cleanFileName, nameMatchesType } from '@/lib/domain/attachments/file-name';
import { createTextCheck, mayBeAllowedBinary, sniffType, TYPES } from '@/lib/domain/attachments/sniff-type';
import { samples } from '../../helpers/messages-factories';

const textOf = (bytes: Uint8Array) => {
  const check = createTextCheck();
  check.push(bytes);
  return check.done();
};
const sniff = (bytes: Uint8Array, options: { preferAudio?: boolean } = {}) => sniffType({ head: bytes, tail: bytes, isText: textOf(bytes), ...options });

describe('sniffType: the type comes from the bytes', () => {
  it.each([
    ['png', 'image/png', 'image'],
    ['jpeg', 'image/jpeg', 'image'],
    ['gif', 'image/gif', 'image'],
    ['webp', 'image/webp', 'image'],
    ['pdf', 'application/pdf', 'file'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'file'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'file'],
    ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'file'],
    ['mp3', 'audio/mpeg', 'audio'],
    ['ogg', 'audio/ogg', 'audio'],
    ['wav', 'audio/wav', 'audio'],
    ['webmAudio', 'audio/webm', 'audio'],
    ['webmVideo', 'video/webm', 'video'],
    ['m4a', 'audio/mp4', 'audio'],
    ['mp4Video', 'video/mp4', 'video'],
    ['text', 'text/plain', 'file'],
    ['csv', 'text/plain', 'file'],
  ] as const)('%s is %s (%s)', (sample, mimeType, kind) => {
    expect(sniff(samples[sample])).toMatchObject({ mimeType, kind });
  });

  it('an MPEG-1 layer III frame without an ID3 tag is MP3; an AAC (ADTS) frame is not', () => {
    expect(sniff(new Uint8Array([0xff, 0xfb, 0x90, 0x64, ...new Array(60).fill(0)]))).toBe(TYPES.mp3);
    expect(sniff(new Uint8Array([0xff, 0xf1, 0x50, 0x80, ...new Array(60).fill(0)]))).toBeNull();
  });

  it.each(['exe', 'elf', 'zip', 'html', 'svg'] as const)('refuses %s', (sample) => {
    expect(sniff(samples[sample])).toBeNull();
  });

  it('refuses binary junk, UTF-16 text (NUL bytes), invalid UTF-8 and an empty file', () => {
    expect(sniff(Uint8Array.from({ length: 256 }, (_, i) => (i * 7919) % 256))).toBeNull();
    expect(sniff(new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x6f, 0x00, 0x6c, 0x00, 0x61, 0x00]))).toBeNull();
    expect(sniff(new Uint8Array([0x48, 0x6f, 0xc3, 0x28]))).toBeNull();
    expect(sniff(new Uint8Array())).toBeNull();
  });

  it('a WebM or MP4 whose tracks cannot be read is audio for a voice note and video otherwise', () => {
    const bareWebm = samples.webmAudio.subarray(0, 20);
    expect(sniff(bareWebm)).toBe(TYPES.webmVideo);
    expect(sniff(bareWebm, { preferAudio: true })).toBe(TYPES.webmAudio);
    const bareMp4 = samples.mp4Video.subarray(0, 24);
    expect(sniff(bareMp4)).toBe(TYPES.mp4Video);
    expect(sniff(bareMp4, { preferAudio: true })).toBe(TYPES.mp4Audio);
  });

  it('an Office file is recognised from the central directory at the end too', () => {
    const head = samples.zip;
    expect(sniffType({ head, tail: samples.docx })).toBe(TYPES.docx);
    expect(sniffType({ head })).toBeNull();
  });

  it('QuickTime and HEIF (ISO media that is not MP4) are refused', () => {
    const brand = (name: string) => new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode(`ftyp${name}`), ...new Array(40).fill(0)]);
    expect(sniff(brand('qt  '))).toBeNull();
    expect(sniff(brand('heic'))).toBeNull();
    expect(sniff(brand('isom'))).not.toBeNull();
  });

  it('mayBeAllowedBinary stops an executable at its first chunk but lets a ZIP go on to its end', () => {
    expect(mayBeAllowedBinary(samples.exe)).toBe(false);
    expect(mayBeAllowedBinary(samples.zip)).toBe(true);
    expect(mayBeAllowedBinary(samples.png)).toBe(true);
  });
});

describe('createTextCheck', () => {
  it('accepts UTF-8 split anywhere across chunks, refuses a NUL or a cut character', () => {
    const bytes = new TextEncoder().encode('añ€😀');
    for (let split = 0; split <= bytes.length; split += 1) {
      const check = createTextCheck();
      check.push(bytes.subarray(0, split));
      check.push(bytes.subarray(split));
      expect(check.done()).toBe(true);
    }
    const nul = createTextCheck();
    nul.push(new TextEncoder().encode('a\u0000b'));
    expect(nul.done()).toBe(false);
    const cut = createTextCheck();
    cut.push(bytes.subarray(0, bytes.length - 1));
    expect(cut.done()).toBe(false);
  });
});

describe('nameMatchesType: the extension may not lie', () => {
  it('accepts matching extensions in any case, and names without one', () => {
    expect(nameMatchesType('Foto.JPG', TYPES.jpeg)).toBe(true);
    expect(nameMatchesType('scan.jpeg', TYPES.jpeg)).toBe(true);
    expect(nameMatchesType('pedido.csv', TYPES.text)).toBe(true);
    expect(nameMatchesType('README', TYPES.text)).toBe(true);
  });

  it('refuses an extension that contradicts the content, or one no allowed type has', () => {
    expect(nameMatchesType('factura.pdf', TYPES.text)).toBe(false);
    expect(nameMatchesType('foto.jpg', TYPES.pdf)).toBe(false);
    expect(nameMatchesType('setup.exe', TYPES.pdf)).toBe(false);
    expect(nameMatchesType('page.html', TYPES.text)).toBe(false);
  });
});

describe('cleanFileName', () => {
  it('keeps only the last path segment, without control characters, at most 200 characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\ana\\foto.png')).toBe('foto.png');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(cleanFileName('')).toBe('file');
    expect(cleanFileName('..')).toBe('file');
    const long = cleanFileName(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
