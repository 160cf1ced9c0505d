import qrcode from 'qrcode-generator';
import { QR_PREFIX } from '@healthcode/core/code';

/**
 * The smallest QR version that holds `qrText` at error correction M, encoded as the format intends:
 * the prefix as an alphanumeric segment, the digits as a numeric segment.
 */
export function qrVersionAtLevelM(qrText: string): number {
  const qr = qrcode(0, 'M');
  qr.addData(QR_PREFIX, 'Alphanumeric');
  qr.addData(qrText.slice(QR_PREFIX.length), 'Numeric');
  qr.make();
  // qrcode-generator 2 has no getTypeNumber(); a version-v symbol is 17 + 4v modules wide.
  return (qr.getModuleCount() - 17) / 4;
}
