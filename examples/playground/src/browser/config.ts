import type { AnyCodeTrust } from '@healthcode/any-code';
import type { PublicJwk } from '@healthcode/core';

/** What the playground server tells its pages (`GET /playground/config.json`). */
export interface PlaygroundConfig {
  /** Pinned trust-root public key, as a real app would ship it. */
  trustRoot: PublicJwk;
  /** The demo user's auth code for the development identity verifier (`dev:<userId>`). */
  authCode: string;
  /** Auth code of the checkpoint device's operator. */
  checkpointAuthCode: string;
  /**
   * The demo venues with their scanner tokens, which the checkpoint page needs to record
   * check-ins. A real checkpoint device is provisioned with its own venue's token instead.
   */
  venues: { venueId: string; name: string; scannerToken: string }[];
  /** The demo employee's identity document, shown as a hint: declaring with it counts as staff on the dashboard. */
  employeeDocument: { type: string; number: string };
  /** The organisation dashboard page. */
  dashboardUrl: string;
  /** Trust for visitors' foreign certificates (EU DCC, SMART, NZCP): what the operator configured, else none. */
  foreignTrust: Omit<AnyCodeTrust, 'healthCode'>;
}

/** Loads the page configuration from the server the page came from. */
export async function loadConfig(): Promise<PlaygroundConfig> {
  const response = await fetch('/playground/config.json');
  if (!response.ok) throw new Error(`playground config: HTTP ${response.status}`);
  return (await response.json()) as PlaygroundConfig;
}
