export const placeholder = 'mock-host';
