import { detectFormat, verifyAnyCode, type AnyCodeResult } from '@healthcode/any-code';
import type { ScanResult } from '@healthcode/core';
import { loadConfig } from './config.js';
import { byId, describeError, h } from './dom.js';
import { simulatedApp, wireOfflineSwitch } from './hosts.js';
import { decodeQrFile, scanCamera } from './qr-decode.js';

/**
 * The checkpoint page: a venue's scanning device. It reads a code from the camera, an
 * uploaded picture or pasted text, verifies it offline against the cached trust list, and
 * reports the check-in to the service. Visitors' foreign certificates (EU DCC, SMART Health
 * Cards, NZ COVID Pass) are verified offline too, against the configured foreign trust; the
 * service records check-ins of HealthCodes only.
 */
async function main(): Promise<void> {
  const config = await loadConfig();
  const venueSelect = byId<HTMLSelectElement>('venue');
  for (const venue of config.venues) venueSelect.append(h('option', { value: venue.venueId }, venue.name));
  byId<HTMLAnchorElement>('dashboard-link').href = config.dashboardUrl;

  // The checkpoint device is a host app of its own, signed in as the venue's operator
  // and holding the venues' scanner tokens, which alone authorise its check-ins.
  const scannerTokens = new Map(config.venues.map((v) => [v.venueId, v.scannerToken]));
  const device = simulatedApp('suishenban', config, config.checkpointAuthCode);
  const { client } = device;
  const status = byId('status');
  wireOfflineSwitch(device, (message) => (status.textContent = message));
  await client.signIn();
  await client.getTrustList();
  status.textContent = 'Ready: trust list verified and cached.';

  const verify = async (qrText: string | undefined) => {
    if (!qrText) {
      showVerdict(undefined, 'No QR code found in that picture.');
      return;
    }
    const format = detectFormat(qrText);
    if (format && format !== 'healthcode') {
      showForeignVerdict(await verifyAnyCode(qrText, config.foreignTrust));
      return;
    }
    try {
      const venueId = venueSelect.value;
      showVerdict(await client.verifyAndCheckIn({ venueId, scannerToken: scannerTokens.get(venueId) ?? '', qrText }));
    } catch (error) {
      showVerdict(undefined, describeError(error));
    }
  };

  byId<HTMLFormElement>('paste-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    await verify(byId<HTMLInputElement>('paste').value.trim() || undefined);
  });

  byId<HTMLInputElement>('upload').addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) await verify(await decodeQrFile(file));
  });

  const video = byId<HTMLVideoElement>('camera');
  let scan: ReturnType<typeof scanCamera> | undefined;
  byId('camera-toggle').addEventListener('click', async () => {
    if (scan) {
      scan.stop();
      scan = undefined;
      return;
    }
    scan = scanCamera(video);
    try {
      const text = await scan.result;
      if (text) await verify(text);
    } catch (error) {
      showVerdict(undefined, `Camera unavailable (${describeError(error)}); upload a picture instead.`);
    } finally {
      scan = undefined;
    }
  });
}

function showVerdict(scan: ScanResult | undefined, problem?: string): void {
  const panel = byId('verdict');
  panel.replaceChildren();
  if (!scan) {
    panel.dataset.valid = 'false';
    panel.dataset.status = '';
    panel.append(h('strong', {}, problem ?? 'Not verified'));
    return;
  }
  const { result, checkin } = scan;
  panel.dataset.valid = String(result.valid);
  panel.dataset.status = result.valid ? result.status : '';
  panel.dataset.checkin = checkin.status;
  if (result.valid) {
    panel.append(
      h('strong', { class: 'verdict-status' }, result.status.toUpperCase()),
      h('p', {}, `${result.display.name}${result.display.documentTail ? ` · ****${result.display.documentTail}` : ''}`),
      h('p', {}, `Issued by ${result.issuer.name}, valid until ${result.expiresAt.toLocaleTimeString()}`),
    );
  } else {
    panel.append(h('strong', { class: 'verdict-status' }, 'INVALID'), h('p', {}, `${result.reason}: ${result.message}`));
  }
  const reported =
    checkin.status === 'sent'
      ? `Check-in recorded (${checkin.checkinId}).`
      : checkin.status === 'queued'
        ? 'Offline: check-in queued, it will be sent when the network is back.'
        : `Check-in not recorded: ${describeError(checkin.error)}`;
  panel.append(h('p', { class: 'checkin' }, reported));
}

const FORMAT_NAMES = { healthcode: 'HealthCode', 'eu-dcc': 'EU Digital COVID Certificate', shc: 'SMART Health Card', nzcp: 'NZ COVID Pass' };

function showForeignVerdict(result: AnyCodeResult): void {
  const panel = byId('verdict');
  panel.replaceChildren();
  panel.dataset.valid = String(result.valid);
  panel.dataset.status = result.valid ? 'green' : '';
  panel.dataset.format = result.format ?? '';
  const name = result.format ? FORMAT_NAMES[result.format] : 'Unknown code';
  if (result.valid) {
    const until = result.validUntil ? `, valid until ${result.validUntil.toLocaleDateString()}` : '';
    panel.append(
      h('strong', { class: 'verdict-status' }, `VALID ${result.certifies.join(' + ').toUpperCase()}`),
      h('p', {}, `${name} · ${result.holder}`),
      h('p', {}, `Issued by ${result.issuer}${until}`),
    );
  } else {
    panel.append(h('strong', { class: 'verdict-status' }, 'INVALID'), h('p', {}, `${name}: ${result.reason}`));
  }
  panel.append(h('p', { class: 'checkin' }, 'Foreign certificate: verified on this device; no check-in is recorded.'));
}

main().catch((error: unknown) => {
  byId('status').textContent = `Checkpoint failed to start: ${describeError(error)}`;
});
