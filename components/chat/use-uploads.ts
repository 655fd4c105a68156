'use client';

import { useCallback, useState } from 'react';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export type Upload = {
  key: string;
  fileName: string;
  size: number;
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  attachmentId?: number;
  // An error code from the server (TOO_LARGE, UNSUPPORTED_TYPE, ...) or NETWORK.
  error?: string;
};

type UploadOptions = { voiceNote?: { duration: number } };

// Uploads files to a conversation one request each, with progress (XMLHttpRequest: fetch has no
// upload progress). Files over 50 MB are refused here before any byte is sent; the server checks
// again by counting the bytes it receives.
export const useUploads = (conversationId: number) => {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const update = (key: string, change: Partial<Upload>) => setUploads((previous) => previous.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));

  const upload = useCallback(
    (file: Blob & { name?: string }, options: UploadOptions = {}) =>
      new Promise<Upload>((resolve) => {
        const key = crypto.randomUUID();
        const fileName = file.name || `nota-de-voz-${new Date().toISOString().slice(0, 19)}.webm`;
        const entry: Upload = { key, fileName, size: file.size, progress: 0, status: 'uploading' };
        if (file.size > MAX_UPLOAD_BYTES) {
          const refused = { ...entry, status: 'failed' as const, error: 'TOO_LARGE' };
          setUploads((previous) => [...previous, refused]);
          return resolve(refused);
        }
        setUploads((previous) => [...previous, entry]);
        const request = new XMLHttpRequest();
        request.open('POST', `/api/conversations/${conversationId}/attachments`);
        request.setRequestHeader('X-File-Name', encodeURIComponent(fileName));
        request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
        if (options.voiceNote) {
          request.setRequestHeader('X-Voice-Note', '1');
          request.setRequestHeader('X-Duration', String(options.voiceNote.duration));
        }
        request.upload.onprogress = (event) => event.lengthComputable && update(key, { progress: event.loaded / event.total });
        request.onload = () => {
          let body: { id?: number; error?: string } = {};
          try {
            body = JSON.parse(request.responseText);
          } catch {
            body = {};
          }
          const result: Partial<Upload> =
            request.status >= 200 && request.status < 300 && body.id
              ? { status: 'done', progress: 1, attachmentId: body.id }
              : { status: 'failed', error: body.error ?? 'UNKNOWN' };
          update(key, result);
          resolve({ ...entry, ...result });
        };
        request.onerror = () => {
          update(key, { status: 'failed', error: 'NETWORK' });
          resolve({ ...entry, status: 'failed', error: 'NETWORK' });
        };
        request.send(file);
      }),
    [conversationId],
  );

  const remove = (key: string) => setUploads((previous) => previous.filter((upload) => upload.key !== key));
  const clear = () => setUploads([]);
  return { uploads, upload, remove, clear };
};
