import jsQR from 'jsqr';

/** Reads the first QR code in a picture (an uploaded file or a video frame); `undefined` when there is none. */
export function decodeQr(source: CanvasImageSource, width: number, height: number): string | undefined {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return undefined;
  ctx.drawImage(source, 0, 0, width, height);
  const { data } = ctx.getImageData(0, 0, width, height);
  return jsQR(data, width, height, { inversionAttempts: 'dontInvert' })?.data || undefined;
}

/** Decodes an image file chosen by the user. */
export async function decodeQrFile(file: Blob): Promise<string | undefined> {
  const bitmap = await createImageBitmap(file);
  try {
    return decodeQr(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/**
 * Scans the camera until a QR code shows up. Resolves with its text; `stop()` ends the
 * scan early (resolving `undefined`) and always releases the camera.
 */
export function scanCamera(video: HTMLVideoElement): { result: Promise<string | undefined>; stop(): void } {
  let stopped = false;
  let stream: MediaStream | undefined;
  const stop = () => {
    stopped = true;
    stream?.getTracks().forEach((t) => t.stop());
    video.srcObject = null;
    video.hidden = true;
  };
  const result = (async () => {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    while (!stopped) {
      await new Promise((r) => requestAnimationFrame(r));
      if (video.videoWidth === 0) continue;
      const text = decodeQr(video, video.videoWidth, video.videoHeight);
      if (text) {
        stop();
        return text;
      }
    }
    return undefined;
  })();
  result.catch(stop);
  return { result, stop };
}
