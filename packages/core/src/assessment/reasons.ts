import { type LocalizedText, formatText, localized as t } from '../declaration/locale.js';

/** Why an assessment is not green: one code per rule that applied. */
export type ReasonCode =
  | 'contact_confirmed'
  | 'contact_suspected'
  | 'travel_high_risk'
  | 'travel_medium_risk'
  | 'symptoms'
  | 'fever'
  | 'test_positive'
  | 'manual';

const REASON_TEXTS: Record<ReasonCode, LocalizedText> = {
  contact_confirmed: t('近 {days} 天内接触过确诊病例。', 'Contact with a confirmed case in the last {days} days.', '近 {days} 日內接觸過確診個案。'),
  contact_suspected: t('近 {days} 天内接触过疑似病例。', 'Contact with a suspected case in the last {days} days.', '近 {days} 日內接觸過疑似個案。'),
  travel_high_risk: t('近 {days} 天内到过高风险地区。', 'Visited a high-risk area in the last {days} days.', '近 {days} 日內到過高風險地區。'),
  travel_medium_risk: t('近 {days} 天内到过中风险地区。', 'Visited a medium-risk area in the last {days} days.', '近 {days} 日內到過中風險地區。'),
  symptoms: t('申报了相关症状。', 'Reported symptoms.', '申報了相關症狀。'),
  test_positive: t('核酸检测结果为阳性。', 'A test came back positive.', '核酸檢測結果為陽性。'),
  manual: t('卫生健康部门设定的状态。', 'A status set by the health authority.', '衛生健康部門設定的狀態。'),
  fever: t('体温达到 {threshold}°C 或以上。', 'Body temperature of {threshold} °C or more.', '體溫達到 {threshold}°C 或以上。'),
};

/** One reason of an assessment: a stable code and its text in every locale. */
export interface AssessmentReason {
  code: ReasonCode;
  message: LocalizedText;
}

/** The reason for `code`, its text filled with the rule set's numbers. */
export function reason(code: ReasonCode, params: { days: number; threshold: number }): AssessmentReason {
  return { code, message: formatText(REASON_TEXTS[code], params) };
}
