import { createHash, randomBytes } from 'node:crypto';
import { deflateRawSync, deflateSync } from 'node:zlib';
import { encode } from 'cborg';
import { base32 } from 'rfc4648';
import { es256, type TestKey } from './keys.js';

// Issuers of each foreign format, written from the specifications for the tests alone: the
// project's vectors are signed with keys made at test time, never with anyone's published keys.

const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** base45 (RFC 9285) encoding. */
export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 2) {
    const pair = i + 1 < bytes.length;
    let value = pair ? bytes[i]! * 256 + bytes[i + 1]! : bytes[i]!;
    for (let j = 0; j < (pair ? 3 : 2); j++, value = Math.floor(value / 45)) out += B45[value % 45];
  }
  return out;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** A COSE_Sign1 over `payload` (CBOR) with ES256 and `kid` in the protected header. */
function coseSign1(key: TestKey, kid: Uint8Array, payload: Uint8Array): Uint8Array {
  const protectedBytes = encode(new Map<number, unknown>([[1, -7], [4, kid]]));
  const signature = es256(key, encode(['Signature1', protectedBytes, new Uint8Array(0), payload]));
  return encode([protectedBytes, new Map(), payload, signature]);
}

/** The kid of a DCC signing certificate: the first 8 bytes of the SHA-256 of its DER. */
export const dccKid = (der: Uint8Array) => new Uint8Array(createHash('sha256').update(der).digest().subarray(0, 8));

export const VACCINATION = {
  ver: '1.3.0',
  nam: { fn: 'Musterfrau', gn: 'Erika', fnt: 'MUSTERFRAU', gnt: 'ERIKA' },
  dob: '1964-08-12',
  v: [{ tg: '840539006', vp: '1119349007', mp: 'EU/1/20/1528', ma: 'ORG-100030215', dn: 2, sd: 2, dt: '2026-06-01', co: 'AT', is: 'Ministry of Health', ci: 'URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B' }],
};

/** An EU DCC: HCERT in a CWT, COSE_Sign1, zlib, base45, `HC1:`. */
export function euDcc(key: TestKey, certDer: Uint8Array, opts: { iat: Date; exp: Date; hcert?: unknown }): string {
  const cwt = encode(new Map<number, unknown>([[1, 'AT'], [4, seconds(opts.exp)], [6, seconds(opts.iat)], [-260, new Map([[1, opts.hcert ?? VACCINATION]])]]));
  return `HC1:${base45Encode(deflateSync(coseSign1(key, dccKid(certDer), cwt)))}`;
}

export const SHC_ISSUER = 'https://issuer.test.example';

/** A single-QR SMART Health Card with one immunization, as `shc:/` digits. */
export function smartHealthCard(key: TestKey, kid: string, opts: { nbf: Date; exp?: Date; rid?: string }): string {
  const payload = {
    iss: SHC_ISSUER,
    nbf: seconds(opts.nbf),
    ...(opts.exp ? { exp: seconds(opts.exp) } : {}),
    vc: {
      type: ['https://smarthealth.cards#health-card'],
      ...(opts.rid ? { rid: opts.rid } : {}),
      credentialSubject: {
        fhirVersion: '4.0.1',
        fhirBundle: {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [
            { fullUrl: 'resource:0', resource: { resourceType: 'Patient', name: [{ family: 'Anyperson', given: ['John', 'B.'] }], birthDate: '1951-01-20' } },
            { fullUrl: 'resource:1', resource: { resourceType: 'Immunization', status: 'completed', vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '207' }] }, patient: { reference: 'resource:0' }, occurrenceDateTime: '2026-01-01' } },
          ],
        },
      },
    },
  };
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');
  const signingInput = `${b64(Buffer.from(JSON.stringify({ zip: 'DEF', alg: 'ES256', kid })))}.${b64(deflateRawSync(JSON.stringify(payload)))}`;
  const jws = `${signingInput}.${b64(es256(key, Buffer.from(signingInput)))}`;
  return `shc:/${Array.from(jws, (c) => String(c.charCodeAt(0) - 45).padStart(2, '0')).join('')}`;
}

export const NZCP_ISSUER = 'did:web:nzcp.test.example';

/** An NZ COVID Pass signed by `iss#kid`. */
export function nzCovidPass(key: TestKey, kid: string, opts: { nbf: Date; exp: Date }): string {
  const vc = {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://nzcp.covid19.health.nz/contexts/v1'],
    version: '1.0.0',
    type: ['VerifiableCredential', 'PublicCovidPass'],
    credentialSubject: { givenName: 'Jack', familyName: 'Sparrow', dob: '1960-04-16' },
  };
  const cwt = encode(new Map<number | string, unknown>([[1, NZCP_ISSUER], [5, seconds(opts.nbf)], [4, seconds(opts.exp)], [7, new Uint8Array(randomBytes(16))], ['vc', vc]]));
  return `NZCP:/1/${base32.stringify(coseSign1(key, new TextEncoder().encode(kid), cwt), { pad: false })}`;
}

/** The DID document an NZCP verifier trusts for `iss`, listing `key` as `iss#kid`. */
export const didDocument = (key: TestKey, kid: string) => ({
  '@context': 'https://w3.org/ns/did/v1',
  id: NZCP_ISSUER,
  verificationMethod: [{ id: `${NZCP_ISSUER}#${kid}`, controller: NZCP_ISSUER, type: 'JsonWebKey2020', publicKeyJwk: key.publicJwk }],
  assertionMethod: [`${NZCP_ISSUER}#${kid}`],
});
