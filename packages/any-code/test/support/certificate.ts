import { OctetString, AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  Certificate,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  id_ce_extKeyUsage,
  Name,
  RelativeDistinguishedName,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
} from '@peculiar/asn1-x509';
import { es256, type TestKey } from './keys.js';

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const COMMON_NAME = '2.5.4.3';

const name = (cn: string) => new Name([new RelativeDistinguishedName([new AttributeTypeAndValue({ type: COMMON_NAME, value: new AttributeValue({ utf8String: cn }) })])]);

/** A self-signed document signer certificate for `key`, with the given extended key usages. */
export function signingCertificate(key: TestKey, opts: { extendedKeyUsage?: string[]; notBefore?: Date; notAfter?: Date } = {}): Uint8Array {
  const tbs = new TBSCertificate({
    version: 2,
    serialNumber: new Uint8Array([1, 2, 3]).buffer,
    signature: new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }),
    issuer: name('HealthCode test CSCA'),
    subject: name('HealthCode test DSC'),
    validity: new Validity({ notBefore: opts.notBefore ?? new Date('2026-01-01T00:00:00Z'), notAfter: opts.notAfter ?? new Date('2028-01-01T00:00:00Z') }),
    subjectPublicKeyInfo: AsnConvert.parse(key.spki, SubjectPublicKeyInfo),
    extensions: opts.extendedKeyUsage
      ? new Extensions([new Extension({ extnID: id_ce_extKeyUsage, critical: false, extnValue: new OctetString(AsnConvert.serialize(new ExtendedKeyUsage(opts.extendedKeyUsage))) })])
      : undefined,
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const cert = new Certificate({ tbsCertificate: tbs, signatureAlgorithm: new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }), signatureValue: es256(key, tbsDer).buffer as ArrayBuffer });
  return new Uint8Array(AsnConvert.serialize(cert));
}
