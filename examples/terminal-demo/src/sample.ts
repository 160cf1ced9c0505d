/**
 * The resident of the demo and what they declare. The ID number is made up but
 * well-formed (GB 11643 check digit), so the validator accepts it.
 */
export const sampleDeclaration = {
  person: { name: '张三丰' },
  identityDocument: { type: 'resident_id_card', number: '31010419900307123X' },
  phone: '13812345678',
  district: '310104',
  health: { temperature: 36.6, symptoms: ['none'] },
  travel: { places: [] },
  contacts: { hadContact: false },
  returning: { isReturning: false },
};

/** The same form filled in carelessly: the validator reports every problem at once. */
export const carelessDeclaration = {
  ...sampleDeclaration,
  identityDocument: { type: 'resident_id_card', number: '310104199003071235' },
  phone: '12345',
  health: { temperature: 63.6, symptoms: ['none', 'cough'] },
};
