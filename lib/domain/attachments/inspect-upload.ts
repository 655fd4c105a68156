import { DomainError } from '../errors';
import { createTextCheck, mayBeAllowedBinary, SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES } from './sniff-type';

export type InspectedUpload = { size: number; head: Uint8Array; tail: Uint8Array; isText: boolean };

const concat = (chunks: Uint8Array[], length: number) => {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
};

// A pass-through stream put between the request body and storage: it counts the bytes and stops
// the upload with TOO_LARGE at the first byte past `maxBytes` (the declared length is never
// trusted), keeps the first and last 64 KB for sniffing, checks whether the whole file is text,
// and stops with UNSUPPORTED_TYPE as soon as the first 64 KB rule out every allowed type. No more
// than those two windows is ever held in memory.
export const createUploadInspector = ({ maxBytes, maxMb }: { maxBytes: number; maxMb: number }) => {
  let size = 0;
  let headChunks: Uint8Array[] = [];
  let headLength = 0;
  let head: Uint8Array | null = null;
  const tailChunks: Uint8Array[] = [];
  let tailLength = 0;
  const text = createTextCheck();
  let failure: DomainError | null = null;

  const fail = (controller: TransformStreamDefaultController<Uint8Array>, error: DomainError) => {
    failure = error;
    controller.error(error);
  };

  const closeHead = (): Uint8Array => {
    const bytes = concat(headChunks, headLength).subarray(0, SNIFF_HEAD_BYTES);
    head = bytes;
    headChunks = [];
    return bytes;
  };

  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform: (chunk, controller) => {
      size += chunk.length;
      if (size > maxBytes) return fail(controller, new DomainError('TOO_LARGE', { maxMb }));
      text.push(chunk);
      if (!head) {
        headChunks.push(chunk);
        headLength += chunk.length;
        if (headLength >= SNIFF_HEAD_BYTES) {
          const first = closeHead();
          if (!text.valid && !mayBeAllowedBinary(first)) return fail(controller, new DomainError('UNSUPPORTED_TYPE'));
        }
      }
      tailChunks.push(chunk);
      tailLength += chunk.length;
      // Drop whole chunks that lie entirely before the last 64 KB.
      while (tailChunks.length > 1 && tailLength - tailChunks[0].length >= SNIFF_TAIL_BYTES) tailLength -= (tailChunks.shift() as Uint8Array).length;
      controller.enqueue(chunk);
    },
  });

  return {
    stream,
    // The error this inspector stopped the upload with, if any (storage adapters may wrap it).
    failure: (): DomainError | null => failure,
    // What was seen, once the stream has ended.
    result: (): InspectedUpload => {
      const first = head ?? closeHead();
      const tail = concat(tailChunks, tailLength);
      return { size, head: first, tail: tail.subarray(Math.max(0, tail.length - SNIFF_TAIL_BYTES)), isText: text.done() };
    },
  };
};
