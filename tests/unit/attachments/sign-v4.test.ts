import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, signV4, uriEncode } from '@/lib/storage/sign-v4';

describe('signV4', () => {
  // The "GET Object" example of the AWS documentation (Signature Version 4, single chunk).
  it('signs the AWS documentation example exactly', () => {
    const headers = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
    expect(headers.host).toBe('examplebucket.s3.amazonaws.com');
  });

  it('encodes keys the way S3 does', () => {
    expect(uriEncode('1/2025/05/a b!ü', true)).toBe('1/2025/05/a%20b%21%C3%BC');
    expect(uriEncode('a/b')).toBe('a%2Fb');
  });
});
