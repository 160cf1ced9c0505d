import type { Host, HostStorage } from '../host/host.js';
import { verifyCode } from '../code/index.js';
import {
  API_ROUTES,
  ApiError,
  apiPath,
  codeResponseSchema,
  createSessionResponseSchema,
  formResponseSchema,
  trustListResponseSchema,
} from '../api/index.js';
import { ClientError } from './client-error.js';
import { CodeCache, toSnapshot } from './code-cache.js';
import { OfflineQueue } from './offline-queue.js';
import { Outbox } from './outbox.js';
import { DEFAULT_RETRY_POLICY } from './retry.js';
import { type Session, SessionStore } from './session-store.js';
import { memoryStorage } from './stored-value.js';
import { TrustListCache } from './trust-list-cache.js';
import { type ApiCall, createTransport, isOffline } from './transport.js';
import type { CheckinOutcome, CheckinTarget, ClientOptions, ColourChange, HealthCodeClient, ScanResult } from './types.js';

/**
 * Creates a client for the HealthCode service running inside `host`.
 *
 * @throws `ClientError('unsupported_host')` when the host cannot make requests.
 * @example
 * ```ts
 * import { createClient } from '@healthcode/core';
 * import { wechatHost } from '@healthcode/adapter-wechat';
 *
 * const client = createClient({ host: wechatHost({ wx }), baseUrl: 'https://health.example', trustRoot });
 * await client.signIn();
 * const code = await client.getCode();
 * ```
 */
export function createClient(options: ClientOptions): HealthCodeClient {
  const { host } = options;
  if (!host.request) throw unsupported(host, 'request');
  const now = options.now ?? (() => new Date());
  const storage: HostStorage = host.storage ?? memoryStorage();
  const prefix = options.storagePrefix ?? 'healthcode.';
  const send = createTransport({
    request: host.request,
    baseUrl: options.baseUrl,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    sleep: options.sleep ?? defaultSleep,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  const sessions = new SessionStore(storage, `${prefix}session`, now);
  const codes = new CodeCache(storage, `${prefix}code`);

  /** Sends with the session token; a session the service no longer knows (401) is forgotten. */
  async function sendSignedIn<T>(call: Omit<ApiCall<T>, 'token'>): Promise<T> {
    const session = await sessions.get();
    if (!session) throw new ClientError('client/not_signed_in', 'Sign in first: there is no current session');
    try {
      return await send({ ...call, token: session.sessionToken });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) await sessions.clear();
      throw error;
    }
  }

  const queue = new OfflineQueue(storage, `${prefix}queue`);
  const maxQueueAgeMs = options.maxQueueAgeMs ?? 43_200_000;
  const notifyColourChange = (change: ColourChange) => {
    try {
      options.onColourChange?.(change);
    } catch {
      // A listener's failure must not cost the holder the code.
    }
  };
  const outbox = new Outbox({ send: sendSignedIn, queue, codes, now, maxQueueAgeMs });
  const { trustRoot } = options;
  const trustLists = trustRoot
    ? new TrustListCache({
        storage,
        key: `${prefix}trustList`,
        root: trustRoot,
        fetchSigned: async () => (await send({ method: 'GET', path: API_ROUTES.trustList, schema: trustListResponseSchema })).signed,
        maxAgeMs: options.trustListMaxAgeMs ?? 3_600_000,
        now,
        crypto: options.crypto,
      })
    : undefined;

  async function getTrustList(opts?: { forceRefresh?: boolean }) {
    if (!trustLists) throw new ClientError('client/no_trust_root', 'Pass `trustRoot` to createClient to verify trust lists and codes');
    return trustLists.get(opts);
  }

  async function verifyAndCheckIn({ venueId, scannerToken, qrText }: CheckinTarget & { qrText: string }): Promise<ScanResult> {
    const trust = await getTrustList();
    const result = await verifyCode(qrText, { trust, now: now(), crypto: options.crypto });
    let checkin: CheckinOutcome;
    try {
      const outcome = await outbox.sendOrQueue('checkin', API_ROUTES.checkins, { venueId, qrText, scannerToken });
      checkin = outcome.sent
        ? { status: 'sent', checkinId: outcome.response.checkinId, result: outcome.response.result }
        : { status: 'queued', id: outcome.id };
    } catch (error) {
      // The verdict stands on its own; a failed report must not hide it from the checkpoint.
      checkin = { status: 'failed', error: publicError(error) };
    }
    return { qrText, result, checkin };
  }

  const client: HealthCodeClient = {
    async signIn(opts = {}) {
      if (!host.identity) throw unsupported(host, 'identity');
      const body: Record<string, unknown> = { host: host.name };
      body.authCode = (await host.identity.getAuthCode(opts.scopes ? { scopes: opts.scopes } : undefined)).code;
      if (opts.realName) {
        if (!host.identity.verifyRealName) throw unsupported(host, 'identity.verifyRealName');
        body.realNameTicket = (await host.identity.verifyRealName()).ticket;
      }
      if (opts.passport !== undefined) body.passport = opts.passport;
      const answer = await send({ method: 'POST', path: API_ROUTES.sessions, body, schema: createSessionResponseSchema });
      const session: Session = { sessionToken: answer.sessionToken, identityStatus: answer.identityStatus, expiresAt: new Date(answer.expiresAt) };
      // The session says nothing of who signed in, so a cached code may be someone else's. The
      // queue stays: it is cleared on sign-out, and what is left was queued by a user whose
      // session lapsed and who is most likely signing in again.
      await codes.clear();
      await sessions.set(session);
      outbox.kick();
      return session;
    },

    async signOut() {
      await sessions.clear();
      await codes.clear();
      await queue.clear();
    },

    getSession: () => sessions.get(),

    async getForm(version) {
      const path = version ? apiPath(API_ROUTES.formVersion, { version }) : API_ROUTES.form;
      const form = await send({ method: 'GET', path, schema: formResponseSchema });
      outbox.kick();
      return form;
    },

    async submitDeclaration(answers, { formVersion }) {
      const outcome = await outbox.sendOrQueue('declaration', API_ROUTES.declarations, { formVersion, answers });
      if (!outcome.sent) return { status: 'queued', id: outcome.id };
      const { declarationId, assessment, code } = outcome.response;
      return { status: 'sent', declarationId, assessment, code: toSnapshot(code, false) };
    },

    async getCode(opts) {
      const cached = await codes.get();
      if (cached && !opts?.forceRefresh && now().getTime() < Date.parse(cached.refreshAfter)) return toSnapshot(cached, false);
      try {
        const code = await sendSignedIn({ method: 'GET', path: API_ROUTES.code, schema: codeResponseSchema });
        await codes.set(code);
        outbox.kick();
        const snapshot = toSnapshot(code, false);
        if (cached && cached.status !== code.status) notifyColourChange({ from: cached.status, to: code.status, reasons: snapshot.reasons });
        return snapshot;
      } catch (error) {
        if (isOffline(error) && cached) return toSnapshot(cached, true);
        throw error;
      }
    },

    async getTrustList(opts) {
      const list = await getTrustList(opts);
      outbox.kick();
      return list;
    },

    async scanAndVerify(target) {
      if (!host.scan) throw unsupported(host, 'scan');
      const { text } = await host.scan.scanQRCode();
      return verifyAndCheckIn({ ...target, qrText: text });
    },

    verifyAndCheckIn,
    flushQueue: () => outbox.flush(),
    pending: () => outbox.pending(),
  };
  return withPublicErrors(client);
}

/** Callers see one error for "no answer", whichever host produced it: `ApiError` code `network`. */
function publicError(error: unknown): unknown {
  return isOffline(error) ? new ApiError('api/network', 'The HealthCode service could not be reached', { status: 0, cause: error }) : error;
}

/** The same client, with every rejection passed through {@link publicError}. */
function withPublicErrors(client: HealthCodeClient): HealthCodeClient {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(client) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = (...args: unknown[]) =>
      method(...args).catch((error: unknown) => {
        throw publicError(error);
      });
  }
  return wrapped as unknown as HealthCodeClient;
}

function unsupported(host: Host, capability: string): ClientError {
  return new ClientError('client/unsupported_host', `The ${host.name} host does not offer ${capability}`, { details: { capability } });
}

function defaultSleep(ms: number): Promise<void> {
  const timers = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown };
  return new Promise((resolve) => timers.setTimeout(resolve, ms));
}
