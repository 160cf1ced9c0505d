import { HostError } from './host-error.js';
import type { Canvas2DLike, HostCanvas, HostCanvasTarget } from './host.js';

/** A Canvas 2D element or mini-program canvas node: a sized backing store with a 2D context. */
export interface CanvasNodeLike {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
}

/**
 * Makes a canvas sharp on high-density screens: sizes the backing store to
 * `logical size × pixelRatio` and scales the context, so drawing uses logical pixels.
 *
 * @throws HostError `unsupported` when the node has no 2D context (e.g. a legacy,
 *   non-`type="2d"` mini-program canvas)
 */
export function prepareCanvas2D(
  host: string,
  node: CanvasNodeLike,
  size: { width: number; height: number },
  pixelRatio: number,
): HostCanvasTarget {
  const context = node.getContext('2d') as Canvas2DLike | null | undefined;
  if (!context) throw new HostError('host/unsupported', 'canvas has no 2D context', { host, raw: node });
  const ratio = pixelRatio > 0 ? pixelRatio : 1;
  node.width = Math.round(size.width * ratio);
  node.height = Math.round(size.height * ratio);
  context.scale?.(ratio, ratio);
  return { context, width: size.width, height: size.height, pixelRatio: ratio };
}

/**
 * The mini-program selector query chain, as WeChat and Alipay both spell it:
 * `query.in(scope).select(sel).fields({ node, size }).exec(cb)`.
 */
export interface SelectorQueryLike {
  in(scope: never): SelectorQueryLike;
  select(selector: string): {
    fields(fields: { node: boolean; size: boolean }): { exec(callback: (results: never) => void): unknown };
  };
}

interface CanvasFields {
  node?: CanvasNodeLike;
  width: number;
  height: number;
}

/**
 * A `HostCanvas` over a mini-program selector query for `<canvas type="2d">` nodes,
 * scoped to `options.scope` (a component instance) when given.
 *
 * @param createQuery - e.g. `() => wx.createSelectorQuery()`
 * @param pixelRatio - the window's device pixel ratio, read at each call
 * @param toError - maps a synchronous throw from the host
 */
export function selectorQueryCanvas(
  host: string,
  createQuery: () => SelectorQueryLike,
  pixelRatio: () => number,
  toError: (raw: unknown) => HostError,
): HostCanvas {
  return {
    getCanvas: (selector, options) =>
      new Promise<HostCanvasTarget>((resolve, reject) => {
        const found = (results: ArrayLike<unknown>): void => {
          const fields = results[0] as CanvasFields | null | undefined;
          if (!fields) {
            reject(new HostError('host/host_error', `${host}: no canvas matches ${selector}`, { host, raw: results }));
          } else if (!fields.node) {
            reject(new HostError('host/unsupported', `${host}: ${selector} is not a type="2d" canvas`, { host, raw: fields }));
          } else {
            resolve(prepareCanvas2D(host, fields.node, fields, pixelRatio()));
          }
        };
        try {
          const query = createQuery();
          const scoped = options?.scope ? query.in(options.scope as never) : query;
          scoped
            .select(selector)
            .fields({ node: true, size: true })
            .exec(((results: ArrayLike<unknown>) => {
              try {
                found(results);
              } catch (error) {
                reject(error);
              }
            }) as (results: never) => void);
        } catch (raw) {
          reject(toError(raw));
        }
      }),
  };
}
