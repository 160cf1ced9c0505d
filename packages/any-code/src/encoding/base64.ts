import { base64, base64url } from 'rfc4648';

/** Bytes as unpadded base64url, as JWK members are written. */
export const toBase64url = (bytes: Uint8Array): string => base64url.stringify(bytes, { pad: false });

/** Unpadded base64url (JWS segments) as bytes; `undefined` when not base64url. */
export function fromBase64url(text: string): Uint8Array | undefined {
  try {
    return base64url.parse(text, { loose: true });
  } catch {
    return undefined;
  }
}

/** Standard base64 (how certificates are usually exchanged) as bytes; `undefined` when not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  try {
    return base64.parse(text);
  } catch {
    return undefined;
  }
}
