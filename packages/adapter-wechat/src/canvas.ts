import { selectorQueryCanvas, type SelectorQueryLike } from '@healthcode/core/host/kit';
import { type HostCanvas } from '@healthcode/core';
import { toWechatError } from './errors.js';
import { WECHAT, type WxLike } from './wx-api.js';

/**
 * Canvas 2D (`<canvas type="2d">`) through `createSelectorQuery().select(sel).fields({ node,
 * size })`, scoped with `.in(scope)` inside a component; the backing store is sized by the
 * window's pixel ratio (`getWindowInfo`, else 1).
 */
export function wechatCanvas(wx: WxLike): HostCanvas | undefined {
  if (!wx.createSelectorQuery) return undefined;
  return selectorQueryCanvas(
    WECHAT,
    () => wx.createSelectorQuery!() as unknown as SelectorQueryLike,
    () => wx.getWindowInfo?.().pixelRatio ?? 1,
    toWechatError,
  );
}
