import { createHash, createHmac } from 'node:crypto';

// AWS Signature Version 4 for S3-compatible object stores (AWS S3, MinIO, Cloudflare R2, Backblaze
// B2, DigitalOcean Spaces...), written against the AWS documentation with node:crypto so that no
// SDK is needed for three verbs.

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

// RFC 3986 encoding as S3 wants it: everything but A-Z a-z 0-9 - _ . ~ is %XX (encodeURIComponent
// leaves ! ' ( ) * alone); in a path the slashes stay.
export const uriEncode = (text: string, keepSlashes = false): string =>
  text
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join(keepSlashes ? '/' : '%2F');

export type SignV4Options = {
  method: string;
  // The request URL; its path must already be encoded (uriEncode with slashes kept).
  url: URL;
  // Headers to sign besides host, x-amz-date and x-amz-content-sha256 (e.g. content-type, range).
  headers?: Record<string, string>;
  // Hex SHA-256 of the body (EMPTY_SHA256 for none).
  payloadHash: string;
  region: string;
  service?: string;
  accessKeyId: string;
  secretAccessKey: string;
  now: Date;
};

// The headers of a signed request: the given ones plus host, x-amz-date, x-amz-content-sha256 and
// authorization.
export const signV4 = ({ method, url, headers = {}, payloadHash, region, service = 's3', accessKeyId, secretAccessKey, now }: SignV4Options): Record<string, string> => {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const date = amzDate.slice(0, 8);
  const all: Record<string, string> = { ...headers, host: url.host, 'x-amz-date': amzDate, 'x-amz-content-sha256': payloadHash };
  const canonical = Object.entries(all)
    .map(([name, value]) => [name.toLowerCase(), String(value).trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = canonical.map(([name]) => name).join(';');
  const query = [...url.searchParams.entries()]
    .map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`)
    .sort()
    .join('&');
  const canonicalRequest = [
    method.toUpperCase(),
    url.pathname || '/',
    query,
    canonical.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  return {
    ...Object.fromEntries(canonical),
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
};
