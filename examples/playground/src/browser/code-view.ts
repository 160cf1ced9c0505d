import {
  createRefreshController,
  createRenderModel,
  drawOnCanvas,
  type CodeSnapshot,
  type HealthCodeClient,
  type RefreshController,
  type RenderModel,
} from '@healthcode/core';
import { type RefreshSnapshot } from '@healthcode/core/render';

/**
 * Keeps the user's live code on a canvas: the refresh controller fetches a new code
 * at each `refreshAfter`, and the card is redrawn every second so the clock ticks and
 * the liveness ring turns (what checkpoint staff look at to spot a screenshot).
 */
export function showLiveCode(
  canvas: HTMLCanvasElement,
  client: HealthCodeClient,
  onChange: (s: RefreshSnapshot, code?: CodeSnapshot) => void,
): { refresh(): Promise<void>; stop(): void } {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  const width = canvas.clientWidth || 320;
  const height = canvas.clientHeight || 440;
  const pixelRatio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  ctx.scale(pixelRatio, pixelRatio);

  let latest: CodeSnapshot | undefined;
  let model: RenderModel | undefined;
  const draw = () => {
    if (model) drawOnCanvas(ctx, model, { width, height, pixelRatio, now: new Date() });
  };
  const controller: RefreshController = createRefreshController({
    fetchCode: async () => (latest = await client.getCode()),
    onUpdate(snapshot) {
      if (latest && snapshot.code) {
        model = createRenderModel(
          latest.qrText,
          { ...latest.display, status: latest.status, expiresAt: latest.expiresAt, refreshAfter: latest.refreshAfter },
          { freshness: latest.stale ? 'stale' : snapshot.state },
        );
        draw();
      }
      onChange(snapshot, latest);
    },
  });
  void controller.start();
  const ticker = setInterval(draw, 1000);
  return {
    refresh: () => controller.refreshNow(),
    stop() {
      clearInterval(ticker);
      controller.stop();
    },
  };
}
