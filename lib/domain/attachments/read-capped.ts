import { DomainError } from '../errors';

// A whole body read into memory, stopped with TOO_LARGE at the first byte past `maxBytes`: the
// declared length is never trusted. For small bodies (avatars, inbound emails).
export const readCapped = async (stream: ReadableStream<Uint8Array>, { maxBytes, maxMb }: { maxBytes: number; maxMb: number }): Promise<Uint8Array> => {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new DomainError('TOO_LARGE', { maxMb });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
};
