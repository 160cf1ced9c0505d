import type { PublicJwk } from '@healthcode/core';
import { ECParameters } from '@peculiar/asn1-ecc';
import { AsnConvert } from '@peculiar/asn1-schema';
import { RSAPublicKey } from '@peculiar/asn1-rsa';
import { Certificate, ExtendedKeyUsage, id_ce_extKeyUsage } from '@peculiar/asn1-x509';
import { toBase64url } from '../encoding/base64.js';

const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const P256 = '1.2.840.10045.3.1.7';
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSA_PSS = '1.2.840.113549.1.1.10';

/** What a verifier needs of a signing certificate. */
export interface SigningCertificate {
  /** The public key, `alg` ES256 for a P-256 key and PS256 for an RSA key (the DCC algorithms). */
  key: PublicJwk;
  notBefore: Date;
  notAfter: Date;
  /** Extended key usage OIDs; empty when the certificate has no such extension. */
  extendedKeyUsage: string[];
}

const bytes = (buffer: ArrayBuffer) => new Uint8Array(buffer);

// ASN.1 INTEGERs carry a leading zero byte when the high bit is set; JWK members do not.
function unsigned(buffer: ArrayBuffer): Uint8Array {
  const b = bytes(buffer);
  let start = 0;
  while (start < b.length - 1 && b[start] === 0) start++;
  return b.subarray(start);
}

function publicJwk(cert: Certificate, kid: string): PublicJwk | undefined {
  const spki = cert.tbsCertificate.subjectPublicKeyInfo;
  const algorithm = spki.algorithm.algorithm;
  if (algorithm === EC_PUBLIC_KEY) {
    const curve = spki.algorithm.parameters ? AsnConvert.parse(spki.algorithm.parameters, ECParameters).namedCurve : undefined;
    const point = bytes(spki.subjectPublicKey);
    if (curve !== P256 || point.length !== 65 || point[0] !== 4) return undefined;
    return { kty: 'EC', kid, alg: 'ES256', crv: 'P-256', x: toBase64url(point.subarray(1, 33)), y: toBase64url(point.subarray(33)) };
  }
  if (algorithm === RSA_ENCRYPTION || algorithm === RSA_PSS) {
    const rsa = AsnConvert.parse(spki.subjectPublicKey, RSAPublicKey);
    return { kty: 'RSA', kid, alg: 'PS256', n: toBase64url(unsigned(rsa.modulus)), e: toBase64url(unsigned(rsa.publicExponent)) };
  }
  return undefined;
}

/**
 * Reads a DER certificate with @peculiar/asn1-x509; `undefined` when it is no certificate or its key
 * is neither P-256 nor RSA. The certificate's own signature is not checked: trust comes from the
 * integrator putting it in the trust list, as with the EU gateway's signed lists.
 */
export function readCertificate(der: Uint8Array, kid: string): SigningCertificate | undefined {
  try {
    const cert = AsnConvert.parse(der, Certificate);
    const key = publicJwk(cert, kid);
    if (!key) return undefined;
    const eku = cert.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_extKeyUsage);
    const { notBefore, notAfter } = cert.tbsCertificate.validity;
    return {
      key,
      notBefore: notBefore.getTime(),
      notAfter: notAfter.getTime(),
      extendedKeyUsage: eku ? [...AsnConvert.parse(eku.extnValue, ExtendedKeyUsage)] : [],
    };
  } catch {
    return undefined;
  }
}
