import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePrivateJwk, toPublicJwk } from '@healthcode/core/code';

/** An RSA-2048 private JWK from node:crypto, with kid and alg. */
function rsaJwk(): Record<string, string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(privateKey.export({ format: 'jwk' }) as Record<string, string>), kid: 'rsa-1', alg: 'PS256' };
}

describe('parsePrivateJwk', () => {
  it('accepts an RSA key whose private exponent has fewer bytes than the modulus', () => {
    // d is any number below n; one key in 256 has a leading zero byte dropped (340 characters, not 342).
    const jwk = rsaJwk();
    const short = { ...jwk, d: jwk.d!.slice(0, 340) };
    expect(parsePrivateJwk(short).kid).toBe('rsa-1');
    expect(toPublicJwk(parsePrivateJwk(jwk))).not.toHaveProperty('d');
  });

  it('still refuses an RSA modulus shorter than 2048 bits', () => {
    const jwk = rsaJwk();
    expect(() => parsePrivateJwk({ ...jwk, n: jwk.n!.slice(0, 300) })).toThrow(expect.objectContaining({ code: 'code/invalid_key' }));
  });
});
