/** DCC certificate types, as HCERT names its groups: vaccination, test, recovery. */
export type DccType = 'v' | 't' | 'r';

// Extended key usage OIDs of the DCC specification, under both arcs issuers have used.
const TYPE_OF_OID = new Map<string, DccType>(
  ['1.3.6.1.4.1.1847.2021.1', '1.3.6.1.4.1.0.1847.2021.1'].flatMap((arc) => [
    [`${arc}.1`, 't'],
    [`${arc}.2`, 'v'],
    [`${arc}.3`, 'r'],
  ]),
);

/**
 * Whether a signing certificate with these extended key usages may sign a certificate of `type`:
 * yes when it names no DCC type at all, else only the types it names.
 */
export function keyUsageAllows(extendedKeyUsage: readonly string[], type: DccType): boolean {
  const types = extendedKeyUsage.map((oid) => TYPE_OF_OID.get(oid)).filter((t) => t !== undefined);
  return types.length === 0 || types.includes(type);
}
