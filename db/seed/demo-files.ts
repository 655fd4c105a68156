import { deflateSync } from 'node:zlib';
import { like } from 'drizzle-orm';
import type { Db } from '../client';
import { attachments } from '../schema';
import type { Storage } from '@/lib/domain/context';

// The demo attachments point at `demo/<message id>/<name>` keys; this writes a small real file for each one that
// storage does not have yet, so previews, players and downloads work in the demo.

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const pngChunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

// A 160×120 PNG with a soft gradient.
const demoPng = () => {
  const width = 160;
  const height = 120;
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, (_, x) => [200 - y / 2, 220 - x / 4, 240]).flat())]),
  );
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.concat(rows))), pngChunk('IEND', Buffer.alloc(0))]);
};

// A quiet 440 Hz tone, 8 kHz mono 8-bit WAV, as long as the note says (at most 20 s).
const demoWav = (seconds: number) => {
  const rate = 8000;
  const samples = Math.round(rate * Math.min(Math.max(seconds, 1), 20));
  const data = Buffer.from(Array.from({ length: samples }, (_, i) => 128 + Math.round(20 * Math.sin((2 * Math.PI * 440 * i) / rate))));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
};

// A one-page PDF that says what it is.
const demoPdf = (title: string) => {
  const text = title.replace(/[()\\]/g, '');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${44 + text.length} >>\nstream\nBT /F1 18 Tf 72 770 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
};

export const writeDemoFiles = async (db: Db, storage: Storage): Promise<number> => {
  const rows = await db
    .selectDistinctOn([attachments.storageKey], { key: attachments.storageKey, kind: attachments.kind, fileName: attachments.fileName, duration: attachments.duration })
    .from(attachments)
    .where(like(attachments.storageKey, 'demo/%'));
  let written = 0;
  for (const row of rows) {
    const existing = await storage.get(row.key);
    if (existing) {
      await existing.cancel();
      continue;
    }
    const bytes = row.kind === 'image' ? demoPng() : row.kind === 'audio' ? demoWav(row.duration ?? 5) : demoPdf(row.fileName);
    await storage.put(row.key, new Uint8Array(bytes), 'application/octet-stream');
    written++;
  }
  return written;
};
