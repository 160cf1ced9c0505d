import { selectorQueryCanvas, type SelectorQueryLike } from '@healthcode/core/host/kit';
import { type HostCanvas } from '@healthcode/core';
import { toAlipayError } from './errors.js';
import { ALIPAY, type MyLike } from './my-api.js';

/**
 * Canvas 2D (`<canvas type="2d">`, base library 2.7.0+) through `my.createSelectorQuery()`
 * with `fields({ node, size })`; sized by `getWindowInfo().pixelRatio`.
 */
export function alipayCanvas(my: MyLike): HostCanvas | undefined {
  if (!my.createSelectorQuery) return undefined;
  return selectorQueryCanvas(
    ALIPAY,
    () => my.createSelectorQuery!() as unknown as SelectorQueryLike,
    () => my.getWindowInfo?.().pixelRatio ?? 1,
    toAlipayError,
  );
}
