/**
 * Rendering of health codes: the QR module matrix, the card model, SVG, canvas, PNG and
 * terminal renderers, and the refresh controller that keeps a live code on screen.
 */
export { RenderError, type RenderErrorCode } from './render-error.js';
export { encodeQr, QUIET_ZONE_MODULES, type QrMatrix, type QrSegmentMode } from './qr-matrix.js';
export { statusStyle, type StatusStyle, type StatusIconShape, type BilingualText, type RenderLocale } from './status-style.js';
export {
  createRenderModel,
  type DisplayData,
  type RenderModel,
  type RenderModelOptions,
  type RenderNotice,
  type RefreshState,
} from './render-model.js';
export { clockParts, livenessAngle, LIVENESS_PERIOD_MS, type ClockParts } from './live.js';
export { renderSvg, renderQrSvg, type SvgOptions } from './svg.js';
export { drawOnCanvas, type CanvasDrawOptions } from './canvas.js';
export { renderPng, type PngOptions } from './png.js';
export { renderTerminal, type TerminalOptions } from './terminal.js';
export {
  createRefreshController,
  type CodeTicket,
  type RefreshController,
  type RefreshControllerOptions,
  type RefreshSnapshot,
  type TimerApi,
} from './refresh-controller.js';
export {
  createCodeView,
  CODE_VIEW_PROPS,
  type CodeView,
  type CodeViewOptions,
  type CodeViewProps,
  type CodeViewState,
} from './code-view.js';
