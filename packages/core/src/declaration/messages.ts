import { type Locale, type LocalisedText, formatText, localized as t } from './locale.js';
import type { DeclarationIssueCode, IssueParams } from './issue-codes.js';

/**
 * Messages shown under a field, by issue code. They never quote the answer:
 * an identity number or a name must not travel into logs through an error.
 */
const MESSAGES: Record<DeclarationIssueCode, LocalisedText> = {
  required: t('此项为必填项。', 'This field is required.', '此項為必填項。'),
  invalid_type: t('填写的内容类型不正确。', 'This answer is of the wrong kind.', '填寫的內容類型不正確。'),
  invalid_format: t('格式不正确，请检查。', 'The format is not valid; please check it.', '格式不正確，請檢查。'),
  invalid_option: t('请从列出的选项中选择。', 'Choose one of the listed options.', '請從列出的選項中選擇。'),
  invalid_check_digit: t(
    '证件号码校验位不符，请核对是否输错。',
    'The check digit does not match; the number may be mistyped.',
    '證件號碼校驗位不符，請核對是否輸錯。',
  ),
  invalid_birth_date: t('证件号码中的出生日期无效。', 'The date of birth in the number is not valid.', '證件號碼中的出生日期無效。'),
  invalid_region: t('不是有效的行政区划代码。', 'This is not a valid division code.', '不是有效的行政區劃代碼。'),
  invalid_country: t('不是有效的国家代码。', 'This is not a known country code.', '不是有效的國家代碼。'),
  date_in_future: t('日期不能晚于今天。', 'The date cannot be in the future.', '日期不能遲於今天。'),
  out_of_window: t('日期须在近 {days} 天内。', 'The date must be within the last {days} days.', '日期須在近 {days} 日內。'),
  invalid_range: t('结束日期不能早于开始日期。', 'The end date cannot be before the start date.', '結束日期不能早於開始日期。'),
  out_of_range: t('数值须在 {min} 至 {max} 之间。', 'Enter a value from {min} to {max}.', '數值須在 {min} 至 {max} 之間。'),
  exclusive_option: t('“无”不能与其他选项同时选择。', '"None" cannot be chosen with other options.', '「無」不能與其他選項同時選擇。'),
  duplicate_option: t('同一选项选了不止一次。', 'An option is chosen more than once.', '同一選項選了不止一次。'),
  too_long: t('最多 {max} 个字符。', 'At most {max} characters.', '最多 {max} 個字元。'),
  too_many: t('最多 {max} 项。', 'At most {max} entries.', '最多 {max} 項。'),
  unknown_field: t('表单中没有此项。', 'This field is not part of the form.', '表格中沒有此項。'),
  unknown_form_version: t(
    '表单版本未知，请刷新表单后重填。',
    'Unknown form version; reload the form and fill it in again.',
    '表格版本未知，請重新載入表格後再填。',
  ),
  unreadable_input: t('无法读取提交的内容。', 'The answers could not be read.', '無法讀取提交的內容。'),
};

const ONE_SIDED_RANGE = {
  min: t('数值不能小于 {min}。', 'Enter a value of at least {min}.', '數值不能小於 {min}。'),
  max: t('数值不能大于 {max}。', 'Enter a value of at most {max}.', '數值不能大於 {max}。'),
};

/** The localized text of an issue, with its parameters filled in. */
export function issueMessage(code: DeclarationIssueCode, locale: Locale, params: IssueParams = {}): string {
  let text = MESSAGES[code];
  if (code === 'out_of_range' && !('min' in params && 'max' in params)) text = 'min' in params ? ONE_SIDED_RANGE.min : ONE_SIDED_RANGE.max;
  return formatText(text, params)[locale];
}
