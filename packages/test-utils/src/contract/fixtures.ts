import { gb11643CheckChar } from '@healthcode/core/declaration';

/**
 * A valid PRC resident ID number for person `n`: Beijing Dongcheng (110101), born
 * 1990-03-07, sequence `n` (0-999), with its GB 11643 check character.
 */
export function residentId(n: number): string {
  const body = `11010119900307${String(n % 1000).padStart(3, '0')}`;
  return `${body}${gb11643CheckChar(body) ?? ''}`;
}

/** Answers to the current form (1.1) that assess green, for resident `n`. */
export function greenAnswers(n: number, name = '张三'): Record<string, unknown> {
  return {
    person: { name },
    identityDocument: { type: 'resident_id_card', number: residentId(n) },
    phone: '13800138000',
    district: '310104',
    health: { temperature: 36.6, symptoms: ['none'] },
    travel: { places: [] },
    contacts: { hadContact: false },
    returning: { isReturning: false },
  };
}

/** Answers that assess worse than green: a fever with a cough, and contact with a confirmed case. */
export function unwellAnswers(n: number, today: string): Record<string, unknown> {
  return {
    ...greenAnswers(n),
    health: { temperature: 38.4, symptoms: ['fever', 'cough'] },
    contacts: { hadContact: true, caseType: 'confirmed', lastContactDate: today },
  };
}
