import { type LocalisedText, localized as t } from '../locale.js';
import type { FormSectionDefinition } from '../versions.js';

/** Title of the whole form. */
export const FORM_TITLE = t('健康申报', 'Health declaration', '健康申報');

/** Section titles by section id. */
export const SECTION_TITLES: Record<FormSectionDefinition['id'], LocalisedText> = {
  personal: t('个人信息', 'Personal details', '個人資料'),
  health: t('健康状况', 'Health', '健康狀況'),
  exposure: t('行程与接触史', 'Travel and contacts', '行程及接觸史'),
  returning: t('返城登记', 'Returning to the city', '返城登記'),
};

/** Text of one field: its label and optional help. */
export interface FieldText {
  label: LocalisedText;
  help?: LocalisedText;
}

/**
 * Field texts, keyed by field id (`path@branch`) or, when every branch shares
 * the text, by path. List item fields are keyed `list.path[].item.path`.
 */
export const FIELD_TEXTS: Record<string, FieldText> = {
  'person.name': {
    label: t('姓名', 'Full name', '姓名'),
    help: t('与证件上的姓名一致。', 'As written on your identity document.', '與證件上的姓名一致。'),
  },
  'identityDocument.type': { label: t('证件类型', 'Identity document', '證件類型') },
  'identityDocument.number@resident_id_card': {
    label: t('居民身份证号码', 'Resident Identity Card number', '居民身份證號碼'),
    help: t('18 位，末位可能是 X。', '18 characters; the last may be X.', '18 位，末位可能是 X。'),
  },
  'identityDocument.nationality@passport': {
    label: t('国籍', 'Nationality', '國籍'),
    help: t('三位字母国家代码，如 GBR。', 'Three-letter country code, e.g. GBR.', '三位字母國家代碼，如 GBR。'),
  },
  'identityDocument.number@passport': { label: t('护照号码', 'Passport number', '護照號碼') },
  'identityDocument.number@hk_macau_permit': {
    label: t('港澳居民来往内地通行证号码', 'Home Return Permit number', '港澳居民來往內地通行證號碼'),
    help: t('H 或 M 开头，后接 8 位或 10 位数字。', 'H or M followed by 8 or 10 digits.', 'H 或 M 開頭，後接 8 位或 10 位數字。'),
  },
  'identityDocument.number@taiwan_permit': {
    label: t('台湾居民来往大陆通行证号码', 'Taiwan Compatriot Permit number', '台灣居民來往大陸通行證號碼'),
    help: t('8 位数字。', '8 digits.', '8 位數字。'),
  },
  'identityDocument.number@foreign_permanent_resident_id': {
    label: t('外国人永久居留身份证号码', 'Foreign Permanent Resident ID Card number', '外國人永久居留身份證號碼'),
    help: t(
      '新版为 9 开头的 18 位数字，旧版为 3 位字母加 12 位数字。',
      'New cards: 18 digits starting with 9. Older cards: 3 letters and 12 digits.',
      '新版為 9 開頭的 18 位數字，舊版為 3 位字母加 12 位數字。',
    ),
  },
  phone: {
    label: t('手机号码', 'Mobile number', '手提電話號碼'),
    help: t(
      '内地手机号，或以 + 开头的国际号码。',
      'A mainland mobile number, or an international number starting with +.',
      '內地手機號碼，或以 + 開頭的國際號碼。',
    ),
  },
  district: {
    label: t('现居住区县', 'District of residence', '現居住區縣'),
    help: t('区县的六位行政区划代码。', 'Six-digit division code of the district.', '區縣的六位行政區劃代碼。'),
  },
  'health.temperature': { label: t('今日体温', "Today's body temperature", '今日體溫') },
  'health.symptoms': {
    label: t('目前症状', 'Current symptoms', '目前症狀'),
    help: t('可多选；如无症状请选“无”。', 'Choose all that apply, or "None".', '可多選；如無症狀請選「無」。'),
  },
  'travel.places': {
    label: t('近 14 天去过的地方', 'Places visited in the last 14 days', '近 14 日到過的地方'),
    help: t('本市以外的地区；没有则不填。', 'Outside the city; leave empty if none.', '本市以外的地區；沒有則不填。'),
  },
  'travel.places[].region': { label: t('地区', 'Region', '地區') },
  'travel.places[].from': { label: t('到达日期', 'From', '到達日期') },
  'travel.places[].to': { label: t('离开日期', 'To', '離開日期') },
  'contacts.hadContact': {
    label: t(
      '近 14 天是否接触过确诊或疑似病例？',
      'In the last 14 days, were you in contact with a confirmed or suspected case?',
      '近 14 日是否接觸過確診或疑似個案？',
    ),
  },
  'contacts.caseType@true': {
    label: t('接触对象', 'Contact with', '接觸對象'),
    help: t('两者都有时选“确诊病例”。', 'If both, choose "Confirmed case".', '兩者皆有時選「確診個案」。'),
  },
  'contacts.lastContactDate@true': { label: t('最后接触日期', 'Date of last contact', '最後接觸日期') },
  'returning.isReturning': {
    label: t(
      '近 14 天是否从外地返回本市？',
      'Did you return to the city from elsewhere in the last 14 days?',
      '近 14 日是否從外地返回本市？',
    ),
  },
  'returning.arrivalDate@true': { label: t('抵达日期', 'Arrival date', '抵達日期') },
  'returning.origin@true': { label: t('出发地', 'Coming from', '出發地') },
  'returning.transport@true': { label: t('交通方式', 'Means of transport', '交通方式') },
  'returning.transportNumber@true': {
    label: t('车次或航班号', 'Train or flight number', '車次或航班編號'),
    help: t('乘火车或飞机时填写。', 'For trains and flights.', '乘火車或飛機時填寫。'),
  },
};

/** Labels of the options of each choice, keyed by path, then by value. */
export const OPTION_LABELS: Record<string, Record<string, LocalisedText>> = {
  'identityDocument.type': {
    resident_id_card: t('居民身份证', 'PRC Resident Identity Card', '居民身份證'),
    passport: t('护照', 'Passport', '護照'),
    hk_macau_permit: t('港澳居民来往内地通行证', 'Mainland Travel Permit for Hong Kong and Macao Residents', '港澳居民來往內地通行證'),
    taiwan_permit: t('台湾居民来往大陆通行证', 'Mainland Travel Permit for Taiwan Residents', '台灣居民來往大陸通行證'),
    foreign_permanent_resident_id: t('外国人永久居留身份证', 'Foreign Permanent Resident ID Card', '外國人永久居留身份證'),
  },
  'health.symptoms': {
    none: t('无', 'None', '無'),
    fever: t('发热', 'Fever', '發燒'),
    cough: t('咳嗽', 'Cough', '咳嗽'),
    sore_throat: t('咽痛', 'Sore throat', '喉嚨痛'),
    fatigue: t('乏力', 'Fatigue', '乏力'),
    shortness_of_breath: t('呼吸困难', 'Shortness of breath', '呼吸困難'),
    loss_of_taste_or_smell: t('味觉或嗅觉减退', 'Loss of taste or smell', '味覺或嗅覺減退'),
    diarrhoea: t('腹泻', 'Diarrhoea', '腹瀉'),
  },
  'contacts.caseType': {
    confirmed: t('确诊病例', 'Confirmed case', '確診個案'),
    suspected: t('疑似病例', 'Suspected case', '疑似個案'),
  },
  'returning.transport': {
    train: t('火车', 'Train', '火車'),
    flight: t('飞机', 'Flight', '飛機'),
    coach: t('长途汽车', 'Coach', '長途巴士'),
    car: t('自驾', 'Car', '自駕'),
    ship: t('轮船', 'Ship', '輪船'),
    other: t('其他', 'Other', '其他'),
  },
};

/** Labels of yes/no answers. */
export const BOOLEAN_LABELS: Record<'true' | 'false', LocalisedText> = {
  true: t('是', 'Yes', '是'),
  false: t('否', 'No', '否'),
};
