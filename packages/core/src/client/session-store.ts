import * as z from 'zod';
import type { HostStorage } from '../host/host.js';
import { type IdentityStatus, identityStatusSchema } from '../api/index.js';
import { StoredValue } from './stored-value.js';

/** A signed-in session with the HealthCode service. */
export interface Session {
  /** Sent as `Authorization: Bearer <sessionToken>`. */
  sessionToken: string;
  /** `pending_review` while a manual identity check (e.g. a passport) is outstanding. */
  identityStatus: IdentityStatus;
  expiresAt: Date;
}

const storedSessionSchema = z.object({
  sessionToken: z.string().min(1),
  identityStatus: identityStatusSchema,
  expiresAt: z.iso.datetime({ offset: true }),
});

/** Keeps the session in host storage so that a restarted app stays signed in until it expires. */
export class SessionStore {
  private readonly stored: StoredValue<z.infer<typeof storedSessionSchema>>;

  constructor(
    storage: HostStorage,
    key: string,
    private readonly now: () => Date,
  ) {
    this.stored = new StoredValue(storage, key, storedSessionSchema);
  }

  /** The current session, or `undefined` when there is none or it has expired. */
  async get(): Promise<Session | undefined> {
    const stored = await this.stored.read();
    if (!stored) return undefined;
    const session: Session = { ...stored, expiresAt: new Date(stored.expiresAt) };
    return session.expiresAt.getTime() > this.now().getTime() ? session : undefined;
  }

  set(session: Session): Promise<void> {
    return this.stored.write({ ...session, expiresAt: session.expiresAt.toISOString() });
  }

  clear(): Promise<void> {
    return this.stored.clear();
  }
}
