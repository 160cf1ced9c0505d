export * from './common.js';
export * from './session.js';
export * from './declaration.js';
export * from './code.js';
export * from './org.js';
export * from './authority.js';
