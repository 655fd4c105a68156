import { describe, expect, it } from 'vitest';
import { cleanFileName, servedFileName } from '@/lib/domain/attachments/file-name';

describe('cleanFileName', () => {
  it.each([
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u2066report\u2069.pdf', 'report.pdf'],
    ['a\u202A\u202B\u202C\u202D.png', 'a.png'],
    ['\u200Fphoto\u200E.jpg\u061C', 'photo.jpg'],
    ['virus.exe.', 'virus.exe'],
    ['virus.exe . . ', 'virus.exe'],
    ['notes.txt\u2067 .', 'notes.txt'],
    ['...', 'file'],
    [' . ', 'file'],
    ['C:\\Users\\ana\\carta.pdf', 'carta.pdf'],
    ['tab\there.txt', 'tabhere.txt'],
  ])('%j becomes %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });
});

describe('servedFileName', () => {
  it.each([
    // The sniffed type's own extensions, or none, are kept.
    ['foto.png', 'image/png', 'foto.png'],
    ['foto', 'image/png', 'foto'],
    ['datos.csv', 'text/csv', 'datos.csv'],
    ['factura.pdf', 'application/pdf', 'factura.pdf'],
    // A name claiming something more dangerous than the content gets the content's extension.
    ['pagina.html', 'text/plain', 'pagina.html.txt'],
    ['dibujo.svg', 'image/png', 'dibujo.svg.png'],
    ['factura.pdf.exe', 'application/pdf', 'factura.pdf.exe.pdf'],
    // Unknown content keeps inert document and archive extensions only.
    ['fotos.zip', 'application/octet-stream', 'fotos.zip'],
    ['carta.doc', 'application/octet-stream', 'carta.doc'],
    ['setup.exe', 'application/octet-stream', 'setup.exe.bin'],
    ['factura.pdf.exe', 'application/octet-stream', 'factura.pdf.exe.bin'],
    ['run.bat', 'application/octet-stream', 'run.bat.bin'],
    ['readme', 'application/octet-stream', 'readme'],
    // Names stored before the bidi characters were stripped are cleaned on the way out.
    ['invoice\u202Efdp.exe', 'application/octet-stream', 'invoicefdp.exe.bin'],
    ['evil.exe.', 'application/octet-stream', 'evil.exe.bin'],
  ])('%j served as %s is %j', (name, mimeType, served) => {
    expect(servedFileName(name, mimeType)).toBe(served);
  });
});
