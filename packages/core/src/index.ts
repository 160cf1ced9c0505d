/**
 * `@healthcode/core`: what an app developer embedding HealthCode needs. The client,
 * offline verification, the code view and its renderers, the declaration form and its
 * validation, and the `Host` type. Everything else is under a subpath for its audience:
 *
 * - `@healthcode/core/code`: issuing codes, keys, crypto providers, trust list signing (issuers, checkpoints).
 * - `@healthcode/core/verify`: only `verifyTrustList` and `verifyCode` (small checkpoint bundles).
 * - `@healthcode/core/declaration`, `/assessment`, `/privacy`: schemas, rules and pseudonymisation (services).
 * - `@healthcode/core/render`: every renderer and the QR matrix.
 * - `@healthcode/core/host/kit`: the registry and normalisation helpers (adapter authors).
 * - `@healthcode/core/api`: the service's HTTP contract (service implementers, schema consumers).
 * - `@healthcode/core/client`: the client's retry policy and queue types.
 *
 * The root stays within a budget of 100 value exports (checked by test/packaging.test.ts).
 *
 * @example
 * ```ts
 * import { createClient, createRenderModel, renderSvg } from '@healthcode/core';
 * import { mockHost } from '@healthcode/mock-host';
 *
 * const client = createClient({ host: mockHost(), baseUrl: 'https://health.example.test', trustRoot });
 * await client.signIn();
 * const code = await client.getCode();
 * const svg = renderSvg(createRenderModel(code.qrText, { ...code.display, status: code.status, expiresAt: code.expiresAt }));
 * ```
 *
 * @packageDocumentation
 */
export { HealthCodeError } from './errors.js';
export { type HealthStatus, HEALTH_STATUSES } from './status.js';

export {
  createClient,
  ClientError,
  type ClientErrorCode,
  type ClientOptions,
  type HealthCodeClient,
  type SignInOptions,
  type SubmitResult,
  type CheckinOutcome,
  type CheckinTarget,
  type ScanResult,
  type FlushReport,
  type Session,
  type CodeSnapshot,
  type ColourChange,
} from './client/index.js';

export {
  verifyCode,
  verifyTrustList,
  VERIFY_FAILURE_REASONS,
  type VerifyOptions,
  type VerifyResult,
  type ValidCode,
  type InvalidCode,
  type VerifyFailureReason,
  type VerifyTrustListOptions,
  type TrustList,
  type PublicJwk,
  parsePublicJwk,
  TrustListError,
  type TrustListErrorCode,
} from './code/index.js';

export {
  createRenderModel,
  renderSvg,
  renderQrSvg,
  drawOnCanvas,
  renderPng,
  renderTerminal,
  createRefreshController,
  createCodeView,
  CODE_VIEW_PROPS,
  RenderError,
  type RenderErrorCode,
  type DisplayData,
  type RenderModel,
  type RenderModelOptions,
  type SvgOptions,
  type CanvasDrawOptions,
  type PngOptions,
  type TerminalOptions,
  type RefreshController,
  type RefreshControllerOptions,
  type CodeView,
  type CodeViewOptions,
  type CodeViewProps,
} from './render/index.js';

export {
  buildFormDescriptor,
  localizeFormDescriptor,
  validateDeclaration,
  issueMessage,
  type FormDescriptor,
  type FormSection,
  type FormField,
  type LocalizedFormDescriptor,
  type Declaration,
  type DeclarationIssue,
  type DeclarationValidationResult,
  type Locale,
} from './declaration/index.js';

export type * from './host/host.js';
export { HostError, type HostErrorCode, isHostError } from './host/host-error.js';
