import { utf8Decode } from './utf8.js';

/** Parses UTF-8 bytes holding a JSON object; `undefined` for bad UTF-8, bad JSON or a non-object. */
export function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  const text = utf8Decode(bytes);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
