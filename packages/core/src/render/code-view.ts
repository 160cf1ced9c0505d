import { drawOnCanvas } from './canvas.js';
import { clockParts } from './live.js';
import { encodeQr, type QrMatrix } from './qr-matrix.js';
import { renderModelOf, type RefreshState, type RenderModel } from './render-model.js';
import { statusStyle, type RenderLocale } from './status-style.js';
import { HEALTH_STATUSES, type HealthStatus } from '../status.js';
import type { HostCanvasTarget } from '../host/host.js';

/**
 * A code view's inputs as a mini-program component receives them: strings and plain
 * values from WXML/AXML attributes (times as ISO strings or epoch milliseconds).
 */
export interface CodeViewProps {
  qrText?: string;
  name?: string;
  documentTail?: string;
  regionName?: string;
  status?: string;
  expiresAt?: string | number | Date;
  refreshAfter?: string | number | Date;
  freshness?: RefreshState | '';
  screenshotWarning?: boolean;
}

/** The names of {@link CodeViewProps}, for components that must list the props they watch. */
export const CODE_VIEW_PROPS = [
  'qrText',
  'name',
  'documentTail',
  'regionName',
  'status',
  'expiresAt',
  'refreshAfter',
  'freshness',
  'screenshotWarning',
] as const satisfies readonly (keyof CodeViewProps)[];

/**
 * What a component puts in its template data. (The status itself is a component prop;
 * an empty `statusLabel` means it is not a valid one.)
 */
export interface CodeViewState {
  /** Localised status label, e.g. `绿码`; `''` for an unknown status. */
  statusLabel: string;
  /** `HH:MM:SS` at the last tick. */
  clock: string;
  /** Why nothing is drawn (bad input), or `''`. */
  error: string;
}

/** Keeps one health code drawn on one canvas, live. */
export interface CodeView {
  /**
   * Rebuilds the render model from new props and redraws. Only the {@link CODE_VIEW_PROPS}
   * keys are read, so a component may pass its whole props or data object.
   */
  setProps(props: CodeViewProps): CodeViewState;
  /** Sets the prepared canvas to draw on and draws. */
  setCanvas(target: HostCanvasTarget): CodeViewState;
  /** Redraws at the current time (clock and liveness ring); call every second. */
  tick(): CodeViewState;
  readonly state: CodeViewState;
}

/** Options of {@link createCodeView}. */
export interface CodeViewOptions {
  /** Clock source; default `new Date()`. */
  now?: () => Date;
  /** Language of the status label; default `zh-CN`. */
  locale?: RenderLocale;
}

/**
 * The platform-neutral body of the `health-code` mini-program components: turns component
 * props into a render model, draws it on the canvas the component found, and ticks the
 * clock. Components stay thin wrappers for their host's component API.
 */
export function createCodeView(options: CodeViewOptions = {}): CodeView {
  const now = options.now ?? (() => new Date());
  const locale = options.locale ?? 'zh-CN';
  let model: RenderModel | undefined;
  let target: HostCanvasTarget | undefined;
  const state: CodeViewState = { statusLabel: '', clock: '', error: '' };
  // One entry: props change far more often (every freshness tick) than the QR text does, and
  // encoding the text is most of the cost of a new model (a few ms on a phone).
  let encoded: { text: string; matrix: QrMatrix } | undefined;
  const matrixOf = (text: string): QrMatrix => {
    if (encoded?.text !== text) encoded = { text, matrix: encodeQr(text) };
    return encoded.matrix;
  };

  const draw = (): CodeViewState => {
    const at = now();
    state.clock = clockParts(at, model?.utcOffsetMinutes ?? -at.getTimezoneOffset()).text;
    if (model && target) {
      try {
        drawOnCanvas(target.context, model, { width: target.width, height: target.height, pixelRatio: target.pixelRatio, now: at });
        // A canvas measured before layout may have failed once; a good draw clears that.
        state.error = '';
      } catch (error) {
        state.error = messageOf(error);
      }
    }
    return { ...state };
  };

  return {
    get state() {
      return { ...state };
    },
    setProps(props) {
      const status = HEALTH_STATUSES.includes(props.status as HealthStatus) ? (props.status as HealthStatus) : undefined;
      state.statusLabel = status ? statusStyle(status).label[locale] : '';
      state.error = '';
      model = undefined;
      if (props.qrText && status) {
        try {
          const qrText = props.qrText;
          model = renderModelOf(
            qrText,
            () => matrixOf(qrText),
            {
              name: props.name ?? '',
              status,
              ...(props.documentTail && { documentTail: props.documentTail }),
              ...(props.regionName && { regionName: props.regionName }),
              ...optionalDate('expiresAt', props.expiresAt),
              ...optionalDate('refreshAfter', props.refreshAfter),
            },
            {
              now: now(),
              ...(props.freshness && { freshness: props.freshness }),
              ...(props.screenshotWarning !== undefined && { screenshotWarning: props.screenshotWarning }),
            },
          );
        } catch (error) {
          state.error = messageOf(error);
        }
      }
      if (!model && target) target.context.clearRect?.(0, 0, target.width, target.height);
      return draw();
    },
    setCanvas(next) {
      target = next;
      return draw();
    },
    tick: draw,
  };
}

function optionalDate<K extends string>(key: K, value: string | number | Date | undefined): Partial<Record<K, Date>> {
  if (value === undefined || value === '') return {};
  const date = value instanceof Date ? value : new Date(value);
  // An unparsable date reaches the renderer, which reports it as invalid input.
  return { [key]: date } as Record<K, Date>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
