import type { Certification } from '../../result.js';

interface Resource {
  resourceType?: unknown;
  name?: Array<{ given?: unknown[]; family?: unknown }>;
}

/** The resources of the card's FHIR bundle; `undefined` when it is no bundle of resources. */
export function bundleResources(bundle: unknown): Resource[] | undefined {
  const entries = (bundle as { entry?: unknown } | null)?.entry;
  if (!Array.isArray(entries)) return undefined;
  const resources = entries.map((e) => (e as { resource?: unknown } | null)?.resource);
  return resources.every((r) => typeof r === 'object' && r !== null) ? (resources as Resource[]) : undefined;
}

/** What the bundle attests: immunizations are vaccinations, observations (lab results) tests. */
export function bundleCertifies(resources: readonly Resource[]): Certification[] {
  const kinds = new Set(resources.map((r) => r.resourceType));
  return [...(kinds.has('Immunization') ? (['vaccination'] as const) : []), ...(kinds.has('Observation') ? (['test'] as const) : [])];
}

/** The patient's first name entry as given names then family name. */
export function patientName(resources: readonly Resource[]): unknown[] {
  const name = resources.find((r) => r.resourceType === 'Patient')?.name?.[0];
  return [...(Array.isArray(name?.given) ? name.given : []), name?.family];
}
