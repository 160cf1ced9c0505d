import { HealthCodeError } from '../errors.js';

/**
 * Why a code could not be rendered.
 * - `invalid_input`: the QR text is empty or not a string, or an option is out of range.
 * - `too_long`: the text does not fit in a version 40 QR code at error correction level M.
 * - `too_small`: the drawing area cannot hold the code at one device pixel per module.
 */
export type RenderErrorCode = 'render/invalid_input' | 'render/too_long' | 'render/too_small';

/** Thrown by the renderers for input they cannot draw. */
export class RenderError extends HealthCodeError<RenderErrorCode> {}
