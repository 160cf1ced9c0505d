import { KEYUTIL, KJUR } from 'jsrsasign';
import { CryptoError } from '../errors.js';
import { base64urlDecode, base64urlEncode } from '../jws/base64url.js';
import type { Alg, PrivateJwk, PublicJwk } from '../keys.js';
import { bytesToHex, hexToBytes } from './bytes.js';
import { isWellFormedEs256Signature } from './ecdsa-signature.js';
import { p256PublicPoint, sha256Hex, verifyP256, type P256Point } from './jsrsasign-es256.js';
import { KeyCache } from './key-cache.js';
import type { CryptoProvider, GeneratedKeyMaterial } from './provider.js';
import { secureRandomBytes, secureRandomSource } from './secure-random.js';

type JsrsasignKey = ReturnType<typeof KEYUTIL.getKey>;
// Present at runtime in jsrsasign 11 but missing from its typings.
const ecdsaStatics = KJUR.crypto.ECDSA as unknown as { parseSigHexInHexRS(der: string): { r: string; s: string } };

const SIGNATURE_PARAMS: Record<Alg, { alg: string; psssaltlen?: number }> = {
  ES256: { alg: 'SHA256withECDSA' },
  RS256: { alg: 'SHA256withRSA' },
  PS256: { alg: 'SHA256withRSAandMGF1', psssaltlen: 32 },
};

// jsrsasign seeds its generator from crypto.getRandomValues when the engine has it and from
// Math.random otherwise; ECDSA nonces from Math.random leak the private key, so refuse to sign then.
function requireSecureRandom(what: string): void {
  if (!secureRandomSource()) throw new CryptoError('crypto/no_secure_random', `jsrsasign cannot ${what} safely: this engine has no crypto.getRandomValues`);
}

function padHex(hex: string, bytes: number): string {
  const trimmed = hex.replace(/^(00)+/, '');
  return trimmed.padStart(bytes * 2, '0');
}

// jsrsasign may drop leading zero bytes of EC coordinates; JWK (RFC 7518 §6.2.1.2) wants full length.
function fixedLength(b64: string | undefined, bytes: number): string | undefined {
  const raw = b64 === undefined ? undefined : base64urlDecode(b64);
  return raw === undefined ? b64 : base64urlEncode(hexToBytes(padHex(bytesToHex(raw), bytes)));
}

/**
 * A {@link CryptoProvider} in pure JavaScript (jsrsasign), for engines without WebCrypto such as
 * mini-program runtimes. Verification works anywhere; signing and key generation need
 * `crypto.getRandomValues` and throw `no_secure_random` without it. An ES256 verification costs
 * about 20 ms on a desktop CPU (with Shamir's trick, several times faster than jsrsasign's own `verify`),
 * so prefer {@link nodeCryptoProvider} or {@link webCryptoProvider} where they exist.
 */
export function jsrsasignCryptoProvider(): CryptoProvider {
  const keys = new KeyCache<JsrsasignKey>();
  // null marks a JWK whose point is not on the curve, so it is refused without decoding it again.
  const points = new KeyCache<P256Point | null>();
  const load = (jwk: PublicJwk | PrivateJwk): JsrsasignKey =>
    keys.get(jwk, () => KEYUTIL.getKey(jwk as unknown as Parameters<typeof KEYUTIL.getKey>[0]));

  return {
    name: 'jsrsasign',
    async sign(alg, key, data) {
      if (key.alg !== alg) throw new CryptoError('crypto/invalid_key', `key ${key.kid} is for ${key.alg}, not ${alg}`);
      requireSecureRandom('sign');
      let hex: string;
      try {
        const sig = new KJUR.crypto.Signature(SIGNATURE_PARAMS[alg]);
        sig.init(load(key));
        sig.updateHex(bytesToHex(data));
        hex = sig.sign();
      } catch (cause) {
        throw new CryptoError('crypto/crypto_failure', `jsrsasign could not sign with ${key.kid}`, { cause });
      }
      if (alg !== 'ES256') return hexToBytes(hex);
      const { r, s } = ecdsaStatics.parseSigHexInHexRS(hex);
      return hexToBytes(padHex(r, 32) + padHex(s, 32));
    },
    async verify(alg, key, data, signature) {
      if (key.alg !== alg || !(alg in SIGNATURE_PARAMS)) return false;
      if (alg === 'ES256' && !isWellFormedEs256Signature(signature)) return false;
      try {
        if (alg === 'ES256') {
          const point = points.get(key, () => p256PublicPoint(key) ?? null);
          return point !== null && verifyP256(point, data, signature);
        }
        const sigHex = bytesToHex(signature);
        const sig = new KJUR.crypto.Signature(SIGNATURE_PARAMS[alg]);
        sig.init(load(key));
        sig.updateHex(bytesToHex(data));
        return sig.verify(sigHex) === true;
      } catch {
        return false;
      }
    },
    async generateKeyPair(alg) {
      requireSecureRandom('generate keys');
      try {
        const pair = alg === 'ES256' ? KEYUTIL.generateKeypair('EC', 'secp256r1') : KEYUTIL.generateKeypair('RSA', 2048);
        const jwk = KEYUTIL.getJWK(pair.prvKeyObj) as unknown as GeneratedKeyMaterial;
        if (alg !== 'ES256') return jwk;
        return { kty: 'EC', crv: 'P-256', x: fixedLength(jwk.x, 32), y: fixedLength(jwk.y, 32), d: fixedLength(jwk.d, 32)! };
      } catch (cause) {
        throw new CryptoError('crypto/crypto_failure', `jsrsasign could not generate a ${alg} key`, { cause });
      }
    },
    hmacSha256(key, data) {
      const mac = new KJUR.crypto.Mac({ alg: 'HmacSHA256', pass: { hex: bytesToHex(key) } });
      mac.updateHex(bytesToHex(data));
      return hexToBytes(mac.doFinal());
    },
    sha256: (data) => hexToBytes(sha256Hex(bytesToHex(data), 'sha256')),
    randomBytes: secureRandomBytes,
  };
}
